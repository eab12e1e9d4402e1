"""Mend words a line break split at a hyphen ("Neubranden-\\nburg"), keeping a map to the original offsets."""

from __future__ import annotations

import re
from bisect import bisect_left

# a hyphen at a line's end inside a word: the next line goes on in lower case ("Bildungs-\nzentrum"), not
# with a conjunction that shares the first part ("Industrie-\nund Handelskammer")
_SPLIT_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-zäöüß])(?!(?:und|oder|bis|sowie|als|noch)(?![\w-]))")
# before a capital the hyphen is the compound's own ("Sachsen-\nAnhalt"): only the line break goes
_SPLIT_COMPOUND = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[A-ZÄÖÜ])")


class Mended:
    """A text with its split words joined, and the way back to the original's offsets."""

    def __init__(self, text: str, origin: list[int]) -> None:
        self.text = text
        self._origin = origin  # origin[i]: the original offset of mended character i (one past the end too)

    def start(self, at: int) -> int:
        return self._origin[at]

    def end(self, at: int) -> int:
        return self._origin[at - 1] + 1 if at else 0

    def to_mended(self, start: int, end: int) -> tuple[int, int]:
        """A range of the original text in mended offsets."""
        return bisect_left(self._origin, start), bisect_left(self._origin, end)


def mend_line_hyphens(text: str) -> Mended | None:
    """The text with words split at a line break joined again, or None when it has none.

    >>> mend_line_hyphens("Agentur für Arbeit Neubranden-\\nburg").text
    'Agentur für Arbeit Neubrandenburg'
    >>> mend_line_hyphens("Sachsen-\\nAnhalt").text
    'Sachsen-Anhalt'
    >>> mend_line_hyphens("Industrie-\\nund Handelskammer") is None
    True
    """
    if "-\n" not in text and "- \n" not in text:  # (one C search each: most texts have neither)
        return None
    cuts = [(m.start(), m.end(), "") for m in _SPLIT_WORD.finditer(text)]
    cuts += [(m.start(), m.end(), "-") for m in _SPLIT_COMPOUND.finditer(text)]
    if not cuts:
        return None
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end, keep in sorted(cuts):
        parts.append(text[pos:start] + keep)
        origin.extend(range(pos, start + len(keep)))
        pos = end
    parts.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return Mended("".join(parts), origin)
