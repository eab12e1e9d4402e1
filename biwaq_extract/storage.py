"""Storage: merge a run's tables into the dataset folder as Parquet, CSV, DuckDB views and a datapackage, atomically.

Layout of a dataset folder DIR:

    DIR/tables/<table>.parquet          current rows, one file per table
    DIR/history/<table>.parquet         rows of earlier document versions (per-document tables only)
    DIR/csv/<table>.csv                 CSV copies of both (history ones as history_<table>.csv)
    DIR/dataset.duckdb                  views over the Parquet files (paths relative to DIR)
    DIR/datapackage.json                Frictionless descriptor with schema_version

Versioning: a document is identified by its id and versioned by the sha256 of its text. When a run brings
a document whose content hash differs from the stored one, every row of that document in the per-document
tables moves to DIR/history/ with its `version` and the run that replaced it; the new rows take its place
with `version` + 1. A document brought again with the same content simply has its rows replaced (newer
extraction wins, no history). Documents not in the run keep their rows. Entity tables are merged by id and
their counts recomputed over the current rows; the runs table appends one row per run.

Atomicity: everything is written into DIR/.staging-*/ first. Only when all files are complete does a
COMMIT marker appear and the files are renamed into place; leftover staging folders are rolled back
(no marker) or rolled forward (marker) by the next write or query, so readers never see a mix of runs.
Writers hold an advisory lock on DIR/.lock; a query recovers only when no writer holds it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from biwaq_extract.atomic import atomic_write_text
from biwaq_extract.datapackage import DATAPACKAGE_FILE, all_tables, build_descriptor, csv_path, parquet_path
from biwaq_extract.errors import DatasetError
from biwaq_extract.schemas import (
    HISTORY_TABLES,
    SCHEMA_VERSION,
    TABLES,
    Table,
    arrow_schema,
    conform,
    empty_frame,
    pandera_schema,
)

log = logging.getLogger(__name__)

DUCKDB_FILE = "dataset.duckdb"
STAGING_PREFIX = ".staging-"
COMMIT_MARKER = "COMMIT"

# Parquet settings fixed here so the bytes depend only on the rows and the pyarrow version.
_PARQUET_OPTIONS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True, "data_page_version": "2.0"}


# --- reading -------------------------------------------------------------------------------------------

def _types_mapper(arrow_type: pa.DataType):
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_floating(arrow_type):
        return pd.Float64Dtype()
    if pa.types.is_date32(arrow_type):
        return pd.ArrowDtype(pa.date32())
    return None


def check_parquet(path: Path, table: Table) -> pa.Schema:
    """Read only the file's footer: a DatasetError naming the file if it is unreadable or of another schema."""
    try:
        schema = pq.read_schema(path)
    except FileNotFoundError:
        raise DatasetError(f"{path}: table '{table.name}' is missing from the dataset") from None
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file ({exc}); restore it or rerun `biwaq extract`") from None
    meta = schema.metadata or {}
    found = meta.get(b"biwaq.schema_version", b"?").decode()
    if found != str(SCHEMA_VERSION):
        raise DatasetError(
            f"{path}: written with dataset schema version {found}, this biwaq-extract reads version {SCHEMA_VERSION}; "
            "run `biwaq extract` into a new folder to rebuild the dataset"
        )
    if schema.names != table.column_names:
        raise DatasetError(
            f"{path}: columns {schema.names} do not match table '{table.name}' {table.column_names} "
            f"of schema version {SCHEMA_VERSION}"
        )
    return schema


def read_table(folder: Path, table: Table) -> pd.DataFrame:
    """One stored table as a DataFrame with the declared dtypes; DatasetError naming the file if it is bad."""
    path = Path(folder) / parquet_path(table)
    check_parquet(path, table)
    try:
        frame = pq.read_table(path).to_pandas(types_mapper=_types_mapper)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file ({exc}); restore it or rerun `biwaq extract`") from None
    return conform(frame, table)


def dataset_exists(folder: Path) -> bool:
    return (Path(folder) / DATAPACKAGE_FILE).exists()


def check_dataset(folder: Path) -> None:
    """Fail early and clearly when the folder is not a dataset, is of another version, or a table file is bad."""
    import json

    folder = Path(folder)
    recover_if_idle(folder)
    descriptor_path = folder / DATAPACKAGE_FILE
    if not descriptor_path.exists():
        raise DatasetError(f"{folder}: no dataset here ({DATAPACKAGE_FILE} is missing); run `biwaq extract --output {folder}` first")
    try:
        version = json.loads(descriptor_path.read_text(encoding="utf-8")).get("schema_version")
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{descriptor_path}: unreadable ({exc})") from None
    if version != SCHEMA_VERSION:
        raise DatasetError(
            f"{descriptor_path}: dataset schema version {version}, this biwaq-extract reads version {SCHEMA_VERSION}; "
            "run `biwaq extract` into a new folder to rebuild the dataset"
        )
    for table in all_tables():
        check_parquet(folder / parquet_path(table), table)


def read_dataset(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table (current and history) of an existing dataset; empty tables when the folder holds none yet."""
    folder = Path(folder)
    if not dataset_exists(folder):
        return {t.name: empty_frame(t) for t in all_tables()}
    check_dataset(folder)
    return {t.name: read_table(folder, t) for t in all_tables()}


# --- merging -------------------------------------------------------------------------------------------

def merge(existing: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The dataset after this run: see the module docstring for the rules."""
    from biwaq_extract.tables import ENTITY_SOURCES, entity_tables, validate_tables

    run_id = new["runs"]["run_id"].iloc[0]
    old_docs = existing["documents"]
    old_hash = dict(zip(old_docs["document_id"], old_docs["content_hash"]))
    versions = dict(zip(old_docs["document_id"], (int(v) for v in old_docs["version"])))
    new_docs = new["documents"].copy()
    run_ids = set(new_docs["document_id"])

    is_new = [d not in old_hash for d in new_docs["document_id"]]
    changed = [d in old_hash and old_hash[d] != h for d, h in zip(new_docs["document_id"], new_docs["content_hash"])]
    new_docs["version"] = pd.array(
        [versions.get(d, 1) + c for d, c in zip(new_docs["document_id"], changed)], dtype="Int64"
    )
    new = dict(new, documents=new_docs)
    changed_ids = {d for d, c in zip(new_docs["document_id"], changed) if c}

    out: dict[str, pd.DataFrame] = {}
    for table in TABLES.values():
        if not table.per_document:
            continue
        old = existing[table.name]
        in_run = old["document_id"].isin(run_ids)
        out[table.name] = conform(pd.concat([old[~in_run], new[table.name]], ignore_index=True), table)
        history = HISTORY_TABLES[f"history_{table.name}"]
        superseded = old[old["document_id"].isin(changed_ids)].copy()
        superseded["version"] = superseded["document_id"].map(versions).astype("Int64")
        superseded["superseded_by_run"] = run_id
        out[history.name] = conform(pd.concat([existing[history.name], superseded], ignore_index=True), history)

    attributes = {}
    for name, (_, key) in ENTITY_SOURCES.items():
        old, fresh = existing[name], new[name]
        attributes[name] = pd.concat([old[~old[key].isin(set(fresh[key]))], fresh], ignore_index=True)
    out.update(entity_tables(attributes, out))

    runs = existing["runs"]
    run_row = new["runs"].copy()
    run_row["documents_new"] = sum(is_new)
    run_row["documents_changed"] = len(changed_ids)
    out["runs"] = conform(pd.concat([runs[runs["run_id"] != run_id], run_row], ignore_index=True), TABLES["runs"])
    validate_tables({name: out[name] for name in TABLES})
    for name in HISTORY_TABLES:
        pandera_schema(HISTORY_TABLES[name]).validate(out[name])
    return {t.name: out[t.name] for t in all_tables()}


# --- writing -------------------------------------------------------------------------------------------

def write_parquet(frame: pd.DataFrame, table: Table, path: Path) -> None:
    """Deterministic Parquet: declared column order and types, rows sorted by key, only our own metadata."""
    schema = arrow_schema(table)
    arrow = pa.Table.from_pandas(frame, schema=schema, preserve_index=False).replace_schema_metadata(schema.metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(arrow, path, **_PARQUET_OPTIONS)


def _csv_frame(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    out = {}
    for c in table.columns:
        col = frame[c.name]
        if c.type == "date":
            out[c.name] = [v.isoformat() if v is not None and not pd.isna(v) else "" for v in col.astype(object)]
        elif c.type == "datetime":
            out[c.name] = [v.strftime("%Y-%m-%dT%H:%M:%SZ") if not pd.isna(v) else "" for v in col]
        elif c.type == "boolean":
            out[c.name] = ["" if pd.isna(v) else ("true" if v else "false") for v in col]
        else:
            out[c.name] = ["" if pd.isna(v) else str(v) for v in col.astype(object)]
    return pd.DataFrame(out, columns=table.column_names)


def write_csv(frame: pd.DataFrame, table: Table, path: Path) -> None:
    """UTF-8 CSV with ISO dates and empty cells for missing values (opens cleanly in spreadsheets).

    Lines end in CRLF as RFC 4180 says: Python's csv module quotes a field only when it holds a character of
    the line terminator, so with a bare LF a title holding a lone CR would be written unquoted and split
    the row in every reader.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _csv_frame(frame, table).to_csv(path, index=False, lineterminator="\r\n", encoding="utf-8")


def view_statements() -> list[str]:
    """One `CREATE VIEW` per table over its Parquet file, paths relative to the dataset folder."""
    return [
        f"CREATE OR REPLACE VIEW {t.name} AS SELECT * FROM read_parquet('{parquet_path(t)}')" for t in all_tables()
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


def _stage_files(tables: dict[str, pd.DataFrame], stage: Path) -> list[str]:
    """Write every file of the dataset into `stage`; return their paths relative to it."""
    import json

    written = []
    for table in all_tables():
        frame = tables[table.name]
        write_parquet(frame, table, stage / parquet_path(table))
        write_csv(frame, table, stage / csv_path(table))
        written += [parquet_path(table), csv_path(table)]
    (stage / DATAPACKAGE_FILE).write_text(
        json.dumps(build_descriptor(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_duckdb(stage, stage / DUCKDB_FILE)
    return written + [DATAPACKAGE_FILE, DUCKDB_FILE]


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())


def _move_into_place(stage: Path, root: Path) -> None:
    """Rename the staged files over the dataset's; datapackage.json last, as it marks a complete dataset."""
    files = sorted((p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file() and p.name != COMMIT_MARKER),
                   key=lambda rel: (rel == DATAPACKAGE_FILE, rel))
    for rel in files:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / rel, target)
    shutil.rmtree(stage)


LOCK_FILE = ".lock"


@contextlib.contextmanager
def dataset_lock(root: Path, wait: bool = True):
    """Exclusive advisory lock on the dataset folder; yields False when `wait` is off and another holds it.

    Writers hold it for the whole merge-and-write so two runs into one folder do not interleave, and
    recovery runs only under it so a reader never removes the staging folder of a write in progress.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; single-writer use is documented
        yield True
        return
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def recover_if_idle(root: Path) -> None:
    """Readers: finish an interrupted write if no writer is active; with one active, leave its files alone."""
    root = Path(root)
    if not any(root.glob(f"{STAGING_PREFIX}*")):
        return
    with dataset_lock(root, wait=False) as locked:
        if locked:
            recover(root)


def recover(root: Path) -> None:
    """Finish or undo a write that was interrupted: committed staging folders move in, others are removed."""
    root = Path(root)
    if not root.is_dir():
        return
    for stage in sorted(root.glob(f"{STAGING_PREFIX}*")):
        if (stage / COMMIT_MARKER).exists():
            log.warning("completing an interrupted dataset write from %s", stage)
            _move_into_place(stage, root)
        else:
            log.warning("removing an incomplete dataset write %s", stage)
            shutil.rmtree(stage, ignore_errors=True)


def write_dataset(tables: dict[str, pd.DataFrame], output_dir: Path) -> None:
    """Merge this run's tables into the dataset in `output_dir` and write all its files atomically."""
    root = Path(output_dir)
    root.mkdir(parents=True, exist_ok=True)
    with dataset_lock(root):
        recover(root)
        began = time.perf_counter()
        merged = merge(read_dataset(root), tables)
        stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            _stage_files(merged, stage)
            _fsync_tree(stage)
            atomic_write_text(stage / COMMIT_MARKER, "complete\n")
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        _move_into_place(stage, root)
        with contextlib.suppress(OSError):
            fd = os.open(root, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
    log.info(
        "dataset %s: %d documents, %d rows written in %.2fs",
        root, len(merged["documents"]), sum(len(f) for f in merged.values()), time.perf_counter() - began,
    )
