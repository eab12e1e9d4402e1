"""Where a gathering takes place: the place of its sentence, its venue's town, the title's town."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from biwaq_extract.records import PlaceMention

_TOWN_KINDS = ("city", "district")


@dataclass(frozen=True)
class PlaceRules:
    """Word lists of data/events.yaml (and the city states of data/places.yaml) for reading places."""

    prepositions: frozenset[str]  # "in", "im", "nach", "auf": the place after them is where
    area_nouns: tuple[str, ...]  # "im Stadtteil Gröpelingen": endings of nouns naming an area
    city_states: frozenset[str]  # the Länder that are towns too ("in Berlin")


def town(p: PlaceMention, rules: PlaceRules) -> bool:
    """A town or district (the city states count as towns), not a Land, country or region."""
    return p.kind in _TOWN_KINDS or p.name in rules.city_states


def after_preposition(text: str, p: PlaceMention, rules: PlaceRules) -> bool:
    """ "in Bonn", also with an area noun between: "im Stadtteil Gröpelingen", "im Soziale-Stadt-Gebiet X"."""
    before = text[max(0, p.start_char - 40) : p.start_char].split()
    if before and before[-1].lower() not in rules.prepositions and before[-1].lower().endswith(rules.area_nouns):
        before = before[:-1] if len(before) < 2 or before[-2].lower() in rules.prepositions else before[:-2]
    return bool(before) and before[-1].lower() in rules.prepositions


def pick_place(text: str, places: list[PlaceMention], anchor: int, rules: PlaceRules) -> PlaceMention | None:
    """The place of a gathering among its sentence's places: one after a preposition, else a town; a
    town or district before a Land or country, then the nearest to `anchor`."""
    # a Land or country named without a preposition ("Aktionstag des ESF für Thüringen") is what a
    # gathering is about, not where it is
    good = [p for p in places if after_preposition(text, p, rules)] or [p for p in places if town(p, rules)]
    if not good:
        return None
    return min(good, key=lambda p: (p.kind not in _TOWN_KINDS, abs(p.start_char - anchor)))


def head_place(text: str, places: list[PlaceMention], ref: bool, venue_town: str | None, anchor: int,
               rules: PlaceRules) -> PlaceMention | None:
    """Where a gathering named by a noun takes place: a place of its sentences, else its venue's town."""
    if ref:  # a back-reference tells where only with "in <town>" ("die Veranstaltung in Helsinki")
        places = [p for p in places if after_preposition(text, p, rules) and town(p, rules)]
    place = pick_place(text, places, anchor, rules)
    if place is None and venue_town:
        place = PlaceMention(venue_town, 0, 0, venue_town, "city", "rule:venue-town")
    return place


def title_town(text: str, places: list[PlaceMention], rules: PlaceRules) -> str | None:
    """The town a title says things happen in ("Fachtag in Bremen", "Projekte stellen sich in Leipzig
    vor", "Bremen: Fachtag zur Quartiersarbeit"): the first town after a preposition or opening the
    title before a colon or dash."""
    for p in places:
        if town(p, rules):
            first = not text[max(0, p.start_char - 2) : p.start_char].strip()
            opening = first and text[p.end_char : p.end_char + 3].lstrip()[:1] in (":", "–", "-")
            if opening or after_preposition(text, p, rules):
                return p.name
    return None


def organisation_towns(organisations, contexts: list, places: tuple[PlaceMention, ...], known_city=None) -> dict[int, str]:
    """Sentence index -> the town a local organisation named in it is called after ("Caritas Dortmund",
    "Jobcenter Kiel", "Hochschule in Magdeburg"): a gathering it holds takes place there. A bare last word
    counts only when the text also names it as a town, so a Land or a name that merely looks like a town
    does not; after "in" a town of the gazetteer (`known_city`) counts too."""
    towns = {p.name for p in places if p.kind in _TOWN_KINDS}
    if not organisations or not (towns or known_city):
        return {}
    starts = [c.span.start_char for c in contexts]
    out: dict[int, str] = {}
    for o in organisations:
        words = o.text.split()
        last = words[-1] if len(words) > 1 else ""
        located = len(words) > 2 and words[-2] == "in" and known_city is not None and known_city(last)
        if last in towns or located:
            k = bisect_right(starts, o.start_char) - 1
            if k >= 0:
                out.setdefault(k, last)
    return out
