"""Tests for biwaq_extract/nlp/german_case_forms.py: case forms of organisation and programme names."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.german_case_forms import gender, inflected_variants, nominative


@pytest.mark.parametrize(
    "name, form",
    [
        ("Bundesministerium für Arbeit und Soziales", "Bundesministeriums für Arbeit und Soziales"),
        ("Europäische Kommission", "Europäischen Kommission"),
        ("Bundesverwaltungsamt", "Bundesverwaltungsamtes"),
        ("Deutscher Städtetag", "Deutschen Städtetages"),
        ("Evangelische Hochschule Berlin", "Evangelischen Hochschule Berlin"),
        ("Bayerisches Arbeits- und Sozialministerium", "Bayerischen Arbeits- und Sozialministeriums"),
        ("Presse- und Informationsamt der Bundesregierung", "Presse- und Informationsamtes der Bundesregierung"),
    ],
)
def test_german_case_forms_inflected_variants_cover_case_forms(name, form):
    assert form in inflected_variants(name)


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Technischen Universität Dortmund", "Technische Universität Dortmund"),
        ("Bayerischen Staatsministeriums für Familie", "Bayerisches Staatsministerium für Familie"),
        ("Jobcenters Essen", "Jobcenter Essen"),
        ("Kinderhauses Sonnenschein", "Kinderhaus Sonnenschein"),
    ],
)
def test_german_case_forms_nominative_undoes_declension(surface, expected):
    assert nominative(surface) == expected


@pytest.mark.parametrize("head, expected", [("Städtetag", "m"), ("Kommission", "f"), ("Ministerium", "n")])
def test_german_case_forms_gender_from_the_head_ending(head, expected):
    assert gender(head) == expected


@pytest.mark.parametrize(
    "name, form",
    [
        ("Deutsches Rotes Kreuz", "Deutschen Roten Kreuz"),
        ("Deutsches Rotes Kreuz", "Deutschen Roten Kreuzes"),
        ("Neues Forum", "Neuen Forum"),
    ],
)
def test_german_case_forms_adjectives_in_a_row_share_their_ending(name, form):
    assert form in inflected_variants(name)
    assert nominative(form) == name


@pytest.mark.parametrize(
    "form, name",
    [("Beratungsstelle Arbeit", "Beratungsstelle Arbeit"), ("Stadtteilinitiative Nordstadt", "Stadtteilinitiative Nordstadt"),
     ("Innovativen Beschäftigung", "Innovative Beschäftigung")],
)
def test_german_case_forms_nouns_shaped_like_adjectives_stay_nouns(form, name):
    assert nominative(form) == name
