"""Tests for biwaq_extract/nlp/programmes.py on our own German sentences (blank pipeline, no model)."""

from __future__ import annotations

import json

import pytest
import spacy

from biwaq_extract.nlp import programmes
from biwaq_extract.nlp.programmes import short_name
from conftest import fixture_path


def _names(make_doc, text: str) -> set[str]:
    return {m.name for m in make_doc(text, "2023-03-01")._.programmes}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gefördert wird das Vorhaben aus Mitteln des Europäischen Sozialfonds.", {"ESF"}),
        ("Der Europäische Sozialfonds Plus (ESF Plus) unterstützt Qualifizierung.", {"ESF Plus"}),
        ("Alle ESF+-Vorhaben und das ESF Plus-Programm starten im Herbst.", {"ESF Plus"}),
        ("Die ESF-geförderten Kurse sind kostenlos.", {"ESF"}),
        ("Im neuen ESF-Bundesprogramm wird vieles anders.", {"ESF"}),
        ("Drei BIWAQ-Projekte aus Kassel stellten sich vor.", {"BIWAQ"}),
        ("Das Programm Bildung, Wirtschaft, Arbeit im Quartier (BIWAQ) geht weiter.", {"BIWAQ"}),
        ("Kommunen aus dem Programm JUGEND STÄRKEN im Quartier berichteten.", {"JUGEND STÄRKEN im Quartier"}),
        ("Die Vorhaben der ESF-Integrationsrichtlinie Bund laufen aus.", {"ESF-Integrationsrichtlinie Bund"}),
        ("Die Netzwerke von IvAF und IQ arbeiten zusammen.", {"IvAF", "IQ"}),
        ("Das Förderprogramm Integration durch Qualifizierung wächst, und IQ wird bekannter.", {"IQ"}),
        ("Gebiete der Sozialen Stadt und des Programms Sozialer Zusammenhalt profitieren.",
         {"Soziale Stadt", "Sozialer Zusammenhalt"}),
        ("Weitere rückenwind3-Vorhaben und rückenwind³ wurden bewilligt.", {"rückenwind³"}),
        ("Die Kontaktstellen von Stark im Beruf beraten Mütter.", {"Stark im Beruf"}),
        ("Auch JUGEND STÄRKEN: Brücken in die Eigenständigkeit (JUST BEst) wird verlängert.", {"JUST BEst"}),
        ("Die Bildungsprämie wurde eingestellt.", {"Bildungsprämie"}),
        ("Mit unternehmensWert:Mensch beraten Fachleute kleine Betriebe.", {"unternehmensWert:Mensch"}),
    ],
)
def test_programmes_gazetteer_names_short_forms(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Programm Bildung, Wirtschaft, Arbeit im Quartier geht weiter.", {"Bildung, Wirtschaft, Arbeit im Quartier"}),
        ("Auch JUGEND STÄRKEN: Brücken in die Eigenständigkeit wird verlängert.",
         {"JUGEND STÄRKEN: Brücken in die Eigenständigkeit"}),
        ("Die Integrationsrichtlinie Bund hilft Geflüchteten.", {"Integrationsrichtlinie Bund"}),
        ("Viele rückenwind3-Vorhaben laufen.", {"rückenwind3"}),
        ("Gefördert aus dem Europäischen Sozialfonds und dem Europäischen Sozialfonds Plus.", {"ESF", "ESF Plus"}),
        ("Die Europäische Jugendgarantie und ALMA helfen jungen Menschen.", {"Jugendgarantie", "ALMA"}),
    ],
)
def test_programmes_named_as_the_text_names_them(make_doc, text, expected):
    """The short name when the text uses it (or for the funds), else the name as written without subtitle."""
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Programm JOBSTARTER plus berät Betriebe.", {"JOBSTARTER plus"}),
        ("Akti(F) Plus hilft Familien, wie schon Akti(F).", {"Akti(F) Plus", "Akti(F)"}),
        ("Die neue Runde von Stark im Beruf Plus beginnt.", {"Stark im Beruf Plus"}),
        ("Im EhAP Plus geht es um wohnungslose Menschen.", {"EhAP Plus"}),
    ],
)
def test_programmes_keep_the_generation_suffix(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Das Programm "rückenwind - Für die Beschäftigten und Unternehmen in der Sozialwirtschaft" (rückenwind+) '
         "ruft auf.", {"rückenwind+"}),
        ('Projekte des Programms "Stärkung der Teilhabe Älterer - gegen Einsamkeit" ("StäM") nahmen teil.', {"STäM"}),
        ('Der Förderaufruf "Gute Wege in Arbeit" ist veröffentlicht.', {"Gute Wege in Arbeit"}),
        ("Wer am ESF Plus-Programm BRÜCKE Thüringen teilnimmt, ist ausgenommen.", {"ESF Plus", "BRÜCKE Thüringen"}),
    ],
)
def test_programmes_bracketed_short_form_and_cue_words_name_the_programme(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Im Soziale-Stadt-Gebiet wohnen viele Familien.", {"Soziale Stadt"}),
        ('Das Projekt "BBNE-Werkstatt" gewann einen Preis.', set()),
        ('Sie leitet die Abteilung "Arbeitsmarkt, ESF" im Ministerium.', set()),
        ("Der EHAP-Begleitausschuss tagte.", set()),
    ],
)
def test_programmes_compounds_and_own_names(make_doc, text, expected):
    """A multi-word name opens a compound hyphenated; names of projects and units are not mentions."""
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Informationen gibt es auf dem ESF-Portal und im ESF-Newsletter.",
        "Der Quereinstieg in einen sozialen Beruf lohnt sich.",
        "WIR FREUEN UNS AUF SIE!",
        "Eine Win-Win-Situation für alle Beteiligten.",
        "Wir wollen Fachkräfte sichern und halten.",
        "Die Teilnehmerinnen fühlen sich stark im Beruf.",
    ],
)
def test_programmes_ordinary_words_are_not_programmes(make_doc, text):
    assert _names(make_doc, text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Im Rahmen des Programms "Starke Nachbarn" entstehen Treffpunkte.', {"Starke Nachbarn"}),
        ("Das Bundesprogramm „Zukunft Handwerk“ wird ausgeweitet.", {"Zukunft Handwerk"}),
        ('Das ESF Plus-Programm "Brücken bauen - Wege in den Beruf" startet. "Brücken bauen" läuft bis 2028.',
         {"ESF Plus", "Brücken bauen"}),
        ('Das Modellprogramm "Gemeinsam für Familien im Stadtteil" ("GemFam") ist beendet.', {"GemFam"}),
        ('Ein Modellprogramm mit dem Namen "Teilhabe vor Ort" ging voraus.', {"Teilhabe vor Ort"}),
        ('Das Förderprogramm "Quereinstieg - Männer und Frauen in Kitas" lief aus.', {"Quereinstieg"}),
        ('Im Programm "Was kommt nach der Schule?" diskutierten Jugendliche.', set()),
    ],
)
def test_programmes_quoted_names_after_cue_words(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "quoted, after, expected",
    [
        ("Netzwerk Lernen - Chancen vor Ort", " startet", "Netzwerk Lernen"),
        ("Arbeit und Wohnen im Quartier", ' (kurz: "AWQ") läuft', "AWQ"),
        ("Arbeit und Wohnen im Quartier", "", "Arbeit und Wohnen im Quartier"),
        ("Zusammen stark im Kiez - ZSK", "", "ZSK"),
    ],
)
def test_programmes_short_name_of_a_quoted_title(quoted, after, expected):
    assert short_name(quoted, after) == expected


def test_programmes_skip_credit_lines(make_doc):
    text = "Die Gruppe am Stand\n© ESF-Regiestelle/BIWAQ\nDas Treffen war gelungen."
    assert _names(make_doc, text) == set()


def test_programmes_records_carry_offsets_and_sentence(make_doc):
    text = "Überschrift\nDas Programm BIWAQ verbindet Arbeit und Quartier. Mehr folgt."
    (m,) = make_doc(text)._.programmes
    assert text[m.start_char: m.end_char] == m.text == "BIWAQ"
    assert (m.programme_id, m.rule) == ("biwaq", "gazetteer")
    assert m.sentence == "Das Programm BIWAQ verbindet Arbeit und Quartier."


def test_programmes_find_is_pure_over_a_hand_built_doc():
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Mit ESF Plus und ESF-Mitteln fördert der Bund.")
    found = programmes.find(doc, programmes.load_resources())
    assert [(m.text, m.name) for m in found] == [("ESF Plus", "ESF Plus"), ("ESF", "ESF")]


@pytest.mark.parametrize(
    "text",
    [
        'im Rahmen des ESF-Programms "Perspektive Wiedereinstieg" und der Initiative „Zukunft“.',
        'das Programm „Zukunftszentren (KI)“ wurde „verlängert“, die Bundesinitiative mit dem Namen "X Y"',
        'Programm\n"Kein Name" – das Förderprogramm namens „A“„B“ und die Richtlinie zum Thema „C“',
        '„Programm“ "programm" Programmes "a" ESF+ Programm "b" x-Programm  \t "c"', "", '"', "Programm",
    ],
)
def test_programmes_cue_matches_equal_a_search_of_the_whole_text(text):
    res = programmes.load_resources()
    assert [m.span() for m in programmes._cue_matches(text, res)] == [m.span() for m in res.cue.finditer(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Gefördert werden die Bundesprogramme "Mikroprojekte für Vielfalt" und "Starke Nachbarn".',
         {"Mikroprojekte für Vielfalt", "Starke Nachbarn"}),
        ("Die Programme „Aktiv im Alter“, „Nachbarn helfen“ sowie „Quartier bewegt“ laufen aus.",
         {"Aktiv im Alter", "Nachbarn helfen", "Quartier bewegt"}),
        # after a singular cue word the second quote is no programme
        ('Das Programm "Starke Nachbarn" und "Gute Laune" als Motto.', {"Starke Nachbarn"}),
        ("Dazu tragen die Programme des Familienministeriums bei, wie die Frühen Hilfen, Lesestart und die "
         "Mehrgenerationenhäuser.", {"Frühe Hilfen", "Lesestart", "Mehrgenerationenhäuser"}),
        # a list that does not end its sentence has no clear extent
        ("Mit Programmen wie Lesestart und Kita Plus werden Kinder gefördert.", set()),
    ],
)
def test_programmes_listed_after_a_plural_cue_word(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the fund's logo under the title is no mention; the article's own mention is
        ("Newsletter März\nEuropäischer Sozialfonds für Deutschland\nDer ESF Plus fördert Projekte.", {"ESF Plus"}),
        ("Newsletter März\nBIWAQ\nDas Programm BIWAQ fördert Projekte.", {"BIWAQ"}),
    ],
)
def test_programmes_on_logo_lines_only_are_left_out(make_doc, text, expected):
    assert _names(make_doc, text) == expected


_UNSEEN = [json.loads(line) for line in fixture_path("nlp", "unseen_shapes.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("record", _UNSEEN, ids=[r["id"] for r in _UNSEEN])
def test_programmes_unseen_shapes(make_doc, record):
    """Our own short texts of varied publishers: the programmes named, quoted or not, and no others."""
    found = {m.name.casefold() for m in make_doc(record["text"], record["published"])._.programmes}
    assert found == {p.casefold() for p in record["programmes"]}



@pytest.mark.parametrize(
    "text, expected",
    [
        ('Gefördert werden die Landesprogramme „Arbeit für alle“ und „Neue Wege“ sowie der „Qualischeck“.',
         {"Arbeit für alle", "Neue Wege", "Qualischeck"}),
        ('Im Programmteil „Lotsendienst“ stehen Betriebe im Mittelpunkt.', {"Lotsendienst"}),
    ],
)
def test_programmes_quoted_lists_and_programme_parts(make_doc, text, expected):
    assert _names(make_doc, text) == expected
