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


@pytest.mark.parametrize("site, gold, reports", [("corpus/site", "corpus/gold", 2)])
def test_documents_html_folder_reads_articles_and_skips_listing_pages(site, gold, reports):
    from conftest import REPO

    n_articles = len(list((REPO / gold).glob("*.json")))  # one gold file per article page
    items = list(read_documents(REPO / site))
    pdfs = [i for i in items if isinstance(i, Document) and i.page_starts]  # the PDF reports two articles link
    docs = [i for i in items if isinstance(i, Document) and not i.page_starts]
    assert len(docs) == n_articles and len(pdfs) == reports and len(items) == n_articles + reports
    assert not any("meldungen_node" in (d.source or "") for d in docs)
    assert all(d.published and d.title and "Datum" in d.text or d.source.startswith("partner/") for d in docs)


# --- hostile lines: each one is quarantined with its reason, the lines around it are read ---------------------

BAD_LINES_LIMIT = 6000  # bytes: above every fixture line but the 8,026-byte one


@pytest.fixture(scope="module")
def bad_lines():
    settings = load_settings()
    settings["extract"]["max_chars"] = BAD_LINES_LIMIT
    items = list(read_documents(fixture_path("documents", "bad_lines.jsonl"), settings))
    return {getattr(i, "id", None) or i.document_id: i for i in items}, items


@pytest.mark.parametrize(
    "name, reason",
    [
        ("surrogate-text", "field 'text' has a lone surrogate \\ud800 at character 8"),
        ("bad_lines.jsonl:3", "field 'id' has a lone surrogate \\ud800 at character 4"),
        ("surrogate-title", "field 'title' has a lone surrogate \\udfff at character 6"),
        ("deep", "invalid JSON: nested too deeply"),
        ("bad_lines.jsonl:5", "invalid JSON: nested too deeply"),
        ("bad_lines.jsonl:6", "field 'id' is bool, not a string or integer"),
        ("bad_lines.jsonl:7", "field 'id' is list, not a string or integer"),
        ("bad_lines.jsonl:8", "field 'id' is dict, not a string or integer"),
        ("bad_lines.jsonl:9", "missing required field 'id'"),
        ("bad_lines.jsonl:10", "field 'id' has a control character U+0000 at character 3"),
        ("bad_lines.jsonl:11", "field 'id' has a control character U+0007 at character 4"),
        ("bad_lines.jsonl:12", "duplicate id (first at line 1): 'good-1'"),
        ("bad_lines.jsonl:13", f"line too large: 8027 bytes > limit {BAD_LINES_LIMIT}"),
        ("bad_lines.jsonl:16", "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion"),
    ],
)
def test_documents_hostile_line_is_quarantined_with_reason(bad_lines, name, reason):
    by_id, _ = bad_lines
    if name == "deep":  # the line is unreadable as a whole: it is named by its place, not by its id
        assert name not in by_id
        return
    item = by_id[name]
    assert isinstance(item, QuarantineRecord)
    assert item.reason.startswith(reason)


@pytest.mark.parametrize("doc_id, text_part", [("good-1", "Fachtag in Leipzig"), ("7", "Werkstatt in Bonn"),
                                               ("good-2", "Köln 😀")])
def test_documents_lines_after_hostile_ones_are_read(bad_lines, doc_id, text_part):
    by_id, items = bad_lines
    assert len(items) == 16  # one item per line: nothing lost, nothing doubled
    assert isinstance(by_id[doc_id], Document) and text_part in by_id[doc_id].text


@pytest.mark.parametrize("limit, line_mb", [(100, 20)])
def test_documents_oversized_line_is_never_held_whole(tmp_path, limit, line_mb):
    """A 20 MB line under a 100-byte limit is skipped in bounded pieces (memory stays far below the line's
    size) and the next line is still read."""
    import tracemalloc

    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"id": "big", "text": "' + "x" * (line_mb << 20) + '"}\n{"id": "next", "text": "Bonn"}\n')
    settings = load_settings()
    settings["extract"]["max_chars"] = limit
    tracemalloc.start()
    try:
        items = list(read_documents(path, settings))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["QuarantineRecord", "Document"]
    assert items[0].reason.startswith("line too large")
    assert peak < (line_mb << 20) / 4


@pytest.mark.parametrize("link_kind", ["file", "folder"])
def test_documents_html_folder_does_not_follow_symlinks_out_of_it(tmp_path, link_kind):
    page = fixture_path("documents", "outside.html").read_bytes()
    outside, inside = tmp_path / "outside", tmp_path / "site"
    outside.mkdir()
    inside.mkdir()
    (outside / "secret.html").write_bytes(page)
    (inside / "own.html").write_bytes(page.replace(b"outside-page", b"own-page"))
    if link_kind == "file":
        (inside / "link.html").symlink_to(outside / "secret.html")
    else:
        (inside / "linked").symlink_to(outside, target_is_directory=True)
    items = list(read_documents(inside))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.source for d in docs] == ["own.html"]
    assert all("outside-page" not in d.text for d in docs) and "own-page" in docs[0].text
    if link_kind == "file":
        assert [(q.document_id, q.reason) for q in items if isinstance(q, QuarantineRecord)] == [
            ("link.html", "symlink leading outside the input folder, not followed")]
