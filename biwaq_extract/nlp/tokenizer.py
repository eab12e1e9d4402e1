"""Wrap spaCy's tokenizer so that the cost of one document grows linearly with its length on any input.

spaCy strips prefixes and suffixes from a whitespace-free span one at a time, and every step copies and
searches the rest of the span: a span of n quote marks, brackets or underscores costs about n² steps
(`spacy.blank("de")` needs seconds for 5,000 `"`; docs/bounds.md has the figures). The wrapper cuts such
spans before spaCy sees them:

- a run of more than MAX_RUN characters without whitespace into pieces of MAX_RUN characters;
- a run of more than MAX_MARK_RUN characters that are neither letters, digits nor whitespace (quotes,
  brackets, dashes, underscores, emoji) into pieces of MAX_MARK_RUN characters.

Each piece is tokenized by spaCy's own tokenizer and the pieces are joined with `Doc.from_docs`, so the Doc's
text is the input text exactly and every token offset refers to it. A text without such runs (every real
article) goes to spaCy's tokenizer unchanged and is tokenized exactly as before.

The wrapper also lets spaCy's chunk cache work. spaCy caches how it split each whitespace-free chunk, but
stops caching for the rest of a text once a special case ("Dr.", "e.V.") occurs in it, so in most articles
the same words are split by the affix rules again and again: over the 2,000 benchmark articles it split
62,535 chunks for 5,498 distinct ones. Words the wrapper has not seen yet are first tokenized on their own,
which caches them, so spaCy splits each word once (the splitting of a chunk does not depend on its
neighbours: the tokens are the same). spaCy caches 10,000 chunks by default, fewer than a long run's
distinct words; the loader raises the limit to CHUNK_CACHE.

    >>> import spacy
    >>> nlp = spacy.blank("de")
    >>> nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    >>> doc = nlp('Titel: ' + '"' * 100_000)
    >>> doc.text == 'Titel: ' + '"' * 100_000
    True
"""

from __future__ import annotations

import re
from itertools import islice, pairwise
from typing import Any

from spacy.tokens import Doc

# The longest whitespace-free run in the dev sets and the saved corpus is 35 characters (a hyphenated
# compound), and long URLs stay under a few hundred; 1,000 leaves them whole. A run of MAX_RUN letters and
# digits costs spaCy next to nothing; what costs is affix stripping, which the next bound limits.
MAX_RUN = 1000
# The longest run of marks in the same texts is 3 characters (`?".`); separator lines such as 32 dashes stay
# whole. Cutting marks at 32 makes a piece cost at most 32 affix steps over at most MAX_RUN characters.
MAX_MARK_RUN = 32
# spaCy caches 10,000 chunks and splits every chunk after those with its affix rules again, each time it
# occurs. The dev sets, the saved corpus and 2,000 generated articles hold 9,899 distinct chunks together,
# a long run of real articles many more; with a limit at half a corpus's distinct chunks, `make_doc` took
# 1.4-1.8 processor seconds over those 2,124 texts instead of 0.3 (docs/performance.md). A cached chunk
# costs ~150 bytes (with the wrapper's set of warmed words): 100,000 chunks are at most ~15 MB, whatever
# the input.
CHUNK_CACHE = 100_000

_MARK = r"(?:[^\w\s]|_)"
# One pattern answers "is there anything to cut?" in one linear scan; the look-behinds let a match start only
# at the beginning of a run, so a text of many runs just under the bounds is not rescanned at every position.
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1}}}|(?<!{_MARK}){_MARK}{{{MAX_MARK_RUN + 1}}}")
_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")
_MARK_RUN = re.compile(rf"(?<!{_MARK}){_MARK}{{{MAX_MARK_RUN + 1},}}")


def cut_points(text: str) -> list[int]:
    """The offsets where `text` is cut before tokenizing: inside runs longer than the bounds, sorted.

    >>> cut_points("ab " + "(" * 70)
    [35, 67]
    """
    cuts: set[int] = set()
    for pattern, step in ((_RUN, MAX_RUN), (_MARK_RUN, MAX_MARK_RUN)):
        for match in pattern.finditer(text):
            cuts.update(range(match.start() + step, match.end(), step))
    return sorted(cuts)


class BoundedTokenizer:
    """spaCy's tokenizer, with runs longer than the bounds cut into pieces first (see the module docstring).

    Everything else (serialisation, `explain`, special cases, `vocab`) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        self.warmed: set[str] = set()  # words tokenized on their own, so in spaCy's chunk cache

    def __call__(self, text: str) -> Doc:
        words = set(text.split())  # spaCy's chunks: str.split and spaCy both split at str.isspace
        # Both bounds need a whitespace-free run longer than MAX_MARK_RUN (< MAX_RUN), which few texts hold
        # (URLs): the lengths of the text's distinct words rule the others out without scanning the text.
        if not words or max(map(len, words)) <= MAX_MARK_RUN or _LONG_RUN.search(text) is None:
            self._warm(words)
            return self.tokenizer(text)
        bounds = [0, *cut_points(text), len(text)]
        pieces = [self.tokenizer(text[start:end]) for start, end in pairwise(bounds)]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def _warm(self, words: set[str]) -> None:
        """Tokenize the words not seen before on their own, so that spaCy caches them (module docstring)."""
        words -= self.warmed
        # spaCy caches max_cache_size chunks and then no more: past that, warming would split a word twice (and
        # the set of warmed words stays as small as spaCy's cache, whatever the texts)
        room = getattr(self.tokenizer, "max_cache_size", 0) - len(self.warmed)
        if words and room > 0:
            if len(words) > room:
                words = set(islice(words, room))
            for word in words:
                self.tokenizer(word)
            self.warmed |= words

    def add_special_case(self, string: str, substrings: Any) -> None:
        self.tokenizer.add_special_case(string, substrings)
        self.warmed.clear()  # spaCy empties its chunk cache

    def __getstate__(self) -> dict:
        return {"tokenizer": self.tokenizer}  # spaCy pickles its tokenizer without the cache

    def __setstate__(self, state: dict) -> None:
        self.tokenizer, self.warmed = state["tokenizer"], set()
        _raise_cache(self.tokenizer)  # spaCy pickles its tokenizer without the limit

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Only called for names this class does not define: to_disk, from_bytes, vocab, explain, rules, ...
        if name in ("tokenizer", "warmed"):  # not set yet (e.g. while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def bound_tokenizer(nlp: Any) -> Any:
    """Give a pipeline the bounded tokenizer (once; a pipeline that has it already is returned as it is)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
        _raise_cache(nlp.tokenizer.tokenizer)
    return nlp


def _raise_cache(tokenizer: Any) -> None:
    """Let spaCy's tokenizer cache CHUNK_CACHE chunks (a smaller limit, of a tokenizer that has one, is raised)."""
    if getattr(tokenizer, "max_cache_size", CHUNK_CACHE) < CHUNK_CACHE:
        tokenizer.max_cache_size = CHUNK_CACHE
