"""Where a gathering takes place: the place after a preposition, a town before a Land, the title's town."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp import event_places
from biwaq_extract.nlp.events import load_rules
from biwaq_extract.records import PlaceMention

RULES = load_rules().places
KINDS = {"Bonn": "city", "Leipzig": "city", "Berlin": "state", "Thüringen": "state", "Gröpelingen": "district"}


def _places(text: str) -> list[PlaceMention]:
    """The places of KINDS in the text, as the place finder would give them."""
    out = []
    for name, kind in KINDS.items():
        i = text.find(name)
        if i >= 0:
            out.append(PlaceMention(name, i, i + len(name), name, kind, "test"))
    return sorted(out, key=lambda p: p.start_char)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Aktionstag des ESF für Thüringen fand in Bonn statt.", "Bonn"),
        ("Der Aktionstag des ESF für Thüringen war gut besucht.", None),
        ("Die Werkstatt im Stadtteil Gröpelingen war ein Erfolg.", "Gröpelingen"),
        ("Fachleute aus Leipzig trafen sich in Berlin.", "Berlin"),
    ],
)
def test_event_places_pick_the_place_after_a_preposition(text, expected):
    place = event_places.pick_place(text, _places(text), 0, RULES)
    assert (place.name if place else None) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Fachtag in Bonn: Quartiere gemeinsam gestalten", "Bonn"),
        ("Projekte stellen sich in Berlin vor", "Berlin"),
        ("Thüringer Projekte stellen sich vor", None),
        ("Neues aus Leipzig", None),
        ("Leipzig: Projekte stellen sich vor", "Leipzig"),
        ("Bonn – Ein Fachtag für alle", "Bonn"),
    ],
)
def test_event_places_title_town(title, expected):
    assert event_places.title_town(title, _places(title), RULES) == expected
