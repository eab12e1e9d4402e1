"""The task runner a run's extraction uses: threads in the flow's process, or Dask (LocalCluster or an address)."""

from __future__ import annotations

from prefect.task_runners import ThreadPoolTaskRunner

from biwaq_extract.errors import BiwaqError
from pipelines.params import RunnerParams


class RunnerUnavailable(BiwaqError):
    """The requested task runner cannot be used here (e.g. Dask is not installed)."""


def task_runner(params: RunnerParams, model: str | None = None, user_gazetteer: str | None = None):
    """A fresh task runner for `params`; each flow run starts (and stops) its own.

    The workers of a LocalCluster start loading the pipeline for `model` (the flow's model parameter, with the
    run's `user_gazetteer`) as soon as they start (pipelines/worker_preload.py); workers of a cluster at
    `dask_address` load it with their first batch.
    """
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
            "preload": ["pipelines.worker_preload"],
            "preload_argv": ["--model", model or "", "--user-gazetteer", user_gazetteer or ""],
        },
    )


def start_workers() -> None:
    """Start the current flow run's workers now instead of at the first submitted task.

    prefect-dask creates its cluster when a task is first submitted, i.e. after the flow has parsed the input
    and loaded its own pipeline; started first, the workers load theirs (pipelines/worker_preload.py) while the
    flow does that (benchmark at 2,000 articles, with the preload and `describe_pipeline`: the first batch
    started ~1 s sooner, a run took 12.2 s instead of 14.2 s). A run whose documents all
    come from the NLP cache starts a cluster it does not use (~0.5 s). No effect on the thread runner.
    """
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    runner = context.task_runner if context is not None else None
    if isinstance(getattr(type(runner), "client", None), property):  # DaskTaskRunner: a lazily created client
        runner.client  # noqa: B018 (the access creates the cluster and connects)
