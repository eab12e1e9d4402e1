"""A Doc's sentences as plain values, the gathering verb each holds, and what each offers an event."""

from __future__ import annotations

from bisect import bisect_right
from itertools import repeat
from typing import NamedTuple

from spacy.tokens import Doc

from biwaq_extract.nlp import event_links as links
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import TokenView, view
from biwaq_extract.records import DateMention, OrgMention, ParticipantCount, PlaceMention


class Sentence(NamedTuple):
    """One sentence as plain values: token range, character range and text (no spaCy Span)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str


class Context(NamedTuple):
    """What one sentence offers an event: dates, places, attendance counts, a gathering verb."""

    span: Sentence
    dates: list[DateMention]
    places: list[PlaceMention]
    counts: list[ParticipantCount]
    frame: str | None
    online_test: links.OnlineTest

    @property
    def online(self) -> bool:
        """The sentence mentions an online format (read only for the few sentences an event uses)."""
        return self.online_test(self.span.text)


def named_rows(cls, rows) -> list:
    """Named tuples of class `cls` from plain tuples, built in C (`cls(*row)` is a Python call per row)."""
    return list(map(tuple.__new__, repeat(cls), rows))


def doc_sentences(doc: Doc) -> list[Sentence]:
    """The Doc's non-blank sentences (the whole Doc without sentence annotation)."""
    v = view(doc)
    index = sentence_index(doc)
    text = v.text
    if not v.n:
        return []
    if not index.bounds:
        rows = [(0, v.n, v.idx[0], v.ends[-1], v.span_text(0, v.n))]
    else:
        token_ends = index.token_starts[1:] + [v.n]
        char_starts, char_ends = zip(*index.bounds)
        texts = [text[a:b] for a, b in index.bounds]
        rows = zip(index.token_starts, token_ends, char_starts, char_ends, texts)
    return named_rows(Sentence, [row for row in rows if row[4].strip()])


def within(m, span: Sentence) -> bool:
    """The mention `m` lies inside the sentence."""
    return span.start_char <= m.start_char and m.end_char <= span.end_char


def frame_anchor(verbs: tuple[str, ...]) -> str:
    """The word a frame is looked up by: its longest (usually rarest: "trafen", not "sich")."""
    return max(verbs, key=len)


def sentence_frames(v: TokenView, positions: list[int], sents: list[Sentence], frames: list) -> list[str | None]:
    """The gathering verb frame of each sentence: the first of `frames` whose words all occur in it.

    `frames` are the rule frames whose words all occur in the Doc, `positions` the tokens that may be
    their anchor words (the Doc's tokens are scanned once for frames and heads together); only the
    sentences holding an anchor are read.
    """
    out: list[str | None] = [None] * len(sents)
    if not frames:
        return out
    anchors = {frame_anchor(verbs) for verbs, _ in frames}
    starts = [s.start for s in sents]
    lowers = v.lowers
    done: set[int] = set()
    for i in positions:
        if lowers[i] in anchors:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < sents[k].end and k not in done:
                done.add(k)
                ws = set(lowers[sents[k].start : sents[k].end])
                for verbs, etype in frames:
                    if ws.issuperset(verbs):
                        out[k] = etype
                        break
    return out


def sentence_organisers(organisations, contexts: list[Context]) -> dict[int, tuple[str, ...]]:
    """The ids of the organisations named in each sentence (by index in `contexts`), each once, in order."""
    context_starts = [c.span.start_char for c in contexts]
    orgs_by_sentence: dict[int, list[OrgMention]] = {}
    for o in organisations:
        k = bisect_right(context_starts, o.start_char) - 1
        if k >= 0 and within(o, contexts[k].span):
            orgs_by_sentence.setdefault(k, []).append(o)
    return {k: tuple(dict.fromkeys(o.org_id for o in orgs)) for k, orgs in orgs_by_sentence.items()}
