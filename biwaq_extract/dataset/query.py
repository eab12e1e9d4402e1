"""Querying: one reading SQL statement over a dataset's Parquet tables in a sandboxed DuckDB; named example queries.

A query may read the published version's table files and nothing else. Three walls, each measured on DuckDB
2.0.1 (tests/dataset/test_query.py tries every attack named here):

- the statement: exactly one, and a reading one (SELECT, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE, or EXPLAIN
  of one of these), as DuckDB's own parser classifies it. This wall is needed: file access limited to the
  table files still lets `COPY ... TO` overwrite a table and `ATTACH` create a database next to them;
- the files: an in-memory database whose views name the table files by absolute path, `allowed_paths` set to
  exactly those files, then `enable_external_access = false` (no other file, no URL, no ATTACH, no INSTALL),
  extensions neither installed nor loaded automatically;
- the configuration: locked (`lock_configuration`), so no `SET` can lift the other two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from biwaq_extract.dataset.datapackage import all_tables, parquet_path
from biwaq_extract.dataset.storage import check_dataset, view_statements
from biwaq_extract.errors import DatasetError, QueryError

QUERIES_FILE = "queries.sql"


@dataclass(frozen=True)
class NamedQuery:
    """An example query: a short name, the researcher's question it answers, and its SQL."""

    name: str
    question: str
    sql: str


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """A sandboxed in-memory DuckDB connection with one view per table over the published version's Parquet files.

    The views are the ones in dataset.duckdb, with absolute paths so that the file sandbox can name exactly
    the files allowed. The dataset is checked first so a bad file is named, not a traceback.
    """
    version = check_dataset(Path(folder)).resolve()
    files = [(version / parquet_path(t)).as_posix() for t in all_tables()]
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False,
                                             "allow_community_extensions": False})
    try:
        con.execute("SET allowed_paths = ?", [files])
        for statement in view_statements(version):
            con.execute(statement)
        # Absolute paths in the views: DuckDB checks the allowed paths against the path as written, and a
        # relative one (as in dataset.duckdb) is refused once external access is off.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


_READING = (duckdb.StatementType.SELECT,)  # DuckDB parses WITH, VALUES, DESCRIBE, SHOW and SUMMARIZE as SELECT


def _parse(sql: str) -> list[duckdb.Statement]:
    try:
        return duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(_first_line(exc)) from None


def _explained(text: str) -> duckdb.Statement:
    """The statement an EXPLAIN [ANALYZE] [(options)] statement explains: the longest tail of its text, starting
    at a token, that DuckDB parses as one statement. (EXPLAIN ANALYZE runs that statement.)"""
    for start, _kind in duckdb.tokenize(text)[1:]:
        try:
            statements = duckdb.extract_statements(text[start:])
        except duckdb.Error:
            continue
        if len(statements) == 1:
            return statements[0]
    raise QueryError("cannot tell which statement this EXPLAIN explains; EXPLAIN a SELECT")


def _check_reading(statement: duckdb.Statement) -> None:
    kind = statement.type
    if kind in _READING:
        return
    if kind == duckdb.StatementType.EXPLAIN:
        _check_reading(_explained(statement.query))
        return
    raise QueryError(f"a query may only read the dataset (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN); "
                     f"DuckDB parses this statement as {kind.name}")


def check_read_only(sql: str) -> None:
    """QueryError unless `sql` is exactly one reading statement, as DuckDB's own parser sees it."""
    statements = _parse(sql)
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement; this text holds {len(statements)}")
    _check_reading(statements[0])


def _result_types(arrow_type: pa.DataType):
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    return None  # dates become datetime.date, floats float64, lists Python lists


# Errors in the SQL itself; anything else (I/O, decoding, internal) may come from a damaged file.
_USER_ERRORS = (duckdb.ParserException, duckdb.BinderException, duckdb.CatalogException, duckdb.ConversionException)


def _damaged_file(folder: Path) -> Path | None:
    """The first table file DuckDB cannot read in full, or None when all read cleanly."""
    con = duckdb.connect(":memory:")
    try:
        for table in all_tables():
            path = folder / parquet_path(table)
            try:
                quoted = str(path).replace("'", "''")
                con.sql(f"SELECT * FROM read_parquet('{quoted}')").fetch_arrow_table()
            except duckdb.Error:
                return path
    finally:
        con.close()
    return None


def run_query(folder: Path, sql: str) -> pd.DataFrame:
    """Run one reading SQL statement over the dataset in `folder` and return its result (see the module docstring
    for what it may touch)."""
    if not sql.strip():
        return pd.DataFrame()
    check_read_only(sql)
    folder = check_dataset(Path(folder))
    con = connect(folder)
    try:
        relation = con.sql(sql)
        if relation is None:  # a statement without a result (SET, CREATE VIEW ...)
            return pd.DataFrame()
        # via Arrow so dates stay dates and integer columns with gaps stay integers
        return relation.fetch_arrow_table().to_pandas(types_mapper=_result_types)
    except _USER_ERRORS as exc:
        raise QueryError(_first_line(exc)) from None
    except duckdb.PermissionException as exc:
        raise QueryError(f"{_first_line(exc)}; a query may read only the dataset's tables") from None
    except duckdb.Error as exc:
        # Footer intact but data pages damaged: only reading the data notices, and DuckDB's message may not
        # say which file it was reading, so find it by reading each table in full.
        damaged = _damaged_file(Path(folder))
        if damaged is not None:
            raise DatasetError(f"{damaged}: cannot be read ({_first_line(exc)}); restore it or rerun `biwaq extract`") from None
        raise QueryError(_first_line(exc)) from None
    finally:
        con.close()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def parse_queries(text: str) -> dict[str, NamedQuery]:
    """Named queries from SQL text where each query follows `-- name:` and `-- question:` comment lines."""
    queries: dict[str, NamedQuery] = {}
    for block in re.split(r"^-- name:", text, flags=re.MULTILINE)[1:]:
        name, _, rest = block.partition("\n")
        question = re.search(r"^-- question:\s*(.+)$", rest, flags=re.MULTILINE)
        sql = "\n".join(line for line in rest.splitlines() if not line.startswith("--")).strip()
        queries[name.strip()] = NamedQuery(name.strip(), question.group(1).strip() if question else "", sql)
    return queries


def named_queries() -> dict[str, NamedQuery]:
    """The example queries shipped in biwaq_extract/data/queries.sql (also shown in docs/querying.md)."""
    text = resources.files("biwaq_extract").joinpath("data", QUERIES_FILE).read_text(encoding="utf-8")
    return parse_queries(text)


def format_table(frame: pd.DataFrame, max_width: int = 60) -> str:
    """A readable text table: text left-aligned, numbers right-aligned, long cells cut, missing values empty."""
    if not len(frame.columns):
        return "(no rows)"
    columns = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in frame.columns]

    def cell(value) -> str:
        if pd.api.types.is_scalar(value):
            text = "" if pd.isna(value) else str(value)
        else:  # list columns (string_split, list aggregates) arrive as arrays
            text = "[" + ", ".join(map(str, list(value))) + "]"
        text = " ".join(text.split())  # newlines in sentences would break the grid
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    rows = [[cell(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out)
