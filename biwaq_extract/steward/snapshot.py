"""Read one dataset version as the steward sees it: run facts, tables, documents read and the crawl beside it."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from biwaq_extract.dataset.document_ids import read_document_ids
from biwaq_extract.errors import DatasetError, StewardError

RUN_FILE = "run.json"
DOCUMENTS_FILE = "documents.jsonl"
REPORT_FILE = "report.html"
DATAPACKAGE_FILE = "datapackage.json"
TABLES_DIR = "tables"
CRAWL_DIR = "crawl"
CRAWL_SUMMARY = "crawl_summary.json"
FETCH_LOG = "fetch_log.csv"
VERSIONS_DIR = "versions"
# The extractor's rows of the documents steward decisions name; tables/ holds them corrected (dataset/decided.py).
EXTRACTED_DIR = "extracted"
CURRENT_LINK = "current"

# Kinds of record a steward reviews and decides on: kind -> (table, id column). Named by what a person sees.
KIND_TABLES: dict[str, tuple[str, str]] = {
    "event": ("events", "event_id"),
    "count": ("participant_counts", "count_id"),
    "organisation": ("org_mentions", "mention_id"),
    "person": ("person_mentions", "mention_id"),
    "place": ("place_mentions", "mention_id"),
    "date": ("dates", "date_id"),
    "programme": ("programme_mentions", "mention_id"),
}
# Kinds whose review item stands for a whole document or fetch, not a row: a steward can only accept
# (acknowledge) them.
ACKNOWLEDGE_KINDS = ("quarantine", "fetch", "loss")
# Tables whose rows belong to one document; a document "loses records" when one of these shrinks for it.
RECORD_TABLES = tuple(table for table, _ in KIND_TABLES.values())


@dataclass
class Snapshot:
    """One dataset version: its folder, run.json, the ids this run read, and tables read on demand."""

    folder: Path
    run: dict[str, Any]
    read_ids: tuple[str, ...]
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @property
    def run_id(self) -> str:
        return str(self.run.get("run_id") or "")

    def table(self, name: str) -> pd.DataFrame:
        """A current table as a DataFrame (empty when the version has no file for it)."""
        if name not in self._tables:
            path = self.folder / TABLES_DIR / f"{name}.parquet"
            self._tables[name] = pd.read_parquet(path) if path.exists() else pd.DataFrame()
        return self._tables[name]

    def extractor_table(self, name: str) -> pd.DataFrame:
        """A current table as the extractor wrote it: the rows of documents a steward decided on come from
        extracted/, so decisions are applied to the extractor's rows, never twice."""
        key = f"extracted:{name}"
        if key not in self._tables:
            link = self.folder / CURRENT_LINK  # extracted/ has no reader's link at the dataset's root
            folder = (link.resolve() if link.is_symlink() else self.folder) / EXTRACTED_DIR
            current = self.table(name)
            if not (folder / "documents.parquet").exists() or not (folder / f"{name}.parquet").exists():
                self._tables[key] = current
            else:
                decided = set(pd.read_parquet(folder / "documents.parquet", columns=["document_id"])["document_id"].astype(str))
                original = pd.read_parquet(folder / f"{name}.parquet")
                kept = current[~current["document_id"].astype(str).isin(decided)] if not current.empty else current
                self._tables[key] = pd.concat([kept, original], ignore_index=True) if len(original) else kept.reset_index(drop=True)
        return self._tables[key]

    def row_counts(self) -> dict[str, int]:
        """Rows per current table, from the Parquet footers."""
        folder = self.folder / TABLES_DIR
        return {p.stem: pq.read_metadata(p).num_rows for p in sorted(folder.glob("*.parquet"))}


def load_snapshot(folder: Path) -> Snapshot:
    """The dataset version in `folder`; StewardError when the folder holds no finished run."""
    from biwaq_extract.dataset.storage import check_schema_version

    folder = Path(folder)
    run_path = folder / RUN_FILE
    if not run_path.exists() or not (folder / TABLES_DIR).is_dir():
        raise StewardError(f"{folder}: no finished run here ({RUN_FILE} or {TABLES_DIR}/ is missing); "
                           f"run `biwaq extract ... --output {folder}` or `biwaq run --output {folder}` first")
    check_schema_version(folder)  # tables of another schema would be misread (renamed columns look empty)
    try:
        run = json.loads(run_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StewardError(f"{run_path}: unreadable ({exc})") from None
    return Snapshot(folder, run, tuple(read_document_ids(folder / DOCUMENTS_FILE)))


def previous_version_folder(dataset: Path) -> Path | None:
    """The version before the current one: `DIR/versions/*` sorted by name, the one before `DIR/current`'s
    target (or before the last when there is no link); None when the dataset keeps no earlier version."""
    versions_dir = Path(dataset) / VERSIONS_DIR
    if not versions_dir.is_dir():
        return None
    versions = sorted(p for p in versions_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    link = Path(dataset) / CURRENT_LINK
    current = link.resolve() if link.exists() else (versions[-1].resolve() if versions else None)
    names = [p.resolve() for p in versions]
    if current not in names:
        return versions[-1] if versions else None
    index = names.index(current)
    return versions[index - 1] if index > 0 else None


def load_previous(dataset: Path) -> Snapshot | None:
    """The previous version as a Snapshot, or None when there is none, it is unreadable or of another schema
    version (the version before a rebuild)."""
    folder = previous_version_folder(dataset)
    if folder is None:
        return None
    try:
        return load_snapshot(folder)
    except (StewardError, DatasetError):
        return None


def crawl_folder(dataset: Path) -> Path | None:
    """`DIR/crawl` when the run crawled (it holds crawl_summary.json or the fetch log), else None."""
    folder = Path(dataset) / CRAWL_DIR
    return folder if (folder / CRAWL_SUMMARY).exists() or (folder / FETCH_LOG).exists() else None


def read_fetch_log(path: Path) -> list[dict[str, str]]:
    """The fetch log's rows as dicts of strings (empty list when there is no log)."""
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
