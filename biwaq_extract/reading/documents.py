"""Read input documents (JSON Lines or a folder of saved HTML pages), clean their text and validate them."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from biwaq_extract.errors import DocumentError, InputError
from biwaq_extract.records import Document, QuarantineRecord

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# Characters that carry no meaning for extraction but break token matching (soft hyphen, zero-width
# space/joiners, BOM). Removing them changes offsets, so cleaning happens once, before anything else,
# and every later offset refers to the cleaned text that the documents table stores.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Unusual spaces become a plain space (same length, so offsets inside a line are unaffected).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u2002\u2003\u3000"), " ")
_ODD_CHARS = re.compile("[" + "".join(map(chr, [*_INVISIBLE, *_SPACES])) + "]")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article)\b[^<>]*>", re.I)

# The commonest German function words. Real German prose has 25-40 % of its words in this list; the
# dev articles' lowest share is far above the threshold in settings ([extract] min_german_ratio).
_GERMAN_WORDS = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber nicht auch mit von zu zum zur
    im in am an auf aus bei für über unter nach vor seit bis durch gegen ohne um ist sind war waren wird
    werden wurde wurden hat haben hatte sich sie er es wir ihr ihre ihren sein seine dass wie als so noch
    nur mehr sowie können kann soll sollen diese dieser dieses diesem wo was wer auch ab beim vom""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def clean_text(text: str) -> str:
    """Normalise Unicode (NFC), drop invisible characters, and strip HTML remnants.

    >>> clean_text("Fach\\u00adtag am 3.\\u00a0Mai<br>in Bonn &amp; Köln")
    'Fachtag am 3. Mai\\nin Bonn & Köln'
    """
    text = unicodedata.normalize("NFC", text)
    if _ODD_CHARS.search(text):  # str.translate looks up every character: only when there is something to do
        text = text.translate(_INVISIBLE).translate(_SPACES)
    if "<" in text and _TAG.search(text):
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def german_ratio(text: str, sample_chars: int = 20_000) -> tuple[float, int]:
    """Share of German function words among the words of (the start of) the text, and the word count."""
    words = _WORD.findall(text[:sample_chars].lower())
    if not words:
        return 0.0, 0
    return sum(map(_GERMAN_WORDS.__contains__, words)) / len(words), len(words)  # the count in C


def validate(document: Document, settings: dict[str, Any]) -> None:
    """Raise DocumentError with a reason when the document cannot be processed."""
    conf = settings.get("extract", {})
    if not document.text or not document.text.strip():
        raise DocumentError("empty text")
    max_chars = int(conf["max_chars"])
    if len(document.text) > max_chars:
        raise DocumentError(f"text too large: {len(document.text)} characters > limit {max_chars}")
    ratio, n_words = german_ratio(document.text)
    if n_words >= int(conf.get("language_check_min_words", 25)) and ratio < float(conf.get("min_german_ratio", 0.04)):
        raise DocumentError(f"not German: {ratio:.1%} German function words in {n_words} words")


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise DocumentError(f"unreadable publication date {text!r}", stage="read") from exc


_SURROGATE = re.compile("[\ud800-\udfff]")
# An id names the document in every table and file name: no NUL, line breaks or other control characters.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _check_string(value: Any, field: str) -> None:
    """Raise DocumentError when a text field is not a string or holds a lone surrogate (not encodable)."""
    if not isinstance(value, str):
        raise DocumentError(f"field {field!r} is {type(value).__name__}, not a string", stage="read")
    bad = _SURROGATE.search(value)
    if bad:
        raise DocumentError(f"field {field!r} has a lone surrogate \\u{ord(bad.group()):04x} at character {bad.start()}",
                            stage="read")


def document_id(value: Any) -> str:
    """The id of a document as a string, or DocumentError: ids are non-empty strings or integers."""
    if value is None or value == "":
        raise DocumentError("missing required field 'id'", stage="read")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DocumentError(f"field 'id' is {type(value).__name__}, not a string or integer", stage="read")
    text = str(value)
    _check_string(text, "id")
    bad = _CONTROL.search(text)
    if bad:
        raise DocumentError(f"field 'id' has a control character U+{ord(bad.group()):04X} at character {bad.start()}",
                            stage="read")
    return text


def document_from_mapping(obj: Any, source: str) -> Document:
    """Build a Document from one JSON object, or raise DocumentError saying what is wrong."""
    if not isinstance(obj, dict):
        raise DocumentError(f"not a JSON object but {type(obj).__name__}", stage="read")
    doc_id = document_id(obj.get("id"))
    text = obj.get("text")
    if text is None and isinstance(obj.get("error"), str):  # a crawled report that could not be read
        raise DocumentError(obj["error"], stage="read")
    if text is None:
        raise DocumentError("missing required field 'text'", stage="read")
    _check_string(text, "text")
    for field in ("url", "title", "published"):
        if obj.get(field) not in (None, ""):
            _check_string(obj[field], field)
    text, page_starts = clean_pages(text, _page_starts(obj.get("page_starts"), len(text)))
    return Document(
        id=doc_id,
        text=text,
        url=obj.get("url") or None,
        title=obj.get("title") or None,
        published=_parse_date(obj.get("published")),
        source=source,
        page_starts=page_starts,
        parent_document_id=str(obj["parent_document_id"]) if obj.get("parent_document_id") not in (None, "") else None,
    )


def _page_starts(value: Any, length: int) -> tuple[int, ...]:
    """Page offsets of a PDF document given in the input, checked: rising integers within the text."""
    if value in (None, []):
        return ()
    if (not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or value != sorted(value) or value[0] != 0 or value[-1] > length):
        raise DocumentError("field 'page_starts' must be rising character offsets starting at 0", stage="read")
    return tuple(value)


def clean_pages(text: str, starts: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """`clean_text` page by page, so that the page offsets still point at each page's text."""
    if not starts:
        return clean_text(text), ()
    pieces = [clean_text(text[a:b]) for a, b in zip(starts, (*starts[1:], len(text)))]
    offsets = [0]
    for piece in pieces[:-1]:
        offsets.append(offsets[-1] + len(piece))
    return "".join(pieces), tuple(offsets)


# Lines are read in pieces of this many bytes, so a line over the size limit is never held whole.
_CHUNK_BYTES = 1 << 20


def _lines(fh, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a binary file; a line longer than `max_bytes` is skipped in bounded chunks and yields its
    length in bytes (an int) instead."""
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        if raw.endswith(b"\n") or len(raw) <= max_bytes:  # (the line break is not counted)
            yield raw
            continue
        size = len(raw)
        while not raw.endswith(b"\n"):
            raw = fh.readline(_CHUNK_BYTES)
            if not raw:
                break
            size += len(raw)
        yield size


class _FirstSeen:
    """Where each id of one input was first read, so a repeated id can be reported with its first place."""

    def __init__(self) -> None:
        self.places: dict[str, str] = {}

    def repeated(self, doc_id: str, place: str) -> str | None:
        """The place of the id's first appearance when it was seen before, else None (and remember this one)."""
        first = self.places.setdefault(doc_id, place)
        return None if first == place else first


def read_jsonl(path: Path, settings: dict[str, Any] | None = None) -> Iterator[Document | QuarantineRecord]:
    """Yield one Document per line; bad lines become QuarantineRecords (the run goes on).

    A line longer than `[extract] max_chars` bytes is rejected while it is read, without holding it whole.
    A repeated id quarantines the later line, named by its line (`file.jsonl:7`): ids stay unique in the tables.
    """
    max_bytes = int(_settings(settings)["extract"]["max_chars"])
    seen = _FirstSeen()
    with path.open("rb") as fh:
        for lineno, raw in enumerate(_lines(fh, max_bytes), start=1):
            where = f"{path.name}:{lineno}"
            if isinstance(raw, int):
                yield QuarantineRecord(where, "read", f"line too large: {raw} bytes > limit {max_bytes}", str(path))
                continue
            if not raw.strip():
                continue
            item = _parse_line(raw, where, str(path))
            doc_id = item.id if isinstance(item, Document) else item.document_id
            first = seen.repeated(doc_id, str(lineno))
            if first is not None:
                item = QuarantineRecord(where, "read", f"duplicate id (first at line {first}): {doc_id!r}", str(path))
            yield item


def _parse_line(raw: bytes, where: str, source: str) -> Document | QuarantineRecord:
    """One JSON line as a Document, or the QuarantineRecord saying why it is not one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return QuarantineRecord(where, "read", f"not decodable as UTF-8: {exc.reason} at byte {exc.start}", source)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return QuarantineRecord(where, "read", f"invalid JSON: {exc.msg} (column {exc.colno})", source)
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return QuarantineRecord(where, "read", f"invalid JSON: {exc}", source)
    except RecursionError:
        return QuarantineRecord(where, "read", "invalid JSON: nested too deeply", source)
    try:
        return document_from_mapping(obj, where)
    except DocumentError as exc:
        # Named by its id when that is a usable one, else by its line.
        try:
            doc_id = document_id(obj.get("id")) if isinstance(obj, dict) else where
        except DocumentError:
            doc_id = where
        return QuarantineRecord(doc_id, exc.stage, exc.reason, source)


def _settings(settings: dict[str, Any] | None) -> dict[str, Any]:
    if settings is not None:
        return settings
    from biwaq_extract.config import load_settings

    return load_settings()


# A saved page whose links carry at least this many different dates is a news index, not an article.
MIN_LISTING_ITEMS = 3


def _input_files(folder: Path) -> Iterator[Path | QuarantineRecord]:
    """The saved pages and PDF reports below the folder, sorted; a symlink that leads out of the folder is not
    followed.

    Symlinked folders are not descended into (one inside the folder adds nothing: its files are read at their
    real place); a symlinked file that resolves outside the folder becomes a quarantine record.
    """
    from biwaq_extract.reading.pdf import PDF_SUFFIX

    wanted = HTML_SUFFIXES | {PDF_SUFFIX}
    root = folder.resolve()
    paths = []
    for dirpath, dirnames, filenames in os.walk(folder):  # followlinks=False: symlinked folders are listed only
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                log.warning("not following symlinked folder %s", os.path.join(dirpath, name))
        paths.extend(Path(dirpath) / name for name in filenames if Path(name).suffix.lower() in wanted)
    for path in sorted(paths):
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            yield QuarantineRecord(path.relative_to(folder).as_posix(), "read",
                                   "symlink leading outside the input folder, not followed", str(path))
        elif path.is_file():
            yield path


def read_html_folder(folder: Path, settings: dict[str, Any] | None = None) -> Iterator[Document | QuarantineRecord]:
    """Yield one Document per saved article page and PDF report below the folder (sorted, so runs are
    reproducible). A PDF's id is its path in the folder without the suffix; a document whose id was
    already read is quarantined as a duplicate, named by its path.

    Listing pages (a saved site's news index) are not articles: they are skipped and logged.
    """
    from biwaq_extract.reading.pdf import PDF_SUFFIX, PdfLimits, PdfWorker, pdf_document

    seen = _FirstSeen()
    with PdfWorker(PdfLimits.from_settings(_settings(settings))) as worker:
        for path in _input_files(folder):
            if isinstance(path, QuarantineRecord):
                yield path
                continue
            rel = path.relative_to(folder).as_posix()
            item = pdf_document(path, rel, worker) if path.suffix.lower() == PDF_SUFFIX else _html_document(path, rel)
            if isinstance(item, Document):
                first = seen.repeated(item.id, rel)
                if first is not None:
                    yield QuarantineRecord(rel, "read", f"duplicate id (first in {first}): {item.id!r}", str(path))
                    continue
            if item is not None:
                yield item


def _html_document(path: Path, rel: str) -> Document | QuarantineRecord | None:
    """One saved HTML page as a Document; None for a listing page."""
    from biwaq_extract.reading.article import parse_article
    from biwaq_extract.reading.listing import parse_listing

    try:
        body = path.read_bytes()
        article = parse_article(body, url=None)
        # (the URL only resolves relative links; nothing is fetched)
        listing = parse_listing(body, f"http://saved.invalid/{rel}") if article.method == "generic" else None
        if listing and len({item.date for item in listing.items if item.date}) >= MIN_LISTING_ITEMS:
            log.info("skipped listing page %s", rel)
            return None
    except Exception as exc:  # a page we cannot parse is quarantined, never fatal
        return QuarantineRecord(rel, "read", f"HTML not parseable: {type(exc).__name__}: {exc}", str(path))
    return Document(
        id=article.id or rel,
        text=clean_text(article.text or ""),
        url=article.canonical_url or article.url,
        title=article.title,
        published=article.published,
        source=rel,
    )


def read_documents(path: Path, settings: dict[str, Any] | None = None) -> Iterator[Document | QuarantineRecord]:
    """Read a JSON Lines file, a PDF file, or a folder of HTML pages and PDF reports; `settings` default to
    `config.load_settings()`."""
    path = Path(path)
    if path.is_dir():
        return read_html_folder(path, settings)
    if path.is_file() and path.suffix.lower() == ".pdf":
        return _single_pdf(path, settings)
    if path.is_file():
        return read_jsonl(path, settings)
    raise InputError(f"input not found: {path}")


def _single_pdf(path: Path, settings: dict[str, Any] | None) -> Iterator[Document | QuarantineRecord]:
    from biwaq_extract.reading.pdf import PdfLimits, PdfWorker, pdf_document

    with PdfWorker(PdfLimits.from_settings(_settings(settings))) as worker:
        yield pdf_document(path, path.name, worker)


def with_text(document: Document, text: str) -> Document:
    return replace(document, text=text)
