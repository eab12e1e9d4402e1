"""Dask worker preload: a LocalCluster worker starts loading biwaq's pipeline as soon as it starts.

Without it a worker imports Prefect, spaCy and the rule data and builds the pipeline when its first batch
arrives, while the flow waits (~2 s per worker at the start of every run, measured in the benchmark). With
it, that happens in a background thread while the flow still parses the input; the first batch finds the
pipeline loaded, or waits for the load already under way (`pipeline_for` loads once per process).

Used by `pipelines.runners.task_runner` as the workers' `preload` with `--model <name>`. This module imports
only click at the top: a worker is reported ready before the heavy imports are done.
"""

from __future__ import annotations

import logging
import threading

import click

log = logging.getLogger(__name__)


def _warm(model: str | None, user_gazetteer: str | None = None) -> None:
    try:
        from biwaq_extract.batch.worker import pipeline_for

        pipeline_for(model, user_gazetteer)
    except Exception:  # the first batch loads it again and reports the error as a task failure
        log.exception("biwaq: loading the pipeline in advance failed")


@click.command()
@click.option("--model", default="", help="the flow's model parameter ('' = the default model)")
@click.option("--user-gazetteer", default="", help="the run's user gazetteer file ('' = none)")
def dask_setup(worker, model: str, user_gazetteer: str = "") -> None:  # noqa: ARG001 (signature fixed by distributed)
    threading.Thread(target=_warm, args=(model or None, user_gazetteer or None), name="biwaq-preload",
                     daemon=True).start()
