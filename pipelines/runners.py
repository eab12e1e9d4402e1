"""The task runner a run's extraction uses: threads in the flow's process, or Dask (LocalCluster or an address)."""

from __future__ import annotations

from prefect.task_runners import ThreadPoolTaskRunner

from biwaq_extract.errors import BiwaqError
from pipelines.params import RunnerParams


class RunnerUnavailable(BiwaqError):
    """The requested task runner cannot be used here (e.g. Dask is not installed)."""


def task_runner(params: RunnerParams):
    """A fresh task runner for `params`; each flow run starts (and stops) its own."""
    if params.kind == "threads":
        return ThreadPoolTaskRunner(max_workers=params.workers)
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise RunnerUnavailable(
            f"runner 'dask' needs prefect-dask and dask.distributed ({exc}); install them with: pip install -e '.[dask]'"
        ) from None
    if params.dask_address:
        return DaskTaskRunner(address=params.dask_address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            # Processes, one thread each: spaCy holds the GIL, so only processes run NLP in parallel.
            "n_workers": params.workers,
            "threads_per_worker": 1,
            "processes": True,
            # Scheduler, workers, nannies and the scheduler's HTTP server (dashboard, health) listen on loopback
            # only, on free ports: a fixed :8787 collides with any other cluster on the machine.
            "host": "127.0.0.1",
            "dashboard_address": "127.0.0.1:0",
        },
    )
