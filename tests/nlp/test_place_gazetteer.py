"""Place gazetteer: towns, Länder, countries and regions with their forms, and a user gazetteer's places."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.place_gazetteer import known_place, place_forms
from biwaq_extract.steward.user_gazetteer import Entry, UserGazetteer


@pytest.mark.parametrize(
    "form, name, kind",
    [
        ("München", "München", "city"),
        ("Hamburgs", "Hamburg", "state"),
        ("Oberbayern", "Oberbayern", "region"),
        ("Harzes", "Harz", "region"),
        ("Deutschlands", "Deutschland", "country"),
    ],
)
def test_place_gazetteer_forms_name_the_place_in_the_nominative(form, name, kind):
    place = place_forms()[form]
    assert (place.name, place.kind) == (name, kind)


@pytest.mark.parametrize(
    "word, known",
    [
        ("Leipzig", True), ("Bund", False), ("Stadt", False), ("Stadt Zwickau", False),
        # spellings of a town's name are forms; translations and old names of it are not
        ("München", True), ("Berlin-Neukölln", True), ("Bundesstadt", False), ("Cassel", False),
    ],
)
def test_place_gazetteer_never_lists_common_words(word, known):
    assert known_place(word) is known


@pytest.mark.parametrize("alias", ["Kleinwunsdorf", "Wunsdorf-Klein"])
def test_place_gazetteer_user_places_join_the_shipped_ones(alias):
    entry = Entry("places", "kw", "Kleinwunsdorf", aliases=("Wunsdorf-Klein",), kind="district")
    forms = place_forms(UserGazetteer("user.yaml", "0" * 64, places=(entry,)))
    assert forms[alias].name == "Kleinwunsdorf" and "Leipzig" in forms
    assert alias not in place_forms()
