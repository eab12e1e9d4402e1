"""Scoring follows docs/gold-format.md: what counts as a match for each field and attribute."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from biwaq_extract.evaluate import evaluate, evaluate_files, fold, format_report, strip_titles
from conftest import fixture_path


@pytest.fixture(scope="module")
def report():
    return evaluate_files(fixture_path("evaluate", "gold.jsonl"), fixture_path("evaluate", "pred.jsonl"))


@pytest.mark.parametrize(
    "field, tp, pred, gold",
    [
        ("dates", 1, 2, 3),  # 12.11.2019 read as 11 December is wrong; document b has no prediction
        ("organisations", 1, 2, 2),  # acronym matches case-folded; BBSR is a false positive
        ("programmes", 2, 2, 3),
        ("people", 1, 1, 1),  # "Dr. Erika Mustermann" matches the gold name without the title
        ("locations", 1, 1, 2),
        ("events", 1, 1, 1),  # same start date and same place (case-folded)
        ("participant_counts", 0, 1, 1),  # right count, wrong qualifier
    ],
)
def test_evaluate_counts_matches_per_field(report, field, tp, pred, gold):
    scores = report["fields"][field]
    assert (scores["tp"], scores["pred"], scores["gold"]) == (tp, pred, gold)


@pytest.mark.parametrize(
    "attribute, accuracy",
    [("people.role", 1.0), ("people.organisation", 0.0), ("events.type", 0.0), ("events.participants", 1.0)],
)
def test_evaluate_reports_attribute_accuracy(report, attribute, accuracy):
    assert report["attributes"][attribute]["accuracy"] == accuracy


@pytest.mark.parametrize("missing", [["b"]])
def test_evaluate_lists_documents_without_prediction(report, missing):
    assert report["missing_predictions"] == missing


@pytest.mark.parametrize("name, expected", [("Dr. Erika  Mustermann", "Erika Mustermann"), ("Prof. Dr. Jan Weber", "Jan Weber")])
def test_evaluate_strips_academic_titles(name, expected):
    assert strip_titles(name) == expected
    assert fold(name.upper()) != ""


@pytest.mark.parametrize("flag", ["", "--json"])
def test_evaluate_cli_prints_all_seven_fields(flag):
    args = [sys.executable, "-m", "biwaq_extract.cli.main", "evaluate", "--gold", str(fixture_path("evaluate", "gold.jsonl")),
            "--pred", str(fixture_path("evaluate", "pred.jsonl"))] + ([flag] if flag else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    fields = ("dates", "organisations", "programmes", "people", "locations", "events", "participant_counts")
    if flag:
        assert set(json.loads(out)["fields"]) == set(fields)
    else:
        assert all(f in out for f in fields)


@pytest.mark.parametrize("gold_url, pred_url", [("https://www.esf.de/portal/a.html", "http://www.esf.de/portal/a.html;jsessionid=ABC")])
def test_evaluate_matches_documents_by_url_when_ids_differ(gold_url, pred_url):
    from biwaq_extract.evaluate import evaluate

    gold = {"corpus-001": {"id": "corpus-001", "url": gold_url, "programmes": ["BIWAQ"]}}
    pred = {"esf-a": {"id": "esf-a", "url": pred_url, "programmes": ["BIWAQ"]}}
    report = evaluate(gold, pred)
    assert report["missing_predictions"] == []
    assert report["fields"]["programmes"]["tp"] == 1


@pytest.mark.parametrize(
    "gold_event, pred_location, matched",
    [
        ({"start": "2019-09-25", "location": "Köln", "venue": "Gürzenich"}, "Köln", True),
        ({"start": "2019-09-25", "location": "Köln", "venue": "Gürzenich"}, "Gürzenich", True),
        ({"start": "2019-09-25", "location": None, "venue": "Gürzenich"}, "Gürzenich", True),
        ({"start": "2019-09-25", "location": "Köln", "venue": "Gürzenich"}, "Bonn", False),
        ({"start": "2019-09-25", "location": "Köln"}, None, False),
    ],
)
def test_evaluate_event_location_may_match_the_gold_venue(gold_event, pred_location, matched):
    gold = {"a": {"id": "a", "events": [{"type": "conference", **gold_event}]}}
    pred = {"a": {"id": "a", "events": [{"type": "conference", "start": "2019-09-25", "location": pred_location}]}}
    assert evaluate(gold, pred)["fields"]["events"]["tp"] == int(matched)


@pytest.mark.parametrize("flag", [""])
def test_evaluate_macro_f1_is_the_mean_of_the_seven_fields(report, flag):
    fields = report["fields"]
    assert report["macro_f1"] == pytest.approx(sum(s["f1"] for s in fields.values()) / 7, abs=1e-4)
    assert "macro F1" in format_report(report)
