"""Tests for biwaq_extract/nlp/organisations/ on our own German sentences (blank pipeline, no model)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

from biwaq_extract.nlp import organisations
from biwaq_extract.nlp.model import pipeline_from
from biwaq_extract.nlp.organisations.acronyms import schwartz_hearst
from biwaq_extract.nlp.organisations.name_rules import pattern_matches
from biwaq_extract.nlp.text_helpers import mention_ranges, pieces
from conftest import fixture_path


def _orgs(make_doc, text: str, published: str | None = "2023-06-01") -> dict[str, tuple]:
    """org_id -> (canonical name, acronym, surface texts) for one text."""
    out: dict[str, tuple] = {}
    for m in make_doc(text, published)._.organisations:
        name, acronym, texts = out.get(m.org_id, (m.name, m.acronym, ()))
        out[m.org_id] = (name, acronym, texts + (m.text,))
    return out


@pytest.mark.parametrize(
    "acronym, text, expected",
    [
        ("BAGSO", "gemeinsam mit der Bundesarbeitsgemeinschaft der Seniorenorganisationen",
         "Bundesarbeitsgemeinschaft der Seniorenorganisationen"),
        ("DJI", "laut dem Deutschen Jugendinstitut", "Deutschen Jugendinstitut"),
        ("XYZ", "ganz ohne Bezug", None),
    ],
)
def test_organisations_schwartz_hearst_finds_long_forms(acronym, text, expected):
    assert schwartz_hearst(acronym, text) == expected


@pytest.mark.parametrize(
    "text, org_id, surfaces",
    [
        ("Das Projekt wird vom Bundesministerium für Arbeit und Soziales (BMAS) gefördert.", "bmas",
         ("Bundesministerium für Arbeit und Soziales", "BMAS")),
        ("Eine Referentin des Bundesministeriums für Arbeit und Soziales sprach.", "bmas",
         ("Bundesministeriums für Arbeit und Soziales",)),
        ("Die Anträge gingen an das Bundesverwaltungsamt, das sie prüfte.", "bva", ("Bundesverwaltungsamt",)),
        ("Zuständig ist das Bundesarbeitsministerium.", "bmas", ("Bundesarbeitsministerium",)),
        ("Vertreterinnen der Europäischen Kommission kamen nach Köln.", "eu-kommission",
         ("Europäischen Kommission",)),
        ("Auch die EU-Kommission begrüßte den Vorschlag.", "eu-kommission", ("EU-Kommission",)),
        ("Die Daten stammen vom Bundesinstitut für Bau-, Stadt- und Raumforschung.", "bbsr",
         ("Bundesinstitut für Bau-, Stadt- und Raumforschung",)),
        # an acronym opening a compound names something else ("BAMF-Team"), as "EU-Mittel" does
        ("Das BAMF-Team und das Bundesamt für Migration und Flüchtlinge berieten.", "bamf",
         ("Bundesamt für Migration und Flüchtlinge",)),
        ("Ein Vertreter des Deutschen Caritasverbandes war dabei.", "caritas", ("Deutschen Caritasverbandes",)),
        ("Die SPD und die CDU stimmten zu.", "spd", ("SPD",)),
        ("Der Deutsche Städtetag lobte das Vorhaben.", "dst", ("Deutsche Städtetag",)),
    ],
)
def test_organisations_gazetteer_matches_case_forms(make_doc, text, org_id, surfaces):
    found = _orgs(make_doc, text)
    assert org_id in found
    assert found[org_id][2] == surfaces


@pytest.mark.parametrize(
    "text, published, org_id, name, acronym",
    [
        ("Das Bundesministerium des Innern, für Bau und Heimat lud ein.", "2019-05-02", "bmi",
         "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        ("Das Bundesministerium des Innern, für Bau und Heimat lud ein.", "2022-03-01", "bmi",
         "Bundesministerium des Innern und für Heimat", "BMI"),
        ("Das Bundesbauministerium stellte Mittel bereit.", "2016-04-10", "bmu",
         "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB"),
        ("Das Bundesbauministerium stellte Mittel bereit.", "2020-04-10", "bmi",
         "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        ("Das Bundesbauministerium stellte Mittel bereit.", "2023-04-10", "bmwsb",
         "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen", "BMWSB"),
        ("Das Bundesfamilienministerium startet ein Vorhaben.", "2025-09-01", "bmfsfj",
         "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend", "BMBFSFJ"),
        ("Das Bundesfamilienministerium startet ein Vorhaben.", None, "bmfsfj",
         "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
    ],
)
def test_organisations_canonical_name_follows_publication_date(make_doc, text, published, org_id, name, acronym):
    found = _orgs(make_doc, text, published)
    assert found[org_id][:2] == (name, acronym)


@pytest.mark.parametrize(
    "text, surface, name, org_type",
    [
        ("Es sprach die Staatssekretärin im Bayerischen Staatsministerium für Unterricht und Kultus.",
         "Bayerischen Staatsministerium für Unterricht und Kultus",
         "Bayerisches Staatsministerium für Unterricht und Kultus", "land-ministry"),
        ("Grüße kamen vom Niedersächsischen Sozialministerium.", "Niedersächsischen Sozialministerium",
         "Niedersächsisches Sozialministerium", "land-ministry"),
        ("Das Ministerium für Soziales und Integration des Landes Hessen fördert mit.",
         "Ministerium für Soziales und Integration des Landes Hessen",
         "Ministerium für Soziales und Integration des Landes Hessen", "land-ministry"),
        ("Auch das Sozialministerium Sachsen-Anhalt schickte eine Vertreterin.", "Sozialministerium Sachsen-Anhalt",
         "Sozialministerium Sachsen-Anhalt", "land-ministry"),
        ("Das sächsische Kultusministerium sagte zu.", "sächsische Kultusministerium", "Sächsisches Kultusministerium",
         "land-ministry"),
        ("Die Senatsverwaltung für Arbeit, Soziales und Gleichstellung war Gastgeberin.",
         "Senatsverwaltung für Arbeit, Soziales und Gleichstellung",
         "Senatsverwaltung für Arbeit, Soziales und Gleichstellung", "land-ministry"),
        ("Forschende der Katholischen Hochschule Freiburg begleiten das Projekt.", "Katholischen Hochschule Freiburg",
         "Katholische Hochschule Freiburg", "university"),
        ("Die Universität Bielefeld wertet aus.", "Universität Bielefeld", "Universität Bielefeld", "university"),
        ("Die Friedrich-Ebert-Stiftung lud zur Debatte.", "Friedrich-Ebert-Stiftung", "Friedrich-Ebert-Stiftung",
         "foundation"),
        ("Das Jobcenter Essen vermittelt die Teilnehmenden.", "Jobcenter Essen", "Jobcenter Essen", "jobcenter"),
        ("Das Bezirksamt Spandau stellt Räume bereit.", "Bezirksamt Spandau", "Bezirksamt Spandau", "municipal"),
        ("Die Stadt Wolfsburg unterstützt das Quartier.", "Stadt Wolfsburg", "Stadt Wolfsburg", "municipal"),
        ("Träger ist der Nachbarschaftsladen Südpark e. V. mit langer Erfahrung.", "Nachbarschaftsladen Südpark e. V.",
         "Nachbarschaftsladen Südpark e. V.", "association"),
        ("Umgesetzt wird es von der Lernwerkstatt Nord gGmbH in Kiel.", "Lernwerkstatt Nord gGmbH",
         "Lernwerkstatt Nord gGmbH", "company"),
        ("Mit dabei war der Projektträger ABC & PARTNER aus Gera.", "ABC & PARTNER", "ABC & PARTNER", "association"),
    ],
)
def test_organisations_patterns_find_unlisted_names(make_doc, text, surface, name, org_type):
    mentions = make_doc(text, "2022-01-01")._.organisations
    hit = [m for m in mentions if m.text == surface]
    assert hit, [m.text for m in mentions]
    assert (hit[0].name, hit[0].org_type, hit[0].rule) == (name, org_type, "gazetteer:pattern")
    assert hit[0].org_id.startswith("text:")


@pytest.mark.parametrize(
    "text, acronym, name",
    [
        ("Die Landesarbeitsgemeinschaft Jugendsozialarbeit Sachsen (LAGJS) koordiniert. Die LAGJS berichtet.",
         "LAGJS", "Landesarbeitsgemeinschaft Jugendsozialarbeit Sachsen"),
        ("Beteiligt war der Bundesverband Mobile Beratung (BMB). Später sprach der BMB-Vorstand.",
         "BMB", "Bundesverband Mobile Beratung"),
        ("Die KWB (Koordinierungsstelle Weiterbildung und Beschäftigung) lud ein; die KWB bleibt Partnerin.",
         "KWB", "Koordinierungsstelle Weiterbildung und Beschäftigung"),
    ],
)
def test_organisations_acronym_pairs_learned_from_text(make_doc, text, acronym, name):
    mentions = [m for m in make_doc(text)._.organisations if m.acronym == acronym]
    assert "text:acronym-pair" in {m.rule for m in mentions}
    assert len({m.org_id for m in mentions}) == 1
    assert mentions[0].name == name
    assert sum(m.text.startswith(acronym) for m in mentions) >= 2


def test_organisations_known_acronym_links_a_misspelt_long_form(make_doc):
    text = "Das Bundesministerium für Familien, Senioren, Frauen und Jugend (BMFSFJ) fördert das Projekt."
    found = _orgs(make_doc, text, "2022-01-01")
    assert set(found) == {"bmfsfj"}
    assert found["bmfsfj"][2] == ("Bundesministerium für Familien, Senioren, Frauen und Jugend", "BMFSFJ")


@pytest.mark.parametrize(
    "text",
    [
        "Die Künstliche Intelligenz (KI) verändert Arbeit in kleinen und mittleren Unternehmen (KMU).",
        "Das Ministerium und die Kommunen sprachen mit den Trägern.",
        "Das Programm BIWAQ und der ESF fördern das Projekt NIFA und das ZUKUNFT-Team.",
        "Die Projektgruppe Europäischer Sozialfonds (ESF) traf sich.",
        "Bundesarbeitsministerin Müller und der EU-Kommissar besuchten den Stand.",
        "Die Generaldirektion Beschäftigung und das Referat Europa tagten.",
        "Ein Studium mit BA-Abschluss reicht nicht.",
        "Wir wohnen in der Stadt Leipzig und arbeiten dort.",
    ],
)
def test_organisations_generic_nouns_programmes_and_units_are_not_organisations(make_doc, text):
    assert _orgs(make_doc, text) == {}


@pytest.mark.parametrize(
    "text, org_ids",
    [
        ("Die Übergabe fand statt.\nDas Team am Stand © BMAS/Max Muster\nWeiter im Text.", set()),
        ("Foto: Bundesagentur für Arbeit\nDas BMAS lud ein.", {"bmas"}),
        ("Erfolgreiche Beratung beim Partner Stadtteilzentrum Nord © BMFSFJ", set()),
    ],
)
def test_organisations_skip_photo_credits(make_doc, text, org_ids):
    assert set(_orgs(make_doc, text)) == org_ids


def test_organisations_local_branch_takes_bare_acronym(make_doc):
    text = "Die AWO Bremerhaven feiert Jubiläum. Die AWO ist dort seit Jahrzehnten aktiv."
    found = _orgs(make_doc, text)
    assert set(found) == {"text:arbeiterwohlfahrt-bremerhaven"}
    assert found["text:arbeiterwohlfahrt-bremerhaven"][:2] == ("Arbeiterwohlfahrt Bremerhaven", "AWO")


def test_organisations_ambiguous_acronym_needs_its_name(make_doc):
    assert "ba" not in _orgs(make_doc, "Die BA meldet Zahlen.")
    assert "ba" in _orgs(make_doc, "Die Bundesagentur für Arbeit (BA) meldet Zahlen. Die BA ist zufrieden.")


def test_organisations_records_carry_offsets_sentence_and_spans(make_doc):
    text = "Einleitung.\nDas Bundesverwaltungsamt prüft die Anträge. Danach geht es weiter."
    doc = make_doc(text)
    (m,) = doc._.organisations
    assert text[m.start_char: m.end_char] == m.text == "Bundesverwaltungsamt"
    assert m.sentence == "Das Bundesverwaltungsamt prüft die Anträge."
    assert (m.org_type, m.level) == ("agency", "federal")
    assert mention_ranges(doc._.organisations) == [(m.start_char, m.end_char)]


def test_organisations_find_is_pure_over_a_hand_built_doc():
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Der Deutsche Landkreistag und der Deutsche Städte- und Gemeindebund (DStGB) tagten.")
    mentions = organisations.find(doc, organisations.load_resources())
    assert [m.org_id for m in mentions] == ["dlt", "dstgb", "dstgb"]


def _tiny_ner_pipeline():
    """spacy.blank("de") with a real `ner`, trained until it has memorised a few ORG examples (one of
    them, "Sommerfest Brückenbau", a wrong guess no rule would back)."""
    fix_random_seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("ner")
    texts = ["Das Bildungsnetz Ostwind und das BMAS unterstützen junge Menschen.",
             "Das Programm BIWAQ hilft beim Sommerfest Brückenbau und der Arbeit."]
    spans = [["Bildungsnetz Ostwind", "BMAS"], ["BIWAQ", "Sommerfest Brückenbau"]]
    train = [(t, [(t.index(x), t.index(x) + len(x), "ORG") for x in xs]) for t, xs in zip(texts, spans)]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in train]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(50):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return pipeline_from(nlp)[0], texts


@pytest.mark.parametrize("index, model_orgs", [(0, {"Bildungsnetz Ostwind"}), (1, None)])
def test_organisations_ner_entities_are_merged_where_a_shape_agrees(index, model_orgs):
    """A model ORG is merged when it has an institution's shape and no rule found it; "Sommerfest
    Brückenbau" has none, the model's BMAS is already a gazetteer mention, its BIWAQ is a programme."""
    nlp, texts = _tiny_ner_pipeline()
    doc = nlp.make_doc(texts[index])
    doc._.published = dt.date(2023, 1, 1)
    doc = nlp(doc)
    assert {e.label_ for e in doc.ents} == {"ORG"}  # the model really predicts
    by_rule = {}
    for m in doc._.organisations:
        by_rule.setdefault(m.rule, set()).add(m.text)
    assert by_rule.get("model:ner") == model_orgs
    assert all(m.rule != "model:ner" or m.text not in {"BMAS", "BIWAQ"} for m in doc._.organisations)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Projektleiterin Kocak vom Diakonischen Werk an der Saar sprach.", "Diakonisches Werk an der Saar"),
        ("Der Caritasverband für die Stadt Gladbeck ist Träger.", "Caritasverband für die Stadt Gladbeck"),
        ("Die AWO Unterbezirk Münsterland-Recklinghausen berät.", "Arbeiterwohlfahrt Unterbezirk Münsterland-Recklinghausen"),
        ("Die Stadt Marl unterstützt das Projekt.", "Stadt Marl"),
    ],
)
def test_organisations_regional_branches_and_town_administrations(nlp, text, expected):
    assert expected in [o.name for o in nlp(text)._.organisations]


@pytest.mark.parametrize("text", ["Wir leben gern in der Stadt Marl.", "Das IB-Projekt läuft."])
def test_organisations_places_and_undefined_acronyms_are_not_organisations(nlp, text):
    assert nlp(text)._.organisations == ()


_SEARCH_TEXTS = [
    "Das Bayerische Staatsministerium für Familie, Arbeit und Soziales lud ein.\n"
    "Das Ministerium für Soziales, Gesundheit und Integration des Landes Baden-Württemberg\n"
    "und das NRW-Arbeitsministerium, das Bayerischen Arbeits- und Sozialministeriums.\n",
    "Mit dem Bundesministerium für Arbeit und Soziales (BMAS) und der Senatsverwaltung für Integration, "
    "Arbeit und Soziales Berlin.\nDie Evangelische Hochschule Berlin,\tdie Humboldt-Universität zu Berlin.",
    "Jobcenter Berlin Mitte, Jobcenters Essen, Bezirksamt Neukölln\nStadt Pforzheim und in der Stadt Leipzig;"
    " Stadt\nMarl, Landeshauptstadt Hannover, Hansestadt Rostock, Agentur für Arbeit Kassel.",
    "Friedrich-Ebert-Stiftung, Stiftung für Engagement und Ehrenamt, Fraunhofer-Institut, Institut für "
    "Sozialforschung und Gesellschaftspolitik Frankfurt\nIndustrie- und Handelskammer Köln, IHK Köln.",
    "Das Kompetenzzentrum für Fachkräftesicherung und der Landesverband der Volkshochschulen Sachsens;\n"
    "die Deutsche Gesellschaft für Soziale Arbeit, ein Zentrum für Familien, der Verband der Ersatzkassen.",
    "", "\n\n", "Stadt", "Ministerium\nfür Arbeit des Landes Bayern",
]


@pytest.mark.parametrize("text", _SEARCH_TEXTS)
def test_organisations_patterns_are_searched_only_where_they_can_match(text):
    """The keyword and line pre-checks find exactly what every pattern finds over the whole text."""
    res = organisations.load_resources()
    everywhere = [(p.family, m.span()) for p in res.patterns for m in p.regex.finditer(text)]
    searched = [(p.family, m.span()) for p, m in pattern_matches(text, pieces(text), res)]
    assert searched == everywhere


def _surfaces(make_doc, text: str, published: str | None = "2023-06-01") -> set[str]:
    return {m.text for m in make_doc(text, published)._.organisations}


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Das Stadtteilzentrum "Treffpunkt Nord" öffnet im Mai.', {"Treffpunkt Nord"}),
        ('Das Start-up "kleinwerk.digital" aus Jena gewann.', {"kleinwerk.digital"}),
        ('Die Ergebnisse stellte die "Servicestelle Inklusion im Ehrenamt" vor.', {"Servicestelle Inklusion im Ehrenamt"}),
        ('Es sprach Frau Roth von der "nordlicht - Gesellschaft für Bildung und Arbeit".',
         {"nordlicht - Gesellschaft für Bildung und Arbeit"}),
        ('Das Projekt "Treffpunkt Zukunft" lädt zum Fest.', set()),
        ('Die Tagung "Gute Arbeit im Quartier" war ausgebucht.', set()),
    ],
)
def test_organisations_quoted_names_of_institutions(make_doc, text, expected):
    assert _surfaces(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Haus der Familie in Gera berät Eltern.", {"Haus der Familie"}),
        ("Herr Lenz (Leiter Amt für Soziales, Jugend und Senioren) begrüßte alle.",
         {"Amt für Soziales, Jugend und Senioren"}),
        ("Gefördert von der Senatorin für Wirtschaft, Arbeit und Europa.", {"Senatorin für Wirtschaft, Arbeit und Europa"}),
        ("Es sprach die Senatorin für Wirtschaft, Anna Becker, zur Eröffnung.", set()),
        ("Das Café im Bürgerzentrum Lindenhof ist geöffnet.", {"Bürgerzentrum Lindenhof"}),
        ("Das Familienzentrum Bildung anbieten will, ist klar.", set()),
        ("Der Laden liegt im Stadtzentrum Kassels und im Stadtzentrum Kassel.", set()),
        ("Die Gemeinschaftsschule auf dem Campus Nord und das Gymnasium am Markt spielten.",
         {"Gemeinschaftsschule auf dem Campus Nord", "Gymnasium am Markt"}),
        ("Die Grundschule am Montag und die Berufsschule am Ende der Woche waren voll.", set()),
        ("Sie arbeitet im Städtischen Klinikum Görlitz.", {"Städtischen Klinikum Görlitz"}),
    ],
)
def test_organisations_found_by_the_shape_of_their_names(make_doc, text, expected):
    assert _surfaces(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        ("Die Regiestelle Gute Pflege berät. Fragen beantwortet die Regiestelle in der BAGFW gern.",
         {"Regiestelle Gute Pflege"}),
        ("Die ESF-Regiestelle für das Programm rückenwind³ hilft. Die ESF-Regiestelle antwortet schnell.",
         {"ESF-Regiestelle für das Programm rückenwind³"}),
        ("Auskunft gibt die ESF-Regiestelle.", set()),
        ("Es berät die Regiestelle rückenwind im Bundesverwaltungsamt (BVA).", {"Bundesverwaltungsamt"}),
    ],
)
def test_organisations_offices_that_run_a_programme_are_one_office(make_doc, text, names):
    """An office named by its programme is one organisation however the text goes on to call it; an office
    placed inside another body is a unit of that body."""
    assert {m.name for m in make_doc(text, "2023-06-01")._.organisations} == names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Herr Kühn, Geschäftsführer der Lernwerk Stiftung GmbH, sprach.", {"Lernwerk Stiftung GmbH"}),
        ("Es sprach Projektleiterin Ida Berg vom Träger Stadtteilwerk Nord e. V. zur Presse.",
         {"Stadtteilwerk Nord e. V."}),
        ("Es spielte die Theater AG. Der Auftritt des Kulturvereins Oststadt e. V. folgte.",
         {"Theater AG", "Kulturvereins Oststadt e. V."}),
        ("Die Werkstatt für Arbeit und Bildung GmbH (WAB) und die Werkstatt für Arbeit und Bildung arbeiten zusammen.",
         {"Werkstatt für Arbeit und Bildung GmbH", "WAB", "Werkstatt für Arbeit und Bildung"}),
    ],
)
def test_organisations_legal_form_names_without_roles_and_sentences(make_doc, text, expected):
    """A name read leftwards from its legal form stops at a sentence end and at a role noun with its
    article; the name without its legal form is the same organisation."""
    found = make_doc(text, "2023-06-01")._.organisations
    assert {m.text for m in found} == expected
    assert len({m.org_id for m in found}) == len({m.name for m in found})


@pytest.mark.parametrize(
    "text, surface, acronym",
    [
        ('Die "Servicestelle Inklusion im Ehrenamt" (kurz: "SIE") berät Vereine.', "Servicestelle Inklusion im Ehrenamt",
         "SIE"),
    ],
)
def test_organisations_short_form_with_kurz_defines_an_acronym(make_doc, text, surface, acronym):
    found = {m.text: m.acronym for m in make_doc(text, "2023-06-01")._.organisations}
    assert found.get(surface) == acronym and found.get(acronym) == acronym


@pytest.mark.parametrize(
    "text, surfaces",
    [
        ("Für die Gewerkschaft sprach Jan Ott (ver.di Baden-Württemberg).", {"ver.di Baden-Württemberg"}),
        ("Die DGB-Jugend und die EU-Mittel wurden gelobt.", set()),
        ("Der Jobcenter im Regionalverband Saarbrücken hilft.", {"Jobcenter im Regionalverband Saarbrücken"}),
        ("Im Landkreis Gifhorn wohnen viele. Der Landkreis Gifhorn fördert das.", {"Landkreis Gifhorn"}),
        ("Grüße kamen vom saarländischen Ministerium für Soziales, Gesundheit, Frauen und Familie.",
         {"Ministerium für Soziales, Gesundheit, Frauen und Familie"}),
        ("Ein Partner ist das Institut für Arbeit und Qualifikation. Kooperationspartner: Institut für Ange", 
         {"Institut für Arbeit und Qualifikation"}),
        ("Es halfen Helfer des Malteser Hilfsdienstes.", {"Malteser Hilfsdienstes"}),
    ],
)
def test_organisations_branches_compounds_places_and_cut_off_names(make_doc, text, surfaces):
    assert _surfaces(make_doc, text, "2016-06-01") == surfaces


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Es sprach der Vorstand vom Verband der deutschen Wohnungswirtschaft e. V. in Köln.",
         "Verband der deutschen Wohnungswirtschaft e. V."),
        ("Gefördert vom Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung des Landes Sachsen- Anhalt.",
         "Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung des Landes Sachsen- Anhalt"),
    ],
)
def test_organisations_lower_case_adjectives_and_line_break_hyphens_inside_names(make_doc, text, surface):
    assert surface in _surfaces(make_doc, text, "2023-06-01")


@pytest.mark.parametrize("entry_id, alias, text, canonical", [
    # a shipped id: the alias joins that organisation's names, its canonical name stays
    ("bmas", "Arbeitsressort des Bundes", "Das Arbeitsressort des Bundes fördert die Projekte.",
     "Bundesministerium für Arbeit und Soziales"),
    # a new id: a new organisation under the steward's id
    ("lotsenhaus-kiel", "Lotsenhaus", "Das Lotsenhaus berät Familien.", "Lotsenhaus Kiel gGmbH"),
])
def test_organisations_user_gazetteer_entries_join_the_shipped_ones(entry_id, alias, text, canonical):
    from biwaq_extract.steward.user_gazetteer import Entry, UserGazetteer

    entry = Entry("organisations", entry_id, canonical, None, (alias,))
    user = UserGazetteer("gazetteer.yaml", "0" * 64, organisations=(entry,))
    doc = spacy.blank("de").make_doc(text)
    found = {(m.text, m.org_id, m.name) for m in organisations.find(doc, organisations.load_resources(False, user))}
    assert (alias, entry_id, canonical) in found


def _names(make_doc, text: str) -> set[str]:
    return {m.name for m in make_doc(text, "2023-06-01")._.organisations}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Zentrum für Arbeit und Bildung in Kassel berät junge Menschen.", {"Zentrum für Arbeit und Bildung"}),
        ("Kurse der Akademie für Kinder- und Jugendhilfe sind gefragt.", {"Akademie für Kinder- und Jugendhilfe"}),
        ("Der Landesverband der Volkshochschulen Sachsens lädt ein.",
         {"Landesverband der Volkshochschulen Sachsens"}),
        ("Das Kompetenzzentrums für Fachkräftesicherung legte Zahlen vor.",
         {"Kompetenzzentrum für Fachkräftesicherung"}),
        ("Das Deutsche Institut für Urbanistik begleitet die Studie.", {"Deutsches Institut für Urbanistik"}),
        # after an indefinite article the head names a kind of place, not a body
        ("Im Quartier entsteht ein Zentrum für Familien.", set()),
        ("Die Freudenberg Stiftung fördert. Die Stiftung und eine Gemeinnützige Stiftung helfen.",
         {"Freudenberg Stiftung"}),
        ("Der Verein Kinderhilfe Neustadt sammelt. Der Verein Mitglieder wirbt.", {"Verein Kinderhilfe Neustadt"}),
        ("Die Hochschule Niederrhein und die Hochschule Geld bekommen. Die Hochschule Kurse anbietet.",
         {"Hochschule Niederrhein"}),
    ],
)
def test_organisations_bodies_named_by_their_remit_or_members(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a known one-word name opening a company's name: the company, named in full
        ("Die Lebenshilfe Werkstätten gGmbH beschäftigt Menschen mit Behinderung.", {"Lebenshilfe Werkstätten gGmbH"}),
        # the name without its legal form is the same company
        ("Es sprach Tim Albers (Leiter Gesellschaft für Arbeit und Bildung). Die Gesellschaft für Arbeit und "
         "Bildung mbH (GAB) trägt das Projekt.", {"Gesellschaft für Arbeit und Bildung mbH"}),
    ],
)
def test_organisations_legal_form_names_are_whole_and_one(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laut Sabine Kranz von der Stadtteilinitiative Nordstadt steigt die Nachfrage.",
         {"Stadtteilinitiative Nordstadt"}),
        ("Es diskutierten Tim Lenz (Kiezküche Ost) und Anna Roth (Lernladen Neukölln, Berlin).",
         {"Kiezküche Ost", "Lernladen Neukölln"}),
        ("Herr Jan Rostal vom Campus Nord – Projekt- und Akteurskoordination und Herr Tim Lenz sprachen.",
         {"Campus Nord – Projekt- und Akteurskoordination"}),
        ("Laut Petra Lang, Leiterin der Stadtteilinitiative Nordstadt, ist der Bedarf groß.",
         {"Stadtteilinitiative Nordstadt"}),
        # a role with a portfolio and "bei der", a role phrase before the name, "zu" and a town
        ("Lena Vogt, Referentin für Ausbildung bei der Industrie- und Handelskammer zu Leipzig, warb.",
         {"Industrie- und Handelskammer zu Leipzig"}),
        ("Die Leiterin des Kinderhauses Sonnenschein, Anna Berg, sagte das.", {"Kinderhaus Sonnenschein"}),
        ("Tom Weiß, Vorstandsvorsitzender der Stiftung Mitarbeit, sprach.", {"Stiftung Mitarbeit"}),
        # an acronym the text defines elsewhere is named by the acronym rules, once
        ("Die Handwerkskammer Kassel (HWK) lädt ein. Es sagt Jana Roth, Beraterin bei der HWK, dass es klappt.",
         {"Handwerkskammer Kassel"}),
        # a company's name read back from its legal form stops before a person, a role or a link word
        ("Tom Kranz und Anna Berg von der Werkstatt Nord gGmbH sprachen.", {"Werkstatt Nord gGmbH"}),
        ("Anna Berg, Sozialarbeiterin in der Werkstatt Nord gGmbH, sagt das.", {"Werkstatt Nord gGmbH"}),
        ("Für die Werkstatt Nord gGmbH sprach Anna Berg.", {"Werkstatt Nord gGmbH"}),
        # after a role one word is mostly a unit of a body named elsewhere
        ("Es sprach Arno Hemm, Leiter der ESF-Verwaltungsbehörde, zum Auftakt.", set()),
        ("Die Leiterin der ESF-Verwaltungsbehörde, Anna Berg, sprach.", set()),
        ("Es sprach Jo Zweig, Leiter des Referats für Information und Presse, zum Auftakt.", set()),
        # a role, an age, a generic noun, a date or a place after a person name no body
        ("Anna Roth (Projektleiterin), Jan Berg (37) und Ulla Brandt von der Fachstelle kamen.", set()),
        ("Eva Lind vom 12. März an und Tim Lenz (Kassel) kamen.", set()),
    ],
)
def test_organisations_named_right_after_a_person(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # logos above a newsletter and in a funding banner are no article text
        ("Newsletter März\nDie Bundesregierung\n\nLiebe Leserinnen und Leser, das Jobcenter Kiel lädt ein.\n"
         "Gefördert durch:\nBundesministerium für Arbeit und Soziales", {"Jobcenter Kiel"}),
        # a name the text also uses in a sentence keeps its line of its own (a venue, an address)
        ("Tag der offenen Tür\nDas Bundesverwaltungsamt öffnet seine Türen.\nOrt:\nBundesverwaltungsamt\n",
         {"Bundesverwaltungsamt"}),
        # the title line is article text
        ("Bundesagentur für Arbeit\nDie Zahlen des Monats liegen vor.", {"Bundesagentur für Arbeit"}),
    ],
)
def test_organisations_on_logo_lines_only_are_not_organisations(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # whom or what a bare head is for is no name; an adjective or a compound makes one
        ("Sie fördert die Teilhabe an der Gesellschaft für Menschen mit Behinderung.", set()),
        ("Im Stadtteil gibt es ein offenes Forum für Austausch und Vernetzung.", set()),
        ("Die Teilnehmer des Forums für Frauen diskutierten lange.", set()),
        ("Die Deutsche Gesellschaft für Soziale Arbeit und das Frauenforum für Austausch laden ein.",
         {"Deutsche Gesellschaft für Soziale Arbeit", "Frauenforum für Austausch"}),
        # common nouns ending in a head
        ("Im Kurs lernen sie Handwerk für Einsteiger, und die Zivilgesellschaft für Demokratie wächst.", set()),
        ("Das Stadtzentrum für Fußgänger wird umgebaut.", set()),
        # a run of capitalised words this long is a list, not one name
        ("Sie sprach vom Zentrum für Jugend Wohnen Arbeit Bildung Kultur Sport und Freizeit Kassel Nord.", set()),
        # after "der"/"des" a place, a time or a crowd is not whom a body gathers
        ("Der Verband des Jahres ist gewählt, die Kammer der Zukunft tagt und der Verband der Tafeln lädt ein.",
         {"Verband der Tafeln"}),
        ("Die Arbeitsgemeinschaft der Teilnehmenden trifft sich.", set()),
        # an abstract noun before "Stiftung" is no founder's name
        ("Laut Satzung Stiftung des Landes, sagt die Freudenberg Stiftung.", {"Freudenberg Stiftung"}),
        # a capitalised function word starts a motto, not more of the name
        ("Im Zentrum für Berufsorientierung Mit Herz lernen sie.", {"Zentrum für Berufsorientierung"}),
        ("Der Verein Hilfe Für Alle und der Förderverein Schule Und Zukunft helfen.", set()),
        # an adverb opening the next clause is no university's name
        ("Die Hochschule Gestern war das anders. Die Hochschule Niederrhein hat geforscht.",
         {"Hochschule Niederrhein"}),
    ],
)
def test_organisations_bodies_named_by_their_remit_not_by_whom_they_serve(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a birth year, an occasion, a staff or a time after a person names no body
        ("Lena Vogt (Jahrgang 1984) leitet die Gruppe.", set()),
        ("Lena Vogt bei der Abschlussveranstaltung Anfang Juli sprach zuerst.", set()),
        ("Lena Vogt bei der Veranstaltung Zukunft Arbeit sprach zuerst.", set()),
        ("Lena Vogt (Projektleitung Kiezküche Ost) erklärt das Angebot.", set()),
        ("Lena Vogt (Koordination Nord) und Tim Lenz (Hamburg-Mitte) erklären das Angebot.", set()),
        # a named project, an occasion or a course is no organisation
        ("Lena Vogt vom Modellprojekt Starke Nachbarschaft erklärt das Angebot.", set()),
        ("Lena Vogt beim Bürgerfest Nord und Tim Lenz, Leiter des Kurses Deutsch Plus, lachen.", set()),
        ("Lena Vogt beim Sommerfest Am Markt und Tim Lenz vom Stand Der Dinge lachen.", set()),
        ("Lena Vogt vom Lernladen Nord Ende Mai und Tim Lenz vom Jobcenter Berlin Mitte kamen.",
         {"Lernladen Nord", "Jobcenter Berlin Mitte"}),
    ],
)
def test_organisations_after_a_person_times_and_occasions_are_no_names(make_doc, text, expected):
    assert _names(make_doc, text) == expected


_UNSEEN = [json.loads(line) for line in fixture_path("nlp", "unseen_shapes.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("record", _UNSEEN, ids=[r["id"] for r in _UNSEEN])
def test_organisations_unseen_shapes(make_doc, record):
    """Our own short texts of varied publishers: every organisation found once, by its shape when no
    gazetteer lists it, with all its surface forms, and nothing else (no building, no fragment)."""
    found = _orgs(make_doc, record["text"], record["published"])
    expected = {o["name"]: ({o["acronym"]} - {None}) | set(o["aliases"]) for o in record["organisations"]}
    assert len(found) == len(expected)
    for name, (canonical, acronym, surfaces) in found.items():
        forms = {canonical, acronym, *surfaces} - {None}
        assert any(forms & keys for keys in expected.values()), (name, forms)
        assert any(set(surfaces) <= keys for keys in expected.values()), (name, surfaces)


@pytest.mark.parametrize(
    "text, surfaces",
    [
        ("Das Diakoniewerk Oberharz schult Beschäftigte. Im Juni lädt das Diakoniewerk andere Träger ein.",
         ("Diakoniewerk Oberharz", "Diakoniewerk")),
        ("Das IQ Netzwerk Bayern berät Zugewanderte.", ("IQ Netzwerk Bayern",)),
        # a generic noun refers to too many bodies
        ("Das Jobcenter Essen berät. Das Jobcenter hilft auch bei Anträgen.", ("Jobcenter Essen",)),
    ],
)
def test_organisations_compound_head_refers_back_to_the_one_body(make_doc, text, surfaces):
    found = _orgs(make_doc, text)
    assert len(found) == 1
    assert next(iter(found.values()))[2] == surfaces


@pytest.mark.parametrize(
    "text, name",
    [
        ("Die Staatssekretärin im Thüringer Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie, Ines "
         "Feierabend, eröffnete die Tagung.",
         "Thüringer Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie"),
    ],
)
def test_organisations_remit_list_ends_before_a_person(make_doc, text, name):
    surfaces = {s for _, _, texts in _orgs(make_doc, text, "2020-05-01").values() for s in texts}
    assert surfaces == {name}
