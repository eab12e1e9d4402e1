"""Quality gates: extraction scored against gold must not fall below the pinned floors.

Floors are the F1 reached with the rule-only pipeline (no trained model) when they were pinned, minus a
small margin, so a change that makes extraction worse fails here. Raise them when quality improves.
The dev set is real ESF articles kept outside the repo (../shared/eval); the corpus gold is our own.
"""

from __future__ import annotations

import json

import pytest

from biwaq_extract.config import load_settings
from biwaq_extract.dataset.document_view import document_view
from biwaq_extract.reading.documents import document_from_mapping
from biwaq_extract.evaluate import evaluate, load_records
from biwaq_extract.extract import process
from conftest import REPO, SHARED_EVAL

DEV_FLOORS = {
    "dates": 0.95,
    "organisations": 0.95,
    "programmes": 0.95,
    "people": 0.95,
    "locations": 0.93,
    "events": 0.80,
    "participant_counts": 0.90,
}
CORPUS_FLOORS = {
    "dates": 0.97,
    "organisations": 0.91,
    "programmes": 0.92,
    "people": 0.96,
    "locations": 0.88,
    "events": 0.67,
    "participant_counts": 0.94,
}


def _score(nlp, gold: dict[str, dict]) -> dict:
    docs = [document_from_mapping(g, g["id"]) for g in gold.values()]
    views = {r.document.id: document_view(r) for r, _ in process(nlp, docs, load_settings())}
    return evaluate(gold, views)


@pytest.fixture(scope="module")
def dev_report(nlp):
    path = SHARED_EVAL / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"dev set not available at {path}")
    return _score(nlp, load_records(path))


@pytest.fixture(scope="module")
def corpus_report(nlp):
    return _score(nlp, load_records(REPO / "corpus" / "gold"))


@pytest.mark.parametrize("field, floor", sorted(DEV_FLOORS.items()))
def test_quality_dev_set_f1_floor(dev_report, field, floor):
    f1 = dev_report["fields"][field]["f1"]
    assert f1 >= floor, f"{field}: F1 {f1:.3f} < floor {floor} on the dev set\n{json.dumps(dev_report['fields'][field])}"


@pytest.mark.parametrize("field, floor", sorted(CORPUS_FLOORS.items()))
def test_quality_corpus_gold_f1_floor(corpus_report, field, floor):
    f1 = corpus_report["fields"][field]["f1"]
    assert f1 >= floor, f"{field}: F1 {f1:.3f} < floor {floor} on corpus/gold\n{json.dumps(corpus_report['fields'][field])}"


@pytest.mark.parametrize("minimum", [44])
def test_quality_corpus_gold_covers_enough_articles(minimum):
    assert len(load_records(REPO / "corpus" / "gold")) >= minimum
