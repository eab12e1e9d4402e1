"""Decisions: the file, re-anchoring across reruns, stale decisions, and apply_decisions on plain frames."""

from __future__ import annotations

import pandas as pd
import pytest

from biwaq_extract.errors import DecisionError
from biwaq_extract.steward.decisions import (
    Decision, anchor, append_decision, apply_decisions, decisions_digest, make_decision, read_decisions,
)
from biwaq_extract.steward.verdict import assess, format_verdict


def _events(*rows) -> pd.DataFrame:
    """An events frame: (event_id, document_id, text, start_char, start date or None)."""
    return pd.DataFrame(
        [{"event_id": i, "document_id": d, "text": t, "start_char": s, "end_char": s + len(t), "type": "workshop",
          "start_date": day, "end_date": day, "location": None, "place_id": None, "participants": None, "rule": "rule:x"}
         for i, d, t, s, day in rows])


def _accept(text, at, document="st-2"):
    return make_decision("accept", document=document, kind="event", text=text, at=at, who="t", when="2025-01-01T00:00:00Z")


@pytest.mark.parametrize("at, expected", [(90, "b"), (10, "a"), (None, "a"), (200, "b")])
def test_decisions_anchor_takes_same_text_nearest_position(at, expected):
    frame = _events(("a", "st-2", "Workshop", 5, None), ("b", "st-2", "Workshop", 127, None), ("c", "st-1", "Workshop", 90, None))
    index = anchor(_accept("Workshop", at), frame)
    assert frame.at[index, "event_id"] == expected


@pytest.mark.parametrize("text", ["workshop", "Work  shop", "Tagung"])
def test_decisions_anchor_other_text_or_case(text):
    frame = _events(("a", "st-2", "Workshop", 5, None))
    found = anchor(_accept(text, 5), frame)
    assert (found is not None) == (text == "workshop")


@pytest.mark.parametrize("rows, stale", [((5,), True), ((5, 110), False)])
def test_decisions_two_decisions_do_not_share_one_record(rows, stale):
    """A reject of the duplicate at 110 does not take the record another decision names at 5 when the
    extractor now finds only that one: it is stale, and the dated record stays."""
    events = _events(*[(f"e{at}", "st-2", "Werkstatt", at, None) for at in rows])
    dated = make_decision("set", document="st-2", kind="event", text="Werkstatt", at=5, attribute="date",
                          value="2023-10-04", who="t", when="2025-01-01T00:00:00Z")
    duplicate = make_decision("reject", document="st-2", kind="event", text="Werkstatt", at=110, who="t",
                              when="2025-01-01T00:01:00Z")
    out, report = apply_decisions({"events": events}, [dated, duplicate])
    assert list(out["events"]["event_id"]) == ["e5"]
    assert str(out["events"].at[0, "start_date"]) == "2023-10-04"
    assert [d.id for d, _ in report.stale] == ([duplicate.id] if stale else [])


@pytest.mark.parametrize("action, attribute, value", [("set", "date", "2023-04-01/2023-04-02"), ("set", "participants", "40"),
                                                      ("reject", None, None)])
def test_decisions_apply_is_pure_and_marks_steward_rows(action, attribute, value):
    events = _events(("a", "st-2", "Workshop", 90, None), ("b", "st-2", "Fachtag", 10, None))
    counts = pd.DataFrame([{"count_id": "k", "document_id": "st-2", "text": "40 Leute", "start_char": 0, "event_id": "a", "rule": "r"}])
    tables = {"events": events, "participant_counts": counts}
    d = make_decision(action, document="st-2", kind="event", text="Workshop", at=90, attribute=attribute, value=value, who="t")
    out, report = apply_decisions(tables, [d])
    assert events.at[0, "rule"] == "rule:x" and counts.at[0, "event_id"] == "a"  # the input is untouched
    assert report.applied == [(d.id, action, "a")]
    if action == "reject":
        assert list(out["events"]["event_id"]) == ["b"]
        assert pd.isna(out["participant_counts"].at[0, "event_id"])  # the count lost its link to the rejected event
    else:
        row = out["events"].iloc[0]
        assert row["rule"] == "steward"
        assert str(row["start_date"] if attribute == "date" else row["participants"]) == ("2023-04-01" if attribute == "date" else "40")


@pytest.mark.parametrize("kind, record", [("event", {"date": "2023-02-14", "type": "conference"})])
def test_decisions_add_appends_a_steward_row_unless_extracted(kind, record):
    events = _events(("a", "st-2", "Workshop", 90, None))
    add = make_decision("add", document="st-2", kind=kind, text="Jahrestagung", at=300, record=record, who="t")
    out, report = apply_decisions({"events": events}, [add])
    added = out["events"][out["events"]["text"] == "Jahrestagung"].iloc[0]
    assert (added["rule"], added["type"], str(added["start_date"])) == ("steward", "conference", "2023-02-14")
    # once the extractor finds the record itself, the add is reported as superseded, not duplicated
    found = _events(("a", "st-2", "Workshop", 90, None), ("z", "st-2", "Jahrestagung", 302, None))
    out, report = apply_decisions({"events": found}, [add])
    assert len(out["events"]) == 2 and report.superseded == [(add.id, "z")]


@pytest.mark.parametrize("undo_first", [True, False])
def test_decisions_later_decision_undoes_earlier(undo_first):
    events = _events(("a", "st-2", "Workshop", 90, None))
    reject = make_decision("reject", document="st-2", kind="event", text="Workshop", at=90, who="t", when="2025-01-01T00:00:00Z")
    later = (make_decision("undo", undoes=reject.id, who="t") if undo_first
             else make_decision("accept", document="st-2", kind="event", text="Workshop", at=90, who="t"))
    out, report = apply_decisions({"events": events}, [reject, later])
    assert list(out["events"]["event_id"]) == ["a"]
    assert report.accepted == (set() if undo_first else {"a"})


@pytest.mark.parametrize("line, message", [("{not json", ":2: not a valid decision"),
                                           ('{"action": "burn"}', "unknown action"),
                                           ('{"action": "set", "document": "d", "kind": "event", "text": "x", "attribute": "colour", "value": 1}', "attribute must be one of")])
def test_decisions_bad_line_names_file_and_line(tmp_path, line, message):
    append_decision(tmp_path, _accept("Workshop", 90))
    with open(tmp_path / "decisions.jsonl", "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(DecisionError, match=message):
        read_decisions(tmp_path)


@pytest.mark.parametrize("n", [2])
def test_decisions_file_round_trip_and_digest(tmp_path, n):
    decisions = [_accept("Workshop", 90 + i) for i in range(n)]
    for d in decisions:
        append_decision(tmp_path, d)
    lines = (tmp_path / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and lines[0].startswith('{"id": "d-')  # one line per decision: one line per git diff
    assert read_decisions(tmp_path) == decisions
    assert decisions_digest(read_decisions(tmp_path)) == decisions_digest(decisions) != decisions_digest(decisions[:1])


@pytest.mark.parametrize("text, at", [("Workshop", 90)])
def test_decisions_survive_a_rerun_with_moved_text(copy_dataset, text, at):
    """Decided on the first run (Workshop at 90); the second run moved it to 127 and changed every id."""
    dataset = copy_dataset("rerun")
    decision = make_decision("set", document="st-2", kind="event", text=text, at=at, attribute="date", value="2023-04-01", who="t")
    append_decision(dataset, decision)
    verdict = assess(dataset)
    assert [a for a in verdict.decisions.applied if a[0] == decision.id]
    assert not verdict.decisions.stale
    assert not [i for i in verdict.open_items if i.document_id == "st-2" and i.text == text]


@pytest.mark.parametrize("text, at", [("Netzwerktreffen", 0)])
def test_decisions_stale_decision_is_reported_not_dropped(copy_dataset, text, at):
    dataset = copy_dataset("rerun")  # the second run's st-2 no longer calls it a Netzwerktreffen
    decision = _accept(text, at)
    append_decision(dataset, decision)
    verdict = assess(dataset)
    assert [(d.id, why) for d, why in verdict.decisions.stale] == [(decision.id, f"no event {text!r} in document st-2 any more")]
    assert read_decisions(dataset) == [decision]
    assert f"stale {decision.id}" in format_verdict(verdict, "D")


@pytest.mark.parametrize("fields", [{"action": "accept", "document": "st-2", "kind": "event", "text": "Workshop"}])
def test_decisions_id_depends_on_content(fields):
    a = make_decision(**fields, who="a", when="2025-01-01T00:00:00Z")
    b = make_decision(**fields, who="b", when="2025-01-01T00:00:00Z")
    assert a.id != b.id and a.id.startswith("d-") and isinstance(a, Decision)


@pytest.mark.parametrize("decisions", [[
    ("set", "st-2", "event", "Workshop", 90, {"attribute": "date", "value": "2023-04-01"}),
    ("add", "st-3", "event", "Abschlussfest", 140, {"record": {"date": "2023-06-01", "participants": "3"}}),
    ("add", "st-3", "date", "1. Juni", 170, {"record": {"date": "2023-06-01"}}),
    ("add", "st-3", "count", "12 Gäste", 150, {"record": {"count": "12", "event": "Abschlussfest"}}),
    ("reject", "st-1", "event", "Fachtag", 0, {}),
]])
def test_decisions_applied_tables_still_fit_the_dataset_schema(steward_datasets, decisions):
    """What the dataset writer will store: typed as read by the storage layer, checked by the same pandera schemas."""
    from biwaq_extract.dataset.schemas import TABLES, conform, pandera_schema

    folder = steward_datasets["one_run"]
    names = ["events", "dates", "participant_counts"]
    tables = {n: conform(pd.read_parquet(folder / "tables" / f"{n}.parquet"), TABLES[n]) for n in names}
    made = [make_decision(a, document=d, kind=k, text=t, at=at, who="t", **extra) for a, d, k, t, at, extra in decisions]
    out, report = apply_decisions(tables, made)
    assert not report.stale and len(report.applied) == len(made)
    for name in names:
        pandera_schema(TABLES[name]).validate(conform(out[name], TABLES[name]))
    assert (out["events"]["rule"] == "steward").sum() == 2
