"""A batch run's outputs: its summary, and the tables normalised, validated and archived in one pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biwaq_extract import __version__
from biwaq_extract.batch.extraction import ExtractOutcome
from biwaq_extract.config import settings_hash
from biwaq_extract.errors import TableCheckError
from biwaq_extract.records import DocumentResult, QuarantineRecord, RunSummary
from biwaq_extract.steward.user_gazetteer import run_record


def now() -> str:
    """The current UTC time to the second, as runs record it."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def run_id(started: str, tag: str) -> str:
    """A run's id: its start time, then the first 8 characters of a tag naming it (a flow run id, a digest).

    >>> run_id("2024-03-01T10:20:30+00:00", "0f3a9c1d-77")
    '20240301T102030-0f3a9c1d'
    """
    return f"{started.replace(':', '').replace('-', '')[:15]}-{tag[:8]}"


def run_summary(run_id: str, started: str, got: ExtractOutcome, settings: dict[str, Any], input_path: Path,
                extra: dict[str, Any] | None = None) -> RunSummary:
    """The run's facts for run.json and the `runs` table: counts, model, extractor, cache use."""
    return RunSummary(
        run_id=run_id,
        started_at=started,
        finished_at=now(),
        package_version=__version__,
        model=got.model,
        settings_hash=settings_hash(settings),
        documents_in=got.tally.documents_in,
        documents_ok=got.tally.extracted,
        documents_failed=got.tally.quarantined,
        extra={"input": str(input_path), **(extra or {}), **run_record(settings), "extractor": got.extractor,
               "nlp_cache_hits": got.tally.from_cache, "nlp_documents": got.tally.nlp_documents},
    )


@dataclass(frozen=True)
class Archived:
    """Rows per table of this run and of the whole dataset after it."""

    run_rows: dict[str, int]
    dataset_rows: dict[str, int]


def write_outputs(results: Sequence[DocumentResult], quarantine: Sequence[QuarantineRecord], summary: RunSummary,
                  output: Path, rebuild: bool = False) -> Archived:
    """Normalise, validate and archive in one pass over the results (read back from the NLP cache once):
    documents.jsonl, this run's tables (schemas, keys, foreign keys, one documents row per input document;
    nothing is written when they fail), the merged dataset (atomically; with `rebuild` this run's rows
    replace it), run.json and report.html."""
    from biwaq_extract.dataset.storage import dataset_counts
    from biwaq_extract.dataset.tables import run_row_counts
    from biwaq_extract.extract import RunWriter

    with RunWriter(Path(output), rebuild=rebuild) as writer:
        for result in results:
            writer.add(result)
        writer.quarantine = list(quarantine)
        try:
            tables = writer.run_tables(summary)
        except Exception as exc:  # pandera, key and foreign-key errors alike: say which run step refused
            raise TableCheckError(f"tables failed validation, nothing written: {exc}") from exc
        run_rows = run_row_counts(tables)
        ids = set(results.ids() if hasattr(results, "ids") else (r.document.id for r in results))
        if run_rows["documents"] != len(ids):
            raise TableCheckError(f"documents table has {run_rows['documents']} rows for {len(ids)} input documents; "
                                  "nothing written")
        writer.finish(summary, tables)
    return Archived(run_rows, dataset_counts(output))
