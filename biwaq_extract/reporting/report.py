"""Reporting: one self-contained `report.html` per run for the data steward who checks it before archiving.

The page opens with what a steward decides on: the verdict (ready to archive, or needs attention and why), the
crawl facts, what changed since the previous run, and the open review items, most likely wrong first, each
with the `biwaq correct` commands that settle it; then the steward's corrections, documents gone from the
source, the run's facts (input, model, versions, duration), row counts per table and the quarantine; last,
every document's text with its mentions highlighted next to the table rows they became. Rows link to their
document (`#doc-<id>`) and to their highlight (`#m-<row id>`); highlights link back to their row.

Everything is escaped, CSS is inline, and there is no script and no external asset, so the page opens offline.
`build_report` is pure (records, tables and the verdict in, a string out); `write_report` reads the tables the
run just wrote, asks `steward.verdict` for the verdict and writes the page atomically.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from biwaq_extract.atomic import atomic_write_text
from biwaq_extract.records import DocumentResult, QuarantineRecord, RunSummary
from biwaq_extract.reporting.documents import MAX_DOCUMENTS, ReportSample, document_section, legend
from biwaq_extract.reporting.highlight import KIND_BY_TABLE, KINDS
from biwaq_extract.reporting.markup import cell, doc_link, esc, missing, table
from biwaq_extract.reporting.steward_sections import (
    MAX_LISTED, changes_section, crawl_section, decisions_section, review_section, verdict_section, withdrawn_section,
)

__all__ = ["REPORT_FILE", "ReportSample", "build_report", "write_report"]

log = logging.getLogger(__name__)

REPORT_FILE = "report.html"
ROWS_PER_SLICE = 5000

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;color:#222}
h1{font-size:1.5rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem;max-width:100%}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
a.doc-link,td code,td.long{overflow-wrap:anywhere}
th{background:#f4f4f4}
code{font-size:.8rem;background:#f4f4f4;padding:.1rem .3rem;border-radius:.2rem;white-space:pre-wrap;overflow-wrap:anywhere;user-select:all}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
section.verdict{border-radius:.4rem;padding:.4rem 1rem;margin-top:1rem}
section.verdict h2{border:0;margin:.3rem 0}
section.verdict.ready{background:#e8f6ec;border-left:8px solid #2e8b57}
section.verdict.attention{background:#fdf1e3;border-left:8px solid #e8a33d}
section.verdict.unknown{background:#f4f4f4;border-left:8px solid #777}
table.review td.commands{min-width:28rem}.command{margin:.1rem 0}.command .action{font-weight:bold;display:inline-block;min-width:3.5rem}
tr.risk-high td.risk{color:#c0392b;font-weight:bold}
tr.changed td{background:#fff8e1}
.badge{display:inline-block;font-size:.75rem;font-weight:bold;padding:.05rem .4rem;border-radius:.6rem;white-space:nowrap}
.badge.steward{background:#2e8b57;color:#fff}
.info{color:#555;font-style:italic}
section.document{border:1px solid #ccc;border-radius:.4rem;padding:.6rem 1rem;margin:1.2rem 0}
section.document.has-flags{border-left:6px solid #e8a33d}section.document.failed{border-left:6px solid #c0392b}
.doc-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
.entities{line-height:2.5;white-space:pre-wrap;font-size:.95rem}
mark.entity{padding:.45em .6em;margin:0 .25em;line-height:1;border-radius:.35em}
mark.entity .label{font-size:.8em;font-weight:bold;line-height:1;border-radius:.35em;vertical-align:middle;margin-left:.5rem;color:#222;text-decoration:none}
mark.entity mark.entity{padding:.2em .3em}
mark.flag{outline:2px dashed #c0392b;outline-offset:1px}
mark.steward{outline:2px solid #2e8b57;outline-offset:1px}
tr.flag td{background:#fdecea}tr.steward td{background:#e8f6ec}.reasons{color:#c0392b;font-weight:bold}
.error{color:#c0392b;font-weight:bold}.muted{color:#777}
.legend mark{margin-right:.5rem}
/* the records column is narrow: its cells break long ids and dates anywhere; scrolling is the last resort */
.records{overflow-x:auto}.records h4{margin:.6rem 0 .1rem;font-size:.9rem}.records table{width:100%}
.records td,.records th{overflow-wrap:anywhere}
a.doc-link{font-size:.8em}
""" + "".join(f"mark.k-{k.name}{{background:{k.colour}}}\n" for k in KINDS)


def _duration(summary: RunSummary) -> str:
    try:
        seconds = (dt.datetime.fromisoformat(summary.finished_at) - dt.datetime.fromisoformat(summary.started_at)).total_seconds()
    except (TypeError, ValueError):
        return "unknown"
    return f"{seconds:.0f} s"


def _facts(summary: RunSummary) -> str:
    m = summary.model
    model = f"{m.name} {m.version}" + (" (statistical)" if m.statistical else " (rule-only: no trained model)")
    extra = summary.extra or {}
    facts = [
        ("run id", summary.run_id),
        ("input", extra.get("input", "")),
        ("started", summary.started_at),
        ("finished", summary.finished_at),
        ("duration", _duration(summary)),
        ("documents", f"{summary.documents_in} in, {summary.documents_ok} extracted, {summary.documents_failed} quarantined"),
        ("model", model),
        ("pipeline components", ", ".join(m.components)),
        ("versions", f"biwaq-extract {summary.package_version}, spaCy {m.spacy_version}, Python {platform.python_version()}"),
        ("settings hash", summary.settings_hash),
    ] + [(str(k), str(v)) for k, v in sorted(extra.items()) if k != "input"]
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
    return f'<section id="run"><h2>Run</h2><dl class="facts">{items}</dl></section>'


def _counts(run_counts: Mapping[str, int], dataset_counts: Mapping[str, int]) -> str:
    rows = [
        f'<tr data-table="{esc(name)}"><td>{esc(name)}</td><td>{run_counts.get(name, "")}</td>'
        f"<td>{dataset_counts.get(name, '')}</td></tr>"
        for name in dict.fromkeys(list(run_counts) + list(dataset_counts))
    ]
    total = sum(n for name, n in run_counts.items() if name != "runs")
    return ('<section id="tables"><h2>Tables</h2><p>Rows from this run\'s documents, and in the whole dataset '
            "after the run (tables/*.parquet, csv/, dataset.duckdb).</p>"
            + table(("table", "this run", "dataset"), rows)
            + f'<p class="run-rows">This run: {total} rows (the runs table\'s rows_out).</p></section>')


def _quarantine(quarantine: Sequence[QuarantineRecord], shown: set[str]) -> str:
    rows = [
        f'<tr class="quarantined"><td>{doc_link(q.document_id, q.document_id in shown)}</td><td>{esc(q.stage)}</td>'
        f'<td class="reason">{esc(q.reason)}</td>{cell(q.source)}</tr>'
        for q in list(quarantine)[:MAX_LISTED]
    ]
    body = (table(("document", "stage", "reason", "source"), rows, "quarantine") if rows
            else "<p>No document was quarantined.</p>")
    more = (f"<p>{len(quarantine) - MAX_LISTED} more in the quarantine table.</p>" if len(quarantine) > MAX_LISTED else "")
    return f'<section id="quarantine"><h2>Quarantine ({len(quarantine)})</h2>{body}{more}</section>'


def _records(frame: pd.DataFrame) -> Iterable[dict]:
    """The frame's rows as dicts with None for missing values, a slice at a time (not the whole table at once)."""
    for start in range(0, len(frame), ROWS_PER_SLICE):
        part = frame.iloc[start: start + ROWS_PER_SLICE]
        yield from part.astype(object).where(part.notna(), None).to_dict("records")


def _withdrawn_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows of the documents table that a `withdrawn…` column marks (the document is gone from the source): a
    value that is there and not false, such as the run that noticed it or a flag."""
    marks = [c for c in frame.columns if c.startswith("withdrawn")]
    if not marks or frame.empty:
        return []
    rows = _records(frame[["document_id", *marks]])
    return [row for row in rows if any(not missing(row[c]) and row[c] is not False for c in marks)]


def build_report(
    summary: RunSummary,
    results: Iterable[DocumentResult],
    quarantine: Sequence[QuarantineRecord],
    tables: Mapping[str, pd.DataFrame | Iterable[pd.DataFrame]],
    dataset_counts: Mapping[str, int] | None = None,
    max_documents: int = MAX_DOCUMENTS,
    run_rows: Mapping[str, int] | None = None,
    *,
    verdict: Mapping[str, Any] | None = None,
    verdict_problem: str = "",
) -> str:
    """The report page for one run. `tables` hold (at least) this run's rows; rows of other documents are
    ignored, except rows a steward corrected and documents marked withdrawn, which are listed whatever run
    read them. `run_rows`: the run's rows per table as the runs table counts them (tables.run_row_counts);
    without, the rows of `tables` that belong to this run's documents. `verdict` is
    `steward.verdict.assess(...).as_dict()`; without it the page says why there is none (`verdict_problem`)."""
    from biwaq_extract.dataset.outofcore import as_batches

    sample = results if isinstance(results, ReportSample) else ReportSample.of(results, max_documents)
    run_ids = sample.ids
    shown_docs = sample.shown()[:max_documents]
    shown = {r.document.id for r in shown_docs}

    rows: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))  # doc -> kind -> rows
    run_counts: dict[str, int] = {}
    corrected: list[tuple[str, dict]] = []
    withdrawn: list[dict] = []
    for name, batches in tables.items():
        run_counts[name] = 0
        kind = KIND_BY_TABLE.get(name)
        for frame in as_batches(batches):
            if name == "documents":
                withdrawn += _withdrawn_rows(frame)
            if kind is not None and "rule" in frame.columns:
                steward = frame[frame["rule"].astype("string").fillna("") == "steward"]
                corrected += [(name, row) for row in _records(steward.head(MAX_LISTED))]
            if "document_id" in frame.columns:
                frame = frame[frame["document_id"].isin(run_ids)]
            run_counts[name] += len(frame)
            if kind is None:
                continue
            for row in _records(frame[frame["document_id"].isin(shown)]):
                rows[row["document_id"]][kind.name].append(row)

    review = {}
    if verdict is not None:
        review = {i["record_id"]: i["explanation"] for i in verdict["open_items"] if i.get("record_id")}
    sections = [document_section(r, rows[r.document.id], review)[0] for r in shown_docs]
    hidden = len(run_ids) - len(shown_docs)
    more = (f'<p class="muted">{hidden} more documents are not shown here (at most {max_documents}); '
            f"their rows are in the tables.</p>" if hidden else "")
    index = " ".join(doc_link(r.document.id, True) for r in shown_docs)
    steward = ""
    if verdict is not None:
        steward = (crawl_section(verdict["crawl"]) + changes_section(verdict["changes"], shown)
                   + review_section(verdict, shown))
    gone = verdict["changes"]["documents"]["gone"] if verdict is not None else []
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="de"><head><meta charset="utf-8"><title>biwaq run {esc(summary.run_id)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head><body>'
        f"<h1>biwaq-extract run report <small class=\"muted\">{esc(summary.run_id)}</small></h1>"
        + verdict_section(verdict, verdict_problem)
        + steward
        + decisions_section(verdict, corrected, shown)
        + withdrawn_section(gone, withdrawn, summary.run_id)
        + _facts(summary)
        + _counts(dict(run_rows) if run_rows is not None else run_counts, dataset_counts or {})
        + _quarantine(quarantine, shown)
        + f'<section id="documents"><h2>Documents ({len(run_ids)})</h2>{legend()}<p>{index}</p>{more}'
        + "".join(sections)
        + "</section></body></html>\n"
    )


def assess_run(folder: Path, dataset: Path | None = None) -> tuple[dict[str, Any] | None, str]:
    """The verdict on the version in `folder` (of `dataset`, when the version is not published yet) as a dict,
    or None and why it could not be made."""
    from biwaq_extract.errors import BiwaqError
    from biwaq_extract.steward.verdict import assess

    try:
        verdict = assess(dataset, version=folder) if dataset is not None else assess(folder)
        return verdict.as_dict(), ""
    except BiwaqError as exc:  # e.g. a damaged decisions file: the steward fixes it, `biwaq review` says the same
        log.warning("report.html has no verdict: %s", exc)
        return None, f"the verdict could not be made: {exc}"
    except Exception as exc:  # noqa: BLE001 - the page is a view of data already written: show why, keep the run
        log.exception("report.html: no verdict for %s", folder)
        return None, f"the verdict could not be made: {type(exc).__name__}: {exc}"


def write_report(
    output_dir: Path,
    results: Iterable[DocumentResult],
    quarantine: Sequence[QuarantineRecord],
    summary: RunSummary,
    max_documents: int = MAX_DOCUMENTS,
    run_rows: Mapping[str, int] | None = None,
    *,
    dataset: Path | None = None,
) -> Path:
    """Write OUTPUT_DIR/report.html for a run whose tables were just written into OUTPUT_DIR; return its path.
    `dataset`: the dataset's root when OUTPUT_DIR is a version of it not published yet (the verdict compares it
    with the published one and reads the decisions and the crawl at the root)."""
    from biwaq_extract.dataset.datapackage import parquet_path
    from biwaq_extract.dataset.outofcore import file_frames
    from biwaq_extract.dataset.schemas import TABLES
    from biwaq_extract.dataset.storage import check_parquet, dataset_counts

    output_dir = Path(output_dir)
    for spec in TABLES.values():
        check_parquet(output_dir / parquet_path(spec), spec)
    # Read in batches, never whole: the dataset may be far larger than this run.
    tables = {name: file_frames(output_dir / parquet_path(spec), spec) for name, spec in TABLES.items()}
    counts = {name: n for name, n in dataset_counts(output_dir).items() if name in TABLES}
    verdict, problem = assess_run(output_dir, dataset)
    page = build_report(summary, results, quarantine, tables, counts, max_documents, run_rows,
                        verdict=verdict, verdict_problem=problem)
    path = output_dir / REPORT_FILE
    atomic_write_text(path, page)
    return path
