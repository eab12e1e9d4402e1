"""One pipeline per model and process, loaded once; a batch goes on past a failing document."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import biwaq_extract.extract as extract
import biwaq_extract.nlp.model as model
from biwaq_extract.batch import worker
from biwaq_extract.records import Document


@pytest.mark.parametrize("name", ["probe-model"])
def test_worker_pipeline_loads_once_when_two_threads_ask_at_once(monkeypatch, name):
    """A Dask worker's preload thread and its first batch ask together: one load, one pipeline for both."""
    loads = []

    def slow_load(requested, user_gazetteer=None):
        loads.append(requested)
        time.sleep(0.2)
        return object(), requested

    monkeypatch.setattr(model, "load_pipeline", slow_load)
    worker._load.cache_clear()
    try:
        barrier = threading.Barrier(2)

        def ask():
            barrier.wait()
            return worker.pipeline_for(name)

        with ThreadPoolExecutor(2) as pool:
            first, second = pool.map(lambda _: ask(), range(2))
        assert loads == [name] and first is second
    finally:
        worker._load.cache_clear()


@pytest.mark.parametrize("victim", ["b"])
def test_worker_batch_quarantines_a_failing_document_and_goes_on(monkeypatch, victim):
    real = extract.extract_document

    def broken(nlp, document):
        if document.id != victim:
            return real(nlp, document)
        raise RuntimeError("component blew up")

    monkeypatch.setattr(extract, "extract_document", broken)
    documents = [Document(id=i, text="Der Fachtag fand am 3. Mai 2023 in Leipzig statt.") for i in "abc"]
    outcome = worker.run_batch(documents, "blank", {})
    assert [r.document.id for r, _ in outcome.pairs] == ["a", "b", "c"]
    assert [q.reason if q else None for _, q in outcome.pairs] == [
        None, "extraction failed: RuntimeError: component blew up", None]
    assert outcome.model.name == "blank:de"
