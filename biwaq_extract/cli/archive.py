"""`biwaq archive`: write a versioned BagIt package of a dataset, or verify the fixity of one."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from biwaq_extract.errors import StewardError

EXIT_OK = 0
EXIT_DAMAGED = 4  # the package failed its fixity check


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "archive",
        "Write a new BagIt package (RFC 8493, sha256 manifests) of DATASET under --output, named "
        "biwaq-<run id>-vN and never overwritten: tables (Parquet and CSV), datapackage.json, report.html, "
        "run.json, documents.jsonl, decisions and user gazetteer, the crawl's WARC files and fetch log. Refused "
        "while `biwaq review` says the dataset needs attention, unless --force (recorded in bag-info.txt). "
        "With --verify BAG: check every file's checksum and name the damaged ones (exit status 4).",
        "biwaq archive outputs/ --output archive/ --force && biwaq archive --verify archive/biwaq-*-v1",
    )
    p.add_argument("dataset", type=Path, nargs="?", help="dataset folder to archive")
    p.add_argument("--output", "-o", type=Path, default=None, help="folder that receives the package")
    p.add_argument("--force", action="store_true", help="archive even though the dataset needs attention")
    p.add_argument("--verify", type=Path, metavar="BAG", default=None, help="verify an existing package instead")
    p.set_defaults(func=cmd_archive)


def cmd_archive(args: argparse.Namespace) -> int:
    from biwaq_extract.steward.archive import verify_package, write_package

    logging.getLogger("bagit").setLevel(logging.ERROR)  # one line per file hashed would drown the result
    if args.verify is not None:
        fixity = verify_package(args.verify)
        if fixity.valid:
            print(f"{fixity.path}: valid; every file matches its sha256 checksum")
            return EXIT_OK
        print(f"{fixity.path}: DAMAGED", file=sys.stderr)
        for problem in fixity.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_DAMAGED
    if args.dataset is None or args.output is None:
        raise StewardError("give DATASET and --output DIR to write a package, or --verify BAG to check one")
    package = write_package(args.dataset, args.output, force=args.force)
    forced = " (forced: the dataset needs attention)" if package.forced else ""
    print(f"{package.path}: {package.files} files, {package.bytes} bytes, verdict {package.verdict}{forced}")
    return EXIT_OK
