"""A Doc's text and tokens as plain Python values, built once per Doc and shared by every finder.

Reading a spaCy Token attribute from Python builds a Token object first, and `doc.text` joins every
token again on each call: with seven finders walking the tokens several times each, that was most of the
extraction time. The view reads the token attributes with one `Doc.to_array` call into plain lists
(columns), cached in `doc.user_data` like the sentence index:

    v = view(doc)
    v.text            doc.text
    v.texts[i]        doc[i].text          v.lowers[i]   doc[i].lower_
    v.idx[i]          doc[i].idx           v.ends[i]     doc[i].idx + len(doc[i])
    v.is_space[i]     doc[i].is_space      v.is_punct[i], v.like_num[i]  (0 or 1)
    v.toks[i]         a `Tok` named tuple with those fields (built on first use)
    v.span_text(a, b) doc[a:b].text
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from typing import NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, SPACY
from spacy.tokens import Doc

_KEY = "biwaq.token_view"
_SOURCE_KEY = "biwaq.source_text"
_WORDS_KEY = "biwaq.words"
_LOWER_WORDS_KEY = "biwaq.lower_words"
_ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT, LIKE_NUM, SPACY]


class Tok(NamedTuple):
    """One token as plain values, with spaCy's Token attribute names. `len(tok)` is NOT the text length
    (it is a tuple): use `tok.end - tok.idx` or `len(tok.text)`."""

    i: int
    text: str
    lower_: str
    idx: int
    end: int
    is_space: int
    is_punct: int
    like_num: int
    whitespace_: str


class TokenView:
    """Columns of one Doc's token attributes."""

    __slots__ = ("n", "text", "texts", "lowers", "idx", "ends", "is_space", "is_punct", "like_num", "spacy", "_toks")

    def __init__(self, doc: Doc):
        self.n = len(doc)
        self.text = text = source_text(doc)
        if self.n:
            idx, length, self.is_space, self.is_punct, self.like_num, self.spacy = doc.to_array(_ATTRS).T.tolist()
        else:
            idx = length = self.is_space = self.is_punct = self.like_num = self.spacy = []
        self.idx = idx
        self.ends = ends = [i + n for i, n in zip(idx, length)]
        self.texts = [text[a:b] for a, b in zip(idx, ends)]
        lower = text.lower()
        if len(lower) == len(text):  # lowercasing kept every offset (true for German text)
            self.lowers = [lower[a:b] for a, b in zip(idx, ends)]
        else:
            self.lowers = [w.lower() for w in self.texts]
        self._toks: list[Tok] | None = None

    @property
    def toks(self) -> list[Tok]:
        if self._toks is None:
            self._toks = list(map(Tok._make, zip(range(self.n), self.texts, self.lowers, self.idx, self.ends,
                                                 self.is_space, self.is_punct, self.like_num,
                                                 (" " if s else "" for s in self.spacy))))
        return self._toks

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` (token indices) without building a Span; "" for an empty range."""
        if end <= start:
            return ""
        return self.text[self.idx[start]: self.ends[end - 1]]


def keep_source_text(doc: Doc, text: str) -> Doc:
    """Remember the string a Doc was made from (`nlp.make_doc(text)`), so `doc.text` is not rebuilt from
    every token; ignored unless it really is the Doc's text (same length as the tokens cover)."""
    doc.user_data[_SOURCE_KEY] = text
    return doc


def source_text(doc: Doc) -> str:
    text = doc.user_data.get(_SOURCE_KEY)
    if text is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    return doc.text


def view(doc: Doc) -> TokenView:
    """The Doc's TokenView, built on first use and cached on the Doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached.n != len(doc):
        cached = TokenView(doc)
        doc.user_data[_KEY] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc (spaCy rebuilds it from every token on each access)."""
    return view(doc).text


def _word_set(doc: Doc, key: str, column: str) -> set[str]:
    """The distinct entries of one column of the Doc's view (`texts`, `lowers`), computed once per Doc."""
    v = view(doc)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not v:
        cached = (v, set(getattr(v, column)))
        doc.user_data[key] = cached
    return cached[1]


def doc_words(doc: Doc) -> set[str]:
    """The distinct token texts of the Doc, computed once per Doc (people and places both test them)."""
    return _word_set(doc, _WORDS_KEY, "texts")


def doc_lower_words(doc: Doc) -> set[str]:
    """The distinct lower-case token texts of the Doc, computed once per Doc (events and participants test them)."""
    return _word_set(doc, _LOWER_WORDS_KEY, "lowers")


def token_positions(texts: list[str], present: set[str]) -> list[int]:
    """Indices of the tokens whose text is in `present` (a few of the Doc's words), in order."""
    if not present:
        return []
    if len(present) > 1:
        # one membership test per token, all in C (a scan with list.index per word is faster for one word only)
        return list(compress(range(len(texts)), map(present.__contains__, texts)))
    found: list[int] = []
    (word,) = present
    i = -1
    try:
        while True:
            i = texts.index(word, i + 1)
            found.append(i)
    except ValueError:
        pass
    return found


def token_at_char(v: TokenView, char: int) -> int:
    """Index of the token whose text or trailing space holds the character, or -1 (spaCy's token_by_char)."""
    k = bisect_right(v.idx, char) - 1
    if k < 0 or char >= v.ends[k] + v.spacy[k]:
        return -1
    return k
