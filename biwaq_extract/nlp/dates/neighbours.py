"""Days named from a day given just before them: "am Vorabend", "am Folgetag", "am Tag darauf"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from biwaq_extract.records import DateMention

_DAYS = ("day", "days")


def neighbour_pattern(words: dict[str, int]) -> re.Pattern:
    """ "am" + one of the words ("am Vorabend", "Am Tag darauf"); group "word" is the word."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[Aa]m\s+(?P<word>{alternatives})(?!\w)", re.I)


def neighbour_triggers(words: dict[str, int]) -> tuple[str, ...]:
    """The words as a text writes them, nouns capitalised ("Vorabend", "nächsten Tag"): a text holding
    none of them needs no pattern search (most texts)."""
    def written(key: str) -> str:
        parts = key.split()
        return key.capitalize() if len(parts) == 1 else " ".join(w.capitalize() if w == "tag" else w for w in parts)

    return tuple(written(k) for k in words)


def neighbour_days(
    text: str, found: list[DateMention], pattern: re.Pattern, words: dict[str, int], reach: int,
    sentence_at: Callable[[int, int], str],
) -> list[DateMention]:
    """The days "am Vorabend" and its kind name: counted from the nearest day or span of days found
    before them within `reach` characters (the day before its first day, the day after its last).
    Where no such day stands before them they name no date a reader could give."""
    if not found:
        return []
    out: list[DateMention] = []
    for m in pattern.finditer(text):
        before = [d for d in found if d.granularity in _DAYS and d.role != "publication"
                  and m.start() - reach <= d.end_char <= m.start()]
        if not before:
            continue
        anchor = before[-1]
        offset = words[re.sub(r"\s+", " ", m.group("word").lower())]
        try:
            day = anchor.start + dt.timedelta(days=offset) if offset < 0 else anchor.end + dt.timedelta(days=offset)
        except OverflowError:  # a day before 1 January of year 1 or after 31 December 9999
            continue
        start, end = m.start("word"), m.end("word")
        out.append(DateMention(text[start:end], start, end, day, day, "day", "neighbour_day", sentence_at(start, end)))
    return out
