"""Record a steward's decision after checking that its target exists in the dataset as it is now."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from biwaq_extract.errors import DecisionError
from biwaq_extract.steward.changes import compare
from biwaq_extract.steward.decisions import Decision, anchor, append_decision, apply_decisions, read_decisions
from biwaq_extract.steward.review_items import review_items
from biwaq_extract.steward.snapshot import ACKNOWLEDGE_KINDS, KIND_TABLES, load_previous, load_snapshot


def check_target(decision: Decision, tables: dict[str, pd.DataFrame], blockers: set[tuple[str, str, str]]) -> None:
    """DecisionError unless the decision's target exists now (an add needs none; an undo is checked elsewhere).

    `blockers`: (document, kind, text) of the quarantine, fetch and loss items the dataset has open.
    """
    if decision.action in ("add", "undo"):
        return
    if decision.kind in ACKNOWLEDGE_KINDS:
        if (decision.document, decision.kind, decision.text) not in blockers:
            raise DecisionError(f"no open {decision.kind} item {decision.text!r} for {decision.document} in this dataset")
        return
    table, _ = KIND_TABLES[decision.kind]
    if anchor(decision, tables.get(table, pd.DataFrame())) is None:
        raise DecisionError(f"no {decision.kind} {decision.text!r} in document {decision.document}; "
                            f"`biwaq review` lists the records with their exact text, use `add` for a missed one")


def record_decision(dataset: Path, decision: Decision) -> Path:
    """Check the decision against the dataset's current version and append it to the decisions file."""
    snapshot = load_snapshot(dataset)
    if decision.action == "undo":
        known = {d.id for d in read_decisions(dataset) if d.action != "undo"}
        if decision.undoes not in known:
            raise DecisionError(f"no decision {decision.undoes} to undo in {Path(dataset) / 'decisions.jsonl'}")
    elif decision.kind in ACKNOWLEDGE_KINDS:
        items = review_items(snapshot, compare(snapshot, load_previous(dataset)))
        check_target(decision, {}, {i.target for i in items if i.kind in ACKNOWLEDGE_KINDS})
    else:
        # the records as the review shows them: the extractor's rows with the decisions so far applied
        earlier = read_decisions(dataset)
        names = [table for table, _ in KIND_TABLES.values()] + ["event_organisations"]
        extracted = {n: snapshot.extractor_table(n) for n in names}
        tables, _ = apply_decisions(extracted, earlier)
        try:
            check_target(decision, tables, set())
        except DecisionError:
            # a row rejected earlier is still a target: a later accept or reject of it overrules the first
            if decision.action not in ("accept", "reject"):
                raise
            check_target(decision, extracted, set())
        # a trial run catches what only applying shows, e.g. a count linked to an event the document lacks
        _, report = apply_decisions(extracted, earlier + [decision])
        problems = [why for d, why in report.stale if d.id == decision.id]
        if problems:
            raise DecisionError(problems[0])
    return append_decision(dataset, decision)
