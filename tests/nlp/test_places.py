"""Places finder: gazetteer cities, districts, Länder, countries and regions, with the exclusions."""

from __future__ import annotations

import time

import pytest
import spacy

from biwaq_extract.nlp import places
from biwaq_extract.nlp.model import pipeline_from
from biwaq_extract.records import OrgMention
from conftest import run_with_orgs


_run = run_with_orgs


def _names(doc) -> list[tuple[str, str | None]]:
    return [(p.name, p.kind) for p in doc._.places]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Tagung fand in Leipzig statt.", [("Leipzig", "city")]),
        ("Gäste kamen aus München und Köln.", [("München", "city"), ("Köln", "city")]),
        ("Das Projekt läuft in Nordrhein-Westfalen und Sachsen.", [("Nordrhein-Westfalen", "state"), ("Sachsen", "state")]),
        ("Die Städte Nordrhein-Westfalens profitieren.", [("Nordrhein-Westfalen", "state")]),
        ("Teilnehmende reisten nach Finnland und Polen.", [("Finnland", "country"), ("Polen", "country")]),
        ("Die Lage in Ostdeutschland und im Ruhrgebiet bessert sich.", [("Ostdeutschland", "region"), ("Ruhrgebiet", "region")]),
        ("Der Fonds stärkt Europa und Deutschland.", [("Europa", "region"), ("Deutschland", "country")]),
        ("Die Zukunft Europas liegt in Brüssel.", [("Europa", "region"), ("Brüssel", "city")]),
        ("Ein Besuch in Frankfurt am Main folgte.", [("Frankfurt am Main", "city")]),
    ],
)
def test_places_gazetteer_forms_and_nominative(nlp, text, expected):
    assert _names(_run(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Kiosk steht in Berlin-Neukölln.", [("Berlin-Neukölln", "district")]),
        ("Ein Treff in Hamburg-Wilhelmsburg öffnete.", [("Hamburg-Wilhelmsburg", "district")]),
        ("Das Büro in Duisburg-Marxloh hilft.", [("Duisburg-Marxloh", "district")]),
        ("Der Berlin-Besuch und die Hamburg-Reise waren kurz.", []),
        ("In Moabit und Wilhelmsburg gibt es Angebote.", [("Moabit", "district"), ("Wilhelmsburg", "district")]),
    ],
)
def test_places_districts_and_hyphenated_forms(nlp, text, expected):
    assert _names(_run(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Essen und Trinken gab es reichlich.", []),
        ("Das Treffen fand in Essen statt.", ["Essen"]),
        ("Auf dem Hof spielten Kinder; danach ging es nach Hof.", ["Hof"]),
        ("Weil es regnete, blieben alle in Halle.", ["Halle"]),
        ("Die Mitte des Jahres brachte Neues.", []),
        ("Hinten in der Mitte steht die Projektleiterin.", []),
        ("Seminare gibt es in Dresden, Kiel und Mainz.", ["Dresden", "Kiel", "Mainz"]),
    ],
)
def test_places_ambiguous_words_need_a_preposition(nlp, text, expected):
    assert [p.name for p in _run(nlp, text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Berliner Senat arbeitet bundesweit und europäisch.", []),
        ("Die Studie der Evangelischen Hochschule Dresden erschien.", []),
        ("Beratung im Jobcenter Bochum hilft.", []),
        ("Die Abteilung Europa und Internationales stellte sich vor.", []),
        ("Das Projekt \"Zukunft für Rostock\" startete in Rostock.", ["Rostock"]),
        ("Das Team in Kassel\n© Stadt Kassel/Foto Hamburg", ["Kassel"]),
        ("Foto: Rainer Bremen\nDie Gruppe tagte in Erfurt.", ["Erfurt"]),
        ("Ministerin Anna Wittenberg sprach in Jena.", ["Jena"]),
        ("In ihrer Rede dankte sie den Gästen.", []),
        ("In seiner an den Minister anschließenden Rede dankte er.", []),
        ("Sie diskutierte mit Professorin Lena Kurz von der TU Dresden.", []),
        ("Die Tagung im BMAS Berlin war ausgebucht.", ["Berlin"]),
        ("Das Projekt in Weil am Rhein-Friedlingen wächst.", ["Weil am Rhein-Friedlingen"]),
        ("Das Ehepaar aus Charkiw lebt jetzt im Sauerland.", ["Charkiw", "Sauerland"]),
    ],
)
def test_places_not_adjectives_org_names_titles_or_credits(nlp, text, expected):
    assert [p.name for p in _run(nlp, text)._.places] == expected


@pytest.mark.parametrize(
    "text, org_text",
    [
        ("Das Bundesinstitut in Bonn lud nach Köln ein.", "Bundesinstitut in Bonn"),
        ("Die Arbeiterwohlfahrt Mönchengladbach feierte in Köln.", "Arbeiterwohlfahrt Mönchengladbach"),
    ],
)
def test_places_inside_organisation_mentions_are_skipped(nlp, text, org_text):
    start = text.index(org_text)
    org = OrgMention(org_text, start, start + len(org_text), "x", org_text, None, "test")
    assert [p.name for p in _run(nlp, text, [org])._.places] == ["Köln"]


@pytest.mark.parametrize("text", ["Die Tagung fand in Leipzig statt."])
def test_places_offsets_ids_and_sentence(nlp, text):
    (mention,) = _run(nlp, text)._.places
    assert text[mention.start_char:mention.end_char] == mention.text == "Leipzig"
    assert mention.place_id == "2879139"  # geonames id
    assert mention.sentence == text
    assert mention.rule == "gazetteer"


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # a model LOC after "in" that the gazetteer lacks is merged; one in the gazetteer keeps our name
        ("Wir waren in Kleinwunsdorf.", [("LOC", "Kleinwunsdorf")], ["Kleinwunsdorf"]),
        ("Wir waren in Leipzig.", [("LOC", "Leipzig")], ["Leipzig"]),
        # an unknown LOC without a locative preposition is not trusted
        ("Kleinwunsdorf ist schön.", [("LOC", "Kleinwunsdorf")], []),
        # nor a LOC that the rules read as a family name, an establishment's name or a common word
        ("Bürgermeisterin Gotha und Frau Kamenz kamen in Jena an.", [("LOC", "Gotha"), ("LOC", "Kamenz"), ("LOC", "Jena")], ["Jena"]),
        ("Wir trafen uns im Café Lissabon.", [("LOC", "Lissabon")], []),
        ("Essen gab es im Hof.", [("LOC", "Essen")], []),
    ],
)
def test_places_model_entities_merged(text, ents, expected):
    base = spacy.blank("de")
    ruler = base.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": label, "pattern": pattern} for label, pattern in ents])
    nlp, info = pipeline_from(base)
    assert info.statistical
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize("limit_seconds", [2.0])
def test_places_resources_load_quickly(limit_seconds):
    places._gazetteer.cache_clear()
    started = time.perf_counter()
    resources = places.load_resources()
    assert time.perf_counter() - started < limit_seconds
    assert {"Berlin", "München", "Finnland", "Bayern", "Ruhrgebiet"} <= set(resources.forms)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Tagung fand in Halle (Saale) statt.", ["Halle (Saale)"]),
        ("Das Büro zog nach Frankfurt (Oder) um.", ["Frankfurt (Oder)"]),
        ("Das Büro zog von Frankfurt/Oder nach Halle/Saale um.", ["Frankfurt/Oder", "Halle/Saale"]),
        ("Die Zahl der Kurse in Bonn/Köln stieg.", ["Bonn", "Köln"]),
        ("Der Stand war in Lahr (Landesgartenschau) zu sehen.", ["Lahr"]),
        ("Das Programm läuft bis Mitte 2022.", []),
        ("Ab Mitte März gilt die neue Frist.", []),
    ],
)
def test_places_official_qualifiers_and_date_words(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Projekt in Gladbeck-Brauck startet.", ["Gladbeck-Brauck"]),
        ("Der Kreis Recklinghausen fördert es.", ["Kreis Recklinghausen"]),
        ("Im Burgenlandkreis und im Rhein-Sieg-Kreis.", ["Burgenlandkreis", "Rhein-Sieg-Kreis"]),
        ("Der Arbeitskreis tagte mit dem Teilnehmerkreis.", []),
    ],
)
def test_places_counties_and_town_districts(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a county is named as a reader names it: by its own name, with the county word when a town of that
        # name would be meant otherwise, or when the word is part of the name
        ("Im Landkreis Limburg-Weilburg und im Landkreis Vorpommern-Greifswald laufen Projekte.",
         [("Limburg-Weilburg", "district"), ("Vorpommern-Greifswald", "district")]),
        # a town the gazetteer lacks, listed after a known one, each after "in"; not a common noun there
        ("Kurse gibt es am 2. Mai in Gotha und am 9. Mai in Schleusingen.",
         [("Gotha", "city"), ("Schleusingen", "city")]),
        ("Kurse gibt es in Gotha und in Präsenz, in Teilzeit oder in Vorbereitung.", [("Gotha", "city")]),
        # a county named by two towns leaves its towns named alone as they are
        ("Im Landkreis Bernkastel-Wittlich gibt es Kurse, der erste beginnt in Wittlich.",
         [("Bernkastel-Wittlich", "district"), ("Wittlich", "city")]),
        ("Im Kreis Recklinghausen und im Rhein-Kreis Neuss laufen Projekte.",
         [("Kreis Recklinghausen", "district"), ("Rhein-Kreis Neuss", "district")]),
        # a Land named only by its abbreviation keeps it; beside the full name, the full name
        ("Die Projekte in NRW wachsen.", [("NRW", "state")]),
        ("Nordrhein-Westfalen fördert; in NRW wachsen die Projekte.",
         [("Nordrhein-Westfalen", "state"), ("Nordrhein-Westfalen", "state")]),
        # a name split at a line-break hyphen is mended; a hyphen before "und" joins no name
        ("Projekte in Sachsen- Anhalt und Mecklenburg- Vorpommern.",
         [("Sachsen-Anhalt", "state"), ("Mecklenburg-Vorpommern", "state")]),
        # a town-named word after a salutation or title is a family name
        ("Es sprachen Frau Berlin und Dr. Essen in Bonn.", [("Bonn", "city")]),
        # so is the family name of a person the text names, used alone; after "in" it is the town
        ("Eva Lindau leitet es. „Gut so“, erklärte Lindau. Das Treffen war in Lindau.", [("Lindau", "city")]),
    ],
)
def test_places_counties_abbreviations_and_family_names(nlp, text, expected):
    assert _names(_run(nlp, text)) == expected


@pytest.mark.parametrize("text", ["Newsletter März\nEuropäischer Sozialfonds für Deutschland\nDer ESF Plus fördert."])
def test_places_on_logo_lines_are_not_places(make_doc, text):
    assert [p.name for p in make_doc(text, "2024-03-01")._.places] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an establishment named after another place: the name is not where things happen
        ("Die Runde traf sich im Café Wien in Jena.", ["Jena"]),
        ("Übernachtet wurde im Hotel Hamburg in Rostock.", ["Rostock"]),
        # a town linked into an institution's name by "zu" or "für", or before an English head
        ("Die Industrie- und Handelskammer zu Kassel lud nach Fulda ein.", ["Fulda"]),
        ("Die Handwerkskammer für Trier und Saarburg berät in Wittlich.", ["Wittlich"]),
        ("Die IHK Mittlerer Niederrhein zu Krefeld lädt nach Viersen ein.", ["Viersen"]),
        ("Die Umfrage fragte nach der Haltung zu Europa.", ["Europa"]),
        ("Studierende der Hamburg Media School und der Bremen University kamen nach Kiel.", ["Kiel"]),
        ("Die Investitionsbank Schleswig-Holstein und die Werkstätten Bremen fördern es.", []),
        # a head and one more noun before the town name one body
        ("Das Netzwerk Teilhabe Gera und die Agentur für Arbeit Suhl laden nach Jena ein.", ["Jena"]),
        # an administrative title before a town is not part of its name
        ("In der Stadt Sonneberg und in der Hansestadt Stendal gibt es Angebote.", ["Sonneberg", "Stendal"]),
        # common words that are also towns
        ("Faire Löhne und gute Arbeit: Die Reise ging von Norden nach Süden.", []),
        ("Die Kreishandwerkerschaft Bochum und die Diözese Fulda laden nach Hagen ein.", ["Hagen"]),
        # a genitive after a head names the place the head belongs to
        ("Die Tagung fand im Zentrum Leipzigs statt.", ["Leipzig"]),
        # a town after "für" that no institution precedes is a place
        ("Das Geld ist für Cottbus bestimmt.", ["Cottbus"]),
    ],
)
def test_places_inside_institution_and_establishment_names(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a family name after a salutation, used alone later, is the person
        ("Frau Gotha eröffnete. Danach sprach Gotha über die Ziele in Erfurt.", ["Erfurt"]),
        ("Herr Dr. Minden grüßte. Minden lobte die Gruppe.", []),
        ("Familie Celle zog vor einem Jahr nach Hannover.", ["Hannover"]),
        # a town's name in the nominative after a role word, or naming a quote's speaker, is a family name
        ("Landrat Bautzen und Bürgermeisterin Wismar eröffneten die Messe in Rostock.", ["Rostock"]),
        ("„Das lohnt sich“, sagt Meißen. Später sprach Staatssekretärin Plauen.", []),
        # the genitive after a role word names the office's town
        ("Der Oberbürgermeister Leipzigs begrüßte die Gäste.", ["Leipzig"]),
    ],
)
def test_places_family_names_after_salutations(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Café im Stadtteil Neu Zippendorf öffnet.", [("Neu Zippendorf", "district")]),
        ("Im Ortsteil Wiesenhof gibt es eine Sprechstunde.", [("Wiesenhof", "district")]),
        ("Die Beratung in Bonn-Bad Godesberg beginnt.", [("Bonn-Bad Godesberg", "district")]),
        # a district named once with its city keeps that name
        ("Der Treff in Bremen-Tenever öffnet. Im Stadtteil Tenever fehlt Platz.",
         [("Bremen-Tenever", "district"), ("Bremen-Tenever", "district")]),
        # "Landkreis" always takes a name; "Kreis" also means a circle
        ("Im Landkreis Wesermarsch und im Kreis Gleichgesinnter.", [("Wesermarsch", "district")]),
        ("Wie kann der Landkreis Unternehmen und Kooperationen stärken?", []),
        ("Sie will im Stadtteil Verantwortung übernehmen.", []),
        ("Angebote, die im Stadtteil Familien und Jugendliche unterstützen.", []),
        ("Wir wollen im Stadtteil Begegnungen schaffen und im Ortsteil Perspektiven öffnen.", []),
        ("Das Fest im Stadtteil Tenever war gut besucht.", [("Tenever", "district")]),
    ],
)
def test_places_names_after_district_nouns(nlp, text, expected):
    assert _names(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline names where the story happens, also in capitals
        ("Potsdam. Das Land fördert Projekte in der Lausitz.", ["Potsdam", "Lausitz"]),
        ("KIEL (dpa) – Das Land fördert neue Projekte.", ["Kiel"]),
        ("GÖRLITZ, 3. Mai 2025 – Ein Projekt beginnt.", ["Görlitz"]),
        # capitals that are no town, or no dateline
        ("ESF PLUS. Das Programm fördert.", []),
        ("Die Messe heißt JENA KREATIV.", []),
        # a town and a venue at a line's start is a place
        ("Dienstag, 4. Juni\nGera, Kulturhaus\nDie Tagung beginnt um zehn.", ["Gera"]),
    ],
)
def test_places_datelines(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a town named with its official qualifier is a place without a preposition, and keeps that name
        ("Termine:\nHalle (Saale), Rathaus\nIn Halle beginnt es.", ["Halle (Saale)", "Halle (Saale)"]),
        # regions and Regierungsbezirke
        ("Im Harz und in Unterfranken fehlen Fachkräfte.", ["Harz", "Unterfranken"]),
    ],
)
def test_places_qualified_towns_and_regions(nlp, text, expected):
    assert [p.name for p in nlp(text)._.places] == expected
