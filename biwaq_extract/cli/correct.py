"""`biwaq correct`: append one steward decision (accept, reject, set, add, undo) to the dataset's decisions file."""

from __future__ import annotations

import argparse
from pathlib import Path

from biwaq_extract.errors import DecisionError


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "correct",
        "Record a steward's decision in DATASET/decisions.jsonl: accept a review item as correct, reject a record, "
        "set an attribute (event: date, place, participants, type, name; person: role, organisation, org_id; "
        "organisation: org_id; count: event, count, who), add a record the extractor missed, or undo an earlier "
        "decision. The target is named by document id, kind, surface text and position (`biwaq review` prints "
        "the exact command for each item); it must exist in the dataset, except for add.",
        "biwaq extract tests/fixtures/steward/run1.jsonl --model blank --output demo/ && "
        "biwaq correct demo/ accept --document st-2 --kind event --text Workshop --at 90 --why \"no date in the text\"",
    )
    p.add_argument("dataset", type=Path, help="dataset folder")
    p.add_argument("action", choices=("accept", "reject", "set", "add", "undo"), help="what to record")
    p.add_argument("--document", default="", help="document id (for a failed fetch: its URL)")
    p.add_argument("--kind", default="", help="event | count | organisation | person | place | date | programme | quarantine | fetch | loss")
    p.add_argument("--text", default="", help="surface text exactly as `biwaq review` shows it")
    p.add_argument("--at", type=int, default=None, help="character position of the text in the document")
    p.add_argument("--attribute", default=None, help="set: the attribute to change")
    p.add_argument("--value", action="append", default=[],
                   help="set: the new value; add: ATTRIBUTE=VALUE, repeatable (e.g. --value date=2023-02-14 --value type=conference)")
    p.add_argument("--undoes", default=None, help="undo: id of the decision to take back (d-...)")
    p.add_argument("--why", default="", help="the reason, for whoever reads the decisions later")
    p.add_argument("--who", default="", help="who decides (default: $BIWAQ_STEWARD, else the login name)")
    p.set_defaults(func=cmd_correct)


def _record(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise DecisionError(f"add: --value must be ATTRIBUTE=VALUE, not {item!r}")
        out[name.strip()] = value.strip()
    return out


def cmd_correct(args: argparse.Namespace) -> int:
    from biwaq_extract.steward.corrections import record_decision
    from biwaq_extract.steward.decisions import make_decision

    if args.action == "set" and len(args.value) != 1:
        raise DecisionError("set needs exactly one --value")
    decision = make_decision(
        args.action, document=args.document, kind=args.kind, text=args.text, at=args.at,
        attribute=args.attribute, value=args.value[0] if args.action == "set" else None,
        record=_record(args.value) if args.action == "add" else None, undoes=args.undoes, who=args.who, why=args.why,
    )
    path = record_decision(args.dataset, decision)
    print(f"{decision.id}: {decision.action} {decision.kind or decision.undoes} {decision.text!r} in {decision.document or '-'} "
          f"recorded in {path}; `biwaq review {args.dataset}` shows the effect")
    return 0
