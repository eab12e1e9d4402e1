"""Extraction of a run: the NLP cache first, the rest in batches by a runner; failed batches are quarantined."""

from __future__ import annotations

import dataclasses

import pytest

import biwaq_extract.extract as extract
from biwaq_extract.batch.cache import NLPCache
from biwaq_extract.batch.document_file import parse_to_file
from biwaq_extract.batch.extraction import BatchFailure, extract_cached, in_process
from biwaq_extract.batch.worker import model_for_run
from biwaq_extract.config import load_settings
from biwaq_extract.errors import ModelMismatch
from conftest import fixture_path

SETTINGS = load_settings(environ={})
# The NLP runs in this process (no worker process for the time budget), so the tests see each call.
SETTINGS["extract"]["max_seconds_per_document"] = 0


def _run(tmp_path, output, runner=None, batch_size=None):
    """Parse the mixed fixture and extract it in this process; returns the outcome."""
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    parsed = parse_to_file(fixture_path("documents", "mixed.jsonl"), SETTINGS, scratch)
    info = model_for_run("blank", loads_here=True)
    runner = runner(parsed) if runner else in_process(parsed, "blank", SETTINGS)
    return extract_cached(parsed, NLPCache.for_output(output, info), info, runner, batch_size=batch_size,
                          default_size=32, workers=1)


@pytest.mark.parametrize("batch_size", [1, None])
def test_extraction_rerun_takes_every_result_from_the_cache(tmp_path, monkeypatch, batch_size):
    calls = []
    real = extract.extract_document
    monkeypatch.setattr(extract, "extract_document", lambda nlp, d: calls.append(d.id) or real(nlp, d))
    first = _run(tmp_path, tmp_path / "out", batch_size=batch_size)
    assert (calls, first.tally.nlp_documents, first.tally.from_cache) == (["ok-1", "odd-unicode"], 2, 0)
    again = _run(tmp_path, tmp_path / "out", batch_size=batch_size)
    assert (calls[2:], again.tally.nlp_documents, again.tally.from_cache) == ([], 0, 2)
    assert [r.document.id for r in again.results] == [r.document.id for r in first.results]
    assert [r.dates for r in again.results] == [r.dates for r in first.results]
    assert again.tally.quarantined == first.tally.quarantined == 5  # three unreadable lines, empty, English


@pytest.mark.parametrize("reason", ["batch task failed: ValueError: worker bug"])
def test_extraction_failed_batch_quarantines_its_documents_and_a_rerun_retries_them(tmp_path, reason):
    def failing(parsed):
        return lambda groups: ((positions, BatchFailure(reason)) for positions in groups)

    failed = _run(tmp_path, tmp_path / "out", runner=failing)
    assert failed.tally.failed_batches == 1 and failed.tally.reasons["batch task failed"] == 2
    assert {q.reason for q in failed.quarantine} >= {reason}
    rerun = _run(tmp_path, tmp_path / "out")  # failures were never cached
    assert (rerun.tally.nlp_documents, rerun.tally.quarantined) == (2, 5)


@pytest.mark.parametrize("other", ["de_core_news_sm"])
def test_extraction_workers_with_another_model_stop_the_run(tmp_path, other):
    def elsewhere(parsed):
        inner = in_process(parsed, "blank", SETTINGS)

        def run(groups):
            for positions, outcome in inner(groups):
                yield positions, dataclasses.replace(outcome, model=dataclasses.replace(outcome.model, name=other))

        return run

    with pytest.raises(ModelMismatch, match=other):
        _run(tmp_path, tmp_path / "out", runner=elsewhere)
