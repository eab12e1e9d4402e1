"""Input reading: good documents pass, bad ones become quarantine records with a reason, text is cleaned."""

from __future__ import annotations

import pytest

from biwaq_extract.config import load_settings
from biwaq_extract.reading.documents import clean_text, read_documents, validate
from biwaq_extract.errors import DocumentError, InputError
from biwaq_extract.records import Document, QuarantineRecord
from conftest import fixture_path


@pytest.fixture(scope="module")
def items():
    return {getattr(i, "id", None) or i.document_id: i for i in read_documents(fixture_path("documents", "mixed.jsonl"))}


@pytest.mark.parametrize(
    "doc_id, reason",
    [
        ("mixed.jsonl:2", "invalid JSON"),
        ("no-text", "missing required field 'text'"),
        ("mixed.jsonl:4", "not decodable as UTF-8"),
    ],
)
def test_documents_bad_lines_are_quarantined_with_reason(items, doc_id, reason):
    item = items[doc_id]
    assert isinstance(item, QuarantineRecord)
    assert reason in item.reason


@pytest.mark.parametrize("doc_id", ["ok-1", "empty", "english", "odd-unicode"])
def test_documents_well_formed_lines_become_documents(items, doc_id):
    assert isinstance(items[doc_id], Document)


@pytest.mark.parametrize(
    "doc_id, reason",
    [("empty", "empty text"), ("english", "not German")],
)
def test_documents_validation_rejects_unprocessable_text(items, doc_id, reason):
    with pytest.raises(DocumentError, match=reason):
        validate(items[doc_id], load_settings())


@pytest.mark.parametrize("max_chars", [50])
def test_documents_validation_rejects_too_large_text(items, max_chars):
    settings = load_settings()
    settings["extract"]["max_chars"] = max_chars
    with pytest.raises(DocumentError, match="too large"):
        validate(items["ok-1"], settings)


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("Werk\u00adstatt\u00a0in\u00a0Bonn", "Werkstatt in Bonn"),
        ("<p>Fachtag</p><p>am 3. Mai</p>", "\nFachtag\n\nam 3. Mai\n"),
        ("Bau &amp; Heimat", "Bau & Heimat"),
        ("e\u0301", "é"),
    ],
)
def test_documents_clean_text_removes_invisible_characters_and_html(raw, cleaned):
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize("missing", ["does-not-exist.jsonl"])
def test_documents_missing_input_is_a_clear_error(tmp_path, missing):
    with pytest.raises(InputError, match="input not found"):
        read_documents(tmp_path / missing)


@pytest.mark.parametrize("site, gold", [("corpus/site", "corpus/gold")])
def test_documents_html_folder_reads_articles_and_skips_listing_pages(site, gold):
    from conftest import REPO

    n_articles = len(list((REPO / gold).glob("*.json")))  # one gold file per article page
    items = list(read_documents(REPO / site))
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == len(items) == n_articles
    assert not any("meldungen_node" in (d.source or "") for d in docs)
    assert all(d.published and d.title and "Datum" in d.text or d.source.startswith("partner/") for d in docs)
