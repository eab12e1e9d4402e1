"""Tests for biwaq_extract/nlp/text_helpers.py: pieces, photo credits, quoted titles, span sets, slugs."""

from __future__ import annotations

import re

import pytest
import spacy

from biwaq_extract.nlp.text_helpers import (
    CREDIT_LINES_ANY_CASE,
    CREDIT_LINES_CASED,
    CharRanges,
    ascii_slug,
    credit_ranges,
    doc_credit_ranges,
    doc_pieces,
    in_ranges,
    is_acronym,
    matches_where,
    pieces,
    quoted_title_ranges,
    umlaut_slug,
)

_PIECE_TEXTS = [
    "Jobcenter Berlin Mitte, Jobcenters Essen, Bezirksamt Neukölln\nStadt Pforzheim und in der Stadt Leipzig;",
    "", "\n\n", "Stadt", "ESF-Programm e. V. (BMAS) und_so  weiter…\u00a0Ende.",
]


@pytest.mark.parametrize("text", _PIECE_TEXTS)
def test_text_helpers_pieces_are_words_and_punctuation_with_offsets(text):
    toks = pieces(text)
    assert list(zip(toks.words, toks.starts, toks.ends)) == [
        (m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    words = {"Stadt", "Jobcenter", "(", "e"}
    assert toks.positions_of_words(text, words) == toks.positions(words)
    assert toks.positions_of_char(text, "(") == toks.positions({"("})


@pytest.mark.parametrize(
    "text, markers, lines, expected",
    [
        ("Bild eins © BMAS/Foo\nDer Text.", ("©",), CREDIT_LINES_CASED, [(10, 20)]),
        ("Text\nFoto: BMAS\nText", (), CREDIT_LINES_CASED, [(5, 15)]),
        ("Text\nfoto: BMAS\nText", (), CREDIT_LINES_CASED, []),
        ("Text\nfoto: BMAS\nText", (), CREDIT_LINES_ANY_CASE, [(5, 15)]),
        ("Text\nQuelle: Stadt Essen", (), CREDIT_LINES_ANY_CASE, [(5, 24)]),
    ],
)
def test_text_helpers_credit_ranges_run_to_the_line_end(text, markers, lines, expected):
    assert credit_ranges(text, markers, lines) == expected


@pytest.mark.parametrize("text", ["Rathaus © Stadt Essen\nFoto: X\nFotos: Y © Z", "Kein Bildnachweis hier."])
def test_text_helpers_doc_credit_ranges_equal_the_text_ranges(text):
    doc = spacy.blank("de").make_doc(text)
    for markers, lines in [(("©", "Fotos:"), CREDIT_LINES_CASED), (("©",), CREDIT_LINES_ANY_CASE)]:
        assert doc_credit_ranges(doc, markers, lines) == credit_ranges(text, markers, lines)
        assert doc_credit_ranges(doc, markers, lines) == credit_ranges(text, markers, lines)  # from the cache


@pytest.mark.parametrize("text", ["Das ESF-Programm e. V. tagt."])
def test_text_helpers_doc_pieces_are_the_pieces_of_the_doc_text(text):
    doc = spacy.blank("de").make_doc(text)
    assert doc_pieces(doc).words == pieces(text).words
    assert doc_pieces(doc) is doc_pieces(doc)


@pytest.mark.parametrize(
    "text, expected",
    [('Das Projekt "Zukunft für Essen" startet.', [(12, 31)]), ('Sie sagte: "Das war ein langer Tag für uns alle hier."', [])],
)
def test_text_helpers_quoted_titles_are_short_names_not_speech(text, expected):
    assert quoted_title_ranges(text) == expected


@pytest.mark.parametrize(
    "ranges, start, end, expected",
    [([(0, 5), (3, 9)], 8, 12, True), ([(0, 5), (10, 12)], 5, 10, False), ([], 0, 1, False)],
)
def test_text_helpers_char_ranges_overlap_like_a_scan(ranges, start, end, expected):
    assert in_ranges(start, end, CharRanges(ranges)) == in_ranges(start, end, ranges) == expected


@pytest.mark.parametrize(
    "text, ascii, umlauts",
    [("Bündnis für Ältere e. V.", "buendnis-fuer-aeltere-e-v", "bündnis-für-ältere-e-v"),
     ("Berlin-Neukölln", "berlin-neukoelln", "berlin-neukölln")],
)
def test_text_helpers_slugs_spell_umlauts_out_or_keep_them(text, ascii, umlauts):
    assert (ascii_slug(text), umlaut_slug(text)) == (ascii, umlauts)


@pytest.mark.parametrize("text, expected", [("BMAS", True), ("KoFa", True), ("ESF Plus", False), ("Essen", False)])
def test_text_helpers_acronyms_have_two_capitals_and_no_space(text, expected):
    assert is_acronym(text) is expected


_CLUB_LIKE = re.compile(r"(?<![\w-])(?P<brand>[A-ZÄÖÜ]{2,}[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+(?:werk|verein)[ \t]+[A-ZÄÖÜ]\w+")


@pytest.mark.parametrize("text", [
    "Das IQ Netzwerk Bayern und der Förderverein Nord, dazu das Bildungswerk  Süd.",
    "X-Förderverein Nord, Alt-Netzwerk Ost, _Netzwerk West, 3Netzwerk Mitte, IQ\tNetzwerk Hessen",
    "Förderverein Förderverein Nord", "", "Netzwerk",
])
def test_text_helpers_matches_where_equal_finditer(text):
    expected = [(m.span(), m.groupdict()) for m in _CLUB_LIKE.finditer(text)]
    found = [(m.span(), m.groupdict()) for m in matches_where(text, _CLUB_LIKE, ("werk", "verein"), word_before=True)]
    assert found == expected
