"""Find German date expressions in a Doc and normalise each to an inclusive interval with a granularity.

Why regular expressions over `doc.text` and not a token Matcher: the spaCy German tokenizer keeps
"10.–12.", "25./26.", "3.5." and "2019–2022" as single tokens but splits "2019 - 2022" into three,
so a token grammar would need a pattern for every tokenisation of the same expression. A grammar over
characters sees them alike, gives exact character offsets, and does not depend on any model; tokens are
only used afterwards to find the evidence sentence.

How it works, in three passes:
1. atoms: each rule family (one function `_<family>_pattern` each, examples in its docstring) finds
   expressions that name one day, month, season, quarter, year, or a relative expression; an atom may
   lack its month or year ("3." in "3. bis 5. Mai", "im März");
2. spans: neighbouring atoms joined by a connector ("bis", "–", "und" for adjacent units, anything after
   "zwischen") become one interval; missing months and years are inherited from the right-hand side;
3. resolution: a year still missing comes from the publication date (see `_resolve_year`), invalid
   dates ("31. Februar") are dropped, and every record keeps surface offsets into the original text.

dateparser is deliberately not used: every span is normalised from the fields the grammar already
parsed, with `datetime`, which is exact, fast and never searches text.
"""

from __future__ import annotations

import bisect
import calendar
import operator
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from importlib import resources as importlib_resources
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from biwaq_extract.nlp.rule_data import load_yaml
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import doc_text
from biwaq_extract.records import DateMention

DATA_FILE = "data/temporal.yaml"

# Characters that do not change meaning and are removed before matching (offsets are mapped back):
# soft hyphen, zero-width space/joiners, word joiner, byte-order mark.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# HTML remnants read as one space.
_ENTITY_SPACE = re.compile(r"&(?:nbsp|#160|#xa0);", re.I)
_DASH = "-\u2010\u2011\u2012\u2013\u2014"
_WS = r"[^\S\n]"  # horizontal whitespace incl. no-break and thin spaces, but not a line break
# Evidence sentences longer than this (text without punctuation, e.g. 1 MB of garbage) are cut around
# the mention; 600 characters hold any real German sentence in the newsletter corpus.
MAX_SENTENCE_CHARS = 600


@dataclass(frozen=True)
class TemporalResources:
    """Compiled patterns and lookup tables built once from temporal.yaml."""

    year_min: int
    year_max: int
    months: dict[str, int]
    month_needs_anchor: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    periods: dict[str, int]
    relative: dict[str, tuple[str, int]]
    season_relative: dict[str, int]
    anchor_words: frozenset[str]
    weekdays: frozenset[str]
    relative_skip_before: frozenset[str]
    relative_skip_after: frozenset[str]
    not_year_after: frozenset[str]
    not_year_before: frozenset[str]
    year_prepositions: frozenset[str]
    past_cues: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    future_cues: frozenset[str]
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    span_connector: re.Pattern | None = None
    pair_connector: re.Pattern | None = None
    list_connector: re.Pattern | None = None
    prefix: re.Pattern | None = None
    starts: _StartRules | None = None  # None: data the start rules cannot describe, scan everything


class _Atom(NamedTuple):
    """One matched expression before year resolution; offsets are into the normalised text.

    (A named tuple, not a frozen dataclass: tens of thousands are made per thousand articles, and a
    frozen dataclass takes several times longer to build.)"""

    start: int
    end: int
    kind: str  # bare_day | day | month | season | quarter | year | years | relative
    rule: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    months: int = 1  # length in months for season/quarter/half-year
    year_end: int | None = None  # for decades and compact year spans
    anchored: bool = True  # a yearless month/season/day-month is only a date after an anchor word
    publication: bool = False
    fixed: tuple[dt.date, dt.date] | None = None  # relative expressions, resolved at match time
    year_inherited: bool = False  # the year came from the right-hand side of a list or span
    # A year's match, for the check against counts and codes that `_select` makes when it keeps the year.
    year_match: re.Match | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------------------------- loading


def _read_data() -> dict[str, Any]:
    text = importlib_resources.files("biwaq_extract").joinpath(DATA_FILE).read_text("utf-8")
    return load_yaml(text)


def _alternation(words: Any) -> str:
    """Regex alternation of literal words, longest first so that "sept" wins over "sep"."""
    escaped = sorted({re.escape(str(w)).replace(r"\ ", _WS + "+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def load_resources(nlp: Language | None = None) -> TemporalResources:  # noqa: ARG001 (factory signature)
    """Read temporal.yaml and compile every rule family's pattern."""
    data = _read_data()
    lower = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    res = TemporalResources(
        year_min=int(data["year_range"][0]),
        year_max=int(data["year_range"][1]),
        months={k.lower(): int(v) for k, v in data["months"].items()},
        month_needs_anchor=lower(data["month_needs_anchor"]),
        seasons={k.lower(): (int(v[0]), int(v[1])) for k, v in data["seasons"].items()},
        ordinals={k.lower(): int(v) for k, v in data["ordinals"].items()},
        periods={k.lower(): int(v) for k, v in data["periods"].items()},
        relative={re.sub(r"\s+", " ", k.lower()): (v[0], int(v[1])) for k, v in data["relative"].items()},
        season_relative={re.sub(r"\s+", " ", k.lower()): int(v) for k, v in data["season_relative"].items()},
        anchor_words=lower(data["anchor_words"]),
        weekdays=lower(data["weekdays"]),
        relative_skip_before=lower(data["relative_skip_before"]),
        relative_skip_after=lower(data["relative_skip_after"]),
        not_year_after=lower(data["not_year_after"]),
        not_year_before=lower(data["not_year_before"]),
        year_prepositions=lower(data["year_prepositions"]),
        past_cues=lower(data["past_cues"]),
        perfect_auxiliaries=lower(data["perfect_auxiliaries"]),
        future_cues=lower(data["future_cues"]),
    )
    patterns = {
        "numeric_date": _numeric_date_pattern(),
        "iso_date": _iso_date_pattern(),
        "day_month_numeric": _day_month_numeric_pattern(),
        "day_month_name": _day_month_name_pattern(data),
        "bare_day": _bare_day_pattern(data),
        "month": _month_pattern(data),
        "season": _season_pattern(data),
        "quarter": _quarter_pattern(data),
        "year": _year_pattern(data),
        "year_span": _year_span_pattern(),
        "decade": _decade_pattern(),
        "relative": _relative_pattern(data),
        "publication_line": re.compile(r"(?m)^[^\S\n]*Datum[^\S\n]*:?\s{0,20}(?=[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})"),
    }
    span_words = (
        rf"(?:{_alternation(data['span_connectors'])}"
        rf"(?:{_WS}+{_alternation(data['span_connector_adverbs'])})?"
        rf"(?:{_WS}+{_alternation(data['span_connector_articles'])})?)"
    )
    return replace(
        res,
        patterns=patterns,
        starts=_start_rules(data),
        # "bis zum Jahr 2031": the noun after the connector belongs to the connector. Connectors never
        # cross a line break: the "Datum" line and the next paragraph's "Bis zum ..." are two things.
        span_connector=re.compile(rf"{_WS}*,?{_WS}*{span_words}(?:{_WS}+(?:Jahre?|Monat))?{_WS}*", re.I),
        pair_connector=re.compile(rf"{_WS}*{_alternation(data['pair_connectors'])}{_WS}*", re.I),
        list_connector=re.compile(rf"{_WS}*,{_WS}*", re.I),
        prefix=re.compile(rf"(?<!\w){_alternation(data['span_prefixes'])}{_WS}+$", re.I),
    )


# ------------------------------------------------------------------------------------- rule families
# Each function returns the compiled pattern of one rule family. Digits are [0-9], not \d, so that
# other scripts' digits never become dates.

_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9]|2100)"
_YEAR_END = r"(?![0-9A-Za-zÄÖÜäöüß]|[.,][0-9])"  # not glued to a longer number or word


def _month_names(data: dict[str, Any]) -> str:
    """Month names; abbreviations ("Sept.", "Feb.") may carry their dot, full names ("Mai.") may not,
    so that a sentence's full stop stays outside the date."""
    abbreviations = {str(a).lower() for a in data["month_needs_anchor"]}
    full = [m for m in data["months"] if str(m).lower() not in abbreviations]
    return rf"(?:{_alternation(abbreviations)}\.?(?!\w)|{_alternation(full)}(?!\w))"


def _numeric_date_pattern() -> re.Pattern:
    """Day-first numeric dates with a four-digit year.

    >>> bool(_numeric_date_pattern().search("am 12.11.2019 in Bonn"))
    True

    Matches "12.11.2019", "1.5.2020", "01. 07. 2024"; not "1.243" or "2.000.000".
    """
    return re.compile(
        rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.{_WS}?(?P<month>[01]?[0-9])\.{_WS}?(?P<year>{_YEAR}){_YEAR_END}"
    )


def _iso_date_pattern() -> re.Pattern:
    """ISO dates as some articles print them: "2019-11-12"."""
    return re.compile(rf"(?<![0-9.,\-])(?P<year>{_YEAR})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])")


def _day_month_numeric_pattern() -> re.Pattern:
    """Day and month without a year, with the closing dot: "am 3.5.", "bis 12.11." (anchor needed)."""
    return re.compile(r"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.(?P<month>[01]?[0-9])\.(?![0-9]|\s?[0-9])")


def _day_month_name_pattern(data: dict[str, Any]) -> re.Pattern:
    """Day with a month name and an optional year.

    Matches "25. September 2019", "01. Juli 2024", "3. Mai", "16. Sept. 2021", "1. Jänner 2020".
    """
    months = _month_names(data)
    return re.compile(
        rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.?{_WS}{{0,3}}(?P<month>{months})(?!\w)"
        rf"(?:{_WS}{{1,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def _bare_day_pattern(data: dict[str, Any]) -> re.Pattern:
    """A day number left of a connector, whose month follows: "3." in "vom 3. bis 5. Mai",
    "10." in "10.–12. Mai 2022", "25." in "25. und 26. September" or "25./26. September"."""
    connectors = _alternation(list(data["span_connectors"]) + list(data["pair_connectors"]) + [","])
    return re.compile(rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.(?={_WS}{{0,3}}{connectors})", re.I)


def _month_pattern(data: dict[str, Any]) -> re.Pattern:
    """A month name, optionally qualified, with an optional year.

    Matches "März 2021", "im März", "Ende März", "Anfang Februar 2024", "Ende des Monats August",
    "Januar 2023"; a month without year counts only after an anchor word (checked in code).
    """
    months = _month_names(data)
    quals = _alternation(data["qualifiers"])
    return re.compile(
        rf"(?<![\w.])(?:(?P<qual>{quals}){_WS}{{1,3}}(?:des{_WS}{{1,3}}Monats{_WS}{{1,3}})?)?"
        rf"(?P<month>{months})(?![\w\-])"
        rf"(?:{_WS}{{1,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def _season_pattern(data: dict[str, Any]) -> re.Pattern:
    """A meteorological season with an optional year or year pair.

    Matches "Herbst 2020", "im Frühjahr", "Sommer 2023", "Winter 2022/2023", "Ende des Sommers 2021",
    "diesen Sommer" (relative), not "Sommerferien" or "Sommer-Akademie".
    """
    seasons = _alternation(data["seasons"].keys())
    quals = _alternation(data["qualifiers"])
    rel = _alternation(data["season_relative"].keys())
    return re.compile(
        rf"(?<![\w.])(?:(?P<rel>{rel}){_WS}{{1,3}})?"
        rf"(?:(?P<qual>{quals}){_WS}{{1,3}}(?:des{_WS}{{1,3}})?)?"
        rf"(?P<season>{seasons})(?:e?s)?(?![\w\-])"
        rf"(?:{_WS}{{1,3}}(?P<year>{_YEAR})(?:{_WS}?/{_WS}?(?P<year2>{_YEAR}|[0-9]{{2}}))?{_YEAR_END})?",
        re.I,
    )


def _quarter_pattern(data: dict[str, Any]) -> re.Pattern:
    """Quarters and half-years with an optional year.

    Matches "im zweiten Quartal 2022", "2. Quartal", "Q3 2021", "Q3/2021", "ersten Halbjahr 2023",
    "des dritten Quartals 2020".
    """
    ordinals = _alternation(data["ordinals"].keys())
    periods = _alternation(data["periods"].keys())
    return re.compile(
        rf"(?<![\w.])(?:(?P<ord>{ordinals}|[1-4]\.){_WS}{{1,3}}(?P<period>{periods})(?!\w)|Q(?P<q>[1-4])(?!\w))"
        rf"(?:{_WS}{{0,3}}/?{_WS}{{0,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def _year_pattern(data: dict[str, Any]) -> re.Pattern:
    """A year, optionally qualified: "2017", "seit 2008", "Ende 2018", "Mitte des Jahres 2020".

    Not "2.019", "12019", "2019,5" or "§ 2019"; counts and codes are filtered in code by their
    neighbouring words (temporal.yaml `not_year_before` / `not_year_after`).
    """
    quals = _alternation(data["qualifiers"])
    return re.compile(
        rf"(?<![\w§])(?<![0-9][.,:/])"
        rf"(?:(?P<qual>{quals}){_WS}{{1,3}}(?:(?:des|dieses){_WS}{{1,3}}Jahres{_WS}{{1,3}})?)?"
        rf"(?P<year>{_YEAR}){_YEAR_END}",
        re.I,
    )


def _year_span_pattern() -> re.Pattern:
    """Two years joined by a dash or slash: "2019-2022", "2019–2022", "2021 - 2027", "2019/20"."""
    return re.compile(
        rf"(?<![\w§.,])(?P<year>{_YEAR}){_WS}?[{_DASH}/]{_WS}?(?P<year2>{_YEAR}|[0-9]{{2}}){_YEAR_END}"
    )


def _decade_pattern() -> re.Pattern:
    """A decade: "1990er Jahre", "in den 2010er-Jahren"."""
    return re.compile(r"(?<![\w.,])(?P<year>(?:19[5-9]|20[0-9])0)er[\s\-]{1,3}Jahren?(?!\w)", re.I)


def _relative_pattern(data: dict[str, Any]) -> re.Pattern:
    """Relative expressions from temporal.yaml: "dieses Jahr", "im vergangenen Jahr", "heute"."""
    return re.compile(rf"(?<![\w])(?P<rel>{_alternation(data['relative'].keys())})(?!\w)", re.I)


# ------------------------------------------------------------------------------ where matches can begin
# Python's `re` tries a pattern that begins with a lookbehind or a word list at every character of the
# text, so running thirteen of them over each article was most of this module's time. Yet every match
# begins at a place that is cheap to find: at a run of digits ("3." "2019"), at a word starting with a
# trigger (a month or season name, "heute", "Jahr", "Quartal"), or a few words before such a word
# ("Ende des Monats März", "im vergangenen Jahr"). One scan of the lowercased text finds the digits, one
# the triggers; `_finditer` tries each pattern only at those places and gives exactly what
# `pattern.finditer` gives.

# A run of exactly one, two or four digits (a day or a year): "[0-9]" first lets `re` skip to digits fast,
# the lookbehind after it makes the run start there.
_DAY_OR_YEAR_DIGITS = re.compile(r"[0-9](?<![0-9]{2})(?:[0-9](?:[0-9]{2})?)?(?![0-9])")
_DIGIT_CHARS = frozenset("0123456789")
_SPAN_MARKS = frozenset(_DASH + "/")  # between the years of a year span
_PLAIN_PHRASE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# `re.I` matches "İ" and "ı" as "i" and "ſ" as "s", but `str.lower` keeps "ı" and "ſ" and makes "İ" two
# characters: the lowercased text the triggers are looked for in reads them as `re` does.
_CASE_EXCEPTIONS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_CASE_EXCEPTION_CHARS = "\u0130\u0131\u017f"
# Characters before a trigger: every non-word character (and a few word characters, checked in code).
# A set of Latin-1 characters is a bitmap to `re`, so the scan runs at `str.find` speed.
_BEFORE_WORD = "[^a-z0-9_äöüß]"


@dataclass(frozen=True)
class _StartRule:
    """Where the matches of one word-based rule family can begin (see `_start_positions`).

    Every match holds a word beginning with one of `triggers` (lowercase) and may begin a few words
    earlier, on the same line, with only horizontal whitespace between the words: walking back from the
    trigger's word over words in `chain`, a word in `leads` is a possible beginning.
    """

    triggers: tuple[str, ...]
    chain: frozenset[str] = frozenset()
    leads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _StartRules:
    """The start rules of the word-based families, and one scanner for all their triggers."""

    rules: dict[str, _StartRule]
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


def _start_rules(data: dict[str, Any]) -> _StartRules | None:
    """Start rules of the word-based families (see `_StartRule`), from the same data as their patterns.

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
        "month": _StartRule(_prefix_free(_first_words(data["months"])),
                            _words_of(quals) | {"des", "monats"}, _first_words(quals)),
        # "(diesen) (Ende (des)) Sommers"
        "season": _StartRule(_prefix_free(_first_words(data["seasons"])),
                             _words_of(season_rel) | _words_of(quals) | {"des"},
                             _first_words(season_rel) | _first_words(quals)),
        # "(im zweiten) Quartal" and "Q3"; "2. Quartal" starts at a digit (see `_start_positions`)
        "quarter": _StartRule(_prefix_free(_first_words(data["periods"])) + ("q1", "q2", "q3", "q4"),
                              _words_of(ordinals), _first_words(ordinals)),
        # "(im vergangenen) Jahr": the last word of every relative expression is the trigger
        "relative": _StartRule(_prefix_free(str(p).lower().split()[-1] for p in rel), _words_of(rel),
                               _first_words(rel)),
        # "2020" starts at its digits, "(gegen) Ende (des Jahres) 2020" at the qualifier: the last word of
        # every qualifier is the trigger
        "year": _StartRule(_prefix_free(str(q).lower().split()[-1] for q in quals), _words_of(quals),
                           _first_words(quals)),
    }
    triggers = {t for rule in rules.values() for t in rule.triggers}
    # The scan finds the longest trigger at a place; the shorter ones there are its prefixes.
    found_as = {
        t: tuple(name for name, rule in rules.items() if any(t.startswith(u) for u in rule.triggers))
        for t in triggers
    }
    alternation = "(" + _trie(triggers) + ")"
    connectors = [str(c).lower().lstrip()[:1] for c in [*data["span_connectors"], *data["pair_connectors"], ","]]
    if "" in connectors or any(c in _CASE_EXCEPTION_CHARS for c in connectors):
        return None
    return _StartRules(rules, re.compile(_BEFORE_WORD + alternation), re.compile(alternation), found_as,
                       frozenset(m[0] for m in _first_words(data["months"])), frozenset(connectors))


def _trie(words: Any) -> str:
    """Regex for a set of literal words as a prefix tree, which `re` tries far faster than a flat
    alternation; like a longest-first alternation it matches the longest word it can."""
    words = set(words)
    if words == {""}:
        return ""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        branches.append(re.escape(first) + _trie({w[1:] for w in words if w.startswith(first)}))
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


# A word before horizontal whitespace, read backwards in the reversed text.
_WORD_BEFORE = re.compile(r"[^\S\n]+(\w+)")


def _add_leading_words(reverse: str, low: str, start: int, rule: _StartRule, found: set[int]) -> None:
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


def _start_positions(text: str, res: TemporalResources, relative: bool = True) -> dict[str, list[int]] | None:
    """For every rule family, sorted positions that include every place where one of its matches begins;
    None when the text must be scanned in full (see `_start_rules`)."""
    starts = res.starts
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
    after_day = starts.after_day
    after_bare_day = starts.after_bare_day
    rules = starts.rules
    found: dict[str, set[int]] = {
        "month": set(), "season": set(), "relative": set(), "year": set(years),
        "quarter": {a for a, b in dotted if b - a == 1 and text[a] in "1234"},  # "2. Quartal"
    }
    first = starts.scan_first.match(low)
    hits = [(0, first.group(0))] if first else []
    hits += [(m.start(1), m.group(1)) for m in starts.scan.finditer(low)]
    reverse = text[::-1]
    for p, trigger in hits:
        if p and (text[p - 1].isalnum() or text[p - 1] == "_"):
            continue  # a word character such as "é" before it, not a word start
        for family in starts.families[trigger]:
            if family == "relative" and not relative:
                continue
            found[family].add(p)
            _add_leading_words(reverse, low, p, rules[family], found[family])
    return {
        "numeric_date": [a for a, b in dotted
                         if text[b + 1:b + 2] in _DIGIT_CHARS or text[b + 2:b + 3] in _DIGIT_CHARS],
        "iso_date": [a for a in years if text.startswith("-", a + 4)],
        "day_month_numeric": [a for a, b in dotted if text[b + 1:b + 2] in _DIGIT_CHARS],
        "day_month_name": [a for a, b in days if low[b:b + 5].lstrip(".").lstrip()[:1] in after_day],
        "bare_day": [a for a, b in dotted if low[b + 1:b + 5].lstrip()[:1] in after_bare_day],
        "month": sorted(found["month"]),
        "season": sorted(found["season"]),
        "quarter": sorted(found["quarter"]),
        "year": sorted(found["year"]),
        "year_span": [a for a in years if text[a + 4:a + 5] in _SPAN_MARKS or text[a + 5:a + 6] in _SPAN_MARKS],
        "decade": [a for a in years if low.startswith("0er", a + 3)],
        "relative": sorted(found["relative"]),
    }


def _finditer(pattern: re.Pattern, text: str, starts: list[int] | None) -> list[re.Match]:
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


# ------------------------------------------------------------------------------------------ helpers


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """Remove invisible characters and read HTML space entities as spaces.

    Returns the text to match and, when it differs, the original offset of every character of it
    plus one trailing entry for the end.
    """
    if not any(c in text for c in _INVISIBLE) and "&" not in text:
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _INVISIBLE:
            i += 1
            continue
        if c == "&":
            m = _ENTITY_SPACE.match(text, i)
            if m:
                out.append(" ")
                offsets.append(i)
                i = m.end()
                continue
        out.append(c)
        offsets.append(i)
        i += 1
    offsets.append(n)
    norm = "".join(out)
    if len(norm) == n:
        return norm, None
    return norm, offsets


_SPACES = re.compile(r"\s+")


def _lookup(table: dict[str, Any], surface: str) -> Any:
    """Dictionary lookup tolerant to case, trailing dots and inner whitespace."""
    key = surface.strip().rstrip(".")
    key = key.lower() if key.isalpha() else _SPACES.sub(" ", key).lower()  # (a word has no spaces to fold)
    if key in table:
        return table[key]
    return table.get(key.casefold())


_QUOTES = "\"'„“”‚‘’«»‹›()[]"


def _previous_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The up to n words before pos, lowercased, nearest last; quotes and brackets stripped, dots kept."""
    words: list[str] = []
    for w in reversed(text[max(0, pos - 40):pos].lower().split()):
        w = w.strip(_QUOTES)
        if w:
            words.append(w)
            if len(words) == n:
                break
    words.reverse()
    return words


_NEXT_WORD = re.compile(r"[^\s,;:()\"'„“”«»]+|[%€]")


def _next_word(text: str, pos: int) -> str:
    window = text[pos:pos + 40].lstrip()
    m = _NEXT_WORD.match(window)
    return m.group(0).lower().rstrip(".") if m else ""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + k
    return total // 12, total % 12 + 1


# ----------------------------------------------------------------------------------- atom matching


_RANGE_OF_AMOUNTS = re.compile(
    rf"\s*(?:bis|und|oder|[{_DASH}]){_WS}*(?P<n>[0-9]{{1,9}})(?:[.,][0-9]+)*{_WS}*(?P<unit>[^\s.,;:]*)", re.I
)
_SPACE = re.compile(r"\s")
_URL = re.compile(r"https?://|www\.|@|\.(?:de|eu|org|com|net|html?|pdf)\b", re.I)


def _in_url(text: str, start: int) -> bool:
    """Whether an offset lies in a URL, file name or e-mail address ("www.esf.de/2019/...")."""
    lo = max(0, start - 200)
    if text.find("/", lo, start + 200) < 0:  # the chunk below lies in this window
        return False
    chunk_start = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    m = _SPACE.search(text, start, start + 200)
    chunk = text[chunk_start:m.start() if m else start + 200]
    return "/" in chunk and _URL.search(chunk) is not None


def _is_anchored(text: str, start: int, res: TemporalResources) -> bool:
    """True when a word that introduces dates ("am", "im", "seit", a weekday, ...) precedes start."""
    words = _previous_words(text, start, 3)
    if not words:
        return False
    last = words[-1].strip(",")
    if last in res.anchor_words or last.rstrip(".") in res.weekdays:
        return True
    return len(words) >= 2 and f"{words[-2]} {words[-1]}" in res.anchor_words


_GROUP_BEFORE = re.compile(r"[0-9][\s\-/]")
_GROUP_AFTER = re.compile(r"[\s\-/][0-9]")


def _year_allowed(text: str, m: re.Match, res: TemporalResources) -> bool:
    """Filter counts, amounts, codes and phone groups that look like years."""
    start, end = m.start("year"), m.end("year")
    words = _previous_words(text, start, 2)
    if words and m.group("qual") is None:
        if words[-1] in res.not_year_before or " ".join(words) in res.not_year_before:
            return False
    following = _next_word(text, end)
    after_preposition = m.group("qual") is not None or bool(
        words and (words[-1] in res.year_prepositions or " ".join(words) in res.year_prepositions)
    )
    if following and not after_preposition and (
        following in res.not_year_after or following.rstrip("*") in res.not_year_after
    ):
        return False
    # The lower end of a range of amounts: "2000 bis 3000 Euro", "2000-2500 Teilnehmende".
    rest = _RANGE_OF_AMOUNTS.match(text, end, min(len(text), end + 60))
    if rest and (rest.group("unit").lower() in res.not_year_after or int(rest.group("n")) > res.year_max):
        return False
    # A digit group in a phone or account number: "030 2019 4455".
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    if _GROUP_BEFORE.fullmatch(before) and _GROUP_AFTER.fullmatch(after):
        return False
    return True


def _match_atoms(text: str, published: dt.date | None, res: TemporalResources) -> list[_Atom]:
    """Every atom of every rule family, overlapping freely; `_select` resolves overlaps."""
    atoms: list[_Atom] = []
    p = res.patterns
    lo, hi = res.year_min, res.year_max

    def year_ok(y: int | None) -> bool:
        return y is None or lo <= y <= hi

    starts = _start_positions(text, res, published is not None)

    def matches(name: str) -> list[re.Match]:
        return _finditer(p[name], text, None if starts is None else starts[name])

    for name in ("numeric_date", "iso_date"):
        for m in matches(name):
            y = int(m.group("year"))
            if year_ok(y):
                atoms.append(_Atom(m.start(), m.end(), "day", name, int(m.group("day")), int(m.group("month")), y))
    for m in matches("day_month_numeric"):
        atoms.append(_Atom(m.start(), m.end(), "day", "day_month_numeric", int(m.group("day")),
                           int(m.group("month")), None, anchored=_is_anchored(text, m.start(), res)))
    for m in matches("day_month_name"):
        month = _lookup(res.months, m.group("month"))
        y = int(m.group("year")) if m.group("year") else None
        if month is None or not year_ok(y):
            continue
        # "1 Mai" without a dot needs a year; with a dot it is the German day form.
        dotted = "." in text[m.start("day"):m.start("month")]
        if not dotted and y is None:
            continue
        atoms.append(_Atom(m.start(), m.end(), "day", "day_month_name", int(m.group("day")), month, y))
    for m in matches("bare_day"):
        atoms.append(_Atom(m.start(), m.end(), "bare_day", "bare_day", int(m.group("day"))))
    for m in matches("month"):
        month = _lookup(res.months, m.group("month"))
        y = int(m.group("year")) if m.group("year") else None
        if month is None or not year_ok(y):
            continue
        word = m.group("month").lower().rstrip(".")
        if y is None and word in res.month_needs_anchor:
            continue
        anchored = y is not None or m.group("qual") is not None or _is_anchored(text, m.start(), res)
        # A month name starting a sentence alone ("August Bebel ...") is not anchored.
        rule = "qualified_month" if m.group("qual") else "month"
        atoms.append(_Atom(m.start(), m.end(), "month", rule, None, month, y, anchored=anchored))
    for m in matches("season"):
        season = _lookup(res.seasons, m.group("season"))
        y = int(m.group("year")) if m.group("year") else None
        if season is None or not year_ok(y):
            continue
        first, length = season
        rule = "season"
        if m.group("rel") is not None and y is None:
            # "diesen Sommer", "im kommenden Herbst": the year is relative to publication.
            if published is None:
                continue
            y = published.year + (_lookup(res.season_relative, m.group("rel")) or 0)
            rule = "relative_season"
        anchored = y is not None or m.group("qual") is not None or _is_anchored(text, m.start(), res)
        atoms.append(_Atom(m.start(), m.end(), "season", rule, None, first, y, months=length, anchored=anchored))
    for m in matches("quarter"):
        y = int(m.group("year")) if m.group("year") else None
        if not year_ok(y):
            continue
        if m.group("q"):
            number, length = int(m.group("q")), 3
            if y is None and not _is_anchored(text, m.start(), res):
                continue
        else:
            raw = m.group("ord").rstrip(".")
            number = int(raw) if raw.isdigit() else _lookup(res.ordinals, raw)
            length = _lookup(res.periods, m.group("period"))
            if number is None or length is None:
                continue
        if number > 12 // length:
            continue
        first = (number - 1) * length + 1
        atoms.append(_Atom(m.start(), m.end(), "quarter", "quarter", None, first, y, months=length))
    for m in matches("year"):
        y = int(m.group("year"))
        if year_ok(y):
            rule = "qualified_year" if m.group("qual") else "year"
            atoms.append(_Atom(m.start(), m.end(), "year", rule, None, None, y, year_match=m))
    for m in matches("year_span"):
        y1, raw2 = int(m.group("year")), m.group("year2")
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if year_ok(y1) and year_ok(y2) and y1 < y2:
            atoms.append(_Atom(m.start(), m.end(), "years", "year_span", None, None, y1, year_end=y2))
    for m in matches("decade"):
        y = int(m.group("year"))
        if year_ok(y):
            atoms.append(_Atom(m.start(), m.end(), "years", "decade", None, None, y, year_end=y + 9))
    if published is not None:
        atoms.extend(_relative_atoms(text, published, res, matches("relative")))
    pub = p["publication_line"].search(text, 0, 3000) if "Datum" in text else None
    if pub:
        atoms = [a._replace(publication=True) if a.start == pub.end() and a.kind == "day" else a for a in atoms]
    return atoms


def _relative_atoms(text: str, published: dt.date, res: TemporalResources,
                    found: list[re.Match] | None = None) -> list[_Atom]:
    """Relative expressions resolved from the publication date ("im vergangenen Jahr" -> year - 1)."""
    out: list[_Atom] = []
    for m in res.patterns["relative"].finditer(text) if found is None else found:
        surface = m.group("rel")
        unit, offset = _lookup(res.relative, surface) or (None, 0)
        if unit is None:
            continue
        if unit == "day":
            before = _previous_words(text, m.start(), 1)
            if before and before[-1].strip(",") in res.relative_skip_before:
                continue
            if _next_word(text, m.end()) in res.relative_skip_after:
                continue
            # Capitalised "Morgen" mid-sentence is the noun "morning".
            if surface[0].isupper() and surface.lower() == "morgen":
                continue
            day = published + dt.timedelta(days=offset)
            fixed = (day, day)
        elif unit == "month":
            y, mo = _add_months(published.year, published.month, offset)
            fixed = (dt.date(y, mo, 1), _month_end(y, mo))
        else:
            y = published.year + offset
            fixed = (dt.date(y, 1, 1), dt.date(y, 12, 31))
        out.append(_Atom(m.start(), m.end(), "relative", "relative", fixed=fixed))
    return out


_START = operator.attrgetter("start")


def _select(atoms: list[_Atom], text: str, res: TemporalResources) -> list[_Atom]:
    """Keep the longest atoms, dropping any that overlap one already kept; return them in text order.

    A year is checked against counts and codes (`_year_allowed`) only when it would be kept, most years
    being part of a longer date; one that fails is dropped as if never found.
    """
    kept: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):  # longest first
        i = bisect.bisect_left(taken, (atom.start, atom.start))
        left_clash = i > 0 and taken[i - 1][1] > atom.start
        right_clash = i < len(taken) and taken[i][0] < atom.end
        if not (left_clash or right_clash):
            if atom.year_match is not None and not _year_allowed(text, atom.year_match, res):
                continue
            taken.insert(i, (atom.start, atom.end))
            kept.append(atom)
    return sorted(kept, key=_START)


# ------------------------------------------------------------------------------------------- spans


class _Span(NamedTuple):
    """One finished expression: one atom, or two joined into an interval (a named tuple, like _Atom)."""

    start: int
    end: int
    left: _Atom
    right: _Atom | None
    rule: str
    since: bool = False  # "seit (dem) ..." before it: the date is not after publication


def _inherit(left: _Atom, right: _Atom) -> _Atom:
    """Fill the left atom's missing month and year from the right one ("3." + "5. Mai 2021")."""
    if left.kind == "bare_day" and right.kind == "day":
        return left._replace(kind="day", month=right.month, year=right.year, anchored=True,
                             year_inherited=right.year is not None)
    if left.year is None and right.year is not None and left.kind in ("day", "month", "season", "quarter"):
        return left._replace(year=right.year, anchored=True, year_inherited=True)
    return left


def _adjacent(left: _Atom, right: _Atom) -> bool:
    """Whether two atoms name neighbouring units: 25./26. September, Frühjahr und Sommer, Q1 und Q2."""
    if left.kind != right.kind or left.kind not in ("day", "month", "season", "quarter"):
        return False
    if left.kind == "day":
        return left.month == right.month and left.day is not None and right.day == left.day + 1
    if left.month is None or right.month is None:
        return False
    return _add_months(2000, left.month, left.months)[1] == right.month


def _after_seit(text: str, start: int) -> bool:
    """Whether "seit" is one of the two words before start."""
    if "seit" not in text[max(0, start - 40):start].lower():
        return False
    return "seit" in (w.strip(",") for w in _previous_words(text, start, 2))


def _span_prefix(text: str, start: int, res: TemporalResources) -> re.Match | None:
    """The span prefix ("vom", "zwischen", "seit", ...) right before start, or None."""
    # The prefix pattern ends in horizontal whitespace at start, or before a line break there ("$").
    c = text[start - 1] if start else ""
    if c == "\n":
        c = text[start - 2] if start > 1 else ""
    if c == "\n" or not c.isspace():
        return None
    return res.prefix.search(text, max(0, start - 30), start)


def _spans(text: str, atoms: list[_Atom], res: TemporalResources) -> list[_Span]:
    """Join neighbouring atoms into spans where a connector stands between them."""
    # Right-to-left inheritance through lists and pairs: "am 3., 10. und 17. Mai 2021".
    atoms = list(atoms)
    for i in range(len(atoms) - 2, -1, -1):
        gap = text[atoms[i].end:atoms[i + 1].start]
        connected = (res.span_connector.fullmatch(gap) or res.pair_connector.fullmatch(gap)
                     or res.list_connector.fullmatch(gap))
        if connected:
            atoms[i] = _inherit(atoms[i], atoms[i + 1])
    spans: list[_Span] = []
    i = 0
    while i < len(atoms):
        left = atoms[i]
        since = _after_seit(text, left.start)
        prefix = _span_prefix(text, left.start, res)
        right = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = False
        if right is not None and left.kind != "relative" and right.kind not in ("relative", "bare_day"):
            gap = text[left.end:right.start]
            between = prefix is not None and prefix.group(0).lower().startswith("zwischen")
            if res.span_connector.fullmatch(gap) or (
                res.pair_connector.fullmatch(gap) and (between or _adjacent(left, right))
            ):
                start = prefix.start() if prefix else left.start
                kinds = {left.kind, right.kind}
                rule = f"{left.kind}_span" if len(kinds) == 1 else "mixed_span"
                spans.append(_Span(start, right.end, left, right, rule.replace("years_span", "year_span"), since))
                i += 2
                joined = True
        if not joined:
            if left.kind != "bare_day":
                start = left.start
                if prefix and prefix.group(0).lower().startswith("seit"):
                    start = prefix.start()
                spans.append(_Span(start, left.end, left, None, left.rule, since))
            i += 1
    return spans


# -------------------------------------------------------------------------------------- resolution


def _interval(atom: _Atom, year: int) -> tuple[dt.date, dt.date] | None:
    """The inclusive interval an atom names in a given year; None for impossible dates."""
    try:
        if atom.fixed is not None:
            return atom.fixed
        if atom.kind == "day":
            day = dt.date(year, atom.month, atom.day)
            return day, day
        if atom.kind == "month":
            return dt.date(year, atom.month, 1), _month_end(year, atom.month)
        if atom.kind in ("season", "quarter"):
            y2, m2 = _add_months(year, atom.month, atom.months - 1)
            return dt.date(year, atom.month, 1), _month_end(y2, m2)
        if atom.kind == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if atom.kind == "years":
            return dt.date(year, 1, 1), dt.date(atom.year_end or year, 12, 31)
    except (ValueError, TypeError):
        return None
    return None


# A participle of the perfect at the end of a clause, where German puts it: "haben ... diskutiert,",
# "ist ... gestartet." -- not "ist ... zu sehen, geöffnet montags ...", an adjectival participle.
_CLAUSE_FINAL_PARTICIPLE = re.compile(r"(?<!\w)(?:ge\w{3,}t|\w{3,}iert)(?=\s*(?:[,.;:!?]|$))", re.I)
# Future announcements published a little late still mean this year's date; a month of slack.
FUTURE_SLACK_DAYS = 31


_WORD = re.compile(r"\w+")


def _tense(sentence: str, res: TemporalResources) -> tuple[bool, bool]:
    """(past, future) cues in a sentence, from the word lists in temporal.yaml."""
    words = set(_WORD.findall(sentence.lower()))
    past = bool(words & res.past_cues) or bool(
        words & res.perfect_auxiliaries and _CLAUSE_FINAL_PARTICIPLE.search(sentence)
    )
    return past, bool(words & res.future_cues)


def _resolve_year(atom: _Atom, published: dt.date | None, sentence: str, res: TemporalResources,
                  since: bool = False) -> int | None:
    """The year of an atom: its own, else the publication year moved by tense.

    The reader's heuristic of ANNOTATION_GUIDE.md, kept simple: a date without a year is in the
    publication year, unless
    - the sentence reports the past (a past cue, or "seit" before the date) and no future cue, and the
      date would lie after publication: then it is the most recent such date, the year before;
    - the sentence announces (a future cue, no past cue) and the date would be over and have begun more
      than a month before publication (FUTURE_SLACK_DAYS; a report published a little late still means
      this year): then it is the year after.
    """
    if atom.year is not None:
        return atom.year
    if published is None:
        return None
    year = published.year
    interval = _interval(atom, year)
    if interval is None:
        # "29. Februar" without a year: the most recent leap year.
        return next((y for y in range(year - 1, year - 8, -1) if _interval(atom, y)), None)
    past, future = _tense(sentence, res)
    past = past or since
    if past and not future and interval[0] > published:
        return year - 1
    late = interval[0] < published - dt.timedelta(days=FUTURE_SLACK_DAYS)
    if future and not past and interval[1] < published and late:
        return year + 1
    return year


def _granularity(span: _Span) -> str:
    left, right = span.left, span.right
    single = {"day": "day", "month": "month", "season": "season", "quarter": "quarter", "year": "year",
              "years": "years", "relative": None}
    if right is None:
        if left.kind == "relative" and left.fixed is not None:
            a, b = left.fixed
            if a == b:
                return "day"
            return "year" if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) else "month"
        if left.kind == "quarter" and left.months == 6:
            return "months"
        return single.get(left.kind) or "day"
    kinds = {left.kind, right.kind}
    if "day" in kinds:
        return "days"
    if kinds <= {"year", "years"}:
        return "years"
    return "months"


def _span_interval(span: _Span, published: dt.date | None, sentence: str,
                   res: TemporalResources) -> tuple[dt.date, dt.date] | None:
    left, right = span.left, span.right
    if right is None:
        if not left.anchored:
            return None
        year = _resolve_year(left, published, sentence, res, span.since)
        return None if year is None else _interval(left, year)
    right_year = right.year
    if right_year is None and left.year is not None:
        right_year = left.year  # "01. Juli 2024 bis zum 30. August"
    if right_year is None:
        right_year = _resolve_year(right, published, sentence, res, span.since)
    if right_year is None:
        return None
    right_iv = _interval(right, right_year)
    if right_iv is None:
        return None
    if left.year is None or left.year_inherited:
        left_iv = _interval(left, right_year)
        if left_iv is not None and left_iv[0] > right_iv[0]:
            left_iv = _interval(left, right_year - 1)  # "30. Dezember bis 2. Januar 2024"
    else:
        left_iv = _interval(left, left.year)
        if right.year is None and left_iv is not None and right_iv[0] < left_iv[0]:  # "1. Dez. 2024 bis 6. Jan."
            right_iv = _interval(right, right_year + 1)
    if left_iv is None or right_iv is None or left_iv[0] > right_iv[1]:
        return None
    return left_iv[0], right_iv[1]


# ------------------------------------------------------------------------------------------ finder


def _Sentences(doc: Doc):  # noqa: N802  (kept as the name callers use)
    """Evidence sentence for a character span: the shared per-Doc index (see nlp/sentences.py)."""
    return sentence_index(doc).text_at


def _published(doc: Doc) -> dt.date | None:
    value = doc._.published if Doc.has_extension("published") else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def find_dates(doc: Doc, resources: TemporalResources | None = None) -> tuple[DateMention, ...]:
    """Every date expression in the Doc as a DateMention, in text order (a pure function of the Doc)."""
    res = resources if resources is not None else load_resources(None)
    original = doc_text(doc)
    if not original.strip():
        return ()
    published = _published(doc)
    text, offsets = _normalise(original)
    atoms = _select(_match_atoms(text, published, res), text, res)
    sentences = _Sentences(doc)
    out: list[DateMention] = []
    for span in _spans(text, atoms, res):
        if _in_url(text, span.start):
            continue
        start_char = offsets[span.start] if offsets else span.start
        end_char = offsets[span.end - 1] + 1 if offsets else span.end
        sentence = sentences(start_char, end_char)
        interval = _span_interval(span, published, sentence, res)
        if interval is None:
            continue
        publication = span.right is None and span.left.publication
        out.append(
            DateMention(
                text=original[start_char:end_char],
                start_char=start_char,
                end_char=end_char,
                start=interval[0],
                end=interval[1],
                granularity=_granularity(span),
                rule="publication_line" if publication else span.rule,
                sentence=sentence,
                role="publication" if publication else None,
            )
        )
    return tuple(out)


find = find_dates
