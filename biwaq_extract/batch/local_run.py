"""A whole run in this process, without an orchestrator: crawl, parse, extract with the NLP cache, write the tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biwaq_extract.batch.batches import default_batch_size
from biwaq_extract.batch.cache import NLPCache
from biwaq_extract.batch.document_file import parse_to_file
from biwaq_extract.batch.extraction import Tally, extract_cached, in_process
from biwaq_extract.batch.local_site import CRAWL_DIR, crawl_source
from biwaq_extract.batch.outputs import Archived, now, run_id, run_summary, write_outputs
from biwaq_extract.batch.worker import model_for_run
from biwaq_extract.dataset.outofcore import WorkDir
from biwaq_extract.extract import SCRATCH_DIR
from biwaq_extract.records import ModelInfo
from biwaq_extract.steward.user_gazetteer import settings_gazetteer, with_run_gazetteer


@dataclass(frozen=True)
class LocalRun:
    """What a run in this process did: the extraction's tally, the model, rows written, the crawl's summary."""

    run_id: str
    tally: Tally
    model: ModelInfo
    archived: Archived
    crawl: dict[str, Any]


def run_locally(start: str, output: Path, settings: dict[str, Any], *, site_folder: Path | None = None,
                model: str | None = None, batch_size: int | None = None, max_pages: int = 0,
                published_from: dt.date | None = None, published_to: dt.date | None = None,
                rebuild: bool = False) -> LocalRun:
    """The steps of the Prefect pipeline, one after another in this process: crawl `start` (or `site_folder`
    served on 127.0.0.1) into OUTPUT/crawl, keep [published_from, published_to], take unchanged documents
    from the NLP cache, extract the rest in batches, and write the dataset."""
    from biwaq_extract.crawl.crawler import ARTICLES_NAME

    started = now()
    output = Path(output)
    settings = with_run_gazetteer(settings, output)  # the dataset folder's user gazetteer, unless the settings name one
    crawl_dir = output / CRAWL_DIR
    crawled = crawl_source(start, crawl_dir, settings, site_folder=site_folder, max_pages=max_pages, since=published_from)
    articles = crawl_dir / ARTICLES_NAME
    with WorkDir(output / SCRATCH_DIR, ".parsed-") as scratch:
        parsed = parse_to_file(articles, settings, scratch.path, published_from, published_to)
        gazetteer = settings_gazetteer(settings)
        info = model_for_run(model, loads_here=True, user_gazetteer=gazetteer)
        got = extract_cached(parsed, NLPCache.for_output(output, info, user_gazetteer=gazetteer), info, in_process(parsed, model, settings),
                             batch_size=batch_size, default_size=default_batch_size(settings), workers=1)
    summary = run_summary(run_id(started, hashlib.sha256(f"{started}|{articles}|{os.urandom(8).hex()}".encode()).hexdigest()), started, got,
                          settings, articles, {"published_from": _iso(published_from), "published_to": _iso(published_to)})
    archived = write_outputs(got.results, got.quarantine, summary, output, rebuild)
    return LocalRun(summary.run_id, got.tally, got.model, archived, crawled.as_dict())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
