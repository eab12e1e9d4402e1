"""Out-of-core table work: fixed batches whatever DuckDB hands out, results independent of the batch size."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from biwaq_extract import outofcore
from biwaq_extract.datapackage import all_tables, parquet_path
from biwaq_extract.storage import read_dataset
from conftest import write_fixture_dataset


def _batches(sizes: list[int]) -> list[pa.RecordBatch]:
    start, out = 0, []
    for n in sizes:
        out.append(pa.RecordBatch.from_pydict({"i": list(range(start, start + n))}))
        start += n
    return out


@pytest.mark.parametrize(
    "given,rows,expected",
    [
        ([3000, 3000, 144, 3000, 856], 3000, [3000, 3000, 3000, 1000]),  # what DuckDB 2.0 really handed out
        ([1, 1, 1, 1, 1], 2, [2, 2, 1]),
        ([0, 5, 0], 5, [5]),
        ([], 4, []),
    ],
)
def test_outofcore_rebatch_gives_fixed_size_batches_in_order(given, rows, expected):
    out = list(outofcore.rebatch(_batches(given), rows))
    assert [t.num_rows for t in out] == expected
    assert [v for t in out for v in t.column("i").to_pylist()] == list(range(sum(given)))


@pytest.mark.parametrize("rows", [1, 3])
def test_outofcore_dataset_does_not_depend_on_batch_size(tmp_path, monkeypatch, rows):
    """Tables are validated, merged and written a batch at a time; cutting them into batches of one or three
    rows (so every table spans many batches and row groups) gives the same dataset as one batch each."""
    whole = read_dataset(write_fixture_dataset(tmp_path / "whole", changed=True))
    monkeypatch.setattr(outofcore, "BATCH_ROWS", rows)
    folder = write_fixture_dataset(tmp_path / "batched", changed=True)
    batched = read_dataset(folder)
    for name, frame in whole.items():
        pd.testing.assert_frame_equal(batched[name], frame, check_exact=True)
    documents = pq.ParquetFile(folder / "tables" / "documents.parquet")
    assert documents.metadata.num_row_groups == -(-documents.metadata.num_rows // rows)


@pytest.mark.parametrize("limit", ["192MB"])
def test_outofcore_connection_caps_memory_and_spills_to_the_given_folder(tmp_path, limit):
    with outofcore.connect(tmp_path / "spill") as con:
        got = dict(con.execute("SELECT name, value FROM duckdb_settings() WHERE name IN ('memory_limit', 'temp_directory')").fetchall())
    assert got["temp_directory"] == str(tmp_path / "spill")
    assert got["memory_limit"].replace(" ", "").upper().startswith(("183.1MIB", "192", "183"))


@pytest.mark.parametrize("table", [t for t in all_tables() if t.name in {"documents", "organisations", "history_events"}])
def test_outofcore_rows_are_counted_from_the_footer(tmp_path, table):
    folder = write_fixture_dataset(tmp_path, changed=True)
    path = Path(folder) / parquet_path(table)
    assert outofcore.row_count(path) == len(read_dataset(folder)[table.name])
