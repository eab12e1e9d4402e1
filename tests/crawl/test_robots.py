"""robots.txt: what a polite crawl may fetch, and how long it waits between requests."""

from __future__ import annotations

import pytest

from biwaq_extract.crawl.crawler import crawl
from biwaq_extract.crawl.robots import RobotsRules, robots_url
from biwaq_extract.crawl.site_server import serve
from conftest import crawl_settings, fixture_path

UA = "biwaq-extract/0.1.0 (+https://github.com/biwaq-extract)"


def site_rules() -> RobotsRules:
    return RobotsRules.from_response(200, fixture_path("crawl", "site", "robots.txt").read_bytes())


@pytest.mark.parametrize("url, allowed", [
    ("http://127.0.0.1:8000/news/index.html", True),
    ("http://127.0.0.1:8000/private/intern.html", False),
    ("http://127.0.0.1:8000/private/", False),
    ("http://127.0.0.1:8000/robots.txt", True),
])
def test_robots_disallow_rules_apply_to_our_user_agent(url, allowed):
    assert site_rules().allowed(url, UA) is allowed


@pytest.mark.parametrize("user_agent, delay", [(UA, 0.05)])
def test_robots_crawl_delay_is_read(user_agent, delay):
    assert site_rules().crawl_delay(user_agent) == pytest.approx(delay)


@pytest.mark.parametrize("status, allowed", [(404, True), (410, True), (500, False), (503, False), (0, False)])
def test_robots_missing_file_allows_all_and_server_error_disallows_all(status, allowed):
    rules = RobotsRules.from_response(status, b"")
    assert rules.allowed("http://127.0.0.1:8000/news/index.html", UA) is allowed


@pytest.mark.parametrize("url, expected", [("http://127.0.0.1:8000/a/b.html?x=1", "http://127.0.0.1:8000/robots.txt")])
def test_robots_url_is_at_the_host_root(url, expected):
    assert robots_url(url) == expected


@pytest.mark.parametrize("crawl_delay", [0.3])
def test_robots_crawl_delay_spaces_out_a_real_crawl(tmp_path, crawl_delay):
    robots = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {crawl_delay}\n".encode()
    routes = {"/robots.txt": lambda h: h.send_body(200, robots, "text/plain")}
    with serve(fixture_path("crawl", "site"), routes) as site:
        summary = crawl(site.url + "/news/kurz.html", tmp_path, crawl_settings(delay=0.0))
    hits = site.hits[1:]  # after robots.txt
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert summary.articles >= 3 and len(gaps) >= 4
    assert min(gaps) >= crawl_delay * 0.95


@pytest.mark.parametrize("obey", [True, False])
def test_robots_disallowed_page_is_never_requested_unless_robots_is_off(crawl_site, tmp_path, obey):
    summary = crawl(crawl_site.url + "/news/index.html", tmp_path, crawl_settings(obey_robots=obey), max_pages=12)
    requested = crawl_site.hits_for("/private/intern.html")
    assert (len(requested) == 0) is obey
    assert (summary.refused_by_robots == 1) is obey
