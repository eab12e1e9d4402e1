"""German case forms of names: every form a name takes in text, and the nominative of a form found in text."""

from __future__ import annotations

import re

from biwaq_extract.nlp.rule_data import load

_WORDS = load("case_forms")
_ADJ = re.compile(rf"^((?=[A-ZÄÖÜ])[\w-]*?(?:{'|'.join(_WORDS['adjective_stem_endings'])}))(e|en|er|es|em)$")
_FEMININE = tuple(_WORDS["feminine_endings"])
_MASCULINE = tuple(_WORDS["masculine_endings"])
_COORD = frozenset(_WORDS["coordinators"])
_NOT_ADJ = tuple(_WORDS["adjective_like_nouns"])
_GENITIVE_S_HEADS = tuple(_WORDS["genitive_s_heads"])


def gender(head: str) -> str:
    """Grammatical gender of a head noun from its ending: "m", "f" or "n".

    >>> gender("Städtetag"), gender("Kommission"), gender("Ministerium")
    ('m', 'f', 'n')
    """
    low = head.lower()
    if low.endswith(_MASCULINE):
        return "m"
    if low.endswith(_FEMININE):
        return "f"
    return "n"


def _genitives(head: str) -> set[str]:
    """Genitive forms of a masculine or neuter head noun ("Amt" -> Amts, Amtes)."""
    if not head[:1].isupper() or head.isupper() or gender(head) == "f" or head[-1] == "s":
        return set()
    if head[-1] in "ßxz":
        return {head + "es"}  # "Kreuz" -> "Kreuzes"
    forms = {head + "s"}
    if head[-1] in "tdgkbp" and not head.lower().endswith(("um", "ent")):
        forms.add(head + "es")
    return forms


def _split_name(words: list[str]) -> tuple[int, int]:
    """(number of leading adjectives, index of the head noun) of a name's words."""
    n_adj = 0
    while n_adj + 1 < len(words) and _ADJ.match(words[n_adj]) and words[n_adj + 1][:1].isupper() \
            and not words[n_adj].lower().endswith(_NOT_ADJ):
        n_adj += 1
    head = n_adj
    if head + 1 < len(words) and words[head].endswith("er") and words[head][:1].isupper() \
            and words[head + 1][:1].isupper() and not words[head + 1].endswith("-"):
        head += 1  # a place adjective in -er does not inflect: "Thüringer Ministeriums" -> "Thüringer Ministerium"
    while head + 1 < len(words) and (words[head].endswith("-") or words[head] in _COORD or words[head + 1] in _COORD
                                     and words[head].endswith("-")):
        head += 1
    while head + 1 < len(words) and words[head] in _COORD:
        head += 1
    return n_adj, head


def inflected_variants(name: str) -> set[str]:
    """Every German case form of a name: weak/strong adjective endings and the genitive of the head noun.

    >>> sorted(inflected_variants("Bundesministerium für Arbeit und Soziales"))
    ['Bundesministerium für Arbeit und Soziales', 'Bundesministeriums für Arbeit und Soziales']
    >>> "Europäischen Kommission" in inflected_variants("Europäische Kommission")
    True
    >>> "Bayerischen Arbeits- und Sozialministeriums" in inflected_variants("Bayerisches Arbeits- und Sozialministerium")
    True
    >>> {"Deutschen Städtetages", "Deutschen Städtetag"} <= inflected_variants("Deutscher Städtetag")
    True
    >>> sorted(inflected_variants("BMAS"))
    ['BMAS']
    """
    words = name.split()
    if not words:
        return set()
    n_adj, head = _split_name(words)
    stems = [_ADJ.match(word).group(1) for word in words[:n_adj]]
    # adjectives in a row take the same ending ("des Deutschen Roten Kreuzes")
    adj_forms = [[stem + ending for stem in stems] for ending in ("e", "en", "er", "es", "em")]
    head_forms = [words[head], *sorted(_genitives(words[head]))] if head < len(words) else []
    variants = set()
    for adjs in adj_forms:
        for h in head_forms or [None]:
            parts = list(adjs) + words[n_adj:head] + ([h] if h else []) + words[head + 1:]
            variants.add(" ".join(parts))
    if head == n_adj and len(words) - head == 2 and words[head][:1].isupper() and words[-1][:1].isupper():
        # a name before its head noun: "Malteser Hilfsdienst" -> "Malteser Hilfsdienstes"
        variants.update(" ".join(words[:-1] + [g]) for g in _genitives(words[-1]))
    variants.add(name)
    return variants


def nominative(name: str) -> str:
    """The nominative of an inflected name found in text.

    >>> nominative("Evangelischen Hochschule Berlin")
    'Evangelische Hochschule Berlin'
    >>> nominative("Bayerischen Arbeits- und Sozialministeriums")
    'Bayerisches Arbeits- und Sozialministerium'
    >>> nominative("Europabüros Nürnberg")
    'Europabüro Nürnberg'
    >>> nominative("Thüringer Ministeriums für Arbeit")
    'Thüringer Ministerium für Arbeit'
    """
    words = name.split()
    if not words:
        return name
    n_adj, head = _split_name(words)
    if head < len(words):
        h = _nominative_head(words[head])
        words[head] = h
        ending = {"f": "e", "m": "er", "n": "es"}[gender(h)]
        for k in range(n_adj):
            words[k] = _ADJ.match(words[k]).group(1) + ending
    return " ".join(words)


def _nominative_head(h: str) -> str:
    """The head noun without its genitive ending ("Ministeriums" -> "Ministerium", "Amtes" -> "Amt")."""
    for suffix in ("iums", "ums"):
        if h.endswith(suffix):
            return h[:-1]
    if h.endswith("es") and gender(h[:-2]) != "f" and h[-3:-2] in tuple("tdgkbp") and len(h) > 5 \
            and not h.endswith(("ses", "zes")):
        return h[:-2]
    if h.endswith(("zes", "xes", "ßes", "hauses")) and len(h) > 5 and h[:1].isupper() and gender(h[:-2]) != "f":
        return h[:-2]  # "Kreuzes" -> "Kreuz", "Kinderhauses" -> "Kinderhaus"
    if h.endswith("s") and len(h) > 4 and gender(h[:-1]) != "f" and h[:-1].lower().endswith(_GENITIVE_S_HEADS):
        return h[:-1]
    return h
