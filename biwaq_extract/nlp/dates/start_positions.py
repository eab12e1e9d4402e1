"""Where the matches of each rule family can begin, so that a pattern is tried there only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from biwaq_extract.nlp.dates.grammar import DASH, prefix_tree

_DAY_OR_YEAR_DIGITS = re.compile(r"[0-9](?<![0-9]{2})(?:[0-9](?:[0-9]{2})?)?(?![0-9])")
_DIGIT_CHARS = frozenset("0123456789")
_SPAN_MARKS = frozenset(DASH + "/")  # between the years of a year span
_PLAIN_PHRASE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# `re.I` matches "İ" and "ı" as "i" and "ſ" as "s", but `str.lower` keeps "ı" and "ſ" and makes "İ" two
# characters: the lowercased text the triggers are looked for in reads them as `re` does.
_CASE_EXCEPTIONS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_CASE_EXCEPTION_CHARS = "\u0130\u0131\u017f"
# Characters before a trigger: every non-word character (and a few word characters, checked in code).
# A set of Latin-1 characters is a bitmap to `re`, so the scan runs at `str.find` speed.
_BEFORE_WORD = "[^a-z0-9_äöüß]"


@dataclass(frozen=True)
class StartRule:
    """Where the matches of one word-based rule family can begin (see `start_positions`).

    Every match holds a word beginning with one of `triggers` (lowercase) and may begin a few words
    earlier, on the same line, with only horizontal whitespace between the words: walking back from the
    trigger's word over words in `chain`, a word in `leads` is a possible beginning.
    """

    triggers: tuple[str, ...]
    chain: frozenset[str] = frozenset()
    leads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StartRules:
    """The start rules of the word-based families, and one scanner for all their triggers."""

    rules: dict[str, StartRule]
    scan: re.Pattern  # a trigger after a character in _BEFORE_WORD; group 1 is the trigger
    scan_first: re.Pattern  # a trigger at the start of the text
    families: dict[str, tuple[str, ...]]  # the longest trigger found -> the families it triggers
    after_day: frozenset[str]  # first letters of the month names, after a day ("3. Mai")
    after_bare_day: frozenset[str]  # first characters of the connectors, after a bare day ("3. bis")


def _words_of(phrases: Any) -> frozenset[str]:
    return frozenset(w for p in phrases for w in str(p).lower().split())


def _first_words(phrases: Any) -> frozenset[str]:
    return frozenset(str(p).lower().split()[0] for p in phrases)


def _prefix_free(words: Any) -> tuple[str, ...]:
    """The words none of whose proper prefixes is also in the set: finding these finds all of them."""
    ws = sorted(set(words))
    return tuple(w for w in ws if not any(v != w and w.startswith(v) for v in ws))


def start_rules(data: dict[str, Any]) -> StartRules | None:
    """Start rules of the word-based families (see `StartRule`), from the same data as their patterns.

    Built only when every phrase is plain lowercase-able words separated by single spaces, which the
    rules rely on; otherwise None and every pattern scans the whole text.
    """
    families = ("months", "seasons", "qualifiers", "relative", "season_relative", "ordinals", "periods")
    for phrase in (str(p) for name in families for p in data[name]):
        low = phrase.lower()
        if len(low) != len(phrase) or not _PLAIN_PHRASE.fullmatch(low) or any(c in low for c in _CASE_EXCEPTION_CHARS):
            return None
    quals = data["qualifiers"]
    rel, season_rel, ordinals = data["relative"], data["season_relative"], data["ordinals"]
    rules = {
        # "(Ende (des Monats)) März"
        "month": StartRule(_prefix_free(_first_words(data["months"])),
                            _words_of(quals) | {"des", "monats"}, _first_words(quals)),
        # "(diesen) (Ende (des)) Sommers"
        "season": StartRule(_prefix_free(_first_words(data["seasons"])),
                             _words_of(season_rel) | _words_of(quals) | {"des"},
                             _first_words(season_rel) | _first_words(quals)),
        # "(im zweiten) Quartal" and "Q3"; "2. Quartal" starts at a digit (see `start_positions`)
        "quarter": StartRule(_prefix_free(_first_words(data["periods"])) + ("q1", "q2", "q3", "q4"),
                              _words_of(ordinals), _first_words(ordinals)),
        # "(im vergangenen) Jahr": the last word of every relative expression is the trigger
        "relative": StartRule(_prefix_free(str(p).lower().split()[-1] for p in rel), _words_of(rel),
                               _first_words(rel)),
        # "2020" starts at its digits, "(gegen) Ende (des Jahres) 2020" at the qualifier: the last word of
        # every qualifier is the trigger
        "year": StartRule(_prefix_free(str(q).lower().split()[-1] for q in quals), _words_of(quals),
                           _first_words(quals)),
    }
    triggers = {t for rule in rules.values() for t in rule.triggers}
    # The scan finds the longest trigger at a place; the shorter ones there are its prefixes.
    found_as = {
        t: tuple(name for name, rule in rules.items() if any(t.startswith(u) for u in rule.triggers))
        for t in triggers
    }
    alternation = "(" + prefix_tree(triggers) + ")"
    connectors = [str(c).lower().lstrip()[:1] for c in [*data["span_connectors"], *data["pair_connectors"], ","]]
    if "" in connectors or any(c in _CASE_EXCEPTION_CHARS for c in connectors):
        return None
    return StartRules(rules, re.compile(_BEFORE_WORD + alternation), re.compile(alternation), found_as,
                       frozenset(m[0] for m in _first_words(data["months"])), frozenset(connectors))


# A word before horizontal whitespace, read backwards in the reversed text.
_WORD_BEFORE = re.compile(r"[^\S\n]+(\w+)")


def _add_leading_words(reverse: str, low: str, start: int, rule: StartRule, found: set[int]) -> None:
    """Walking back from `start` over chain words, each after only horizontal whitespace, add the starts
    of the lead words among them. `reverse` is the text reversed."""
    n = len(low)
    while True:
        m = _WORD_BEFORE.match(reverse, n - start)
        if m is None:
            return
        start = n - m.end()
        word = low[start:n - m.start(1)]
        if word not in rule.chain:
            return
        if word in rule.leads:
            found.add(start)


def _lowercase(text: str) -> str:
    """`text.lower()`, with the characters `re.I` reads otherwise read as `re` does (`_CASE_EXCEPTIONS`)."""
    low = text.lower()
    if len(low) != len(text) or "\u0131" in low or "\u017f" in low:  # "İ" lowercases to two characters
        return text.translate(_CASE_EXCEPTIONS).lower()
    return low


def start_positions(text: str, starts: StartRules | None, relative: bool = True) -> dict[str, list[int]] | None:
    """For every rule family, sorted positions that include every place where one of its matches begins;
    None when the text must be scanned in full (`starts` is None: see `start_rules`)."""
    if starts is None:
        return None
    low = _lowercase(text)
    if len(low) != len(text):
        return None
    # A day ("[0-3]?[0-9]") is a run of at most two digits, a year one of four; each family needs certain
    # characters after it ("3.5.", "3. Mai", "3. bis", "2019-", "2019 / 20", "1990er"): testing for
    # them here is cheaper than trying the pattern.
    runs = [m.span() for m in _DAY_OR_YEAR_DIGITS.finditer(text)]
    days = [(a, b) for a, b in runs if b - a <= 2]
    dotted = [(a, b) for a, b in days if text.startswith(".", b)]
    years = [a for a, b in runs if b - a == 4]
    found: dict[str, set[int]] = {
        "month": set(), "season": set(), "relative": set(), "year": set(years),
        "quarter": {a for a, b in dotted if b - a == 1 and text[a] in "1234"},  # "2. Quartal"
    }
    _add_word_starts(text, low, starts, relative, found)
    digits = _digit_starts(text, low, days, dotted, years, starts)
    return {
        "numeric_date": digits["numeric_date"],
        "iso_date": digits["iso_date"],
        "day_month_numeric": digits["day_month_numeric"],
        "day_month_name": digits["day_month_name"],
        "bare_day": digits["bare_day"],
        "month": sorted(found["month"]),
        "season": sorted(found["season"]),
        "quarter": sorted(found["quarter"]),
        "year": sorted(found["year"]),
        "year_span": digits["year_span"],
        "decade": digits["decade"],
        "relative": sorted(found["relative"]),
    }


def _add_word_starts(text: str, low: str, starts: StartRules, relative: bool, found: dict[str, set[int]]) -> None:
    """Add to `found` the starts of the word-based families: each trigger and the lead words before it."""
    first = starts.scan_first.match(low)
    hits = [(0, first.group(0))] if first else []
    hits += [(m.start(1), m.group(1)) for m in starts.scan.finditer(low)]
    reverse = text[::-1] if hits else ""
    for p, trigger in hits:
        if p and (text[p - 1].isalnum() or text[p - 1] == "_"):
            continue  # a word character such as "é" before it, not a word start
        for family in starts.families[trigger]:
            if family == "relative" and not relative:
                continue
            found[family].add(p)
            _add_leading_words(reverse, low, p, starts.rules[family], found[family])


def _digit_starts(text: str, low: str, days: list[tuple[int, int]], dotted: list[tuple[int, int]], years: list[int],
                  starts: StartRules) -> dict[str, list[int]]:
    """Starts of the families that begin with a day or a year, from the characters after its digits."""
    return {
        "numeric_date": [a for a, b in dotted
                         if text[b + 1:b + 2] in _DIGIT_CHARS or text[b + 2:b + 3] in _DIGIT_CHARS],
        "iso_date": [a for a in years if text.startswith("-", a + 4)],
        "day_month_numeric": [a for a, b in dotted if text[b + 1:b + 2] in _DIGIT_CHARS],
        "day_month_name": [a for a, b in days if low[b:b + 5].lstrip(".").lstrip()[:1] in starts.after_day],
        "bare_day": [a for a, b in dotted if low[b + 1:b + 5].lstrip()[:1] in starts.after_bare_day],
        "year_span": [a for a in years if text[a + 4:a + 5] in _SPAN_MARKS or text[a + 5:a + 6] in _SPAN_MARKS],
        "decade": [a for a in years if low.startswith("0er", a + 3)],
    }


def finditer(pattern: re.Pattern, text: str, starts: list[int] | None) -> list[re.Match]:
    """`pattern.finditer(text)`, trying the pattern only at `starts` (all of the text when None)."""
    if starts is None:
        return list(pattern.finditer(text))
    out: list[re.Match] = []
    end = 0
    for s in starts:
        if s >= end:
            m = pattern.match(text, s)  # (lookbehinds see the text before s, as in a scan)
            if m is not None:
                out.append(m)
                end = m.end()  # no pattern matches the empty string
    return out

