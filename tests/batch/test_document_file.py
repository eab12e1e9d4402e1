"""The parse step's document file: documents written once and read back by position; the parse step's counts."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from biwaq_extract.batch.document_file import DocumentFile, parse_to_file
from biwaq_extract.config import load_settings
from biwaq_extract.records import Document
from conftest import fixture_path

DOCUMENTS = [
    Document(id="a", text="Über 80 Teilnehmende „trafen“ sich\nin Köln.", url="https://example.invalid/a",
             title="Fachtag", published=dt.date(2019, 9, 25), source="articles.jsonl"),
    Document(id="b", text="Zeile\r\nmit CR und \u2028 Trenner", published=None),
    Document(id="c", text="", title=None),
]


@pytest.mark.parametrize("documents", [DOCUMENTS, []])
def test_document_file_gives_back_every_document_by_position(tmp_path, documents):
    stored = DocumentFile(tmp_path / "documents.jsonl").write(iter(documents))
    assert (len(stored), stored.ids) == (len(documents), [d.id for d in documents])
    assert list(stored) == documents
    assert [stored[i] for i in reversed(range(len(stored)))] == documents[::-1]
    with ThreadPoolExecutor(4) as pool:  # the flow thread and a task thread may read at once
        assert list(pool.map(stored.__getitem__, range(len(stored)))) == documents


@pytest.mark.parametrize("end, to_extract, quarantined, out_of_range", [
    (None, ["ok-1", "odd-unicode"], ["mixed.jsonl:2", "no-text", "mixed.jsonl:4", "empty", "english"], 0),
    # Unreadable lines stay quarantined with their reason; undated documents fall outside any range.
    (dt.date(2021, 12, 31), ["odd-unicode"], ["mixed.jsonl:2", "no-text", "mixed.jsonl:4"], 3),
])
def test_document_file_parse_keeps_the_range_and_quarantines_bad_input(tmp_path, end, to_extract, quarantined, out_of_range):
    parsed = parse_to_file(fixture_path("documents", "mixed.jsonl"), load_settings(environ={}), tmp_path, None, end)
    assert parsed.documents.ids == to_extract
    assert [q.document_id for _, q in parsed.failed] == quarantined
    assert parsed.out_of_range == out_of_range
