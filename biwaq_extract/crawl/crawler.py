"""Crawl a newsletter site: frontier, scope, robots.txt, pagination, dedup, --since; write articles.jsonl."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from biwaq_extract.crawl.warc import Archive, Known
from biwaq_extract.atomic import atomic_open, atomic_write_text
from biwaq_extract.errors import CrawlError
from biwaq_extract.crawl.fetch import Fetcher, FetchSettings, Page, host_key
from biwaq_extract.reading.article import Article, document_text, parse_article
from biwaq_extract.reading.html import Source, canonicalize_url, is_html, load_sources, source_for
from biwaq_extract.reading.listing import parse_listing
from biwaq_extract.crawl.reports import is_pdf, pdf_links, report_record
from biwaq_extract.crawl.robots import RobotsRules, robots_url
from biwaq_extract.reading.pdf import PdfLimits, PdfWorker

log = logging.getLogger(__name__)

ARTICLES_NAME = "articles.jsonl"
SUMMARY_NAME = "crawl_summary.json"


class _Got(NamedTuple):
    page: Page | None  # None when the body came from the archive without a request
    final_url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None  # None when nothing usable came back
    fetched_at: str


@dataclass(frozen=True)
class Scope:
    """Which URLs a crawl may request: http(s) on the start URL's host or a host the settings allow."""

    start_host: str
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def for_start(cls, start_url: str, allowed_hosts: list[str] | tuple[str, ...] = ()) -> Scope:
        return cls(host_key(start_url), tuple(h.strip().lower() for h in allowed_hosts if h.strip()))

    def refusal(self, url: str) -> str | None:
        """Why `url` is out of scope, or None when it may be fetched.

        >>> Scope("127.0.0.1:8000").refusal("file:///etc/passwd")
        'scheme file: is never crawled'
        """
        scheme = urlsplit(url).scheme.lower()
        if scheme not in {"http", "https"}:
            return f"scheme {scheme or '(none)'}: is never crawled"
        host = host_key(url)
        if host == self.start_host or host in self.allowed_hosts:
            return None
        # An allowed entry without a port admits that host on any port.
        if host.split(":")[0] in {h for h in self.allowed_hosts if ":" not in h}:
            return None
        return f"host {host} is outside the crawl (start host {self.start_host}; allowed_hosts {list(self.allowed_hosts)})"


@dataclass
class CrawlSummary:
    """What a crawl did; written to crawl_summary.json and printed by the CLI."""

    start_url: str
    out_dir: str
    pages: int = 0  # listing and article pages visited (robots.txt not counted)
    requests: int = 0  # HTTP requests sent, retries and redirects and robots.txt included
    downloaded: int = 0  # pages whose body came over the network (200)
    not_modified: int = 0  # pages answered 304 and read back from the archive
    skipped: int = 0  # pages taken from the archive without any request (fresh enough)
    failed: int = 0
    refused_by_robots: int = 0
    out_of_scope: int = 0
    not_html: int = 0
    listings: int = 0
    articles: int = 0
    duplicates: int = 0
    too_old: int = 0
    no_content: int = 0
    reports: int = 0  # PDF reports linked from articles, read into articles.jsonl
    reports_failed: int = 0  # PDF reports fetched but not readable (the line carries the reason)
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def parse_since(value: str | dt.date | None) -> dt.date | None:
    """--since accepts 2023-05-01 or 01.05.2023."""
    if value is None or isinstance(value, dt.date):
        return value
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise CrawlError(f"--since: not a date: {value!r} (use 2023-05-01 or 01.05.2023)")


def resolve_start(start: str, sources: tuple[Source, ...]) -> str:
    """A start URL, or the name of a configured source whose listing URL is used."""
    for src in sources:
        if start == src.name and src.listing:
            return src.listing
    if urlsplit(start).scheme not in {"http", "https"} or not urlsplit(start).hostname:
        names = ", ".join(s.name for s in sources)
        raise CrawlError(f"start must be an http(s) URL or a source name ({names}), not {start!r}")
    return start


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def onto_origin(start_url: str) -> Callable[[str], str]:
    """A URL rewrite that moves loopback URLs (any port) onto `start_url`'s origin, leaving others alone.

    A local mirror gets a free port each run; this lets its archive answer for the same paths on the next one.

    >>> onto_origin("http://127.0.0.1:9/a")("http://127.0.0.1:8000/b.html?x=1")
    'http://127.0.0.1:9/b.html?x=1'
    """
    base = urlsplit(start_url)

    def move(url: str) -> str:
        parts = urlsplit(url)
        if parts.hostname not in LOOPBACK_HOSTS or parts.scheme not in {"http", "https"}:
            return url
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    return move


def article_record(article: Article, *, fetched_url: str, listing_url: str | None, fetched_at: str) -> dict[str, Any]:
    """One line of articles.jsonl: the fields `biwaq extract` reads first, then provenance."""
    return {
        "id": article.id,
        "url": article.canonical_url or fetched_url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "teaser": article.teaser,
        "newsletter_issue": article.newsletter_issue,
        "source": article.source_listing,
        "listing_url": listing_url,
        "fetched_url": fetched_url,
        "fetched_at": fetched_at,
        "content_hash": article.content_hash,
        "parser": article.method,
    }


class Crawler:
    """One crawl run: owns the fetcher, the archive and the frontier; see `crawl()`."""

    def __init__(self, start_url: str, out_dir: Path, settings: dict[str, Any], *, max_pages: int = 0,
                 since: dt.date | None = None, fetcher: Fetcher | None = None, mirror: bool = False,
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)):
        """`mirror`: the start URL is a local copy of a site on a loopback port that changes from run to run,
        so what earlier runs archived from any loopback port counts as this origin's."""
        conf = settings.get("crawl", {})
        self.sources = load_sources(settings)
        self.start_url = canonicalize_url(resolve_start(start_url, self.sources))
        self.out_dir = Path(out_dir)
        self.scope = Scope.for_start(self.start_url, conf.get("allowed_hosts", []))
        self.max_pages = int(max_pages or conf.get("max_pages", 0) or 0)
        self.since = since
        self.obey_robots = bool(conf.get("obey_robots", True))
        self.revisit_after = float(conf.get("revisit_after", 86400.0))
        self.fetch_settings = FetchSettings.from_settings(settings)
        # PDF reports are larger and slower than pages: their own size cap and deadline
        self.report_settings = dataclasses.replace(
            self.fetch_settings,
            max_bytes=int(conf.get("max_report_bytes", self.fetch_settings.max_bytes)),
            max_response_seconds=float(conf.get("max_report_seconds", self.fetch_settings.max_response_seconds)),
        )
        self.pdf_limits = PdfLimits.from_settings(settings)
        self.fetcher = fetcher or Fetcher(self.fetch_settings)
        self._own_fetcher = fetcher is None
        self.archive = Archive(self.out_dir, max_warc_bytes=int(conf.get("warc_max_bytes", 1_000_000_000)))
        self.known: dict[str, Known] = self.archive.known(onto_origin(self.start_url) if mirror else None)
        self.robots: dict[str, RobotsRules] = {}
        self.now = now
        self.summary = CrawlSummary(start_url=self.start_url, out_dir=str(self.out_dir))
        self.articles: dict[str, dict[str, Any]] = {}  # canonical URL -> record
        self._pdf_worker = PdfWorker(self.pdf_limits)
        self._hashes: dict[str, str] = {}  # content hash -> canonical URL

    # --- policy ------------------------------------------------------------------------------------------

    def _rules(self, url: str) -> RobotsRules:
        host = host_key(url)
        if not self.obey_robots:
            return RobotsRules.allow_all()
        if host not in self.robots:
            self.robots[host] = RobotsRules.allow_all()  # placeholder while robots.txt itself is fetched
            target = robots_url(url)
            got = self._get(target, "robots", revalidate=True)
            # A 304 means the archived robots.txt still holds; status 0 (no answer) disallows all.
            status = 200 if got.body is not None else got.page.status if got.page else 0
            rules = RobotsRules.from_response(status, got.body or b"")
            self.robots[host] = rules
            delay = rules.crawl_delay(self.fetch_settings.user_agent)
            self.fetcher.set_host_delay(host, delay)
            log.info("robots.txt for %s: %s%s", host, rules.verdict, f", Crawl-delay {delay} s" if delay else "")
        return self.robots[host]

    def refusal(self, url: str) -> str | None:
        """Why the crawl will not request `url` (scope first, then robots.txt), or None."""
        reason = self.scope.refusal(url)
        if reason:
            return reason
        if not self._rules(url).allowed(url, self.fetch_settings.user_agent):
            return f"robots.txt disallows {urlsplit(url).path}"
        return None

    # --- fetching ----------------------------------------------------------------------------------------

    def _fresh(self, known: Known | None) -> bool:
        if known is None or known.body is None or known.checked_at is None:
            return False
        return (self.now() - known.checked_at).total_seconds() < self.revisit_after

    def _get(self, url: str, kind: str, *, revalidate: bool) -> _Got:  # noqa: C901 - one outcome per branch
        """The page's body: from the archive when fresh, else by a (conditional) request that is archived."""
        known = self.known.get(url)
        if not revalidate and self._fresh(known):
            self.summary.skipped += 1
            headers, body = self.archive.load(known.body)
            return _Got(None, known.body.final_url, headers, body, known.body.fetched_at)
        before = self.fetcher.requests
        page = self.fetcher.fetch(
            url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
            validators_for=known.body.final_url if known and known.body else None,
            may_follow=self.refusal if kind != "robots" else self.scope.refusal,
            config=self.report_settings if kind == "report" else None,
        )
        self.summary.requests += self.fetcher.requests - before
        entry = self.archive.record(page, kind)
        if page.not_modified and known and known.body:
            self.known[url] = dataclasses.replace(known, last=entry, checked_at=page.fetched_at)
            if kind != "robots":
                self.summary.not_modified += 1
            headers, body = self.archive.load(known.body)
            return _Got(page, page.final_url, headers, body, known.body.fetched_at)
        if page.ok:
            self.known[url] = Known(url=url, body=entry, last=entry, checked_at=page.fetched_at)
            if kind != "robots":
                self.summary.downloaded += 1
            return _Got(page, page.final_url, page.headers, page.body, page.fetched_at.isoformat())
        if kind != "robots":
            self.summary.failed += 1
            self.summary.errors.append((url, page.error or f"HTTP {page.status}"))
            log.warning("%s: %s", url, page.error or f"HTTP {page.status}")
        return _Got(page, page.final_url, page.headers, None, page.fetched_at.isoformat())

    # --- the run -----------------------------------------------------------------------------------------

    def run(self) -> CrawlSummary:
        started = time.monotonic()
        try:
            reason = self.refusal(self.start_url)
            if reason:
                raise CrawlError(f"cannot start at {self.start_url}: {reason}")
            queue: deque[tuple[str, str, str | None, dt.date | None]] = deque([(self.start_url, "listing", None, None)])
            queued = {self.start_url}
            while queue:
                if self.max_pages and self.summary.pages >= self.max_pages:
                    log.info("stopping at --max-pages %d with %d pages still queued", self.max_pages, len(queue))
                    break
                url, kind, via, listed_date = queue.popleft()
                reason = self.refusal(url)
                if reason:
                    if reason.startswith("robots.txt"):
                        self.summary.refused_by_robots += 1
                    else:
                        self.summary.out_of_scope += 1
                    log.info("not fetching %s: %s", url, reason)
                    continue
                self.summary.pages += 1
                got = self._get(url, kind, revalidate=(kind == "listing"))
                if got.body is None:
                    continue
                ctype = next((v for k, v in got.headers if k.lower() == "content-type"), "")
                if kind == "report":
                    self._on_report(got, via, ctype)
                    continue
                if not is_html(got.body, ctype):
                    self.summary.not_html += 1
                    log.info("not HTML (%s): %s", ctype or "no Content-Type", url)
                    continue
                if kind == "listing":
                    self._on_listing(got.final_url, got.body, got.headers, queue, queued)
                else:
                    self._on_article(got.final_url, got.body, got.headers, via, got.fetched_at, listed_date)
                    self._queue_reports(got.final_url, got.body, got.headers, queue, queued)
            self._write_outputs()
        finally:
            self._pdf_worker.close()
            self.summary.seconds = round(time.monotonic() - started, 3)
            self.archive.close()
            if self._own_fetcher:
                self.fetcher.close()
        atomic_write_text(self.out_dir / SUMMARY_NAME, json.dumps(self.summary.as_dict(), indent=1, ensure_ascii=False) + "\n")
        return self.summary

    def _on_listing(self, url: str, body: bytes, headers, queue, queued: set[str]) -> None:
        self.summary.listings += 1
        source = source_for(url, self.sources) or next((s for s in self.sources if s.listing and canonicalize_url(s.listing) == url), None)
        listing = parse_listing(body, url, headers, source=source)
        dated = [i for i in listing.items if i.date is not None]
        for item in listing.items:
            target = canonicalize_url(item.url)
            if target in queued:
                continue
            if self.since and item.date and item.date < self.since:
                self.summary.too_old += 1
                queued.add(target)
                continue
            queued.add(target)
            queue.append((target, "article", url, item.date))
        # Listings run newest first: once a whole page is older than --since, later pages are too.
        if self.since and dated and all(i.date < self.since for i in dated):
            log.info("listing %s is entirely older than %s: not following its pagination", url, self.since)
            return
        for nxt in listing.next_pages:
            target = canonicalize_url(nxt)
            if target not in queued:
                queued.add(target)
                queue.append((target, "listing", url, None))

    def _on_article(self, url: str, body: bytes, headers, listing_url: str | None, fetched_at: str,
                    listed_date: dt.date | None = None) -> None:
        article = parse_article(body, url, headers, sources=self.sources)
        if article.published is None and listed_date is not None:
            # The page itself names no date, but its teaser on the listing did.
            article = dataclasses.replace(article, published=listed_date, text=document_text(
                article.title, listed_date, article.teaser, article.body, article.source_line))
        if not article.title or not article.body.strip():
            self.summary.no_content += 1
            log.info("no article content found at %s", url)
            return
        if self.since and article.published and article.published < self.since:
            self.summary.too_old += 1
            return
        key = article.canonical_url or url
        if key in self.articles or article.content_hash in self._hashes:
            self.summary.duplicates += 1
            log.info("duplicate article %s (same as %s)", url, self._hashes.get(article.content_hash, key))
            return
        self._hashes[article.content_hash] = key
        self.articles[key] = article_record(article, fetched_url=url, listing_url=listing_url, fetched_at=fetched_at)
        self.summary.articles += 1

    def _queue_reports(self, url: str, body: bytes, headers, queue, queued: set[str]) -> None:
        """The PDF reports an article links to join the frontier, named after the article."""
        record = self.articles.get(canonicalize_url(url)) or next(
            (r for r in self.articles.values() if r.get("fetched_url") == url), None)
        if record is None:  # not kept as an article (duplicate, too old, no content): its links are not followed
            return
        for target in pdf_links(body, url, headers):
            if target not in queued:
                queued.add(target)
                queue.append((target, "report", record["id"], None))

    def _on_report(self, got: _Got, parent_id: str | None, ctype: str) -> None:
        if not is_pdf(got.body or b"", ctype):
            self.summary.not_html += 1
            log.info("linked file is not a PDF (%s): %s", ctype or "no Content-Type", got.final_url)
            return
        record = report_record(got.final_url, got.body or b"", parent_id=parent_id, fetched_at=got.fetched_at,
                               source=source_for(got.final_url, self.sources), worker=self._pdf_worker,
                               scratch=self.out_dir / ".reports")
        if record.get("error"):
            self.summary.reports_failed += 1
            log.warning("report %s not readable: %s", got.final_url, record["error"])
        else:
            self.summary.reports += 1
        self.articles[got.final_url] = record

    def _write_outputs(self) -> None:
        with atomic_open(self.out_dir / ARTICLES_NAME) as fh:
            for record in self.articles.values():
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def crawl(start_url: str, out_dir: str | Path, settings: dict[str, Any] | None = None, *, max_pages: int = 0,
          since: str | dt.date | None = None, fetcher: Fetcher | None = None, mirror: bool = False) -> CrawlSummary:
    """Crawl from a listing page, archive every response under `out_dir`, write `out_dir/articles.jsonl`.

    `start_url` may also be a source name from the settings, or a folder holding a saved site, which is
    then served on 127.0.0.1 for the length of the crawl (see `crawl_snapshot`). `mirror`: see `Crawler`.
    """
    if settings is None:
        from biwaq_extract.config import load_settings

        settings = load_settings()
    since_date = parse_since(since)
    if "://" not in start_url and Path(start_url).is_dir():
        return crawl_snapshot(start_url, out_dir, settings, max_pages=max_pages, since=since_date)
    return Crawler(start_url, Path(out_dir), settings, max_pages=max_pages, since=since_date, fetcher=fetcher,
                   mirror=mirror).run()


def snapshot_start(root: Path, sources: tuple[Source, ...]) -> str:
    """The path to start a saved site at: the first source listing that exists in it, else /index.html."""
    for src in sources:
        path = urlsplit(src.listing).path
        if src.listing and (root / path.lstrip("/")).is_file():
            return path
    if (root / "index.html").is_file():
        return "/index.html"
    raise CrawlError(f"{root} holds neither a source listing ({', '.join(s.listing for s in sources)}) nor index.html")


def crawl_snapshot(root: str | Path, out_dir: str | Path, settings: dict[str, Any], *, start_path: str | None = None,
                   max_pages: int = 0, since: dt.date | None = None) -> CrawlSummary:
    """Serve a saved site folder on 127.0.0.1 and crawl it through exactly the code path of a real site."""
    from biwaq_extract.crawl.site_server import serve

    root = Path(root)
    sources = load_sources(settings)
    start_path = start_path or snapshot_start(root, sources)
    port = int(settings.get("crawl", {}).get("snapshot_port", 0) or 0)
    try:
        server = serve(root, port=port)
        site = server.__enter__()
    except OSError:  # the preferred port is taken: any free one will do
        server = serve(root)
        site = server.__enter__()
    try:
        log.info("serving %s at %s", root, site.url)
        return Crawler(site.url + start_path, Path(out_dir), settings, max_pages=max_pages, since=since, mirror=True).run()
    finally:
        server.__exit__(None, None, None)
