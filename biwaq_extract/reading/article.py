"""Reading one article page: title, date, teaser, body, canonical URL and newsletter issue, and its document text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from biwaq_extract.reading.html import (
    Source,
    article_id,
    block_texts,
    canonicalize_url,
    decode_html,
    default_sources,
    inline_text,
    norm_text,
    parse_date,
    source_for,
)

log = logging.getLogger(__name__)

_PARTIAL_TAG = re.compile(r"<[^<>]*\Z")
_DATUM = re.compile(r"\bDatum:?\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})")


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


def duplicate_key(title: str | None, body: str) -> str:
    """Hash of the case- and space-normalised title and body: equal for the same article under two URLs."""
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
    return el, norm_text(inline_text(el)) or None


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
            return norm_text(meta["content"])
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
    if not body.strip():
        # A changed layout or a page that is not an article: the crawl skips it, and the reader should see why.
        log.warning("no article body found in %s (read by %s)", url or canonical or "a page without URL", method)
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
        content_hash=duplicate_key(title, body),
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
    """Any other layout: trafilatura's main content, the title and date from the page's usual places."""
    import trafilatura

    # favor_recall: news pages are short, and a missed paragraph costs more than a stray caption.
    result = trafilatura.bare_extraction(
        text, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    main = soup.find("article") or soup.find("main") or soup.body or soup
    main = main if isinstance(main, Tag) else None
    title = _generic_title(soup, main, data)
    published, date_line = _generic_date(soup, main, data)
    teaser = _meta_content(soup, "description", "og:description")
    body = _generic_body(data.get("text") or "", main, title, teaser, date_line)
    return title, published, teaser, body, None, date_line


def _generic_title(soup: BeautifulSoup, main: Tag | None, data: dict) -> str | None:
    """The main content's <h1>, else og:title, else trafilatura's title; on one line."""
    h1 = main.find("h1") if main is not None else None
    title = (norm_text(inline_text(h1)) if h1 else None) or _meta_content(soup, "og:title") or data.get("title")
    return re.sub(r"\s*\n\s*", " ", title) if title else title


def _generic_date(soup: BeautifulSoup, main: Tag | None, data: dict) -> tuple[dt.date | None, str | None]:
    """The publication date (meta tags, <time>, a "Datum" line, trafilatura) and the date line as the page
    prints it, when a <time> element shows it."""
    published = _meta_date(soup)
    date_line = None
    t = (main.find("time", attrs={"datetime": True}) if main is not None else None) or soup.find("time", attrs={"datetime": True})
    if t is not None:
        published = published or parse_date(t["datetime"])
        shown = norm_text(inline_text(t))
        if shown and parse_date(shown) == published:
            date_line = shown  # the date as the page prints it
    if published is None and main is not None:
        m = _DATUM.search(main.get_text("\n"))
        published = parse_date(m.group(1)) if m else None
    if published is None and data.get("date"):
        published = parse_date(str(data["date"]))
    return published, date_line


def _generic_body(raw_body: str, main: Tag | None, title: str | None, teaser: str | None, date_line: str | None) -> str:
    """Paragraphs of the main content without the title, the teaser and the date line."""
    if not raw_body.strip() and main is not None:
        raw_body = "\n".join(block_texts(main))
    # trafilatura puts one block per line; the document format separates paragraphs by a blank line.
    blocks = [norm_text(line) for line in raw_body.split("\n")]
    blocks = [b for b in blocks if b and b != title]
    if teaser and blocks and norm_text(blocks[0]) == teaser:
        blocks = blocks[1:]
    return "\n\n".join(b for b in blocks if b != date_line)
