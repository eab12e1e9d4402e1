"""Crawling a whole site on 127.0.0.1: scope, pagination, dedup, --since, re-crawl, the bundled snapshot, CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from biwaq_extract.crawl.warc import iter_responses
from biwaq_extract.cli.main import main
from biwaq_extract.crawl.crawler import Scope, crawl, onto_origin
from biwaq_extract.reading.documents import read_jsonl
from biwaq_extract.reading.html import canonicalize_url
from biwaq_extract.records import Document
from biwaq_extract.crawl.site_server import serve
from conftest import REPO, crawl_settings, fixture_path

EXPECTED = {  # every article of the test site, by path: (title, date)
    "/articles/fachtag-leipzig.html": ("Fachtag „Quartier gestalten“ in Leipzig", "2019-11-12"),
    "/articles/werkstatt.html": ("Neue Werkstatt im Stadtteil eröffnet", "2021-03-15"),
    "/articles/uebergaenge-latin1.html": ("Übergänge gestalten: Jugendliche in Köln und Düsseldorf", "2018-05-03"),
    "/flaky.html": ("Serverfehler überstanden", "2020-06-05"),
    "/busy.html": ("Zu viele Anfragen", "2020-06-06"),
    "/articles/uebergaenge-ohne-angabe.html": ("Größere Chancen für Ältere in Görlitz", "2018-09-21"),
    "/articles/abgebrochen.html": ("Werkstattgespräch in Halle (Saale)", "2019-10-24"),
    "/articles/umzug.html": ("Neue Adresse für die Regiestelle", "2020-02-02"),
    "/articles/alt-2015.html": ("Rückblick auf die Förderperiode 2007 bis 2013", "2015-07-14"),
}
BUNDLED = REPO / "corpus" / "site"
BUNDLED_START = "/portal/DE/Aktuelles/Meldungen/meldungen_node.html"


def read_articles(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]


def by_path(articles: list[dict]) -> dict[str, dict]:
    return {urlsplit(a["fetched_url"]).path: a for a in articles}


@pytest.mark.parametrize("start", ["/news/index.html"])
def test_crawl_yields_every_article_with_title_and_date_and_survives_bad_pages(crawl_site, tmp_path, start):
    summary = crawl(crawl_site.url + start, tmp_path, crawl_settings())
    got = by_path(read_articles(tmp_path))
    assert {p: (a["title"], a["published"]) for p, a in got.items()} == EXPECTED
    assert summary.listings == 3 and summary.articles == len(EXPECTED)
    assert summary.failed == 4  # 404, redirect loop, two oversized responses: the run went on
    assert summary.not_html == 1 and summary.refused_by_robots == 1 and summary.out_of_scope == 1
    assert summary.duplicates == 1  # fachtag-kopie.html (same content); the jsessionid link was never fetched
    assert len(crawl_site.hits_for("/articles/fachtag-leipzig.html")) == 1
    assert not crawl_site.hits_for("/private/intern.html")
    assert json.loads((tmp_path / "crawl_summary.json").read_text())["articles"] == len(EXPECTED)


@pytest.mark.parametrize("since, present, absent", [
    ("2019-01-01", ["/articles/werkstatt.html", "/articles/abgebrochen.html"], ["/articles/alt-2015.html", "/articles/uebergaenge-latin1.html"]),
    ("01.01.2021", ["/articles/werkstatt.html"], ["/flaky.html", "/articles/umzug.html"]),
])
def test_crawl_since_keeps_newer_articles_and_does_not_fetch_older_ones(crawl_site, tmp_path, since, present, absent):
    crawl(crawl_site.url + "/news/index.html", tmp_path, crawl_settings(), since=since)
    got = by_path(read_articles(tmp_path))
    assert set(present) <= set(got) and not set(absent) & set(got)
    assert all(a["published"] >= "2019-01-01" for a in got.values())
    assert not crawl_site.hits_for("/articles/alt-2015.html")  # its listing date already ruled it out


@pytest.mark.parametrize("max_pages", [1, 4])
def test_crawl_max_pages_limits_the_pages_visited(crawl_site, tmp_path, max_pages):
    summary = crawl(crawl_site.url + "/news/index.html", tmp_path, crawl_settings(), max_pages=max_pages)
    assert summary.pages == max_pages
    assert len([h for h in crawl_site.hits if h.path != "/robots.txt"]) <= max_pages + 1  # + a retry


@pytest.mark.parametrize("start", ["/news/kurz.html"])
def test_crawl_second_run_downloads_nothing_new(crawl_site, tmp_path, start):
    first = crawl(crawl_site.url + start, tmp_path, crawl_settings())
    n_hits = len(crawl_site.hits)
    # revisit_after 0: every page is revalidated with a conditional GET, and the server says 304.
    again = crawl(crawl_site.url + start, tmp_path, crawl_settings(revisit_after=0))
    assert again.downloaded == 0 and again.not_modified == first.downloaded
    statuses = {h.status for h in crawl_site.hits[n_hits:]}
    assert statuses <= {304, 301}  # 301: the moved article's old address, then 304 for its target
    # default revisit_after (one day): articles are not even asked for, only listings are revalidated
    third = crawl(crawl_site.url + start, tmp_path, crawl_settings())
    assert third.downloaded == 0 and third.skipped == third.articles + third.duplicates
    # fachtag-kopie.html is listed before the jsessionid link to fachtag-leipzig.html, so the copy is kept
    assert set(by_path(read_articles(tmp_path))) == {
        "/articles/uebergaenge-ohne-angabe.html", "/articles/abgebrochen.html", "/articles/fachtag-kopie.html",
        "/articles/umzug.html", "/articles/werkstatt.html",
    }


@pytest.mark.parametrize("allow", [False, True])
def test_crawl_other_hosts_only_when_settings_allow_them(tmp_path, allow):
    article = fixture_path("crawl", "site", "articles", "werkstatt.html").read_bytes()
    with serve(None, {"/beitrag.html": lambda h: h.send_body(200, article)}) as other:
        listing = (f'<html><body><main><a href="{other.url}/beitrag.html">Beitrag beim Partner</a>'
                   '<a href="/eigener.html">Eigener Beitrag</a></main></body></html>').encode()
        own = fixture_path("crawl", "site", "articles", "umzug.html").read_bytes()
        routes = {"/liste.html": lambda h: h.send_body(200, listing), "/eigener.html": lambda h: h.send_body(200, own)}
        with serve(None, routes) as site:
            hosts = [f"127.0.0.1:{other.port}"] if allow else []
            summary = crawl(site.url + "/liste.html", tmp_path, crawl_settings(allowed_hosts=hosts))
    assert summary.articles == (2 if allow else 1)
    assert bool(other.hits) is allow  # not even its robots.txt is asked for when not allowed
    assert summary.out_of_scope == (0 if allow else 1)


@pytest.mark.parametrize("url, allowed_hosts, refused", [
    ("http://127.0.0.1:8000/a.html", [], False),
    ("http://127.0.0.1:8001/a.html", [], True),
    ("http://127.0.0.1:8001/a.html", ["127.0.0.1:8001"], False),
    ("https://partner.example/a.html", ["partner.example"], False),
    ("file:///etc/passwd", [], True),
    ("javascript:alert(1)", [], True),
])
def test_crawl_scope_keeps_to_the_start_host(url, allowed_hosts, refused):
    scope = Scope.for_start("http://127.0.0.1:8000/news/index.html", allowed_hosts)
    assert (scope.refusal(url) is not None) is refused


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.skipif(not (BUNDLED / "robots.txt").exists(), reason="bundled site not generated yet")
@pytest.mark.parametrize("start", [BUNDLED_START])
def test_crawl_bundled_site_yields_every_gold_article_and_recrawl_fetches_nothing(tmp_path, start):
    gold = [json.loads(p.read_text("utf-8")) for p in sorted((REPO / "corpus" / "gold").glob("*.json"))]
    assert gold
    settings = crawl_settings()  # the site's own robots.txt Crawl-delay still applies
    with serve(BUNDLED) as site:
        started = time.monotonic()
        first = crawl(site.url + start, tmp_path, settings)
        seconds = time.monotonic() - started
        served = len(site.hits)
        second = crawl(site.url + start, tmp_path, crawl_settings(revisit_after=0))
        recrawl_statuses = {h.status for h in site.hits[served:]}
    # Pages name their real address (rel=canonical), which is what gold records: match on it.
    got = {a["url"]: a for a in read_articles(tmp_path)}
    for g in gold:
        url = canonicalize_url(g["url"])
        assert url in got, f"{g['id']} ({url}) not crawled"
        assert (got[url]["title"], got[url]["published"]) == (g["title"], g["published"]), g["id"]
        if g.get("text"):
            assert got[url]["text"] == g["text"], g["id"]
    assert first.failed == 0 and first.refused_by_robots == 1  # the "Newsletter abonnieren" teaser
    # The ";jsessionid=..." teaser on page 2 names the newest article again: recognised, never fetched twice.
    article_hits = [urlsplit(h.path).path for h in site.hits[:served]
                    if ("/SharedDocs/" in h.path or "/partner/" in h.path) and not h.path.endswith(".pdf")]
    assert len(article_hits) == len(set(article_hits)) == first.articles
    assert first.reports == 2 and first.reports_failed == 0  # the PDF reports two articles link to
    assert len(list(iter_responses(tmp_path))) == len(site.hits)  # both runs, every response archived
    assert second.downloaded == 0 and recrawl_statuses == {304}
    assert seconds < 30


@pytest.mark.parametrize("args_extra", [[], ["--since", "2019-01-01"]])
def test_crawl_cli_output_is_read_by_extract(crawl_site, tmp_path, capsys, args_extra):
    settings = tmp_path / "fast.toml"
    settings.write_text("[crawl]\ndelay = 0.0\nbackoff = 0.05\n", "utf-8")
    out = tmp_path / "out"
    code = main(["crawl", crawl_site.url + "/news/kurz.html", "--output", str(out), "--settings", str(settings), *args_extra])
    assert code == 0
    assert "articles" in capsys.readouterr().out
    documents = list(read_jsonl(out / "articles.jsonl"))
    assert documents and all(isinstance(d, Document) for d in documents)
    assert all(d.title and d.published and d.text.startswith(d.title) for d in documents)


@pytest.mark.parametrize("start, message", [("file:///etc/passwd", "http(s) URL"), ("ftp://127.0.0.1/x", "http(s) URL")])
def test_crawl_cli_refuses_a_bad_start_with_a_message(tmp_path, capsys, start, message):
    assert main(["crawl", start, "--output", str(tmp_path)]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("port", [0])
def test_crawl_a_saved_site_folder_is_served_on_loopback_and_crawled(tmp_path, port):
    settings = crawl_settings(snapshot_port=port)
    summary = crawl(str(fixture_path("crawl", "site")), tmp_path, settings)  # starts at /index.html
    assert summary.start_url.startswith("http://127.0.0.1:") and summary.start_url.endswith("/index.html")
    assert summary.articles == 3 and summary.failed == 0


@pytest.mark.parametrize("url, moved", [
    ("http://127.0.0.1:8000/a/b.html?p=2", "http://127.0.0.1:9/a/b.html?p=2"),
    ("http://localhost:5000/robots.txt", "http://127.0.0.1:9/robots.txt"),
    ("https://www.esf.de/portal/DE/a.html", "https://www.esf.de/portal/DE/a.html"),
])
def test_crawl_mirror_origin_moves_only_loopback_urls(url, moved):
    assert onto_origin("http://127.0.0.1:9/start.html")(url) == moved


@pytest.mark.parametrize("mirror, downloaded", [(True, 0), (False, None)])
def test_crawl_mirror_on_a_new_port_revalidates_what_the_archive_holds(tmp_path, mirror, downloaded):
    root = fixture_path("pipelines", "site")
    start = "/portal/DE/Aktuelles/Meldungen/meldungen_node.html"
    with serve(root) as site:
        first = crawl(site.url + start, tmp_path, crawl_settings(revisit_after=0))
    with serve(root) as site:
        again = crawl(site.url + start, tmp_path, crawl_settings(revisit_after=0), mirror=mirror)
    # Without `mirror` a new port is another site: everything is downloaded again.
    assert again.downloaded == (first.downloaded if downloaded is None else downloaded)
    assert again.not_modified == (first.pages if mirror else 0)


@pytest.mark.parametrize("since", ["gestern"])
def test_crawl_rejects_an_unreadable_since_date(tmp_path, since):
    from biwaq_extract.errors import CrawlError

    with pytest.raises(CrawlError, match="not a date"):
        crawl("http://127.0.0.1:9/x.html", tmp_path, crawl_settings(), since=since)
