"""Reading article pages offline: fields of every layout, the document text, charsets, ids, a missing body."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from biwaq_extract.reading.article import parse_article
from conftest import fixture_path

BASE = "http://127.0.0.1:8000"


def page(name: str) -> bytes:
    return fixture_path("crawl", "site", "articles", name).read_bytes()


@pytest.mark.parametrize("name, title, published, method", [
    ("fachtag-leipzig.html", "Fachtag „Quartier gestalten“ in Leipzig", dt.date(2019, 11, 12), "selectors:esf-meldungen"),
    ("werkstatt.html", "Neue Werkstatt im Stadtteil eröffnet", dt.date(2021, 3, 15), "generic"),
    ("uebergaenge-latin1.html", "Übergänge gestalten: Jugendliche in Köln und Düsseldorf", dt.date(2018, 5, 3), "selectors:esf-meldungen"),
    ("uebergaenge-ohne-angabe.html", "Größere Chancen für Ältere in Görlitz", dt.date(2018, 9, 21), "selectors:esf-meldungen"),
    ("abgebrochen.html", "Werkstattgespräch in Halle (Saale)", dt.date(2019, 10, 24), "selectors:esf-meldungen"),
])
def test_article_reads_title_and_date_of_every_layout(name, title, published, method):
    article = parse_article(page(name), f"{BASE}/articles/{name}")
    assert article.title == title
    assert article.published == published
    assert article.method == method
    assert article.body.strip()

@pytest.mark.parametrize("name", ["fachtag-leipzig.html"])
def test_article_portal_page_gives_the_document_text_extract_reads(name):
    article = parse_article(page(name), f"{BASE}/articles/{name};jsessionid=ABC?nn=1")
    assert article.text == (
        "Fachtag „Quartier gestalten“ in Leipzig\n\n"
        "Datum\n12.11.2019\n\n"
        "Rund 120 Gäste diskutierten am 7. November 2019 in Leipzig über BIWAQ.\n\n"
        "Das Bundesministerium des Innern, für Bau und Heimat (BMI) hatte zum Fachtag eingeladen. "
        "Die Staatssekretärin eröffnete die Veranstaltung.\n\n"
        "Projekte stellen sich vor\n\n"
        "Zwölf Projekte aus dem Programm BIWAQ zeigten ihre Arbeit.\nAm Nachmittag folgten Workshops.\n\n"
        "Arbeit im Quartier\n\n"
        "Lokale Ökonomie\n\n"
        "Auszug aus dem ESF-Newsletter 4/2019"
    )
    assert "Foto" not in article.text  # the picture caption is skipped
    assert article.teaser == "Rund 120 Gäste diskutierten am 7. November 2019 in Leipzig über BIWAQ."
    assert article.newsletter_issue == "4/2019"
    assert article.canonical_url == "https://www.esf.de/portal/SharedDocs/Meldungen/DE/2019/2019_11_12_fachtag.html"
    assert article.id == "esf-2019_11_12_fachtag"
    assert article.source_listing == "esf-meldungen"

@pytest.mark.parametrize("name, words", [
    ("werkstatt.html", ["Gelsenkirchener", "Handwerkskammer"]),
])
def test_article_unknown_layout_uses_generic_extraction_with_paragraphs(name, words):
    article = parse_article(page(name), f"{BASE}/partner/aktuelles/{name}")
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert all(w in article.body for w in words)
    assert "Kategorie" not in article.body and "Partnerblog" not in article.body  # chrome is left out
    assert article.text.startswith("Neue Werkstatt im Stadtteil eröffnet\n\n15. März 2021\n\nIm Gelsenkirchener")
    assert article.id == "partner-werkstatt"

@pytest.mark.parametrize("name", ["uebergaenge-latin1.html", "uebergaenge-ohne-angabe.html"])
def test_article_latin1_pages_come_out_right(name):
    article = parse_article(page(name))
    assert "\ufffd" not in article.text and "Ã" not in article.text
    assert any(w in article.text for w in ("Straßensozialarbeit", "äußerten"))

@pytest.mark.parametrize("name", ["abgebrochen.html"])
def test_article_truncated_html_still_gives_its_text(name):
    article = parse_article(page(name))
    assert article.body.endswith("stattfanden, und")
    assert "Ergebnisse" in article.body and "<" not in article.text

@pytest.mark.parametrize("first, second", [("fachtag-leipzig.html", "fachtag-kopie.html")])
def test_article_same_article_under_two_urls_has_one_content_hash(first, second):
    a = parse_article(page(first), f"{BASE}/articles/{first}")
    b = parse_article(page(second), f"{BASE}/articles/{second}")
    assert a.content_hash == b.content_hash
    assert a.canonical_url != b.canonical_url

@pytest.mark.parametrize("url", ["https://www.esf.de/portal/SharedDocs/Meldungen/DE/2019/2019_11_12_fachtag.html"])
def test_article_id_is_deterministic(url):
    first = parse_article(page("fachtag-leipzig.html"), url)
    again = parse_article(page("fachtag-leipzig.html"), url + ";jsessionid=XYZ")
    assert first.id == again.id == "esf-2019_11_12_fachtag"

@pytest.mark.parametrize("name, title, published", [
    ("werkstatt.html", "Neue Werkstatt im Stadtteil eröffnet", dt.date(2021, 3, 15)),
])
def test_article_a_settings_file_can_add_a_source_for_a_new_layout(name, title, published):
    from biwaq_extract.config import load_settings
    from biwaq_extract.reading.html import load_sources

    settings = load_settings(environ={})
    settings["extra_sources"] = [{
        "name": "partner-blog", "article_pattern": "/partner/", "id_prefix": "partner-",
        "title": "article.post h1.entry-title", "date": "time[datetime]", "body": "div.entry-content",
    }]
    sources = load_sources(settings)
    assert [s.name for s in sources][-1] == "partner-blog" and len(sources) == len(settings["sources"]) + 1
    article = parse_article(page(name), f"{BASE}/partner/aktuelles/{name}", sources=sources)
    assert article.method == "selectors:partner-blog"
    assert (article.title, article.published, article.id) == (title, published, "partner-werkstatt")
    assert len(article.body.split("\n\n")) == 3


@pytest.mark.parametrize("path, warned", [
    (("reading", "leerer-text.html"), True),  # the portal layout, its text block holding only pictures
    (("crawl", "site", "articles", "fachtag-leipzig.html"), False),
])
def test_article_missing_body_is_a_warning_naming_the_url(caplog, path, warned):
    url = f"{BASE}/articles/{path[-1]}"
    with caplog.at_level(logging.INFO, logger="biwaq_extract.reading.article"):
        article = parse_article(fixture_path(*path).read_bytes(), url)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and url in r.getMessage()]
    assert (article.body == "", len(warnings)) == (warned, int(warned))
