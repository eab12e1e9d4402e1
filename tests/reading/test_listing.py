"""Reading listing pages offline: article links with their dates, and pagination."""

from __future__ import annotations

import datetime as dt

import pytest

from biwaq_extract.reading.listing import parse_listing
from conftest import fixture_path

BASE = "http://127.0.0.1:8000"


@pytest.mark.parametrize("name, items, next_pages", [
    ("index.html", 12, ["seite-2.html"]),
    ("seite-2.html", 5, ["seite-3.html"]),  # only <link rel=next> in the head
    ("seite-3.html", 1, ["index.html", "seite-2.html"]),  # page numbers
])
def test_listing_finds_articles_and_pagination(name, items, next_pages):
    url = f"{BASE}/news/{name}"
    listing = parse_listing(fixture_path("crawl", "site", "news", name).read_bytes(), url)
    assert len(listing.items) == items
    assert sorted(listing.next_pages) == sorted(f"{BASE}/news/{p}" for p in next_pages)
    assert all(i.url.startswith(("http://", "https://")) for i in listing.items)  # no javascript:, file:, mailto:

@pytest.mark.parametrize("name, url, expected", [
    ("index.html", f"{BASE}/articles/werkstatt.html", dt.date(2021, 3, 15)),
])
def test_listing_reads_teaser_dates(name, url, expected):
    listing = parse_listing(fixture_path("crawl", "site", "news", name).read_bytes(), f"{BASE}/news/{name}")
    assert {i.url: i.date for i in listing.items}[url] == expected
