"""`biwaq run`: the main job — crawl the bundled corpus (or the live portal) and build the dataset, via Prefect."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from biwaq_extract.errors import BiwaqError, InputError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_SOME_FAILED = 3  # as `biwaq extract`: the run finished but some documents were quarantined

BUNDLED_SITE = Path("corpus") / "site"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (use 2023-05-01): {text!r}") from None


def register(sub: argparse._SubParsersAction, parser_for) -> None:
    p = parser_for(
        sub,
        "run",
        "Crawl the newsletter and build the dataset in one Prefect run (default: the bundled corpus, served on "
        "127.0.0.1). Needs no Prefect server: without PREFECT_API_URL a temporary local one is started.",
        "biwaq run --output outputs/",
    )
    p.add_argument("--output", "-o", type=Path, default=Path("outputs"), help="dataset folder (default: outputs); the crawl archive goes to OUTPUT/crawl")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, default=None, help=f"folder of a newsletter site to serve on 127.0.0.1 and crawl (default: {BUNDLED_SITE})")
    where.add_argument("--live", action="store_true", help="crawl the live ESF portal instead of a local site folder")
    p.add_argument("--start", default=None, help="listing URL or source name from the settings (default: esf-meldungen)")
    p.add_argument("--model", default=None, help="spaCy package or pipeline path, or 'blank' (default: de_core_news_sm if installed)")
    p.add_argument("--settings", type=Path, default=None, help="TOML file overriding the shipped settings")
    p.add_argument("--batch-size", type=int, default=None, help="documents per extraction batch (default: [extract] batch_size of the settings, 32; more on large inputs)")
    p.add_argument("--since", type=_date, default=None, help="only articles published on or after this day (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, default=None, help="only articles published on or before this day (YYYY-MM-DD)")
    p.add_argument("--rebuild", action="store_true",
                   help="replace the dataset in OUTPUT by this run's rows instead of merging them (for a dataset of an "
                        "older schema version, which is refused otherwise); decisions.jsonl stays and applies again")
    p.add_argument("--max-pages", type=int, default=0, help="stop the crawl after this many pages (0 = no limit)")
    p.add_argument("--runner", choices=("threads", "dask"), default="threads", help="where extraction tasks run (dask: a LocalCluster unless --dask-address)")
    p.add_argument("--workers", type=int, default=2, help="threads or Dask worker processes (default: 2)")
    p.add_argument("--dask-address", default=None, help="scheduler address of an existing Dask cluster, e.g. tcp://127.0.0.1:8786")
    p.add_argument(
        "--no-prefect",
        action="store_true",
        help="run the same library steps without Prefect (batches one after another in this process, the same NLP "
        "cache and date range; no artifacts): for when the Prefect API is down",
    )
    p.set_defaults(func=cmd_run)


def bundled_site() -> Path:
    """corpus/site below the working directory, else next to the package (an editable install in the repo)."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[1]):
        if (base / BUNDLED_SITE).is_dir():
            return base / BUNDLED_SITE
    raise InputError(f"the bundled corpus {BUNDLED_SITE} is not here; run from the repository root, or pass --site DIR or --live")


def _params(args: argparse.Namespace):
    from pipelines.params import NewsletterParams, RunnerParams

    site = None if args.live else (args.site or bundled_site())
    if site is not None and not Path(site).is_dir():
        raise InputError(f"site folder not found: {site}")
    values = {
        "site_folder": site.resolve() if site else None,
        "output": args.output.resolve(),
        "model": args.model,
        "settings_file": args.settings.resolve() if args.settings else None,
        "max_pages": args.max_pages,
        "published_from": args.since,
        "published_to": args.until,
        "runner": RunnerParams(kind=args.runner, workers=args.workers, dask_address=args.dask_address),
        "rebuild": args.rebuild,
    }
    if args.start:
        values["start"] = args.start
    if args.batch_size:
        values["batch_size"] = args.batch_size
    try:
        return NewsletterParams(**values)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise InputError(f"invalid run parameters: {exc}") from None


def cmd_run(args: argparse.Namespace) -> int:
    # Prefect reads these when it is first imported; a user's own values win.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Progress comes from the flow's log lines; one line per API request would drown them.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    params = _params(args)
    if not params.rebuild:
        _check_dataset(params.output)
    if args.no_prefect:
        return _run_plain(params)

    from pipelines.api import check_api
    from pipelines.flows import newsletter_pipeline

    api = check_api()
    print(f"biwaq run: Prefect API {api}" if api else "biwaq run: no PREFECT_API_URL set; Prefect starts a temporary local server (takes a few seconds)",
          file=sys.stderr)
    state = newsletter_pipeline(params, return_state=True)
    if not state.is_completed():
        exc = state.result(raise_on_failure=False)
        exc = exc if isinstance(exc, BaseException) else None
        if isinstance(exc, BiwaqError):
            raise exc
        print(
            f"biwaq run: error: the flow run ended {state.name}: {state.message or exc}\n"
            f"Nothing that was archived (OUTPUT/crawl) or written (the dataset) before the failure is lost; "
            f"rerun the same command to complete the work.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    report = state.result()
    print(report.summary_line())
    return EXIT_SOME_FAILED if report.quarantined else EXIT_OK


def _check_dataset(output: Path) -> None:
    """Refuse a dataset of another schema version before the crawl and the NLP, naming the rebuild command."""
    from biwaq_extract.dataset.storage import check_dataset, dataset_exists

    if dataset_exists(output):
        check_dataset(output)


def _run_plain(params) -> int:
    """The escape hatch: the flow's library steps in this process (crawl, parse, NLP cache, batches, tables)."""
    from biwaq_extract.batch.local_run import run_locally
    from biwaq_extract.config import load_settings

    print(f"biwaq run --no-prefect: crawling {params.site_folder or params.start}", file=sys.stderr)
    done = run_locally(params.start, params.output, load_settings(params.settings_file), site_folder=params.site_folder,
                       model=params.model, batch_size=params.batch_size, max_pages=params.max_pages,
                       published_from=params.published_from, published_to=params.published_to, rebuild=params.rebuild)
    t = done.tally
    print(
        f"{t.documents_in} documents read, {t.extracted} extracted, {t.quarantined} quarantined "
        f"({t.from_cache} from the NLP cache, {t.out_of_range} outside the date range; {done.crawl.get('articles', 0)} "
        f"articles crawled, without Prefect); model {done.model.name} {done.model.version}; outputs in {params.output}"
        f"; verdict: {_verdict_line(params.output)}"
    )
    return EXIT_SOME_FAILED if t.quarantined else EXIT_OK


def _verdict_line(output) -> str:
    """The steward's verdict in one line, as the Prefect flow's state message gives it; the data is written
    whatever it says, so a dataset that cannot be judged is reported, not an error."""
    from biwaq_extract.errors import BiwaqError
    from biwaq_extract.steward.verdict import assess

    try:
        verdict = assess(output)
    except (BiwaqError, OSError, ValueError) as exc:
        return f"not assessed ({exc})"
    return verdict.message
