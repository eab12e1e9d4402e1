"""Shared HTML reading: charsets, telling HTML from other responses, canonical URLs."""

from __future__ import annotations

import pytest

from biwaq_extract.reading.html import canonicalize_url, decode_html, is_html
from conftest import fixture_path


def page(name: str) -> bytes:
    return fixture_path("crawl", "site", "articles", name).read_bytes()


@pytest.mark.parametrize("body, headers, expected", [
    ("Größe".encode("latin-1"), {"Content-Type": "text/html; charset=ISO-8859-1"}, "Größe"),
    ("Größe".encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}, "Größe"),
    (b'<meta charset="windows-1252">' + "„Zitat“".encode("cp1252"), None, '<meta charset="windows-1252">„Zitat“'),
    ("\ufeffGröße".encode("utf-8"), {"Content-Type": "text/html; charset=iso-8859-1"}, "Größe"),  # BOM wins
    (b'<meta charset="utf-8">' + "Größe".encode("latin-1"), None, '<meta charset="utf-8">Größe'),  # wrong label
])
def test_html_decode_html_follows_header_meta_then_detection(body, headers, expected):
    assert decode_html(body, headers) == expected

@pytest.mark.parametrize("body, content_type, expected", [
    (page("werkstatt.html"), "text/html", True),
    (page("werkstatt.html"), "", True),
    (fixture_path("crawl", "site", "files", "bericht.pdf").read_bytes(), "application/pdf", False),
    (fixture_path("crawl", "site", "files", "bericht.pdf").read_bytes(), "application/octet-stream", False),
    (b'{"a": 1}', "application/json", False),
])
def test_html_tells_html_from_other_responses(body, content_type, expected):
    assert is_html(body, content_type) is expected

@pytest.mark.parametrize("url, expected", [
    ("http://www.esf.de/portal/a/b.html;jsessionid=7CC4FADE?nn=31226", "http://www.esf.de/portal/a/b.html"),
    ("HTTPS://WWW.ESF.DE:443/x.html?b=2&nn=1#oben", "https://www.esf.de/x.html?b=2"),
    ("http://127.0.0.1:8000/a.html", "http://127.0.0.1:8000/a.html"),
])
def test_html_canonical_url_drops_session_parts(url, expected):
    assert canonicalize_url(url) == expected
