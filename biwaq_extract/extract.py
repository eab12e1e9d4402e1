"""Run extraction over input documents: validate, run the NLP pipeline, quarantine failures, write outputs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from spacy.language import Language

from biwaq_extract import __version__
from biwaq_extract.atomic import atomic_open, atomic_write_text
from biwaq_extract.config import settings_hash
from biwaq_extract.document_view import document_view
from biwaq_extract.documents import read_documents, validate
from biwaq_extract.errors import DocumentError
from biwaq_extract.nlp.model import load_pipeline
from biwaq_extract.records import Document, DocumentResult, ModelInfo, QuarantineRecord, RunSummary

log = logging.getLogger(__name__)

DOCUMENTS_FILE = "documents.jsonl"
RUN_FILE = "run.json"


def extract_document(nlp: Language, document: Document) -> DocumentResult:
    """Run the pipeline over one valid document and collect every finder's records."""
    doc = nlp.make_doc(document.text)
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


def extract_valid(nlp: Language, document: Document) -> tuple[DocumentResult, QuarantineRecord | None]:
    """Extract one screened document; an exception becomes a quarantine record (the batch goes on)."""
    try:
        return extract_document(nlp, document), None
    except Exception as exc:  # one bad document never stops the batch
        log.exception("extraction failed for %s", document.id)
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        return failure(document, QuarantineRecord(document.id, "extract", reason, document.source))


def process(
    nlp: Language, items: Iterable[Document | QuarantineRecord], settings: dict[str, Any]
) -> Iterator[tuple[DocumentResult, QuarantineRecord | None]]:
    """Yield a result per input item; failures carry an error and a quarantine record, the run goes on."""
    for item in items:
        failed = screen(item, settings)
        yield failed if failed is not None else extract_valid(nlp, item)


def _run_id(started_at: str, input_path: Path, settings_digest: str) -> str:
    digest = hashlib.sha256(f"{started_at}|{input_path}|{settings_digest}".encode()).hexdigest()[:8]
    return f"{started_at.replace(':', '').replace('-', '')[:15]}-{digest}"


def run_extract(
    input_path: Path,
    output_dir: Path,
    settings: dict[str, Any],
    model: str | None = None,
    nlp: Language | None = None,
    info: ModelInfo | None = None,
) -> RunSummary:
    """Extract every document of `input_path` into `output_dir`; return the run's summary."""
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    if nlp is None or info is None:
        nlp, info = load_pipeline(model)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    items = read_documents(Path(input_path))

    results: list[DocumentResult] = []
    quarantine: list[QuarantineRecord] = []
    for result, failure in process(nlp, items, settings):
        results.append(result)
        if failure is not None:
            quarantine.append(failure)
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
        documents_in=len(results),
        documents_ok=len(results) - len(quarantine),
        documents_failed=len(quarantine),
        extra={"input": str(input_path)},
    )
    write_outputs(results, quarantine, summary, output_dir)
    return summary


def write_documents(results: Iterable[DocumentResult], output_dir: Path) -> None:
    """documents.jsonl: one GOLD_FORMAT view per input document, in input order, written atomically."""
    with atomic_open(Path(output_dir) / DOCUMENTS_FILE) as out:
        for result in results:
            out.write(json.dumps(document_view(result), ensure_ascii=False) + "\n")


def run_json(summary: RunSummary, quarantine: Iterable[QuarantineRecord]) -> dict[str, Any]:
    """run.json: the run's facts (model used, versions, counts) and its quarantine."""
    data = asdict(summary)
    data["quarantine"] = [asdict(q) for q in quarantine]
    return data


def write_outputs(
    results: list[DocumentResult],
    quarantine: list[QuarantineRecord],
    summary: RunSummary,
    output_dir: Path,
    tables: dict | None = None,
) -> None:
    """Everything a run leaves for stewards: documents.jsonl, the dataset, run.json, report.html.

    run.json is written after the dataset, so its presence says the tables are complete.
    """
    from biwaq_extract.report import write_report  # pandas and pyarrow only when writing
    from biwaq_extract.storage import write_dataset
    from biwaq_extract.tables import build_tables

    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    write_documents(results, output_dir)
    write_dataset(tables if tables is not None else build_tables(results, quarantine, summary), output_dir)
    atomic_write_text(output_dir / RUN_FILE, json.dumps(run_json(summary, quarantine), indent=1, ensure_ascii=False) + "\n")
    write_report(output_dir, results, quarantine, summary)
