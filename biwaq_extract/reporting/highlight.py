"""Mentions highlighted in a document's text in displaCy's entity style, with overlapping spans nested.

Why not `spacy.displacy.render(style="ent")` itself: its entity renderer assumes non-overlapping spans, and
ours overlap (a place inside an organisation's name, a date inside a count's phrase). The markup below is
displaCy's (`<mark class="entity">` + label, its colours and spacing) with proper nesting; everything is
escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from biwaq_extract.reporting.markup import esc, frag


@dataclass(frozen=True)
class Kind:
    """One kind of highlighted mention: the table it lives in, its id column, label, colour and shown columns."""

    name: str
    table: str
    id_column: str
    label: str
    colour: str  # displaCy's default colour for the closest spaCy label
    columns: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("date", "dates", "date_id", "DATE", "#bfe1d9", ("start_date", "end_date", "granularity", "role", "rule")),
    Kind("org", "org_mentions", "mention_id", "ORG", "#7aecec", ("org_id", "rule")),
    Kind("programme", "programme_mentions", "mention_id", "PROG", "#bfeeb7", ("programme_id", "rule")),
    Kind("person", "person_mentions", "mention_id", "PER", "#aa9cfc", ("role", "organisation", "org_id")),
    Kind("place", "place_mentions", "mention_id", "LOC", "#feca74", ("place_id", "rule")),
    Kind("event", "events", "event_id", "EVENT", "#ffeb80",
         ("type", "name", "start_date", "end_date", "location", "participants", "organisers")),
    Kind("count", "participant_counts", "count_id", "COUNT", "#e4e7d2", ("count", "qualifier", "who", "event_id")),
)
KIND_BY_TABLE = {k.table: k for k in KINDS}


@dataclass(frozen=True)
class Span:
    """A highlight: character range, kind, the row id it came from, whether that row is flagged for review
    and whether a steward's decision corrected or added it."""

    start: int
    end: int
    kind: Kind
    row_id: str
    flagged: bool
    title: str = ""
    steward: bool = False


def _open(span: Span, first: bool) -> str:
    flag = (" flag" if span.flagged else "") + (" steward" if span.steward else "")
    anchor = f' id="m-{esc(span.row_id)}"' if first else ""
    return (f'<mark class="entity k-{span.kind.name}{flag}"{anchor} data-kind="{span.kind.name}"'
            f' title="{esc(span.title)}">')


def _close(span: Span, last: bool) -> str:
    if not last:
        return "</mark>"
    return f'<a class="label" href="{frag("row-", span.row_id)}">{span.kind.label}</a></mark>'


def highlight(text: str, spans: Iterable[Span]) -> str:
    """The text, escaped, with every span as a displaCy-style <mark>; overlapping spans nest.

    Crossing spans (neither inside the other) are closed and reopened at the crossing so the HTML stays
    well-formed; the label and the id appear once per span (label at its end, id at its start).

    >>> k = KINDS[0]
    >>> highlight("am 3. Mai", [Span(3, 9, k, "d1", False)])  # doctest: +ELLIPSIS
    'am <mark class="entity k-date" id="m-d1" ...>3. Mai<a class="label" href="#row-d1">DATE</a></mark>'
    """
    valid = sorted(
        {s for s in spans if 0 <= s.start < s.end <= len(text)},
        key=lambda s: (s.start, -s.end, s.kind.name, s.row_id),
    )
    bounds = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    starting: dict[int, list[Span]] = defaultdict(list)
    for s in valid:
        starting[s.start].append(s)  # already longest first
    out: list[str] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for i, pos in enumerate(bounds):
        # close what ends here; spans above one that ends are closed and reopened (continuations)
        ending = [s for s in stack if s.end == pos]
        if ending:
            lowest = min(stack.index(s) for s in ending)
            above = stack[lowest:]
            for s in reversed(above):
                out.append(_close(s, last=s.end == pos))
            stack = stack[:lowest]
            reopen = [s for s in above if s.end != pos]
            for s in reopen:
                out.append(_open(s, first=False))
                stack.append(s)
        for s in starting.get(pos, ()):
            # a span opening inside one that ends earlier than it would cross it: fine, handled at that end
            out.append(_open(s, first=s not in opened))
            opened.add(s)
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(html.escape(text[pos : bounds[i + 1]], quote=False))
    return "".join(out)
