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


def test_tasks_pipeline_loads_once_when_two_threads_ask_at_once(monkeypatch):
    """A Dask worker's preload thread and its first batch ask together: one load, one pipeline for both."""
    import threading
    import time

    import biwaq_extract.nlp.model as model
    from pipelines import tasks

    loads = []

    def slow_load(name):
        loads.append(name)
        time.sleep(0.2)
        return object(), name

    monkeypatch.setattr(model, "load_pipeline", slow_load)
    tasks._load.cache_clear()
    try:
        barrier = threading.Barrier(2)

        def ask():
            barrier.wait()
            return tasks.pipeline_for("probe-model")

        with ThreadPoolExecutor(2) as pool:
            first, second = pool.map(lambda _: ask(), range(2))
        assert loads == ["probe-model"] and first is second
    finally:
        tasks._load.cache_clear()
