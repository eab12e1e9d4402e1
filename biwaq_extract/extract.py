"""Run extraction over input documents: validate, run the NLP pipeline, quarantine failures, write outputs."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from spacy.language import Language

from biwaq_extract import __version__
from biwaq_extract.budget import Overrun, WorkerDied, bounded, call_within, map_within
from biwaq_extract.config import load_settings, settings_hash
from biwaq_extract.dataset.document_view import document_view
from biwaq_extract.reading.documents import read_documents, validate
from biwaq_extract.errors import DocumentError
from biwaq_extract.nlp.model import load_pipeline
from biwaq_extract.nlp.token_view import keep_source_text
from biwaq_extract.packed import pack, unpack
from biwaq_extract.records import Document, DocumentResult, ModelInfo, QuarantineRecord, RunSummary
from biwaq_extract.steward.user_gazetteer import run_record, settings_gazetteer, with_run_gazetteer

log = logging.getLogger(__name__)

DOCUMENTS_FILE = "documents.jsonl"
RUN_FILE = "run.json"
SCRATCH_DIR = ".cache"


def extract_document(nlp: Language, document: Document) -> DocumentResult:
    """Run the pipeline over one valid document and collect every finder's records."""
    doc = keep_source_text(nlp.make_doc(document.text), document.text)
    doc._.published = document.published
    doc = nlp(doc)
    return DocumentResult(
        document=document,
        dates=doc._.dates,
        organisations=doc._.organisations,
        programmes=doc._.programmes,
        people=doc._.people,
        places=doc._.places,
        events=doc._.events,
        participant_counts=doc._.participant_counts,
    )


def failure(document: Document, record: QuarantineRecord) -> tuple[DocumentResult, QuarantineRecord]:
    """The result line and quarantine row of a document that could not be processed."""
    return DocumentResult(document=document, error=record.reason, error_stage=record.stage), record


def screen(
    item: Document | QuarantineRecord, settings: dict[str, Any]
) -> tuple[DocumentResult, QuarantineRecord] | None:
    """The failure of an unreadable or invalid input item, or None when it can go to the NLP."""
    if isinstance(item, QuarantineRecord):
        return failure(Document(id=item.document_id, text="", source=item.source), item)
    try:
        validate(item, settings)
    except DocumentError as exc:
        return failure(item, QuarantineRecord(item.id, exc.stage, exc.reason, item.source))
    return None


def extract_valid(
    nlp: Language, document: Document, settings: dict[str, Any] | None = None
) -> tuple[DocumentResult, QuarantineRecord | None]:
    """Extract one screened document; an exception, or a document that takes longer than
    `[extract] max_seconds_per_document`, becomes a quarantine record (the batch goes on).

    The extraction runs in a worker process that is killed at the time limit (see budget.py); `settings`
    default to `config.load_settings()`.
    """
    seconds = document_budget(_limits(settings), document)
    try:
        outcome = call_within(seconds, _attempt_packed if bounded(seconds) else _attempt, extract_document, nlp,
                              document)
    except (Overrun, WorkerDied) as exc:
        outcome = exc
    return _outcome(document, outcome)


def _outcome(document: Document, outcome: Any) -> tuple[DocumentResult, QuarantineRecord | None]:
    """The result pair of a document from what its worker answered (a result without the document, or why not)."""
    if isinstance(outcome, (Overrun, WorkerDied)):
        log.error("extraction of %s stopped: %s", document.id, outcome)
        return failure(document, QuarantineRecord(document.id, "extract", str(outcome), document.source))
    result, record = outcome
    return unpack(document, result), record


def _attempt(extract: Callable[[Language, Document], DocumentResult], nlp: Language,
             document: Document) -> tuple[DocumentResult, QuarantineRecord | None]:
    """Extract in the worker; the result goes back without its document (the caller has it: less to copy)."""
    try:
        result, record = extract(nlp, document), None
    except Exception as exc:  # one bad document never stops the batch
        log.exception("extraction failed for %s", document.id)
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        result, record = failure(document, QuarantineRecord(document.id, "extract", reason, document.source))
    return replace(result, document=None), record


def _attempt_packed(extract: Callable[[Language, Document], DocumentResult], nlp: Language,
                    document: Document) -> tuple[tuple | DocumentResult, QuarantineRecord | None]:
    """`_attempt` for a worker process: the result as plain tuples (see packed.py), cheaper through the pipe."""
    result, record = _attempt(extract, nlp, document)
    return pack(result), record


def document_budget(limits: dict[str, Any], document: Document | None = None) -> float:
    """Seconds a document may take in the NLP: `max_seconds_per_document`, plus `max_seconds_per_million_chars`
    in proportion to its length (0: no limit)."""
    base = float(limits["max_seconds_per_document"])
    if base <= 0 or document is None:
        return base
    return round(base + float(limits["max_seconds_per_million_chars"]) * len(document.text) / 1e6, 1)


def _limits(settings: dict[str, Any] | None) -> dict[str, Any]:
    """The [extract] settings: the given ones, else (none, or a partial dict without the budget) the process's
    settings read once (shipped file, BIWAQ_SETTINGS and environment variables)."""
    if settings is not None and "max_seconds_per_document" in settings.get("extract", {}):
        return settings["extract"]
    environment = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("BIWAQ_")))
    return _process_settings(environment)["extract"]


@functools.lru_cache(maxsize=4)
def _process_settings(environment: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    # Keyed by the BIWAQ_ variables, which decide the settings besides the shipped file: a change is read again.
    return load_settings()


def process(
    nlp: Language, items: Iterable[Document | QuarantineRecord], settings: dict[str, Any]
) -> Iterator[tuple[DocumentResult, QuarantineRecord | None]]:
    """Yield a result per input item; failures carry an error and a quarantine record, the run goes on.

    Valid documents are extracted in one worker process for the run, bounded in time each (see budget.py).
    """
    screened = ((item, screen(item, settings)) for item in items)
    limits = _limits(settings)
    seconds = (lambda pair: document_budget(limits, pair[0])) if document_budget(limits) > 0 else 0
    work = _attempt_screened_packed if seconds else _attempt_screened
    for (item, failed), outcome in map_within(seconds, work, (extract_document, nlp), screened,
                                              wanted=lambda pair: pair[1] is None):
        yield failed if failed is not None else _outcome(item, outcome)


def _attempt_screened(extract: Callable[[Language, Document], DocumentResult], nlp: Language,
                      pair: tuple[Document, None]) -> tuple[DocumentResult, QuarantineRecord | None]:
    return _attempt(extract, nlp, pair[0])


def _attempt_screened_packed(extract: Callable[[Language, Document], DocumentResult], nlp: Language,
                             pair: tuple[Document, None]) -> tuple[tuple | DocumentResult, QuarantineRecord | None]:
    return _attempt_packed(extract, nlp, pair[0])


def _run_id(started_at: str, input_path: Path, settings_digest: str) -> str:
    """Start time (so ids sort by it) and a digest; random bytes in the digest keep two runs started within the
    same second apart."""
    digest = hashlib.sha256(f"{started_at}|{input_path}|{settings_digest}|{os.urandom(8).hex()}".encode()).hexdigest()[:8]
    return f"{started_at.replace(':', '').replace('-', '')[:15]}-{digest}"


def run_extract(
    input_path: Path,
    output_dir: Path,
    settings: dict[str, Any],
    model: str | None = None,
    nlp: Language | None = None,
    info: ModelInfo | None = None,
    wait: bool = True,
    rebuild: bool = False,
) -> RunSummary:
    """Extract every document of `input_path` into `output_dir`; return the run's summary. Another run writing
    into `output_dir` is waited for, or with `wait` off reported as DatasetBusy. With `rebuild` the dataset
    published there is replaced by this run's rows instead of merged with them (see storage.write_dataset).

    The finders apply the user gazetteer of the settings or of `output_dir` (steward/user_gazetteer.py) when
    this call loads the pipeline; a given `nlp` is used as it was built."""
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    output_dir = Path(output_dir)
    settings = with_run_gazetteer(settings, output_dir)
    items = read_documents(Path(input_path), settings)

    # Streamed: each result goes to documents.jsonl, the table rows and the report's sample, then is dropped,
    # so memory does not grow with the number of documents (see RunWriter). The writer takes the dataset's
    # lock first, so a second run into the same folder waits (or stops) before loading a model.
    with RunWriter(output_dir, wait=wait, keep_versions=settings["dataset"]["keep_versions"], rebuild=rebuild) as writer:
        if nlp is None or info is None:
            nlp, info = load_pipeline(model, settings_gazetteer(settings))
        for result, failure in process(nlp, items, settings):
            writer.add(result, failure)
            if failure is not None:
                log.warning("quarantined %s (%s): %s", failure.document_id, failure.stage, failure.reason)
        digest = settings_hash(settings)
        finished = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        summary = RunSummary(
            run_id=_run_id(started, Path(input_path), digest),
            started_at=started,
            finished_at=finished,
            package_version=__version__,
            model=info,
            settings_hash=digest,
            documents_in=writer.documents,
            documents_ok=writer.documents - len(writer.quarantine),
            documents_failed=len(writer.quarantine),
            extra={"input": str(input_path), **run_record(settings)},
        )
        writer.finish(summary)
    return summary


class RunWriter:
    """Writes one run's outputs while its results stream in: documents.jsonl line by line, table rows spooled to
    disk (tables.RowSpool), and for report.html only the documents it shows. Memory does not grow with the
    number of documents.

    Everything goes into a new dataset version (dataset.versions) under the dataset's lock, taken on entering
    (waiting for another run, or DatasetBusy without `wait`). `finish` writes the dataset, run.json and the
    report into it and publishes it in one step; leaving the `with` block without `finish` (an exception, a
    kill) leaves the published version as it was. A published dataset of another schema version is refused on
    entering, before any work, unless `rebuild` replaces it.
    """

    def __init__(self, output_dir: Path, wait: bool = True, keep_versions: int | None = None,
                 rebuild: bool = False) -> None:
        from biwaq_extract.dataset.tables import RowSpool
        from biwaq_extract.reporting.report import ReportSample

        self.output_dir = Path(output_dir)
        self.wait = wait
        if keep_versions is None:
            keep_versions = load_settings()["dataset"]["keep_versions"]
        self.keep_versions = keep_versions
        self.rebuild = rebuild
        self.quarantine: list[QuarantineRecord] = []
        self.documents = 0
        self._stack = contextlib.ExitStack()
        # Spooled next to the outputs (.cache/), not in /tmp: that may be a RAM disk.
        self.spool = RowSpool(folder=self.output_dir / SCRATCH_DIR)
        self.sample = ReportSample()
        self._version = None
        self._documents_file = None

    def __enter__(self) -> RunWriter:
        from biwaq_extract.dataset import versions
        from biwaq_extract.dataset.storage import check_dataset, dataset_exists

        try:
            self._version = self._stack.enter_context(versions.writing(self.output_dir, self.wait, self.keep_versions))
            if not self.rebuild and dataset_exists(self.output_dir):
                check_dataset(self.output_dir)  # an older schema is named with its rebuild command now, not after the NLP
            # a broken decisions file stops the run now, not after the extraction, when the tables are written
            from biwaq_extract.steward.decisions import read_decisions

            read_decisions(self.output_dir)
            # A plain file in the unpublished version: created with the process umask, published with the rest.
            self._documents_file = self._stack.enter_context(
                open(self._version.path / DOCUMENTS_FILE, "w", encoding="utf-8", newline="\n"))
        except BaseException:
            self._stack.close()
            self.spool.close()
            raise
        return self

    def add(self, result: DocumentResult, failure: QuarantineRecord | None = None) -> None:
        self._documents_file.write(json.dumps(document_view(result), ensure_ascii=False) + "\n")
        self.spool.add(result)
        self.sample.add(result)
        self.documents += 1
        if failure is not None:
            self.quarantine.append(failure)

    def run_tables(self, summary: RunSummary) -> dict[str, Path]:
        """This run's tables as validated Parquet files in the spool (see tables.RowSpool.write_tables)."""
        return self.spool.write_tables(self.spool.folder / "run", self.quarantine, summary)

    def finish(self, summary: RunSummary, tables: dict | None = None) -> None:
        """documents.jsonl, the dataset, run.json and report.html into the new version, then publish it.
        `tables`: this run's tables when the caller built them already (else from the spool)."""
        from biwaq_extract.dataset import versions
        from biwaq_extract.dataset.storage import write_dataset
        from biwaq_extract.dataset.tables import run_row_counts
        from biwaq_extract.reporting.report import write_report

        if tables is None:
            tables = self.run_tables(summary)
        self._documents_file.close()
        versions.step("documents.jsonl written")
        folder = self._version.path
        rows = run_row_counts(tables)
        extra = summary.extra or {}
        published = tuple(dt.date.fromisoformat(extra[k]) if extra.get(k) else None for k in ("published_from", "published_to"))
        stored = write_dataset(tables, self.output_dir, folder, self.rebuild, published)
        self.spool.close()  # its rows are in the dataset now
        (folder / RUN_FILE).write_text(json.dumps(run_json(summary, self.quarantine, rows, stored), indent=1, ensure_ascii=False)
                                       + "\n", encoding="utf-8")
        versions.step("run.json written")
        write_report(folder, self.sample, self.quarantine, summary, run_rows=rows, dataset=self.output_dir)
        versions.step("report.html written")
        self._version.commit(summary.run_id)

    def __exit__(self, exc_type, exc, tb) -> None:
        self._stack.__exit__(exc_type, exc, tb)  # an unpublished version is removed, the lock released
        self.spool.close()


def run_json(summary: RunSummary, quarantine: Iterable[QuarantineRecord],
             rows: dict[str, int] | None = None, stored: Any = None) -> dict[str, Any]:
    """run.json: the run's facts (model used, versions, counts), its rows per table (as the runs table's
    `rows_out` sums them), its quarantine, and (`stored`, what the dataset writer returned) the steward decisions
    applied to its tables and the documents it marked withdrawn."""
    data = asdict(summary)
    if rows is not None:
        data["rows"] = dict(rows)
    data["quarantine"] = [asdict(q) for q in quarantine]
    if stored is not None:
        data["decisions"] = stored.decisions.as_dict() if stored.decisions else None
        data["withdrawn"] = list(stored.withdrawn)
    return data
