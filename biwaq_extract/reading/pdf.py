"""Read PDF reports as documents: text in reading order, title, publication date, page offsets; bounded.

Text comes from PDFium (pypdfium2: Apache-2.0/BSD, the engine of Chromium's PDF viewer, fast and exact on
German text and ligatures) as characters with their boxes; `pdf_layout` turns them into prose. Every PDF is
read in a separate process with a memory ceiling and a deadline, so a corrupt file, a decompression bomb or
a file crafted to be slow costs that one document (a quarantine row with the reason), never the run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
import resource
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biwaq_extract.config import field_values
from biwaq_extract.errors import DocumentError
from biwaq_extract.records import Document, QuarantineRecord
from biwaq_extract.reading import pdf_layout
from biwaq_extract.reading.pdf_layout import Char, Line, PageSize

PDF_SUFFIX = ".pdf"
# "Stand: 15.05.2017", "Datum: 3. März 2021", "Stand Mai 2020": the report's own date, first choice.
_DATE_LINE = re.compile(
    r"\b(?:Stand|Datum|Veröffentlicht(?: am)?)\b\s*:?\s*"
    r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.\s?[A-ZÄÖÜ][a-zäöü]+\.?\s\d{4}|[A-ZÄÖÜ][a-zäöü]+\s\d{4})"
)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class PdfLimits:
    """Bounds for one PDF, from the [pdf] settings."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 1000
    max_chars: int = 5_000_000
    max_seconds: float = 120.0
    max_memory_mb: int = 1024

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> PdfLimits:
        values = field_values(cls, settings.get("pdf", {}))
        if "max_chars" not in values and "max_chars" in settings.get("extract", {}):
            values["max_chars"] = settings["extract"]["max_chars"]
        return cls(**values)


@dataclass(frozen=True)
class PdfText:
    """What a PDF yields: its prose, where each page starts in it, and what the file says about itself."""

    text: str
    page_starts: tuple[int, ...]  # character offset in `text` where each page's text begins
    title: str | None
    published: dt.date | None
    pages: int


def pdf_document(path: Path, rel: str, worker: PdfWorker) -> Document | QuarantineRecord:
    """A PDF file as a Document whose id is its path in the folder without the suffix, or the reason why not."""
    doc_id = rel[: -len(PDF_SUFFIX)] if rel.lower().endswith(PDF_SUFFIX) else rel
    try:
        result = read_pdf(path, worker.limits, worker)
    except DocumentError as exc:
        return QuarantineRecord(doc_id, exc.stage, exc.reason, str(path))
    except OSError as exc:
        return QuarantineRecord(doc_id, "read", f"PDF not readable: {exc.strerror or exc}", str(path))
    from biwaq_extract.reading.documents import clean_pages

    text, starts = clean_pages(result.text, result.page_starts)
    return Document(id=doc_id, text=text, title=result.title, published=result.published, source=rel, page_starts=starts)


def read_pdf(path: Path, limits: PdfLimits, worker: PdfWorker | None = None) -> PdfText:
    """Read one PDF file in a worker process bounded in memory and time; DocumentError says why not."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DocumentError(f"PDF too large: {size} bytes > limit {limits.max_bytes}", stage="read")
    if worker is not None:
        return worker.read(path)
    with PdfWorker(limits) as own:
        return own.read(path)


class PdfWorker:
    """A child process (`python -m biwaq_extract.reading.pdf_worker`) that reads PDFs one at a time.

    Its address space is capped (`max_memory_mb`) and every answer has a deadline (`max_seconds`); a
    worker that runs over either is killed, the PDF gets the reason, and the next PDF gets a new worker.
    One worker serves a whole folder, so the interpreter starts once, not per file.
    """

    def __init__(self, limits: PdfLimits):
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError):
                self._proc.kill()
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
            self._proc = None

    def _start(self) -> subprocess.Popen[bytes]:
        ceiling = self.limits.max_memory_mb * 1024 * 1024

        def cap_memory() -> None:  # runs in the child before it executes Python
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

        return subprocess.Popen(
            [sys.executable, "-m", "biwaq_extract.reading.pdf_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=cap_memory,
        )

    def read(self, path: Path) -> PdfText:
        if self._proc is None or self._proc.poll() is not None:
            self.close()
            self._proc = self._start()
        proc = self._proc
        assert proc.stdin is not None and proc.stdout is not None
        request = {"path": str(path), "limits": dataclasses.asdict(self.limits)}
        try:
            proc.stdin.write(json.dumps(request).encode() + b"\n")
            proc.stdin.flush()
        except OSError:
            self.close()
            raise DocumentError("PDF reader could not be started", stage="read") from None
        ready, _, _ = select.select([proc.stdout], [], [], self.limits.max_seconds)
        if not ready:
            self.close()
            raise DocumentError(f"PDF took longer than {self.limits.max_seconds:g} s to read", stage="read")
        line = proc.stdout.readline()
        if not line:  # the worker died: the memory ceiling, or a crash inside the PDF library
            self.close()
            raise DocumentError(
                f"PDF reader stopped (more than {self.limits.max_memory_mb} MB, or a crash in the PDF library)", stage="read"
            )
        answer = json.loads(line)
        if "error" in answer:
            raise DocumentError(answer["error"], stage="read")
        return pdf_text_from_json(answer)


def pdf_text_to_json(result: PdfText) -> dict[str, Any]:
    return {"text": result.text, "page_starts": list(result.page_starts), "title": result.title,
            "published": result.published.isoformat() if result.published else None, "pages": result.pages}


def pdf_text_from_json(data: dict[str, Any]) -> PdfText:
    published = data.get("published")
    return PdfText(text=data["text"], page_starts=tuple(data["page_starts"]), title=data.get("title"),
                   published=dt.date.fromisoformat(published) if published else None, pages=data["pages"])


def extract_pdf_text(path: Path, limits: PdfLimits) -> PdfText:
    """Read a PDF in this process (no bounds but pages and characters): use `read_pdf` for untrusted files."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise DocumentError("PDF is encrypted (a password is needed to read it)", stage="read") from None
        raise DocumentError(f"PDF damaged or not a PDF: {message}", stage="read") from None
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise DocumentError(f"PDF has {n_pages} pages > limit {limits.max_pages}", stage="read")
        pages, sizes, chars = _read_pages(pdf, n_pages, limits)
        metadata = pdf.get_metadata_dict()
    finally:
        pdf.close()
    if chars == 0:
        raise DocumentError("no text layer; OCR is not supported", stage="read")
    return _compose(pages, sizes, metadata, n_pages)


def _read_pages(pdf: Any, n_pages: int, limits: PdfLimits) -> tuple[list[list[Line]], list[PageSize], int]:
    pages: list[list[Line]] = []
    sizes: list[PageSize] = []
    total = 0
    for index in range(n_pages):
        page = pdf[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        count = textpage.count_chars()
        total += count
        if total > limits.max_chars:
            raise DocumentError(f"PDF text too large: more than {limits.max_chars} characters", stage="read")
        chars = _chars(textpage, count)
        sizes.append(PageSize(width, height))
        pages.append(pdf_layout.page_lines(index, chars, sizes[-1]))
        textpage.close()
        page.close()
    return pages, sizes, total


def _chars(textpage: Any, count: int) -> list[Char]:
    """Every character of a page with its box, baseline origin and font size (PDFium's raw API, with the
    out-parameters allocated once per page: this loop is most of the reading time)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    text = textpage.get_text_range() if count else ""
    left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    origin = (ctypes.byref(x), ctypes.byref(y))
    get_box, get_origin, get_size = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetFontSize
    same_length = len(text) == count
    chars = []
    for i in range(count):
        get_box(raw, i, *box)
        get_origin(raw, i, *origin)
        glyph = text[i] if same_length else textpage.get_text_range(i, 1)
        chars.append(Char(glyph, left.value, bottom.value, right.value, top.value, y.value, get_size(raw, i)))
    return chars


def _compose(pages: list[list[Line]], sizes: list[PageSize], metadata: dict[str, str], n_pages: int) -> PdfText:
    running = pdf_layout.running_lines((ln for page in pages for ln in page), sizes)
    content: list[Line] = []
    for lines in pages:
        content.extend(pdf_layout.page_text(lines, running))
    first_lines = [ln for ln in content if ln.page == 0]
    text, starts = pdf_layout.join_pages(content, n_pages)
    head = text[:3000]
    return PdfText(
        text=text,
        page_starts=starts,
        title=_heading(first_lines) or (metadata.get("Title") or "").strip() or None,
        published=_date_line(head) or _metadata_date(metadata),
        pages=n_pages,
    )


def _heading(lines: list[Line]) -> str | None:
    """The first heading: the leading lines of the first page set in its largest type."""
    if not lines:
        return None
    largest = max(ln.size for ln in lines[:12])
    heading = []
    for line in lines:
        if line.size >= largest * 0.95:
            heading.append(line)
        elif heading:
            break
    return pdf_layout.join_lines(heading).replace("\n\n", " ") or None


def _date_line(text: str) -> dt.date | None:
    """The date of a "Stand:"/"Datum" line: 15.05.2017, 15. Mai 2017 or Mai 2017 (the first of the month)."""
    match = _DATE_LINE.search(text)
    if not match:
        return None
    words = match.group(1).replace(".", " ").split()
    try:
        if len(words) == 3 and words[1].isdigit():
            return dt.date(int(words[2]), int(words[1]), int(words[0]))
        month = _months().get(words[-2].lower())
        day = int(words[0]) if len(words) == 3 else 1
        return dt.date(int(words[-1]), month, day) if month else None
    except ValueError:
        return None


def _months() -> dict[str, int]:
    """German month names and abbreviations, from the temporal grammar's word lists."""
    from biwaq_extract.nlp import rule_data

    return {str(k): int(v) for k, v in rule_data.load("temporal")["months"].items()}


def _metadata_date(metadata: dict[str, str]) -> dt.date | None:
    """The metadata's creation date (often the export date, hence only the second choice)."""
    for key in ("CreationDate", "ModDate"):
        match = _PDF_DATE.match(metadata.get(key) or "")
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
            except ValueError:
                continue
    return None
