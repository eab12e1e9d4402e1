"""Sentence lookup by character offset, computed once per Doc and shared by every finder.

`Token.sent` / `Span.sent` walk to the sentence start on every call: per mention that is quadratic on a
long text (minutes for a 1 MB article). The index is built once and cached in `doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_right

from numpy import flatnonzero
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from biwaq_extract.nlp.token_view import view

_KEY = "biwaq.sentence_index"
# Evidence sentences are cut around the mention beyond this length (a "sentence" without full stops can
# be a whole 1 MB text).
MAX_SENTENCE_CHARS = 600


class SentenceIndex:
    """Sentence boundaries of one Doc (its text lines when it has no sentence annotation)."""

    def __init__(self, doc: Doc):
        tokens = view(doc)
        self.text = tokens.text
        self.n_tokens = len(doc)
        self.bounds: list[tuple[int, int]] = []
        self.token_starts: list[int] = []
        if len(doc) and doc.has_annotation("SENT_START"):
            # What `doc.sents` gives, read from one array instead of a Span per sentence.
            flags = doc.to_array([SENT_START])
            starts = [0, *(flatnonzero(flags[1:] == 1) + 1).tolist()]  # numpy: no Python step per token
            idx, ends = tokens.idx, tokens.ends
            self.token_starts = starts
            self.bounds = [(idx[a], ends[b - 1]) for a, b in zip(starts, [*starts[1:], len(flags)])]
        self.starts = [b[0] for b in self.bounds]
        # (lo, hi) -> the sentence's text: the records of one sentence share one string, so a result is
        # pickled with each sentence once (a third of the bytes a worker sends back; see budget.py)
        self._texts: dict[tuple[int, int], str] = {}

    def index(self, char: int) -> int:
        """Number of the sentence holding the character offset (0 without sentence annotation)."""
        return max(bisect_right(self.starts, char) - 1, 0) if self.bounds else 0

    def bounds_at(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Character range of the sentence(s) holding start..end, or of the line(s) without annotation."""
        end = start if end is None else end
        text = self.text
        if self.bounds:
            k = self.index(start)
            lo, hi = self.bounds[k]
            while k + 1 < len(self.bounds) and hi < end:  # a span across a boundary keeps both sentences
                k += 1
                hi = self.bounds[k][1]
            return lo, max(hi, min(end, len(text)))
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        return lo, len(text) if hi < 0 else hi

    def sentence_start_token(self, token_i: int) -> int:
        """Index of the first token of the sentence holding token `token_i`."""
        if not self.token_starts:
            return 0
        return self.token_starts[max(bisect_right(self.token_starts, token_i) - 1, 0)]

    def text_at(self, start: int, end: int | None = None) -> str:
        """The evidence sentence for a mention, cut around it when very long."""
        end = start if end is None else end
        lo, hi = self.bounds_at(start, end)
        if hi - lo > MAX_SENTENCE_CHARS:
            half = MAX_SENTENCE_CHARS // 2
            lo, hi = max(lo, start - half), min(hi, end + half)
        found = self._texts.get((lo, hi))
        if found is None:
            found = self._texts[(lo, hi)] = self.text[lo:hi].strip()
        return found


def sentence_index(doc: Doc) -> SentenceIndex:
    """The Doc's SentenceIndex, built on first use (after sentence boundaries are set)."""
    # (`doc.text` and `doc.has_annotation` are rebuilt from all tokens on every call: check neither here)
    cached = doc.user_data.get(_KEY)
    if cached is None or cached.n_tokens != len(doc):
        cached = SentenceIndex(doc)
        doc.user_data[_KEY] = cached
    return cached
