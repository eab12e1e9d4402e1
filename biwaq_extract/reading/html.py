"""Parse fetched HTML without any I/O: decode bytes, read article fields, find listing links and pagination."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, NavigableString, Tag

# --- records ---------------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Article:
    """One parsed article. `text` is the whole document as `biwaq extract` reads it; `body` only the body."""

    id: str
    url: str | None
    canonical_url: str | None
    title: str | None
    published: dt.date | None
    teaser: str | None
    body: str
    text: str
    newsletter_issue: str | None  # e.g. "3/2019" from "Auszug aus dem ESF-Newsletter 3/2019"
    source_line: str | None  # the "Auszug aus dem ESF-Newsletter ..." line itself
    date_line: str | None  # the date as the page prints it, when not in the portal's "Datum" form
    source_listing: str | None  # name of the Source whose selectors read it, or None (generic)
    content_hash: str
    method: str  # "selectors:<source>" or "generic"


@dataclass(frozen=True)
class ListingItem:
    """An article link on a listing page, with the date shown next to it when there is one."""

    url: str
    title: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Listing:
    """What a listing page links to: article candidates and further listing pages."""

    items: tuple[ListingItem, ...]
    next_pages: tuple[str, ...]
    rel_next: str | None = None


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
_DATUM = re.compile(r"\bDatum:?\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})")


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


_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "dc.date.issued", "dc.date", "dcterms.issued",
    "dcterms.date", "dcterms.created", "date", "pubdate", "publishdate", "publish-date", "citation_publication_date",
    "date.created", "last-modified",
)


def _meta_date(soup: BeautifulSoup) -> dt.date | None:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META and meta.get("content") and key not in found:
            found[key] = meta["content"]
    for key in _DATE_META:
        value = parse_date(found.get(key))
        if value:
            return value
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and parse_date(str(obj.get("datePublished") or "")):
                return parse_date(str(obj["datePublished"]))
    return None


# --- text ----------------------------------------------------------------------------------------------

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "tr", "caption", "figcaption", "address"}
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "body", "header", "footer", "aside", "form", "fieldset", "center"}
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
_ANY_WS = re.compile(r"\s+")
_PARTIAL_TAG = re.compile(r"<[^<>]*\Z")


def _norm(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _inline_text(el: Tag | NavigableString) -> str:
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
        text = _norm("".join(buffer))
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
                        text = _norm(_inline_text(child))
                        if text:
                            out.append(text)
                elif child.name in _CONTAINERS:
                    flush()
                    walk(child)
                elif child.name == "br":
                    buffer.append("\n")
                else:
                    buffer.append(_inline_text(child))
            elif type(child) is NavigableString:
                buffer.append(_ANY_WS.sub(" ", str(child)))
        flush()

    walk(el)
    return out


def content_hash(title: str | None, body: str) -> str:
    """Hash of the normalised title and body: equal for the same article under two URLs."""
    blob = unicodedata.normalize("NFC", f"{title or ''}\n{body}").casefold()
    blob = re.sub(r"\s+", " ", blob).strip()
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


_ISSUE = re.compile(r"Auszug aus dem\s+ESF[- ]?(?:Plus-)?Newsletter\s*(?:Nr\.?\s*)?(\d{1,2}\s*/\s*\d{4})?", re.I)


def document_text(title: str | None, published: dt.date | None, teaser: str | None, body: str,
                  source_line: str | None, date_line: str | None = None) -> str:
    """The document as `biwaq extract` reads it: title, date line, teaser, body, newsletter line.

    The date line is the page's own when it prints one in words ("24. September 2018" on a blog),
    else the portal's form "Datum\n12.11.2019", so the text reads as the page does.
    """
    parts = [title or ""]
    if date_line:
        parts.append(date_line)
    elif published:
        parts.append(f"Datum\n{published:%d.%m.%Y}")
    if teaser:
        parts.append(teaser)
    if body:
        parts.append(body)
    if source_line:
        parts.append(source_line)
    return "\n\n".join(p for p in parts if p)


# --- articles ------------------------------------------------------------------------------------------


def _select_text(root: Tag, selector: str) -> tuple[Tag | None, str | None]:
    if not selector:
        return None, None
    el = root.select_one(selector)
    if el is None:
        return None, None
    return el, _norm(_inline_text(el)) or None


def _canonical(soup: BeautifulSoup, url: str | None) -> str | None:
    link = soup.find("link", rel=lambda v: v and "canonical" in ([v] if isinstance(v, str) else v))
    href = link.get("href") if link else None
    if not href:
        og = soup.find("meta", property="og:url")
        href = og.get("content") if og else None
    if href:
        href = urljoin(url or "", href.strip())
        if urlsplit(href).scheme in {"http", "https"}:
            return canonicalize_url(href)
    return canonicalize_url(url) if url else None


def _meta_content(soup: BeautifulSoup, *keys: str) -> str | None:
    for key in keys:
        meta = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if meta and meta.get("content", "").strip():
            return _norm(meta["content"])
    return None


def _pick_source(soup: BeautifulSoup, url: str | None, sources: Sequence[Source]) -> Source | None:
    """The source whose title and body selectors both match: markup decides, the URL breaks ties."""
    matching = [s for s in sources if s.title and s.body and soup.select_one(s.title) and soup.select_one(s.body)]
    if not matching:
        return None
    by_url = source_for(url, matching)
    return by_url or matching[0]


def _issue(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    m = _ISSUE.search(text)
    if not m:
        return None, None
    issue = re.sub(r"\s+", "", m.group(1)) if m.group(1) else None
    line = next((ln for ln in text.split("\n") if _ISSUE.search(ln)), m.group(0))
    return issue, line.strip()


def parse_article(
    html: bytes | str,
    url: str | None = None,
    headers: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
    *,
    sources: Sequence[Source] | None = None,
) -> Article:
    """Read title, date, teaser, body, canonical URL and newsletter issue from one article page.

    Pages matching a source's selectors are read with them; any other layout goes through generic
    main-content extraction (trafilatura) with date and title from the usual meta tags.
    """
    sources = default_sources() if sources is None else sources
    text = _PARTIAL_TAG.sub("", decode_html(html, headers))  # a page cut off mid-tag
    soup = BeautifulSoup(text, "lxml")
    canonical = _canonical(soup, url)
    src = _pick_source(soup, canonical or url, sources)
    if src is not None:
        title, published, teaser, body, source_line = _by_selectors(soup, src)
        date_line = None
        method = f"selectors:{src.name}"
    else:
        title, published, teaser, body, source_line, date_line = _generic(soup, text, url)
        method = "generic"
    if published is None:
        published = _meta_date(soup)
    issue, found_line = _issue(source_line or body)
    if found_line and not source_line:
        # The newsletter line sat inside the body: move it to the end where the document format puts it.
        body = "\n\n".join(b for b in body.split("\n\n") if found_line not in b)
        source_line = found_line
    id_source = src or source_for(canonical or url, sources)
    return Article(
        id=article_id(canonical or url, id_source),
        url=url,
        canonical_url=canonical,
        title=title,
        published=published,
        teaser=teaser,
        body=body,
        text=document_text(title, published, teaser, body, source_line, date_line),
        date_line=date_line,
        newsletter_issue=issue,
        source_line=source_line,
        source_listing=id_source.name if id_source else None,
        content_hash=content_hash(title, body),
        method=method,
    )


def _by_selectors(soup: BeautifulSoup, src: Source):
    for el in soup.select(src.skip) if src.skip else []:
        el.decompose()
    title_el, title = _select_text(soup, src.title)
    if title:
        title = re.sub(r"\s*\n\s*", " ", title)
    date_el, date_text = _select_text(soup, src.date)
    published = parse_date(date_text)
    teaser_el, teaser = _select_text(soup, src.teaser)
    if teaser_el is not None:
        teaser = "\n\n".join(block_texts(teaser_el)) or teaser
    source_el, source_line = _select_text(soup, src.source)
    body_el = soup.select_one(src.body)
    for el in (title_el, date_el, teaser_el, source_el):
        if el is not None and body_el is not None and (el is body_el or el in body_el.parents):
            continue  # never remove the body itself
        if el is not None and el.parent is not None:
            el.extract()  # already read: keep it out of the body
    body = "\n\n".join(block_texts(body_el)) if body_el is not None else ""
    if published is None:
        m = _DATUM.search(soup.get_text("\n"))
        published = parse_date(m.group(1)) if m else None
    return title, published, teaser, body, source_line


def _generic(soup: BeautifulSoup, text: str, url: str | None):
    import trafilatura

    # favor_recall: news pages are short, and a missed paragraph costs more than a stray caption.
    result = trafilatura.bare_extraction(
        text, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    main = soup.find("article") or soup.find("main") or soup.body or soup
    h1 = main.find("h1") if isinstance(main, Tag) else None
    title = (_norm(_inline_text(h1)) if h1 else None) or _meta_content(soup, "og:title") or data.get("title")
    if title:
        title = re.sub(r"\s*\n\s*", " ", title)
    published = _meta_date(soup)
    date_line = None
    t = (main.find("time", attrs={"datetime": True}) if isinstance(main, Tag) else None) or soup.find("time", attrs={"datetime": True})
    if t is not None:
        published = published or parse_date(t["datetime"])
        shown = _norm(_inline_text(t))
        if shown and parse_date(shown) == published:
            date_line = shown  # the date as the page prints it
    if published is None and isinstance(main, Tag):
        m = _DATUM.search(main.get_text("\n"))
        published = parse_date(m.group(1)) if m else None
    if published is None and data.get("date"):
        published = parse_date(str(data["date"]))
    raw_body = data.get("text") or ""
    if not raw_body.strip() and isinstance(main, Tag):
        raw_body = "\n".join(block_texts(main))
    # trafilatura puts one block per line; the document format separates paragraphs by a blank line.
    blocks = [_norm(line) for line in raw_body.split("\n")]
    blocks = [b for b in blocks if b and b != title]
    teaser = _meta_content(soup, "description", "og:description")
    if teaser and blocks and _norm(blocks[0]) == teaser:
        blocks = blocks[1:]
    blocks = [b for b in blocks if b != date_line]
    return title, published, teaser, "\n\n".join(blocks), None, date_line


# --- listings ------------------------------------------------------------------------------------------

_NEXT_WORDS = re.compile(r"^\s*(weiter|nächste\s+seite|nächste|next|vor|»|›|>>?)\s*$", re.I)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def _links(root: Tag, selector: str) -> list[Tag]:
    return [a for a in (root.select(selector) if selector else []) if a.name == "a" and a.get("href")]


def _resolve(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    absolute = urljoin(base, href)
    if urlsplit(absolute).scheme not in {"http", "https"}:  # never file:, javascript:, mailto:
        return None
    return absolute


def parse_listing(
    html: bytes | str,
    url: str,
    headers: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
    *,
    source: Source | None = None,
) -> Listing:
    """Article links (with their dates) and pagination links of a listing page.

    With a source, its `article_links` and `pagination` selectors decide; without one, links in the main
    content count as articles and links named "weiter", "nächste Seite", a page number or rel=next as pages.
    """
    soup = BeautifulSoup(decode_html(html, headers), "lxml")
    base_tag = soup.find("base", href=True)
    base = urljoin(url, base_tag["href"]) if base_tag else url
    pages: list[str] = []
    rel_next = None
    for el in soup.find_all(["a", "link"], href=True):
        rel = el.get("rel") or []
        if "next" in ([rel] if isinstance(rel, str) else rel):
            rel_next = rel_next or _resolve(el["href"], base)
    candidates = _links(soup, source.pagination) if source and source.pagination else []
    for a in soup.find_all("a", href=True):
        label = _norm(a.get_text(" ")) or (a.get("title") or "") or (a.get("aria-label") or "")
        if _NEXT_WORDS.match(label) or _PAGE_NUMBER.match(label) or "nächste seite" in label.lower():
            candidates.append(a)
    for a in candidates:
        target = _resolve(a["href"], base)
        if target and target not in pages and canonicalize_url(target) != canonicalize_url(url):
            pages.append(target)
    if rel_next and rel_next not in pages:
        pages.insert(0, rel_next)
    page_set = {canonicalize_url(p) for p in pages}

    items: list[ListingItem] = []
    seen: set[str] = set()
    article_anchors = _links(soup, source.article_links) if source and source.article_links else []
    if not article_anchors:
        main = soup.find("main") or soup.find(id=re.compile("content|main", re.I)) or soup.body or soup
        for a in main.find_all("a", href=True):
            if a.find_parent(["nav", "header", "footer"]):
                continue
            article_anchors.append(a)
    for a in article_anchors:
        target = _resolve(a["href"], base)
        if not target or canonicalize_url(target) in page_set or canonicalize_url(target) == canonicalize_url(url):
            continue
        title = _norm(a.get_text(" "))
        if not title or _NEXT_WORDS.match(title) or _PAGE_NUMBER.match(title):
            continue
        if target in seen:
            continue
        seen.add(target)
        items.append(ListingItem(url=target, title=title, date=_item_date(a, source)))
    return Listing(items=tuple(items), next_pages=tuple(pages), rel_next=rel_next)


def _item_date(anchor: Tag, source: Source | None) -> dt.date | None:
    """The date printed in the teaser around a link: the nearest ancestor (up to 4 levels) that has one."""
    node: Tag | None = anchor
    for _ in range(4):
        node = node.parent if node is not None else None
        if node is None or node.name in {"body", "html", "ul", "ol", "main"}:
            return None
        if source and source.listing_date:
            el = node.select_one(source.listing_date)
            if el is not None:
                return parse_date(el.get("datetime") or el.get_text(" "))
        t = node.find("time", attrs={"datetime": True})
        if t is not None:
            return parse_date(t["datetime"])
        found = parse_date(node.get_text(" "))
        if found:
            return found
    return None
