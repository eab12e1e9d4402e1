"""The deployment how-to for real, on 127.0.0.1: server, work pool, `prefect deploy`, worker, a run, the tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from benchmarks.prefect_server import free_port, stop_group
from conftest import REPO

PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "biwaq-process"
DEPLOYMENT = "newsletter-pipeline/esf-newsletter-weekly"
CORPUS_SITE = REPO / "corpus" / "site"
pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _wait_healthy(api: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"prefect server exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{api}/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"prefect server not healthy after {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.mark.parametrize("deployment", [DEPLOYMENT])
def test_deployment_weekly_run_on_a_real_server(tmp_path, deployment):
    if not (CORPUS_SITE / "robots.txt").exists():
        pytest.fail(f"the bundled corpus {CORPUS_SITE} is missing")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),  # SQLite database and profiles live here, not in ~/.prefect
        PREFECT_API_URL=api,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
        # No scheduled runs of the weekly cron during the test: only the run we trigger may reach the worker.
        PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false",
        PREFECT_WORKER_QUERY_SECONDS="2",
        PREFECT_WORKER_PREFETCH_SECONDS="5",
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    output = tmp_path / "outputs"
    procs: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        fh = open(logs / f"{name}.log", "w")
        proc = subprocess.Popen([PREFECT, *args], env=env, cwd=REPO, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(proc)
        return proc

    def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        done = subprocess.run([PREFECT, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done

    try:
        server = start("server", "server", "start", "--host", "127.0.0.1", "--port", str(port))
        _wait_healthy(api, server, logs / "server.log")
        cli("work-pool", "create", POOL, "--type", "process")
        cli("--no-prompt", "deploy", "--all", "--prefect-file", str(REPO / "prefect.yaml"))
        deployments = httpx.post(f"{api}/deployments/filter", json={}, trust_env=False).json()
        weekly = next(d for d in deployments if d["name"] == deployment.split("/")[1])
        assert weekly["schedules"][0]["schedule"] == {"cron": "0 6 * * 1", "timezone": "Europe/Berlin", "day_or": True}
        assert {d["name"] for d in deployments} == {"esf-newsletter-weekly", "esf-newsletter-backfill"}

        start("worker", "worker", "start", "--pool", POOL)
        params = {"site_folder": str(CORPUS_SITE), "output": str(output), "model": "blank"}
        run = cli("deployment", "run", deployment, "--param", f"params={json.dumps(params)}",
                  "--watch", "--watch-timeout", "150", timeout=170)
        assert "Completed" in run.stdout

        runs = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"deployment_id": {"any_": [weekly["id"]]}}},
                          trust_env=False).json()
        assert [r["state_type"] for r in runs] == ["COMPLETED"]
        artifacts = httpx.post(f"{api}/artifacts/filter", json={}, trust_env=False).json()
        assert {"biwaq-run-summary", "biwaq-quarantine"} <= {a["key"] for a in artifacts}

        from biwaq_extract.dataset.storage import read_dataset

        tables = read_dataset(output)
        articles = sum(1 for _ in open(output / "crawl" / "articles.jsonl", encoding="utf-8"))
        assert articles > 0 and len(tables["documents"]) == articles
        assert len(tables["runs"]) == 1 and tables["runs"]["model_name"].iloc[0] == "blank:de"
        assert len(tables["org_mentions"]) > 0 and len(tables["dates"]) > 0
    finally:
        for proc in reversed(procs):
            stop_group(proc)
