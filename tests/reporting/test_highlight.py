"""Tests of biwaq_extract/reporting/highlight.py: displaCy-style highlights that nest and keep the text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from biwaq_extract.reporting.highlight import KINDS, Span, highlight


@pytest.mark.parametrize(
    "text, spans",
    [
        ("ESF-Jahresveranstaltung in Berlin", [(0, 23, "event"), (0, 3, "programme"), (27, 33, "place")]),
        ("Stadt Leipzig und Jobcenter", [(0, 13, "org"), (6, 13, "place"), (6, 27, "count")]),  # crossing spans
        ("a < b & c > d", [(0, 5, "org"), (4, 50, "place")]),  # escaping; a span past the end is dropped
    ],
)
def test_highlight_nests_and_keeps_text(text, spans):
    kinds = {k.name: k for k in KINDS}
    marked = highlight(text, [Span(s, e, kinds[k], f"r{i}", False) for i, (s, e, k) in enumerate(spans)])
    soup = BeautifulSoup(f"<div>{marked}</div>", "html.parser")
    for label in soup.select("a.label"):
        label.decompose()
    assert soup.get_text() == text
    valid = [i for i, (s, e, _) in enumerate(spans) if e <= len(text)]
    assert sorted(m["id"] for m in soup.find_all("mark", id=True)) == sorted(f"m-r{i}" for i in valid)


@pytest.mark.parametrize("flagged, steward, classes", [
    (True, False, {"flag"}), (False, True, {"steward"}), (False, False, set()),
])
def test_highlight_marks_flagged_and_corrected_spans(flagged, steward, classes):
    marked = highlight("am 3. Mai", [Span(3, 9, KINDS[0], "d1", flagged, steward=steward)])
    mark = BeautifulSoup(marked, "html.parser").find("mark")
    assert set(mark["class"]) - {"entity", "k-date"} == classes
