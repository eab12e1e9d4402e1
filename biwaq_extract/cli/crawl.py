"""The `biwaq crawl` subcommand: a thin layer over biwaq_extract.crawl.crawler."""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK = 0
EXIT_SOME_FAILED = 3  # the crawl finished but some pages could not be fetched (see fetch_log.csv)


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "crawl",
        "Crawl a newsletter or news listing politely (robots.txt, delays, retries), archive every response as "
        "WARC and write DIR/articles.jsonl for `biwaq extract`. START may be a URL, a source name from the "
        "settings (esf-meldungen, esf-newsletter), or a folder holding a saved site (e.g. corpus/site), which is "
        "served on 127.0.0.1 for the length of the crawl. Rerun with the same --output to resume or re-crawl: "
        "unchanged pages are not downloaded again.",
        "biwaq crawl corpus/site --since 2023-01-01 --output crawl/ && biwaq extract crawl/articles.jsonl --output outputs/",
    )
    p.add_argument("start", metavar="START_URL", help="listing page to start from (pagination and article links are followed on its host only), a source name, or a saved-site folder")
    p.add_argument("--output", "-o", type=Path, required=True, help="folder for articles.jsonl, fetch_log.csv, crawl_summary.json and warc/; reuse it to resume or re-crawl")
    p.add_argument("--max-pages", type=int, default=0, metavar="N", help="visit at most N listing and article pages (default: no limit)")
    p.add_argument("--since", default=None, metavar="DATE", help="only articles published on or after DATE (2023-05-01 or 01.05.2023); older listing pages are not followed")
    p.add_argument("--settings", type=Path, default=None, help="TOML file overriding the shipped settings ([crawl], [[sources]], [[extra_sources]])")
    p.set_defaults(func=cmd_crawl)


def cmd_crawl(args: argparse.Namespace) -> int:
    from biwaq_extract.config import load_settings
    from biwaq_extract.crawl.crawler import crawl

    settings = load_settings(args.settings)
    s = crawl(args.start, args.output, settings, max_pages=args.max_pages, since=args.since)
    print(
        f"{s.pages} pages visited ({s.listings} listings): {s.downloaded} downloaded, {s.not_modified} unchanged (304), "
        f"{s.skipped} taken from the archive, {s.failed} failed; {s.refused_by_robots} refused by robots.txt, "
        f"{s.out_of_scope} out of scope. {s.articles} articles ({s.duplicates} duplicates, {s.too_old} older than --since) "
        f"in {s.seconds:.1f} s; written to {Path(args.output) / 'articles.jsonl'}"
    )
    return EXIT_SOME_FAILED if s.failed else EXIT_OK
