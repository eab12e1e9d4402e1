"""The `biwaq evaluate` subcommand: score a documents.jsonl against gold annotations (biwaq_extract.evaluate)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

EXIT_OK = 0


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "evaluate",
        "Score predictions against gold annotations: precision, recall and F1 per field, their mean (macro F1), "
        "and the accuracies of people's roles and organisations and of events' types and participants.",
        "biwaq extract corpus/site --output outputs/ && biwaq evaluate --gold corpus/gold --pred outputs/documents.jsonl",
    )
    p.add_argument("--gold", type=Path, required=True, help="gold JSON Lines file or a folder of one-object .json files (docs/gold-format.md)")
    p.add_argument("--pred", type=Path, required=True, help="documents.jsonl written by `biwaq extract`")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from biwaq_extract.evaluate import evaluate_files, format_report

    report = evaluate_files(args.gold, args.pred)
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK
