"""A Doc's sentences as plain values, the gathering verb each holds, what each offers an event, and which neighbour dates it."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from typing import Callable, NamedTuple

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


BULLETS = " \t\n-–•*·"
_TITLE_BORROWED = -1  # marks, among the sentences that lent a date, that a title noun took the lead's


def day_dated(ctx: Context) -> bool:
    """The sentence names a day or a span of days."""
    return any(d.granularity in ("day", "days") for d in ctx.dates)


def lead_index(contexts: list[Context]) -> int | None:
    """The first sentence of the article body: after the title and the "Datum" line."""
    for k, ctx in enumerate(contexts[1:], start=1):
        words = ctx.span.text.strip(BULLETS).split()
        if not words or words[0] == "Datum" or (not ctx.dates and len(words) <= 4):
            continue
        return k
    return None


def heading(span: Sentence, text: str) -> bool:
    """A line of a few words without a full stop, ending at a line break: a title or subheading."""
    line = span.text.strip()
    if not line or line[-1] in ".!?:;,\"“”" or len(line.split()) > 12:
        return False
    return span.text.rstrip(" \t").endswith("\n") or text[span.end_char : span.end_char + 3].lstrip(" \t")[:1] in ("\n", "")


def borrow(
    contexts: list[Context], k: int, lead: int | None, used: set[int], window: int, text: str
) -> Context | None:
    """A neighbouring sentence that dates the gathering named in sentence k (which has no date).

    In order: a report of a gathering just before or after ("80 Fachleute trafen sich am 25. September
    in Bonn. In einer Werkstatt …"); for a title, the article's lead sentence (news style puts the
    when and where there); for a subheading, a day-dated sentence of the lines under it; then a
    day-dated sentence directly before or after in the same paragraph.
    """
    for j in [k - 1, *range(k + 1, k + 1 + window)]:
        if 0 <= j < len(contexts) and contexts[j].frame and contexts[j].dates and j not in used:
            used.add(j)
            return contexts[j]
    if k == 0 and lead is not None and day_dated(contexts[lead]) and (lead not in used or (
            _TITLE_BORROWED not in used and heading(contexts[0].span, text))):
        # (a title line also when a noun of the lead took its date: it names the lead's gathering again;
        # but only its first gathering noun: "BIWAQ-Konferenz und Projektmesse in Halle" names two)
        used.update((lead, _TITLE_BORROWED))
        return contexts[lead]
    here = contexts[k].span
    if k > 0 and heading(here, text):  # a subheading: the paragraph under it tells of its gathering
        for j in range(k + 1, min(len(contexts), k + 1 + window)):
            if day_dated(contexts[j]):
                return contexts[j]
        # a line of a block ("Wann: 6. Juni 2024" / "Wo: …" / "Was: Netzwerktreffen"): a dated line above it
        for j in range(k - 1, max(-1, k - 1 - window), -1):
            if "\n\n" in text[contexts[j].span.start_char : here.start_char]:
                break
            if day_dated(contexts[j]):
                return contexts[j]
    for j in (k - 1, k + 1):
        if 0 <= j < len(contexts) and day_dated(contexts[j]) and j not in used:
            other = contexts[j].span
            gap = text[min(here.end_char, other.end_char) : max(here.start_char, other.start_char)]
            if "\n\n" not in gap:
                return contexts[j]
    return None


# a comma before an indefinite article opens a clause that may tell of a new gathering
_NEW_CLAUSE = re.compile(r",\s+(?:ein|eine|einen|einem|einer)\s")


def own_clause(ctx: Context, start_char: int, text: str, is_gathering: Callable[[str], object]) -> Context:
    """The dates and places of the clause of a gathering noun at `start_char` when another clause of its sentence
    names another gathering: "Ein Workshop findet am 5. April online statt, ein Präsenztreffen ist für den Herbst
    in Leipzig geplant" dates and places each in its own clause. The whole sentence when its clause has no date."""
    s, e = ctx.span.start_char, ctx.span.end_char
    cuts = [m.start() for m in _NEW_CLAUSE.finditer(text, s, e)] if len(ctx.dates) >= 2 else []
    if not cuts:
        return ctx
    bounds = [s, *cuts, e]
    j = max(0, bisect_right(bounds, start_char) - 1)
    lo, hi = bounds[j], bounds[min(j + 1, len(bounds) - 1)]
    others = (text[s:lo] + " " + text[hi:e]).split()
    dates = [d for d in ctx.dates if lo <= d.start_char < hi]
    if not dates or len(dates) == len(ctx.dates) or not any(is_gathering(w.strip(".,;:!?()„“\"").lower()) for w in others):
        return ctx
    clause = text[lo:hi]
    return ctx._replace(dates=dates, places=[p for p in ctx.places if lo <= p.start_char < hi],
                        online_test=lambda _text: ctx.online_test(clause))
