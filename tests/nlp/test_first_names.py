"""Tests for biwaq_extract/nlp/first_names.py: given names from gender-guesser and our own list."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.first_names import first_names


@pytest.mark.parametrize("name", ["Hubertus", "Björn", "Maarit", "Ayşe", "Judith"])
def test_first_names_from_package_and_data(name):
    assert name in first_names()


@pytest.mark.parametrize("word", ["August", "Sie", "Alter", "Europa"])
def test_first_names_exclude_common_words(word):
    assert word not in first_names()
