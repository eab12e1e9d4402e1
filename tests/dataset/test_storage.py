"""The dataset folder: reruns are byte-identical, changes keep history, bad files are named, writes are atomic."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biwaq_extract.dataset import storage
from biwaq_extract.dataset.datapackage import all_tables, csv_path, parquet_path
from biwaq_extract.errors import DatasetError
from biwaq_extract.dataset.schemas import TABLES
from biwaq_extract.dataset.storage import read_dataset, recover, write_dataset
from biwaq_extract.dataset.tables import build_tables
from conftest import load_result, load_results, make_run, write_fixture_dataset

# The runs table grows by one row per run and the DuckDB file is rebuilt each time; everything else must not move.
GROWS_ON_RERUN = {"tables/runs.parquet", "csv/runs.csv", "dataset.duckdb"}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The fixture dataset, written once for the tests that only read it."""
    return write_fixture_dataset(tmp_path_factory.mktemp("storage") / "dataset")


@pytest.fixture
def copy(written, tmp_path) -> Path:
    """A private copy of the fixture dataset for a test that damages or rewrites it."""
    return Path(shutil.copytree(written, tmp_path / "dataset"))


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("path", ["tables", "csv", "history", "dataset.duckdb", "datapackage.json"])
def test_storage_layout(written, path):
    folder = written
    assert (folder / path).exists()
    assert not list(folder.glob(".staging-*"))


def _rerun_changed_batch(folder: Path, run_id: str) -> Path:
    write_dataset(build_tables(load_results("changed"), [], make_run(run_id, 1)), folder)
    return folder


@pytest.mark.parametrize(
    "rerun,runs_after",
    [
        (lambda folder: write_fixture_dataset(folder, "run-2"), 2),  # the whole corpus again
        (lambda folder: _rerun_changed_batch(folder, "run-3"), 3),  # after a change, the latest input again
    ],
)
def test_storage_rerun_gives_byte_identical_files(tmp_path, rerun, runs_after):
    folder = write_fixture_dataset(tmp_path, "run-1", changed=runs_after == 3)
    first = _digests(folder)
    second = _digests(rerun(folder))
    assert set(first) == set(second)
    moved = {path for path in first if first[path] != second[path]}
    assert moved <= GROWS_ON_RERUN
    assert {"tables/documents.parquet", "csv/org_mentions.csv", "history/documents.parquet"} <= set(first) - moved
    assert len(read_dataset(folder)["runs"]) == runs_after


@pytest.mark.parametrize("folder_name", ["x", "elsewhere/y"])
def test_storage_same_input_in_another_folder_gives_same_bytes(tmp_path, folder_name):
    one = _digests(write_fixture_dataset(tmp_path / "one"))
    other = _digests(write_fixture_dataset(tmp_path / folder_name))
    assert {k: v for k, v in one.items() if k not in GROWS_ON_RERUN} == {
        k: v for k, v in other.items() if k not in GROWS_ON_RERUN
    }


@pytest.mark.parametrize("document_id,old_title,new_title", [("esf-003", "Abschlussbericht BIWAQ", "Abschlussbericht BIWAQ (aktualisiert)")])
def test_storage_changed_document_replaces_rows_and_keeps_old_version(tmp_path, document_id, old_title, new_title):
    folder = write_fixture_dataset(tmp_path, changed=True)
    data = read_dataset(folder)
    current = data["documents"].set_index("document_id")
    assert (current.loc[document_id, "title"], current.loc[document_id, "version"]) == (new_title, 2)
    history = data["history_documents"]
    assert history[["document_id", "version", "title"]].values.tolist() == [[document_id, 1, old_title]]
    # the new version mentions the BMI too; the old one only the BBSR, which stays retrievable
    current_orgs = data["org_mentions"].query("document_id == @document_id")["org_id"].tolist()
    old_orgs = data["history_org_mentions"].query("document_id == @document_id")["org_id"].tolist()
    assert (sorted(current_orgs), old_orgs) == (["bbsr", "bmi"], ["bbsr"])
    # other documents are untouched
    assert set(current.index) == {"esf-001", "esf-002", "esf-003", "esf-004"}
    assert current.loc["esf-001", "version"] == 1


@pytest.mark.parametrize("batches", [[["esf-001.json"], ["esf-002.json", "esf-003.json"]]])
def test_storage_new_documents_are_added(tmp_path, batches):
    for i, names in enumerate(batches):
        write_dataset(build_tables([load_result(n) for n in names], [], make_run(f"run-{i}", len(names))), tmp_path)
    data = read_dataset(tmp_path)
    assert data["documents"]["document_id"].tolist() == ["esf-001", "esf-002", "esf-003"]
    assert data["runs"]["documents_new"].tolist() == [1, 2]
    orgs = data["organisations"].set_index("org_id")
    assert orgs.loc["bbsr", "n_documents"] == 2  # counts cover documents from both runs


@pytest.mark.parametrize("table", ["events", "documents", "history_org_mentions"])
@pytest.mark.parametrize("damage", [b"not parquet at all", "truncate"])
def test_storage_corrupted_parquet_is_named_in_error(copy, table, damage):
    folder = copy
    path = folder / parquet_path(next(t for t in all_tables() if t.name == table))
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2] if damage == "truncate" else damage)
    with pytest.raises(DatasetError, match=str(path)):
        write_fixture_dataset(folder, "run-2")


@pytest.mark.parametrize("table", ["events", "runs"])
def test_storage_older_schema_version_is_named_in_error(copy, table):
    folder = copy
    path = folder / parquet_path(TABLES[table])
    arrow = pq.read_table(path)
    pq.write_table(arrow.replace_schema_metadata({b"biwaq.schema_version": b"0"}), path)
    with pytest.raises(DatasetError, match=rf"{path}.*schema version 0"):
        write_fixture_dataset(folder, "run-2")


@pytest.mark.parametrize("table", ["events"])
def test_storage_missing_column_is_named_in_error(copy, table):
    folder = copy
    path = folder / parquet_path(TABLES[table])
    arrow = pq.read_table(path)
    pq.write_table(arrow.drop_columns(["participants"]), path)
    with pytest.raises(DatasetError, match=rf"{path}.*columns"):
        write_fixture_dataset(folder, "run-2")


class Interrupted(Exception):
    """Stands in for a crash or Ctrl-C in the middle of writing."""


def _fail_on_call(monkeypatch, target: str, n: int):
    real = getattr(storage, target)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise Interrupted(f"{target} call {n}")
        return real(*args, **kwargs)

    monkeypatch.setattr(storage, target, failing)


@pytest.mark.parametrize("target,n", [("write_parquet", 1), ("write_parquet", 9), ("write_csv", 20), ("write_duckdb", 1)])
def test_storage_interrupted_write_leaves_previous_dataset_intact(copy, monkeypatch, target, n):
    folder = copy
    before = _digests(folder)
    _fail_on_call(monkeypatch, target, n)
    with pytest.raises(Interrupted):
        write_fixture_dataset(folder, "run-2", changed=True)
    assert _digests(folder) == before
    assert not list(folder.glob(".staging-*"))


@pytest.mark.parametrize("moves_before_crash", [1, 30])
def test_storage_crash_while_renaming_is_completed_by_next_open(tmp_path, monkeypatch, moves_before_crash):
    """A crash after the commit marker but during the renames is rolled forward, never left half-applied."""
    expected = _digests(write_fixture_dataset(tmp_path / "expected", changed=True))
    folder = write_fixture_dataset(tmp_path / "crashed")
    real_replace = os.replace
    calls = {"n": 0}

    def crashing_replace(src, dst):
        if ".staging-" in str(src) and not str(src).endswith(".tmp"):
            calls["n"] += 1
            if calls["n"] > moves_before_crash:
                raise Interrupted("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", crashing_replace)
    with pytest.raises(Interrupted):
        _rerun_changed_batch(folder, "20250101T000000-run1-changed")
    monkeypatch.setattr(storage.os, "replace", real_replace)
    assert list(folder.glob(".staging-*"))
    recover(folder)
    got = _digests(folder)
    assert {k: v for k, v in got.items() if k not in GROWS_ON_RERUN} == {
        k: v for k, v in expected.items() if k not in GROWS_ON_RERUN
    }


@pytest.mark.parametrize("name", list(TABLES))
def test_storage_parquet_carries_only_own_metadata(written, name):
    folder = written
    meta = pq.read_metadata(folder / parquet_path(TABLES[name]))
    assert set(meta.metadata) == {b"biwaq.table", b"biwaq.schema_version", b"ARROW:schema"}
    assert meta.created_by.startswith("parquet-cpp-arrow")


@pytest.mark.parametrize("name", ["documents", "dates", "runs"])
def test_storage_csv_copy_matches_parquet(written, name):
    import pandas as pd

    folder = written
    csv = pd.read_csv(folder / csv_path(TABLES[name]), dtype=str, keep_default_na=False)
    parquet = read_dataset(folder)[name]
    assert list(csv.columns) == list(parquet.columns)
    assert len(csv) == len(parquet)
    assert csv[TABLES[name].primary_key[0]].tolist() == parquet[TABLES[name].primary_key[0]].tolist()


_awkward_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=0, max_size=40
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_awkward_text, url=st.one_of(st.none(), _awkward_text), text=_awkward_text)
@pytest.mark.parametrize("table", ["documents"])
def test_storage_property_any_text_survives_parquet_and_csv(tmp_path, table, title, url, text):
    """Umlauts, quotes, commas, line breaks and empty strings come back unchanged from Parquet and the CSV copy."""
    import pandas as pd

    result = load_result("esf-003.json")
    doc = dataclasses.replace(result.document, title=title, url=url, text=text)
    frame = build_tables([dataclasses.replace(result, document=doc, organisations=(), programmes=())], [], make_run())[table]
    storage.write_parquet(frame, TABLES[table], tmp_path / parquet_path(TABLES[table]))
    pd.testing.assert_frame_equal(storage.read_table(tmp_path, TABLES[table]), frame)
    storage.write_csv(frame, TABLES[table], tmp_path / csv_path(TABLES[table]))
    csv = pd.read_csv(tmp_path / csv_path(TABLES[table]), dtype=str, keep_default_na=False)
    assert len(csv) == 1
    assert csv.loc[0, "title"] == title  # an empty title and a missing one both show as an empty cell


@pytest.mark.parametrize("holder_waits", [False])
def test_storage_query_does_not_disturb_a_write_in_progress(copy, holder_waits):
    """A staging folder of a running write (lock held) survives a reader's check."""
    staging = copy / ".staging-running"
    staging.mkdir()
    with storage.dataset_lock(copy):
        storage.check_dataset(copy)
        assert staging.exists()
    storage.check_dataset(copy)  # no writer any more: the abandoned staging folder is cleaned up
    assert not staging.exists()
