"""The dataset's merge: reruns are byte-identical, changes keep history, bad files are named, failed writes change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from biwaq_extract.dataset import storage, tables
from biwaq_extract.dataset.datapackage import all_tables, csv_path, parquet_path
from biwaq_extract.dataset.schemas import TABLES
from biwaq_extract.dataset.storage import read_dataset, write_dataset
from biwaq_extract.dataset.tables import build_tables
from biwaq_extract.dataset.versions import LINKED
from biwaq_extract.errors import DatasetError
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
    return Path(shutil.copytree(written, tmp_path / "dataset", symlinks=True))


def _digests(folder: Path) -> dict[str, str]:
    """Every file a reader finds through the dataset's paths (DIR/tables/..., DIR/dataset.duckdb, ...)."""
    paths = [folder / name for name in LINKED if (folder / name).is_file()]
    paths += [p for name in LINKED if (folder / name).is_dir() for p in (folder / name).iterdir()]
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


@pytest.mark.parametrize("path", ["tables", "csv", "history", "dataset.duckdb", "datapackage.json"])
def test_storage_layout(written, path):
    folder = written
    assert (folder / path).exists()


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
@pytest.mark.slow
def test_storage_rerun_gives_byte_identical_files(tmp_path, rerun, runs_after):
    folder = write_fixture_dataset(tmp_path, "run-1", changed=runs_after == 3)
    first = _digests(folder)
    second = _digests(rerun(folder))
    assert set(first) == set(second)
    moved = {path for path in first if first[path] != second[path]}
    assert moved <= GROWS_ON_RERUN
    assert {"tables/documents.parquet", "csv/org_mentions.csv", "history/documents.parquet"} <= set(first) - moved
    assert len(read_dataset(folder)["runs"]) == runs_after


@pytest.mark.slow
@pytest.mark.parametrize("folder_name", ["x", "elsewhere/y"])
def test_storage_same_input_in_another_folder_gives_same_bytes(tmp_path, folder_name):
    one = _digests(write_fixture_dataset(tmp_path / "one"))
    other = _digests(write_fixture_dataset(tmp_path / folder_name))
    assert {k: v for k, v in one.items() if k not in GROWS_ON_RERUN} == {
        k: v for k, v in other.items() if k not in GROWS_ON_RERUN
    }


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("table", ["events", "documents", "history_org_mentions"])
@pytest.mark.parametrize("damage", [b"not parquet at all", "truncate"])
def test_storage_corrupted_parquet_is_named_in_error(copy, table, damage):
    folder = copy
    path = folder / parquet_path(next(t for t in all_tables() if t.name == table))
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2] if damage == "truncate" else damage)
    with pytest.raises(DatasetError, match=str(path.resolve())):
        write_fixture_dataset(folder, "run-2")


@pytest.mark.parametrize("table", ["events", "runs"])
def test_storage_older_schema_version_is_named_in_error(copy, table):
    folder = copy
    path = folder / parquet_path(TABLES[table])
    arrow = pq.read_table(path)
    pq.write_table(arrow.replace_schema_metadata({b"biwaq.schema_version": b"0"}), path)
    with pytest.raises(DatasetError, match=rf"{path.resolve()}.*schema version 0"):
        write_fixture_dataset(folder, "run-2")


@pytest.mark.parametrize("table", ["events"])
def test_storage_missing_column_is_named_in_error(copy, table):
    folder = copy
    path = folder / parquet_path(TABLES[table])
    arrow = pq.read_table(path)
    pq.write_table(arrow.drop_columns(["participants"]), path)
    with pytest.raises(DatasetError, match=rf"{path.resolve()}.*columns"):
        write_fixture_dataset(folder, "run-2")


class Interrupted(Exception):
    """Stands in for a crash or Ctrl-C in the middle of writing."""


def _fail_on_call(monkeypatch, module, target: str, n: int):
    real = getattr(module, target)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise Interrupted(f"{target} call {n}")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, target, failing)


@pytest.mark.parametrize("module,target,n", [(tables, "write_parquet", 1), (tables, "write_parquet", 9),
                                             (storage, "write_csv", 20), (storage, "write_duckdb", 1)])
def test_storage_interrupted_write_leaves_previous_dataset_intact(copy, monkeypatch, module, target, n):
    folder = copy
    before = _digests(folder)
    versions_before = sorted(p.name for p in (folder / "versions").iterdir())
    _fail_on_call(monkeypatch, module, target, n)
    with pytest.raises(Interrupted):
        write_fixture_dataset(folder, "run-2", changed=True)
    assert _digests(folder) == before
    assert sorted(p.name for p in (folder / "versions").iterdir()) == versions_before


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


@pytest.mark.parametrize(
    "run,expected",
    [
        ({"extra": {"input": "corpus/site"}}, "biwaq extract corpus/site --output {dir} --rebuild"),
        ({"extra": {"input": "out/crawl/articles.jsonl", "extractor": "e1"}}, "biwaq run --output {dir} --rebuild"),
        (None, "biwaq extract INPUT --output {dir} --rebuild"),
    ],
)
def test_storage_rebuild_command_follows_run_json(tmp_path, run, expected):
    import json

    if run is not None:
        (tmp_path / "run.json").write_text(json.dumps(run), encoding="utf-8")
    assert storage.rebuild_command(tmp_path) == expected.format(dir=tmp_path)


@pytest.mark.parametrize("inputs, withdrawn", [
    (("run1.jsonl", "run2.jsonl"), {"st-3": 2}),  # st-3 gone from the source in the second run
    (("run1.jsonl", "run2.jsonl", "run2.jsonl"), {"st-3": 2}),  # still gone: the run that noticed is kept
    (("run1.jsonl", "run2.jsonl", "run1.jsonl"), {"st-4": 3}),  # st-3 back, st-4 gone
])
def test_storage_documents_gone_from_the_source_are_marked_withdrawn(tmp_path, inputs, withdrawn):
    import json

    from conftest import extract_into

    folder = tmp_path / "dataset"
    run_ids = []
    for name in inputs:
        extract_into(folder, name)
        run_ids.append(json.loads((folder / "run.json").read_text(encoding="utf-8"))["run_id"])
    documents = pq.read_table(folder / "tables" / "documents.parquet").to_pylist()
    marked = {d["document_id"]: d["withdrawn_in_run"] for d in documents if d["withdrawn"]}
    assert marked == {doc: run_ids[n - 1] for doc, n in withdrawn.items()}
    assert {d["document_id"] for d in documents} >= {"st-1", "st-2", "st-3", "st-4"}  # never deleted
    assert set(json.loads((folder / "run.json").read_text(encoding="utf-8"))["withdrawn"]) <= set(marked)
    runs = pq.read_table(folder / "tables" / "runs.parquet").to_pylist()
    assert [r["documents_withdrawn"] for r in sorted(runs, key=lambda r: r["run_id"])][1] == 1


@pytest.mark.parametrize("published, withdrawn", [((None, None), {"st-3"}), ((dt.date(2023, 1, 1), dt.date(2023, 4, 30)), set())])
def test_storage_documents_outside_the_runs_date_range_are_not_withdrawn(tmp_path, published, withdrawn):
    """st-3 (published 2023-05-20) is not in run2.jsonl: gone, unless the run only looked at January to April."""
    from biwaq_extract.dataset import versions
    from conftest import extract_into

    folder = extract_into(tmp_path / "dataset", "run1.jsonl")
    second = tmp_path / "second"
    extract_into(second, "run2.jsonl")
    with versions.writing(folder) as new:
        stored = write_dataset({p.stem: p for p in (second / "tables").glob("*.parquet")}, folder, new.path, published=published)
        new.commit(stored.run_id)
    assert set(stored.withdrawn) == withdrawn
    documents = pq.read_table(folder / "tables" / "documents.parquet").to_pylist()
    assert {d["document_id"] for d in documents if d["withdrawn"]} == withdrawn
