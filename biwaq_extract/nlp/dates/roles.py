"""What a date is for, read from the words around it: a funding period, a deadline, or not known."""

from __future__ import annotations

import re
from operator import methodcaller
from dataclasses import dataclass, field

from biwaq_extract.nlp.dates.grammar import prefix_tree

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
    # the stems that hold no other stem: a text that contains none of them has no word starting with a stem
    parts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    # any of `parts`, as a prefix tree: `re` tries it at a position with one character test for most
    _pattern: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stems = {s for kind in ROLE_KINDS for s in getattr(self, kind)}
        parts = tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))
        object.__setattr__(self, "parts", parts)
        object.__setattr__(self, "_pattern", re.compile(prefix_tree(parts)) if parts else None)

    def in_text(self, low: str) -> bool:
        """Whether the lower-case text holds a stem anywhere (one scan, cheaper than reading its words)."""
        return self._pattern is not None and self._pattern.search(low) is not None

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


def cue_role(text: str, start_char: int, end_char: int, sentence: str, cues: RoleCues,
             quiet: dict[str, bool] | None = None) -> str | None:
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

    `quiet`, a dict kept for one text, remembers which sentences hold no stem at all: their dates have no
    role, told without reading their words (most sentences; a sentence often holds several dates).
    """
    if quiet is not None and sentence and start_char < end_char and text[start_char:end_char] in sentence:
        known = quiet.get(sentence)
        if known is None:
            known = quiet[sentence] = not cues.in_text(sentence.lower())
        if known:
            return None
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
