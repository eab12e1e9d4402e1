"""Table files: deterministic Parquet and CSV writing, and reading a Parquet file back with its footer checked."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from biwaq_extract.dataset.datapackage import parquet_path
from biwaq_extract.dataset.outofcore import as_batches, read_all
from biwaq_extract.dataset.schemas import SCHEMA_VERSION, Table, arrow_schema, empty_frame
from biwaq_extract.errors import DatasetError

# Parquet settings fixed here so the bytes depend only on the rows and the pyarrow version.
_PARQUET_OPTIONS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True, "data_page_version": "2.0"}


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


def check_parquet(path: Path, table: Table, rebuild: str = "biwaq extract INPUT --output DIR --rebuild") -> pa.Schema:
    """Read only the file's footer: a DatasetError naming the file if it is unreadable or of another schema
    (and the command that rebuilds the dataset, `rebuild`)."""
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
            f"rebuild the dataset with `{rebuild}`"
        )
    if schema.names != table.column_names:
        raise DatasetError(
            f"{path}: columns {schema.names} do not match table '{table.name}' {table.column_names} "
            f"of schema version {SCHEMA_VERSION}; rebuild the dataset with `{rebuild}`"
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
