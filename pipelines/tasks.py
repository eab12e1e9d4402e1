"""Thin Prefect tasks over the library: crawl, parse, extract a batch, and the tables (normalise, validate, archive)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.logging import get_run_logger

from biwaq_extract.batch.document_file import Parsed, parse_to_file
from biwaq_extract.batch.local_site import crawl_source
from biwaq_extract.batch.outputs import Archived, write_outputs
from biwaq_extract.batch.worker import BatchOutcome, run_batch
from biwaq_extract.errors import FetchError
from biwaq_extract.records import Document, DocumentResult, QuarantineRecord, RunSummary
from pipelines.params import CrawlParams

# --- retries: transient failures only -----------------------------------------------------------------------

# Failures that another try may not meet: the network or a Dask worker went away, a timeout. Everything else
# (a bug, a bad document, a full disk, a schema violation) fails the same way again and is not retried.
_TRANSIENT_TYPES: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError, FetchError)
_TRANSIENT_NAMES = {"KilledWorker", "CommClosedError", "TransportError", "ConnectError", "ReadTimeout", "ConnectTimeout",
                    "RemoteProtocolError"}


def is_transient(exc: BaseException | None) -> bool:
    """Would another try plausibly succeed? Checks the exception and what caused it."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, _TRANSIENT_TYPES) or any(c.__name__ in _TRANSIENT_NAMES for c in type(exc).__mro__):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def transient_only(task, task_run, state) -> bool:
    """retry_condition_fn: go on to the task's retry policy only when the failure was transient."""
    exc = state.data if isinstance(state.data, BaseException) else None
    return is_transient(exc)


# --- the tasks ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrawlOutcome:
    """Where the crawl's articles are and what it did (the crawler's summary as a dict)."""

    articles: Path
    summary: dict[str, Any]


@task(name="crawl", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30, retry_condition_fn=transient_only)
def crawl_site(params: CrawlParams, settings: dict[str, Any]) -> CrawlOutcome:
    """Crawl the newsletter (or a local mirror served on 127.0.0.1) into the archive; write articles.jsonl."""
    from biwaq_extract.crawl.crawler import ARTICLES_NAME

    logger = get_run_logger()
    summary = crawl_source(params.start, params.crawl_dir, settings, site_folder=params.site_folder,
                           max_pages=params.max_pages, since=params.since, logger=logger)
    logger.info(
        "crawl: %d pages (%d downloaded, %d unchanged, %d from the archive), %d articles, %d failed",
        summary.pages, summary.downloaded, summary.not_modified, summary.skipped, summary.articles, summary.failed,
    )
    if summary.listings == 0 and summary.failed:
        # Not even the start page came: the site is down or unreachable. That is worth another try later.
        raise FetchError(f"crawl of {summary.start_url} got no listing page: {summary.errors[:1]}")
    return CrawlOutcome(articles=Path(params.crawl_dir) / ARTICLES_NAME, summary=summary.as_dict())


@task(name="parse", cache_policy=NO_CACHE)
def parse_documents(path: Path, settings: dict[str, Any], scratch: Path, start: dt.date | None = None,
                    end: dt.date | None = None) -> Parsed:
    """Read, date-filter and validate the input; the valid documents go to a file in `scratch`."""
    parsed = parse_to_file(path, settings, scratch, start, end)
    get_run_logger().info("parse: %d documents to extract, %d quarantined, %d outside the date range",
                          len(parsed.documents), len(parsed.failed), parsed.out_of_range)
    return parsed


# No cache policy here on purpose: biwaq_extract/batch/cache.py keeps results per document (see its docstring).
@task(name="extract-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5, retry_condition_fn=transient_only)
def extract_batch(documents: Sequence[Document], model: str | None, settings: dict[str, Any]) -> BatchOutcome:
    """Run the NLP over a batch; a document that fails becomes a quarantine record, the batch goes on."""
    # Only module-level functions are referenced here: Dask pickles this function by value, and a lock
    # or a loaded pipeline in its globals would not travel.
    return run_batch(documents, model, settings)


@task(name="tables", cache_policy=NO_CACHE)
def archive_outputs(results: Sequence[DocumentResult], quarantine: Sequence[QuarantineRecord], summary: RunSummary,
                    output: Path, rebuild: bool = False) -> Archived:
    """Normalise, validate and archive in one pass: this run's tables, the merged dataset, run.json, report.html."""
    return write_outputs(results, quarantine, summary, output, rebuild)
