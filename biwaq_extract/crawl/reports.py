"""Reports an article links to: find its PDF links, and turn a fetched PDF into a line of articles.jsonl."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from biwaq_extract.errors import DocumentError
from biwaq_extract.reading.html import Source, article_id, canonicalize_url, decode_html
from biwaq_extract.reading.pdf import PdfWorker, read_pdf

PDF_MAGIC = b"%PDF-"


def pdf_links(body: bytes, url: str, headers: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Absolute URLs of the PDF files a page links to, in page order, each once.

    >>> pdf_links(b'<a href="/files/bericht.pdf">Bericht</a> <a href="a.html">x</a>', "http://h/x/y.html")
    ['http://h/files/bericht.pdf']
    """
    soup = BeautifulSoup(decode_html(body, headers), "lxml")
    found: dict[str, None] = {}
    for link in soup.find_all("a", href=True):
        target = urljoin(url, str(link["href"]).strip())
        path = urlsplit(target).path.lower()
        if path.endswith(".pdf") or str(link.get("type", "")).lower() == "application/pdf":
            found.setdefault(canonicalize_url(target))
    return list(found)


def is_pdf(body: bytes, content_type: str) -> bool:
    return body.lstrip()[:5] == PDF_MAGIC or content_type.split(";")[0].strip().lower() == "application/pdf"


def report_record(url: str, body: bytes, *, parent_id: str | None, fetched_at: str, source: Source | None,
                  worker: PdfWorker, scratch: Path) -> dict[str, Any]:
    """One line of articles.jsonl for a PDF report: its text and pages, or `error` with the reason.

    The PDF is read from a scratch file by the bounded PDF worker; the raw response stays in the WARC.
    """
    record: dict[str, Any] = {
        "id": article_id(url, source).removesuffix(".pdf"),
        "url": url,
        "parent_document_id": parent_id,
        "fetched_url": url,
        "fetched_at": fetched_at,
        "parser": "pdf",
    }
    scratch.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=".pdf", dir=scratch)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        result = read_pdf(Path(name), worker.limits, worker)
    except DocumentError as exc:
        return record | {"text": None, "error": exc.reason}
    finally:
        Path(name).unlink(missing_ok=True)
    return record | {
        "title": result.title,
        "published": result.published.isoformat() if result.published else None,
        "text": result.text,
        "page_starts": list(result.page_starts),
    }
