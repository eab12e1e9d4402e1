"""Reading PDF reports: prose in reading order from our own printed corpus articles; bad PDFs quarantined."""

from __future__ import annotations

import json
import zlib

import pytest

from biwaq_extract.errors import DocumentError
from biwaq_extract.reading.pdf import PdfLimits, PdfWorker, read_pdf
from biwaq_extract.records import Document
from conftest import REPO, fixture_path

ARTICLES = ["corpus-003", "corpus-010", "corpus-021", "corpus-033"]


def _article_text(article_id: str) -> str:
    return json.loads((REPO / "corpus" / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="module")
def read_fixtures():
    with PdfWorker(PdfLimits()) as worker:
        return {a: read_pdf(fixture_path("pdf", f"{a}.pdf"), PdfLimits(), worker) for a in ARTICLES}


@pytest.mark.parametrize("article_id", ARTICLES)
def test_pdf_two_columns_come_out_as_the_article_in_reading_order(read_fixtures, article_id):
    text = " ".join(read_fixtures[article_id].text.split())
    for paragraph in _article_text(article_id).split("\n\n")[2:]:  # after the title and the date line
        assert " ".join(paragraph.split()) in text, paragraph[:60]


@pytest.mark.parametrize("article_id", ARTICLES)
def test_pdf_running_header_footer_page_numbers_and_leaders_are_dropped(read_fixtures, article_id):
    text = read_fixtures[article_id].text
    assert "BIWAQ-Programmbericht" not in text and "Bundesprogramm BIWAQ" not in text
    assert "Seite 1 von" not in text and "....." not in text and "Kennzahlen" not in text
    assert "\u00ad" not in text and "\u2010" not in text and "\ufffe" not in text


@pytest.mark.parametrize("article_id, title, published", [
    ("corpus-003", "Staatssekretär Adler besucht BIWAQ-Projekt in Hamburg-Wilhelmsburg", "2017-05-15"),
    ("corpus-010", "Sechs Wochen, sechs Webinare: Online-Reihe für BIWAQ-Projekte abgeschlossen", "2020-12-14"),
])
def test_pdf_title_from_the_first_heading_and_date_from_the_stand_line(read_fixtures, article_id, title, published):
    result = read_fixtures[article_id]
    assert result.title == title
    assert result.published.isoformat() == published  # the metadata says 2024-01-01: the Stand line wins


@pytest.mark.parametrize("article_id", ARTICLES)
def test_pdf_page_starts_point_at_each_page_text(read_fixtures, article_id):
    result = read_fixtures[article_id]
    assert result.pages == len(result.page_starts) == 2
    assert result.page_starts[0] == 0 and 0 < result.page_starts[1] < len(result.text)
    document = Document(article_id, result.text, page_starts=result.page_starts)
    assert document.page_at(0) == 1 and document.page_at(len(result.text) - 1) == 2


@pytest.mark.parametrize("hyphenated, joined", [
    ("Arbeits-markt", "Arbeitsmarkt"),  # the same rule _append uses, checked through the layout module
])
def test_pdf_fixture_words_broken_at_line_ends_are_whole_again(read_fixtures, hyphenated, joined):
    text = read_fixtures["corpus-003"].text
    assert "Arbeitsmarktförderung" in text and "Reaktorsicherheit" in text
    assert "BIWAQ-Projekts" in text and "Hamburg-Mitte" in text  # a hyphen of the word itself stays


def _minimal_pdf(content: bytes, pages: int = 1, compress: bool = False) -> bytes:
    """A valid PDF with `pages` pages sharing one content stream (no text layer unless content has one)."""
    stream = zlib.compress(content, 9) if compress else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + i) for i in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if compress else b"") + stream + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _encrypted(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(fixture_path("pdf", "corpus-003.pdf")))
    writer.encrypt(user_password="geheim", owner_password="geheim", algorithm="AES-128")
    path = tmp_path / "encrypted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: _encrypted(tmp), "encrypted"),
    (lambda tmp: _write(tmp, b"%PDF-1.4\n this is not a PDF at all " * 20), "damaged or not a PDF"),
    (lambda tmp: _write(tmp, fixture_path("pdf", "corpus-003.pdf").read_bytes()[:9000]), "damaged or not a PDF"),
    (lambda tmp: _write(tmp, _minimal_pdf(b"0 0 m 100 100 l S")), "no text layer; OCR is not supported"),
    (lambda tmp: _write(tmp, _minimal_pdf(b"", pages=3000)), "pages > limit"),
])
def test_pdf_bad_files_give_a_reason_not_a_crash(tmp_path, make, reason):
    with pytest.raises(DocumentError) as err:
        read_pdf(make(tmp_path), PdfLimits(max_pages=1000))
    assert reason in err.value.reason


def _write(tmp_path, data: bytes):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("size_mb, limit_mb", [(200, 100)])
def test_pdf_oversized_file_is_refused_before_reading(tmp_path, size_mb, limit_mb):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(size_mb * 1024 * 1024)
    with pytest.raises(DocumentError, match="PDF too large"):
        read_pdf(path, PdfLimits(max_bytes=limit_mb * 1024 * 1024))


@pytest.mark.parametrize("inflated_mb, memory_mb", [(400, 300)])
def test_pdf_decompression_bomb_is_stopped_by_the_memory_ceiling_and_the_next_pdf_is_read(tmp_path, inflated_mb, memory_mb):
    # 400 MB of text-showing operators squeezed into a few hundred KB: PDFium must inflate the stream to read it
    bomb = _write(tmp_path, _minimal_pdf(b"BT /F1 12 Tf (A) Tj ET\n" * (inflated_mb * 1024 * 1024 // 24), compress=True))
    assert bomb.stat().st_size < 5 * 1024 * 1024
    limits = PdfLimits(max_memory_mb=memory_mb, max_seconds=60)
    with PdfWorker(limits) as worker:
        with pytest.raises(DocumentError) as err:
            read_pdf(bomb, limits, worker)
        assert "MB" in err.value.reason or "longer than" in err.value.reason or "no text layer" in err.value.reason
        assert read_pdf(fixture_path("pdf", "corpus-003.pdf"), limits, worker).pages == 2  # a fresh worker goes on


@pytest.mark.slow
@pytest.mark.parametrize("min_ratio", [0.95])
def test_pdf_quality_gate_macro_f1_close_to_the_same_articles_as_text(nlp, read_fixtures, min_ratio):
    from biwaq_extract.config import load_settings
    from biwaq_extract.dataset.document_view import document_view
    from biwaq_extract.evaluate import evaluate
    from biwaq_extract.extract import process
    from biwaq_extract.reading.documents import document_from_mapping

    gold = {a: json.loads((REPO / "corpus" / "gold" / f"{a}.json").read_text(encoding="utf-8")) for a in ARTICLES}
    as_text = [document_from_mapping(g, g["id"]) for g in gold.values()]
    as_pdf = [Document(a, r.text, title=r.title, published=r.published, page_starts=r.page_starts)
              for a, r in read_fixtures.items()]
    scores = {}
    for name, documents in (("text", as_text), ("pdf", as_pdf)):
        views = {result.document.id: document_view(result) for result, _ in process(nlp, documents, load_settings())}
        scores[name] = evaluate(gold, views)["macro_f1"]
    assert scores["pdf"] >= min_ratio * scores["text"], scores
