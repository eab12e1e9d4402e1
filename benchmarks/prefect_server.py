"""A real `prefect server start` on 127.0.0.1 for the flow benchmarks, as a deployment runs against one.

Without PREFECT_API_URL every flow process would start Prefect's temporary server (~15–20 s of SQLite
migrations and uvicorn start-up) inside the timed section: that is a fixed cost of the infrastructure,
not of the flow. The driver starts one server before the flow stages, times its start-up separately and
gives its URL to the stage processes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group (server + its uvicorn, worker + its flow-run subprocess), then SIGKILL."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait)


@contextlib.contextmanager
def prefect_server(timeout: float = 120) -> Iterator[tuple[str, float]]:
    """Yield (API URL, start-up seconds) of a fresh Prefect server with its home in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="biwaq-bench-prefect-") as home:
        port = free_port()
        api = f"http://127.0.0.1:{port}/api"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(PREFECT_HOME=home, PREFECT_API_URL=api, PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_SERVER_UI_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
        log = Path(home) / "server.log"
        prefect = str(Path(sys.executable).with_name("prefect"))
        began = time.perf_counter()
        with open(log, "w") as fh:
            proc = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                    stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"prefect server exited with {proc.returncode}: {log.read_text()[-2000:]}")
                try:
                    if httpx.get(f"{api}/health", timeout=2, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"prefect server not healthy after {timeout} s: {log.read_text()[-2000:]}")
                time.sleep(0.3)
            yield api, time.perf_counter() - began
        finally:
            stop_group(proc)
