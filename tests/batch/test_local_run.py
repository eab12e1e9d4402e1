"""A whole run in this process: the crawl, the date range, the NLP cache and the dataset, without Prefect."""

from __future__ import annotations

import datetime as dt

import pytest

from biwaq_extract.batch.local_run import run_locally
from biwaq_extract.config import load_settings
from biwaq_extract.dataset.storage import read_dataset
from conftest import fixture_path

SITE = fixture_path("pipelines", "site")  # 6 articles published 2023-03-15 ... 2023-11-20, one in English


@pytest.mark.parametrize("start, end, documents, out_of_range", [
    (None, None, 6, 0),
    (dt.date(2023, 6, 1), dt.date(2023, 10, 31), 3, 1),  # --since also stops the crawl at older listing items
])
@pytest.mark.slow
@pytest.mark.integration
def test_local_run_writes_the_dataset_of_the_date_range_and_reuses_the_cache(tmp_path, start, end, documents, out_of_range):
    settings = load_settings(environ={})
    first = run_locally("esf-meldungen", tmp_path, settings, site_folder=SITE, model="blank",
                        published_from=start, published_to=end)
    assert (first.tally.documents_in, first.tally.out_of_range, first.archived.run_rows["documents"]) == (
        documents, out_of_range, documents)
    assert (tmp_path / "crawl" / "articles.jsonl").exists()
    again = run_locally("esf-meldungen", tmp_path, settings, site_folder=SITE, model="blank",
                        published_from=start, published_to=end)
    assert (again.tally.nlp_documents, again.tally.from_cache) == (0, first.tally.nlp_documents)
    assert len(read_dataset(tmp_path)["documents"]) == documents


@pytest.mark.parametrize("gazetteer", ["organisations:\n  - {id: werkstatt-quartier, name: Werkstatt im Quartier}\n"])
@pytest.mark.slow
@pytest.mark.integration
def test_local_run_applies_the_dataset_gazetteer_and_extracts_again_when_it_changes(tmp_path, gazetteer):
    import hashlib
    import json

    settings = load_settings(environ={})
    first = run_locally("esf-meldungen", tmp_path, settings, site_folder=SITE, model="blank")
    assert "user_gazetteer" not in json.loads((tmp_path / "run.json").read_text("utf-8"))["extra"]
    (tmp_path / "gazetteer.yaml").write_text(gazetteer, "utf-8")
    again = run_locally("esf-meldungen", tmp_path, settings, site_folder=SITE, model="blank")
    assert (again.tally.nlp_documents, again.tally.from_cache) == (first.tally.nlp_documents, 0)
    record = json.loads((tmp_path / "run.json").read_text("utf-8"))["extra"]["user_gazetteer"]
    assert record == {"path": str((tmp_path / "gazetteer.yaml").resolve()),
                      "sha256": hashlib.sha256(gazetteer.encode()).hexdigest()}
