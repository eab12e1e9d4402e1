"""Querying: run DuckDB SQL over a dataset folder's Parquet tables and return a DataFrame; named example queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from biwaq_extract.errors import DatasetError, QueryError
from biwaq_extract.dataset.datapackage import all_tables, parquet_path
from biwaq_extract.dataset.storage import check_dataset, view_statements

QUERIES_FILE = "queries.sql"


@dataclass(frozen=True)
class NamedQuery:
    """An example query: a short name, the researcher's question it answers, and its SQL."""

    name: str
    question: str
    sql: str


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table over the folder's Parquet files.

    The views are the ones in dataset.duckdb, created afresh so a moved folder or a DuckDB version that
    cannot open that file still works. The dataset is checked first so a bad file is named, not a traceback.
    """
    folder = Path(folder)
    check_dataset(folder)
    con = duckdb.connect(":memory:")
    con.execute("SET file_search_path = ?", [str(folder.resolve())])
    for statement in view_statements():
        con.execute(statement)
    return con


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
    """Run one SQL statement over the dataset in `folder` and return its result."""
    con = connect(folder)
    try:
        if not sql.strip():
            return pd.DataFrame()
        relation = con.sql(sql)
        if relation is None:  # a statement without a result (SET, CREATE VIEW ...)
            return pd.DataFrame()
        # via Arrow so dates stay dates and integer columns with gaps stay integers
        return relation.fetch_arrow_table().to_pandas(types_mapper=_result_types)
    except _USER_ERRORS as exc:
        raise QueryError(_first_line(exc)) from None
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
    """The example queries shipped in biwaq_extract/data/queries.sql (also shown in README.md)."""
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
