"""Storage: merge a run's tables with the published dataset into a new version as Parquet, CSV, DuckDB views and a datapackage.

Files of one version (see versions.py for how versions are published; readers find them under DIR/):

    tables/<table>.parquet          current rows, one file per table
    history/<table>.parquet         rows of earlier document versions (per-document tables only)
    csv/<table>.csv                 CSV copies of both (history ones as history_<table>.csv)
    dataset.duckdb                  views over the Parquet files (paths relative to DIR)
    datapackage.json                Frictionless descriptor with schema_version
    extracted/<table>.parquet       the extractor's rows of the documents steward decisions name (when any do)

Versioning: a document is identified by its id and versioned by the sha256 of its text. When a run brings
a document whose content hash differs from the stored one, every row of that document in the per-document
tables moves to history/ with its `version` and the run that replaced it; the new rows take its place
with `version` + 1. A document brought again with the same content simply has its rows replaced (newer
extraction wins, no history). Documents not in the run keep their rows. Entity tables are merged by id and
their counts recomputed over the current rows; the runs table appends one row per run.

Memory: the merge runs in DuckDB over the Parquet files (biwaq_extract/dataset/outofcore.py: capped memory, spilling
to disk), and every table is read back, validated and written a batch of rows at a time (one Parquet row group
per batch, CSV appended per batch), so no table is ever whole in memory: peak memory does not grow with the
dataset. Whole-table checks (unique keys, foreign keys) are DuckDB queries over the new version's files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import shlex
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from biwaq_extract.dataset import versions
from biwaq_extract.dataset.decided import StoredDecisions, extracted_paths, extractor_rows_sql, store_decisions, with_named_ids
from biwaq_extract.dataset.datapackage import DATAPACKAGE_FILE, all_tables, build_descriptor, csv_path, parquet_path
from biwaq_extract.dataset.document_ids import read_document_ids
from biwaq_extract.dataset.files import check_parquet, read_table, write_csv
from biwaq_extract.dataset.outofcore import WorkDir, connect, file_frames, quote, row_count, scalar, scan, write_empty
from biwaq_extract.dataset.schemas import HISTORY_TABLES, SCHEMA_VERSION, TABLES, Table, conform, empty_frame
from biwaq_extract.dataset.tables import (
    ENTITY_SOURCES,
    attribute_columns,
    check_files,
    entity_table_sql,
    run_row_counts,
    write_parquet_frames,
    write_table_file,
)
from biwaq_extract.errors import DatasetError
from biwaq_extract.steward.decisions import Decision, read_decisions

log = logging.getLogger(__name__)

DUCKDB_FILE = "dataset.duckdb"
MERGE_PREFIX = ".merge-"  # scratch of a write in progress; one left by a killed write is removed by the next
READ_FILE = "documents.jsonl"  # one line per document the version's run read


# --- reading -------------------------------------------------------------------------------------------

def dataset_exists(folder: Path) -> bool:
    return (Path(folder) / DATAPACKAGE_FILE).exists()


def check_dataset(folder: Path) -> Path:
    """Fail early and clearly when the folder is not a dataset, is of another version, or a table file is bad;
    return the folder of the version it publishes (see versions.resolve), where the checked files are."""
    given = Path(folder)
    folder = versions.resolve(given)
    if not (folder / DATAPACKAGE_FILE).exists():
        raise DatasetError(f"{given}: no dataset here ({DATAPACKAGE_FILE} is missing); run `biwaq extract --output {given}` first")
    check_schema_version(given)
    for table in all_tables():
        check_parquet(folder / parquet_path(table), table, rebuild_command(given))
    return folder


def check_schema_version(folder: Path) -> None:
    """DatasetError naming the command that rebuilds the dataset when its datapackage.json gives another schema
    version than this biwaq-extract's (nothing to check when the folder has no datapackage.json)."""
    descriptor_path = versions.resolve(Path(folder)) / DATAPACKAGE_FILE
    if not descriptor_path.exists():
        return
    try:
        version = json.loads(descriptor_path.read_text(encoding="utf-8")).get("schema_version")
    except (OSError, ValueError, AttributeError) as exc:
        raise DatasetError(f"{descriptor_path}: unreadable ({exc})") from None
    if version != SCHEMA_VERSION:
        raise DatasetError(
            f"{folder}: the dataset has schema version {version}, this biwaq-extract reads and writes version "
            f"{SCHEMA_VERSION}; rebuild it from its input with `{rebuild_command(folder)}`"
        )


def rebuild_command(folder: Path) -> str:
    """The command that rebuilds the dataset in `folder` from its input, as its run.json tells: `biwaq run` for a
    dataset the pipeline made, else `biwaq extract` of the recorded input (INPUT when none is recorded)."""
    folder = Path(folder)
    extra = {}
    with contextlib.suppress(OSError, ValueError, AttributeError):
        extra = json.loads((versions.resolve(folder) / "run.json").read_text(encoding="utf-8")).get("extra") or {}
    if "extractor" in extra:  # written by the batch pipeline (`biwaq run` or its Prefect flow)
        return shlex.join(["biwaq", "run", "--output", str(folder), "--rebuild"])
    return shlex.join(["biwaq", "extract", str(extra.get("input") or "INPUT"), "--output", str(folder), "--rebuild"])


def read_dataset(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table (current and history) of an existing dataset; empty tables when the folder holds none yet."""
    folder = Path(folder)
    if not dataset_exists(folder):
        return {t.name: empty_frame(t) for t in all_tables()}
    version = check_dataset(folder)
    return {t.name: read_table(version, t) for t in all_tables()}


# --- merging -------------------------------------------------------------------------------------------

def _columns_sql(table: Table, replace: dict[str, str], alias: str) -> str:
    return ", ".join(replace.get(c, f"{alias}.{quote(c)}") + f" AS {quote(c)}" for c in table.column_names)


@dataclass(frozen=True)
class Stored:
    """What a write stored besides the tables: the run's id, the decisions applied, the documents withdrawn."""

    run_id: str
    decisions: StoredDecisions | None = None
    withdrawn: tuple[str, ...] = ()


@dataclass(frozen=True)
class Before:
    """What the published version says besides its tables: the documents its run read, its extractor rows."""

    read_ids: list[str]
    extracted: dict[str, Path]
    # the run's range of publication days: a document outside it was not looked for, so it is not gone
    published: tuple[dt.date | None, dt.date | None] = (None, None)


def _merge_into(con, old: dict[str, Path], run: dict[str, Path], stage: Path, work: Path,
                decisions: list[Decision], before: Before) -> Stored:
    """Write the dataset after this run into `stage` (see the module docstring for the rules) and return what it
    stored; DuckDB does the work over the files, so memory does not grow with the dataset."""
    staged = {t.name: stage / parquet_path(t) for t in all_tables()}
    run_id = scalar(con, f"SELECT run_id FROM {scan(run['runs'])}")
    con.execute(f"CREATE TEMP TABLE run_docs AS SELECT document_id, content_hash FROM {scan(run['documents'])}")
    con.execute(f"CREATE TEMP TABLE old_docs AS SELECT document_id, content_hash, version FROM {scan(old['documents'])}")
    con.execute("CREATE TEMP TABLE changed AS SELECT r.document_id, o.version FROM run_docs r JOIN old_docs o "
                "USING (document_id) WHERE r.content_hash IS DISTINCT FROM o.content_hash")
    # gone from the source: read by the run before, not by this one (the review's "gone"); marked, never deleted
    con.register("read_before_frame", pd.DataFrame({"document_id": pd.Series(before.read_ids, dtype="string")}))
    con.execute("CREATE TEMP TABLE read_before AS SELECT document_id::VARCHAR AS document_id FROM read_before_frame")
    first, last = before.published
    in_range = "".join(f" AND published {op} DATE '{day.isoformat()}'" for op, day in ((">=", first), ("<=", last)) if day)
    con.execute(f"CREATE TEMP TABLE gone AS SELECT document_id FROM {scan(old['documents'])} WHERE NOT withdrawn "
                "AND document_id IN (SELECT document_id FROM read_before) AND document_id NOT IN (SELECT document_id FROM run_docs)"
                + in_range)
    n_new = scalar(con, "SELECT count(*) FROM run_docs WHERE document_id NOT IN (SELECT document_id FROM old_docs)")
    n_changed = scalar(con, "SELECT count(*) FROM changed")
    withdrawn = tuple(row[0] for row in con.execute("SELECT document_id FROM gone ORDER BY document_id").fetchall())
    literal = "'" + str(run_id).replace("'", "''") + "'"

    for table in TABLES.values():
        if not table.per_document:
            continue
        name, key = table.name, ", ".join(quote(k) for k in table.primary_key)
        fresh = f"SELECT * FROM {scan(run[name])}"
        kept = f"SELECT * FROM ({extractor_rows_sql(name, old[name], before.extracted)}) WHERE document_id NOT IN (SELECT document_id FROM run_docs)"
        if name == "documents":  # a changed content is the next version of the document
            fresh = (f"SELECT {_columns_sql(table, {'version': 'coalesce(o.version, 1) + (c.document_id IS NOT NULL)::BIGINT'}, 'r')} "
                     f"FROM {scan(run[name])} AS r LEFT JOIN old_docs AS o USING (document_id) LEFT JOIN changed AS c USING (document_id)")
            gone = "t.document_id IN (SELECT document_id FROM gone)"
            kept = (f"SELECT {_columns_sql(table, {'withdrawn': f't.withdrawn OR {gone}', 'withdrawn_in_run': f'CASE WHEN {gone} THEN {literal} ELSE t.withdrawn_in_run END'}, 't')} "
                    f"FROM {scan(old[name])} AS t WHERE document_id NOT IN (SELECT document_id FROM run_docs)")
        write_table_file(con, f"{kept} UNION ALL {fresh} ORDER BY {key}", table, staged[name])
        history = HISTORY_TABLES[f"history_{name}"]
        superseded = (f"SELECT {_columns_sql(history, {'version': 'c.version', 'superseded_by_run': literal}, 't')} "
                      f"FROM {scan(old[name])} AS t JOIN changed AS c USING (document_id)")
        write_table_file(con, f"SELECT * FROM {scan(old[history.name])} UNION ALL {superseded} "
                              f"ORDER BY {', '.join(quote(k) for k in history.primary_key)}", history, staged[history.name])

    stored = store_decisions(con, staged, stage, work, decisions)

    for entity, (mentions, key) in ENTITY_SOURCES.items():
        names = attribute_columns(entity)
        columns = ", ".join(quote(c) for c in names)
        attributes = (f"SELECT {columns} FROM {scan(old[entity])} WHERE {quote(key)} NOT IN "
                      f"(SELECT {quote(key)} FROM {scan(run[entity])}) UNION ALL SELECT {columns} FROM {scan(run[entity])}")
        attributes = with_named_ids(entity, key, names, attributes, staged)
        write_table_file(con, entity_table_sql(entity, attributes, f"SELECT * FROM {scan(staged[mentions])}"),
                         TABLES[entity], staged[entity])

    runs = TABLES["runs"]
    report = stored.report if stored else None
    facts = {"documents_new": f"{n_new}::BIGINT", "documents_changed": f"{n_changed}::BIGINT",
             "documents_withdrawn": f"{len(withdrawn)}::BIGINT",
             "decisions_applied": f"{len(report.applied) if report else 0}::BIGINT",
             "decisions_stale": f"{len(report.stale) if report else 0}::BIGINT",
             "decisions_digest": f"'{report.digest}'" if report else "NULL::VARCHAR"}
    this_run = f"SELECT {_columns_sql(runs, facts, 'r')} FROM {scan(run['runs'])} AS r"
    write_table_file(con, f"SELECT * FROM {scan(old['runs'])} WHERE run_id <> {literal} UNION ALL {this_run} ORDER BY run_id",
                     runs, staged["runs"])
    if withdrawn:
        log.info("%d documents gone from the source, marked withdrawn: %s", len(withdrawn), ", ".join(withdrawn[:10]))
    return Stored(str(run_id), stored, withdrawn)


def _run_files(tables: dict[str, pd.DataFrame] | dict[str, Path], work: Path) -> dict[str, Path]:
    """The run's tables as files: as given when they are paths, else written from the DataFrames."""
    out = {}
    for name, value in tables.items():
        if isinstance(value, pd.DataFrame):
            out[name] = work / "run" / f"{name}.parquet"
            out[name].parent.mkdir(parents=True, exist_ok=True)
            write_parquet_frames([conform(value, TABLES[name])], TABLES[name], out[name])
        else:
            out[name] = Path(value)
    return out


def _old_files(root: Path, work: Path, rebuild: bool = False) -> dict[str, Path]:
    """The published version's files, or empty ones when the folder holds no dataset yet (or is rebuilt)."""
    if dataset_exists(root) and not rebuild:
        version = check_dataset(root)
        return {t.name: version / parquet_path(t) for t in all_tables()}
    out = {}
    for table in all_tables():
        out[table.name] = work / "empty" / f"{table.name}.parquet"
        write_empty(table, out[table.name])
    return out


# --- writing -------------------------------------------------------------------------------------------

def view_statements(folder: Path | None = None) -> list[str]:
    """One `CREATE VIEW` per table over its Parquet file, paths relative to the dataset folder (or below
    `folder` when given, as absolute paths)."""
    prefix = "" if folder is None else Path(folder).as_posix().replace("'", "''") + "/"
    return [
        f"CREATE OR REPLACE VIEW {t.name} AS SELECT * FROM read_parquet('{prefix}{parquet_path(t)}')" for t in all_tables()
    ]


def write_duckdb(folder: Path, path: Path) -> None:
    """A DuckDB database holding only views; open it from the dataset folder or SET file_search_path to it."""
    con = duckdb.connect(str(path))
    try:
        con.execute("SET file_search_path = ?", [folder.as_posix()])
        for statement in view_statements():
            con.execute(statement)
    finally:
        con.close()


def _stage_files(old: dict[str, Path], run: dict[str, Path], stage: Path, work: Path,
                 decisions: list[Decision], before: Before) -> Stored:
    """Write every file of the dataset into `stage`; return what it stored."""
    with connect(work / "duckdb") as con:
        stored = _merge_into(con, old, run, stage, work, decisions, before)
        check_files(con, {t.name: stage / parquet_path(t) for t in all_tables()})
    versions.step("tables written")
    for table in all_tables():
        write_csv(file_frames(stage / parquet_path(table), table), table, stage / csv_path(table))
    (stage / DATAPACKAGE_FILE).write_text(
        json.dumps(build_descriptor(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_duckdb(stage, stage / DUCKDB_FILE)
    versions.step("csv, datapackage and views written")
    return stored


def write_dataset(tables: dict[str, pd.DataFrame] | dict[str, Path], output_dir: Path, version: Path | None = None,
                  rebuild: bool = False, published: tuple[dt.date | None, dt.date | None] = (None, None)) -> Stored:
    """Merge this run's tables (DataFrames, or the Parquet files `RowSpool.write_tables` made) with the dataset
    published in `output_dir`, apply the steward's decisions (`output_dir/decisions.jsonl`, see decided.py) and
    mark the documents gone from the source withdrawn (with `published`, the run's range of publication days,
    only those inside it); return what was stored.

    With `version` (the folder of a `versions.writing` block) the files go there and the caller publishes them
    together with the run's other outputs; without, they are published as a version of their own. With
    `rebuild` the published tables are left out (e.g. they are of an older schema version): the new version
    holds this run's rows alone, and no history.
    """
    root = Path(output_dir)
    if version is None:
        with versions.writing(root) as new:
            stored = write_dataset(tables, root, new.path, rebuild, published)
            new.commit(stored.run_id)
        return stored
    began = time.perf_counter()
    decisions = read_decisions(root)
    with WorkDir(root, MERGE_PREFIX) as scratch:  # DuckDB spills here: next to the dataset, not in /tmp
        work = scratch.path
        run = _run_files(tables, work)
        run_rows = sum(run_row_counts(run).values())
        before = Before([], {}, published) if rebuild else _before(root, published)
        stored = _stage_files(_old_files(root, work, rebuild), run, Path(version), work, decisions, before)
    counts = dataset_counts(version)
    log.info("dataset %s: run %s wrote %d rows (runs.rows_out); the dataset holds %d documents, %d rows; %.2fs",
             root, stored.run_id, run_rows, counts["documents"], sum(counts.values()), time.perf_counter() - began)
    return stored


def _before(root: Path, published: tuple[dt.date | None, dt.date | None]) -> Before:
    """The published version's read ids (its documents.jsonl; none without one) and extractor rows (extracted/),
    with this run's range of publication days."""
    if not dataset_exists(root):
        return Before([], {}, published)
    folder = versions.resolve(root)
    return Before(read_document_ids(folder / READ_FILE), extracted_paths(folder), published)


def dataset_counts(folder: Path) -> dict[str, int]:
    """Rows per table of a stored dataset, from the Parquet footers (nothing is read into memory)."""
    folder = versions.resolve(folder)
    return {t.name: row_count(folder / parquet_path(t)) for t in all_tables()}
