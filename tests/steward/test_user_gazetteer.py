"""The user gazetteer file: read when valid, a clear error naming the entry when not."""

from __future__ import annotations

import pytest

from biwaq_extract.errors import StewardError
from biwaq_extract.steward.user_gazetteer import (
    dataset_gazetteer,
    gazetteer_for_run,
    load_user_gazetteer,
    read_user_gazetteer,
    run_record,
    with_run_gazetteer,
)
from conftest import fixture_path


@pytest.mark.parametrize("section, ids", [("organisations", ["quartiersnetz-bremen"]), ("places", ["bremen-groepelingen"])])
def test_user_gazetteer_reads_the_fixture(section, ids):
    data = read_user_gazetteer(fixture_path("steward", "gazetteer.yaml"))
    assert [e.id for e in data[section]] == ids
    assert data["organisations"][0].aliases == ("Quartiersnetz",)


@pytest.mark.parametrize("text, message", [
    ("organisations:\n  - {id: Bad Id, name: X}\n", "lowercase slug"),
    ("organisations:\n  - {id: a, name: X}\n  - {id: a, name: Y}\n", "twice"),
    ("places:\n  - {id: a, name: X, kind: planet}\n", "kind must be one of"),
    ("people: []\n", "top-level keys"),
    ("organisations:\n  - {id: a, name: X, colour: red}\n", "unknown keys"),
    ("organisations: [\n", "not valid YAML"),
])
def test_user_gazetteer_rejects_bad_entries(tmp_path, text, message):
    (tmp_path / "gazetteer.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(StewardError, match=message):
        dataset_gazetteer(tmp_path)


@pytest.mark.parametrize("present", [False])
def test_user_gazetteer_absent_is_none(tmp_path, present):
    assert dataset_gazetteer(tmp_path) is None


@pytest.mark.parametrize("in_dataset, in_settings, chosen", [
    (False, False, None),
    (True, False, "dataset"),
    (False, True, "named"),
    (True, True, "named"),  # the settings name the file: it wins over the dataset folder's
])
def test_user_gazetteer_for_run_settings_win_over_the_dataset_folder(tmp_path, in_dataset, in_settings, chosen):
    source = fixture_path("steward", "gazetteer.yaml").read_bytes()
    dataset, named = tmp_path / "dataset", tmp_path / "mine.yaml"
    dataset.mkdir()
    named.write_bytes(source)
    if in_dataset:
        (dataset / "gazetteer.yaml").write_bytes(source)
    settings = {"extract": {"user_gazetteer": str(named) if in_settings else ""}}
    expected = {None: None, "dataset": str(dataset / "gazetteer.yaml"), "named": str(named)}[chosen]
    assert gazetteer_for_run(settings, dataset) == expected
    assert with_run_gazetteer(settings, dataset)["extract"]["user_gazetteer"] == (expected or "")


@pytest.mark.parametrize("name", ["gazetteer.yaml"])
def test_user_gazetteer_run_record_names_path_and_sha256(name):
    import hashlib

    path = fixture_path("steward", name)
    record = run_record({"extract": {"user_gazetteer": str(path)}})
    assert record == {"user_gazetteer": {"path": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}}
    assert run_record({"extract": {"user_gazetteer": ""}}) == {}
    assert load_user_gazetteer(path).organisations[0].acronym == "QNB"


@pytest.mark.parametrize("missing", ["nowhere.yaml"])
def test_user_gazetteer_named_but_missing_is_a_clear_error(tmp_path, missing):
    with pytest.raises(StewardError, match=f"user gazetteer .*{missing}: unreadable"):
        with_run_gazetteer({"extract": {"user_gazetteer": str(tmp_path / missing)}}, tmp_path)
