"""HTML templates of the bundled site: portal article pages, partner-blog posts, listing pages, robots.txt."""

from __future__ import annotations

import datetime as dt
import html

PORTAL_URL = "https://www.esf.de/portal/SharedDocs/Meldungen/DE"
PARTNER_URL = "https://partner.example.org/aktuelles"
LISTING_DIR = "portal/DE/Aktuelles/Meldungen"
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")
PER_PAGE = 10
# Crawl-delay kept tiny so a crawl of the ~50 pages stays within seconds, yet nonzero so that honouring it
# is visible in the fetch log's timestamps.
ROBOTS = """# Bundled snapshot of a newsletter site in the ESF portal's style (written by the biwaq-extract authors).
User-agent: *
Disallow: /portal/DE/Service/
Crawl-delay: 0.05
"""
# The portal appends session ids to links; the second listing page repeats the newest article with one,
# so a crawl must recognise the duplicate.
SESSION_SUFFIX = ";jsessionid=7CC4FADE1025F911E3FA1181575A4793"
# A teaser into the robots-disallowed service area on the first listing page: a polite crawl refuses it.
SERVICE_TEASER = ('<div class="teaser">\n<h2><a href="/portal/DE/Service/Newsletter/newsletter_node.html">'
                  "ESF-Newsletter abonnieren</a></h2>\n<p>Bleiben Sie informiert.</p>\n</div>\n")
PORTAL_NAV = ('<li><a href="/portal/DE/Home/home_node.html">Startseite</a></li>'
              '<li><a href="/portal/DE/Aktuelles/Meldungen/meldungen_node.html">Meldungen</a></li>'
              '<li><a href="/portal/DE/Service/Kontakt/kontakt_node.html">Kontakt</a></li>')
PARTNER_SITE = "Quartier & Arbeit – Das Partnerblog"
PARTNER_SIDEBAR = (
    ("/aktuelles/index.html", "Alle Beiträge"),
    ("/aktuelles/kategorie/projekte.html", "Aus den Projekten"),
    ("/aktuelles/kategorie/termine.html", "Termine"),
    ("/aktuelles/archiv.html", "Archiv"),
    ("/ueber-uns.html", "Über das Netzwerk"),
)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _a(text: str) -> str:
    return html.escape(text, quote=True)


def de_date(iso: str) -> str:
    """'2016-02-22' -> '22.02.2016', the portal's Datum line."""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def de_long(iso: str) -> str:
    """'2016-02-22' -> '22. Februar 2016', the partner blog's date line."""
    d = dt.date.fromisoformat(iso)
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def site_path(article: dict) -> str:
    """Path of the article's page below the site folder."""
    if article["layout"] == "partner":
        return f"partner/aktuelles/{article['slug']}.html"
    stem = article["published"].replace("-", "_") + "_" + article["slug"]
    return f"portal/SharedDocs/Meldungen/DE/{article['published'][:4]}/{stem}.html"


def url_of(article: dict) -> str:
    """The article's canonical URL, as the live site would give it."""
    if article["layout"] == "partner":
        return f"{PARTNER_URL}/{article['slug']}.html"
    return f"{PORTAL_URL}/{site_path(article).split('/DE/', 1)[1]}"


# Where the portal keeps downloads; an article's `reports` (PDF files in corpus/reports/) are linked from there.
REPORTS_PATH = "portal/SharedDocs/Downloads/DE"


def _reports_html(article: dict) -> str:
    items = "".join(f'<li><a href="/{REPORTS_PATH}/{_a(r["file"])}" type="application/pdf">{_e(r["label"])} (PDF)</a></li>'
                    for r in article.get("reports", []))
    return f'<div class="downloads"><h2>Downloads</h2><ul>{items}</ul></div>\n' if items else ""


def blocks(article: dict) -> list[str]:
    """Body paragraphs and subheadings as plain text ("## " marks a subheading)."""
    return [b[3:] if b.startswith("## ") else b for b in article["body"]]


def _body_html(article: dict) -> str:
    return "".join(f"<h2>{_e(b[3:])}</h2>" if b.startswith("## ") else f"<p>{_e(b)}</p>" for b in article["body"])


def render(article: dict) -> str:
    """The article's page in its layout."""
    return render_partner(article) if article["layout"] == "partner" else render_portal(article)


def render_portal(a: dict) -> str:
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="de"><head><meta charset="utf-8">\n',
        f"<title>ESF in Deutschland - {_e(a['title'])}</title>\n",
        f'<link rel="canonical" href="{_a(url_of(a))}">\n',
        f'<meta name="description" content="{_a(a["teaser"])}">\n',
        f'<meta name="DC.date.issued" content="{a["published"]}">\n',
        "</head><body>\n",
        f'<div id="wrapperOuter"><header id="header"><nav class="navMain"><ul>{PORTAL_NAV}</ul></nav></header>\n',
        '<main id="main"><div id="content" class="article">\n',
        f'<h1 class="isFirstInSlot">{_e(a["title"])}</h1>\n',
        f'<p class="date"><span>Datum</span> {de_date(a["published"])}</p>\n',
        f'<div class="abstract"><p>{_e(a["teaser"])}</p></div>\n',
        f'<div class="text">{_body_html(a)}</div>\n',
    ]
    if a.get("source"):
        parts.append(f'<p class="source">{_e(a["source"])}</p>\n')
    if a.get("caption"):
        parts.append(f'<div class="picture"><p class="caption">{_e(a["caption"])}</p></div>\n')
    parts.append(_reports_html(a))
    parts += [
        "</div></main>\n",
        '<footer id="footer"><p>© Bundesministerium für Arbeit und Soziales</p>'
        '<a href="/portal/DE/Service/Impressum/impressum_node.html">Impressum</a></footer></div>\n',
        "</body></html>\n",
    ]
    return "".join(parts)


def render_partner(a: dict) -> str:
    """A blog layout no portal selector describes, so the extractor's generic main-content reading is tested."""
    pub = a["published"]
    tz = "+02:00" if 4 <= int(pub[5:7]) <= 10 else "+01:00"  # summer time, roughly, as a blog would print it
    side = "".join(f'<li><a href="{_a(h)}">{_e(t)}</a></li>' for h, t in PARTNER_SIDEBAR)
    more = "".join(f'<li><a href="/aktuelles/{_a(r["slug"])}.html">{_e(r["title"])}</a></li>'
                   for r in a.get("related", []))
    return "".join([
        "<!DOCTYPE html>\n",
        '<html lang="de"><head><meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_e(a['title'])} | {_e(PARTNER_SITE)}</title>\n",
        f'<meta property="og:title" content="{_a(a["title"])}">\n',
        '<meta property="og:type" content="article">\n',
        f'<meta property="og:url" content="{_a(url_of(a))}">\n',
        f'<meta property="article:published_time" content="{pub}T09:30:00{tz}">\n',
        f'<link rel="canonical" href="{_a(url_of(a))}">\n',
        '<link rel="stylesheet" href="/assets/blog.css">\n',
        "</head><body>\n",
        '<div class="page">\n',
        f'<div class="topbar"><a class="brand" href="/">{_e(PARTNER_SITE)}</a>'
        '<a class="skip" href="#post">Zum Inhalt springen</a></div>\n',
        f'<div class="sidebar"><h3>Navigation</h3><ul>{side}</ul>'
        f'<h3>Weitere Beiträge</h3><ul>{more}</ul>'
        '<div class="widget newsletter"><p>Bleiben Sie informiert: Unser Rundbrief erscheint viermal im Jahr.</p>'
        '<a href="/rundbrief.html">Jetzt abonnieren</a></div></div>\n',
        '<article class="post" id="post">\n',
        f'<h1 class="post-title">{_e(a["title"])}</h1>\n',
        f'<time datetime="{pub}">{de_long(pub)}</time>\n',
        f'<div class="entry-content">{_body_html(a)}</div>\n',
        f'<div class="post-tags">Schlagworte: {_e(", ".join(a.get("tags", [])))}</div>\n',
        '<div class="share">Teilen: <a href="#">E-Mail</a> <a href="#">Drucken</a></div>\n',
        "</article>\n",
        '<div class="site-footer"><p>Ein Gemeinschaftsblog von Trägern aus Quartiersprojekten.</p>'
        '<a href="/impressum.html">Impressum</a> <a href="/datenschutz.html">Datenschutz</a></div>\n',
        "</div></body></html>\n",
    ])


# ---------------------------------------------------------------- listing pages
def page_name(n: int) -> str:
    return "meldungen_node.html" if n == 1 else f"meldungen_node_{n}.html"


def listing_items(articles: list[dict]) -> list[dict]:
    """One teaser per article, newest first (ties by path, so the order never changes between runs)."""
    items = []
    for a in articles:
        teaser = a.get("teaser") or blocks(a)[0]
        if len(teaser) > 240:
            teaser = teaser[:240].rsplit(" ", 1)[0] + " …"
        items.append({"href": "/" + site_path(a), "title": a["title"], "date": a["published"], "teaser": teaser})
    items.sort(key=lambda i: i["href"])
    items.sort(key=lambda i: i["date"], reverse=True)
    return items


def _teaser_html(item: dict, suffix: str = "") -> str:
    return (
        '<div class="teaser">\n'
        f'<p class="date">{de_date(item["date"])}</p>\n'
        f'<h2><a href="{html.escape(item["href"] + suffix)}">{html.escape(item["title"])}</a></h2>\n'
        f'<p>{html.escape(item["teaser"])}</p>\n'
        "</div>\n"
    )


def _pagination_html(n: int, total: int) -> str:
    items = []
    if n > 1:
        items.append(f'<li class="back"><a href="{page_name(n - 1)}" rel="prev" '
                     'title="Zur vorherigen Seite">zurück</a></li>')
    for k in range(1, total + 1):
        items.append(f'<li class="current"><strong>{k}</strong></li>' if k == n
                     else f'<li><a href="{page_name(k)}" title="Seite {k}">{k}</a></li>')
    if n < total:
        items.append(f'<li class="forward"><a href="{page_name(n + 1)}" rel="next" '
                     'title="Zur nächsten Seite">weiter</a></li>')
    return '<div class="navIndex">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</div>\n"


def _listing_html(n: int, total: int, teasers: str) -> str:
    head_links = ""
    if n > 1:
        head_links += f'<link rel="prev" href="{page_name(n - 1)}">\n'
    if n < total:
        head_links += f'<link rel="next" href="{page_name(n + 1)}">\n'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Meldungen – Seite {n} von {total} – ESF in Deutschland</title>\n"
        f'<link rel="canonical" href="https://www.esf.de/portal/DE/Aktuelles/Meldungen/{page_name(n)}">\n'
        f"{head_links}"
        "</head>\n<body>\n"
        '<nav class="navMain"><ul>\n' + PORTAL_NAV.replace("</li>", "</li>\n") + "</ul></nav>\n"
        '<div id="content">\n'
        '<h1 class="isFirstInSlot">Meldungen</h1>\n'
        f'<div class="teaserList">\n{teasers}</div>\n'
        + _pagination_html(n, total)
        + "</div>\n"
        '<footer><a href="https://www.bmas.de/DE/Europa-und-die-Welt/Europa/ESF/esf.html">BMAS</a> · '
        '<a href="javascript:window.print()">Drucken</a> · '
        '<a href="mailto:info@esf.de">Kontakt</a></footer>\n'
        "</body>\n</html>\n"
    )


def listings(articles: list[dict]) -> dict[str, str]:
    """The portal's Meldungen listing: ten teasers a page, page numbers, "weiter" and rel=next links."""
    items = listing_items(articles)
    total = (len(items) + PER_PAGE - 1) // PER_PAGE
    pages = {}
    for n in range(1, total + 1):
        teasers = "".join(_teaser_html(i) for i in items[(n - 1) * PER_PAGE: n * PER_PAGE])
        if n == 1:
            teasers += SERVICE_TEASER
        if n == 2:
            teasers += _teaser_html({**items[0], "title": "Lesen Sie auch: " + items[0]["title"]},
                                    suffix=SESSION_SUFFIX)
        pages[f"{LISTING_DIR}/{page_name(n)}"] = _listing_html(n, total, teasers)
    return pages
