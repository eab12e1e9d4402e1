"""Crawling a local copy of a site through the crawler's own code path."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.batch.local_site import crawl_source, local_crawl_settings, loopback_start
from biwaq_extract.config import load_settings
from biwaq_extract.errors import InputError
from conftest import fixture_path

SITE = fixture_path("pipelines", "site")


@pytest.mark.parametrize("start, expected_path", [("esf-meldungen", "/portal/DE/Aktuelles/Meldungen/meldungen_node.html")])
def test_local_site_start_moves_onto_the_mirror(start, expected_path):
    assert loopback_start(start, "http://127.0.0.1:9", load_settings(environ={})) == f"http://127.0.0.1:9{expected_path}"


@pytest.mark.parametrize("articles", [6])
def test_local_site_crawl_reads_the_served_folder_without_delay(tmp_path, articles):
    settings = load_settings(environ={})
    assert local_crawl_settings(settings)["crawl"]["delay"] == 0.0 and settings["crawl"]["delay"] > 0
    summary = crawl_source("esf-meldungen", tmp_path, settings, site_folder=SITE)
    assert summary.articles == articles
    lines = (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == articles and all(json.loads(line)["fetched_url"].startswith("http://127.0.0.1:") for line in lines)


@pytest.mark.parametrize("folder", ["no-such-site"])
def test_local_site_missing_folder_is_an_input_error(tmp_path, folder):
    with pytest.raises(InputError, match="site folder not found"):
        crawl_source("esf-meldungen", tmp_path / "crawl", load_settings(environ={}), site_folder=tmp_path / folder)


@pytest.mark.parametrize("runs", [2, 3])
def test_local_site_rerun_finds_unchanged_pages_on_a_new_port(tmp_path, runs):
    settings = load_settings(environ={})
    first = crawl_source("esf-meldungen", tmp_path, settings, site_folder=SITE)
    for _ in range(runs - 1):  # each run serves the folder on a fresh port
        again = crawl_source("esf-meldungen", tmp_path, settings, site_folder=SITE)
        assert (again.pages, again.downloaded, again.not_modified, again.articles) == (first.pages, 0, first.pages, first.articles)
