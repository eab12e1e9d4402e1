"""The `biwaq query` subcommand: DuckDB SQL over a dataset folder, printed as a readable table or CSV."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from biwaq_extract.errors import QueryError


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "query",
        "Run DuckDB SQL over the tables of a dataset written by `biwaq extract` (views: documents, events, "
        "organisations, org_mentions, people, person_mentions, ..., history_<table>).",
        "biwaq extract corpus/site --output outputs/ && biwaq query --dataset outputs/ \"SELECT type, count(*) FROM events GROUP BY type\"",
    )
    p.add_argument("sql", nargs="?", help="one SQL statement; table names are the dataset's tables")
    p.add_argument("--dataset", "-d", type=Path, default=Path("outputs"), help="dataset folder (default: outputs)")
    p.add_argument("--named", metavar="NAME", help="run a shipped example query instead of SQL (see --list)")
    p.add_argument("--list", action="store_true", help="list the shipped example queries and their questions")
    p.add_argument("--csv", action="store_true", help="print CSV instead of a table (for spreadsheets and scripts)")
    p.set_defaults(func=cmd_query)


def cmd_query(args: argparse.Namespace) -> int:
    from biwaq_extract.dataset.query import format_table, named_queries, run_query

    if args.list:
        for q in named_queries().values():
            print(f"{q.name}: {q.question}")
        return 0
    if args.named:
        queries = named_queries()
        if args.named not in queries:
            raise QueryError(f"no example query named {args.named!r}; known: {', '.join(queries)}")
        sql = queries[args.named].sql
    elif args.sql:
        sql = args.sql
    else:
        raise QueryError("give SQL to run, --named NAME or --list")
    frame = run_query(args.dataset, sql)
    try:
        if args.csv:
            # CRLF like the dataset's CSV files (RFC 4180), so cells holding line breaks get quoted
            frame.to_csv(sys.stdout, index=False, lineterminator="\r\n")
        else:
            print(format_table(frame))
        sys.stdout.flush()
    except BrokenPipeError:  # `biwaq query ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
