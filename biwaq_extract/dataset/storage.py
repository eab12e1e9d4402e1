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

Memory: the merge runs in DuckDB over the Parquet files (biwaq_extract/dataset/outofcore.py: capped memory, spilling
to disk), and every table is read back, validated and written a batch of rows at a time (one Parquet row group
per batch, CSV appended per batch), so no table is ever whole in memory: peak memory does not grow with the
dataset. Whole-table checks (unique keys, foreign keys) are DuckDB queries over the staged files.

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
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from biwaq_extract.atomic import atomic_write_text
from biwaq_extract.dataset.datapackage import DATAPACKAGE_FILE, all_tables, build_descriptor, csv_path, parquet_path
from biwaq_extract.errors import DatasetError
from biwaq_extract.dataset.outofcore import WorkDir, as_batches, connect, file_frames, quote, read_all, row_count, scalar, scan, write_empty
from biwaq_extract.dataset.schemas import HISTORY_TABLES, SCHEMA_VERSION, TABLES, Table, arrow_schema, conform, empty_frame

log = logging.getLogger(__name__)

DUCKDB_FILE = "dataset.duckdb"
STAGING_PREFIX = ".staging-"
MERGE_PREFIX = ".merge-"  # scratch of a write in progress; one left by a killed write is removed by the next
COMMIT_MARKER = "COMMIT"

# Parquet settings fixed here so the bytes depend only on the rows and the pyarrow version.
_PARQUET_OPTIONS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True, "data_page_version": "2.0"}


# --- reading -------------------------------------------------------------------------------------------

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
        return read_all(path, table)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file ({exc}); restore it or rerun `biwaq extract`") from None


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

def _columns_sql(table: Table, replace: dict[str, str], alias: str) -> str:
    return ", ".join(replace.get(c, f"{alias}.{quote(c)}") + f" AS {quote(c)}" for c in table.column_names)


def _merge_into(con, old: dict[str, Path], run: dict[str, Path], stage: Path) -> None:
    """Write the dataset after this run into `stage` (see the module docstring for the rules); DuckDB does the
    work over the files, so memory does not grow with the dataset."""
    from biwaq_extract.dataset.tables import ENTITY_SOURCES, attribute_columns, entity_table_sql, write_table_file

    staged = {t.name: stage / parquet_path(t) for t in all_tables()}
    run_id = scalar(con, f"SELECT run_id FROM {scan(run['runs'])}")
    con.execute(f"CREATE TEMP TABLE run_docs AS SELECT document_id, content_hash FROM {scan(run['documents'])}")
    con.execute(f"CREATE TEMP TABLE old_docs AS SELECT document_id, content_hash, version FROM {scan(old['documents'])}")
    con.execute("CREATE TEMP TABLE changed AS SELECT r.document_id, o.version FROM run_docs r JOIN old_docs o "
                "USING (document_id) WHERE r.content_hash IS DISTINCT FROM o.content_hash")
    n_new = scalar(con, "SELECT count(*) FROM run_docs WHERE document_id NOT IN (SELECT document_id FROM old_docs)")
    n_changed = scalar(con, "SELECT count(*) FROM changed")
    literal = "'" + str(run_id).replace("'", "''") + "'"

    for table in TABLES.values():
        if not table.per_document:
            continue
        name, key = table.name, ", ".join(quote(k) for k in table.primary_key)
        fresh = f"SELECT * FROM {scan(run[name])}"
        if name == "documents":  # a changed content is the next version of the document
            fresh = (f"SELECT {_columns_sql(table, {'version': 'coalesce(o.version, 1) + (c.document_id IS NOT NULL)::BIGINT'}, 'r')} "
                     f"FROM {scan(run[name])} AS r LEFT JOIN old_docs AS o USING (document_id) LEFT JOIN changed AS c USING (document_id)")
        kept = f"SELECT * FROM {scan(old[name])} WHERE document_id NOT IN (SELECT document_id FROM run_docs)"
        write_table_file(con, f"{kept} UNION ALL {fresh} ORDER BY {key}", table, staged[name])
        history = HISTORY_TABLES[f"history_{name}"]
        superseded = (f"SELECT {_columns_sql(history, {'version': 'c.version', 'superseded_by_run': literal}, 't')} "
                      f"FROM {scan(old[name])} AS t JOIN changed AS c USING (document_id)")
        write_table_file(con, f"SELECT * FROM {scan(old[history.name])} UNION ALL {superseded} "
                              f"ORDER BY {', '.join(quote(k) for k in history.primary_key)}", history, staged[history.name])

    for entity, (mentions, key) in ENTITY_SOURCES.items():
        columns = ", ".join(quote(c) for c in attribute_columns(entity))
        attributes = (f"SELECT {columns} FROM {scan(old[entity])} WHERE {quote(key)} NOT IN "
                      f"(SELECT {quote(key)} FROM {scan(run[entity])}) UNION ALL SELECT {columns} FROM {scan(run[entity])}")
        write_table_file(con, entity_table_sql(entity, attributes, f"SELECT * FROM {scan(staged[mentions])}"),
                         TABLES[entity], staged[entity])

    runs = TABLES["runs"]
    this_run = (f"SELECT {_columns_sql(runs, {'documents_new': f'{n_new}::BIGINT', 'documents_changed': f'{n_changed}::BIGINT'}, 'r')} "
                f"FROM {scan(run['runs'])} AS r")
    write_table_file(con, f"SELECT * FROM {scan(old['runs'])} WHERE run_id <> {literal} UNION ALL {this_run} ORDER BY run_id",
                     runs, staged["runs"])


def _run_files(tables: dict[str, pd.DataFrame] | dict[str, Path], work: Path) -> dict[str, Path]:
    """The run's tables as files: as given when they are paths, else written from the DataFrames."""
    from biwaq_extract.dataset.tables import write_parquet_frames

    out = {}
    for name, value in tables.items():
        if isinstance(value, pd.DataFrame):
            out[name] = work / "run" / f"{name}.parquet"
            out[name].parent.mkdir(parents=True, exist_ok=True)
            write_parquet_frames([conform(value, TABLES[name])], TABLES[name], out[name])
        else:
            out[name] = Path(value)
    return out


def _old_files(root: Path, work: Path) -> dict[str, Path]:
    """The stored dataset's files, or empty ones when the folder holds no dataset yet."""
    if dataset_exists(root):
        check_dataset(root)
        return {t.name: root / parquet_path(t) for t in all_tables()}
    out = {}
    for table in all_tables():
        out[table.name] = work / "empty" / f"{table.name}.parquet"
        write_empty(table, out[table.name])
    return out


# --- writing -------------------------------------------------------------------------------------------

def write_parquet(frames: pd.DataFrame | Iterable[pd.DataFrame], table: Table, path: Path) -> None:
    """Deterministic Parquet from a frame or batches of one (a row group each): declared column order and types,
    only our own metadata. Rows go in as given; the callers sort them by key."""
    schema = arrow_schema(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(path, schema, **_PARQUET_OPTIONS) as writer:
        for frame in as_batches(frames):
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
                               .replace_schema_metadata(schema.metadata))


def _csv_frame(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The frame as CSV cells: ISO dates, UTC times with a Z, true/false; missing values stay missing (empty)."""
    out = {}
    for c in table.columns:
        col = frame[c.name]
        if c.type == "datetime":
            col = col.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif c.type == "boolean":
            col = col.map({True: "true", False: "false"})
        out[c.name] = col  # strings, integers and dates (ISO) are written as they are
    return pd.DataFrame(out, columns=table.column_names)


def write_csv(frames: pd.DataFrame | Iterable[pd.DataFrame], table: Table, path: Path) -> None:
    """UTF-8 CSV with ISO dates and empty cells for missing values (opens cleanly in spreadsheets), from a frame
    or batches of one.

    Lines end in CRLF as RFC 4180 says: Python's csv module quotes a field only when it holds a character of
    the line terminator, so with a bare LF a title holding a lone CR would be written unquoted and split
    the row in every reader.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        header = True
        for frame in as_batches(frames):
            _csv_frame(frame, table).to_csv(fh, index=False, header=header, lineterminator="\r\n")
            header = False
        if header:  # no rows at all: the header alone
            _csv_frame(empty_frame(table), table).to_csv(fh, index=False, lineterminator="\r\n")


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


def _stage_files(old: dict[str, Path], run: dict[str, Path], stage: Path, work: Path) -> list[str]:
    """Write every file of the dataset into `stage`; return their paths relative to it."""
    import json

    from biwaq_extract.dataset.tables import check_files

    with connect(work / "duckdb") as con:
        _merge_into(con, old, run, stage)
        check_files(con, {t.name: stage / parquet_path(t) for t in all_tables()})
    written = []
    for table in all_tables():
        write_csv(file_frames(stage / parquet_path(table), table), table, stage / csv_path(table))
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


def write_dataset(tables: dict[str, pd.DataFrame] | dict[str, Path], output_dir: Path) -> None:
    """Merge this run's tables (DataFrames, or the Parquet files `RowSpool.write_tables` made) into the dataset in
    `output_dir` and write all its files atomically."""
    root = Path(output_dir)
    root.mkdir(parents=True, exist_ok=True)
    with dataset_lock(root):
        recover(root)
        began = time.perf_counter()
        stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            with WorkDir(root, MERGE_PREFIX) as scratch:  # DuckDB spills here: next to the dataset, not in /tmp
                work = scratch.path
                run = _run_files(tables, work)
                _stage_files(_old_files(root, work), run, stage, work)
            _fsync_tree(stage)
            atomic_write_text(stage / COMMIT_MARKER, "complete\n")
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        counts = {t.name: row_count(stage / parquet_path(t)) for t in all_tables()}
        _move_into_place(stage, root)
        with contextlib.suppress(OSError):
            fd = os.open(root, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
    log.info("dataset %s: %d documents, %d rows written in %.2fs",
             root, counts["documents"], sum(counts.values()), time.perf_counter() - began)


def dataset_counts(folder: Path) -> dict[str, int]:
    """Rows per table of a stored dataset, from the Parquet footers (nothing is read into memory)."""
    folder = Path(folder)
    return {t.name: row_count(folder / parquet_path(t)) for t in all_tables()}
