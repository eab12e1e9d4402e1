"""Prefect flows over the fixture site (6 articles on 2 listing pages, one of them in English) on a test API."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, fixture_path

SITE = fixture_path("pipelines", "site")
N_ARTICLES, N_GERMAN = 6, 5
ENGLISH_ID = "esf-2023_05_02_english_notice"


def run(output: Path, return_state: bool = False, **overrides):
    from pipelines.flows import newsletter_pipeline
    from pipelines.params import NewsletterParams

    values = {"site_folder": SITE, "output": output, "model": "blank", "batch_size": 2} | overrides
    return newsletter_pipeline(NewsletterParams(**values), return_state=return_state)


def dataset(output: Path) -> dict[str, pd.DataFrame]:
    """Every table but `runs` (run ids and times differ by design), rows in a canonical order."""
    from biwaq_extract.dataset.storage import read_dataset

    out = {}
    for name, frame in read_dataset(output).items():
        if name == "runs":
            continue
        out[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True) if len(frame) else frame
    return out


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def first_run(prefect_harness, tmp_path_factory):
    """One complete run on a fresh output folder: (output, report, flow run id)."""
    output = tmp_path_factory.mktemp("first-run")
    state = run(output, return_state=True)
    assert state.is_completed(), state.message
    return output, state.result(), state.state_details.flow_run_id


# --- the pipeline ---------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("expected", [{"documents_in": N_ARTICLES, "extracted": N_GERMAN, "quarantined": 1}])
def test_pipelines_newsletter_writes_tables_and_outputs(first_run, expected):
    output, report, _ = first_run
    assert {k: report.tally[k] for k in expected} == expected
    assert report.tally["reasons"] == {"not German": 1}
    tables = dataset(output)
    assert len(tables["documents"]) == N_ARTICLES
    assert list(tables["quarantine"]["document_id"]) == [ENGLISH_ID]
    assert len(tables["org_mentions"]) > 0 and len(tables["dates"]) > 0
    lines = (output / "documents.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == N_ARTICLES
    run_json = json.loads((output / "run.json").read_text("utf-8"))
    assert run_json["documents_failed"] == 1 and run_json["model"]["name"] == "blank:de"
    assert run_json["extra"]["prefect_flow_run_id"]
    assert (output / "crawl" / "articles.jsonl").exists() and list((output / "crawl" / "warc").glob("*.warc.gz"))
    assert not (output / ".cache" / "running.json").exists()


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("keys", [("biwaq-run-summary", "biwaq-quarantine")])
def test_pipelines_publish_summary_and_quarantine_artifacts(first_run, keys):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    _, report, flow_run_id = first_run
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    by_key = {a.key: a for a in artifacts}
    assert set(keys) <= set(by_key)
    summary = by_key["biwaq-run-summary"].data
    for needle in ("| in | 6 |", "| extracted | 5 |", "| quarantined | 1 |", "not German", ENGLISH_ID, "blank:de", "| org_mentions |"):
        assert needle in summary
    table = by_key["biwaq-quarantine"].data
    table = json.loads(table) if isinstance(table, str) else table
    assert table["document_id"] == [ENGLISH_ID] and table["stage"] == ["validate"]


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("reason", ["1 quarantined document"])
def test_pipelines_final_state_and_artifact_carry_the_verdict(first_run, reason):
    """Needs attention is shown, not failed: the run completes with the verdict as its state message."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from biwaq_extract.steward.verdict import assess

    output, report, flow_run_id = first_run
    verdict = assess(output)
    assert verdict.status == "needs attention" and reason in verdict.reasons
    with get_client(sync_client=True) as client:
        state = client.read_flow_run(flow_run_id).state
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    assert state.is_completed() and state.message == f"needs attention: {'; '.join(verdict.reasons)}"
    assert report.verdict.message == state.message and report.summary_line().endswith(f"; verdict: {state.message}")
    markdown = next(a.data for a in artifacts if a.key == "biwaq-verdict")
    assert markdown.startswith("# Verdict: needs attention\n") and f"- {reason}" in markdown


@pytest.mark.slow
@pytest.mark.integration
def test_pipelines_rerun_skips_nlp_until_extractor_changes(first_run, tmp_path, monkeypatch):
    output, _, _ = first_run
    work = tmp_path / "out"
    shutil.copytree(output, work)
    before = dataset(work)
    again = run(work)
    assert (again.tally["nlp_documents"], again.tally["from_cache"]) == (0, N_GERMAN)
    assert_same_tables(before, dataset(work))

    import biwaq_extract

    monkeypatch.setattr(biwaq_extract, "__version__", "99.0.0")  # a new extractor release
    renewed = run(work)
    assert (renewed.tally["nlp_documents"], renewed.tally["from_cache"]) == (N_GERMAN, 0)
    assert_same_tables(before, dataset(work))


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("window, expected", [(("2023-06-01", "2023-10-31"), 3), (("2023-11-01", "2023-12-31"), 1)])
def test_pipelines_backfill_keeps_the_date_range(prefect_harness, tmp_path, window, expected):
    from pipelines.flows import newsletter_backfill
    from pipelines.params import BackfillParams

    report = newsletter_backfill(BackfillParams(published_from=window[0], published_to=window[1], site_folder=SITE,
                                                output=tmp_path, model="blank"))
    assert report.tally["documents_in"] == expected
    published = dataset(tmp_path)["documents"]["published"].astype(str)
    assert published.between(*window).all()


# --- faults ---------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("where", ["document", "batch"])
def test_pipelines_task_raising_quarantines_and_rerun_completes(first_run, tmp_path, monkeypatch, where):
    """One document (or its whole batch task) raising: the run completes, says why, and a rerun fills the gap."""
    import biwaq_extract
    import biwaq_extract.extract as extract
    import pipelines.tasks as tasks

    monkeypatch.setattr(biwaq_extract, "__version__", f"fault-{where}")  # fresh cache: everything goes to NLP
    victim = "esf-2023_10_05_werkstatt_dortmund"
    if where == "document":
        real = extract.extract_document

        def broken(nlp, document):
            if document.id == victim:
                raise RuntimeError("component blew up")
            return real(nlp, document)

        monkeypatch.setattr(extract, "extract_document", broken)
    else:
        real_batch = tasks.run_batch

        def broken_batch(documents, model, settings):
            if any(d.id == victim for d in documents):
                raise ValueError("worker bug")  # not transient: no retries, the batch fails for good
            return real_batch(documents, model, settings)

        monkeypatch.setattr(tasks, "run_batch", broken_batch)
    output = tmp_path / "out"
    report = run(output)
    reasons = {q for q in dataset(output)["quarantine"]["reason"]}
    expected = "extraction failed: RuntimeError: component blew up" if where == "document" else "batch task failed: ValueError: worker bug"
    assert expected in reasons
    lost = 1 if where == "document" else 2  # the batch of 2 holds the victim and one neighbour
    assert report.tally["quarantined"] == 1 + lost

    monkeypatch.undo()
    monkeypatch.setattr(biwaq_extract, "__version__", f"fault-{where}")
    rerun = run(output)
    assert rerun.tally["quarantined"] == 1 and rerun.tally["nlp_documents"] == lost
    assert set(dataset(output)["quarantine"]["document_id"]) == {ENGLISH_ID}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("path", ["/api"])
def test_pipelines_api_unreachable_fails_clearly_and_plain_run_completes(tmp_path, path):
    """PREFECT_API_URL pointing at nothing: `biwaq run` stops before touching anything and says what to do."""
    from pipelines.api import PrefectUnavailable, check_api

    url = f"http://127.0.0.1:{_free_port()}{path}"
    with pytest.raises(PrefectUnavailable, match="unreachable.*prefect server start.*--no-prefect"):
        check_api(url, timeout=2)

    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path / "home")}
    output = tmp_path / "out"
    cmd = [sys.executable, "-m", "biwaq_extract.cli.main", "run", "--site", str(SITE), "--output", str(output), "--model", "blank"]
    failed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert failed.returncode == 1
    assert f"the Prefect API at {url} is unreachable" in failed.stderr
    assert not output.exists()  # nothing crawled, nothing written

    plain = subprocess.run(cmd + ["--no-prefect"], env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert plain.returncode == 3, plain.stderr  # the English article is quarantined
    assert "6 documents read, 5 extracted, 1 quarantined" in plain.stdout
    assert (output / "datapackage.json").exists()


@pytest.mark.slow
@pytest.mark.integration
def test_pipelines_worker_killed_midway_loses_nothing_and_rerun_completes(first_run, prefect_harness, tmp_path, monkeypatch):
    output, _, _ = first_run
    work = tmp_path / "out"
    shutil.copytree(output, work)
    tables_before = {p.name: p.read_bytes() for p in (work / "tables").glob("*.parquet")}
    warcs_before = {p.name: p.read_bytes() for p in (work / "crawl" / "warc").glob("*.warc.gz")}

    version, kill_at = "killed-run", 4
    env = {**os.environ, "PREFECT_API_URL": prefect_harness}
    script = fixture_path("pipelines", "kill_midway.py")
    killed = subprocess.run([sys.executable, str(script), str(SITE), str(work), version, str(kill_at)],
                            env=env, capture_output=True, text=True, timeout=180, cwd=REPO)
    assert killed.returncode == -9, killed.stderr[-2000:]

    # Nothing archived or written before is lost: the same tables, every WARC file intact, and the run left its mark.
    assert {p.name: p.read_bytes() for p in (work / "tables").glob("*.parquet")} == tables_before
    for name, data in warcs_before.items():
        assert (work / "crawl" / "warc" / name).read_bytes() == data
    assert (work / ".cache" / "running.json").exists()

    import biwaq_extract

    monkeypatch.setattr(biwaq_extract, "__version__", version)
    resumed = run(work, batch_size=1)
    assert resumed.tally["from_cache"] == kill_at - 1
    assert resumed.tally["nlp_documents"] == N_GERMAN - (kill_at - 1)
    assert not (work / ".cache" / "running.json").exists()
    assert_same_tables(dataset(output), dataset(work))


# --- scale-out ------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.integration
def test_pipelines_dask_runner_gives_identical_tables(first_run, tmp_path):
    pytest.importorskip("prefect_dask")
    from pipelines.params import RunnerParams

    output, _, _ = first_run
    report = run(tmp_path / "dask", runner=RunnerParams(kind="dask", workers=2))
    assert report.tally["nlp_documents"] == N_GERMAN  # a fresh folder: the NLP really ran on the Dask workers
    assert_same_tables(dataset(output), dataset(tmp_path / "dask"))
    assert (tmp_path / "dask" / "documents.jsonl").read_bytes() == (output / "documents.jsonl").read_bytes()


@pytest.mark.slow
@pytest.mark.integration
def test_pipelines_dask_workers_start_with_the_flow_and_load_the_pipeline(prefect_harness):
    """start_workers creates the cluster before any task, and each worker loads the pipeline by itself."""
    pytest.importorskip("prefect_dask")
    import time

    from prefect import flow
    from prefect.context import FlowRunContext

    from pipelines.params import RunnerParams
    from pipelines.runners import start_workers, task_runner

    def loaded() -> int:
        import sys

        worker = sys.modules.get("biwaq_extract.batch.worker")
        load = getattr(worker, "_load", None)
        return load.cache_info().currsize if load is not None else 0

    @flow(task_runner=task_runner(RunnerParams(kind="dask", workers=1), "blank"))
    def probe() -> tuple[bool, bool, int]:
        runner = FlowRunContext.get().task_runner
        before = runner._client is not None
        start_workers()
        started = runner._client is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # no task is ever submitted: only the preload can load it
            counts = list(runner._client.run(loaded).values())
            if counts and all(counts):
                break
            time.sleep(0.5)
        return before, started, min(counts)

    assert probe() == (False, True, 1)


# --- the small pieces -----------------------------------------------------------------------------------------


def _transient_cases():
    import httpx

    from biwaq_extract.errors import DocumentError, FetchError

    chained = RuntimeError("wrapped")
    chained.__cause__ = ConnectionResetError()
    return [
        (ConnectionRefusedError(), True),
        (TimeoutError(), True),
        (FetchError("portal down"), True),
        (httpx.ConnectError("no route"), True),
        (chained, True),
        (ValueError("bug"), False),
        (DocumentError("empty text"), False),
        (KeyError("x"), False),
    ]


@pytest.mark.parametrize("exc, transient", _transient_cases())
def test_pipelines_is_transient(exc, transient):
    from pipelines.tasks import is_transient

    assert is_transient(exc) is transient


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("error, calls", [(ConnectionError, 2), (ValueError, 1)])
def test_pipelines_retries_only_transient_failures(prefect_harness, error, calls):
    from prefect import flow, task

    from pipelines.tasks import transient_only

    seen = []

    @task(retries=1, retry_delay_seconds=0, retry_condition_fn=transient_only)
    def flaky():
        seen.append(1)
        if len(seen) == 1:
            raise error("first try fails")
        return "ok"

    @flow
    def once():
        return flaky()

    state = once(return_state=True)
    assert len(seen) == calls
    assert state.is_completed() is (calls == 2)
