"""Atoms: every expression one rule family matches (a day, month, season, quarter, year or relative date)."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from biwaq_extract.nlp.dates.context_words import (
    add_days,
    add_months,
    clamp_month,
    clamp_year,
    lookup,
    month_end,
    next_word,
    previous_words,
)
from biwaq_extract.nlp.dates.grammar import DASH, WS
from biwaq_extract.nlp.dates.start_positions import finditer, start_positions

if TYPE_CHECKING:
    from biwaq_extract.nlp.dates.resources import TemporalResources


class Atom(NamedTuple):
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
    # A year's match, for the check against counts and codes that `select` makes when it keeps the year.
    year_match: re.Match | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


_RANGE_OF_AMOUNTS = re.compile(
    rf"\s*(?:bis|und|oder|[{DASH}]){WS}*(?P<n>[0-9]{{1,9}})(?:[.,][0-9]+)*{WS}*(?P<unit>[^\s.,;:]*)", re.I
)
_SPACE = re.compile(r"\s")
_URL = re.compile(r"https?://|www\.|@|\.(?:de|eu|org|com|net|html?|pdf)\b", re.I)


def in_url(text: str, start: int) -> bool:
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
    words = previous_words(text, start, 3)
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
    words = previous_words(text, start, 2)
    if words and m.group("qual") is None:
        if words[-1] in res.not_year_before or " ".join(words) in res.not_year_before:
            return False
    following = next_word(text, end)
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


def match_atoms(text: str, published: dt.date | None, res: TemporalResources) -> list[Atom]:
    """Every atom of every rule family, overlapping freely; `select` resolves overlaps."""
    starts = start_positions(text, res.starts, published is not None)

    def matches(name: str) -> list[re.Match]:
        return finditer(res.patterns[name], text, None if starts is None else starts[name])

    atoms = _day_atoms(text, res, matches)
    atoms += _month_atoms(text, res, matches)
    atoms += _season_atoms(text, published, res, matches)
    atoms += _quarter_atoms(text, res, matches)
    atoms += _year_atoms(res, matches)
    if published is not None:
        atoms += _relative_atoms(text, published, res, matches("relative"))
    pub = res.patterns["publication_line"].search(text, 0, 3000) if "Datum" in text else None
    if pub:
        atoms = [a._replace(publication=True) if a.start == pub.end() and a.kind == "day" else a for a in atoms]
    return atoms


def _year_ok(y: int | None, res: TemporalResources) -> bool:
    return y is None or res.year_min <= y <= res.year_max


def _day_atoms(text: str, res: TemporalResources, matches: Callable[[str], list[re.Match]]) -> list[Atom]:
    """Days: "12.11.2019", "2019-11-12", "12.11.", "12. November (2019)" and a bare "3." before a connector."""
    atoms: list[Atom] = []
    for name in ("numeric_date", "iso_date"):
        for m in matches(name):
            y = int(m.group("year"))
            if _year_ok(y, res):
                atoms.append(Atom(m.start(), m.end(), "day", name, int(m.group("day")), int(m.group("month")), y))
    for m in matches("day_month_numeric"):
        atoms.append(Atom(m.start(), m.end(), "day", "day_month_numeric", int(m.group("day")),
                          int(m.group("month")), None, anchored=_is_anchored(text, m.start(), res)))
    for m in matches("day_month_name"):
        month = lookup(res.months, m.group("month"))
        y = int(m.group("year")) if m.group("year") else None
        if month is None or not _year_ok(y, res):
            continue
        # "1 Mai" without a dot needs a year; with a dot it is the German day form.
        dotted = "." in text[m.start("day"):m.start("month")]
        if not dotted and y is None:
            continue
        atoms.append(Atom(m.start(), m.end(), "day", "day_month_name", int(m.group("day")), month, y))
    for m in matches("bare_day"):
        atoms.append(Atom(m.start(), m.end(), "bare_day", "bare_day", int(m.group("day"))))
    return atoms


def _month_atoms(text: str, res: TemporalResources, matches: Callable[[str], list[re.Match]]) -> list[Atom]:
    """Months: "März 2020", "Ende März"; an abbreviation needs a year, a yearless month an anchor word."""
    atoms: list[Atom] = []
    for m in matches("month"):
        month = lookup(res.months, m.group("month"))
        y = int(m.group("year")) if m.group("year") else None
        if month is None or not _year_ok(y, res):
            continue
        word = m.group("month").lower().rstrip(".")
        if y is None and word in res.month_needs_anchor:
            continue
        anchored = y is not None or m.group("qual") is not None or _is_anchored(text, m.start(), res)
        # A month name starting a sentence alone ("August Bebel ...") is not anchored.
        rule = "qualified_month" if m.group("qual") else "month"
        atoms.append(Atom(m.start(), m.end(), "month", rule, None, month, y, anchored=anchored))
    return atoms


def _season_atoms(text: str, published: dt.date | None, res: TemporalResources,
                  matches: Callable[[str], list[re.Match]]) -> list[Atom]:
    """Seasons: "Sommer 2021", "im Frühjahr", and "diesen Sommer" relative to the publication year."""
    atoms: list[Atom] = []
    for m in matches("season"):
        season = lookup(res.seasons, m.group("season"))
        y = int(m.group("year")) if m.group("year") else None
        if season is None or not _year_ok(y, res):
            continue
        first, length = season
        rule = "season"
        if m.group("rel") is not None and y is None:
            # "diesen Sommer", "im kommenden Herbst": the year is relative to publication.
            if published is None:
                continue
            y = clamp_year(published.year + (lookup(res.season_relative, m.group("rel")) or 0))
            rule = "relative_season"
        anchored = y is not None or m.group("qual") is not None or _is_anchored(text, m.start(), res)
        atoms.append(Atom(m.start(), m.end(), "season", rule, None, first, y, months=length, anchored=anchored))
    return atoms


def _quarter_atoms(text: str, res: TemporalResources, matches: Callable[[str], list[re.Match]]) -> list[Atom]:
    """Quarters and half-years: "Q3 2021", "im zweiten Quartal", "2. Halbjahr 2020"."""
    atoms: list[Atom] = []
    for m in matches("quarter"):
        y = int(m.group("year")) if m.group("year") else None
        if not _year_ok(y, res):
            continue
        if m.group("q"):
            number, length = int(m.group("q")), 3
            if y is None and not _is_anchored(text, m.start(), res):
                continue
        else:
            raw = m.group("ord").rstrip(".")
            number = int(raw) if raw.isdigit() else lookup(res.ordinals, raw)
            length = lookup(res.periods, m.group("period"))
            if number is None or length is None:
                continue
        if number > 12 // length:
            continue
        first = (number - 1) * length + 1
        atoms.append(Atom(m.start(), m.end(), "quarter", "quarter", None, first, y, months=length))
    return atoms


def _year_atoms(res: TemporalResources, matches: Callable[[str], list[re.Match]]) -> list[Atom]:
    """Years, year spans ("2019–2022", "2021/22") and decades ("1990er")."""
    atoms: list[Atom] = []
    for m in matches("year"):
        y = int(m.group("year"))
        if _year_ok(y, res):
            rule = "qualified_year" if m.group("qual") else "year"
            atoms.append(Atom(m.start(), m.end(), "year", rule, None, None, y, year_match=m))
    for m in matches("year_span"):
        y1, raw2 = int(m.group("year")), m.group("year2")
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if _year_ok(y1, res) and _year_ok(y2, res) and y1 < y2:
            atoms.append(Atom(m.start(), m.end(), "years", "year_span", None, None, y1, year_end=y2))
    for m in matches("decade"):
        y = int(m.group("year"))
        if _year_ok(y, res):
            atoms.append(Atom(m.start(), m.end(), "years", "decade", None, None, y, year_end=y + 9))
    return atoms


_SENTENCE_END = re.compile(r"[.!?\n]")


def _against_the_past(text: str, start: int, end: int, res: TemporalResources) -> bool:
    """True when the sentence around start..end also names the past ("früher", "damals"): a relative day
    word there means "nowadays"."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    right_match = _SENTENCE_END.search(text, end, end + 300)
    right = right_match.start() if right_match else min(len(text), end + 300)
    words = re.findall(r"\w+", text[left:right].lower())
    return not res.relative_contrast.isdisjoint(words)


def _relative_atoms(text: str, published: dt.date, res: TemporalResources,
                    found: list[re.Match] | None = None) -> list[Atom]:
    """Relative expressions resolved from the publication date ("im vergangenen Jahr" -> year - 1)."""
    out: list[Atom] = []
    for m in res.patterns["relative"].finditer(text) if found is None else found:
        surface = m.group("rel")
        unit, offset = lookup(res.relative, surface) or (None, 0)
        if unit is None:
            continue
        if unit == "day":
            before = previous_words(text, m.start(), 1)
            if before and before[-1].strip(",") in res.relative_skip_before:
                continue
            if next_word(text, m.end()) in res.relative_skip_after:
                continue
            if _against_the_past(text, m.start(), m.end(), res):
                continue
            # Capitalised "Morgen" mid-sentence is the noun "morning".
            if surface[0].isupper() and surface.lower() == "morgen":
                continue
            day = add_days(published, offset)
            fixed = (day, day)
        elif unit == "month":
            y, mo = add_months(published.year, published.month, offset)
            y, mo = clamp_month(y, mo)
            fixed = (dt.date(y, mo, 1), month_end(y, mo))
        else:
            y = clamp_year(published.year + offset)
            fixed = (dt.date(y, 1, 1), dt.date(y, 12, 31))
        out.append(Atom(m.start(), m.end(), "relative", "relative", fixed=fixed))
    return out


_START = operator.attrgetter("start")


def select(atoms: list[Atom], text: str, res: TemporalResources) -> list[Atom]:
    """Keep the longest atoms, dropping any that overlap one already kept; return them in text order.

    A year is checked against counts and codes (`_year_allowed`) only when it would be kept, most years
    being part of a longer date; one that fails is dropped as if never found.
    """
    kept: list[Atom] = []
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

