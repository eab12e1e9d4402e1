"""Changes since the previous version: documents by fate, rows per table, documents that lost records."""

from __future__ import annotations

import pytest

from biwaq_extract.steward.changes import compare
from biwaq_extract.steward.snapshot import load_previous, load_snapshot


@pytest.mark.parametrize("name, new, changed, gone", [("rerun", ["st-4"], ["st-2"], ["st-3"]), ("lost", [], ["st-1"], ["st-2", "st-3"])])
def test_changes_documents_by_fate(steward_datasets, name, new, changed, gone):
    dataset = steward_datasets[name]
    changes = compare(load_snapshot(dataset), load_previous(dataset))
    assert (changes.new, changes.changed, changes.gone) == (new, changed, gone)
    assert changes.as_dict()["documents"]["gone"] == gone


@pytest.mark.parametrize("name", ["one_run"])
def test_changes_without_previous_version_everything_is_new(steward_datasets, name):
    changes = compare(load_snapshot(steward_datasets[name]), None)
    assert changes.previous_run is None and changes.new == ["st-1", "st-2", "st-3"]
    assert changes.rows["documents"] == (0, 3) and not changes.lost


@pytest.mark.parametrize("name", ["rerun"])
def test_changes_documents_not_read_keep_their_rows(steward_datasets, name):
    """st-3 was not read by the second run: its rows stay, so it lost nothing (it is gone from the source)."""
    dataset = steward_datasets[name]
    lost = compare(load_snapshot(dataset), load_previous(dataset)).lost
    assert "st-3" not in {x.document_id for x in lost}
