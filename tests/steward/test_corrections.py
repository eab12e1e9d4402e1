"""Recording a decision: its target must exist in the dataset as it is now (except add); undo needs its decision."""

from __future__ import annotations

import pytest

from biwaq_extract.errors import DecisionError
from biwaq_extract.steward.corrections import record_decision
from biwaq_extract.steward.decisions import make_decision, read_decisions


@pytest.mark.parametrize("fields, ok", [
    ({"action": "accept", "document": "st-2", "kind": "event", "text": "Workshop", "at": 90}, True),
    ({"action": "accept", "document": "st-2", "kind": "event", "text": "Workshop", "at": 5000}, True),  # nearest wins
    ({"action": "reject", "document": "st-9", "kind": "event", "text": "Workshop"}, False),
    ({"action": "add", "document": "st-9", "kind": "event", "text": "Sommerfest", "at": 3}, True),
    ({"action": "accept", "document": "empty", "kind": "quarantine", "text": "validate"}, False),  # not in this dataset
    ({"action": "set", "document": "st-2", "kind": "count", "text": "Über 300 Menschen", "attribute": "event", "value": "Workshop"}, True),
    ({"action": "set", "document": "st-2", "kind": "count", "text": "Über 300 Menschen", "attribute": "event", "value": "Gala"}, False),
])
def test_corrections_target_must_exist(copy_dataset, fields, ok):
    dataset = copy_dataset("one_run")
    decision = make_decision(**fields, who="t")
    if ok:
        record_decision(dataset, decision)
        assert read_decisions(dataset) == [decision]
    else:
        with pytest.raises(DecisionError):
            record_decision(dataset, decision)
        assert read_decisions(dataset) == []


@pytest.mark.parametrize("document, stage", [("empty", "validate"), ("mixed.jsonl:2", "read")])
def test_corrections_quarantine_can_be_acknowledged(copy_dataset, document, stage):
    dataset = copy_dataset("mixed")
    record_decision(dataset, make_decision("accept", document=document, kind="quarantine", text=stage, who="t"))
    assert len(read_decisions(dataset)) == 1
