"""Fetching against a real server on 127.0.0.1: retries, Retry-After, redirects, size cap, politeness."""

from __future__ import annotations

import gzip
import time

import pytest

from biwaq_extract.crawl.fetch import Fetcher, FetchSettings, retry_after_seconds
from biwaq_extract.crawl.site_server import serve
from conftest import HUGE_BYTES, fixture_path


def fast(**overrides) -> FetchSettings:
    values = {"delay": 0.0, "backoff": 0.05, "connect_timeout": 5.0, "read_timeout": 5.0}
    values.update(overrides)
    return FetchSettings(**values)


@pytest.mark.parametrize("path, status, title", [
    ("/articles/fachtag-leipzig.html", 200, "Fachtag „Quartier gestalten“".encode()),
    ("/files/bericht.pdf", 200, b"%PDF-1.4"),
])
def test_fetch_returns_page_record_with_status_headers_and_body(crawl_site, path, status, title):
    with Fetcher(fast()) as fetcher:
        page = fetcher.fetch(crawl_site.url + path)
    assert page.ok and page.status == status and page.error is None
    assert title in page.body
    assert page.final_url == crawl_site.url + path
    assert page.header("ETag") and page.fetched_at.tzinfo is not None


@pytest.mark.parametrize("path", ["/fehlt.html"])
def test_fetch_404_is_final_and_not_retried(crawl_site, path):
    with Fetcher(fast()) as fetcher:
        page = fetcher.fetch(crawl_site.url + path)
    assert page.status == 404 and not page.ok and not page.transient
    assert len(crawl_site.hits_for(path)) == 1


@pytest.mark.parametrize("path, first_status", [("/flaky.html", 500), ("/busy.html", 429)])
def test_fetch_retries_transient_failures_until_the_page_comes(crawl_site, path, first_status):
    started = time.monotonic()
    with Fetcher(fast()) as fetcher:
        page = fetcher.fetch(crawl_site.url + path)
    assert page.ok and b"<h1" in page.body
    assert [p.status for p in page.history] == [first_status]
    assert [h.status for h in crawl_site.hits_for(path)] == [first_status, 200]
    if first_status == 429:  # the server asked for Retry-After: 1
        hits = crawl_site.hits_for(path)
        assert hits[1].at - hits[0].at >= 0.95
        assert time.monotonic() - started >= 0.95


@pytest.mark.parametrize("retry_after", ["3600"])
def test_fetch_gives_up_when_retry_after_exceeds_the_limit(retry_after):
    routes = {"/busy": lambda h: h.send_body(429, b"busy", headers={"Retry-After": retry_after})}
    with serve(None, routes) as site, Fetcher(fast(max_retry_after=5)) as fetcher:
        page = fetcher.fetch(site.url + "/busy")
    assert page.status == 429 and page.error
    assert len(site.hits_for("/busy")) == 1  # no early retry against the server's wish


@pytest.mark.parametrize("delays", [[2.0, 0.0]])
def test_fetch_read_timeout_is_retried(delays):
    calls = []

    def slow(h):
        calls.append(1)
        time.sleep(delays[len(calls) - 1])
        h.send_body(200, b"<html><h1>Endlich</h1></html>")

    with serve(None, {"/slow": slow}) as site, Fetcher(fast(read_timeout=0.5)) as fetcher:
        page = fetcher.fetch(site.url + "/slow")
    assert page.ok and b"Endlich" in page.body
    assert page.history and page.history[0].status == 0 and "timeout" in page.history[0].error


@pytest.mark.parametrize("path", ["/loop-a.html"])
def test_fetch_stops_a_redirect_loop(crawl_site, path):
    with Fetcher(fast()) as fetcher:
        page = fetcher.fetch(crawl_site.url + path)
    assert "redirect loop" in page.error
    assert len(crawl_site.hits) <= 3


@pytest.mark.parametrize("max_redirects, hops, ok", [(5, 5, True), (5, 6, False), (0, 1, False)])
def test_fetch_limits_the_number_of_redirects(max_redirects, hops, ok):
    def hop(n):
        def route(h):
            h.send_response(301)
            h.send_header("Location", f"/r{n + 1}" if n < hops else "/end")
            h.send_header("Content-Length", "0")
            h.end_headers()
        return route

    routes = {f"/r{n}": hop(n) for n in range(1, hops + 1)}
    routes["/end"] = lambda h: h.send_body(200, b"<html>Ziel</html>")
    with serve(None, routes) as site, Fetcher(fast(max_redirects=max_redirects)) as fetcher:
        page = fetcher.fetch(site.url + "/r1")
    assert page.ok is ok
    if ok:
        assert page.final_url == site.url + "/end" and len(page.history) == hops
    else:
        assert "too many redirects" in page.error


@pytest.mark.parametrize("path", ["/weg.html"])
def test_fetch_does_not_follow_a_redirect_out_of_scope(crawl_site, path):
    from biwaq_extract.crawl.crawler import Scope

    scope = Scope.for_start(crawl_site.url)
    with Fetcher(fast()) as fetcher:
        page = fetcher.fetch(crawl_site.url + path, may_follow=scope.refusal)
    assert page.status == 301 and "other-host.invalid" in page.error
    assert fetcher.requests == 1  # nothing was sent towards the other host


@pytest.mark.parametrize("path", ["/riesig.html", "/riesig-angekuendigt.html"])
def test_fetch_aborts_a_50mb_response_at_the_size_cap_and_goes_on(crawl_site, path):
    cap = 2 * 1024 * 1024
    started = time.monotonic()
    with Fetcher(fast(max_bytes=cap)) as fetcher:
        page = fetcher.fetch(crawl_site.url + path)
        after = fetcher.fetch(crawl_site.url + "/articles/werkstatt.html")
    assert page.truncated and "too large" in page.error
    assert len(page.raw) <= cap < HUGE_BYTES
    assert after.ok  # the fetcher is still usable
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_fetch_conditional_get_answers_304_for_an_unchanged_page(crawl_site, validator):
    url = crawl_site.url + "/articles/werkstatt.html"
    with Fetcher(fast()) as fetcher:
        first = fetcher.fetch(url)
        kwargs = {"etag": first.header("etag")} if validator == "etag" else {"last_modified": first.header("last-modified")}
        second = fetcher.fetch(url, **kwargs)
    assert first.status == 200 and second.status == 304 and second.not_modified and second.body == b""


@pytest.mark.parametrize("delay", [0.25])
def test_fetch_waits_between_requests_to_one_host_and_identifies_itself(crawl_site, delay):
    with Fetcher(fast(delay=delay)) as fetcher:
        for name in ("werkstatt", "umzug", "alt-2015"):
            fetcher.fetch(f"{crawl_site.url}/articles/{name}.html")
    hits = crawl_site.hits
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert min(gaps) >= delay * 0.95
    assert all(h.headers["user-agent"].startswith("biwaq-extract/") for h in hits)


@pytest.mark.parametrize("encoding", ["gzip"])
def test_fetch_undoes_content_encoding_but_keeps_raw_bytes(encoding):
    html = fixture_path("crawl", "site", "articles", "werkstatt.html").read_bytes()
    packed = gzip.compress(html)
    routes = {"/z": lambda h: h.send_body(200, packed, "text/html", {"Content-Encoding": encoding})}
    with serve(None, routes) as site, Fetcher(fast()) as fetcher:
        page = fetcher.fetch(site.url + "/z")
    assert page.body == html and page.raw == packed


@pytest.mark.parametrize("value, expected", [("5", 5.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("bald", None), (None, None)])
def test_fetch_reads_retry_after_headers(value, expected):
    assert retry_after_seconds(value) == expected


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/nothing-listens-here"])
def test_fetch_connection_refused_is_reported_not_raised(url):
    with Fetcher(fast(retries=1)) as fetcher:
        page = fetcher.fetch(url)
    assert page.status == 0 and "connection error" in page.error and len(page.history) == 1


def _drip_body(h):
    """A server that sends its headers at once, then one body byte every 0.1 s (bounded: 100 bytes)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.1)


def _drip_headers(h):
    """A server that sends its status line, then one header byte every 0.1 s (bounded)."""
    h.send_response(200)
    h.flush_headers()
    for _ in range(100):
        h.wfile.write(b"X")
        h.wfile.flush()
        time.sleep(0.1)


@pytest.mark.parametrize("route, status", [(_drip_body, 200), (_drip_headers, 0)])
def test_fetch_dripping_server_stops_at_the_deadline_and_is_tried_once_more(route, status):
    # the read timeout (5 s) never fires: a byte arrives every 0.1 s; only the total deadline ends it
    with serve(None, {"/drip": route}) as site, Fetcher(fast(max_response_seconds=0.5, retries=3)) as fetcher:
        page = fetcher.fetch(site.url + "/drip")
    assert page.error and page.error.startswith("deadline")
    assert page.status == status
    assert len(page.history) == 1 and page.history[0].error.startswith("deadline")  # one retry, not three
    assert len(site.hits_for("/drip")) == 2


@pytest.mark.parametrize("seconds", [0.5])
def test_fetch_deadline_is_logged_and_archived_as_truncated_by_time(tmp_path, seconds):
    from biwaq_extract.crawl.warc import Archive, read_log
    from warcio.archiveiterator import ArchiveIterator

    with serve(None, {"/drip": _drip_body}) as site, Fetcher(fast(max_response_seconds=seconds, retries=0)) as fetcher:
        page = fetcher.fetch(site.url + "/drip")
    with Archive(tmp_path) as archive:
        archive.record(page, kind="article")
    [row] = read_log(tmp_path)
    assert row.error.startswith("deadline")
    warcs = sorted((tmp_path / "warc").glob("*.warc*"))
    with warcs[0].open("rb") as fh:
        truncated = [r.rec_headers.get_header("WARC-Truncated") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert truncated == ["time"]


@pytest.mark.parametrize("value", ["7.5"])
def test_fetch_deadline_comes_from_the_settings_and_the_environment(monkeypatch, value):
    from biwaq_extract.config import load_settings

    assert FetchSettings.from_settings(load_settings()).max_response_seconds == 60.0
    monkeypatch.setenv("BIWAQ_CRAWL__MAX_RESPONSE_SECONDS", value)
    assert FetchSettings.from_settings(load_settings()).max_response_seconds == float(value)
