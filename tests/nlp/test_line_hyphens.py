"""Tests for biwaq_extract/nlp/organisations/line_hyphens.py: words split at a line break, mended."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.organisations.line_hyphens import mend_line_hyphens


@pytest.mark.parametrize(
    "text, mended, word",
    [
        ("Die Agentur für Arbeit Neubranden-\nburg hilft.", "Die Agentur für Arbeit Neubrandenburg hilft.",
         "Neubrandenburg"),
        ("im Land Sachsen-\nAnhalt", "im Land Sachsen-Anhalt", "Sachsen-Anhalt"),
        ("das Bildungs- \n zentrum Nord", "das Bildungszentrum Nord", "Bildungszentrum"),
    ],
)
def test_line_hyphens_mend_split_words_and_map_back(text, mended, word):
    m = mend_line_hyphens(text)
    assert m.text == mended
    at = mended.index(word)
    start, end = m.start(at), m.end(at + len(word))
    assert "".join(text[start:end].replace("-", "").split()) == word.replace("-", "")
    assert m.to_mended(start, end) == (at, at + len(word))


@pytest.mark.parametrize("text", ["Industrie-\nund Handelskammer", "Bau-, Stadt- und Raumforschung", "Kein Umbruch"])
def test_line_hyphens_leave_coordinations_and_plain_text(text):
    assert mend_line_hyphens(text) is None
