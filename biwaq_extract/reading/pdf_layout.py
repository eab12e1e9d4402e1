"""PDF page layout to prose: text lines in reading order, without running headers, footers or leaders.

Input is what a PDF library reports per page: characters with their boxes and baselines (PDF coordinates,
y upwards). Output is plain text with one paragraph per block, the way the article was written: two-column
pages read column by column, words split at a line end joined again, soft hyphens removed, running headers
and footers and page numbers dropped, table-of-contents lines with dot leaders left out. Pure functions over
plain records, so the rules are tested without any PDF.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Characters PDF producers put where a word was broken at a line end: a soft hyphen drawn as a hyphen
# (U+2010 from Chromium/Skia, U+00AD from others) and PDFium's marker for a hyphen at a line end (U+FFFE).
SOFT_BREAK_HYPHENS = "\u2010\u00ad"
HARD_BREAK_HYPHENS = "-\ufffe\u2011"
# A line in the top or bottom band of a page that repeats on other pages is a running header or footer.
MARGIN_BAND = 0.09  # share of the page height; A4/A5 reports keep headers and footers within ~8 %
# Characters whose baselines differ by less than this share of the font size are on one line (a
# superscript such as "³" sits about a third of the size higher, the next line a whole line lower).
BASELINE_TOLERANCE = 0.45
# A column gutter: an empty vertical strip at least this many points wide, with text on both sides of it
# on at least GUTTER_SHARE of the page's lines (and on three lines at least).
GUTTER_MIN_WIDTH = 6.0
GUTTER_SHARE = 0.3
WIDE_GAP = 2.5  # font sizes: wider than any stretched word gap of justified text, narrower than a table gap
PAGE_NUMBER = re.compile(r"^(?:(?:seite|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:von|/|of)\s*\d{1,4})?\s*[-–—]?$", re.I)
DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{0,4}\s*$|…{2,}\s*\d{0,4}\s*$")


@dataclass(frozen=True)
class Char:
    """One character as a PDF library reports it; generated line breaks have text '\\n'."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    base: float = 0.0  # the baseline (y of the glyph's origin): shared by every character of a line
    size: float = 0.0  # font size

    @property
    def solid(self) -> bool:
        return not self.text.isspace() and self.x1 > self.x0


@dataclass(frozen=True)
class Line:
    """One printed line, or its part in one column, on a page."""

    page: int  # 0-based
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    row: int = 0  # index of the printed line on its page, top down: the parts of one line share it
    column: str = "full"  # full | left | right
    size: float = 0.0  # the font size most of its characters have
    base: float = 0.0  # its baseline

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class PageSize:
    width: float
    height: float


def page_lines(page: int, chars: Sequence[Char], size: PageSize) -> list[Line]:
    """A page's printed lines, top down, each split at the column gutter when the page has columns.

    Lines are found by baselines, whatever order the producer wrote the characters in (justified lines,
    columns and hyphen joins come in many orders). Table-of-contents lines with dot leaders are dropped.
    """
    rows = [r for r in _rows(chars) if not is_leader_line(_text(r))]
    gutter = find_gutter(rows, size)
    lines: list[Line] = []
    for index, row in enumerate(rows):
        middle = (gutter[0] + gutter[1]) / 2 if gutter else 0.0
        if gutter is not None and _splits_at(row, gutter):
            left = [c for c in row if _centre(c) < middle]
            right = [c for c in row if _centre(c) >= middle]
            parts = [(left, "left"), (right, "right")]
        elif gutter is not None and all(_centre(c) < middle for c in row if c.solid):
            parts = [(row, "left")]
        elif gutter is not None and all(_centre(c) > middle for c in row if c.solid):
            parts = [(row, "right")]
        else:
            parts = [(row, "full")]
        for part, side in parts:
            lines.extend(_line(page, index, piece, side) for piece in _pieces(part))
    return [ln for ln in lines if ln.text]


def _pieces(chars: list[Char]) -> list[list[Char]]:
    """A line split where it has a gap wider than WIDE_GAP font sizes: a footer's left and right parts,
    a table's cells. Kept apart, they read the same on every page, whether or not it has columns."""
    pieces: list[list[Char]] = [[]]
    last: Char | None = None
    for ch in chars:
        if ch.solid and last is not None and ch.x0 - last.x1 > WIDE_GAP * max(last.size, ch.size, 1.0):
            pieces.append([])
        pieces[-1].append(ch)
        if ch.solid:
            last = ch
    return [p for p in pieces if any(c.solid for c in p)]


def _rows(chars: Sequence[Char]) -> list[list[Char]]:
    placed = sorted((c for c in chars if c.text not in "\r\n"), key=lambda c: (-c.base, c.x0))
    rows: list[list[Char]] = []
    base = size = 0.0
    for ch in placed:
        if rows and abs(ch.base - base) <= BASELINE_TOLERANCE * max(size, ch.size, 1.0):
            rows[-1].append(ch)
        else:
            rows.append([ch])
            base, size = ch.base, ch.size
    return [sorted(r, key=lambda c: c.x0) for r in rows if any(c.solid for c in r)]


def _text(chars: Sequence[Char]) -> str:
    return "".join(c.text for c in chars).strip()


def _line(page: int, row: int, chars: list[Char], column: str) -> Line:
    solid = [c for c in chars if c.solid] or [Char("", 0, 0, 0, 0)]
    size = Counter(round(c.size, 1) for c in solid).most_common(1)[0][0]
    return Line(page, _text(chars), min(c.x0 for c in solid), min(c.y0 for c in solid),
                max(c.x1 for c in solid), max(c.y1 for c in solid), row, column, size,
                statistics.median(c.base for c in solid))


def find_gutter(rows: Sequence[Sequence[Char]], size: PageSize) -> tuple[float, float] | None:
    """The empty vertical strip (x from, x to) between two columns, or None for a one-column page.

    Every x in the middle 40 % of the page is scored by the lines that have text on both sides of it and
    none on it; the best-scored strip is the gutter when it is wide enough and enough lines agree.
    """
    gaps = [_wide_gaps(row) for row in rows]
    if len(rows) < 3:
        return None
    first = 0.3 * size.width
    xs = [first + step for step in range(int(0.4 * size.width) + 1)]
    scores = [0] * len(xs)
    for row_gaps in gaps:  # each gap adds one to every position strictly inside it (gaps of a row never overlap)
        for a, b in row_gaps:
            for step in range(max(0, math.floor(a - first) + 1), min(len(xs), math.ceil(b - first))):
                scores[step] += 1
    best_score = max(scores)
    if best_score < max(3, GUTTER_SHARE * len(rows)):
        return None
    # the middle of the longest run of best-scored positions: the centre of the gutter, not its edge
    runs: list[list[float]] = []
    for x, score in zip(xs, scores):
        if score == best_score and runs and runs[-1][-1] == x - 1.0:
            runs[-1].append(x)
        elif score == best_score:
            runs.append([x])
    longest = max(runs, key=len)
    best = longest[len(longest) // 2]
    agreeing = [next(g for g in row_gaps if g[0] < best < g[1]) for row_gaps in gaps if any(a < best < b for a, b in row_gaps)]
    return statistics.median(a for a, _b in agreeing), statistics.median(b for _a, b in agreeing)


def _wide_gaps(row: Sequence[Char]) -> list[tuple[float, float]]:
    """Empty stretches of a line at least GUTTER_MIN_WIDTH wide, between two of its characters."""
    solid = [c for c in row if c.solid]
    return [(a.x1, b.x0) for a, b in zip(solid, solid[1:]) if b.x0 - a.x1 >= GUTTER_MIN_WIDTH]


def _splits_at(row: Sequence[Char], gutter: tuple[float, float]) -> bool:
    """The line has text on both sides of the gutter and none across its middle half (glyph boxes may
    reach a little into the gutter: a "j" or an italic letter overhangs)."""
    low, high = gutter
    quarter = (high - low) / 4
    solid = [c for c in row if c.solid]
    middle = (low + high) / 2
    return (any(_centre(c) < middle for c in solid) and any(_centre(c) > middle for c in solid)
            and not any(c.x0 < high - quarter and c.x1 > low + quarter for c in solid))


def _centre(ch: Char) -> float:
    return (ch.x0 + ch.x1) / 2


def running_lines(lines: Iterable[Line], sizes: Sequence[PageSize]) -> set[tuple[int, int, str]]:
    """(page, row, text) of running headers and footers: lines in a page's top or bottom band whose text,
    digits ignored, recurs on at least two pages, and page numbers wherever they stand in a band."""
    banded = [ln for ln in lines if _in_band(ln, sizes[ln.page])]
    pages_per_shape = Counter(shape for shape, _page in {(_shape(ln.text), ln.page) for ln in banded})
    return {
        (ln.page, ln.row, ln.text)
        for ln in banded
        if PAGE_NUMBER.match(ln.text) or (len(sizes) > 1 and pages_per_shape[_shape(ln.text)] >= 2)
    }


def _in_band(line: Line, size: PageSize) -> bool:
    band = MARGIN_BAND * size.height
    return line.y0 >= size.height - band or line.y1 <= band


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def reading_order(lines: list[Line]) -> list[Line]:
    """Lines of one page in reading order: top to bottom; where the page has columns, each column whole,
    left before right, between the full-width lines (headings, table rows) above and below them."""
    ordered: list[Line] = []
    region: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.row, ln.x0)):
        if line.column == "full":
            ordered.extend(_columns(region))
            region = []
            ordered.append(line)
        else:
            region.append(line)
    ordered.extend(_columns(region))
    return ordered


def _columns(region: list[Line]) -> list[Line]:
    return [ln for ln in region if ln.column == "left"] + [ln for ln in region if ln.column == "right"]


def is_leader_line(text: str) -> bool:
    """A table-of-contents entry: text followed by dot leaders and (usually) a page number."""
    return bool(DOT_LEADER.search(text))


def join_lines(lines: Sequence[Line]) -> str:
    """Lines in reading order to paragraphs (see `join_pages`)."""
    return join_pages(lines, 1)[0]


def join_pages(lines: Sequence[Line], pages: int) -> tuple[str, tuple[int, ...]]:
    """Lines in reading order to paragraphs, and the offset where each page's text begins.

    A wider vertical gap, or a column or page change after a sentence end, starts a new paragraph; a word
    broken at a line end is joined ("Arbeits-" + "markt" → "Arbeitsmarkt"), also across a page, and a
    hyphen that belongs to the word stays ("ESF-" + "Verwaltungsbehörde").
    """
    text = ""
    starts: list[int] = []
    spacing = _line_spacing(lines)
    previous: Line | None = None
    for line in lines:
        piece = _mend(line.text)
        if previous is not None and _new_paragraph(previous, line, spacing):
            text = text.rstrip() + "\n\n"
        while len(starts) <= line.page:  # pages before this line's (empty ones too) start here
            starts.append(len(text))
        text = _append(text, piece) if text and not text.endswith("\n\n") else text + piece
        previous = line
    while len(starts) < pages:
        starts.append(len(text))
    return text.replace("\ufffe", "-"), tuple(starts)  # a marker left at a paragraph's very end


def _mend(text: str) -> str:
    """Soft hyphens inside words go; PDFium's line-end hyphen marker inside a line becomes a hyphen."""
    text = text.replace("\u00ad", "")
    return re.sub("(.)\ufffe(?=(.))", lambda m: m.group(1) + ("" if m.group(1).islower() and m.group(2).islower() else "-"),
                  text)


def _line_spacing(lines: Sequence[Line]) -> float:
    """The usual distance between the baselines of two lines of one paragraph."""
    pitches = [a.base - b.base for a, b in zip(lines, lines[1:])
               if a.page == b.page and a.column == b.column and 0 < a.base - b.base < 3 * max(a.size, 1.0)]
    return statistics.median(pitches) if pitches else 0.0


def _new_paragraph(previous: Line, line: Line, spacing: float) -> bool:
    if line.page != previous.page or line.column != previous.column or line.base > previous.base:
        # a new page or column: a paragraph may go on across it, so only a sentence end splits
        return previous.text.rstrip().endswith((".", "!", "?", ":", "“", '"')) and line.text[:1].isupper()
    pitch = previous.base - line.base
    return pitch > 1.4 * spacing if spacing else pitch > 1.8 * max(previous.size, 1.0)


def _append(text: str, piece: str) -> str:
    if not text:
        return piece
    last = text[-1]
    if last in SOFT_BREAK_HYPHENS:
        return text[:-1] + piece
    if last in HARD_BREAK_HYPHENS and len(text) > 1 and text[-2].isalpha():
        # "Arbeits-" + "markt": a break inside a word; "ESF-" + "Verwaltung", "ESF-" + "gefördert": a
        # hyphen after a capital or before a capital belongs to the word and stays
        inside_word = text[-2].islower() and piece[:1].islower()
        return text[:-1] + ("" if inside_word else "-") + piece
    return text + " " + piece


def page_text(lines: list[Line], running: set[tuple[int, int, str]]) -> list[Line]:
    """A page's content lines in reading order, without running headers and footers."""
    return reading_order([ln for ln in lines if (ln.page, ln.row, ln.text) not in running])
