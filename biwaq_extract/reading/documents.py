"""Read input documents (JSON Lines or a folder of saved HTML pages), clean their text and validate them."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
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
    return sum(w in _GERMAN_WORDS for w in words) / len(words), len(words)


def validate(document: Document, settings: dict[str, Any]) -> None:
    """Raise DocumentError with a reason when the document cannot be processed."""
    conf = settings.get("extract", {})
    if not document.text or not document.text.strip():
        raise DocumentError("empty text")
    max_chars = int(conf.get("max_chars", 5_000_000))
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


def document_from_mapping(obj: Any, source: str) -> Document:
    """Build a Document from one JSON object, or raise DocumentError saying what is wrong."""
    if not isinstance(obj, dict):
        raise DocumentError(f"not a JSON object but {type(obj).__name__}", stage="read")
    doc_id = obj.get("id")
    if doc_id in (None, ""):
        raise DocumentError("missing required field 'id'", stage="read")
    text = obj.get("text")
    if text is None:
        raise DocumentError("missing required field 'text'", stage="read")
    if not isinstance(text, str):
        raise DocumentError(f"field 'text' is {type(text).__name__}, not a string", stage="read")
    return Document(
        id=str(doc_id),
        text=clean_text(text),
        url=obj.get("url") or None,
        title=obj.get("title") or None,
        published=_parse_date(obj.get("published")),
        source=source,
    )


def read_jsonl(path: Path) -> Iterator[Document | QuarantineRecord]:
    """Yield one Document per line; bad lines become QuarantineRecords (the run goes on)."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield QuarantineRecord(where, "read", f"not decodable as UTF-8: {exc.reason} at byte {exc.start}", str(path))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield QuarantineRecord(where, "read", f"invalid JSON: {exc.msg} (column {exc.colno})", str(path))
                continue
            doc_id = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") not in (None, "") else where
            try:
                yield document_from_mapping(obj, where)
            except DocumentError as exc:
                yield QuarantineRecord(doc_id, exc.stage, exc.reason, str(path))


# A saved page whose links carry at least this many different dates is a news index, not an article.
MIN_LISTING_ITEMS = 3


def read_html_folder(folder: Path) -> Iterator[Document | QuarantineRecord]:
    """Yield one Document per saved article page below the folder (sorted, so runs are reproducible).

    Listing pages (a saved site's news index) are not articles: they are skipped and logged.
    """
    from biwaq_extract.reading.article import parse_article
    from biwaq_extract.reading.listing import parse_listing

    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in HTML_SUFFIXES and p.is_file()):
        rel = path.relative_to(folder).as_posix()
        try:
            body = path.read_bytes()
            article = parse_article(body, url=None)
            # (the URL only resolves relative links; nothing is fetched)
            listing = parse_listing(body, f"http://saved.invalid/{rel}") if article.method == "generic" else None
            if listing and len({item.date for item in listing.items if item.date}) >= MIN_LISTING_ITEMS:
                log.info("skipped listing page %s", rel)
                continue
        except Exception as exc:  # a page we cannot parse is quarantined, never fatal
            yield QuarantineRecord(rel, "read", f"HTML not parseable: {type(exc).__name__}: {exc}", str(path))
            continue
        yield Document(
            id=article.id or rel,
            text=clean_text(article.text or ""),
            url=article.canonical_url or article.url,
            title=article.title,
            published=article.published,
            source=rel,
        )


def read_documents(path: Path) -> Iterator[Document | QuarantineRecord]:
    """Read a JSON Lines file or a folder of HTML pages."""
    path = Path(path)
    if path.is_dir():
        return read_html_folder(path)
    if path.is_file():
        return read_jsonl(path)
    raise InputError(f"input not found: {path}")


def with_text(document: Document, text: str) -> Document:
    return replace(document, text=text)
