"""Where a gathering takes place: the place of its sentence, its venue's town, the title's town."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from biwaq_extract.records import PlaceMention

_TOWN_KINDS = ("city", "district")


@dataclass(frozen=True)
class PlaceRules:
    """Word lists of data/events.yaml (and the city states of data/places.yaml) for reading places."""

    prepositions: frozenset[str]  # "in", "im", "nach", "auf": the place after them is where
    area_nouns: tuple[str, ...]  # "im Stadtteil Gröpelingen": endings of nouns naming an area
    city_states: frozenset[str]  # the Länder that are towns too ("in Berlin")
    gazetteer: dict = field(default_factory=dict, compare=False, repr=False)  # surface form -> places.Place

    def town_named(self, word: str) -> str | None:
        """The town (or city state) a word names in the gazetteer, in its nominative; not a district, whose
        names are often a part of a town's name ("Zentrum Mitte")."""
        p = self.gazetteer.get(word)
        return p.name if p is not None and (p.kind == "city" or p.name in self.city_states) else None


def town(p: PlaceMention, rules: PlaceRules) -> bool:
    """A town or district (the city states count as towns), not a Land, country or region."""
    return p.kind in _TOWN_KINDS or p.name in rules.city_states


def after_preposition(text: str, p: PlaceMention, rules: PlaceRules) -> bool:
    """ "in Bonn", also with an area noun between: "im Stadtteil Gröpelingen", "im Soziale-Stadt-Gebiet X"."""
    before = text[max(0, p.start_char - 40) : p.start_char].split()
    if before and before[-1].lower() not in rules.prepositions and before[-1].lower().endswith(rules.area_nouns):
        before = before[:-1] if len(before) < 2 or before[-2].lower() in rules.prepositions else before[:-2]
    return bool(before) and before[-1].lower() in rules.prepositions


def pick_place(text: str, places: list[PlaceMention], anchor: int, rules: PlaceRules, anchor_end: int | None = None) -> PlaceMention | None:
    """The place of a gathering among its sentence's places: one after a preposition, else a town; a
    town or district before a Land or country, then the nearest to the gathering's noun from `anchor` to
    `anchor_end` ("Der Fachtag in Kiel und die Werkstatt in Lübeck": the Werkstatt's is Lübeck)."""
    end = anchor if anchor_end is None else anchor_end

    def gap(p: PlaceMention) -> int:
        return p.start_char - end if p.start_char >= end else abs(anchor - p.end_char)

    # a Land or country named without a preposition ("Aktionstag des ESF für Thüringen") is what a
    # gathering is about, not where it is
    good = [p for p in places if after_preposition(text, p, rules)] or [p for p in places if town(p, rules)]
    if not good:
        return None
    return min(good, key=lambda p: (p.kind not in _TOWN_KINDS, gap(p)))


def head_place(text: str, places: list[PlaceMention], ref: bool, venue_town: str | None, anchor: int,
               rules: PlaceRules, anchor_end: int | None = None) -> PlaceMention | None:
    """Where a gathering named by a noun takes place: a place of its sentences, else its venue's town."""
    if ref:  # a back-reference tells where only with "in <town>" ("die Veranstaltung in Helsinki")
        places = [p for p in places if after_preposition(text, p, rules) and town(p, rules)]
    place = pick_place(text, places, anchor, rules, anchor_end)
    # a Land named with the gathering ("Jahresveranstaltung des ESF Plus in Nordrhein-Westfalen") is its
    # scope; the town of its venue ("Veranstaltungsort war das RuhrCongress Bochum") is where it is
    if venue_town and (place is None or not town(place, rules)):
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


def organisation_towns(organisations, contexts: list, places: tuple[PlaceMention, ...], town_named=None,
                       city_states: frozenset[str] = frozenset()) -> dict[int, str]:
    """Sentence index -> the town a local organisation named in it is called after ("Caritas Dortmund",
    "Jobcenter Kiel", "Universität Bremen", "Hochschule in Magdeburg"): a gathering it holds takes place
    there. Its last word counts when the text names it as a town elsewhere or when `town_named` (the
    gazetteer) gives it as a town; a Land ("Diakonie Hessen") is what a body serves, not where it meets."""
    towns = {p.name for p in places if p.kind in _TOWN_KINDS}
    if not organisations or not (towns or town_named):
        return {}
    starts = [c.span.start_char for c in contexts]
    out: dict[int, str] = {}
    for o in organisations:
        words = o.text.split()
        last = words[-1] if len(words) > 1 else ""
        name = last if last in towns or last in city_states else town_named(last) if town_named and last[:1].isupper() else None
        if name:
            k = bisect_right(starts, o.start_char) - 1
            if k >= 0:
                out.setdefault(k, name)
    return out
