"""The `biwaq extract` subcommand: a thin layer over biwaq_extract.extract.run_extract."""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK = 0
EXIT_SOME_FAILED = 3  # the run finished but some documents were quarantined


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "extract",
        "Extract dates, organisations, programmes, people, places, events and participant counts from a JSON Lines "
        "file of documents or a folder of saved HTML pages, and merge them into the dataset in OUTPUT.",
        "biwaq extract corpus/site --output outputs/",
    )
    p.add_argument("input", type=Path, help="JSON Lines file of documents ({id, text, url?, title?, published?}) or a folder of saved HTML pages")
    p.add_argument("--output", "-o", type=Path, required=True, help="folder for documents.jsonl, the tables and run.json")
    p.add_argument("--model", default=None, help="spaCy package or pipeline path, or 'blank' (default: de_core_news_sm if installed)")
    p.add_argument("--settings", type=Path, default=None, help="TOML file overriding the shipped settings")
    p.add_argument("--rebuild", action="store_true",
                   help="replace the dataset in OUTPUT by this run's rows instead of merging them (for a dataset of an "
                        "older schema version, which is refused otherwise); decisions.jsonl stays and applies again")
    p.add_argument("--no-wait", dest="wait", action="store_false",
                   help="fail at once if another run is writing into the same --output folder (default: wait for it)")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import run_extract

    settings = load_settings(args.settings)
    summary = run_extract(args.input, args.output, settings=settings, model=args.model, wait=args.wait,
                          rebuild=args.rebuild)
    print(
        f"{summary.documents_in} documents read, {summary.documents_ok} extracted, "
        f"{summary.documents_failed} quarantined; model {summary.model.name} {summary.model.version}; "
        f"outputs in {args.output}"
    )
    return EXIT_SOME_FAILED if summary.documents_failed else EXIT_OK
