"""Crawling a local copy of a newsletter site (the bundled corpus) through the crawler's own code path."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit


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
    """Settings for crawling our own loopback server: no politeness delay (robots.txt is still obeyed)."""
    return {**settings, "crawl": {**settings.get("crawl", {}), "delay": 0.0}}
