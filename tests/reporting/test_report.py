"""Tests of biwaq_extract/reporting/report.py: the run's report.html, its highlights, links, flags and quarantine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from biwaq_extract.config import load_settings
from biwaq_extract.extract import run_extract
from biwaq_extract.reporting.report import KINDS, REPORT_FILE, Span, build_report, highlight, review_reasons
from tests.conftest import REPO, fixture_path

CORPUS_ARTICLES = ("corpus-003", "corpus-004", "corpus-025")
CHROMIUM_ENV = "BIWAQ_CHROMIUM"


@pytest.fixture(scope="module")
def report_run(tmp_path_factory, blank_pipeline):
    """One real extraction: the mixed fixture (good and broken documents) plus three corpus articles."""
    folder = tmp_path_factory.mktemp("report")
    data = fixture_path("documents", "mixed.jsonl").read_bytes()  # bytes: it holds a deliberately non-UTF-8 line
    for name in CORPUS_ARTICLES:
        article = json.loads((REPO / "corpus" / "gold" / f"{name}.json").read_text("utf-8"))
        line = json.dumps({k: article.get(k) for k in ("id", "url", "title", "published", "text")}, ensure_ascii=False)
        data = data.rstrip(b"\n") + b"\n" + line.encode("utf-8")
    source = folder / "input.jsonl"
    source.write_bytes(data + b"\n")
    nlp, info = blank_pipeline
    output = folder / "out"
    summary = run_extract(source, output, load_settings(None), nlp=nlp, info=info)
    page = (output / REPORT_FILE).read_text("utf-8")
    return {"source": source, "output": output, "summary": summary, "page": page, "soup": BeautifulSoup(page, "html.parser")}


def _unlabelled_text(element) -> str:
    """The text of highlighted markup without the labels displaCy style adds after each span."""
    copy = BeautifulSoup(str(element), "html.parser")
    for label in copy.select("a.label"):
        label.decompose()
    return copy.get_text()


def _document_ids(output: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (output / "documents.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("fact", ["blank:de", "rule-only", "input.jsonl", "duration", "spaCy 3."])
def test_report_shows_run_facts(report_run, fact):
    assert fact in report_run["soup"].select_one("section#run").get_text(" ")


@pytest.mark.parametrize("table", ["documents", "org_mentions", "dates", "events", "quarantine"])
def test_report_counts_rows_per_table(report_run, table):
    import pandas as pd

    row = report_run["soup"].select_one(f'section#tables tr[data-table="{table}"]')
    stored = pd.read_parquet(report_run["output"] / "tables" / f"{table}.parquet")
    assert [td.get_text() for td in row.find_all("td")] == [table, str(len(stored)), str(len(stored))]


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_report_highlights_every_kind(report_run, kind):
    marks = report_run["soup"].select(f"section.document mark.entity.k-{kind}[id]")
    assert marks, f"no {kind} highlighted"
    for mark in marks:
        # the highlight's label links to its table row, which exists and points back to the highlight
        row_id = mark.find("a", class_="label", recursive=False)["href"].removeprefix("#row-")
        row = report_run["soup"].find("tr", id=f"row-{row_id}")
        assert row is not None and row.find("a", href=f"#m-{mark['id'].removeprefix('m-')}")


def test_report_has_an_anchor_per_document(report_run):
    ids = _document_ids(report_run["output"])
    sections = report_run["soup"].select("section.document")
    assert sorted(s["id"] for s in sections) == sorted(f"doc-{i}" for i in set(ids))


@pytest.mark.parametrize("document_id", CORPUS_ARTICLES)
def test_report_rows_link_to_their_document(report_run, document_id):
    section = report_run["soup"].find("section", id=f"doc-{document_id}")
    rows = section.select("tr[id^=row-]")
    assert rows
    for row in rows:
        assert row.find("a", href=f"#doc-{document_id}"), row
    from biwaq_extract.reading.documents import read_documents
    from biwaq_extract.records import Document

    read = {d.id: d.text for d in read_documents(report_run["source"]) if isinstance(d, Document)}
    # every word in order; whitespace compared collapsed because html.parser drops a newline after some end tags
    assert _unlabelled_text(section.select_one(".entities")).split() == read[document_id].split()


@pytest.mark.parametrize(
    "kind, reason, text",
    [
        ("org", "organisation not in the gazetteer", "Bezirksamts Hamburg-Mitte"),
        ("event", "event without a date", "Projektbesuch"),
        ("person", "person without an organisation", "Okonkwo"),
    ],
)
def test_report_flags_records_that_need_review(report_run, kind, reason, text):
    soup = report_run["soup"]
    review = soup.select_one("section#needs-review")
    listed = [tr for tr in review.select("tr.flag") if tr["data-kind"] == kind and text in tr.get_text()]
    assert listed and reason in listed[0].get_text()
    target = listed[0].find("a", href=lambda h: h and h.startswith("#m-"))["href"][1:]
    mark = soup.find("mark", id=target)
    assert "flag" in mark["class"] and reason in mark["title"]
    assert soup.find("tr", id=f"row-{target.removeprefix('m-')}")["class"] == ["flag"]


def test_report_counts_flags_in_needs_review(report_run):
    review = report_run["soup"].select_one("section#needs-review")
    n = len(review.select("tr.flag"))
    assert review.find("h2").get_text() == f"Needs review ({n})" and n > 0


def test_report_lists_the_quarantine_with_reasons(report_run):
    run = json.loads((report_run["output"] / "run.json").read_text("utf-8"))
    rows = report_run["soup"].select("section#quarantine tr.quarantined")
    shown = {(tr.find("td").get_text(), tr.select_one("td.reason").get_text()) for tr in rows}
    assert shown == {(q["document_id"], q["reason"]) for q in run["quarantine"]}
    assert len(shown) >= 4


def test_report_is_self_contained(report_run):
    soup = report_run["soup"]
    assert not soup.find_all(["script", "link", "img", "iframe", "object"])
    assert not [t["href"] for t in soup.find_all(href=True) if not t["href"].startswith("#")]
    assert not [t for t in soup.find_all(src=True)]


@pytest.mark.parametrize("hostile", ['<script>alert("x")</script> & <b>fett</b> "Zitat" \'quote\''])
def test_report_escapes_document_text(report_run, hostile):
    from biwaq_extract.records import Document, DocumentResult
    from biwaq_extract.dataset.schemas import TABLES, empty_frame

    document = Document(id='x"><script>', text=f"Text {hostile} Ende", title=hostile, url=f"javascript:{hostile}")
    page = build_report(report_run["summary"], [DocumentResult(document=document)], [],
                        {name: empty_frame(t) for name, t in TABLES.items()})
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.find_all(["script", "b"])
    section = soup.find("section", attrs={"data-document-id": document.id})
    assert section.select_one(".entities").get_text() == document.text and section.find("h3").get_text() == hostile


@pytest.mark.parametrize(
    "text, spans",
    [
        ("ESF-Jahresveranstaltung in Berlin", [(0, 23, "event"), (0, 3, "programme"), (27, 33, "place")]),
        ("Stadt Leipzig und Jobcenter", [(0, 13, "org"), (6, 13, "place"), (6, 27, "count")]),  # crossing spans
        ("a < b & c > d", [(0, 5, "org"), (4, 50, "place")]),  # escaping; a span past the end is dropped
    ],
)
def test_report_highlight_nests_and_keeps_text(text, spans):
    kinds = {k.name: k for k in KINDS}
    marked = highlight(text, [Span(s, e, kinds[k], f"r{i}", False) for i, (s, e, k) in enumerate(spans)])
    soup = BeautifulSoup(f"<div>{marked}</div>", "html.parser")
    for label in soup.select("a.label"):
        label.decompose()
    assert soup.get_text() == text
    valid = [i for i, (s, e, _) in enumerate(spans) if e <= len(text)]
    assert sorted(m["id"] for m in soup.find_all("mark", id=True)) == sorted(f"m-r{i}" for i in valid)


@pytest.mark.parametrize(
    "kind, row, expected",
    [
        ("org", {"org_id": "bmas"}, []),
        ("org", {"org_id": "text:quartiersnetz"}, ["organisation not in the gazetteer"]),
        ("event", {"start_date": "2020-01-01"}, []),
        ("person", {"role": "Projektleiter", "organisation": "BBSR"}, []),
        ("person", {"role": None, "organisation": None}, ["person without a role", "person without an organisation"]),
        ("place", {"place_id": "place:irgendwo"}, ["place not in the gazetteer"]),
        ("date", {"start_date": None}, []),
    ],
)
def test_report_review_reasons(kind, row, expected):
    assert review_reasons(kind, row) == expected


@pytest.mark.parametrize("max_documents", [1, 3])
def test_report_caps_documents_shown(report_run, max_documents):
    from biwaq_extract.records import Document, DocumentResult
    from biwaq_extract.dataset.schemas import TABLES
    from biwaq_extract.dataset.storage import read_table

    tables = {name: read_table(report_run["output"], t) for name, t in TABLES.items()}
    ids = sorted(set(_document_ids(report_run["output"])))
    results = [DocumentResult(document=Document(id=i, text="")) for i in ids]
    soup = BeautifulSoup(build_report(report_run["summary"], results, [], tables, max_documents=max_documents), "html.parser")
    assert [s["id"] for s in soup.select("section.document")] == [f"doc-{i}" for i in ids[:max_documents]]
    assert f"{len(ids) - max_documents} more documents are not shown" in soup.get_text()


# --- in a real browser -------------------------------------------------------------------------------------


def _chromium() -> str | None:
    for candidate in (os.environ.get(CHROMIUM_ENV), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _headless(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    # Flags keep the browser off the network and out of first-run work: the page must render on its own.
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={profile}", "--window-size=1400,2400"]
    return subprocess.run([chromium, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
@pytest.mark.integration
def test_report_renders_in_headless_chromium(report_run, tmp_path):
    chromium = _chromium()
    if chromium is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is not installed; run scripts/install_test_deps.sh (CI must run the browser test)")
        pytest.skip("chromium is not installed (/usr/bin/chromium); run scripts/install_test_deps.sh as root")
    url = (report_run["output"] / REPORT_FILE).resolve().as_uri()

    dumped = _headless(chromium, tmp_path / "profile", "--dump-dom", url)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = BeautifulSoup(dumped.stdout, "html.parser")
    for kind in KINDS:
        assert dom.select(f"mark.entity.k-{kind.name}"), f"browser DOM lacks {kind.name} highlights"
    assert dom.select("tr[id^=row-] a[href^='#doc-']") and dom.select("mark.flag")
    assert dom.select("section#quarantine tr.quarantined")

    screenshot = tmp_path / "report.png"
    shot = _headless(chromium, tmp_path / "profile", f"--screenshot={screenshot}", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    keep = os.environ.get("BIWAQ_TEST_ARTIFACTS")  # CI uploads this folder so a person can look at the page
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(keep) / "report.png")


def test_report_sample_keeps_only_the_documents_it_shows():
    """A streamed run keeps, for the report, only the first documents by id (the last result of a repeated id)."""
    import dataclasses

    from biwaq_extract.records import Document, DocumentResult
    from biwaq_extract.reporting.report import ReportSample

    def result(doc_id: str, text: str = "Text") -> DocumentResult:
        return DocumentResult(document=Document(id=doc_id, text=text))

    sample = ReportSample(max_documents=3)
    for doc_id in ["e", "b", "d", "a", "c", "b"]:
        sample.add(result(doc_id, text=f"{doc_id} again" if doc_id == "b" and "b" in sample.ids else doc_id))
    assert [r.document.id for r in sample.shown()] == ["a", "b", "c"]
    assert sample.shown()[1].document.text == "b again"
    assert sample.ids == {"a", "b", "c", "d", "e"}
    assert dataclasses.is_dataclass(sample.shown()[0])


@pytest.mark.parametrize("report_id", ["corpus-003"])
def test_report_highlights_name_the_page_of_a_pdf_mention(tmp_path, report_id):
    from bs4 import BeautifulSoup

    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import run_extract
    from conftest import fixture_path

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / f"{report_id}.pdf").write_bytes(fixture_path("pdf", f"{report_id}.pdf").read_bytes())
    run_extract(folder, tmp_path / "out", load_settings(), model="blank")
    soup = BeautifulSoup((tmp_path / "out" / "report.html").read_text("utf-8"), "html.parser")
    titles = [m["title"] for m in soup.select("mark.entity[title]")]
    assert titles and all(t.startswith("page ") for t in titles)
