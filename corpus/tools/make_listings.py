"""Write the bundled site's listing pages and robots.txt from the article pages present under corpus/site.

Run after adding or changing article pages:  python corpus/tools/make_listings.py
Listings follow the ESF portal's Meldungen listing: newest first, ten teasers a page (title link, date,
teaser), pagination by page numbers, "weiter" and rel=next. Partner-blog articles are listed among them.
One teaser links to an article a second time with ";jsessionid=..." appended, as the portal does, so a
crawl must recognise the duplicate. Output is deterministic: rerunning changes nothing unless articles did.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from biwaq_extract.reading.html import parse_article  # noqa: E402 - after the path fix above

SITE = ROOT / "corpus" / "site"
LISTING_DIR = SITE / "portal" / "DE" / "Aktuelles" / "Meldungen"
PER_PAGE = 10
# Crawl-delay kept tiny so the main job's crawl of ~45 pages stays within seconds, yet nonzero so that
# honouring it is visible in the fetch log's timestamps.
ROBOTS = """# Bundled snapshot of a newsletter site in the ESF portal's style (written by the biwaq-extract authors).
User-agent: *
Disallow: /portal/DE/Service/
Crawl-delay: 0.05
"""


def page_name(n: int) -> str:
    return "meldungen_node.html" if n == 1 else f"meldungen_node_{n}.html"


def articles() -> list[dict]:
    paths = sorted((SITE / "portal" / "SharedDocs" / "Meldungen").glob("DE/*/*.html"))
    paths += sorted((SITE / "partner" / "aktuelles").glob("*.html"))
    out = []
    for path in paths:
        if path.name == "index.html":
            continue
        rel = "/" + path.relative_to(SITE).as_posix()
        article = parse_article(path.read_bytes(), url=f"http://127.0.0.1{rel}")
        if not article.title:
            print(f"skipping {rel}: no title found", file=sys.stderr)
            continue
        teaser = article.teaser or next(iter(article.body.split("\n\n")), "")
        if len(teaser) > 240:
            teaser = teaser[:240].rsplit(" ", 1)[0] + " …"
        out.append({"href": rel, "title": article.title, "date": article.published, "teaser": teaser})
    # Newest first; undated ones last; ties by path so the order never changes between runs.
    out.sort(key=lambda a: a["href"])
    out.sort(key=lambda a: a["date"].toordinal() if a["date"] else 0, reverse=True)
    return out


def teaser_html(item: dict, suffix: str = "") -> str:
    date = f'<p class="date">{item["date"]:%d.%m.%Y}</p>\n' if item["date"] else ""
    return (
        '<div class="teaser">\n'
        f"{date}"
        f'<h2><a href="{html.escape(item["href"] + suffix)}">{html.escape(item["title"])}</a></h2>\n'
        f'<p>{html.escape(item["teaser"])}</p>\n'
        "</div>\n"
    )


def pagination_html(n: int, total: int) -> str:
    items = []
    if n > 1:
        items.append(f'<li class="back"><a href="{page_name(n - 1)}" rel="prev" title="Zur vorherigen Seite">zurück</a></li>')
    for k in range(1, total + 1):
        if k == n:
            items.append(f'<li class="current"><strong>{k}</strong></li>')
        else:
            items.append(f'<li><a href="{page_name(k)}" title="Seite {k}">{k}</a></li>')
    if n < total:
        items.append(f'<li class="forward"><a href="{page_name(n + 1)}" rel="next" title="Zur nächsten Seite">weiter</a></li>')
    return '<div class="navIndex">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</div>\n"


def listing_html(n: int, total: int, chunk: list[dict], extra: str) -> str:
    head_links = ""
    if n > 1:
        head_links += f'<link rel="prev" href="{page_name(n - 1)}">\n'
    if n < total:
        head_links += f'<link rel="next" href="{page_name(n + 1)}">\n'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Meldungen – Seite {n} von {total} – ESF in Deutschland</title>\n"
        '<link rel="canonical" href="https://www.esf.de/portal/DE/Aktuelles/Meldungen/' + page_name(n) + '">\n'
        f"{head_links}"
        "</head>\n<body>\n"
        '<nav class="navMain"><ul>\n'
        '<li><a href="/portal/DE/Home/home_node.html">Startseite</a></li>\n'
        '<li><a href="/portal/DE/Aktuelles/Meldungen/meldungen_node.html">Meldungen</a></li>\n'
        '<li><a href="/portal/DE/Service/Kontakt/kontakt_node.html">Kontakt</a></li>\n'
        "</ul></nav>\n"
        '<div id="content">\n'
        '<h1 class="isFirstInSlot">Meldungen</h1>\n'
        '<div class="teaserList">\n' + "".join(teaser_html(i) for i in chunk) + extra + "</div>\n"
        + pagination_html(n, total)
        + "</div>\n"
        '<footer><a href="https://www.bmas.de/DE/Europa-und-die-Welt/Europa/ESF/esf.html">BMAS</a> · '
        '<a href="javascript:window.print()">Drucken</a> · '
        '<a href="mailto:info@esf.de">Kontakt</a></footer>\n'
        "</body>\n</html>\n"
    )


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text("utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return True


def main() -> int:
    items = articles()
    if not items:
        print("no article pages found under corpus/site", file=sys.stderr)
        return 1
    total = (len(items) + PER_PAGE - 1) // PER_PAGE
    for stale in LISTING_DIR.glob("meldungen_node*.html"):
        if stale.name not in {page_name(k) for k in range(1, total + 1)}:
            stale.unlink()
    changed = 0
    for n in range(1, total + 1):
        chunk = items[(n - 1) * PER_PAGE : n * PER_PAGE]
        extra = ""
        if n == 1:
            # A teaser into the robots-disallowed service area: a polite crawl refuses it.
            extra += ('<div class="teaser">\n<h2><a href="/portal/DE/Service/Newsletter/newsletter_node.html">'
                      "ESF-Newsletter abonnieren</a></h2>\n<p>Bleiben Sie informiert.</p>\n</div>\n")
        if n == 2:
            # The portal appends session ids to links; this one repeats the newest article.
            extra += teaser_html({**items[0], "title": "Lesen Sie auch: " + items[0]["title"]},
                                 suffix=";jsessionid=7CC4FADE1025F911E3FA1181575A4793")
        changed += write_if_changed(LISTING_DIR / page_name(n), listing_html(n, total, chunk, extra))
    changed += write_if_changed(SITE / "robots.txt", ROBOTS)
    print(f"{len(items)} articles on {total} listing pages; {changed} files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
