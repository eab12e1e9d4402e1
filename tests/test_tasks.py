"""Flow helpers without Prefect: screened documents kept in a file, results read back by cache key."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from biwaq_extract.records import Document, DocumentResult, ModelInfo
from pipelines.cache import NLPCache, RunResults
from pipelines.tasks import DocumentFile

DOCUMENTS = [
    Document(id="a", text="Über 80 Teilnehmende „trafen“ sich\nin Köln.", url="https://example.invalid/a",
             title="Fachtag", published=dt.date(2019, 9, 25), source="articles.jsonl"),
    Document(id="b", text="Zeile\r\nmit CR und \u2028 Trenner", published=None),
    Document(id="c", text="", title=None),
]


@pytest.mark.parametrize("documents", [DOCUMENTS, []])
def test_tasks_document_file_gives_back_every_document_by_position(tmp_path, documents):
    stored = DocumentFile(tmp_path / "documents.jsonl").write(iter(documents))
    assert (len(stored), stored.ids) == (len(documents), [d.id for d in documents])
    assert list(stored) == documents
    assert [stored[i] for i in reversed(range(len(stored)))] == documents[::-1]
    with ThreadPoolExecutor(4) as pool:  # the flow thread and a task thread may read at once
        assert list(pool.map(stored.__getitem__, range(len(stored)))) == documents


@pytest.mark.parametrize("held_position", [1])
def test_tasks_run_results_keep_no_text_and_give_it_back_from_the_cache(tmp_path, held_position):
    cache = NLPCache.for_output(tmp_path, ModelInfo("blank:de", "3.8", False, (), "3.8"))
    cache.put([DocumentResult(document=d) for d in DOCUMENTS])
    failed = DocumentResult(document=DOCUMENTS[held_position], error="boom", error_stage="extract")
    entries = [RunResults.entry(d, None if i == held_position else cache.key(d)) for i, d in enumerate(DOCUMENTS)]
    results = RunResults(cache, entries, {held_position: failed})
    assert all(meta.text == "" for meta, _ in results.entries)
    assert [r.document for r in results] == DOCUMENTS
    assert results[held_position] is failed
    assert results.ids() == ["a", "b", "c"]
