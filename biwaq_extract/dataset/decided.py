"""Steward decisions stored into a dataset version: corrected rows in tables/, the extractor's rows kept in extracted/.

A version holds, besides its tables, a folder `extracted/` with the rows of the documents a decision in force names,
exactly as the extractor wrote them (one Parquet file per record table; `extracted/documents.parquet` lists those
documents, so a document whose decisions only add records is known too). Every write re-applies every decision in
force to the extractor's rows, never to rows corrected before: applying is therefore idempotent, an undone decision
restores the extractor's row, and a decision is re-anchored on whatever the extractor found this time.

Only the decided documents' rows are read into memory; the rest of each table is copied by DuckDB.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from biwaq_extract.dataset.outofcore import frames, quote, scan
from biwaq_extract.dataset.schemas import TABLES, conform, empty_frame
from biwaq_extract.dataset.tables import write_parquet_frames, write_table_file
from biwaq_extract.steward.decisions import ApplyReport, Decision, apply_decisions, effective
from biwaq_extract.steward.snapshot import EXTRACTED_DIR, KIND_TABLES

log = logging.getLogger(__name__)

# The tables decisions change: one per kind of record, and the event-organisation links a rejected event takes along.
DECIDED_TABLES = tuple(table for table, _ in KIND_TABLES.values()) + ("event_organisations",)
# Kept beside the decided tables: the documents they hold rows of.
DOCUMENTS = "documents"
# Decisions that change rows (accepts only say a row was checked).
CHANGING = ("reject", "set", "add")


def extracted_paths(version: Path) -> dict[str, Path]:
    """The files of `version/extracted/` by table name, or {} when the version stores no decisions."""
    folder = Path(version) / EXTRACTED_DIR
    if not (folder / f"{DOCUMENTS}.parquet").exists():
        return {}
    return {name: folder / f"{name}.parquet" for name in (DOCUMENTS, *DECIDED_TABLES)}


def extractor_rows_sql(name: str, published: Path, extracted: dict[str, Path]) -> str:
    """SQL of a published table's rows as the extractor wrote them: the decided documents' rows from extracted/."""
    if name not in DECIDED_TABLES or not extracted:
        return f"SELECT * FROM {scan(published)}"
    decided = f"SELECT document_id FROM {scan(extracted[DOCUMENTS])}"
    return (f"SELECT * FROM {scan(published)} WHERE document_id NOT IN ({decided}) "
            f"UNION ALL SELECT * FROM {scan(extracted[name])}")


@dataclass
class StoredDecisions:
    """What storing the decisions did: the report of applying them, and the ids in force that change rows."""

    report: ApplyReport
    in_force: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {**self.report.as_dict(), "in_force": self.in_force, "documents": self.documents}


def changing_ids(decisions: list[Decision]) -> list[str]:
    """Ids of the decisions in force that change rows (reject, set, add), in file order."""
    return [d.id for d in effective(decisions) if d.action in CHANGING]


def store_decisions(con, staged: dict[str, Path], version: Path, work: Path, decisions: list[Decision]) -> StoredDecisions | None:
    """Apply the decisions in force to the staged tables (which hold the extractor's rows) of `version`, keeping
    the decided documents' extractor rows in `version/extracted/`; None when there are no decisions."""
    if not decisions:
        return None
    named = sorted({d.document for d in effective(decisions) if d.kind in KIND_TABLES})
    con.register("named_frame", pd.DataFrame({"document_id": pd.Series(named, dtype="string")}))
    con.execute(f"CREATE OR REPLACE TEMP TABLE decided_docs AS SELECT document_id::VARCHAR AS document_id FROM named_frame "
                f"WHERE document_id IN (SELECT document_id FROM {scan(staged[DOCUMENTS])})")
    present = [row[0] for row in con.execute("SELECT document_id FROM decided_docs ORDER BY document_id").fetchall()]
    inside = "document_id IN (SELECT document_id FROM decided_docs)"
    extracted = {}
    for name in (DOCUMENTS, *DECIDED_TABLES):
        table = TABLES[name]
        parts = list(frames(con, f"SELECT * FROM {scan(staged[name])} WHERE {inside}", table)) if present else []
        extracted[name] = pd.concat(parts, ignore_index=True) if parts else empty_frame(table)
        if present:
            write_parquet_frames([extracted[name]], table, Path(version) / EXTRACTED_DIR / f"{name}.parquet")
    applied, report = apply_decisions({n: extracted[n] for n in DECIDED_TABLES}, decisions)
    for name in DECIDED_TABLES if present else ():
        table = TABLES[name]
        rows = work / "decided" / f"{name}.parquet"
        write_parquet_frames([conform(applied[name], table)], table, rows)
        merged = work / "decided" / f"{name}.merged.parquet"
        order = ", ".join(quote(k) for k in table.primary_key)
        write_table_file(con, f"SELECT * FROM {scan(staged[name])} WHERE NOT {inside} "
                              f"UNION ALL SELECT * FROM {scan(rows)} ORDER BY {order}", table, merged)
        os.replace(merged, staged[name])
    for decision, why in report.stale:
        log.warning("decision %s (%s %s %r in %s) is stale: %s; it stays in the decisions file",
                    decision.id, decision.action, decision.kind, decision.text, decision.document, why)
    log.info("decisions: %d applied, %d stale (sha256:%s)", len(report.applied), len(report.stale), report.digest[:16])
    return StoredDecisions(report, changing_ids(decisions), present)


# Where an id a decision introduces (an organisation set on a mention, a person added) finds a name when no
# extracted record describes it: entity -> SQL over the staged mention tables giving (key, name).
_NAME_SOURCES = {
    "organisations": ("SELECT org_id AS k, text AS name FROM {org_mentions} UNION ALL "
                      "SELECT org_id AS k, coalesce(organisation, org_id) AS name FROM {person_mentions}"),
    "programmes": "SELECT programme_id AS k, text AS name FROM {programme_mentions}",
    "people": "SELECT person_id AS k, text AS name FROM {person_mentions}",
    "places": ("SELECT place_id AS k, text AS name FROM {place_mentions} UNION ALL "
               "SELECT place_id AS k, location AS name FROM {events}"),
}


def with_named_ids(entity: str, key: str, columns: list[str], attributes: str, staged: dict[str, Path]) -> str:
    """The attribute rows plus one row for each id the staged mentions use that no attribute row has (a
    steward's id), named by its first surface text, so the entity table's foreign keys hold."""
    sources = _NAME_SOURCES[entity].format(**{name: scan(path) for name, path in staged.items()})
    rest = ", ".join(f"NULL AS {quote(c)}" for c in columns[2:])
    extra = (f"SELECT k AS {quote(key)}, min(name) AS name{', ' + rest if rest else ''} FROM ({sources}) "
             f"WHERE k IS NOT NULL AND k NOT IN (SELECT {quote(key)} FROM given) GROUP BY k")
    return f"WITH given AS ({attributes}) SELECT * FROM given UNION ALL {extra}"
