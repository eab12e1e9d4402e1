"""What a date is for, read from the words around it: a funding period, a deadline, or not known."""

from __future__ import annotations

import re
from operator import methodcaller
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
WORDS_BEFORE = 8
WORDS_AFTER = 6
ROLE_KINDS = ("deadline", "deadline_until", "funding_period")


@dataclass(frozen=True)
class RoleCues:
    """Word starts of temporal.yaml `roles`, per kind of cue."""

    deadline: tuple[str, ...] = ()
    deadline_until: tuple[str, ...] = ()
    funding_period: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> RoleCues:
        return cls(**{kind: tuple(str(w).lower() for w in data.get(kind) or ()) for kind in ROLE_KINDS})


def _around(text: str, start_char: int, end_char: int, sentence: str) -> tuple[str, str]:
    """The sentence's text before and after the date (the document's nearby text when the sentence is not found)."""
    date = text[start_char:end_char]
    pos = sentence.find(date) if sentence and date else -1
    if pos >= 0:
        return sentence[:pos], sentence[pos + len(date):]
    return text[max(0, start_char - 80):start_char], text[end_char:end_char + 60]


def cue_role(text: str, start_char: int, end_char: int, sentence: str, cues: RoleCues) -> str | None:
    """`deadline`, `funding_period` or None for the date at [start_char, end_char) of `text`.

    >>> cues = RoleCues(("bewerb",), ("aufruf",), ("förderperiode",))
    >>> s = "Organisationen können sich bis zum 30. September 2020 bewerben."
    >>> cue_role(s, 35, 53, s, cues)
    'deadline'
    >>> s = "Gefördert aus der ESF-Förderperiode 2014-2020 startete das Projekt."
    >>> cue_role(s, 36, 45, s, cues)
    'funding_period'
    >>> s = "Der Aufruf startete im Februar 2024."
    >>> cue_role(s, 23, 35, s, cues) is None
    True
    """
    before, after = _around(text, start_char, end_char, sentence)
    words_before = _WORD.findall(before.lower())[-WORDS_BEFORE:]
    words = words_before + _WORD.findall(after.lower())[:WORDS_AFTER]

    def cued(stems: tuple[str, ...]) -> bool:
        # str.startswith tries the whole tuple in C: one call per word, not one per word and stem
        return any(map(methodcaller("startswith", stems), words)) if stems else False

    until = "bis" in _WORD.findall(text[start_char:end_char].lower()) or "bis" in words_before[-3:]
    if cued(cues.deadline) or (until and cued(cues.deadline_until)):
        return "deadline"
    if cued(cues.funding_period):
        return "funding_period"
    return None
