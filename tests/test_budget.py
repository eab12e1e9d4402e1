"""The per-document time budget: work that overruns is killed in its worker process, the run goes on."""

from __future__ import annotations

import json
import os
import time

import pytest

from biwaq_extract import budget
from biwaq_extract.budget import Overrun, WorkerDied, call_within, map_within
from conftest import fixture_path

SLOW_ID = "slow"


def double(factor, item):
    return factor * item


def stall(factor, item):
    if item == SLOW_ID:
        time.sleep(600)  # inside C code: only killing the process stops it
    return item


def crash(factor, item):
    if item == SLOW_ID:
        os._exit(9)
    return item


@pytest.fixture(autouse=True)
def fresh_worker():
    budget.shutdown()
    yield
    budget.shutdown()


@pytest.mark.parametrize("seconds", [30.0, 0])
def test_budget_work_within_budget_returns_its_result(seconds):
    assert [call_within(seconds, double, 3, i) for i in range(4)] == [0, 3, 6, 9]


@pytest.mark.parametrize("work, error, message", [(stall, Overrun, "took longer than 1 s"),
                                                  (crash, WorkerDied, "worker process ended (exit status 9)")])
def test_budget_stuck_or_dead_worker_is_replaced_and_next_items_run(work, error, message):
    assert call_within(30.0, work, 1, "first") == "first"
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_within(1.0, work, 1, SLOW_ID)
    assert call_within(30.0, work, 1, "next") == "next"


@pytest.mark.parametrize("seconds", [30.0])
def test_budget_worker_killed_while_idle_costs_no_item(seconds):
    import signal

    assert call_within(seconds, double, 2, 1) == 2
    os.kill(budget._WORKER.pid, signal.SIGKILL)
    time.sleep(0.2)  # let the kernel deliver it (the assertion does not depend on how long)
    assert call_within(seconds, double, 2, 2) == 4


@pytest.mark.parametrize("seconds", [30.0])
def test_budget_worker_runs_in_another_process_and_follows_a_changed_function(seconds):
    assert call_within(seconds, lambda _, item: os.getpid(), None, 0) != os.getpid()
    assert call_within(seconds, double, 2, 5) == 10  # another function: another worker, not the stale one


@pytest.mark.parametrize("work, error", [(stall, Overrun), (crash, WorkerDied)])
def test_budget_map_keeps_order_and_goes_on_after_a_stuck_item(work, error):
    items = ["a", "skip-b", SLOW_ID, "c", "skip-d", "e"]
    outcomes = list(map_within(1.0, work, (1,), items, wanted=lambda item: not item.startswith("skip")))
    assert [item for item, _ in outcomes] == items
    assert [o if isinstance(o, str) or o is None else type(o) for _, o in outcomes] == [
        "a", None, error, "c", None, "e"]


@pytest.mark.parametrize("seconds", [0, 30.0])
def test_budget_map_returns_every_result(seconds):
    assert list(map_within(seconds, double, (2,), range(5))) == [(i, 2 * i) for i in range(5)]


def _stall_slow_document(monkeypatch) -> None:
    """Make the NLP of the document SLOW_ID stall for ten minutes; the others go through as usual."""
    import biwaq_extract.extract as extract

    real = extract.extract_document

    def stalling(nlp, document):
        if document.id == SLOW_ID:
            time.sleep(600)
        return real(nlp, document)

    monkeypatch.setattr(extract, "extract_document", stalling)


def run_with_slow_document(tmp_path, monkeypatch, seconds):
    """`biwaq extract` (the library's run) over three documents whose middle one stalls the NLP."""
    import biwaq_extract.extract as extract
    from biwaq_extract.config import load_settings

    _stall_slow_document(monkeypatch)
    settings = load_settings()
    settings["extract"]["max_seconds_per_document"] = seconds
    settings["extract"]["max_seconds_per_million_chars"] = 0
    return extract.run_extract(fixture_path("documents", "budget.jsonl"), tmp_path, settings, model="blank")


@pytest.mark.slow
@pytest.mark.parametrize("seconds", [2.0])
def test_budget_slow_document_is_quarantined_and_the_run_goes_on(tmp_path, monkeypatch, seconds):
    summary = run_with_slow_document(tmp_path, monkeypatch, seconds)
    assert (summary.documents_in, summary.documents_ok, summary.documents_failed) == (3, 2, 1)
    run = json.loads((tmp_path / "run.json").read_text("utf-8"))
    assert [(q["document_id"], q["stage"], q["reason"]) for q in run["quarantine"]] == [
        (SLOW_ID, "extract", f"took longer than {seconds:g} s")]
    views = {v["id"]: v for v in map(json.loads, (tmp_path / "documents.jsonl").read_text("utf-8").splitlines())}
    assert views[SLOW_ID]["error"] == f"took longer than {seconds:g} s"
    assert views["after"]["dates"] and views["before"]["dates"]


@pytest.mark.parametrize("seconds, from_environment", [(2, False), (2, True)])
def test_budget_applies_to_the_batch_task(monkeypatch, seconds, from_environment):
    """The batch function that the Prefect task runs (threads or Dask workers) calls the library per document and
    takes the budget from the run's settings, or from the process's (environment) when it is given none."""
    from biwaq_extract.batch.worker import run_batch
    from biwaq_extract.config import load_settings
    from biwaq_extract.records import Document

    _stall_slow_document(monkeypatch)
    settings = load_settings()
    settings["extract"].update(max_seconds_per_document=seconds, max_seconds_per_million_chars=0)
    if from_environment:
        monkeypatch.setenv("BIWAQ_EXTRACT__MAX_SECONDS_PER_DOCUMENT", str(seconds))
        monkeypatch.setenv("BIWAQ_EXTRACT__MAX_SECONDS_PER_MILLION_CHARS", "0")
        settings = {}
    documents = [Document("a", "Fachtag in Leipzig am 12. Mai 2022."), Document(SLOW_ID, "Werkstatt in Bonn."),
                 Document("b", "Fest in Köln am 4. Juni 2023.")]
    outcome = run_batch(documents, "blank", settings)
    reasons = [(r.document.id, q.reason if q else None) for r, q in outcome.pairs]
    assert reasons == [("a", None), (SLOW_ID, f"took longer than {seconds} s"), ("b", None)]
