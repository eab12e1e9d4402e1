"""Prefect flows: newsletter_pipeline (crawl → parse → extract → tables (normalise, validate, archive) → report),
the weekly deployment's entrypoint, the backfill over a date range, and the smaller flows they compose."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from prefect import flow
from prefect.futures import as_completed
from prefect.logging import get_run_logger
from prefect.runtime import flow_run
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from biwaq_extract import __version__
from biwaq_extract.atomic import atomic_write_text
from biwaq_extract.config import load_settings, settings_hash
from biwaq_extract.errors import BiwaqError
from biwaq_extract.extract import SCRATCH_DIR, failure
from biwaq_extract.dataset.outofcore import WorkDir
from biwaq_extract.records import DocumentResult, ModelInfo, QuarantineRecord, RunSummary
from pipelines.cache import NLPCache, RunResults, model_id
from pipelines.params import DEFAULT_BATCH_SIZE, BackfillParams, CrawlParams, ExtractParams, NewsletterParams
from pipelines.report import publish_report, reason_kind, summary_markdown
from pipelines.runners import start_workers, task_runner
from pipelines.tasks import (
    CrawlOutcome,
    Parsed,
    Tally,
    archive_outputs,
    crawl_site,
    extract_batch,
    model_description,
    parse_documents,
    pipeline_for,
)

# Written when a pipeline run starts on an output folder and removed when it ends; one left behind means the
# process running the flow was killed (worker lost, machine rebooted), which the next run reports.
RUNNING_MARKER = ".cache/running.json"


class ModelMismatch(BiwaqError):
    """Extraction workers loaded a different spaCy model than the flow; results would be cached under the wrong key."""


@dataclass(frozen=True)
class ExtractOutcome:
    """Results of extract_flow in input order, its quarantine, what it did and with which pipeline."""

    results: Sequence[DocumentResult]  # a RunResults: read back from the NLP cache, not held in memory
    quarantine: tuple[QuarantineRecord, ...]
    tally: Tally
    model: ModelInfo
    extractor: str


@dataclass(frozen=True)
class RunReport:
    """What newsletter_pipeline returns, and `biwaq run` prints."""

    run_id: str
    output: Path
    tally: dict[str, Any]
    run_rows: dict[str, int]
    dataset_rows: dict[str, int]
    model: ModelInfo
    crawl: dict[str, Any] = field(default_factory=dict)

    @property
    def quarantined(self) -> int:
        return int(self.tally["quarantined"])

    def summary_line(self) -> str:
        t = self.tally
        tables = sum(1 for n in self.dataset_rows.values() if n)
        return (
            f"{t['documents_in']} documents read, {t['extracted']} extracted, {t['quarantined']} quarantined "
            f"({t['from_cache']} from the NLP cache); {sum(self.run_rows.values())} rows in {len(self.run_rows)} tables "
            f"({tables} tables non-empty in the dataset); model {self.model.name} {self.model.version}; outputs in {self.output}"
        )


# Batches per worker at most: with fast rule-only extraction a 32-document task takes ~50 ms, as long as
# Prefect's own bookkeeping per task; bigger batches on large inputs keep that overhead small.
BATCHES_PER_WORKER = 4
# ...but no bigger than this: a finished batch's results are in memory until the flow has stored them, so
# the batch size (times the batches in flight) bounds the flow's memory. 500 rule-only results are ~15 MB;
# at 20,000 documents that is 40 tasks, ~2 s of Prefect bookkeeping in a ~100 s run.
MAX_BATCH_SIZE = 500
# Batches submitted ahead per worker: enough to keep every worker busy while the flow stores a finished one.
IN_FLIGHT_PER_WORKER = 2


def batch_size_for(n_documents: int, chosen: int | None, workers: int) -> int:
    """The batch size the user chose, else DEFAULT_BATCH_SIZE, or more when that would give over
    BATCHES_PER_WORKER batches per worker, up to MAX_BATCH_SIZE.

    >>> batch_size_for(44, None, 2), batch_size_for(2000, None, 2), batch_size_for(2000, 10, 2)
    (32, 250, 10)
    >>> batch_size_for(20000, None, 2)
    500
    """
    if chosen is not None:
        return chosen
    return min(MAX_BATCH_SIZE, max(DEFAULT_BATCH_SIZE, -(-n_documents // (BATCHES_PER_WORKER * workers))))


def completed_in_window(submit, groups: list, window: int):
    """Submit `submit(group)` for each group, at most `window` at a time, and yield (group, future) as each
    finishes. Only the futures in flight are referenced, so a finished batch's results are freed once the
    caller has stored them, instead of all staying in memory until the last batch is done."""
    queue = iter(groups)
    in_flight = {}
    for group in itertools.islice(queue, window):
        in_flight[submit(group)] = group
    while in_flight:
        finished = as_completed(list(in_flight))
        future = next(finished)
        finished.close()
        group = in_flight.pop(future)
        following = next(queue, None)
        if following is not None:
            in_flight[submit(following)] = following
        yield group, future


def batches(items: list, size: int) -> list[list]:
    """Consecutive slices of at most `size` items, as even as possible (34 by 32 is 17 + 17, not 32 + 2),
    so that parallel workers finish together.

    >>> batches([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> [len(b) for b in batches(list(range(34)), 32)]
    [17, 17]
    """
    if not items:
        return []
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


# --- the smaller flows --------------------------------------------------------------------------------------


@flow(name="crawl", log_prints=True)
def crawl_flow(params: CrawlParams) -> CrawlOutcome:
    """Crawl a newsletter source into the WARC archive and articles.jsonl."""
    return crawl_site(params, load_settings(params.settings_file))


@flow(name="extract")
def extract_flow(params: ExtractParams) -> ExtractOutcome:
    """Parse the input, take unchanged documents from the NLP cache, and extract the rest in batches.

    Its task runner is chosen per run (`extract_flow.with_options(task_runner=...)`), so the same flow runs
    on threads or on a Dask cluster.
    """
    logger = get_run_logger()
    start_workers()
    settings = load_settings(params.settings_file)
    # The screened documents wait in a file while they are extracted, so the flow never holds their texts.
    with WorkDir(Path(params.output) / SCRATCH_DIR, ".parsed-") as scratch:
        return _extract(params, settings, parse_documents(params.input, settings, scratch.path, params.published_from,
                                                          params.published_to), logger)


def _extract(params: ExtractParams, settings: dict[str, Any], parsed: Parsed, logger) -> ExtractOutcome:
    """extract_flow's body, while the parsed documents' file exists."""
    # Threads extract in this process: load the pipeline the batches will use. Dask workers load their own
    # (already under way, see start_workers): here only what it is, without building the rule components.
    nlp_info = pipeline_for(params.model)[1] if params.runner.kind == "threads" else model_description(params.model)
    if not nlp_info.statistical and params.model != "blank":
        logger.warning("spaCy model %s is not installed: using the rule-only German pipeline (%s); "
                       "install it with: python -m spacy download de_core_news_sm", params.model or "de_core_news_sm", nlp_info.name)
    cache = NLPCache.for_output(params.output, nlp_info)

    # Results go to the NLP cache as batches finish and are read back one at a time when the tables are
    # written, so the flow's memory does not grow with the corpus. Held here: only results not in the cache.
    held: dict[str, DocumentResult] = {}
    quarantine: dict[str, QuarantineRecord] = {}
    documents = parsed.documents
    entries, todo = [], []  # per document its metadata and cache key; positions to extract, not texts
    for i, document in enumerate(documents):
        key = cache.key(document)
        entries.append(RunResults.entry(document, key))
        if not cache.has_key(key):
            todo.append(i)
    size = batch_size_for(len(todo), params.batch_size, params.runner.workers)
    groups = batches(todo, size)
    logger.info("extract: %d documents from the cache, %d to extract in %d batches of up to %d",
                cache.hits, len(todo), len(groups), size)

    tally = Tally(batches=len(groups), from_cache=cache.hits, out_of_range=parsed.out_of_range)
    submit = lambda positions: extract_batch.submit([documents[i] for i in positions], params.model, settings)  # noqa: E731
    done = 0
    for positions, future in completed_in_window(submit, groups, IN_FLIGHT_PER_WORKER * params.runner.workers):
        done += 1
        future.wait()
        state = future.state
        if not state.is_completed():
            # A batch that failed for good (after retries for transient causes): its documents are quarantined
            # with the reason, the other batches' work is kept, and the next run extracts them again.
            exc = future.result(raise_on_failure=False)
            exc = exc if isinstance(exc, BaseException) else None
            reason = f"batch task failed: {type(exc).__name__ if exc else state.name}: {exc or state.message}"
            logger.error("extract: %d of %d batches done; this one failed, its %d documents are quarantined: %s",
                         done, len(groups), len(positions), reason)
            tally.failed_batches += 1
            for document in (documents[i] for i in positions):
                result, record = failure(document, QuarantineRecord(document.id, "extract", reason, document.source))
                held[document.id], quarantine[document.id] = result, record
            continue
        outcome = future.result()
        if model_id(outcome.model) != cache.model:
            raise ModelMismatch(
                f"extraction workers run {model_id(outcome.model)} but the flow chose {cache.model}; "
                "install the same spaCy model everywhere (or pass model='blank')"
            )
        for result, record in outcome.pairs:
            if record is not None:
                held[result.document.id], quarantine[result.document.id] = result, record
        try:
            cache.put(r for r, record in outcome.pairs if record is None)
        except OSError as exc:  # a full disk: keep this batch's results in memory instead
            logger.warning("extract: NLP cache not writable (%s); keeping %d results in memory", exc, len(positions))
            held.update((r.document.id, r) for r, record in outcome.pairs if record is None)
        tally.nlp_documents += len(positions)
        tally.nlp_seconds += outcome.seconds
        failed = sum(record is not None for _, record in outcome.pairs)
        logger.info("extract: %d of %d batches done (this one: %d documents in %.1f s, %d quarantined)",
                    done, len(groups), len(positions), outcome.seconds, failed)

    ids = documents.ids
    n_valid = len(ids)
    positions = {i: held[d] for i, d in enumerate(ids) if d in held}
    positions.update((n_valid + k, r) for k, (r, _) in enumerate(parsed.failed))
    entries += [RunResults.entry(r.document, None) for r, _ in parsed.failed]
    results = RunResults(cache, entries, positions)
    records = [quarantine[d] for d in ids if d in quarantine] + [q for _, q in parsed.failed]
    tally.documents_in = len(results)
    tally.quarantined = len(records)
    tally.extracted = tally.documents_in - tally.quarantined
    tally.reasons = dict(Counter(reason_kind(q.reason) for q in records))
    return ExtractOutcome(results, tuple(records), tally, nlp_info, cache.extractor)


# --- the pipeline -------------------------------------------------------------------------------------------


def _run_id(started: str) -> str:
    """The dataset's run id: start time plus the Prefect flow run's id, so the two can be matched."""
    stamp = started.replace(":", "").replace("-", "")[:15]
    return f"{stamp}-{(flow_run.get_id() or 'local')[:8]}"


def _check_previous_run(output: Path, logger) -> None:
    marker = output / RUNNING_MARKER
    if not marker.exists():
        return
    try:
        info = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        info = {}
    logger.warning(
        "the previous run on %s (flow run %s, started %s, pid %s) did not finish: its process was killed or crashed. "
        "Resuming: archived pages and cached extractions are reused; the dataset is as the last completed run left it.",
        output, info.get("flow_run_id", "?"), info.get("started_at", "?"), info.get("pid", "?"),
    )


def run_pipeline(params: NewsletterParams) -> RunReport:
    """crawl → parse → extract → tables (normalise, validate, archive) → report; the body of both deployments' flows."""
    logger = get_run_logger()
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    output = Path(params.output)
    _check_previous_run(output, logger)
    marker = output / RUNNING_MARKER
    atomic_write_text(marker, json.dumps({"flow_run_id": flow_run.get_id(), "started_at": started, "pid": os.getpid()}) + "\n")
    began = time.perf_counter()
    try:
        report = _stages(params, started, output)
    finally:
        # Any ending Python sees (success or an exception) removes the marker; only a killed process leaves it.
        marker.unlink(missing_ok=True)
    logger.info("%s (%.1f s)", report.summary_line(), time.perf_counter() - began)
    return report


@contextlib.contextmanager
def subflows_without_heartbeats():
    """Run subflows without heartbeats of their own.

    Subflows run in the pipeline's process, so the pipeline run's heartbeats already tell when that process
    died (all of them stop together). A subflow's own heartbeat thread adds nothing but a wait when the subflow
    ends: Prefect joins the thread, which sleeps in 1 s steps, so each subflow ended 0.5-1 s late (measured
    in the benchmark: ~1.5 s of a 2,000-document run of ~13 s).
    """
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def _stages(params: NewsletterParams, started: str, output: Path) -> RunReport:
    with subflows_without_heartbeats():
        crawled = crawl_flow(params.crawl())
        extract = extract_flow.with_options(task_runner=task_runner(params.runner, params.model))
        got = extract(params.extract(crawled.articles))

    settings = load_settings(params.settings_file)
    summary = RunSummary(
        run_id=_run_id(started),
        started_at=started,
        finished_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        package_version=__version__,
        model=got.model,
        settings_hash=settings_hash(settings),
        documents_in=got.tally.documents_in,
        documents_ok=got.tally.extracted,
        documents_failed=got.tally.quarantined,
        extra={"input": str(crawled.articles), "prefect_flow_run_id": flow_run.get_id(), "extractor": got.extractor,
               "nlp_cache_hits": got.tally.from_cache, "nlp_documents": got.tally.nlp_documents},
    )
    archived = archive_outputs(got.results, got.quarantine, summary, output)
    run_rows, dataset_rows = archived.run_rows, archived.dataset_rows
    report = RunReport(summary.run_id, output, got.tally.as_dict(), run_rows, dataset_rows, got.model, crawled.summary)
    publish_report(
        summary_markdown(run_id=summary.run_id, output=output, tally=report.tally, quarantine=got.quarantine,
                         run_rows=run_rows, dataset_rows=dataset_rows, model=got.model, extractor=got.extractor,
                         crawl=crawled.summary),
        got.quarantine,
    )
    return report


@flow(name="newsletter-pipeline")
def newsletter_pipeline(params: NewsletterParams = NewsletterParams()) -> RunReport:
    """Crawl the ESF newsletter and turn its articles into the normalised dataset (the weekly deployment)."""
    return run_pipeline(params)


@flow(name="newsletter-backfill")
def newsletter_backfill(params: BackfillParams) -> RunReport:
    """The same pipeline over articles published in [published_from, published_to] (the backfill deployment)."""
    return run_pipeline(params.pipeline())
