"""Reading a listing page: its article links (with the dates shown next to them) and its pagination."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from biwaq_extract.reading.html import Source, canonicalize_url, decode_html, norm_text, parse_date

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


_NEXT_WORDS = re.compile(r"^\s*(weiter|nächste\s+seite|nächste|next|vor|»|›|>>?)\s*$", re.I)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


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
    base = _base_url(soup, url)
    rel_next = _rel_next(soup, base)
    pages = _next_pages(soup, url, base, source, rel_next)
    items = _items(_article_anchors(soup, source), url, base, source, {canonicalize_url(p) for p in pages})
    return Listing(items=tuple(items), next_pages=tuple(pages), rel_next=rel_next)


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


def _base_url(soup: BeautifulSoup, url: str) -> str:
    """What relative links resolve against: the page's <base href>, else its own URL."""
    base_tag = soup.find("base", href=True)
    return urljoin(url, base_tag["href"]) if base_tag else url


def _rel_next(soup: BeautifulSoup, base: str) -> str | None:
    """The first link or anchor marked rel=next."""
    for el in soup.find_all(["a", "link"], href=True):
        rel = el.get("rel") or []
        if "next" in ([rel] if isinstance(rel, str) else rel):
            target = _resolve(el["href"], base)
            if target:
                return target
    return None


def _is_page_label(label: str) -> bool:
    return bool(_NEXT_WORDS.match(label) or _PAGE_NUMBER.match(label))


def _next_pages(soup: BeautifulSoup, url: str, base: str, source: Source | None, rel_next: str | None) -> list[str]:
    """Further listing pages: the source's pagination links, links named like a next page or a page number,
    and rel=next first; never the page itself."""
    candidates = _links(soup, source.pagination) if source and source.pagination else []
    for a in soup.find_all("a", href=True):
        label = norm_text(a.get_text(" ")) or (a.get("title") or "") or (a.get("aria-label") or "")
        if _is_page_label(label) or "nächste seite" in label.lower():
            candidates.append(a)
    pages: list[str] = []
    for a in candidates:
        target = _resolve(a["href"], base)
        if target and target not in pages and canonicalize_url(target) != canonicalize_url(url):
            pages.append(target)
    if rel_next and rel_next not in pages:
        pages.insert(0, rel_next)
    return pages


def _article_anchors(soup: BeautifulSoup, source: Source | None) -> list[Tag]:
    """Candidate article links: the source's `article_links`, else every link of the main content outside
    navigation, header and footer."""
    anchors = _links(soup, source.article_links) if source and source.article_links else []
    if anchors:
        return anchors
    main = soup.find("main") or soup.find(id=re.compile("content|main", re.I)) or soup.body or soup
    return [a for a in main.find_all("a", href=True) if not a.find_parent(["nav", "header", "footer"])]


def _items(anchors: list[Tag], url: str, base: str, source: Source | None, page_set: set[str]) -> list[ListingItem]:
    """One item per distinct article target: not a listing page, not the page itself, not a page-number link."""
    items: list[ListingItem] = []
    seen: set[str] = set()
    here = canonicalize_url(url)
    for a in anchors:
        target = _resolve(a["href"], base)
        if not target or target in seen or canonicalize_url(target) in page_set or canonicalize_url(target) == here:
            continue
        title = norm_text(a.get_text(" "))
        if not title or _is_page_label(title):
            continue
        seen.add(target)
        items.append(ListingItem(url=target, title=title, date=_item_date(a, source)))
    return items


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
