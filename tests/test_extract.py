"""`biwaq extract` end to end: one view per input document, failures quarantined, model recorded."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import fixture_path


UMASK = 0o027  # neither the common 0o022 nor what a private temporary file gets (0o600)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    out = tmp_path_factory.mktemp("extract")
    proc = subprocess.run(
        [sys.executable, "-m", "biwaq_extract.cli.main", "extract", str(fixture_path("documents", "mixed.jsonl")), "--output", str(out), "--model", "blank"],
        capture_output=True,
        text=True,
        umask=UMASK,
    )
    views = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    run = json.loads((out / "run.json").read_text("utf-8"))
    return proc, {v["id"]: v for v in views}, run, out


def test_extract_exit_status_says_some_documents_failed(extracted):
    proc, _, _, _ = extracted
    assert proc.returncode == 3, proc.stderr
    assert "quarantined" in proc.stdout


@pytest.mark.parametrize("n_lines", [7])
def test_extract_writes_one_view_per_input_line(extracted, n_lines):
    _, views, run, _ = extracted
    assert len(views) == n_lines
    assert run["documents_in"] == n_lines


@pytest.mark.parametrize("doc_id", ["mixed.jsonl:2", "no-text", "mixed.jsonl:4", "empty", "english"])
def test_extract_failed_documents_have_error_and_quarantine_row(extracted, doc_id):
    _, views, run, _ = extracted
    assert views[doc_id]["error"]
    assert doc_id in {q["document_id"] for q in run["quarantine"]}


@pytest.mark.parametrize("key", ["dates", "organisations", "programmes", "people", "locations", "events", "participant_counts"])
def test_extract_views_have_gold_format_fields(extracted, key):
    _, views, _, _ = extracted
    assert isinstance(views["ok-1"][key], list)


def test_extract_finds_records_in_good_document(extracted):
    _, views, _, _ = extracted
    view = views["ok-1"]
    assert {"start": "2022-05-12", "end": "2022-05-12"}.items() <= next(d for d in view["dates"] if d["start"] == "2022-05-12").items()
    assert any(o["acronym"] == "BMAS" for o in view["organisations"])
    assert {"count": 120, "qualifier": "approx"}.items() <= view["participant_counts"][0].items()
    assert "Leipzig" in view["locations"]


def test_extract_records_model_used(extracted):
    _, _, run, _ = extracted
    assert run["model"]["name"] == "blank:de"
    assert run["model"]["statistical"] is False


def test_extract_rerun_gives_identical_document_views(extracted, tmp_path):
    _, _, _, out = extracted
    subprocess.run(
        [sys.executable, "-m", "biwaq_extract.cli.main", "extract", str(fixture_path("documents", "mixed.jsonl")), "--output", str(tmp_path), "--model", "blank"],
        capture_output=True,
    )
    assert (tmp_path / "documents.jsonl").read_bytes() == (out / "documents.jsonl").read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("n_chars", [1_000_000])
def test_extract_one_megabyte_article_completes_with_records(nlp, n_chars):
    """A 1 MB article is processed (no quadratic finder: it used to take minutes) and yields records."""
    import datetime as dt

    from biwaq_extract.extract import extract_document
    from biwaq_extract.records import Document

    paragraph = (
        "Rund 120 Fachleute trafen sich am 12. Mai 2022 in Leipzig zum Fachtag des Bundesministeriums "
        "für Arbeit und Soziales (BMAS). Staatssekretärin Anna Beispiel sprach über den ESF Plus.\n\n"
    )
    text = (paragraph * (n_chars // len(paragraph) + 1))[:n_chars]
    result = extract_document(nlp, Document("big", text, published=dt.date(2022, 5, 20)))
    assert len(result.dates) > 1000 and len(result.participant_counts) > 1000
    assert all(text[d.start_char : d.end_char] == d.text for d in result.dates[:50])


@pytest.mark.parametrize(
    "text",
    [
        "Werk\u00adstatt\u00a0am 3.\u00a0Mai 2021 in Bonn",
        "<div><p>Fachtag &amp; Werkstatt</p><br/>am 3. Mai</div>",
        "„Zitat“ – ‚halb‘ … » « \u200b\u2060 ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 12.13.2019 31. Februar 2021",
        "\n\n\n   \t",
        "Datum\n",
    ],
)
def test_extract_odd_text_never_crashes(nlp, text):
    from biwaq_extract.reading.documents import clean_text
    from biwaq_extract.extract import extract_document
    from biwaq_extract.records import Document

    cleaned = clean_text(text)
    result = extract_document(nlp, Document("odd", cleaned))
    for record in result.dates + result.places + result.organisations:
        assert cleaned[record.start_char : record.end_char] == record.text


CRAFTED = {"quotes": '"' * 10_000, "brackets": "()" * 10_000, "low quotes": "„" * 50_000,
           "mixed marks": '"(„' * 10_000, "underscores": "Bonn " + "_" * 20_000}


@pytest.mark.parametrize("seconds", [60.0])
def test_extract_crafted_texts_finish_within_the_document_budget(tmp_path, seconds):
    """Texts that made spaCy's tokenizer take minutes (quadratic in the run's length) are extracted, not
    stopped by the budget, and the good document after them too."""
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import run_extract

    lines = [{"id": name, "text": text} for name, text in CRAFTED.items()]
    lines.append({"id": "good", "text": "Fachtag in Leipzig am 12. Mai 2022."})
    path = tmp_path / "crafted.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    settings = load_settings()
    settings["extract"]["max_seconds_per_document"] = seconds
    summary = run_extract(path, tmp_path / "out", settings, model="blank")
    assert (summary.documents_in, summary.documents_failed) == (len(lines), 0)
    run = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert run["quarantine"] == []


@pytest.mark.parametrize("chars, seconds", [(2_000, 120.6), (1_000_000, 420.0), (5_000_000, 1620.0)])
def test_extract_document_budget_grows_with_length(chars, seconds):
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import document_budget
    from biwaq_extract.records import Document

    assert document_budget(load_settings()["extract"], Document("d", "x" * chars)) == seconds


@pytest.mark.parametrize("name", ["documents.jsonl", "run.json", "report.html", "tables/documents.parquet", "csv/events.csv"])
def test_extract_outputs_are_created_with_the_process_umask(extracted, name):
    out = extracted[3]
    assert stat.S_IMODE((out / name).stat().st_mode) == 0o666 & ~UMASK


@pytest.mark.parametrize("started", ["2025-01-01T00:00:00+00:00"])
def test_extract_run_ids_differ_within_one_second(started):
    from biwaq_extract.extract import _run_id

    ids = {_run_id(started, Path("articles.jsonl"), "abc123") for _ in range(200)}
    assert len(ids) == 200
    assert all(run_id.startswith("20250101T000000-") for run_id in ids)
