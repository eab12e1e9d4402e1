"""Find counts of people who take part, attend, are reached or supported ("Etwa 80 Projektverantwortliche")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from biwaq_extract.nlp.numbers import may_be_number, parse_german_number
from biwaq_extract.nlp.rule_data import load, load_yaml
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.text_helpers import QUOTES
from biwaq_extract.nlp.token_view import TokenView, doc_lower_words, doc_words, token_positions, view
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
    vague_before: frozenset[str]
    min_count: int
    not_taking_part: frozenset[str] = frozenset()
    not_participles: tuple[str, ...] = ()
    # per language (like_num is language-specific): the numbers of the words seen so far (see _NumberMemo)
    number_memos: dict[str, _NumberMemo] = field(default_factory=dict, compare=False, hash=False, repr=False)


def load_rules(text: str | None = None) -> CountRules:
    data = load_yaml(text) if text is not None else load("participants")
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
        vague_before=frozenset(w.lower() for w in data.get("vague_before", [])),
        min_count=int(data.get("min_count", 1)),
        not_taking_part=frozenset(w.lower() for w in data.get("not_taking_part", [])),
        not_participles=tuple(w.lower() for w in data.get("not_participles", [])),
    )


def load_resources() -> CountRules:
    """Read participants.yaml once per pipeline."""
    return load_rules()


def is_people_noun(word: str, rules: CountRules) -> bool:
    """True for a word naming people: listed, or a compound ending in a listed head ("Nachwuchskräfte")."""
    w = word.lower().strip("\"'„“”‚‘’»«")
    if not w or w in rules.not_people:
        return False
    # gender-inclusive spellings ("Teilnehmer*innen", "Expert:innen", "AusstellerInnen") are only used for
    # people
    if word.endswith("Innen") or any(w.endswith(mark) for mark in _GENDER_MARKS):
        return True
    if w in rules.nouns:
        return True
    head = w.rsplit("-", 1)[-1]
    if head in rules.nouns:
        return True
    if w.endswith(("ende", "enden")) and len(w) > 7 and not w.endswith(rules.not_participles):
        return True  # a present participle as a noun names people: "Lernende", "Ausstellenden"
    return w.endswith(rules.suffixes) and any(w.endswith(s) and len(w) > len(s) + 2 for s in rules.suffixes)


_GENDER_MARKS = ("*innen", ":innen", "_innen", "/innen")


_QUOTES = frozenset(QUOTES)


def _number_of(text: str, like_num: bool) -> int | None:
    """The number a token's text names (words are checked cheaply before they are parsed)."""
    if like_num or text[:1].isdigit() or (text.isalpha() and may_be_number(text)):
        return parse_german_number(text)
    return None


def _qualifier(v: TokenView, i: int, rules: CountRules) -> tuple[str, int]:
    """The qualifier before token i and the index where the count's text starts."""
    lowers = v.lowers
    for phrase, qual in rules.qualifiers:
        n = len(phrase)
        if i - n < 0:
            continue
        if tuple(lowers[i - n : i]) == phrase:
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


def _is_date_number(text: str) -> bool:
    """Day numbers ("25.") belong to dates, not counts."""
    return text.endswith(".") and text[:-1].isdigit()


def _gender_pair(v: TokenView, k: int) -> bool:
    """True for "Xinnen und X" / "Xinnen und Xn" at token k (a German way of naming people)."""
    if k + 2 >= v.n or not v.texts[k][:1].isupper():
        return False
    first, conj, second = v.texts[k], v.lowers[k + 1], v.texts[k + 2]
    if not first.endswith("innen") or conj not in {"und", "oder"}:
        return False
    stem = first[: -len("innen")]
    return second in {stem, stem + "n", stem + "e", stem + "en"}


_AND = frozenset({"und", "oder", "sowie"})


def _paired_with_people(v: TokenView, k: int, rules: CountRules) -> bool:
    """ "Trainerinnen und Coaches", "Trainerinnen und Mentoren": a feminine plural joined to a people noun."""
    text = v.texts[k]
    return (
        k + 2 < v.n and text[:1].isupper() and text.endswith("innen") and len(text) > 8
        and v.lowers[k + 1] in _AND and is_people_noun(v.texts[k + 2], rules)
    )


def _people_phrase(v: TokenView, j: int, rules: CountRules) -> tuple[int, int] | None:
    """Starting after the number at j-1, find modifiers + people noun; return (noun start, end index)."""
    texts, lowers, n = v.texts, v.lowers, v.n
    k = j
    modifiers = 0
    while k < n and (texts[k] in _QUOTES):
        k += 1
    while k < n and modifiers <= rules.max_modifiers:
        text = texts[k]
        if text in _QUOTES:
            k += 1
            continue
        if text.endswith("-") and text[:1].isupper() and k + 1 < n and lowers[k + 1] in _AND:
            k += 2  # a compound cut before "und": "Lehr- und Fachkräfte"
            continue
        if _paired_with_people(v, k, rules):
            return k, k + 3
        if (k + 4 < n and lowers[k].endswith("innen") and texts[k + 1] == "," and lowers[k + 2] == lowers[k][:-5]
                and lowers[k + 3] in _AND and is_people_noun(texts[k + 4], rules)):
            return k, k + 5  # a paired form opening a list: "Ausbilderinnen, Ausbilder und Lehrkräfte"
        if text[:1].isupper() and k + 2 < n and texts[k + 1] in (":", "/") and texts[k + 2] == "innen" and v.idx[k + 1] == v.ends[k]:
            return k, k + 3  # "Aussteller:innen" read as three tokens
        if is_people_noun(text, rules) and (text[:1].isupper() or text[:1] in _QUOTES):
            end = k + 1
            # "Besucherinnen und Besucher", "Teilnehmerinnen und Teilnehmer"
            if end + 1 < n and lowers[end] in {"und", "oder"} and is_people_noun(texts[end + 1], rules):
                end += 2
            return k, end
        if _gender_pair(v, k) and lowers[k + 2] not in rules.not_people:
            # "Elternbegleiterinnen und Elternbegleiter": any agent noun in its paired form
            end = k + 3
            while end < n and texts[end] in _QUOTES:
                end += 1
            return k, end
        if v.is_punct[k] or v.is_space[k] or v.like_num[k] or lowers[k] in rules.modifier_stop:
            return None
        if text[:1].isupper():
            return None
        modifiers += 1
        k += 1
    return None


class _NumberMemo:
    """The numbers that token texts name, remembered across Docs: most words of a Doc were seen before,
    so a Doc costs a few set operations instead of a number test per word.

    Safe to share between threads: a word is marked seen only after its number is stored, and the
    tables are replaced together (never cleared in place) when they grow too large.
    """

    MAX_WORDS = 200_000  # forget everything beyond this many words (bounded memory on long runs)

    def __init__(self) -> None:
        # (seen words, {word: number}, the keys of that dict as a set for fast intersections)
        self.tables: tuple[set[str], dict[str, int], set[str]] = (set(), {}, set())

    def numbers_in(self, doc: Doc, words: set[str]) -> dict[str, int]:
        """{text: number} for the texts among `words` that name a number."""
        if len(self.tables[0]) > self.MAX_WORDS:
            self.tables = (set(), {}, set())
        seen, numbers, number_words = self.tables
        new = words - seen
        if new:
            vocab = doc.vocab
            for text in new:
                # like_num is a lexical attribute (one value per text); only needed for unusual shapes
                plain = text[:1].isdigit() or text.isalpha()
                value = _number_of(text, False if plain else vocab[text].like_num)
                if value is not None:
                    numbers[text] = value
                    number_words.add(text)
            seen |= new
        return {t: numbers[t] for t in words & number_words}


_TAKING_PART = re.compile(r"(teilnehm|besuch|gäst|gast)")
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "–", "—"})


def _clause_says_not_taking_part(v: TokenView, start: int, end: int, rules: CountRules, reach: int = 12) -> bool:
    """True when the clause around tokens start..end has a verb of shortage or residence ("fehlen", "leben")."""
    if not rules.not_taking_part:
        return False
    k = start - 1
    while k >= 0 and start - k <= reach and v.texts[k] not in _CLAUSE_ENDS and "\n" not in v.texts[k]:
        if v.lowers[k] in rules.not_taking_part:
            return True
        k -= 1
    k = end
    while k < v.n and k - end <= reach and v.texts[k] not in _CLAUSE_ENDS and "\n" not in v.texts[k]:
        if v.lowers[k] in rules.not_taking_part:
            return True
        k += 1
    return False


def _count_starts(doc: Doc, v: TokenView, rules: CountRules) -> list[int]:
    """Indices of the tokens that can start a count: a number of at least `min_count`, or a word
    before a scale word ("2,5 Millionen"). Checked per distinct word, not per token."""
    memo = rules.number_memos.get(doc.lang_)
    if memo is None:
        memo = rules.number_memos[doc.lang_] = _NumberMemo()
    numbers = {t for t, x in memo.numbers_in(doc, doc_words(doc)).items() if x >= rules.min_count}
    scales: set[str] = set()
    text_lower = v.text.lower()
    if any(w in text_lower for w in rules.scale_words):  # most texts have no scale word at all
        scales = {w for w in doc_lower_words(doc) if w.rstrip(".") in rules.scale_words}
    texts, lowers = v.texts, v.lowers
    starts = token_positions(texts, numbers) if numbers else []
    if scales:
        starts = sorted({*starts, *(i - 1 for i in range(1, v.n) if lowers[i] in scales)})
    return starts


def find_participant_counts(doc: Doc, rules: CountRules) -> tuple[ParticipantCount, ...]:
    """Every "QUALIFIER? NUMBER modifiers* PEOPLE-NOUN" in the Doc, plus "NUMBER davon" after such a count.

    >>> # "Etwa 80 Projektverantwortliche trafen sich" -> count 80, approx, who "Projektverantwortliche"
    """
    v = view(doc)
    starts = _count_starts(doc, v, rules)
    if not starts:
        return ()
    texts, lowers, idx, ends, n = v.texts, v.lowers, v.idx, v.ends, v.n
    found: list[ParticipantCount] = []
    last_who: str | None = None
    date_chars = sorted((d.start_char, d.end_char) for d in doc._.dates)  # "März 2025 trafen sich …" is no count
    date_starts = [s for s, _ in date_chars]
    for i in starts:
        if v.is_space[i] or v.is_punct[i] or _is_date_number(texts[i]):
            continue
        if i > 0 and lowers[i - 1] in rules.vague_before and texts[i].isalpha():
            continue  # "mehrere hundert Menschen": a vague amount
        k = bisect_right(date_starts, idx[i]) - 1
        if k >= 0 and idx[i] < date_chars[k][1]:
            continue
        number = _number_of(texts[i], v.like_num[i])
        after = i + 1
        if after < n and lowers[after].rstrip(".") in rules.scale_words:
            # "2,5 Millionen Menschen", "2 Mio. Teilnehmende"
            scaled = parse_german_number(v.span_text(i, after + 1))
            if scaled is not None:
                number, after = scaled, after + 1
        if number is None or number < rules.min_count:
            continue
        phrase = _people_phrase(v, after, rules)
        who_text: str | None = None
        end_i = None
        if phrase is not None:
            noun_start, end_i = phrase
            who_text = v.span_text(after, end_i).strip("\"'„“”‚‘’»« ")
        elif last_who and after < n and lowers[after] in rules.davon:
            end_i = after + 1
            who_text = last_who
        if who_text is None or end_i is None:
            continue
        if not _TAKING_PART.match(who_text.split()[-1].lower()) and _clause_says_not_taking_part(v, i, end_i, rules):
            continue  # "Teilnehmende" and "Gäste" take part whatever the clause says ("die 50 Teilnehmenden leben in …")
        qualifier, start_i = _qualifier(v, i, rules)
        start_char, end_char = idx[start_i], ends[end_i - 1]
        lower, upper = _bounds(number, qualifier)
        found.append(
            ParticipantCount(
                text=v.text[start_char:end_char],
                start_char=start_char,
                end_char=end_char,
                count=number,
                qualifier=qualifier,
                lower=lower,
                upper=upper,
                who=who_text,
                rule="rule:count-noun" if phrase is not None else "rule:count-davon",
                sentence=sentence_index(doc).text_at(start_char, end_char),
            )
        )
        last_who = who_text
    return tuple(found)


find = find_participant_counts
