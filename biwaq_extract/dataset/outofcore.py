"""Out-of-core table work: Parquet parts on disk, DuckDB queries with a memory cap, results in fixed-size batches.

The run's rows and the dataset can be far larger than memory should grow: tables.RowSpool writes the run's
rows as Parquet parts, and both the run's tables and the merged dataset are computed here by DuckDB, which
spills to disk past `MEMORY_LIMIT`, and read back `BATCH_ROWS` rows at a time. Python never holds a whole
table, so peak memory does not grow with the corpus (see docs/performance.md).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from biwaq_extract.dataset.schemas import Table, arrow_schema, conform, pandas_dtype, pandera_schema

# DuckDB's working memory, a bound rather than a need: the benchmark's 20,000 articles (135k rows) gave the
# same peak and time with 64 MB as with 192 MB (504 / 508 MiB, 61 s). Past the cap DuckDB spills to the
# scratch folder, so however large the dataset grows, this step's memory does not.
MEMORY_LIMIT = "192MB"
# Rows per batch read back into pandas (validation, CSV) and per Parquet row group. Fixed, because the
# row-group layout is part of a Parquet file's bytes and reruns must give the same bytes. It bounds the
# step's memory: with 20,000 the peak still rose by ~70 MB from 2,000 to 20,000 articles (batches filling
# up); with 5,000 it is flat from 2,000 articles on (463 / 468 MiB), at no measurable cost in time.
BATCH_ROWS = 5_000


class WorkDir:
    """A private scratch folder `parent/<prefix>XXXX` for spooled rows and DuckDB's spill files, removed by
    `close`. It lives next to the outputs, not in the system temp folder: that is often a RAM disk (tmpfs),
    where spilling to "disk" would be spilling to memory. While open it holds an advisory lock on its
    `.lock` file, so `remove_stale` can tell the folder of a killed run (lock free) from a live one.
    """

    LOCK = ".lock"

    def __init__(self, parent: Path, prefix: str) -> None:
        parent = Path(parent)
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale(parent, prefix)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._lock = open(self.path / self.LOCK, "wb")  # noqa: SIM115 (held until close)
        with contextlib.suppress(ImportError):
            import fcntl

            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # releases the lock
            self._lock = None
            shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> WorkDir:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def remove_stale(parent: Path, prefix: str) -> None:
    """Remove scratch folders under `parent` left by killed runs (their lock is free); live ones stay."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): leftovers stay until removed by hand
        return
    for folder in Path(parent).glob(f"{prefix}*"):
        lock = folder / WorkDir.LOCK
        try:
            with open(lock, "rb") as fh:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except BlockingIOError:
            continue  # a running writer's folder
        except FileNotFoundError:
            shutil.rmtree(folder, ignore_errors=True)  # killed before its lock file existed


@contextlib.contextmanager
def connect(temp_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB connection with capped memory, spilling to `temp_dir`, times in UTC."""
    temp_dir = Path(temp_dir)
    temp_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute("SET temp_directory = ?", [str(temp_dir)])
        con.execute("SET preserve_insertion_order = false")  # every query that matters has an ORDER BY
        con.execute("SET TimeZone = 'UTC'")
        yield con
    finally:
        con.close()


def sql_path(path: Path) -> str:
    """A path as a quoted SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def scan(path: Path | str) -> str:
    """SQL reading one Parquet file or a glob of parts."""
    return f"read_parquet({sql_path(Path(path))})"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def nullable_schema(table: Table) -> pa.Schema:
    """The table's Arrow schema with every field nullable (parts are checked later, on the final tables)."""
    schema = arrow_schema(table)
    return pa.schema([f.with_nullable(True) for f in schema], metadata=schema.metadata)


def as_batches(frames: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
    """A whole table or its batches, as batches."""
    return [frames] if isinstance(frames, pd.DataFrame) else frames


def write_part(rows: list[dict], schema: pa.Schema, path: Path) -> None:
    """One Parquet part of row dicts (any number, none included) in the given schema; keys not in it are ignored."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd")


def write_empty(table: Table, path: Path) -> None:
    """A Parquet file with the table's columns and no rows: stands in for a table that does not exist yet."""
    write_part([], arrow_schema(table), path)


def rebatch(reader: Iterable[pa.RecordBatch], rows: int) -> Iterator[pa.Table]:
    """Tables of exactly `rows` rows (the last one fewer) whatever sizes the reader hands out."""
    pending: list[pa.RecordBatch] = []
    count = 0
    for batch in reader:
        if not batch.num_rows:
            continue
        pending.append(batch)
        count += batch.num_rows
        while count >= rows:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, rows)
            rest = table.slice(rows)
            pending, count = rest.to_batches(), rest.num_rows
    if count:
        yield pa.Table.from_batches(pending)


def _types_mapper(arrow_type: pa.DataType):
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type) or pa.types.is_string_view(arrow_type):
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


def to_frame(arrow: pa.Table, table: Table) -> pd.DataFrame:
    """Arrow rows as a DataFrame in the table's declared dtypes (order kept: the query sorted them)."""
    frame = arrow.to_pandas(types_mapper=_types_mapper)
    for c in table.columns:
        if c.type == "datetime" and c.name in frame and frame[c.name].dtype != pandas_dtype(c):
            frame[c.name] = pd.to_datetime(frame[c.name], utc=True).astype(pandas_dtype(c))
    return conform(frame, table, sort=False)  # every query here sorts by key


def frames(con: duckdb.DuckDBPyConnection, sql: str, table: Table, rows: int | None = None) -> Iterator[pd.DataFrame]:
    """The query's rows in batches of `rows` (default BATCH_ROWS), as DataFrames of `table`'s dtypes (an empty
    result gives none)."""
    rows = rows or BATCH_ROWS
    columns = ", ".join(quote(c) for c in table.column_names)
    query = f"SELECT {columns} FROM ({sql})"
    relation = con.sql(query)
    if hasattr(relation, "to_arrow_reader"):  # DuckDB 2
        reader = relation.to_arrow_reader(rows)
    else:  # DuckDB 1.x (pyproject allows both)
        reader = con.execute(query).fetch_record_batch(rows)
    for part in rebatch(reader, rows):
        yield to_frame(part, table)


def file_frames(path: Path, table: Table, rows: int | None = None) -> Iterator[pd.DataFrame]:
    """A Parquet file's rows in batches, as DataFrames of `table`'s dtypes."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=rows or BATCH_ROWS):
        yield to_frame(pa.Table.from_batches([batch]), table)


def read_all(path: Path, table: Table) -> pd.DataFrame:
    """A whole (small) Parquet file as one DataFrame of `table`'s dtypes."""
    return to_frame(pq.read_table(path), table)


def validated(parts: Iterable[pd.DataFrame], table: Table) -> Iterator[pd.DataFrame]:
    """Each batch checked against the table's pandera schema on its way through."""
    schema = pandera_schema(table)
    for frame in parts:
        yield schema.validate(frame)


def duplicate_keys(con: duckdb.DuckDBPyConnection, path: Path, table: Table) -> list[tuple]:
    """Primary keys that occur more than once in a table file (pandera sees one batch at a time)."""
    key = ", ".join(quote(k) for k in table.primary_key)
    return con.execute(f"SELECT {key} FROM {scan(path)} GROUP BY {key} HAVING count(*) > 1 ORDER BY {key} LIMIT 5").fetchall()


def missing_references(con: duckdb.DuckDBPyConnection, paths: dict[str, Path], table: Table) -> list[str]:
    """Foreign-key failures of `table` against the other table files in `paths`, as messages."""
    problems = []
    for fk in table.foreign_keys:
        if fk.table not in paths:
            continue
        fields = ", ".join(quote(f) for f in fk.fields)
        refs = ", ".join(quote(f) for f in fk.reference_fields)
        not_null = " AND ".join(f"{quote(f)} IS NOT NULL" for f in fk.fields)
        missing = con.execute(
            f"SELECT DISTINCT {fields} FROM {scan(paths[table.name])} WHERE {not_null} "
            f"EXCEPT SELECT {refs} FROM {scan(paths[fk.table])} ORDER BY ALL LIMIT 5"
        ).fetchall()
        if missing:
            problems.append(f"{table.name}.{','.join(fk.fields)} references unknown {fk.table} rows: {missing}")
    return problems


def row_count(path: Path) -> int:
    """Rows in a Parquet file, from its footer."""
    return pq.ParquetFile(path).metadata.num_rows


def scalar(con: duckdb.DuckDBPyConnection, sql: str):
    """The one value a query returns (fetched to the end: the connection is then free for the next query)."""
    return con.execute(sql).fetchall()[0][0]
