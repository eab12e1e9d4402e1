"""datapackage.json describes every table and column and validates with Frictionless, data included."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.dataset.datapackage import DATAPACKAGE_FILE, all_tables, build_descriptor, validate_dataset
from biwaq_extract.dataset.schemas import SCHEMA_VERSION


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    from conftest import write_fixture_dataset

    return write_fixture_dataset(tmp_path_factory.mktemp("dp") / "dataset", changed=True)


@pytest.mark.parametrize("check", ["descriptor_and_data"])
def test_datapackage_validates_with_frictionless(written, check):
    assert validate_dataset(written) == []


@pytest.mark.parametrize("table", [t.name for t in all_tables()])
def test_datapackage_describes_every_table_and_column(written, table):
    descriptor = json.loads((written / DATAPACKAGE_FILE).read_text(encoding="utf-8"))
    assert descriptor["schema_version"] == SCHEMA_VERSION
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    spec = next(t for t in all_tables() if t.name == table)
    assert [f["name"] for f in resource["schema"]["fields"]] == spec.column_names
    assert all(f["description"] for f in resource["schema"]["fields"])
    assert resource["schema"]["primaryKey"] == list(spec.primary_key)
    assert (written / resource["path"]).exists() and (written / resource["parquet"]).exists()


@pytest.mark.parametrize(
    "table,foreign_key",
    [
        ("org_mentions", {"fields": ["org_id"], "reference": {"resource": "organisations", "fields": ["org_id"]}}),
        ("participant_counts", {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}}),
        ("event_organisations", {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}}),
    ],
)
def test_datapackage_declares_foreign_keys(table, foreign_key):
    resource = next(r for r in build_descriptor()["resources"] if r["name"] == table)
    assert foreign_key in resource["schema"]["foreignKeys"]


@pytest.mark.parametrize(
    "csv,old,new,error_type",
    [
        ("csv/org_mentions.csv", ",bbsr,", ",nosuchorg,", "foreign-key"),
        ("csv/events.csv", ",workshop,", ",party,", "constraint-error"),
        ("csv/documents.csv", "esf-002,", "esf-001,", "primary-key"),
    ],
)
@pytest.mark.slow
def test_datapackage_validation_reports_broken_data(tmp_path, csv, old, new, error_type):
    from conftest import write_fixture_dataset

    folder = write_fixture_dataset(tmp_path)
    path = folder / csv
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    problems = validate_dataset(folder)
    assert any(error_type in p and p.startswith(path.stem) for p in problems), problems
