"""People finder: names from titles, roles, first names and quotes; roles and organisations; coreference."""

from __future__ import annotations

import json

import spacy
import pytest

from biwaq_extract.nlp.model import pipeline_from
from biwaq_extract.records import OrgMention
from conftest import fixture_path, run_with_orgs


def _org(text: str, sentence: str, org_id: str, name: str, acronym: str | None, org_type: str = "ministry"):
    start = sentence.index(text)
    return OrgMention(text, start, start + len(text), org_id, name, acronym, "test", org_type=org_type)


_run = run_with_orgs


def _people(doc) -> dict[str, tuple]:
    return {p.name: (p.role, p.organisation) for p in doc._.people}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bundesarbeitsminister Hubertus Heil besuchte das Projekt in Kiel.", {"Hubertus Heil": ("Bundesarbeitsminister", "BMAS")}),
        ("Die Bundesfamilienministerin Lisa Muster eröffnete die Tagung.", {"Lisa Muster": ("Bundesfamilienministerin", "BMFSFJ")}),
        ("Oberbürgermeisterin Dr. Eva Kowalczyk begrüßte die Gäste.", {"Eva Kowalczyk": ("Oberbürgermeisterin", None)}),
        ("Dazu sprach EU-Kommissarin Xenia Ypsilon über Armut.", {"Xenia Ypsilon": ("EU-Kommissarin", "Europäische Kommission")}),
        ("Am Abend redete Bundesbauministerin Klara Gartmann.", {"Klara Gartmann": ("Bundesbauministerin", "BMWSB")}),
        ("Es begrüßte Prof. Dr. Werner Albrecht die Runde.", {"Werner Albrecht": (None, None)}),
        ("Die Gewinnerin Sophie Schulz freute sich.", {"Sophie Schulz": ("Gewinnerin", None)}),
        ("Sie wollen Menschen wie Marion Lange helfen.", {"Marion Lange": (None, None)}),
        ("Es kamen Eva Jung und Tom Hartung.", {"Eva Jung": (None, None), "Tom Hartung": (None, None)}),
        ("Die Parlamentarische Staatssekretärin Anna Lindqvist lobte die Träger.", {"Anna Lindqvist": ("Parlamentarische Staatssekretärin", None)}),
        ("Vorstandsmitglied Anna Lindqvist lobte die Träger.", {"Anna Lindqvist": ("Vorstandsmitglied", None)}),
        ("Mit dabei waren Jobcoach Sven Olsson und Mentorin Jana Nowak.",
         {"Sven Olsson": ("Jobcoach", None), "Jana Nowak": ("Mentorin", None)}),
        # a salutation before a family name alone names a person
        ("Frau Kowalczyk erklärte das Projekt.", {"Kowalczyk": (None, None)}),
    ],
)
def test_people_role_word_before_name(nlp, text, expected):
    assert _people(_run(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Es sprach Tanja Brenner, Leiterin des Referats für Europäische Fonds, und dankte allen.",
         {"Tanja Brenner": ("Leiterin des Referats für Europäische Fonds", None)}),
        ("Gastgeberin der Feier war Liisa Virtanen, eine bekannte Moderatorin.",
         {"Liisa Virtanen": ("Gastgeberin der Feier", None)}),
        ("Der Minister für Arbeit und Wohlfahrt, Jens Halvorsen, eröffnete den Tag.",
         {"Jens Halvorsen": ("Minister für Arbeit und Wohlfahrt", None)}),
        ("Dann erklärte Sabine Kuhlmann (Projektkoordinatorin) das Konzept.",
         {"Sabine Kuhlmann": ("Projektkoordinatorin", None)}),
        ("Ehrengast Bundesminister für Arbeit und Soziales, Peter Brandauer, hielt die Rede.",
         {"Peter Brandauer": ("Bundesminister für Arbeit und Soziales", "BMAS")}),
    ],
)
def test_people_apposition_roles(nlp, text, expected):
    assert _people(_run(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, org_text, org_id, org_name, acronym, expected",
    [
        ("Es referierte Jonas Weber, Referent im Bundesministerium für Arbeit und Soziales (BMAS) über Medien.",
         "Bundesministerium für Arbeit und Soziales", "bmas", "Bundesministerium für Arbeit und Soziales", "BMAS",
         {"Jonas Weber": ("Referent", "BMAS")}),
        ("Staatssekretärin im Bundesministerium für Arbeit und Soziales, Marie Olsen, sagte dazu:",
         "Bundesministerium für Arbeit und Soziales", "bmas", "Bundesministerium für Arbeit und Soziales", "BMAS",
         {"Marie Olsen": ("Staatssekretärin", "BMAS")}),
        ("Paul Fischer, Abteilungsleiter, Europäische Kommission, eröffnete die Sitzung.",
         "Europäische Kommission", "eu-kommission", "Europäische Kommission", None,
         {"Paul Fischer": ("Abteilungsleiter", "Europäische Kommission")}),
        ("Paul Fischer, Europäische Kommission, eröffnete die Sitzung.",
         "Europäische Kommission", "eu-kommission", "Europäische Kommission", None,
         {"Paul Fischer": (None, "Europäische Kommission")}),
        ("Nora Kraus, Leiterin der Geschäftsstelle Caritasverband Ostholstein, sagte das.",
         "Caritasverband Ostholstein", "caritas-oh", "Caritasverband Ostholstein", None,
         {"Nora Kraus": ("Leiterin der Geschäftsstelle", "Caritasverband Ostholstein")}),
        ("Vortragende war Lena Hoffmann von der Hochschule Niederrhein.",
         "Hochschule Niederrhein", "hs-niederrhein", "Hochschule Niederrhein", None,
         {"Lena Hoffmann": ("Vortragende", "Hochschule Niederrhein")}),
    ],
)
def test_people_organisation_tied_by_text(nlp, text, org_text, org_id, org_name, acronym, expected):
    org = _org(org_text, text, org_id, org_name, acronym)
    assert _people(_run(nlp, text, [org])) == expected


@pytest.mark.parametrize(
    "text, org_text, org_id, acronym, org_type, expected",
    [
        # a state secretary with no organisation beside the name belongs to the ministry of the article
        ("Die Tagung fand im BMAS statt. Staatssekretär Dr. Olaf Brinkmann dankte den Gästen.",
         "BMAS", "bmas", "BMAS", "ministry", {"Olaf Brinkmann": ("Staatssekretär", "BMAS")}),
        # an internal role takes the organisation named just before
        ("Die Diakonie Nord feierte. \"Wir sind bereit\", sagt Geschäftsführerin Greta Lind.",
         "Diakonie Nord", "diakonie-nord", None, "association", {"Greta Lind": ("Geschäftsführerin", "Diakonie Nord")}),
    ],
)
def test_people_organisation_from_context(nlp, text, org_text, org_id, acronym, org_type, expected):
    org = _org(org_text, text, org_id, org_text, acronym, org_type)
    assert _people(_run(nlp, text, [org])) == expected


@pytest.mark.parametrize(
    "text, name, count",
    [
        ("Bundesminister Heil kam spät. Hubertus Heil sprach dann. Heil lobte das Team.", "Hubertus Heil", 3),
        ("Judith Kramer und Olga Sommerfeld leiten das Projekt. \"Es lohnt sich\", so Sommerfeld.", "Olga Sommerfeld", 2),
        ("Prof. Dr. Ursula von der Leyen sprach. Von der Leyen betonte die Werte.", "Ursula von der Leyen", 2),
        ("Tanja Müller-Schmidt lobte die Arbeit. Müller-Schmidt ist zufrieden.", "Tanja Müller-Schmidt", 2),
    ],
)
def test_people_coreference_by_surname(nlp, text, name, count):
    mentions = [p for p in _run(nlp, text)._.people if p.name == name]
    assert len(mentions) == count
    assert len({p.name for p in _run(nlp, text)._.people if p.name.endswith(name.split()[-1])}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder im Alter Schwierigkeiten haben.",
        "Foto: Max Mustermann\nDer Text beginnt hier.",
        "Projektgruppe beim Treffen © BMAS/Hanna Vogt",
        "Im August Projekte zu starten, war klug.",
        "Bundesminister für Arbeit und Soziales haben viel zu tun.",
        "Das Programm Bildung Wirtschaft Arbeit läuft.",
    ],
)
def test_people_rejects_non_names_and_credits(nlp, text):
    assert _run(nlp, text)._.people == ()


@pytest.mark.parametrize("text, name", [("\"Das war gut\", sagt Meyer.", "Meyer")])
def test_people_quoted_speaker(nlp, text, name):
    assert [p.name for p in _run(nlp, text)._.people] == [name]


@pytest.mark.parametrize("text", ["Die Staatssekretärin Jana Ostrowski sprach im Saal."])
def test_people_offsets_and_sentence(nlp, text):
    (mention,) = _run(nlp, text)._.people
    assert text[mention.start_char:mention.end_char] == mention.text == "Jana Ostrowski"
    assert mention.sentence == text
    assert mention.rule == "first_name"


@pytest.mark.parametrize(
    "text, per, expected",
    [
        # the model's PER finds a name our first-name list lacks; role words at its edge are trimmed
        ("Gestern sprach Qwenlo Zarkanis über den Fonds.", "Qwenlo Zarkanis", {"Qwenlo Zarkanis"}),
        ("Gestern sprach Referentin Qwenlo Zarkanis.", "Referentin Qwenlo Zarkanis", {"Qwenlo Zarkanis"}),
        # a PER that is only a role word is dropped
        ("Gestern sprach die Referentin lange.", "Referentin", set()),
    ],
)
def test_people_model_entities_merged(text, per, expected):
    base = spacy.blank("de")
    ruler = base.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PER", "pattern": per}])
    nlp, info = pipeline_from(base)
    assert info.statistical
    assert {p.name for p in nlp(text)._.people} == expected


@pytest.mark.parametrize(
    "text, role, organisation",
    [
        ("Frank Rosendahl, Geschäftsführer des Jobcenters Kreis Recklinghausen, sprach.", "Geschäftsführer", "Jobcenter Kreis Recklinghausen"),
        ("Claudia Berg, Erste Beigeordnete der Stadt Marl, eröffnete.", "Erste Beigeordnete", "Stadt Marl"),
    ],
)
def test_people_role_and_organisation_are_split(nlp, text, role, organisation):
    (person,) = {p.name: p for p in nlp(text)._.people}.values()
    assert (person.role, person.organisation) == (role, organisation)


def _ties(make_doc, text: str, published: str | None = "2024-05-01") -> dict[str, tuple]:
    return {p.name: (p.role, p.organisation) for p in make_doc(text, published)._.people}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Es diskutierten die Geschäftsführer*innen Karin Vogt (Beispiel GmbH) und Peter Lang (Muster GmbH).",
         {"Karin Vogt": ("Geschäftsführerin", "Beispiel GmbH"), "Peter Lang": ("Geschäftsführer", "Muster GmbH")}),
        ("Die Europaabgeordneten Anna Weiß (SPD) und Jonas Roth (FDP) sprachen.",
         {"Anna Weiß": ("Europaabgeordnete", "Europäisches Parlament"),
          "Jonas Roth": ("Europaabgeordneter", "Europäisches Parlament")}),
        ("Moderiert wurde der Abend von Frau Dr. Eva Lind und Tom Brandt.",
         {"Eva Lind": ("Moderatorin", None), "Tom Brandt": ("Moderator", None)}),
        ("Unter der Moderation des Journalisten Sven Ohm kamen alle zu Wort.", {"Sven Ohm": ("Moderator", None)}),
        ("Die Bildungslotsen Jana Roth und Tom Brandt.", {"Jana Roth": ("Bildungslotsin", None), "Tom Brandt": ("Bildungslotse", None)}),
        ("Die Jugendscouts Jana Roth und Tom Brandt.", {"Jana Roth": ("Jugendscout", None), "Tom Brandt": ("Jugendscout", None)}),
        # the people named after the moderator are not moderators
        ("Moderiert von Eva Lind diskutierten Jana Roth und Tom Brandt.",
         {"Eva Lind": ("Moderatorin", None), "Jana Roth": (None, None), "Tom Brandt": (None, None)}),
    ],
)
def test_people_group_roles_go_to_each_person_in_his_or_her_form(make_doc, text, expected):
    """A plural role before listed names, or moderation, gives each person the role; a title's
    institution (the European Parliament) outranks the party in brackets."""
    assert _ties(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Bundesbauministerin Klara Gartmann eröffnete.", "2015-05-01", ("Bundesbauministerin", "BMUB")),
        ("Bundesbauministerin Klara Gartmann eröffnete.", "2019-05-01", ("Bundesbauministerin", "BMI")),
        ("Bundesbauministerin Klara Gartmann eröffnete.", "2023-05-01", ("Bundesbauministerin", "BMWSB")),
        ("Datum\n12.03.2016\nBundesbauministerin Klara Gartmann eröffnete.", None, ("Bundesbauministerin", "BMUB")),
    ],
)
def test_people_title_names_the_ministry_of_the_articles_date(make_doc, text, published, expected):
    """With no publication date, the first date the text gives (its "Datum" line) is the article's."""
    assert _ties(make_doc, text, published)["Klara Gartmann"] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Marta Kühn leitet die Fachstelle Querschnittsthemen (FQT) seit 2021.", "Marta Kühn", ("Leiterin", "FQT")),
        ("Lisa Brandt (Deutscher Caritasverband) berichtete.", "Lisa Brandt", (None, "Deutscher Caritasverband")),
        ("Jan Hoff, Vertreter der BAGFW im Begleitausschuss, sprach.", "Jan Hoff",
         ("Vertreter der BAGFW im Begleitausschuss", "BAGFW")),
        ("Es sprach Anna Weiß MdEP, Schirmherrin des Frühstücks am 16.10.2024 in Brüssel.", "Anna Weiß",
         ("Schirmherrin des Frühstücks", "Europäisches Parlament")),
        ("Der Landkreis Gifhorn fördert das Projekt. Landrat Tobias Heim lobte es.", "Tobias Heim",
         ("Landrat", "Landkreis Gifhorn")),
        ("Der Landkreis Gifhorn fördert das. Es sprachen Eva Lind und Tom Brandt aus der Kreisverwaltung.", "Eva Lind",
         (None, "Landkreis Gifhorn")),
        ("Jana Lorenz und Eva Lind vom Bildungsnetz Ostwind e. V. berichteten.", "Jana Lorenz",
         (None, "Bildungsnetz Ostwind e. V.")),
        ('"Gut so", sagte die Leiterin der Abteilung "Arbeit, ESF", Susanne Brink, beim Auftakt.', "Susanne Brink",
         ('Leiterin der Abteilung "Arbeit, ESF"', None)),
        ("Der EU-Kommissar für Beschäftigung, Soziales und Integration, Pavel Novak, sprach.", "Pavel Novak",
         ("EU-Kommissar für Beschäftigung, Soziales und Integration", "Europäische Kommission")),
    ],
)
def test_people_ties_the_text_states(make_doc, text, name, expected):
    """Organisations go by their acronym only when the text uses it (or for federal ministries)."""
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, names",
    [
        ("Auf dem Bild: Igor und Vira Petrenko mit Gästen.", {"Igor Petrenko", "Vira Petrenko"}),
        ("EU-Kommissar Vladimir Dvorak kam. Später sprach Vladimír Dvorak.", {"Vladimír Dvorak"}),
        ("Von: Katja Berg\n\nDas Fest war schön, sagte Tom Brandt.", {"Tom Brandt"}),
    ],
)
def test_people_shared_family_names_spellings_and_bylines(make_doc, text, names):
    assert set(_ties(make_doc, text)) == names


@pytest.mark.parametrize("text, names", [("Sie flogen über Wien nach Abu Dhabi, sagte Tom Brandt.", {"Tom Brandt"})])
def test_people_places_are_not_people(make_doc, text, names):
    assert set(_ties(make_doc, text)) == names


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Staatssekretärin im BMAS Jana Ostrowski eröffnete die Konferenz.", "Jana Ostrowski",
         ("Staatssekretärin", "BMAS")),
        ("Geschäftsführer der Lernwerk gGmbH Tim Albers begrüßte die Gäste.", "Tim Albers",
         ("Geschäftsführer", "Lernwerk gGmbH")),
        ("Bundesministerin für Arbeit und Soziales Petra Olsen besuchte Kiel.", "Petra Olsen",
         ("Bundesministerin für Arbeit und Soziales", "BMAS")),
        # a role and a name with a verb between them are not glued: no tie
        ("Die Staatssekretärin besuchte Jana Ostrowski im Büro.", "Jana Ostrowski", (None, None)),
    ],
)
def test_people_role_phrase_glued_before_the_name(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Marta Kühn ist neue Geschäftsführerin der Lernwerk gGmbH.", "Marta Kühn",
         ("Geschäftsführerin", "Lernwerk gGmbH")),
        ("Jonas Albers arbeitet als Bildungsbegleiter beim Jobcenter Essen.", "Jonas Albers",
         ("Bildungsbegleiter", "Jobcenter Essen")),
        ("Marta Kühn ist seit Januar 2022 Projektleiterin.", "Marta Kühn", ("Projektleiterin", None)),
        ("Jonas Albers arbeitet beim Jobcenter Essen.", "Jonas Albers", (None, "Jobcenter Essen")),
        # a visit is no workplace
        ("Jonas Albers war beim Jobcenter Essen zu Gast.", "Jonas Albers", (None, None)),
    ],
)
def test_people_role_and_workplace_after_a_verb(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Zum Auftakt sprach Thomas Brenner. Er ist Geschäftsführer der Lernwerk gGmbH.", "Thomas Brenner",
         ("Geschäftsführer", "Lernwerk gGmbH")),
        ("Neu im Team ist Maria Lindner. Sie leitet die Fachstelle Querschnittsthemen.", "Maria Lindner",
         ("Leiterin", "Fachstelle Querschnittsthemen")),
        ("Das Angebot stellte Maria Lindner vor. Die Bereichsleiterin Kinder- und Jugendarbeit beantwortete "
         "Fragen.", "Maria Lindner", ("Bereichsleiterin Kinder- und Jugendarbeit", None)),
        # two women named before: "Sie" stands for neither
        ("Maria Lindner und Anna Kurz stellten es vor. Sie arbeitet beim Jobcenter Essen.", "Maria Lindner",
         (None, None)),
        # "Er" does not stand for a woman
        ("Das Projekt stellte Maria Lindner vor. Er ist Geschäftsführer der Lernwerk gGmbH.", "Maria Lindner",
         (None, None)),
    ],
)
def test_people_role_from_the_next_sentence(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # the organisation is in the title line, the person in a caption below: the text does not tie them
        ("Neues Angebot im Kulturzentrum Schlachthof\n\nErstellt: 12.05.2024\n\nIn der Mitte Projektleiterin Tanja "
         "Simmel.",
         "Tanja Simmel", ("Projektleiterin", None)),
        ("Erste Station war das Jobcenter Kiel. Geschäftsführer Tim Albers führte durch das Haus.", "Tim Albers",
         ("Geschäftsführer", "Jobcenter Kiel")),
    ],
)
def test_people_internal_role_takes_an_organisation_of_its_paragraph_only(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Auf dem Bild: Eva Lind (Projektpersonal) und Tim Lenz (Projektleitung).", "Eva Lind", ("Projektpersonal", None)),
        ("Auf dem Bild: Eva Lind (Projektpersonal) und Tim Lenz (Projektleitung).", "Tim Lenz", ("Projektleitung", None)),
        ("Auf dem Bild: Eva Lind (Gesundheit) beim Sport.", "Eva Lind", (None, None)),
    ],
)
def test_people_staff_noun_alone_in_brackets_is_the_role(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Durch die Veranstaltung führte Julia Brenner.", "Julia Brenner", ("Moderatorin", None)),
        ("Tom Albers führte durch das Programm.", "Tom Albers", ("Moderator", None)),
        # "durch" without a guiding verb is no moderation
        ("Durch den Umzug verlor Tom Albers viel Zeit.", "Tom Albers", (None, None)),
    ],
)
def test_people_guiding_through_a_programme_is_moderation(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Dr. Lena Grau, Referentin im Referat Europäischer Sozialfonds des BMAS, stellte vor.", "Lena Grau",
         ("Referentin im Referat Europäischer Sozialfonds", "BMAS")),
        # a unit stays in the role as written; a Generaldirektion is the Commission's
        ("Lena Grau, Referatsleiterin in der Generaldirektion Beschäftigung, stellte vor.", "Lena Grau",
         ("Referatsleiterin in der Generaldirektion Beschäftigung", "Europäische Kommission")),
        ("Lena Grau, Referatsleiterin in der Abteilung Beschäftigung, stellte vor.", "Lena Grau",
         ("Referatsleiterin in der Abteilung Beschäftigung", None)),
        ("Tim Roth, Referent im Team Ausbildung der Handwerkskammer Kassel, sprach.", "Tim Roth",
         ("Referent im Team Ausbildung", "Handwerkskammer Kassel")),
    ],
)
def test_people_unit_before_the_organisation_stays_in_the_role(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Das BMAS fördert das Projekt. Staatsministerin Ulla Scharfe lobte es.", "Ulla Scharfe",
         ("Staatsministerin", None)),
        ("Das BMAS fördert das Projekt. Bundesministerin Bea Bast lobte es.", "Bea Bast", ("Bundesministerin", "BMAS")),
    ],
)
def test_people_title_takes_a_ministry_of_its_level_only(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # the acronym names the organisation only where the text uses it alone
        ("Projektleiterin Hanna Berg (AWO Bielefeld) stellte das Konzept vor.", "Hanna Berg",
         ("Projektleiterin", "Arbeiterwohlfahrt Bielefeld")),
        ("Projektleiterin Hanna Berg (AWO Bielefeld) stellte vor. Die AWO lädt ein.", "Hanna Berg",
         ("Projektleiterin", "AWO")),
    ],
)
def test_people_organisation_by_acronym_only_where_the_text_uses_it_alone(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Projektleiterin Mira Okon vom Träger Quartierswerk Elbinsel e.V. erläuterte den Ansatz.", "Mira Okon",
         ("Projektleiterin", "Quartierswerk Elbinsel e.V.")),
        ("Aylin Demir, Koordinatorin beim Träger Quartiersnetz Nord e. V. in Bremen, erzählte.", "Aylin Demir",
         ("Koordinatorin", "Quartiersnetz Nord e. V.")),
        ("Für die Kommission sprach Piet Vries aus der Generaldirektion Beschäftigung.", "Piet Vries",
         (None, "Europäische Kommission")),
    ],
)
def test_people_tied_through_a_carrier_noun_or_a_unit_only_one_body_has(make_doc, text, name, expected):
    """The legal form keeps the text's spelling ("e.V." or "e. V.")."""
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Gastgeberin ist die Hochschule für Technik und Wirtschaft Dresden (HTW Dresden). Deren "
         "Vizepräsidentin, Prof. Dr. Sabine Klemm, spricht.", "Sabine Klemm", ("Vizepräsidentin", "HTW Dresden")),
        # a kind of body before the role stays in it, as written; an acronym names the body and goes apart
        ("Auch das Jobcenter Gelsenkirchen war da: Jobcenter-Teamleiter Heinz Brandt beantwortete Fragen.",
         "Heinz Brandt", ("Jobcenter-Teamleiter", "Jobcenter Gelsenkirchen")),
        ("Die Bundesanstalt für Arbeitsschutz und Arbeitsmedizin (BAuA) lud ein. BAuA-Präsident Kai Sommer "
         "sprach.", "Kai Sommer", ("Präsident", "BAuA")),
        # an organisation the text ties to another person is no one else's by context
        ("Es lobte Birte Hansen von der Hochschule Neubrandenburg die Werkstatt. Werkstattleiter Lukas Behm "
         "nahm den Preis entgegen.", "Lukas Behm", ("Werkstattleiter", None)),
    ],
)
def test_people_relative_pronouns_role_compounds_and_claimed_organisations(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


_UNSEEN = [json.loads(line) for line in fixture_path("nlp", "unseen_shapes.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("record", _UNSEEN, ids=[r["id"] for r in _UNSEEN])
def test_people_unseen_shapes(make_doc, record):
    """Our own short texts of varied publishers: each person once, with the role and organisation the text
    ties to them ("Unser Werkstattleiter" is the publisher's, not the body named before)."""
    found = {m.name: (m.role, m.organisation) for m in make_doc(record["text"], record["published"])._.people}
    assert found == {p["name"]: (p["role"], p["organisation"]) for p in record["people"]}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # a funder employs no one the text names nearby
        ("Das Projekt wird vom Bundesministerium für Arbeit und Soziales gefördert. Projektleiterin Anna Kurz "
         "erklärt die Beratung.", "Anna Kurz", ("Projektleiterin", None)),
        # "unser" is the body speaking as "we" in the sentence before, else the unnamed publisher
        ("Die AWO Bremerhaven lädt zum Fest. Unsere Projektleiterin Sina Hof freut sich auf Sie.", "Sina Hof",
         ("Projektleiterin", "Arbeiterwohlfahrt Bremerhaven")),
        ("Gefördert wird das Projekt vom Jobcenter Essen. Unser Werkstattleiter Tom Berger zeigt die Räume.",
         "Tom Berger", ("Werkstattleiter", None)),
    ],
)
def test_people_funders_and_possessives_tie_no_one_blindly(make_doc, text, name, expected):
    found = {m.name: (m.role, m.organisation) for m in make_doc(text, "2024-05-01")._.people}
    assert found[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Die Vertreterin der Europäischen Kommission, Maja Frei, Referatsleiterin in der Generaldirektion "
         "Beschäftigung, lobte die Projekte.", "Maja Frei",
         ("Referatsleiterin in der Generaldirektion Beschäftigung", "Europäische Kommission")),
        ("Die Amtschefin des Bayerischen Staatsministeriums für Familie, Arbeit und Soziales (StMAS), "
         "Ministerialdirektorin Dr. Gabi Ammer, besuchte das Projekt.", "Gabi Ammer", ("Amtschefin", "StMAS")),
    ],
)
def test_people_function_outranks_delegation_and_rank(make_doc, text, name, expected):
    found = {m.name: (m.role, m.organisation) for m in make_doc(text, "2024-05-01")._.people}
    assert found[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # a head word alone names the one organisation of the text with that head
        ("Die Bundesagentur für Arbeit zahlt. Aus Sicht von Ole Brandt, Teamleiter bei der Bundesagentur, "
         "hilft das.", "Ole Brandt", ("Teamleiter", "BA")),
        # a ministry compound names the ministry whose portfolio it names
        ("Das Ministerium für Wirtschaft, Arbeit und Tourismus des Landes Mecklenburg-Vorpommern fördert. "
         "Staatssekretärin Katrin Weber (Wirtschaftsministerium) eröffnete.", "Katrin Weber",
         ("Staatssekretärin", "Ministerium für Wirtschaft, Arbeit und Tourismus des Landes Mecklenburg-Vorpommern")),
        # a word alone after a comma is a place more often than a body's head
        ("Die Hamburg Marketing GmbH lädt ein. Anna Berg, Hamburg, sagte das.", "Anna Berg", (None, None)),
        # two ministries could be meant: none is chosen
        ("Das Ministerium für Arbeit des Landes Brandenburg und das Ministerium für Arbeit des Landes Hessen "
         "laden ein. Es sprach Jan Kurz (Arbeitsministerium).", "Jan Kurz", (None, None)),
    ],
)
def test_people_short_form_names_the_one_organisation_of_the_text(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # a civil-service rank next to the name yields to the function before the comma
        ("Die Amtschefin des Sächsischen Staatsministeriums für Soziales (SMS), Ministerialdirektorin "
         "Dr. Ina Roth, kam.", "Ina Roth", ("Amtschefin", "SMS")),
        # the apposition after the name says what the person is
        ("Der Vertreter des Landes, Jan Kurz, Abteilungsleiter in der Staatskanzlei, sprach.", "Jan Kurz",
         ("Abteilungsleiter", None)),
        ("Der Parlamentarische Staatssekretär bei der Bundesministerin für Arbeit und Soziales, Tim Ohm, sprach.",
         "Tim Ohm", ("Parlamentarische Staatssekretär", "BMAS")),
        ("Oberbürgermeister Frank Ebert begrüßte alle. Die Stadt Lübeck unterstützt das.", "Frank Ebert",
         ("Oberbürgermeister", "Stadt Lübeck")),
        # a title's portfolio names the ministry of the text; it outranks a party in brackets
        ("Bayerns Sozialministerin Ute Hahn (CSU) kam. Das Bayerische Staatsministerium für Familie, Arbeit und "
         "Soziales fördert es.", "Ute Hahn",
         ("Sozialministerin", "Bayerisches Staatsministerium für Familie, Arbeit und Soziales")),
        ("Arbeitssenatorin Ute Hahn kam. Die Senatsverwaltung für Arbeit, Soziales und Gleichstellung fördert es.",
         "Ute Hahn", ("Arbeitssenatorin", "Senatsverwaltung für Arbeit, Soziales und Gleichstellung")),
        ("Die Senatorin für Arbeit, Soziales, Gleichstellung, Integration, Vielfalt und Antidiskriminierung, "
         "Ute Hahn, kam.", "Ute Hahn",
         ("Senatorin für Arbeit, Soziales, Gleichstellung, Integration, Vielfalt und Antidiskriminierung", None)),
    ],
)
def test_people_function_before_rank_and_apposition_after_the_name(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Peter Holm, Integrationslotse bei der Handwerkskammer Schwerin, erklärte das.", "Peter Holm",
         ("Integrationslotse", "Handwerkskammer Schwerin")),
        ("Ina Roth, Kundin beim Jobcenter Kiel, erzählt.", "Ina Roth", (None, None)),
        ("Ina Roth, Expertin für Arbeitsmarktpolitik beim Jobcenter Kiel, sprach.", "Ina Roth",
         ("Expertin für Arbeitsmarktpolitik", "Jobcenter Kiel")),
        ("Ina Roth (Projektleitung, Werkstatt Nord gGmbH) begrüßte die Gäste.", "Ina Roth",
         ("Projektleitung", "Werkstatt Nord gGmbH")),
        ("Ina Roth (Jobcenter Kiel, Teamleiterin) begrüßte die Gäste.", "Ina Roth", ("Teamleiterin", "Jobcenter Kiel")),
        ("Lena Vogt, Referentin für Ausbildung bei der Industrie- und Handelskammer zu Leipzig, warb.", "Lena Vogt",
         ("Referentin für Ausbildung", "Industrie- und Handelskammer zu Leipzig")),
        ("Tom Weiß, Vorstandsvorsitzender der Stiftung Mitarbeit, sprach.", "Tom Weiß",
         ("Vorstandsvorsitzender", "Stiftung Mitarbeit")),
        ("Sarah Kurz, Leiterin der Koordinierungsstelle Ausbildung beim Landkreis Harburg, sprach.", "Sarah Kurz",
         ("Leiterin der Koordinierungsstelle Ausbildung", "Landkreis Harburg")),
        ("Anna Berg, stellvertretende Leiterin des Jobcenters Kiel, zog Bilanz.", "Anna Berg",
         ("stellvertretende Leiterin", "Jobcenter Kiel")),
        ("Anna Berg, seit 2020 Geschäftsführerin der Werkstatt Nord gGmbH, zog Bilanz.", "Anna Berg",
         ("Geschäftsführerin", "Werkstatt Nord gGmbH")),
        ("Anna Berg – Leiterin der Werkstatt Nord gGmbH – zog Bilanz.", "Anna Berg",
         ("Leiterin", "Werkstatt Nord gGmbH")),
        ("Maren Holt, die das Projekt bei der Werkstatt Nord gGmbH leitet, zog Bilanz.", "Maren Holt",
         (None, "Werkstatt Nord gGmbH")),
        ("Maren Holt, die 2014 im Auftrag der Werkstatt Nord gGmbH die ersten Gäste begrüßte, lacht.", "Maren Holt",
         (None, "Werkstatt Nord gGmbH")),
        # a relative clause that names no workplace ties nothing
        ("Maren Holt, die sich bei der Werkstatt Nord gGmbH bedankte, ging.", "Maren Holt", (None, None)),
        ("„Gut so“, sagt Anna Berg. Die Geschäftsführerin der Werkstatt Nord gGmbH leitet das Projekt.", "Anna Berg",
         ("Geschäftsführerin", "Werkstatt Nord gGmbH")),
        ("„Gut so“, sagt Sabine Kohl. Die 52-jährige Pflegehelferin arbeitet im Heim.", "Sabine Kohl",
         ("Pflegehelferin", None)),
        ("„Gut so“, sagt Sabine Kohl. Die 52-jährige Teilnehmerin arbeitet im Heim.", "Sabine Kohl", (None, None)),
        ("Anna Berg (Bündnis 90/Die Grünen), Vorsitzende des Sozialausschusses, sprach.", "Anna Berg",
         ("Vorsitzende des Sozialausschusses", "Bündnis 90/Die Grünen")),
        ("Anna Berg vertrat das Bundesministerium für Arbeit und Soziales.", "Anna Berg", (None, "BMAS")),
        ("Stadträtin Anke Lüers überbrachte die Grüße der Stadt Kiel.", "Anke Lüers", ("Stadträtin", "Stadt Kiel")),
        ("Anna Berg aus dem Referat Europäischer Sozialfonds im BMAS eröffnete.", "Anna Berg", (None, "BMAS")),
        # a project's funder does not employ its Projektleiterin
        ("Das Projekt wird vom Bundesministerium für Arbeit und Soziales gefördert. Projektleiterin Anna Berg "
         "erklärt es.", "Anna Berg", ("Projektleiterin", None)),
    ],
)
def test_people_appositions_clauses_and_next_sentence_tie_the_workplace(make_doc, text, name, expected):
    assert _ties(make_doc, text)[name] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Projektleitung: Dr. Karla Senn\nWissenschaftliche Mitarbeit: Tim Ober, Lea Kranz\n",
         {"Karla Senn": ("Projektleitung", None), "Tim Ober": ("Wissenschaftliche Mitarbeit", None),
          "Lea Kranz": ("Wissenschaftliche Mitarbeit", None)}),
        # a sentence after the colon is no list of names
        ("Projektleitung: Heute stellt Karla Senn das Projekt vor.\n", {"Karla Senn": (None, None)}),
    ],
)
def test_people_label_line_gives_the_role(make_doc, text, expected):
    assert _ties(make_doc, text) == expected
