"""Resolution: the year of an expression without one, its interval and its granularity."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from biwaq_extract.nlp.dates.atoms import Atom
from biwaq_extract.nlp.dates.context_words import add_days, add_months, clamp_year, month_end, previous_words
from biwaq_extract.nlp.dates.spans import Span

if TYPE_CHECKING:
    from biwaq_extract.nlp.dates.resources import TemporalResources


def atom_interval(atom: Atom, year: int) -> tuple[dt.date, dt.date] | None:
    """The inclusive interval an atom names in a given year; None for impossible dates."""
    try:
        if atom.fixed is not None:
            return atom.fixed
        if atom.kind == "day":
            day = dt.date(year, atom.month, atom.day)
            return day, day
        if atom.kind == "month":
            return dt.date(year, atom.month, 1), month_end(year, atom.month)
        if atom.kind in ("season", "quarter"):
            y2, m2 = add_months(year, atom.month, atom.months - 1)
            return dt.date(year, atom.month, 1), month_end(y2, m2)
        if atom.kind == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if atom.kind == "years":
            return dt.date(year, 1, 1), dt.date(atom.year_end or year, 12, 31)
    except (ValueError, TypeError):
        return None
    return None


# A participle of the perfect at the end of a clause, where German puts it: "haben ... diskutiert,",
# "ist ... gestartet." -- not "ist ... zu sehen, geöffnet montags ...", an adjectival participle. A participle
# there is written lower case; a capitalised word is a noun ("hat ... Gelegenheit.", "hat ... Gesundheit.").
_CLAUSE_FINAL_PARTICIPLE = re.compile(r"(?<!\w)(?:ge[a-zäöüß]{3,}t|[a-zäöüß]{3,}iert)(?=\s*(?:[,.;:!?]|$))")
# Future announcements published a little late still mean this year's date; a month of slack.
FUTURE_SLACK_DAYS = 31


_WORD = re.compile(r"\w+")


def _tense(sentence: str, res: TemporalResources, tenses: dict[str, tuple[bool, bool]] | None = None) -> tuple[bool, bool]:
    """(past, future) cues in a sentence, from the word lists in temporal.yaml.

    `tenses`, a dict kept for one text, remembers each sentence's cues: a sentence often holds several dates.
    """
    if tenses is not None:
        known = tenses.get(sentence)
        if known is None:
            known = tenses[sentence] = _tense(sentence, res)
        return known
    words = set(_WORD.findall(sentence.lower()))
    # a participle that is itself a future cue ("ist für den Herbst geplant.") announces, it reports nothing
    past = bool(words & res.past_cues) or bool(
        words & res.perfect_auxiliaries
        and any(m.group().lower() not in res.future_cues for m in _CLAUSE_FINAL_PARTICIPLE.finditer(sentence))
    )
    return past, bool(words & res.future_cues)


def resolve_year(atom: Atom, published: dt.date | None, sentence: str, res: TemporalResources,
                  since: bool = False, context_year: int | None = None,
                  tenses: dict[str, tuple[bool, bool]] | None = None) -> int | None:
    """The year of an atom: its own, else the publication year moved by tense.

    The reader's heuristic of ANNOTATION_GUIDE.md, kept simple: a date without a year is in the
    publication year, unless
    - the sentence reports the past (a past cue, or "seit" before the date) and no future cue, and the
      date would lie after publication: then it is the most recent such date, the year before;
    - the sentence announces (a future cue, no past cue) and the date would be over and have begun more
      than a month before publication (FUTURE_SLACK_DAYS; a report published a little late still means
      this year): then it is the year after.

    Without a publication date the year is `context_year`, the one the text's other dates give
    (see `context_years`). `tenses` remembers each sentence's tense cues for one text (see `_tense`).
    """
    if atom.year is not None:
        return atom.year
    if published is None:
        return context_year
    year = published.year
    interval = atom_interval(atom, year)
    if interval is None:
        # "29. Februar" without a year: the most recent leap year.
        return next((y for y in range(year - 1, max(year - 8, dt.MINYEAR - 1), -1) if atom_interval(atom, y)), None)
    past, future = _tense(sentence, res, tenses)
    past = past or since
    if past and not future and interval[0] > published:
        return clamp_year(year - 1)
    late = interval[0] < add_days(published, -FUTURE_SLACK_DAYS)
    if future and not past and interval[1] < published and late:
        return clamp_year(year + 1)
    return year


_SINGLE = {"day": "day", "month": "month", "season": "season", "quarter": "quarter", "year": "year",
           "years": "years", "relative": None}


def granularity(span: Span) -> str:
    left, right = span.left, span.right
    if right is None:
        if left.kind == "relative" and left.fixed is not None:
            a, b = left.fixed
            if a == b:
                return "day"
            return "year" if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) else "month"
        if left.kind == "quarter" and left.months == 6:
            return "months"
        return _SINGLE.get(left.kind) or "day"
    kinds = {left.kind, right.kind}
    if "day" in kinds:
        return "days"
    if kinds <= {"year", "years"}:
        return "years"
    return "months"


def span_interval(span: Span, published: dt.date | None, sentence: str, res: TemporalResources,
                  context_year: int | None = None,
                  tenses: dict[str, tuple[bool, bool]] | None = None) -> tuple[dt.date, dt.date] | None:
    left, right = span.left, span.right
    if right is None:
        if not left.anchored:
            return None
        year = resolve_year(left, published, sentence, res, span.since, context_year, tenses)
        return None if year is None else atom_interval(left, year)
    right_year = right.year
    if right_year is None and left.year is not None:
        right_year = left.year  # "01. Juli 2024 bis zum 30. August"
    if right_year is None:
        right_year = resolve_year(right, published, sentence, res, span.since, context_year, tenses)
    if right_year is None:
        return None
    right_iv = atom_interval(right, right_year)
    if right_iv is None:
        return None
    if left.year is None or left.year_inherited:
        left_iv = atom_interval(left, right_year)
        if left_iv is not None and left_iv[0] > right_iv[0]:
            left_iv = atom_interval(left, clamp_year(right_year - 1))  # "30. Dezember bis 2. Januar 2024"
    else:
        left_iv = atom_interval(left, left.year)
        if right.year is None and left_iv is not None and right_iv[0] < left_iv[0]:  # "1. Dez. 2024 bis 6. Jan."
            right_iv = atom_interval(right, clamp_year(right_year + 1))
    if left_iv is None or right_iv is None or left_iv[0] > right_iv[1]:
        return None
    return left_iv[0], right_iv[1]



_FINE_KINDS = ("day", "month", "season", "quarter")


def _stated_year(span: Span, fine: bool) -> int | None:
    """The year a span states itself: of a day, month, season or quarter (`fine`), or a single year."""
    atoms = (span.right, span.left) if span.right is not None else (span.left,)
    for atom in atoms:
        if atom.year is not None and (atom.kind in _FINE_KINDS if fine else atom.kind == "year"):
            return atom.year
    return None


def context_years(spans: list[Span], text: str, bound_words: frozenset[str]) -> list[int | None]:
    """For a text without a publication date, the year a reader gives each span that states none.

    A heading's year is the text's year ("Rundbrief März 2023", "Rückblick: Fachtag 2022"): a
    day or month with a year in the lines before the body (`_heading_end`), else a single year there. Without one, a date just before on the
    same line lends its year ("am 3. Mai 2022 und am 9. Juni"). Otherwise the year stays unknown (a
    date elsewhere in the text may belong to another year). Years that bound a period ("seit 2008",
    "bis 2027") and spans of years (funding periods) give none. Spans that state a year get None.
    """
    title_end = _heading_end(text)
    stated = [s.left.year is not None or (s.right is not None and s.right.year is not None) for s in spans]
    title = [s for s in spans if s.start < title_end]
    year = next((y for s in title if (y := _stated_year(s, True)) is not None), None)
    if year is None:
        year = next((y for s in title if not _bounded(s, text, bound_words) and (y := _stated_year(s, False)) is not None), None)
    out: list[int | None] = []
    for k, span in enumerate(spans):
        if stated[k]:
            out.append(None)
            continue
        before = year
        if before is None and k > 0 and "\n" not in text[spans[k - 1].end : span.start]:
            before = _stated_year(spans[k - 1], True)
        out.append(before)
    return out


def _bounded(span: Span, text: str, bound_words: frozenset[str]) -> bool:
    """The span bounds a period: "seit 2008", "bis 2027"."""
    return span.since or any(w in bound_words for w in previous_words(text, span.start, 1))


_BODY_WORDS = 12  # a line of more words is body text, not a title, kicker or byline


def _heading_end(text: str) -> int:
    """Where the body starts: the first line of more than `_BODY_WORDS` words (titles, kickers and
    page furniture come before it)."""
    pos = 0
    for line in text.split("\n"):
        if len(line.split()) > _BODY_WORDS:
            return pos
        pos += len(line) + 1
    return len(text)
