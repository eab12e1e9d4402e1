"""Tests for biwaq_extract/nlp/token_view.py: token columns, word sets and token positions."""

from __future__ import annotations

import pytest
import spacy

from biwaq_extract.nlp.token_view import doc_lower_words, doc_words, token_positions, view


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


@pytest.mark.parametrize(
    "text,present",
    [
        ("Die Messe in Köln und die Messe in Bonn.", set()),
        ("Die Messe in Köln und die Messe in Bonn.", {"Messe"}),
        ("Die Messe in Köln und die Messe in Bonn.", {"Messe", "in", "Bonn", "."}),
        ("Die Messe in Köln und die Messe in Bonn.", {"Hamburg"}),
        ("", {"Messe", "in"}),
    ],
)
def test_token_view_positions_are_every_token_in_order(nlp, text, present):
    texts = view(nlp.make_doc(text)).texts
    assert token_positions(texts, present) == [i for i, t in enumerate(texts) if t in present]


@pytest.mark.parametrize("text", ["Der Fachtag und der FACHTAG", "", "Köln Köln"])
def test_token_view_word_sets_are_the_docs_words_once(nlp, text):
    doc = nlp.make_doc(text)
    assert doc_words(doc) == {t.text for t in doc}
    assert doc_lower_words(doc) == {t.lower_ for t in doc}
    assert doc_lower_words(doc) is doc_lower_words(doc)  # built once per Doc
