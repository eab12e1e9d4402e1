"""The `biwaq` command line: builds the parser from one module per command; domain errors become one-line messages."""

from __future__ import annotations

import argparse
import logging
import sys

from biwaq_extract import __version__
from biwaq_extract.cli import archive, correct, crawl, evaluate, extract, query, review, run
from biwaq_extract.errors import BiwaqError

EXIT_ERROR = 1

# In the order `biwaq --help` lists them: the steps of a run, the run in one go, then the steward's commands.
COMMANDS = (crawl, extract, evaluate, query, run, review, correct, archive)


def _parser_for(sub: argparse._SubParsersAction, name: str, help_text: str, example: str) -> argparse.ArgumentParser:
    """A subcommand parser whose help ends with a one-line example (tests run every example)."""
    return sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"Example: {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biwaq",
        description="Crawl the German ESF newsletter and turn each article into normalised tables.",
        epilog="Example: biwaq extract corpus/site --output outputs/ && biwaq evaluate --gold corpus/gold --pred outputs/documents.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"biwaq-extract {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and debug details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
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
