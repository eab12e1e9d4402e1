"""Spans: neighbouring atoms joined by a connector ("bis", "–", "und") into one interval."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from biwaq_extract.nlp.dates.atoms import Atom
from biwaq_extract.nlp.dates.context_words import add_months, previous_words

if TYPE_CHECKING:
    from biwaq_extract.nlp.dates.resources import TemporalResources

class Span(NamedTuple):
    """One finished expression: one atom, or two joined into an interval (a named tuple, like Atom)."""

    start: int
    end: int
    left: Atom
    right: Atom | None
    rule: str
    since: bool = False  # "seit (dem) ..." before it: the date is not after publication


def _inherit(left: Atom, right: Atom) -> Atom:
    """Fill the left atom's missing month and year from the right one ("3." + "5. Mai 2021")."""
    if left.kind == "bare_day" and right.kind == "day":
        return left._replace(kind="day", month=right.month, year=right.year, anchored=True,
                             year_inherited=right.year is not None)
    if left.year is None and right.year is not None and left.kind in ("day", "month", "season", "quarter"):
        return left._replace(year=right.year, anchored=True, year_inherited=True)
    return left


def _adjacent(left: Atom, right: Atom) -> bool:
    """Whether two atoms name neighbouring units: 25./26. September, Frühjahr und Sommer, Q1 und Q2."""
    if left.kind != right.kind or left.kind not in ("day", "month", "season", "quarter"):
        return False
    if left.kind == "day":
        return left.month == right.month and left.day is not None and right.day == left.day + 1
    if left.month is None or right.month is None:
        return False
    return add_months(2000, left.month, left.months)[1] == right.month


def _after_seit(text: str, start: int) -> bool:
    """Whether "seit" is one of the two words before start."""
    if "seit" not in text[max(0, start - 40):start].lower():
        return False
    return "seit" in (w.strip(",") for w in previous_words(text, start, 2))


def _span_prefix(text: str, start: int, res: TemporalResources) -> re.Match | None:
    """The span prefix ("vom", "zwischen", "seit", ...) right before start, or None."""
    # The prefix pattern ends in horizontal whitespace at start, or before a line break there ("$").
    c = text[start - 1] if start else ""
    if c == "\n":
        c = text[start - 2] if start > 1 else ""
    if c == "\n" or not c.isspace():
        return None
    return res.prefix.search(text, max(0, start - 30), start)


def join_spans(text: str, atoms: list[Atom], res: TemporalResources) -> list[Span]:
    """Join neighbouring atoms into spans where a connector stands between them."""
    # Right-to-left inheritance through lists and pairs: "am 3., 10. und 17. Mai 2021".
    atoms = list(atoms)
    connected = [False] * len(atoms)  # a span, pair or list connector between atom i and the next
    for i in range(len(atoms) - 2, -1, -1):
        if res.any_connector.fullmatch(text, atoms[i].end, atoms[i + 1].start):
            connected[i] = True
            atoms[i] = _inherit(atoms[i], atoms[i + 1])
    spans: list[Span] = []
    i = 0
    while i < len(atoms):
        left = atoms[i]
        since = _after_seit(text, left.start)
        prefix = _span_prefix(text, left.start, res)
        right = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = False
        if connected[i] and left.kind != "relative" and right.kind not in ("relative", "bare_day"):
            gap = text[left.end:right.start]
            between = prefix is not None and prefix.group(0).lower().startswith("zwischen")
            if res.span_connector.fullmatch(gap) or (
                res.pair_connector.fullmatch(gap) and (between or _adjacent(left, right))
            ):
                start = prefix.start() if prefix else left.start
                kinds = {left.kind, right.kind}
                rule = f"{left.kind}_span" if len(kinds) == 1 else "mixed_span"
                spans.append(Span(start, right.end, left, right, rule.replace("years_span", "year_span"), since))
                i += 2
                joined = True
        if not joined:
            if left.kind != "bare_day":
                start = left.start
                if prefix and prefix.group(0).lower().startswith("seit"):
                    start = prefix.start()
                spans.append(Span(start, left.end, left, None, left.rule, since))
            i += 1
    return spans

