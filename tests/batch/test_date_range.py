"""Date-range filtering of documents."""

from __future__ import annotations

import datetime as dt

import pytest

from biwaq_extract.batch.date_range import DateRange
from biwaq_extract.records import Document, QuarantineRecord

D = dt.date
ITEMS = [
    Document(id="may", text="x", published=D(2023, 5, 1)),
    Document(id="june", text="x", published=D(2023, 6, 30)),
    Document(id="undated", text="x"),
    QuarantineRecord("broken", "read", "invalid JSON"),
]


@pytest.mark.parametrize("start, end, kept, dropped", [
    (None, None, ["may", "june", "undated", "broken"], 0),
    (None, D(2023, 6, 1), ["may", "broken"], 2),
    (D(2023, 6, 30), None, ["june", "broken"], 2),
    (D(2023, 5, 1), D(2023, 6, 30), ["may", "june", "broken"], 1),  # both ends included
])
def test_date_range_keeps_documents_inside_and_counts_the_others(start, end, kept, dropped):
    window = DateRange(start, end)
    got = [getattr(item, "id", None) or item.document_id for item in window.keep(ITEMS)]
    assert (got, window.dropped) == (kept, dropped)
