"""Crawling a newsletter source, or a local copy of its site (the bundled corpus) through the crawler's own code path."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from biwaq_extract.errors import InputError

log = logging.getLogger(__name__)

# Below a run's output folder: the crawl's WARC archive, fetch log and articles.jsonl.
CRAWL_DIR = "crawl"


def loopback_start(start: str, site_url: str, settings: dict[str, Any]) -> str:
    """The start URL moved onto a local mirror: the source's (or URL's) path on `site_url`.

    Sources match pages by URL path, not host, so the mirror is read with the portal's own selectors.

    >>> loopback_start("https://www.esf.de/portal/DE/a.html?x=1", "http://127.0.0.1:8000", {})
    'http://127.0.0.1:8000/portal/DE/a.html?x=1'
    """
    from biwaq_extract.crawl.crawler import resolve_start
    from biwaq_extract.reading.html import load_sources

    url = resolve_start(start, load_sources(settings)) if settings else start
    parts, base = urlsplit(url), urlsplit(site_url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))


def local_crawl_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Settings for crawling our own loopback server: no politeness delay (robots.txt is still obeyed), and
    every archived page is revalidated, since asking costs nothing and the folder may have been edited."""
    return {**settings, "crawl": {**settings.get("crawl", {}), "delay": 0.0, "revisit_after": 0.0}}


def crawl_source(start: str, crawl_dir: Path, settings: dict[str, Any], *, site_folder: Path | None = None,
                 max_pages: int = 0, since: dt.date | None = None, logger: logging.Logger | logging.LoggerAdapter = log):
    """Crawl `start` (a listing URL or source name) into `crawl_dir`; with `site_folder`, serve that folder on
    127.0.0.1 and crawl it instead of the live site. Returns the crawler's summary."""
    from biwaq_extract.crawl.crawler import crawl
    from biwaq_extract.crawl.site_server import serve

    if site_folder is None:
        return crawl(start, crawl_dir, settings, max_pages=max_pages, since=since)
    if not Path(site_folder).is_dir():
        raise InputError(f"site folder not found: {site_folder}")
    with serve(site_folder) as site:
        local = loopback_start(start, site.url, settings)
        logger.info("serving %s on %s for the crawl; starting at %s", site_folder, site.url, local)
        # The port is new each run: `mirror` keys the archive by path, so unchanged pages come back as 304.
        return crawl(local, crawl_dir, local_crawl_settings(settings), max_pages=max_pages, since=since, mirror=True)
