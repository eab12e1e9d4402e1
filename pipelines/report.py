"""What a run tells the data steward: a markdown summary and the quarantine as Prefect artifacts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from biwaq_extract.records import ModelInfo, QuarantineRecord

# Artifact keys stay the same from run to run, so the Artifacts page shows each one's history over runs.
SUMMARY_KEY = "biwaq-run-summary"
QUARANTINE_KEY = "biwaq-quarantine"
QUARANTINE_COLUMNS = ("document_id", "stage", "reason", "source")
# A quarantine of thousands of rows would make the summary unreadable; the table artifact has them all.
MAX_REASONS_LISTED = 20


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def summary_markdown(
    *,
    run_id: str,
    output: Path,
    tally: Mapping[str, Any],
    quarantine: Sequence[QuarantineRecord],
    run_rows: Mapping[str, int],
    dataset_rows: Mapping[str, int],
    model: ModelInfo,
    extractor: str,
    crawl: Mapping[str, Any] | None = None,
) -> str:
    """The run summary in markdown: documents in/extracted/quarantined with reasons, rows per table, model."""
    lines = [
        f"# biwaq run {run_id}",
        "",
        f"Outputs in `{output}`.",
        "",
        "| documents | count |",
        "| --- | ---: |",
        f"| in | {tally['documents_in']} |",
        f"| extracted | {tally['extracted']} |",
        f"| quarantined | {tally['quarantined']} |",
        f"| taken from the NLP cache | {tally['from_cache']} |",
        f"| run through the NLP | {tally['nlp_documents']} |",
    ]
    if tally.get("out_of_range"):
        lines.append(f"| outside the date range (skipped) | {tally['out_of_range']} |")
    lines += [
        "",
        f"Model: **{model.name} {model.version}** ({'statistical' if model.statistical else 'rule-only, no trained model'}), "
        f"spaCy {model.spacy_version}; extractor {extractor}.",
        "",
    ]
    if crawl:
        lines += [
            "## Crawl",
            "",
            f"Start {crawl.get('start_url')}: {crawl.get('pages', 0)} pages, {crawl.get('downloaded', 0)} downloaded, "
            f"{crawl.get('not_modified', 0)} unchanged (304), {crawl.get('skipped', 0)} from the archive, "
            f"{crawl.get('articles', 0)} articles, {crawl.get('failed', 0)} failed.",
            "",
        ]
    lines += ["## Quarantine", ""]
    if not quarantine:
        lines += ["No document was quarantined.", ""]
    else:
        lines += ["| reason | documents |", "| --- | ---: |"]
        for reason, n in sorted(tally.get("reasons", {}).items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"| {_cell(reason)} | {n} |")
        lines += ["", "| document | stage | reason |", "| --- | --- | --- |"]
        for q in list(quarantine)[:MAX_REASONS_LISTED]:
            lines.append(f"| {_cell(q.document_id)} | {q.stage} | {_cell(q.reason)} |")
        if len(quarantine) > MAX_REASONS_LISTED:
            lines.append(f"| … | | {len(quarantine) - MAX_REASONS_LISTED} more in the quarantine table artifact |")
        lines.append("")
    lines += ["## Tables", "", "| table | rows from this run | rows in the dataset |", "| --- | ---: | ---: |"]
    for name in sorted(set(run_rows) | set(dataset_rows)):
        lines.append(f"| {name} | {run_rows.get(name, '')} | {dataset_rows.get(name, '')} |")
    return "\n".join(lines) + "\n"


def quarantine_table(quarantine: Sequence[QuarantineRecord]) -> dict[str, list[Any]]:
    """Column-wise table for create_table_artifact (column-wise, so an empty quarantine still shows its header)."""
    return {col: [getattr(q, col) or "" for q in quarantine] for col in QUARANTINE_COLUMNS}


@task(name="report", cache_policy=NO_CACHE)
def publish_report(markdown: str, quarantine: Sequence[QuarantineRecord]) -> None:
    """Publish the summary and the quarantine as artifacts of the current flow run."""
    create_markdown_artifact(markdown, key=SUMMARY_KEY, description="biwaq run summary")
    create_table_artifact(quarantine_table(quarantine), key=QUARANTINE_KEY,
                          description="documents that could not be processed, and why")
