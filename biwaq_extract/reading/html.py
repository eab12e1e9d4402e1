"""Reading HTML without any I/O, for articles and listings alike: sources, URL identity, charsets, dates, paragraphs."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import NavigableString, Tag

@dataclass(frozen=True)
class Source:
    """One kind of site section: where its listing is, how to tell its pages, and CSS selectors to read them."""

    name: str
    listing: str = ""
    description: str = ""
    listing_pattern: str = ""  # regular expression searched in a URL's path
    article_pattern: str = ""
    id_prefix: str = ""
    article_links: str = ""
    listing_date: str = ""
    pagination: str = ""
    title: str = ""
    date: str = ""
    teaser: str = ""
    body: str = ""
    source: str = ""
    skip: str = ""

    def is_listing(self, url: str) -> bool:
        return bool(self.listing_pattern) and re.search(self.listing_pattern, urlsplit(url).path) is not None

    def is_article(self, url: str) -> bool:
        return bool(self.article_pattern) and re.search(self.article_pattern, urlsplit(url).path) is not None


# --- settings --------------------------------------------------------------------------------------------


def load_sources(settings: Mapping[str, Any]) -> tuple[Source, ...]:
    """Sources from settings: the [[sources]] list followed by any [[extra_sources]] a user file adds."""
    known = set(Source.__dataclass_fields__)
    out = []
    for raw in [*settings.get("sources", []), *settings.get("extra_sources", [])]:
        out.append(Source(**{k: v for k, v in raw.items() if k in known}))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def default_sources() -> tuple[Source, ...]:
    from biwaq_extract.config import load_settings

    return load_sources(load_settings())


def source_for(url: str | None, sources: Sequence[Source]) -> Source | None:
    """The first source whose article or listing pattern matches the URL's path."""
    if not url:
        return None
    for src in sources:
        if src.is_article(url) or src.is_listing(url):
            return src
    return None


# --- URLs --------------------------------------------------------------------------------------------------

# Session ids and the portal's navigation-node parameter change the URL, never the content.
_SESSION_PARAMS = {"nn", "jsessionid", "phpsessid", "sid", "sessionid", "utm_source", "utm_medium", "utm_campaign"}


def canonicalize_url(url: str) -> str:
    """A URL with session parts removed: ";jsessionid=..." path parameters, nn/utm query parts, fragment.

    >>> canonicalize_url("HTTP://www.ESF.de:80/a/b.html;jsessionid=ABC?nn=123&x=1#top")
    'http://www.esf.de/a/b.html?x=1'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    path = re.sub(r";[^/]*", "", parts.path) or "/"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _SESSION_PARAMS])
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id(url: str | None, source: Source | None = None) -> str:
    """A stable id from the canonical URL: the source's prefix + the last path segment without extension.

    >>> article_id("https://www.esf.de/portal/SharedDocs/Meldungen/DE/2017/2017_08_10_tdot.html", Source("s", id_prefix="esf-"))
    'esf-2017_08_10_tdot'
    """
    if not url:
        return ""
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    stem = re.sub(r"\.(html?|php|aspx?|jsp)$", "", last, flags=re.I)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-")
    if stem in {"", "index", "inhalt"}:
        stem = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    if source is not None and source.id_prefix:
        return source.id_prefix + stem
    # No source describes the page: name it after its site, so ids from different sites rarely collide:
    # the host's first label ("partner.example.org" -> "partner-"), or for a bare IP address (a local
    # mirror) the first path segment ("/partner/aktuelles/x.html" -> "partner-").
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    label = host.split(".")[0] if host and not re.fullmatch(r"[\d.]+|\[.*\]|localhost", host) else ""
    if not label:
        first = [s for s in path.split("/") if s][:1]
        label = first[0] if first and first[0] != last else ""
    label = re.sub(r"[^a-z0-9]+", "", label.lower())
    return f"{label}-{stem}" if label else stem


# --- decoding ------------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # WHATWG Encoding: a page labelled Latin-1 or ASCII is decoded as windows-1252 (browsers do the same,
    # and the portal's old pages put „typographic quotes" in that range).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def header_charset(headers: Mapping[str, str] | Sequence[tuple[str, str]] | None) -> str | None:
    if not headers:
        return None
    items = headers.items() if isinstance(headers, Mapping) else headers
    for key, value in items:
        if key.lower() == "content-type":
            m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", value, re.I)
            return m.group(1) if m else None
    return None


def decode_html(body: bytes | str, headers: Mapping[str, str] | Sequence[tuple[str, str]] | None = None) -> str:
    """Text of an HTML page: BOM, then the Content-Type charset, then <meta charset>, then detection."""
    if isinstance(body, str):
        return body
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace")
    for declared in (header_charset(headers), *(m.group(1).decode("ascii", "ignore") for m in _META_CHARSET.finditer(body[:4096]))):
        codec = _codec(declared)
        if codec:
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue  # a wrong label: fall through to the next hint and finally to detection
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    codec = _codec(best.encoding) if best else None
    return body.decode(codec or "cp1252", errors="replace")


def is_html(body: bytes, content_type: str | None) -> bool:
    """Is this response an HTML page (by its Content-Type, or by sniffing when the type is missing)?"""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in {"text/html", "application/xhtml+xml"}:
        return True
    if ctype and ctype not in {"application/octet-stream", "text/plain"}:
        return False
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head


# --- dates ---------------------------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}
_NUMERIC = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_WORDY = re.compile(r"\b(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]{3,9})\.?\s+(\d{4})\b")


def parse_date(text: str | None) -> dt.date | None:
    """The first date written as 12.03.2023, 2023-03-12 or 12. März 2023 in `text`.

    >>> parse_date("Datum 03.05.2021"), parse_date("3. Mai 2021"), parse_date("2021-05-03T10:00:00+02:00")
    (datetime.date(2021, 5, 3), datetime.date(2021, 5, 3), datetime.date(2021, 5, 3))
    """
    if not text:
        return None
    candidates = []
    for rx, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_WORDY, "dMy")):
        for m in rx.finditer(text):
            a, b, c = m.groups()
            try:
                if order == "ymd":
                    value = dt.date(int(a), int(b), int(c))
                elif order == "dmy":
                    value = dt.date(int(c), int(b), int(a))
                else:
                    month = _MONTHS.get(b.lower())
                    if month is None:
                        continue
                    value = dt.date(int(c), month, int(a))
            except ValueError:
                continue
            candidates.append((m.start(), value))
    return min(candidates)[1] if candidates else None


# --- text ----------------------------------------------------------------------------------------------

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "tr", "caption", "figcaption", "address"}
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "body", "header", "footer", "aside", "form", "fieldset", "center"}
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
_ANY_WS = re.compile(r"\s+")


def norm_text(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def inline_text(el: Tag | NavigableString) -> str:
    """Text of an element with <br> kept as a line break (comments, scripts and styles left out)."""
    if not isinstance(el, Tag):
        return str(el) if type(el) is NavigableString else ""
    parts = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif type(node) is NavigableString and node.parent.name not in {"script", "style", "template"}:
            # Source line breaks are just whitespace in HTML; only <br> breaks a line.
            parts.append(_ANY_WS.sub(" ", str(node)))
    return "".join(parts)


def block_texts(el: Tag) -> list[str]:
    """Paragraph-like blocks of an element in reading order; loose inline text forms its own block."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = norm_text("".join(buffer))
        if text:
            out.append(text)
        buffer.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if child.name in {"script", "style", "template", "noscript"}:
                    continue
                if child.name in _BLOCKS:
                    flush()
                    if child.find(_BLOCKS):  # a block holding blocks (li with p): descend
                        walk(child)
                    else:
                        text = norm_text(inline_text(child))
                        if text:
                            out.append(text)
                elif child.name in _CONTAINERS:
                    flush()
                    walk(child)
                elif child.name == "br":
                    buffer.append("\n")
                else:
                    buffer.append(inline_text(child))
            elif type(child) is NavigableString:
                buffer.append(_ANY_WS.sub(" ", str(child)))
        flush()

    walk(el)
    return out
