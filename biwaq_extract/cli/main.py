"""The `biwaq` command line: a thin layer over the library; domain errors become one-line messages."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from biwaq_extract import __version__
from biwaq_extract.cli import archive, correct, crawl, query, review, run
from biwaq_extract.errors import BiwaqError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_SOME_FAILED = 3  # the run finished but some documents were quarantined


def _parser_for(sub: argparse._SubParsersAction, name: str, help_text: str, example: str) -> argparse.ArgumentParser:
    """A subcommand parser whose help ends with a one-line example (tests check every command has one)."""
    return sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"Example: {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


# --- extract -------------------------------------------------------------------------------------------

def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = _parser_for(
        sub,
        "extract",
        "Extract dates, organisations, programmes, people, places, events and participant counts.",
        "biwaq extract corpus/articles.jsonl --output outputs/",
    )
    p.add_argument("input", type=Path, help="JSON Lines file of documents ({id, text, url?, title?, published?}) or a folder of saved HTML pages")
    p.add_argument("--output", "-o", type=Path, required=True, help="folder for documents.jsonl, the tables and run.json")
    p.add_argument("--model", default=None, help="spaCy package or pipeline path, or 'blank' (default: de_core_news_sm if installed)")
    p.add_argument("--settings", type=Path, default=None, help="TOML file overriding the shipped settings")
    p.add_argument("--no-wait", dest="wait", action="store_false",
                   help="fail at once if another run is writing into the same --output folder (default: wait for it)")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import run_extract

    settings = load_settings(args.settings)
    summary = run_extract(args.input, args.output, settings=settings, model=args.model, wait=args.wait)
    print(
        f"{summary.documents_in} documents read, {summary.documents_ok} extracted, "
        f"{summary.documents_failed} quarantined; model {summary.model.name} {summary.model.version}; "
        f"outputs in {args.output}"
    )
    return EXIT_SOME_FAILED if summary.documents_failed else EXIT_OK


# --- evaluate ------------------------------------------------------------------------------------------

def _add_evaluate(sub: argparse._SubParsersAction) -> None:
    p = _parser_for(
        sub,
        "evaluate",
        "Score predictions against gold annotations (precision, recall, F1 per field; attribute accuracies).",
        "biwaq evaluate --gold corpus/gold.jsonl --pred outputs/documents.jsonl",
    )
    p.add_argument("--gold", type=Path, required=True, help="gold JSON Lines file (GOLD_FORMAT.md) or a folder of gold .json files")
    p.add_argument("--pred", type=Path, required=True, help="documents.jsonl written by `biwaq extract`")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from biwaq_extract.evaluate import evaluate_files, format_report

    report = evaluate_files(args.gold, args.pred)
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK


# --- main ----------------------------------------------------------------------------------------------

COMMANDS = [_add_extract, _add_evaluate]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biwaq",
        description="Scrape the German ESF newsletter and turn each article into normalised tables.",
        epilog="Example: biwaq extract corpus/articles.jsonl --output outputs/ && biwaq evaluate --gold corpus/gold.jsonl --pred outputs/documents.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"biwaq-extract {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and debug details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    for module in (crawl, query, run, review, correct, archive):
        module.register(sub, _parser_for)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    logging.captureWarnings(True)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return args.func(args)
    except BiwaqError as exc:
        print(f"biwaq {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
