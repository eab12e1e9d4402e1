"""Print our own corpus articles as report-style PDFs: the PDF reader's test fixtures.

Each article of `corpus/gold` named below becomes `tests/fixtures/pdf/<id>.pdf`: an A5 report page with a
running header and footer (page numbers), a short table of contents with dot leaders, a "Stand:" line,
the article in two justified columns hyphenated with soft hyphens (Chromium does not hyphenate German by
itself), and a small table. Headless Chromium prints them; every timestamp is then fixed, so the script
reproduces the same bytes on every run (a test checks the committed files are what it makes).

    python scripts/make_test_pdfs.py            # rewrite tests/fixtures/pdf/*.pdf
    python scripts/make_test_pdfs.py --check    # exit 1 when a committed PDF differs

Needs Debian's chromium (`scripts/install_test_deps.sh` installs it) and pyphen (a dev dependency).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pyphen

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "corpus" / "gold"
OUT = REPO / "tests" / "fixtures" / "pdf"
CHROMIUM = "/usr/bin/chromium"
# Articles with several paragraphs, people, events and counts: enough for the quality gate to mean something.
ARTICLES = ("corpus-003", "corpus-010", "corpus-021", "corpus-033")
FIXED_DATE = "D:20240101000000+00'00'"  # every PDF date is replaced by this one
SOFT_HYPHEN = "\u00ad"
MIN_HYPHENATED = 8  # shorter words are never split at a line end by a careful typesetter either

CSS = """
@page { size: A5; margin: 22mm 14mm 20mm 14mm;
  @top-center { content: "BIWAQ-Programmbericht"; font: 8pt DejaVu Sans; color: #555; }
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font: 8pt DejaVu Sans; }
  @bottom-left { content: "Bundesprogramm BIWAQ"; font: 8pt DejaVu Sans; color: #555; } }
body { font: 9pt/1.3 "DejaVu Serif"; margin: 0; }
h1 { font: bold 13pt "DejaVu Sans"; margin: 0 0 3mm 0; }
.stand { font: 8pt "DejaVu Sans"; margin-bottom: 3mm; }
.toc { font: 8pt "DejaVu Sans"; margin-bottom: 4mm; }
.toc div { display: flex; } .toc .dots { flex: 1; overflow: hidden; white-space: nowrap; }
.toc .dots::after { content: " ........................................................................"; }
.columns { column-count: 2; column-gap: 6mm; text-align: justify; hyphens: manual; }
.columns p { margin: 0 0 2mm 0; }
table { border-collapse: collapse; font: 8pt "DejaVu Sans"; margin-top: 4mm; width: 100%; }
td, th { border: 0.5pt solid #888; padding: 1mm; text-align: left; }
"""

TABLE = """<table><tr><th>Baustein</th><th>Anteil der Mittel</th></tr>
<tr><td>Beschäftigung</td><td>45 %</td></tr><tr><td>Qualifizierung</td><td>35 %</td></tr>
<tr><td>Lokale Ökonomie</td><td>20 %</td></tr></table>"""


def hyphenate(text: str, dic: pyphen.Pyphen) -> str:
    """Insert soft hyphens at German syllable breaks of long words (inside compounds with '-' too)."""

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        return dic.inserted(w, hyphen=SOFT_HYPHEN) if len(w) >= MIN_HYPHENATED else w

    return re.sub(r"[A-Za-zÄÖÜäöüß]+", word, text)


def article_html(record: dict, dic: pyphen.Pyphen) -> str:
    paragraphs = [p.strip() for p in record["text"].split("\n\n") if p.strip()]
    title = paragraphs[0]
    body = [p for p in paragraphs[1:] if p not in ("Datum",) and not re.fullmatch(r"\d\d\.\d\d\.\d{4}", p)]
    stand = ".".join(reversed(record["published"].split("-")))
    parts = "".join(f"<p>{hyphenate(html.escape(p), dic)}</p>" for p in body)
    toc = "".join(
        f'<div><span>{i}. {html.escape(name)}</span><span class="dots"></span><span>{page}</span></div>'
        for i, (name, page) in enumerate((("Bericht", 1), ("Kennzahlen", 2)), start=1)
    )
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{html.escape(title)}</h1>"
        f'<div class="stand">Stand: {stand}</div><div class="toc">{toc}</div>'
        f'<div class="columns">{parts}</div>{TABLE}</body></html>'
    )


def fix_timestamps(pdf: bytes) -> bytes:
    """Chromium writes the print time into the Info dictionary: replace it (same length keeps offsets)."""

    def fixed(match: re.Match[bytes]) -> bytes:
        value = match.group(2)
        return match.group(1) + FIXED_DATE.encode()[: len(value)].ljust(len(value), b"0") + b")"

    return re.sub(rb"(/(?:CreationDate|ModDate) \()([^)]*)\)", fixed, pdf)


def print_pdf(page_html: str, work: Path) -> bytes:
    source = work / "page.html"
    target = work / "page.pdf"
    source.write_text(page_html, encoding="utf-8")
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={work / 'profile'}",
         "--no-pdf-header-footer", f"--print-to-pdf={target}", source.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return fix_timestamps(target.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed PDFs instead of writing")
    args = parser.parse_args(argv)
    dic = pyphen.Pyphen(lang="de_DE")
    OUT.mkdir(parents=True, exist_ok=True)
    differ = []
    with tempfile.TemporaryDirectory() as tmp:
        for article_id in ARTICLES:
            record = json.loads((GOLD / f"{article_id}.json").read_text(encoding="utf-8"))
            pdf = print_pdf(article_html(record, dic), Path(tmp))
            target = OUT / f"{article_id}.pdf"
            if args.check:
                if not target.exists() or target.read_bytes() != pdf:
                    differ.append(target.name)
            else:
                target.write_bytes(pdf)
    if differ:
        print("differs from what the script makes: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
