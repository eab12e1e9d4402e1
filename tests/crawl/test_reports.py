"""PDF reports linked from articles: fetched within scope, archived, read, named after their article."""

from __future__ import annotations

import json
import shutil

import pytest

from biwaq_extract.crawl.crawler import crawl
from biwaq_extract.crawl.reports import pdf_links
from biwaq_extract.crawl.site_server import serve
from biwaq_extract.crawl.warc import read_log
from biwaq_extract.reading.documents import read_jsonl
from biwaq_extract.records import Document, QuarantineRecord
from conftest import crawl_settings, fixture_path

LINKS = ('<p>Der <a href="/files/jahresbericht.pdf">Jahresbericht (PDF)</a>, '
         '<a href="/files/kaputt.pdf">die Kurzfassung</a> und '
         '<a href="http://elsewhere.invalid/fremd.pdf">ein fremder Bericht</a>.</p>')


@pytest.fixture()
def report_site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_path("crawl", "site"), site)
    article = site / "articles" / "werkstatt.html"
    article.write_text(article.read_text(encoding="utf-8").replace("</article>", LINKS + "</article>", 1), encoding="utf-8")
    shutil.copy(fixture_path("pdf", "corpus-003.pdf"), site / "files" / "jahresbericht.pdf")
    (site / "files" / "kaputt.pdf").write_bytes(b"%PDF-1.4\n not really a PDF")
    with serve(site) as server:
        yield server


def _lines(out):
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("start", ["/news/index.html"])
def test_reports_linked_pdfs_become_documents_named_after_their_article(report_site, tmp_path, start):
    out = tmp_path / "crawl"
    summary = crawl(report_site.url + start, out, crawl_settings())
    reports = {line["url"].rsplit("/", 1)[-1]: line for line in _lines(out) if line.get("parser") == "pdf"}
    assert set(reports) == {"jahresbericht.pdf", "kaputt.pdf"}  # the other host's PDF is out of scope
    parent = next(line["id"] for line in _lines(out) if line.get("fetched_url", "").endswith("werkstatt.html"))
    good = reports["jahresbericht.pdf"]
    assert good["parent_document_id"] == parent and good["title"].startswith("Staatssekretär Adler")
    assert good["page_starts"][0] == 0 and len(good["page_starts"]) == 2
    assert "damaged or not a PDF" in reports["kaputt.pdf"]["error"]
    assert summary.reports == 1 and summary.reports_failed == 1
    assert {row.kind for row in read_log(out) if row.url.endswith(("jahresbericht.pdf", "kaputt.pdf"))} == {"report"}
    # read as input: the good report is a document with pages and a parent, the bad one a quarantine row
    items = {getattr(i, "id", None) or i.document_id: i for i in read_jsonl(out / "articles.jsonl")}
    assert isinstance(items[good["id"]], Document) and items[good["id"]].page_starts and items[good["id"]].parent_document_id == parent
    assert isinstance(items[reports["kaputt.pdf"]["id"]], QuarantineRecord)


@pytest.mark.parametrize("start", ["/news/index.html"])
def test_reports_recrawl_revalidates_a_report_instead_of_downloading_it(report_site, tmp_path, start):
    out = tmp_path / "crawl"
    crawl(report_site.url + start, out, crawl_settings())
    first = len(report_site.hits_for("/files/jahresbericht.pdf"))
    crawl(report_site.url + start, out, crawl_settings(revisit_after=0.0))
    hits = report_site.hits_for("/files/jahresbericht.pdf")
    assert first == 1 and len(hits) == 2 and hits[-1].status == 304
    assert any(line.get("parser") == "pdf" and line.get("text") for line in _lines(out))


@pytest.mark.parametrize("max_report_bytes", [10_000])
def test_reports_have_their_own_size_cap(report_site, tmp_path, max_report_bytes):
    out = tmp_path / "crawl"
    summary = crawl(report_site.url + "/news/index.html", out, crawl_settings(max_report_bytes=max_report_bytes))
    assert any("too large" in error for url, error in summary.errors if url.endswith("jahresbericht.pdf"))


@pytest.mark.parametrize("html, expected", [
    ('<a href="b.pdf">x</a><a href="B.PDF">y</a><a href="b.pdf#seite=2">z</a>', ["http://h/a/b.pdf", "http://h/a/B.PDF"]),
    ('<a href="/download?id=7" type="application/pdf">x</a>', ["http://h/download?id=7"]),
])
def test_reports_pdf_links_are_found_once_each(html, expected):
    assert pdf_links(html.encode(), "http://h/a/index.html") == expected
