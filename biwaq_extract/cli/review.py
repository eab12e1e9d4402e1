"""`biwaq review`: the steward's verdict, crawl facts, changes since the previous run and the open review items."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_READY = 0
EXIT_ATTENTION = 3  # as a run with quarantined documents: finished, but someone should look


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "review",
        "Say whether a dataset is ready to archive or needs attention, why, what the crawl did, what changed since "
        "the previous run, and list the open review items (most likely wrong first) with the `biwaq correct` "
        "commands that settle each. Exit status 3 while it needs attention.",
        "biwaq review outputs/",
    )
    p.add_argument("dataset", type=Path, help="dataset folder written by `biwaq extract` or `biwaq run`")
    p.add_argument("--json", action="store_true", help="print everything as one JSON object")
    p.add_argument("--high-only", action="store_true",
                   help="list only the high-risk items (those that block archiving); the verdict is the same")
    p.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from biwaq_extract.steward.verdict import assess, format_verdict

    verdict = assess(args.dataset)
    try:
        if args.json:
            data = verdict.as_dict()
            if args.high_only:
                data["open_items"] = [i for i in data["open_items"] if i["risk"] == "high"]
            print(json.dumps(data, indent=1, ensure_ascii=False, default=str))
        else:
            print(format_verdict(verdict, str(args.dataset), high_only=args.high_only))
        sys.stdout.flush()
    except BrokenPipeError:  # `biwaq review ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_READY if verdict.ready else EXIT_ATTENTION
