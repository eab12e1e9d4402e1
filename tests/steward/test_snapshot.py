"""Reading a dataset version: the previous version from DIR/versions, and a clear error without a run."""

from __future__ import annotations

import pytest

from biwaq_extract.errors import StewardError
from biwaq_extract.steward.snapshot import load_snapshot, previous_version_folder


@pytest.mark.parametrize("names, current, expected", [
    (["20250101T000000-a", "20250102T000000-b", "20250103T000000-c"], "20250103T000000-c", "20250102T000000-b"),
    (["20250101T000000-a", "20250102T000000-b", "20250103T000000-c"], "20250102T000000-b", "20250101T000000-a"),
    (["20250101T000000-a"], "20250101T000000-a", None),
    (["20250101T000000-a", "20250102T000000-b"], None, "20250101T000000-a"),  # no link: the last is current
])
def test_snapshot_previous_version_folder(tmp_path, names, current, expected):
    for name in names:
        (tmp_path / "versions" / name).mkdir(parents=True)
    if current:
        (tmp_path / "current").symlink_to(f"versions/{current}")
    found = previous_version_folder(tmp_path)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("layout", ["plain"])
def test_snapshot_without_versions_has_no_previous(steward_datasets, layout):
    assert previous_version_folder(steward_datasets["one_run"]) is None


@pytest.mark.parametrize("name", ["one_run", "rerun"])
def test_snapshot_reads_run_and_documents_read(steward_datasets, name):
    snapshot = load_snapshot(steward_datasets[name])
    assert snapshot.run_id and snapshot.read_ids[0] == "st-1"
    assert snapshot.row_counts()["documents"] == (3 if name == "one_run" else 4)


@pytest.mark.parametrize("missing", ["run.json"])
def test_snapshot_folder_without_run_is_a_clear_error(tmp_path, missing):
    with pytest.raises(StewardError, match="no finished run here"):
        load_snapshot(tmp_path)
