"""Text helpers the finders share: pieces and phrase tries, acronyms, photo credits, quoted titles, span sets, slugs."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress
from typing import NamedTuple

from spacy.tokens import Doc

from biwaq_extract.nlp.token_view import view

QUOTES = "„\"“”‚‘’'«»"

# --- word pieces and phrase lookup ------------------------------------------------------------------

_PIECE = re.compile(r"\w+|[^\w\s]")
_PIECE_SPLIT = re.compile(r"(\w+|[^\w\s])")  # the same pieces, as separators of a split
_PIECES_KEY = "biwaq.pieces"


class Pieces:
    """A text split into words and single punctuation marks, as three columns: `words[i]` and its
    character offsets `starts[i]`, `ends[i]` (plain lists: a document has thousands of pieces, and
    one object per piece was most of the finders' time)."""

    __slots__ = ("words", "starts", "ends", "_word_set")

    def __init__(self, text: str):
        # split() keeps the pieces between the gaps: [gap, piece, gap, piece, ..., gap]; the running
        # sum of their lengths gives every piece's start and end without a match object per piece
        parts = _PIECE_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self._word_set: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def positions(self, keys) -> list[int]:
        """Indices of the pieces in `keys` (a set or dict), ascending."""
        return list(compress(range(len(self.words)), map(keys.__contains__, self.words)))

    @property
    def word_set(self) -> frozenset[str]:
        if self._word_set is None:
            self._word_set = frozenset(self.words)
        return self._word_set

    def has_any(self, keys) -> bool:
        """Whether some piece is in `keys` (a look-up per key: cheaper than `positions` for a few keys)."""
        return not self.word_set.isdisjoint(keys)

    def positions_of_char(self, text: str, char: str) -> list[int]:
        """Indices of the pieces that are `char`, a punctuation character (always a piece of its own)."""
        at, found = text.find(char), []
        while at >= 0:
            found.append(bisect_left(self.starts, at))
            at = text.find(char, at + 1)
        return found

    def positions_of_words(self, text: str, words: Iterable[str]) -> list[int]:
        """Indices of the pieces in `words`, found by searching `text` for them (cheaper than `positions`
        for a few words the text has)."""
        found = []
        for word in self.word_set.intersection(words):
            at = text.find(word)
            while at >= 0:
                i = bisect_left(self.starts, at)
                if i < len(self.starts) and self.starts[i] == at and self.words[i] == word:
                    found.append(i)
                at = text.find(word, at + 1)
        return sorted(found)


def pieces(text: str) -> Pieces:
    """Split text into words and single punctuation marks; hyphens and dots are pieces of their own,
    so "ESF-Programm" is ESF, -, Programm and "e. V." equals "e.V." (whitespace is ignored).

    >>> pieces("ESF-Programm e. V.").words
    ['ESF', '-', 'Programm', 'e', '.', 'V', '.']
    """
    return Pieces(text)


def doc_pieces(doc: Doc) -> Pieces:
    """The pieces of the Doc's text, split once per Doc (the organisation and programme finders both read them)."""
    text = view(doc).text
    cached = doc.user_data.get(_PIECES_KEY)
    if cached is None or cached[0] is not text:
        cached = (text, Pieces(text))
        doc.user_data[_PIECES_KEY] = cached
    return cached[1]


def _word_start(text: str, at: int, joiners: str = "-_") -> int:
    """Start of the run of word characters and `joiners` (hyphens) around `at`."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in joiners):
        at -= 1
    return at


def matches_where(text: str, regex: re.Pattern, needles: Iterable[str], word_before: bool = False,
                  joiners: str = "-_") -> list[re.Match]:
    """`regex.finditer(text)` for a pattern whose matches open at a word boundary (`(?<![\w-])`) and hold
    one of `needles` in their first word (or, with `word_before`, their second, after blanks): tried only
    from the starts of the words around the needles' occurrences, not at every character of the text.
    `joiners`: the characters besides word characters a word runs over ("+" for "ESF Plus-Programm").

    >>> [m.group() for m in matches_where("Der Förderverein Nord lädt", re.compile(r"(?<![\w-])[A-Z]\w*verein \w+"), ["verein"])]
    ['Förderverein Nord']
    """
    starts = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            start = _word_start(text, at, joiners)
            starts.add(start)
            if word_before:
                gap = start
                while gap > 0 and text[gap - 1] in " \t":
                    gap -= 1
                if gap < start:
                    starts.add(_word_start(text, gap, joiners))
            at = text.find(needle, at + 1)
    found, pos = [], 0
    for start in sorted(starts):
        if start >= pos:
            m = regex.match(text, start)
            if m:
                found.append(m)
                pos = m.end()
    return found


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _PIECE.finditer(phrase))


class PhraseTrie:
    """Longest-match lookup of phrases over a piece sequence (fast on 1 MB texts, unlike big regexes)."""

    _END = object()

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, phrase: str, value) -> None:
        node = self.root
        for key in phrase_key(phrase):
            node = node.setdefault(key, {})
        values = node.setdefault(self._END, [])
        if value not in values:
            values.append(value)

    def starts(self, toks: Pieces) -> list[int]:
        """Indices of the pieces where `matches_at` may find a phrase: those whose word and the next
        begin one (most phrases that begin with "der" or "die" end there)."""
        root, end, words = self.root, self._END, toks.words
        last = len(words) - 1
        return [i for i in toks.positions(root) if end in root[words[i]] or i < last and words[i + 1] in root[words[i]]]

    def matches_at(self, words: list[str], i: int) -> list[tuple[int, list]]:
        """All (end index, values) of phrases starting at words[i], longest first."""
        node, found = self.root, []
        end = self._END
        for j in range(i, len(words)):
            node = node.get(words[j])
            if node is None:
                break
            if end in node:
                found.append((j + 1, node[end]))
        return found[::-1]


def is_word(piece: str) -> bool:
    return piece[0].isalnum() or piece[0] == "_"


def inside_compound_tail(toks: Pieces, i: int) -> bool:
    """Piece i is the second part of a hyphenated compound ("Pandemie-bedingt": True for "bedingt")."""
    if i < 2:
        return False
    words, starts, ends = toks.words, toks.starts, toks.ends
    return words[i - 1] == "-" and ends[i - 1] == starts[i] and ends[i - 2] == starts[i - 1] \
        and is_word(words[i - 2])


def compound_head_after(toks: Pieces, j: int) -> str | None:
    """The rest of a hyphenated compound that continues after piece j-1 ("ESF-Programm" -> "Programm")."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    if j + 1 < len(words) and words[j] == "-" and ends[j - 1] == starts[j] and ends[j] == starts[j + 1] \
            and is_word(words[j + 1]):
        k, parts = j + 1, [words[j + 1]]
        while k + 2 < len(words) and words[k + 1] == "-" and ends[k] == starts[k + 1] \
                and ends[k + 1] == starts[k + 2]:
            parts.append(words[k + 2])
            k += 2
        return "-".join(parts)
    return None


# --- acronyms -----------------------------------------------------------------------------------------

def is_acronym(text: str) -> bool:
    """Two capital letters or more and no space: "BMAS", "IHK", "KoFa"."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2 and " " not in text.strip()


# --- photo credits ----------------------------------------------------------------------------------

class CreditLines(NamedTuple):
    """A rule for the lines that are a photo credit as a whole. `hint` is found in every text that has
    such a line (a cheap test before the line search), or None."""

    name: str
    regex: re.Pattern
    hint: re.Pattern | None


# Two rules, because the finders were tuned with them and their outputs depend on the difference.
# Case-sensitive: "Foto:", "Bildnachweis:", "Quelle Foto:" after an optional bullet. Every such line holds
# "Foto", "Copyright" or "Bild" before a colon ("Bildung" is in most texts): the hint.
CREDIT_LINES_CASED = CreditLines(
    "cased",
    re.compile(r"^[ \t•\-*]*(?:Foto|Fotos|Bild|Bildnachweis|Bildquelle|Copyright|Quelle Foto)\s*:", re.M),
    re.compile(r"Foto|Copyright|Bild(?:nachweis|quelle)?\s*:"),
)
# Any case, also "Quelle:", "Bilder:", "Credits:" (the place and people finders).
CREDIT_LINES_ANY_CASE = CreditLines(
    "any-case",
    re.compile(r"^\s*(?:Fotos?|Bild(?:er)?|Quelle|Copyright|Credits?)\s*:", re.I | re.M),
    None,
)
_CREDITS_KEY = "biwaq.credit_ranges"
_LOGO_KEY = "biwaq.logo_ranges"


def add_logo_ranges(doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
    """Remember names a finder read on logo lines (not article text): later finders skip them too."""
    doc.user_data.setdefault(_LOGO_KEY, []).extend(spans)


def doc_logo_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The ranges `add_logo_ranges` recorded for this Doc."""
    return list(doc.user_data.get(_LOGO_KEY, ()))


def credit_ranges(text: str, markers: Iterable[str] = ("©", "(c)", "Foto:", "Fotos:"),
                  lines: CreditLines = CREDIT_LINES_CASED) -> list[tuple[int, int]]:
    """Character ranges of photo credits: from a marker ("©", "Foto:") to the end of its line, and the
    credit lines of the rule `lines`; sorted, without repeats.

    >>> credit_ranges("Das Glücksrad © BMAS\\nDer ESF")
    [(14, 20)]
    >>> credit_ranges("Bild\\nRathaus © Stadt Essen\\nText", ("©",), CREDIT_LINES_ANY_CASE)
    [(13, 26)]
    """
    spans = []
    for marker in markers:
        spans += _marker_ranges(text, marker)
    return sorted(set(spans + _credit_line_ranges(text, lines)))


def doc_credit_ranges(doc: Doc, markers: Iterable[str] = ("©", "(c)", "Foto:", "Fotos:"),
                      lines: CreditLines = CREDIT_LINES_CASED) -> list[tuple[int, int]]:
    """`credit_ranges` of the Doc's text; the ranges of each marker and rule are found once per Doc."""
    text = view(doc).text
    cached = doc.user_data.get(_CREDITS_KEY)
    if cached is None or cached[0] is not text:
        cached = (text, {})
        doc.user_data[_CREDITS_KEY] = cached
    found = cached[1]
    spans = []
    for marker in markers:
        if marker not in found:
            found[marker] = _marker_ranges(text, marker)
        spans += found[marker]
    key = ("lines", lines.name)
    if key not in found:
        found[key] = _credit_line_ranges(text, lines)
    return sorted(set(spans + found[key]))


def _marker_ranges(text: str, marker: str) -> list[tuple[int, int]]:
    """Ranges from each `marker` to the end of its line."""
    spans = []
    start = text.find(marker)
    while start >= 0:
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
        start = text.find(marker, start + len(marker))
    return spans


def _credit_line_ranges(text: str, lines: CreditLines) -> list[tuple[int, int]]:
    """Ranges from the start of each credit line's match to the next line break."""
    spans = []
    if lines.hint is None or lines.hint.search(text):
        for m in lines.regex.finditer(text):
            end = text.find("\n", m.start())
            spans.append((m.start(), len(text) if end < 0 else end))
    return spans


# --- quoted titles ----------------------------------------------------------------------------------

_QUOTED = re.compile(r'["„“”»«]([^"„“”»«\n]{1,120})["“”«»]')


def quoted_title_ranges(text: str, max_words: int = 8) -> list[tuple[int, int]]:
    """Short quoted stretches that name a thing (project, brochure, motto), not speech.

    >>> quoted_title_ranges('Das Projekt "Zukunft für Essen" startet.')
    [(12, 31)]
    """
    ranges = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        if len(inner.split()) <= max_words and not inner.endswith((".", "!", "?")):
            ranges.append((match.start(), match.end()))
    return ranges


# --- span sets --------------------------------------------------------------------------------------

def mention_ranges(mentions: Iterable) -> list[tuple[int, int]]:
    """(start_char, end_char) of each mention record, e.g. of `doc._.organisations`."""
    return [(m.start_char, m.end_char) for m in mentions or ()]


def in_spans(start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a character offset lies in one of the (start, end) spans."""
    return any(s <= start < e for s, e in spans)


class CharRanges:
    """Character ranges merged and sorted once, so an overlap test is a binary search, not a scan
    (a scan per candidate made a 1 MB article take minutes)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        starts: list[int] = []
        ends: list[int] = []
        for r_start, r_end in sorted(ranges):
            if ends and r_start <= ends[-1]:
                if r_end > ends[-1]:
                    ends[-1] = r_end
            else:
                starts.append(r_start)
                ends.append(r_end)
        self.starts = starts
        self.ends = ends

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end) - 1  # last range starting before `end`
        return k >= 0 and self.ends[k] > start

    def __add__(self, other: Iterable[tuple[int, int]]) -> "CharRanges":
        return CharRanges(list(zip(self.starts, self.ends)) + list(other))

    def __iter__(self):
        return iter(zip(self.starts, self.ends))


def in_ranges(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether start..end overlaps one of the ranges (a binary search for CharRanges)."""
    if isinstance(ranges, CharRanges):
        return ranges.overlaps(start, end)
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


# --- slugs ------------------------------------------------------------------------------------------

_NOT_ASCII_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_UMLAUT_SLUG = re.compile(r"[^a-z0-9äöüß]+")
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def ascii_slug(text: str) -> str:
    """Lowercase ASCII slug, umlauts spelled out: "Evangelische Hochschule Berlin" -> "evangelische-hochschule-berlin".

    >>> ascii_slug("Bündnis für Ältere e. V.")
    'buendnis-fuer-aeltere-e-v'
    """
    text = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT)).encode("ascii", "ignore").decode()
    return _NOT_ASCII_SLUG.sub("-", text.lower()).strip("-")


def umlaut_slug(text: str) -> str:
    """Lowercase slug that keeps German letters (the ids of places): "Berlin-Neukölln" -> "berlin-neukölln".

    >>> umlaut_slug("Kreis Düren")
    'kreis-düren'
    """
    return _NOT_UMLAUT_SLUG.sub("-", text.lower()).strip("-")
