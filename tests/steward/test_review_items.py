"""Review items: what counts as likely wrong, how items are ranked, and the commands they carry."""

from __future__ import annotations

import shlex
from pathlib import Path

import pandas as pd
import pytest

from biwaq_extract.cli.main import build_parser
from biwaq_extract.steward.review_items import person_name_in, review_items, role_word_in
from biwaq_extract.steward.snapshot import Snapshot


def _snapshot(**tables) -> Snapshot:
    return Snapshot(Path("/nonexistent"), {"run_id": "r"}, (), {name: pd.DataFrame(rows) for name, rows in tables.items()})


def _org(text, org_id="bmas", start=0, document="d1"):
    return {"mention_id": f"m{start}", "document_id": document, "text": text, "start_char": start, "org_id": org_id, "rule": "gazetteer"}


@pytest.mark.parametrize("text, reason", [
    ("Staatssekretärin Anna Berger vom BMWSB", "org_person_name"),
    ("Projektleiterin des Quartiersbüros", "org_role_word"),
    ("Bundesministerium für Arbeit und Soziales", None),
])
def test_review_items_organisation_name_holding_role_or_person(text, reason):
    items = review_items(_snapshot(org_mentions=[_org(text)]))
    assert [i.reason for i in items] == ([reason] if reason else [])


@pytest.mark.parametrize("org_id, items", [("text:quartiersnetz-bremen", 0)])
def test_review_items_not_in_gazetteer_is_information_not_an_item(org_id, items):
    snapshot = _snapshot(org_mentions=[_org("Quartiersnetz Bremen", org_id), _org("Leiterin Quartiersnetz", org_id, 40)])
    found = review_items(snapshot)
    assert len(found) == 1 and found[0].reason == "org_role_word"  # only the role word makes an item
    assert found[0].info == ("not in the gazetteer",)


@pytest.mark.parametrize("steward_rule", ["steward"])
def test_review_items_ranked_most_likely_wrong_first(steward_rule):
    snapshot = _snapshot(
        events=[{"event_id": "e1", "document_id": "d1", "text": "Fachtag", "start_char": 0, "type": "conference", "start_date": None, "location": "Kassel", "rule": "r"},
                {"event_id": "e2", "document_id": "d1", "text": "Workshop", "start_char": 50, "type": "workshop", "start_date": None, "location": None, "rule": "r"},
                {"event_id": "e3", "document_id": "d1", "text": "Messe", "start_char": 80, "type": "fair", "start_date": "2023-01-01", "location": None, "rule": "r"},
                {"event_id": "e4", "document_id": "d1", "text": "Tagung", "start_char": 90, "type": "conference", "start_date": None, "location": None, "rule": steward_rule}],
        participant_counts=[{"count_id": "c1", "document_id": "d1", "text": "300 Menschen", "start_char": 20, "count": 300, "who": "Menschen", "event_id": None, "rule": "r"}],
        person_mentions=[{"mention_id": "p1", "document_id": "d1", "text": "Markus Lehmann", "start_char": 30, "role": None, "organisation": None, "org_id": None, "rule": "r"}],
    )
    items = review_items(snapshot)
    assert [(i.reason, i.text) for i in items] == [
        ("event_no_date_no_place", "Workshop"), ("event_no_date", "Fachtag"), ("event_no_place", "Messe"),
        ("count_no_event", "300 Menschen"), ("person_no_tie", "Markus Lehmann")]  # the steward's own row is not listed
    assert [i.risk for i in items] == ["high", "high", "medium", "medium", "medium"]


@pytest.mark.parametrize("text, expected", [("Staatssekretärin im BMAS", "Staatssekretärin"), ("Bundesagentur für Arbeit", None),
                                            ("Oberbürgermeisterin der Stadt", "Oberbürgermeisterin"),
                                            ("Der Senator für Inneres", None), ("Senatorin für Arbeit", None)])
def test_review_items_role_word_in(text, expected):
    assert role_word_in(text) == expected


@pytest.mark.parametrize("text, people, expected", [("Anna Berger vom BMWSB", (), "Anna Berger"),
                                                    ("Jobcenter Nord", ("Jobcenter Nord",), "Jobcenter Nord"),
                                                    ("Deutscher Caritasverband", (), None)])
def test_review_items_person_name_in(text, people, expected):
    assert person_name_in(text, people) == expected


@pytest.mark.parametrize("action", ["accept", "reject", "fix"])
def test_review_items_commands_parse_as_biwaq_correct(action):
    snapshot = _snapshot(events=[{"event_id": "e1", "document_id": "st-2", "text": "Tag der offenen Tür", "start_char": 7,
                                  "type": "other", "start_date": None, "location": None, "rule": "r"}])
    command = review_items(snapshot)[0].commands("out put/")[action]
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert (args.command, str(args.dataset), args.document, args.kind, args.text, args.at) == \
        ("correct", "out put", "st-2", "event", "Tag der offenen Tür", 7)
    assert args.action == {"fix": "set"}.get(action, action)


@pytest.mark.parametrize("kind, date, reason", [("webinar", "2023-01-01", None), ("webinar", None, "event_no_date"),
                                                ("workshop", "2023-01-01", "event_no_place")])
def test_review_items_online_events_miss_no_place(kind, date, reason):
    snapshot = _snapshot(events=[{"event_id": "e1", "document_id": "d1", "text": "Online-Seminar", "start_char": 0, "type": kind,
                                  "start_date": date, "location": None, "rule": "r"}])
    assert [i.reason for i in review_items(snapshot)] == ([reason] if reason else [])
