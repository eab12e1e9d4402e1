"""Thin Prefect tasks over the library: crawl, parse, extract a batch, and the tables (normalise, validate, archive)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.logging import get_run_logger

from biwaq_extract.reading.documents import read_documents
from biwaq_extract.errors import FetchError
from biwaq_extract.extract import extract_valid, screen
from biwaq_extract.records import Document, DocumentResult, ModelInfo, QuarantineRecord, RunSummary
from pipelines.local_site import local_crawl_settings, loopback_start
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


# --- crawl --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrawlOutcome:
    """Where the crawl's articles are and what it did (the crawler's summary as a dict)."""

    articles: Path
    summary: dict[str, Any]


@task(name="crawl", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30, retry_condition_fn=transient_only)
def crawl_site(params: CrawlParams, settings: dict[str, Any]) -> CrawlOutcome:
    """Crawl the newsletter (or a local mirror served on 127.0.0.1) into the archive; write articles.jsonl."""
    from biwaq_extract.crawl.crawler import ARTICLES_NAME, crawl

    logger = get_run_logger()
    if params.site_folder is None:
        summary = crawl(params.start, params.crawl_dir, settings, max_pages=params.max_pages, since=params.since)
    else:
        from biwaq_extract.crawl.site_server import serve

        if not Path(params.site_folder).is_dir():
            raise FileNotFoundError(f"site folder not found: {params.site_folder}")
        local = local_crawl_settings(settings)
        with serve(params.site_folder) as site:
            start = loopback_start(params.start, site.url, settings)
            logger.info("serving %s on %s for the crawl; starting at %s", params.site_folder, site.url, start)
            summary = crawl(start, params.crawl_dir, local, max_pages=params.max_pages, since=params.since)
    logger.info(
        "crawl: %d pages (%d downloaded, %d unchanged, %d from the archive), %d articles, %d failed",
        summary.pages, summary.downloaded, summary.not_modified, summary.skipped, summary.articles, summary.failed,
    )
    if summary.listings == 0 and summary.failed:
        # Not even the start page came: the site is down or unreachable. That is worth another try later.
        raise FetchError(f"crawl of {summary.start_url} got no listing page: {summary.errors[:1]}")
    return CrawlOutcome(articles=Path(params.crawl_dir) / ARTICLES_NAME, summary=summary.as_dict())


# --- parse --------------------------------------------------------------------------------------------------


class DocumentFile(Sequence):
    """Screened documents in a JSONL file, read back by position: the flow keeps only their offsets, not their
    texts, so its memory does not grow with the input. Thread-safe for reading (each read opens the file)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.spans: list[tuple[int, int]] = []  # (offset, length) of each document's line
        self.ids: list[str] = []

    def write(self, documents: Iterable[Document]) -> DocumentFile:
        offset = 0
        with open(self.path, "wb") as fh:
            for document in documents:
                line = json.dumps(_document_data(document), ensure_ascii=False).encode("utf-8") + b"\n"
                fh.write(line)
                self.spans.append((offset, len(line)))
                self.ids.append(document.id)
                offset += len(line)
        return self

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        offset, length = self.spans[i]
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            return _document(json.loads(fh.read(length)))

    def __iter__(self) -> Iterator[Document]:
        with open(self.path, "rb") as fh:
            for _ in self.spans:
                yield _document(json.loads(fh.readline()))


def _document_data(document: Document) -> dict[str, Any]:
    data = dataclasses.asdict(document)
    data["published"] = document.published.isoformat() if document.published else None
    return data


def _document(data: dict[str, Any]) -> Document:
    published = data.get("published")
    return Document(**{**data, "published": dt.date.fromisoformat(published) if published else None})


@dataclass(frozen=True)
class Parsed:
    """Documents ready for NLP (in a file), and what could not even get there (read or validation failures)."""

    documents: DocumentFile
    failed: tuple[tuple[DocumentResult, QuarantineRecord], ...]
    out_of_range: int = 0


def in_range(published: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Is a publication date inside [start, end]? Undated documents are in range only when no range is set."""
    if start is None and end is None:
        return True
    if published is None:
        return False
    return (start is None or published >= start) and (end is None or published <= end)


@task(name="parse", cache_policy=NO_CACHE)
def parse_documents(path: Path, settings: dict[str, Any], scratch: Path, start: dt.date | None = None,
                    end: dt.date | None = None) -> Parsed:
    """Read the crawl's articles (or any input `biwaq extract` reads), keep the date range, validate each; the
    valid ones go to a file in the `scratch` folder, streamed."""
    failed: list[tuple[DocumentResult, QuarantineRecord]] = []
    out_of_range = 0

    def valid() -> Iterator[Document]:
        nonlocal out_of_range
        for item in read_documents(Path(path)):
            if isinstance(item, Document) and not in_range(item.published, start, end):
                out_of_range += 1
                continue
            bad = screen(item, settings)
            if bad is not None:
                failed.append(bad)
                continue
            yield item

    documents = DocumentFile(Path(scratch) / "documents.jsonl").write(valid())
    get_run_logger().info(
        "parse: %d documents to extract, %d quarantined, %d outside the date range", len(documents), len(failed), out_of_range
    )
    return Parsed(documents, tuple(failed), out_of_range)


# --- extract ------------------------------------------------------------------------------------------------

_NLP_LOCK = threading.Lock()


_LOAD_LOCK = threading.Lock()


def pipeline_for(model: str | None):
    """One spaCy pipeline per model and process: loading costs seconds, and every batch task reuses it.

    Loaded once even when called from two threads at once (a Dask worker's preload thread and its first
    batch, see pipelines/worker_preload.py): the second caller waits for the first one's pipeline.
    """
    with _LOAD_LOCK:
        return _load(model)


def _quietly(load, model: str | None):
    """`load(model)` without ModelFallbackWarning: the flow logs its own warning when it chose the model, and
    workers need not repeat it per process."""
    import warnings

    from biwaq_extract.nlp.model import ModelFallbackWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelFallbackWarning)
        return load(model)


@lru_cache(maxsize=4)
def _load(model: str | None):
    from biwaq_extract.nlp.model import load_pipeline

    return _quietly(load_pipeline, model)


@lru_cache(maxsize=4)
def model_description(model: str | None) -> ModelInfo:
    """What `pipeline_for(model)` would load, without loading it (see describe_pipeline)."""
    from biwaq_extract.nlp.model import describe_pipeline

    return _quietly(describe_pipeline, model)


@dataclass(frozen=True)
class BatchOutcome:
    """The results of one batch, the pipeline that produced them, and how long the NLP took."""

    pairs: tuple[tuple[DocumentResult, QuarantineRecord | None], ...]
    model: ModelInfo
    seconds: float


# No cache policy here on purpose: pipelines/cache.py keeps results per document (see its docstring).
@task(name="extract-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5, retry_condition_fn=transient_only)
def extract_batch(documents: Sequence[Document], model: str | None, settings: dict[str, Any]) -> BatchOutcome:
    """Run the NLP over a batch; a document that fails becomes a quarantine record, the batch goes on."""
    # Only module-level functions are referenced here: Dask pickles this function by value, and a lock
    # or a loaded pipeline in its globals would not travel.
    return run_batch(documents, model, settings)


def run_batch(documents: Sequence[Document], model: str | None, settings: dict[str, Any]) -> BatchOutcome:
    """extract_batch without Prefect: the process's pipeline over the documents, one at a time."""
    nlp, info = pipeline_for(model)
    began = time.perf_counter()
    # spaCy pipelines are not documented as thread-safe; threads gain nothing under the GIL anyway, and
    # Dask workers are separate processes with a pipeline (and lock) each.
    with _NLP_LOCK:  # the parse task screened these documents already: no second validation
        pairs = tuple(extract_valid(nlp, document) for document in documents)
    return BatchOutcome(pairs, info, round(time.perf_counter() - began, 3))


# --- tables: normalise, validate, archive in one pass --------------------------------------------------------


class TableCheckError(ValueError):
    """The tables of a run break a schema, a foreign key or a count invariant; nothing is written."""


@dataclass(frozen=True)
class Archived:
    """Rows per table of this run and of the whole dataset after it."""

    run_rows: dict[str, int]
    dataset_rows: dict[str, int]


@task(name="tables", cache_policy=NO_CACHE)
def archive_outputs(results: Sequence[DocumentResult], quarantine: Sequence[QuarantineRecord], summary: RunSummary,
                    output: Path) -> Archived:
    """Normalise, validate and archive in one pass over the results (read back from the NLP cache once):
    documents.jsonl, this run's tables (schemas, keys, foreign keys, one documents row per input document;
    nothing is written when they fail), the merged dataset (atomically), run.json and report.html."""
    from biwaq_extract.extract import RunWriter
    from biwaq_extract.dataset.outofcore import row_count
    from biwaq_extract.dataset.storage import dataset_counts

    with RunWriter(Path(output)) as writer:
        for result in results:
            writer.add(result)
        writer.quarantine = list(quarantine)
        try:
            tables = writer.run_tables(summary)
        except Exception as exc:  # pandera, key and foreign-key errors alike: say which run step refused
            raise TableCheckError(f"tables failed validation, nothing written: {exc}") from exc
        run_rows = {name: row_count(path) for name, path in tables.items()}
        ids = set(results.ids() if hasattr(results, "ids") else (r.document.id for r in results))
        if run_rows["documents"] != len(ids):
            raise TableCheckError(f"documents table has {run_rows['documents']} rows for {len(ids)} input documents; "
                                  "nothing written")
        writer.finish(summary, tables)
    return Archived(run_rows, dataset_counts(output))


@dataclass
class Tally:
    """What the extraction of one run did, for the report and the summary line."""

    documents_in: int = 0
    extracted: int = 0
    quarantined: int = 0
    out_of_range: int = 0
    from_cache: int = 0
    nlp_documents: int = 0
    nlp_seconds: float = 0.0
    batches: int = 0
    failed_batches: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
