"""The archive: every response in WARC files that warcio reads back, a fetch log, and resuming a crawl."""

from __future__ import annotations

import csv
import hashlib

import pytest
from warcio.archiveiterator import ArchiveIterator

import biwaq_extract.crawl.crawler as crawl_module
from biwaq_extract.crawl.warc import LOG_COLUMNS, LOG_NAME, Archive, iter_responses, load_response, read_known, read_log
from biwaq_extract.crawl.crawler import crawl
from biwaq_extract.crawl.fetch import Fetcher, FetchSettings
from biwaq_extract.crawl.site_server import serve
from conftest import crawl_routes, crawl_settings, fixture_path


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the test site shared by the read-only tests below (a crawl takes a few seconds)."""
    routes, _ = crawl_routes()
    with serve(fixture_path("crawl", "site"), routes) as site:
        out = tmp_path_factory.mktemp("crawl")
        summary = crawl(site.url + "/news/index.html", out, crawl_settings())
        yield site, out, summary


@pytest.mark.parametrize("statuses", [{200, 304, 404, 500, 429, 302, 301}])
def test_archive_warc_files_open_with_warcio_and_hold_every_response(crawled, statuses):
    site, out, _ = crawled
    records = list(iter_responses(out))
    served = [h for h in site.hits]
    assert len(records) == len(served)  # one response record per response the server sent
    assert sorted(s for _, s, _ in records) == sorted(h.status for h in served)
    assert statuses - {304} <= {s for _, s, _ in records}
    for path in sorted((out / "warc").glob("*.warc.gz")):
        with open(path, "rb") as fh:
            kinds = [r.rec_type for r in ArchiveIterator(fh)]
        assert kinds[0] == "warcinfo" and kinds.count("request") == kinds.count("response")


@pytest.mark.parametrize("path", ["/riesig.html", "/riesig-angekuendigt.html"])
def test_archive_marks_an_aborted_response_as_truncated(crawled, path):
    site, out, _ = crawled
    found = []
    for path_ in sorted((out / "warc").glob("*.warc.gz")):
        with open(path_, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI").endswith(path):
                    found.append(record.rec_headers.get_header("WARC-Truncated"))
    assert found == ["length"]


@pytest.mark.parametrize("url_end, status, error", [
    ("/fehlt.html", 404, ""),
    ("/flaky.html", 200, ""),
    ("/loop-a.html", 302, "redirect loop"),
    ("/riesig.html", 200, "too large"),
])
def test_archive_fetch_log_has_one_row_per_fetch(crawled, url_end, status, error):
    _, out, _ = crawled
    with open(out / LOG_NAME, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == LOG_COLUMNS
        rows = [r for r in reader if r["url"].endswith(url_end)]
    assert len(rows) == 1
    row = rows[0]
    assert int(row["status"]) == status and error in row["error"]
    assert row["fetched_at"] and len(row["sha256"]) == 64
    if url_end == "/flaky.html":
        assert row["chain"] == "500>200"


@pytest.mark.parametrize("path", ["/articles/werkstatt.html"])
def test_archive_reads_a_body_back_exactly(crawl_site, tmp_path, path):
    with Fetcher(FetchSettings(delay=0)) as fetcher, Archive(tmp_path) as archive:
        page = fetcher.fetch(crawl_site.url + path)
        entry = archive.record(page, "article")
        headers, body = archive.load(entry)
    assert body == page.body
    assert entry.sha256 == hashlib.sha256(page.body).hexdigest() and entry.bytes == len(page.raw)
    assert dict(headers)["ETag"] == page.header("etag")


@pytest.mark.parametrize("die_after", [4])
def test_archive_rerun_after_a_crash_resumes_without_refetching(crawl_site, tmp_path, monkeypatch, die_after):
    real = crawl_module.parse_article
    calls = []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) > die_after:
            raise KeyboardInterrupt("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(crawl_module, "parse_article", dying)
    with pytest.raises(KeyboardInterrupt):
        crawl(crawl_site.url + "/news/index.html", tmp_path, crawl_settings())
    fetched_before = {r.url for r in read_log(tmp_path) if r.status == 200}
    assert len(fetched_before) >= die_after and not (tmp_path / "articles.jsonl").exists()
    hits_before = len(crawl_site.hits)

    monkeypatch.setattr(crawl_module, "parse_article", real)
    summary = crawl(crawl_site.url + "/news/index.html", tmp_path, crawl_settings())
    rerun = crawl_site.hits[hits_before:]
    article_paths = {u.split(crawl_site.url, 1)[1] for u in fetched_before if "/articles/" in u}
    assert article_paths and not [h for h in rerun if h.path in article_paths]  # taken from the archive
    assert summary.skipped >= len(article_paths)
    assert summary.articles == 9  # the whole site, as if nothing had happened


@pytest.mark.parametrize("garbage", ["http://127.0.0.1:1/x.html,http://127.0.0.1:1/x.html,20"])
def test_archive_ignores_a_log_row_cut_short(tmp_path, garbage):
    with Archive(tmp_path):
        pass
    with open(tmp_path / LOG_NAME, "a", encoding="utf-8") as fh:
        fh.write(garbage)  # a crash in the middle of a row
    assert read_log(tmp_path) == [] and read_known(tmp_path) == {}


@pytest.mark.parametrize("torn_bytes", [b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>", b"\x1f\x8b\x08\x00garbage"])
def test_archive_repairs_a_warc_file_torn_by_a_crash(crawl_site, tmp_path, torn_bytes):
    with Fetcher(FetchSettings(delay=0)) as fetcher:
        archive = Archive(tmp_path)
        for name in ("werkstatt", "umzug"):
            archive.record(fetcher.fetch(f"{crawl_site.url}/articles/{name}.html"), "article")
        torn = archive._warc_name
        archive._warc.write(torn_bytes)  # the process dies while writing the next record...
        archive._warc.flush()
        archive._log.close()  # ...without closing the archive: the OPEN marker stays
        with Archive(tmp_path) as again:
            assert again.repaired == torn
            again.record(fetcher.fetch(f"{crawl_site.url}/articles/alt-2015.html"), "article")
    responses = [(uri.rsplit("/", 1)[1], status) for uri, status, _ in iter_responses(tmp_path)]
    assert responses == [("werkstatt.html", 200), ("umzug.html", 200), ("alt-2015.html", 200)]
    assert len(read_log(tmp_path)) == 3
    for known in read_known(tmp_path).values():  # every logged body still reads back
        assert b"<h1" in load_response(tmp_path, known.body)[1]
