"""Out-of-core table work: fixed batches whatever DuckDB hands out, results independent of the batch size."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from biwaq_extract.dataset import outofcore
from biwaq_extract.dataset.datapackage import all_tables, parquet_path
from biwaq_extract.dataset.storage import read_dataset
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


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("table", [t for t in all_tables() if t.name in {"documents", "organisations", "history_events"}])
def test_outofcore_rows_are_counted_from_the_footer(tmp_path, table):
    folder = write_fixture_dataset(tmp_path, changed=True)
    path = Path(folder) / parquet_path(table)
    assert outofcore.row_count(path) == len(read_dataset(folder)[table.name])


@pytest.mark.parametrize("prefix", [".spool-"])
def test_outofcore_scratch_of_a_killed_run_is_removed_and_a_live_one_kept(tmp_path, prefix):
    live = outofcore.WorkDir(tmp_path, prefix)
    killed = tmp_path / f"{prefix}killed"  # what a killed run leaves: its folder, its lock file free
    killed.mkdir()
    (killed / outofcore.WorkDir.LOCK).touch()
    (killed / "000001.parquet").write_bytes(b"rows")
    outofcore.remove_stale(tmp_path, prefix)
    assert live.path.exists() and not killed.exists()
    live.close()
    assert not live.path.exists()


@pytest.mark.parametrize("fails", [False, True])
def test_outofcore_run_leaves_no_scratch_behind(tmp_path, blank_pipeline, fails, monkeypatch):
    """`biwaq extract` spools next to its outputs (not in /tmp, often a RAM disk) and removes the spool and
    the merge's scratch folder, whether the run completes or fails while writing the dataset."""
    from biwaq_extract.dataset import storage
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import run_extract
    from conftest import fixture_path

    if fails:
        monkeypatch.setattr(storage, "write_duckdb", lambda *a: (_ for _ in ()).throw(RuntimeError("disk gone")))
    nlp, info = blank_pipeline
    output = tmp_path / "out"
    try:
        run_extract(fixture_path("documents", "mixed.jsonl"), output, load_settings(None), nlp=nlp, info=info)
    except RuntimeError:
        assert fails
    leftovers = [p.name for p in output.rglob("*") if p.name.startswith((".spool-", ".merge-", ".staging-"))]
    assert leftovers == []
    assert (output / "datapackage.json").exists() is not fails
