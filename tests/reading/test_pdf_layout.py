"""PDF layout rules on hand-made characters: lines by baseline, columns by gutter, hyphens, running lines."""

from __future__ import annotations

import pytest

from biwaq_extract.reading import pdf_layout
from biwaq_extract.reading.pdf_layout import Char, PageSize

PAGE = PageSize(400, 600)
WIDTH = 5.0  # every hand-made glyph is 5 points wide and 7 high, font size 10


def _word_chars(text: str, x: float, base: float) -> list[Char]:
    chars = []
    for ch in text:
        if ch == " ":
            chars.append(Char(" ", x, base, x, base, base=base, size=10))
            x += 3
        else:
            chars.append(Char(ch, x, base, x + WIDTH, base + 7, base=base, size=10))
            x += WIDTH + 0.5
    return chars


def _page(*placed: tuple[str, float, float]) -> list[pdf_layout.Line]:
    """Characters of each (text, x, baseline) in the order given: the order a producer wrote them."""
    chars = [c for text, x, base in placed for c in _word_chars(text, x, base)]
    return pdf_layout.page_lines(0, chars, PAGE)


@pytest.mark.parametrize("placed, expected", [
    # right column written first: reading order is still left column, then right
    ([("drei vier", 220, 500), ("fünf sechs", 220, 488), ("eins zwei", 20, 500), ("und los.", 20, 488),
      ("sieben", 220, 476), ("acht neun", 20, 476)],
     "eins zwei und los. acht neun drei vier fünf sechs sieben"),
    # a heading across both columns comes first, a full-width line below the columns last
    ([("Ueberschrift ueber beide Spalten hinweg", 20, 540), ("links oben", 20, 500), ("rechts oben", 220, 500),
      ("links unten", 20, 488), ("rechts unten", 220, 488), ("links mitte", 20, 476), ("rechts mitte", 220, 476),
      ("Fussnote ueber die ganze Breite der Seite", 20, 400)],
     "Ueberschrift ueber beide Spalten hinweg links oben links unten links mitte rechts oben rechts unten "
     "rechts mitte Fussnote ueber die ganze Breite der Seite"),
])
def test_pdf_layout_reads_columns_in_order_whatever_the_stream_order(placed, expected):
    lines = pdf_layout.reading_order(_page(*placed))
    assert " ".join(" ".join(ln.text for ln in lines).split()) == expected


@pytest.mark.parametrize("placed, expected", [
    ([("Arbeits-", 20, 500), ("markt", 20, 488)], "Arbeitsmarkt"),
    ([("Reaktorsi\u2010", 20, 500), ("cherheit", 20, 488)], "Reaktorsicherheit"),
    ([("ESF-", 20, 500), ("Verwaltungsbehoerde", 20, 488)], "ESF-Verwaltungsbehoerde"),
    ([("ESF-", 20, 500), ("gefoerdert", 20, 488)], "ESF-gefoerdert"),
    ([("veröf\u00adfentlicht", 20, 500)], "veröffentlicht"),
])
def test_pdf_layout_mends_words_broken_at_line_ends(placed, expected):
    assert pdf_layout.join_lines(pdf_layout.reading_order(_page(*placed))) == expected


@pytest.mark.parametrize("text, leader", [
    ("1. Einleitung .................... 3", True),
    ("Inhalt…… 12", True),
    ("Am 3. Mai trafen sich 80 Menschen.", False),
])
def test_pdf_layout_recognises_table_of_contents_leaders(text, leader):
    assert pdf_layout.is_leader_line(text) is leader


@pytest.mark.parametrize("footer", ["Seite 1 von 3", "- 2 -", "17"])
def test_pdf_layout_drops_page_numbers_and_repeated_headers(footer):
    sizes = [PAGE, PAGE]
    lines = [
        *pdf_layout.page_lines(0, _word_chars("Jahresbericht 2023", 20, 580) + _word_chars("Text eins.", 20, 300)
                               + _word_chars(footer, 300, 20), PAGE),
        *pdf_layout.page_lines(1, _word_chars("Jahresbericht 2023", 20, 580) + _word_chars("Text zwei.", 20, 300), PAGE),
    ]
    running = pdf_layout.running_lines(lines, sizes)
    kept = [ln.text for page in (0, 1) for ln in pdf_layout.page_text([x for x in lines if x.page == page], running)]
    assert kept == ["Text eins.", "Text zwei."]


@pytest.mark.parametrize("pages", [2])
def test_pdf_layout_page_offsets_point_at_each_page(pages):
    lines = [*pdf_layout.page_lines(0, _word_chars("Erste Seite.", 20, 300), PAGE),
             *pdf_layout.page_lines(1, _word_chars("Zweite Seite.", 20, 300), PAGE)]
    text, starts = pdf_layout.join_pages(lines, pages)
    assert [text[s:].split()[0] for s in starts] == ["Erste", "Zweite"]
