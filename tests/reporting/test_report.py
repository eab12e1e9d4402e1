"""Tests of biwaq_extract/reporting/report.py: the run's report.html, from the verdict, crawl facts, changes and
review items with their commands down to every document's highlights, links and quarantine."""

from __future__ import annotations

import dataclasses
import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from biwaq_extract.config import load_settings
from biwaq_extract.extract import run_extract
from biwaq_extract.reporting.highlight import KINDS
from biwaq_extract.reporting.report import REPORT_FILE, build_report
from biwaq_extract.steward.verdict import assess
from tests.conftest import REPO, extract_into, fixture_path

CORPUS_ARTICLES = ("corpus-003", "corpus-004", "corpus-025")
CHROMIUM_ENV = "BIWAQ_CHROMIUM"
# Appended to a copy of a report: records how wide the page is against the window once it is laid out.
WIDTH_PROBE = """<script>window.addEventListener("load", () => { const p = document.createElement("p"); p.id = "width-probe";
p.dataset.scroll = document.documentElement.scrollWidth; p.dataset.client = document.documentElement.clientWidth;
document.body.append(p); });</script>"""


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


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """A dataset of two `biwaq extract` runs: st-2 changed (and lost an event), st-3 gone, st-4 new."""
    output = extract_into(tmp_path_factory.mktemp("two-runs") / "out", "run1.jsonl", "run2.jsonl")
    return output, BeautifulSoup((output / REPORT_FILE).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("run", ["report_run", "two_runs"])
def test_report_opens_with_the_verdict_and_its_reasons(request, run):
    value = request.getfixturevalue(run)
    output, soup = (value["output"], value["soup"]) if isinstance(value, dict) else value
    verdict = assess(output)
    first = soup.find("h1").find_next_sibling("section")
    assert first["id"] == "verdict" and first["data-verdict"] == verdict.status == "needs attention"
    assert first.find("h2").get_text() == f"Verdict: {verdict.status}"
    assert [li.get_text() for li in first.select("ul.reasons li")] == verdict.reasons
    order = [s["id"] for s in soup.select("body > section")]
    assert order[:4] == ["verdict", "crawl", "changes", "needs-review"]


@pytest.mark.parametrize("change, ids", [("new", ["st-4"]), ("changed", ["st-2"]), ("unchanged", ["st-1"]), ("gone", ["st-3"])])
def test_report_shows_documents_changed_since_the_previous_run(two_runs, change, ids):
    row = two_runs[1].select_one(f'section#changes tr[data-change="{change}"]')
    cells = row.find_all("td")
    assert cells[1].get_text() == str(len(ids))
    assert cells[2].select_one("details").get_text(" ", strip=True).split()[1:] == ids  # after "which"


@pytest.mark.parametrize("table, before, after", [("documents", 3, 4), ("events", 4, 3)])
def test_report_shows_rows_per_table_before_and_after(two_runs, table, before, after):
    row = two_runs[1].select_one(f'section#changes table.change-rows tr[data-table="{table}"]')
    assert [td.get_text() for td in row.find_all("td")] == [table, str(before), str(after), f"{after - before:+d}"]
    lost = two_runs[1].select("section#changes tr.lost")
    assert [[td.get_text() for td in tr.find_all("td")] for tr in lost] == [["st-2", "events", "2", "1"]]


@pytest.mark.parametrize("run", ["report_run", "two_runs"])
def test_report_lists_open_review_items_ranked_with_their_commands(request, run):
    value = request.getfixturevalue(run)
    output, soup = (value["output"], value["soup"]) if isinstance(value, dict) else value
    items = assess(output).open_items
    section = soup.select_one("section#needs-review")
    rows = section.select("tr.review-item")
    assert section.find("h2").get_text() == f"Needs review ({len(rows)})" and len(rows) == len(items) > 0
    assert [(tr["data-reason"], tr["data-kind"]) for tr in rows] == [(i.reason, i.kind) for i in items]
    for tr, item in zip(rows, items):
        shown = {d["data-action"]: d.find("code").get_text() for d in tr.select("div.command")}
        assert shown == item.commands(str(output))
    assert [tr["data-risk"] for tr in rows] == sorted((tr["data-risk"] for tr in rows), key=["high", "medium"].index)


@pytest.mark.parametrize("action", ["accept"])
def test_report_command_settles_its_item(two_runs, tmp_path, action):
    """The command copied from the page is one `biwaq correct` takes, and the item is no longer open."""
    from biwaq_extract.cli.main import main

    output = tmp_path / "out"
    shutil.copytree(two_runs[0], output, symlinks=True)
    first = two_runs[1].select_one("section#needs-review tr.review-item")
    command = first.select_one(f'div.command[data-action="{action}"] code').get_text()
    words = shlex.split(command)
    assert words[:3] == ["biwaq", "correct", str(two_runs[0])]
    assert main(["correct", str(output), *words[3:]]) == 0
    left = assess(output).open_items
    assert (first["data-reason"], first["data-kind"]) not in [(i.reason, i.kind) for i in left[:1]]
    assert len(left) == len(two_runs[1].select("section#needs-review tr.review-item")) - 1


def test_report_shows_gazetteer_misses_as_information_not_review_items(report_run):
    soup = report_run["soup"]
    assert "gazetteer" not in " ".join(tr.select_one("td.reasons").get_text() for tr in soup.select("tr.review-item"))
    infos = [tr for tr in soup.select("section.document tr[id^=row-]") if tr.select_one(".info")]
    assert infos and all("flag" not in (tr.get("class") or []) for tr in infos)
    assert all(tr.select_one(".info").get_text() == "not in the gazetteer" for tr in infos)
    assert f"{assess(report_run['output']).not_in_gazetteer} organisation mentions are not in the gazetteer" in (
        soup.select_one("section#needs-review").get_text())


def test_report_flags_exactly_the_open_items_in_the_documents(report_run):
    soup = report_run["soup"]
    open_ids = {i.record_id for i in assess(report_run["output"]).open_items if i.record_id}
    flagged = {tr["id"].removeprefix("row-") for tr in soup.select("section.document tr.flag")}
    assert flagged == open_ids and flagged
    for record_id in flagged:
        assert "flag" in soup.find("mark", id=f"m-{record_id}")["class"]


@pytest.mark.parametrize("gone", ["st-3"])
def test_report_lists_documents_withdrawn_from_the_source(two_runs, gone):
    rows = two_runs[1].select("section#withdrawn tr.withdrawn")
    run_id = json.loads((two_runs[0] / "run.json").read_text("utf-8"))["run_id"]
    assert [[td.get_text() for td in tr.find_all("td")] for tr in rows] == [[gone, f"this run ({run_id})"]]


@pytest.mark.parametrize("column, others, value, shown", [
    ("withdrawn_in_run", None, "20250101T000000-run0", "run 20250101T000000-run0"),
    ("withdrawn", False, True, "withdrawn: True"),
])
def test_report_lists_documents_the_table_marks_withdrawn(report_run, column, others, value, shown):
    from biwaq_extract.dataset.storage import read_dataset

    tables = read_dataset(report_run["output"])
    documents = tables["documents"].copy()
    documents[column] = [value if d == "corpus-004" else others for d in documents["document_id"]]
    tables["documents"] = documents
    soup = BeautifulSoup(build_report(report_run["summary"], [], [], tables), "html.parser")
    rows = soup.select("section#withdrawn tr.withdrawn")
    assert [[td.get_text() for td in tr.find_all("td")] for tr in rows] == [["corpus-004", shown]]


@pytest.mark.parametrize("line", ['{"action": "accept", "document": "st-1", "colour": "red"}'])
def test_report_without_a_verdict_says_why(copy_dataset, report_run, line):
    """A verdict that cannot be made (here a decisions file damaged after the run) leaves the page without one,
    saying why, instead of failing the run that writes it."""
    from biwaq_extract.reporting.report import write_report

    dataset = copy_dataset("one_run")
    (dataset / "decisions.jsonl").write_text(line + "\n", encoding="utf-8")
    page = write_report((dataset / "current").resolve(), [], [], report_run["summary"], dataset=dataset)
    section = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("section#verdict")
    assert section["data-verdict"] == "unknown"
    assert "decisions.jsonl:1: not a valid decision" in section.get_text()


@pytest.mark.parametrize("dataset", ["crawled"])
def test_report_shows_the_crawl_facts(steward_datasets, dataset):
    from biwaq_extract.steward.verdict import CRAWL_FACTS

    output = steward_datasets[dataset]
    facts = json.loads((output / "crawl" / "crawl_summary.json").read_text("utf-8"))
    soup = BeautifulSoup((output / REPORT_FILE).read_text("utf-8"), "html.parser")
    shown = {dd["data-fact"]: int(dd.get_text()) for dd in soup.select("section#crawl dd[data-fact]")}
    assert shown == {key: int(facts.get(key) or 0) for key, _ in CRAWL_FACTS} and shown["downloaded"] > 0


def corrected_page(output: Path, decisions_from: Path, documents: list, summary) -> str:
    """The report of `output` with the steward's decisions applied to its tables, as the dataset writer stores them."""
    from biwaq_extract.dataset.storage import read_dataset
    from biwaq_extract.records import DocumentResult
    from biwaq_extract.steward.decisions import apply_decisions, read_decisions
    from biwaq_extract.steward.snapshot import KIND_TABLES

    tables = read_dataset(output)
    names = [table for table, _ in KIND_TABLES.values()] + ["event_organisations"]
    applied, _ = apply_decisions({n: tables[n] for n in names}, read_decisions(decisions_from))
    tables.update(applied)
    verdict = assess(output).as_dict()
    return build_report(summary, [DocumentResult(document=d) for d in documents], [], tables, verdict=verdict)


@pytest.mark.parametrize("date", ["2023-03-01"])
def test_report_marks_rows_the_dataset_writer_corrected(copy_dataset, date):
    """A decision, then a rerun: the stored row carries rule "steward" and the run's own report marks it."""
    dataset = copy_dataset("one_run")
    item = next(i for i in assess(dataset).open_items if i.reason in ("event_no_date", "event_no_date_no_place"))
    _set_date(dataset, item, date)
    extract_into(dataset, "run1.jsonl")
    soup = BeautifulSoup((dataset / REPORT_FILE).read_text("utf-8"), "html.parser")
    row = soup.select_one("section.document tr.steward")
    assert row is not None and item.text in row.get_text() and date in row.get_text()
    assert [tr.find_all("td")[2].get_text() for tr in soup.select("section#decisions tr.steward")] == [item.text]


def _set_date(output: Path, item, date: str) -> None:
    from biwaq_extract.cli.main import main

    words = shlex.split(item.commands(str(output))["fix"].replace("YYYY-MM-DD", date))
    assert main(words[1:]) == 0


@pytest.mark.parametrize("date", ["2024-05-03"])
def test_report_marks_a_record_corrected_by_the_steward(report_run, tmp_path, date):
    from biwaq_extract.reading.documents import read_documents
    from biwaq_extract.records import Document

    output = tmp_path / "out"
    shutil.copytree(report_run["output"], output, symlinks=True)
    import pandas as pd

    from biwaq_extract.steward.review_items import ReviewItem

    event = pd.read_parquet(output / "tables" / "events.parquet").sort_values("start_char").iloc[0]
    item = ReviewItem("event_no_date", event["document_id"], "event", event["text"], int(event["start_char"]), event["event_id"])
    _set_date(output, item, date)
    documents = [d for d in read_documents(report_run["source"]) if isinstance(d, Document)]
    soup = BeautifulSoup(corrected_page(output, output, documents, report_run["summary"]), "html.parser")
    row = soup.select_one("section.document tr.steward")
    assert row is not None and item.text in row.get_text() and date in row.get_text()
    assert row.select_one(".badge.steward").get_text() == "corrected by steward"
    assert "steward" in soup.find("mark", id=row["id"].replace("row-", "m-", 1))["class"]
    listed = soup.select("section#decisions tr.steward")
    assert soup.select_one("section#decisions h2").get_text() == f"Corrected by steward ({len(listed)})" == "Corrected by steward (1)"
    assert "1 decision applied, 0 stale" in soup.select_one("section#decisions").get_text()
    assert item.reason not in [tr["data-reason"] for tr in soup.select("tr.review-item") if item.text in tr.get_text()]


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


def _need_chromium() -> str:
    chromium = _chromium()
    if chromium is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is not installed; run scripts/install_test_deps.sh (CI must run the browser test)")
        pytest.skip("chromium is not installed (/usr/bin/chromium); run scripts/install_test_deps.sh as root")
    return chromium


def _screenshot(chromium: str, profile: Path, url: str, screenshot: Path) -> None:
    """Render `url` into the PNG `screenshot`; with BIWAQ_TEST_ARTIFACTS=DIR a copy is kept in DIR (CI uploads
    that folder so a person can look at the page)."""
    shot = _headless(chromium, profile, f"--screenshot={screenshot}", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    keep = os.environ.get("BIWAQ_TEST_ARTIFACTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(keep) / screenshot.name)


@pytest.mark.slow
@pytest.mark.integration
def test_report_renders_in_headless_chromium(report_run, tmp_path):
    """Highlights, links and the quarantine as a browser builds them; screenshot in tmp_path/report.png."""
    chromium = _need_chromium()
    url = (report_run["output"] / REPORT_FILE).resolve().as_uri()

    dumped = _headless(chromium, tmp_path / "profile", "--dump-dom", url)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = BeautifulSoup(dumped.stdout, "html.parser")
    for kind in KINDS:
        assert dom.select(f"mark.entity.k-{kind.name}"), f"browser DOM lacks {kind.name} highlights"
    assert dom.select("tr[id^=row-] a[href^='#doc-']") and dom.select("mark.flag")
    assert dom.select("section#quarantine tr.quarantined")
    _screenshot(chromium, tmp_path / "profile", url, tmp_path / "report.png")


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("date", ["2023-10-04"])
def test_report_steward_sections_render_in_headless_chromium(copy_dataset, tmp_path, date):
    """A crawled dataset run twice, with one event's date set by the steward: the browser shows the verdict,
    the crawl facts, the change summary, the corrected record and a review item's command. The screenshot
    is written to tmp_path/report-steward.png (and kept in $BIWAQ_TEST_ARTIFACTS when that is set)."""
    from biwaq_extract.reading.documents import read_documents
    from biwaq_extract.records import Document, ModelInfo, RunSummary
    from tests.conftest import crawled_dataset

    chromium = _need_chromium()
    output = crawled_dataset(copy_dataset("crawled"))  # the second run: every article unchanged
    item = next(i for i in assess(output).open_items if i.reason in ("event_no_date", "event_no_date_no_place"))
    _set_date(output, item, date)
    run = json.loads((output / "run.json").read_text("utf-8"))
    fields = {f.name for f in dataclasses.fields(RunSummary)} - {"model"}
    summary = RunSummary(**{k: v for k, v in run.items() if k in fields}, model=ModelInfo(**run["model"]))
    documents = [d for d in read_documents(output / "crawl" / "articles.jsonl") if isinstance(d, Document)]
    page = tmp_path / "report-steward.html"
    page.write_text(corrected_page(output, output, documents, summary), encoding="utf-8")
    verdict = assess(output)

    dumped = _headless(chromium, tmp_path / "profile", "--dump-dom", page.resolve().as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = BeautifulSoup(dumped.stdout, "html.parser")
    assert dom.select_one("section#verdict h2").get_text() == f"Verdict: {verdict.status}"
    crawl = {dd["data-fact"]: int(dd.get_text()) for dd in dom.select("section#crawl dd[data-fact]")}
    assert crawl == verdict.crawl and crawl["pages"] > 0
    unchanged = dom.select_one('section#changes tr[data-change="unchanged"]').find_all("td")[1].get_text()
    assert int(unchanged) == len(verdict.changes.unchanged) == len(documents)
    corrected = dom.select_one("section.document tr.steward")
    assert item.text in corrected.get_text() and date in corrected.get_text()
    assert corrected.select_one(".badge.steward").get_text() == "corrected by steward"
    first = dom.select_one("section#needs-review tr.review-item")
    accept = first.select_one('div.command[data-action="accept"] code').get_text()
    assert accept == verdict.open_items[0].commands(str(output))["accept"]
    _screenshot(chromium, tmp_path / "profile", page.resolve().as_uri(), tmp_path / "report-steward.png")

    # Wide tables wrap: measured by a script in a copy of the page (the report itself has none).
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text("utf-8").replace("</body>", WIDTH_PROBE + "</body>"), encoding="utf-8")
    measured = _headless(chromium, tmp_path / "profile", "--dump-dom", probe.resolve().as_uri())
    widths = BeautifulSoup(measured.stdout, "html.parser").find(id="width-probe")
    assert int(widths["data-scroll"]) <= int(widths["data-client"]), "the page scrolls sideways"


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
