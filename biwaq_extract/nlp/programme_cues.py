"""Programme names without quotes after a cue ("mit dem Förderaufruf Zukunft Pflege", "das Landesprogramm Arbeit")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from biwaq_extract.nlp.text_helpers import ascii_slug, matches_where

_W = r"[A-ZÄÖÜ0-9][\wäöüß³+-]*"


def singular_cue_pattern(cues: Iterable[str], inner: Iterable[str], suffixes: Iterable[str]) -> re.Pattern:
    """A singular cue word (whole or ending a compound), then a name of capitalised words that may hold
    `inner` small words ("Stärken vor Ort") and a generation suffix; the name ends where a lower-case
    word or a mark follows.

    >>> p = singular_cue_pattern(["Richtlinie"], ["zur"], ["Plus"])
    >>> p.search("mit der Richtlinie Aktiv zur Rente gefördert").group("name")
    'Aktiv zur Rente'
    """
    forms = sorted({f for c in cues for f in (c, c[:1].lower() + c[1:])}, key=len, reverse=True)
    small = "|".join(map(re.escape, inner))
    suffix = "|".join(map(re.escape, suffixes))
    return re.compile(
        rf"(?<![\w])[\w+-]*?(?:{'|'.join(map(re.escape, forms))})[ \t]+"
        rf"(?P<name>{_W}(?:[ \t]+(?:(?:{small})[ \t]+)?{_W}){{0,4}}(?:[ \t]+(?:{suffix}))?)"
        rf"(?=[ \t]*[,.;:!?)\n]|[ \t]+[a-zäöüß]|[ \t]*$)"
    )


# a definite article or a contraction, then up to two words ("des neuen ESF Plus-"), right before the cue
_DEFINITE_BEFORE = re.compile(r"(?<![\w])(?i:der|die|das|dem|den|des|im|vom|zum|zur|beim|am|ins)[ \t]+"
                              r"(?:[\w+-]+[ \t]+){0,2}$")
_LEGAL_FORM = re.compile(r"[ \t]+(?:e\.[ \t]?V\.|g?GmbH|gUG|eG)(?![\w])")
_COMMON_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "nis")
_PLURAL_ABSTRACT = ("ungen", "heiten", "keiten", "schaften", "tionen", "täten", "nisse")


def singular_cue_hits(text: str, pattern: re.Pattern, cue_words: Iterable[str], not_first: frozenset[str],
                      people: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())) -> list[tuple]:
    """(start, end, id, name, rule) of names after a singular cue word and a definite article: the cue
    makes them programme names. A single plain word ("im Programm Workshops") is as often a common noun,
    so one word counts only when spelled like a name (capitals inside, digits, "+"); a time or number
    ("das Programm 2024") opens no name, nor does a plural abstract noun (its object); people named after
    the name (`people`: nouns and compound endings of the participant finder) are whom it helps."""
    if not any(w in text for w in cue_words):
        return []
    hits = []
    nouns, endings = people
    # the pattern's cue may end a compound joined by "-" or "+" ("ESF Plus-Programm"): runs span them
    for m in matches_where(text, pattern, cue_words, joiners="-_+"):
        name = m.group("name")
        words = name.split()
        while len(words) > 1 and (words[-1].lower() in nouns or words[-1].lower().endswith(endings)):
            words.pop()  # "mit dem Programm Berliner Jobcoaching Beschäftigte": whom it helps, its object
        if len(words) < len(name.split()):
            name = " ".join(words)
        if words[0] in not_first or words[0][:1].isdigit() or name.endswith("-") \
                or words[0].lower().endswith(_PLURAL_ABSTRACT):
            continue  # "des Programms Verbesserungen der …": what the programme brings, not its name
        if len(words) == 1 and not any(ch.isupper() or ch.isdigit() or ch in "+³" for ch in name[1:]):
            continue
        if len(words) == 1 and name.lower().endswith(_COMMON_ENDINGS):
            continue
        if not _DEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _LEGAL_FORM.match(text, m.end()):
            continue  # "die Initiative Pro Arbeit e. V.": an association, not a programme
        start = m.start("name")
        hits.append((start, text.find(words[-1], start) + len(words[-1]), f"text:{ascii_slug(name)}", name,
                     "text:cued-programme"))
    return hits


# a compound cue and one plain word or a Land's short name: the compound is part of the name ("das
# Landesprogramm Arbeit", "des Ausbildungsprogramms NRW"); an inflected word after it is its object
_COMPOUND_CUE = re.compile(
    r"(?<![\w-])(?!Förder|Vorgänger|Nachfolge)"
    r"(?P<cue>[A-ZÄÖÜ][a-zäöüß]{2,}(?:programm|initiative|richtlinie))(?:e?s)?[ \t]+"
    r"(?P<word>[A-ZÄÖÜ][a-zäöüß]{2,}(?<!n)(?<!er)|[A-ZÄÖÜ]{2,3})(?![\w+³-])"
    r"(?=[ \t]*[,.;:!?)\n]|[ \t]+[a-zäöüß]|[ \t]*$)"
    r"(?![ \t]+[a-zäöüß]+[ \t]+[A-ZÄÖÜ])")  # "Vorgängerprogramm Stark im Quartier": the name goes on
# a programme named by a compound and defined by its acronym: "das Beschäftigungspolitische
# Aktionsprogramm (BAP)" -> BAP, also where the acronym is used alone later
_COMPOUND_CUE_WORDS = ("programm", "initiative", "richtlinie")
_ACRONYM_CUE_END = re.compile(r"programm(?:e?s)?[ \t]*\(")
_ACRONYM_AFTER_CUE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+programm(?:e?s)?[ \t]*"
                                r"\((?P<acr>[A-ZÄÖÜ]{2,6})\)")


def compound_cue_hits(text: str, land_short_names: frozenset[str]) -> list[tuple]:
    """(start, end, id, name, rule) of programmes named with their compound cue word ("Landesprogramm
    Arbeit", "Ausbildungsprogramm NRW", after a definite article) and of programmes named by the acronym
    given after a compound cue ("Aktionsprogramm (BAP)").

    >>> [h[3] for h in compound_cue_hits("Das Landesprogramm Arbeit läuft bis 2027.", frozenset())]
    ['Landesprogramm Arbeit']
    >>> [h[3] for h in compound_cue_hits("das Aktionsprogramm (BAP). Das BAP hilft.", frozenset())]
    ['BAP', 'BAP']
    """
    hits = []
    if "rogramm" in text or "nitiative" in text or "ichtlinie" in text:
        for m in matches_where(text, _COMPOUND_CUE, _COMPOUND_CUE_WORDS):
            word = m.group("word")
            if word.isupper() and word not in land_short_names:
                continue  # an acronym after the cue is the programme's own name (read by the caps rule)
            if not _DEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                    or _LEGAL_FORM.match(text, m.end()):
                continue
            name = f"{m.group('cue')} {word}"
            hits.append((m.start(), m.end(), f"text:{ascii_slug(name)}", name, "text:cued-programme"))
    if "(" in text and _ACRONYM_CUE_END.search(text):
        for m in _ACRONYM_AFTER_CUE.finditer(text):
            acr = m.group("acr")
            for use in re.finditer(rf"(?<![\w-]){acr}(?![\w-])", text):
                if use.start() >= m.start("acr"):
                    hits.append((use.start(), use.end(), f"text:{ascii_slug(acr)}", acr, "text:acronym-programme"))
    return hits
