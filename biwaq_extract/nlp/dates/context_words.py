"""The words around a date expression and the calendar arithmetic the date finder shares."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

_SPACES = re.compile(r"\s+")


def lookup(table: dict[str, Any], surface: str) -> Any:
    """Dictionary lookup tolerant to case, trailing dots and inner whitespace."""
    key = surface.strip().rstrip(".")
    key = key.lower() if key.isalpha() else _SPACES.sub(" ", key).lower()  # (a word has no spaces to fold)
    if key in table:
        return table[key]
    return table.get(key.casefold())


_QUOTES = "\"'„“”‚‘’«»‹›()[]"


def previous_words(text: str, pos: int, n: int = 2) -> list[str]:
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


def next_word(text: str, pos: int) -> str:
    window = text[pos:pos + 40].lstrip()
    m = _NEXT_WORD.match(window)
    return m.group(0).lower().rstrip(".") if m else ""


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + k
    return total // 12, total % 12 + 1



def clamp_year(year: int) -> int:
    """The year within what `datetime.date` can hold: a publication date of year 1 or 9999 moved by a
    year must not stop the document (it would overflow)."""
    return min(max(year, dt.MINYEAR), dt.MAXYEAR)


def clamp_month(year: int, month: int) -> tuple[int, int]:
    """(year, month) within what `datetime.date` can hold (the first or last month it can)."""
    if year > dt.MAXYEAR:
        return dt.MAXYEAR, 12
    if year < dt.MINYEAR:
        return dt.MINYEAR, 1
    return year, month


def add_days(day: dt.date, days: int) -> dt.date:
    """`day + days`, held to the first and last date `datetime.date` can hold."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
