"""Find counts of people who take part, attend, are reached or supported ("Etwa 80 Projektverantwortliche")."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources as ir

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token

from biwaq_extract.nlp.numbers import parse_german_number
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.records import ParticipantCount


@dataclass(frozen=True)
class CountRules:
    """Word lists loaded from data/participants.yaml."""

    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # token sequences, longest first
    nouns: frozenset[str]
    suffixes: tuple[str, ...]
    not_people: frozenset[str]
    modifier_stop: frozenset[str]
    max_modifiers: int
    davon: frozenset[str]
    scale_words: frozenset[str]
    min_count: int


def load_rules(text: str | None = None) -> CountRules:
    data = yaml.safe_load(text if text is not None else ir.files("biwaq_extract").joinpath("data/participants.yaml").read_text("utf-8"))
    quals = [(tuple(str(p).lower().split()), q) for q, phrases in data["qualifiers"].items() for p in phrases]
    quals.sort(key=lambda item: -len(item[0]))
    return CountRules(
        qualifiers=tuple(quals),
        nouns=frozenset(w.lower() for w in data["nouns"]),
        suffixes=tuple(sorted({s.lower() for s in data["suffixes"]}, key=len, reverse=True)),
        not_people=frozenset(w.lower() for w in data["not_people"]),
        modifier_stop=frozenset(w.lower() for w in data["modifier_stop"]),
        max_modifiers=int(data.get("max_modifiers", 2)),
        davon=frozenset(w.lower() for w in data.get("davon", [])),
        scale_words=frozenset(w.lower() for w in data.get("scale_words", [])),
        min_count=int(data.get("min_count", 1)),
    )


def load_resources(nlp: Language) -> CountRules:  # noqa: ARG001
    return load_rules()


def is_people_noun(word: str, rules: CountRules) -> bool:
    """True for a word naming people: listed, or a compound ending in a listed head ("Nachwuchskräfte")."""
    w = word.lower().strip("\"'„“”‚‘’»«")
    if not w or w in rules.not_people:
        return False
    # gender-inclusive spellings: "Teilnehmer*innen", "Expert:innen", "Elternbegleiter_innen"
    for mark in ("*innen", ":innen", "_innen", "/innen"):
        if w.endswith(mark):
            w = w[: -len(mark)] + "innen"
    if w in rules.nouns:
        return True
    head = w.rsplit("-", 1)[-1]
    if head in rules.nouns:
        return True
    return any(w.endswith(s) and len(w) > len(s) + 2 for s in rules.suffixes)


_QUOTES = set("\"'„“”‚‘’»«")


def _number_at(token: Token) -> int | None:
    text = token.text
    if token.like_num or text[:1].isdigit() or text.isalpha():
        return parse_german_number(text)
    return None


def _qualifier(doc: Doc, i: int, rules: CountRules) -> tuple[str, int]:
    """The qualifier before token i and the index where the count's text starts."""
    for phrase, qual in rules.qualifiers:
        n = len(phrase)
        if i - n < 0:
            continue
        words = tuple(t.lower_ for t in doc[i - n : i])
        if words == phrase:
            return qual, i - n
    return "exact", i


def _bounds(count: int, qualifier: str) -> tuple[int | None, int | None]:
    if qualifier == "min":
        return count, None
    if qualifier == "max":
        return None, count
    if qualifier == "approx":
        return None, None
    return count, count


def _is_date_number(doc: Doc, i: int) -> bool:
    """Day numbers ("25.") and years followed by nothing people-like belong to dates, not counts."""
    tok = doc[i]
    if tok.text.endswith(".") and tok.text[:-1].isdigit():
        return True
    return False


def _gender_pair(doc: Doc, k: int) -> bool:
    """True for "Xinnen und X" / "Xinnen und Xn" at token k (a German way of naming people)."""
    if k + 2 >= len(doc) or not doc[k].text[:1].isupper():
        return False
    first, conj, second = doc[k].text, doc[k + 1].lower_, doc[k + 2].text
    if not first.endswith("innen") or conj not in {"und", "oder"}:
        return False
    stem = first[: -len("innen")]
    return second in {stem, stem + "n", stem + "e"}


def _people_phrase(doc: Doc, j: int, rules: CountRules) -> tuple[int, int] | None:
    """Starting after the number at j-1, find modifiers + people noun; return (noun start, end index)."""
    k = j
    modifiers = 0
    while k < len(doc) and (doc[k].text in _QUOTES):
        k += 1
    while k < len(doc) and modifiers <= rules.max_modifiers:
        tok = doc[k]
        if tok.text in _QUOTES:
            k += 1
            continue
        if is_people_noun(tok.text, rules) and (tok.text[:1].isupper() or tok.text[:1] in _QUOTES):
            end = k + 1
            # "Besucherinnen und Besucher", "Teilnehmerinnen und Teilnehmer"
            if end + 1 < len(doc) and doc[end].lower_ in {"und", "oder"} and is_people_noun(doc[end + 1].text, rules):
                end += 2
            return k, end
        if _gender_pair(doc, k):
            # "Elternbegleiterinnen und Elternbegleiter": any agent noun in its paired form
            end = k + 3
            while end < len(doc) and doc[end].text in _QUOTES:
                end += 1
            return k, end
        if tok.is_punct or tok.is_space or tok.like_num or tok.lower_ in rules.modifier_stop:
            return None
        if tok.text[:1].isupper():
            return None
        modifiers += 1
        k += 1
    return None


def find_participant_counts(doc: Doc, rules: CountRules) -> tuple[ParticipantCount, ...]:
    """Every "QUALIFIER? NUMBER modifiers* PEOPLE-NOUN" in the Doc, plus "NUMBER davon" after such a count.

    >>> # "Etwa 80 Projektverantwortliche trafen sich" -> count 80, approx, who "Projektverantwortliche"
    """
    found: list[ParticipantCount] = []
    last_who: str | None = None
    date_chars = sorted((d.start_char, d.end_char) for d in doc._.dates)  # "März 2025 trafen sich …" is no count
    date_starts = [s for s, _ in date_chars]
    for tok in doc:
        if tok.is_space or tok.is_punct or _is_date_number(doc, tok.i):
            continue
        k = bisect_right(date_starts, tok.idx) - 1
        if k >= 0 and tok.idx < date_chars[k][1]:
            continue
        number = _number_at(tok)
        after = tok.i + 1
        if after < len(doc) and doc[after].lower_.rstrip(".") in rules.scale_words:
            # "2,5 Millionen Menschen", "2 Mio. Teilnehmende"
            scaled = parse_german_number(doc[tok.i : after + 1].text)
            if scaled is not None:
                number, after = scaled, after + 1
        if number is None or number < rules.min_count:
            continue
        phrase = _people_phrase(doc, after, rules)
        who_text: str | None = None
        end_i = None
        if phrase is not None:
            noun_start, end_i = phrase
            who_text = doc[after:end_i].text.strip("\"'„“”‚‘’»« ")
        elif last_who and after < len(doc) and doc[after].lower_ in rules.davon:
            end_i = after + 1
            who_text = last_who
        if who_text is None or end_i is None:
            continue
        qualifier, start_i = _qualifier(doc, tok.i, rules)
        span = doc[start_i:end_i]
        lower, upper = _bounds(number, qualifier)
        found.append(
            ParticipantCount(
                text=span.text,
                start_char=span.start_char,
                end_char=span.end_char,
                count=number,
                qualifier=qualifier,
                lower=lower,
                upper=upper,
                who=who_text,
                rule="rule:count-noun" if phrase is not None else "rule:count-davon",
                sentence=sentence_index(doc).text_at(span.start_char, span.end_char),
            )
        )
        last_who = who_text
    return tuple(found)


find = find_participant_counts
