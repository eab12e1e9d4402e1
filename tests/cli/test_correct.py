"""`biwaq correct`: decisions appended after checking their target; bad ones refused with a reason."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.cli.main import main


def _lines(dataset):
    path = dataset / "decisions.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.mark.parametrize("args", [
    ["accept", "--document", "st-2", "--kind", "event", "--text", "Workshop", "--at", "90", "--why", "no date given"],
    ["set", "--document", "st-3", "--kind", "person", "--text", "Markus Lehmann", "--attribute", "role", "--value", "Projektleiter"],
    ["add", "--document", "st-3", "--kind", "event", "--text", "Abschlussfest", "--at", "140", "--value", "type=other"],
])
def test_correct_appends_one_decision(copy_dataset, capsys, args):
    dataset = copy_dataset("one_run")
    assert main(["correct", str(dataset), *args, "--who", "Steward A"]) == 0
    (line,) = _lines(dataset)
    assert (line["action"], line["who"]) == (args[0], "Steward A") and line["when"].endswith("Z")
    assert line["id"] in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["reject", "--document", "st-2", "--kind", "event", "--text", "Tagung"], "no event 'Tagung' in document st-2"),
    (["set", "--document", "st-2", "--kind", "event", "--text", "Workshop", "--attribute", "date", "--value", "Mai"], "YYYY-MM-DD"),
    (["accept", "--document", "st-2", "--kind", "quarantine", "--text", "read"], "no open quarantine item"),
    (["undo", "--undoes", "d-000000000000"], "no decision d-000000000000"),
    (["add", "--document", "st-2", "--kind", "event", "--text", "Fest"], "needs the position"),
])
def test_correct_refuses_a_bad_decision(copy_dataset, capsys, args, message):
    dataset = copy_dataset("one_run")
    assert main(["correct", str(dataset), *args]) == 1
    assert message in capsys.readouterr().err
    assert _lines(dataset) == []


@pytest.mark.parametrize("target", [["--document", "st-2", "--kind", "event", "--text", "Workshop", "--at", "90"]])
def test_correct_undo_reopens_the_item(copy_dataset, capsys, target):
    dataset = copy_dataset("one_run")
    main(["review", str(dataset), "--json"])
    before = len(json.loads(capsys.readouterr().out)["open_items"])
    main(["correct", str(dataset), "accept", *target])
    decision_id = _lines(dataset)[0]["id"]
    main(["correct", str(dataset), "undo", "--undoes", decision_id, "--why", "accepted by mistake"])
    capsys.readouterr()
    main(["review", str(dataset), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["open_items"]) == before and len(_lines(dataset)) == 2
