"""The user gazetteer file: read when valid, a clear error naming the entry when not."""

from __future__ import annotations

import pytest

from biwaq_extract.errors import StewardError
from biwaq_extract.steward.user_gazetteer import dataset_gazetteer, read_user_gazetteer
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
