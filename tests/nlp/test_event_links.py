"""Event links: venues and their towns, place adjectives, datelines, weekdays, compound types."""

from __future__ import annotations

import datetime as dt

import pytest

from biwaq_extract.nlp import event_links, events
from biwaq_extract.nlp.places import known_place

RULES = events.load_rules().links


@pytest.mark.parametrize(
    "word, town",
    [("Erfurter", "Erfurt"), ("Kölner", "Köln"), ("Münchner", "München"), ("Dresdner", "Dresden"), ("Kellner", None)],
)
def test_event_links_town_of_a_place_adjective(word, town):
    assert event_links.town_of_adjective(word, RULES, known_place) == town


@pytest.mark.parametrize(
    "text, venue, town",
    [
        ("Sie tagten im Parksaal des Erfurter Steigerwaldstadions.", "Parksaal des Erfurter Steigerwaldstadions", "Erfurt"),
        ("Das Café im Kulturzentrum Schlachthof in der Kasseler Nordstadt öffnet.", "Kulturzentrum Schlachthof", "Kassel"),
        ("Gestreamt wurde aus der Kalkscheune.", None, None),
        ("Gestreamt wurde in der Kalkscheune.", "Kalkscheune", None),
        ("Das Fest im Erfurter Kultur-Quartier war voll.", None, "Erfurt"),
        ("Im Zentrum der Debatte stand die Arbeit.", None, None),
    ],
)
def test_event_links_venue_and_town_in_a_sentence(text, venue, town):
    got_venue, got_town, _ = event_links.venue_in(text, 0, len(text), RULES, known_place)
    assert (got_venue, got_town) == (venue, town)


@pytest.mark.parametrize(
    "line, venue",
    [
        ("Ort: Haus der Begegnung, Lindenstraße 4, 14467 Potsdam", "Haus der Begegnung"),
        ("Zeit: 10 Uhr", None),
        ("Veranstaltungsort ist das Bürgerhaus in Kassel.", "Bürgerhaus"),
        ("Der Ort ist gut erreichbar.", None),
    ],
)
def test_event_links_locator_line(line, venue):
    assert event_links.locator_line(line, 0, len(line), RULES) == venue


@pytest.mark.parametrize(
    "text, town",
    [("Titel\n\nErfurt. Spiel und Spaß beim Fest.", "Erfurt"), ("Kassel – Schöner kann man es nicht sagen.", "Kassel"),
     ("Fazit. Das war gut.", None)],
)
def test_event_links_dateline(text, town):
    assert event_links.dateline(text, known_place) == town


@pytest.mark.parametrize(
    "weekday, sentence, said, day",
    [
        ("Montag", "Sie hat am Montag die Preise verliehen.", None, dt.date(2014, 6, 23)),  # published on that Monday
        ("Freitag", "Sie hat am Freitag die Preise verliehen.", None, dt.date(2014, 6, 20)),
        ("Freitag", "Die Verleihung findet am Freitag statt.", None, dt.date(2014, 6, 27)),
        # the adjective says which one, whatever the tense
        ("Samstag", "Zur Messe kamen am vergangenen Samstag 500 Gäste, die wiederkommen werden.", "vergangenen", dt.date(2014, 6, 21)),
        ("Samstag", "Am kommenden Samstag öffnet die Messe.", "kommenden", dt.date(2014, 6, 28)),
    ],
)
def test_event_links_weekday_date(weekday, sentence, said, day):
    assert event_links.weekday_date(weekday, dt.date(2014, 6, 23), sentence, RULES, said) == day


@pytest.mark.parametrize(
    "word, etype",
    [("Auftakt-Workshop", "kickoff"), ("Online-Seminar", "webinar"), ("Eröffnungsfeier", "kickoff"), ("Fachtag", "conference")],
)
def test_event_links_type_from_a_compounds_first_part(word, etype):
    assert event_links.typed(word, "conference", RULES) == etype


@pytest.mark.parametrize(
    "sentence, called_off",
    [
        ("Eigentlich hätte die Jahrestagung im Mai stattfinden sollen .", True),
        ("Die Kammer sagte die Messe ab , weil die Hallen fehlten .", True),
        ("Der Fachtag kann nicht wie geplant stattfinden .", True),
        ("Die Ministerin sagte , ab Juli gebe es neue Mittel .", False),
        ("Die Werkstatt soll im Herbst in Leipzig stattfinden .", False),
    ],
)
def test_event_links_cancelled(sentence, called_off):
    lowers = sentence.lower().split()
    assert event_links.cancel_anchors(set(lowers), RULES) or not called_off
    assert event_links.cancelled(lowers, RULES) == called_off


@pytest.mark.parametrize(
    "text, i, record",
    [("Die Dokumentation der Konferenz erscheint", 3, True), ("Die Aufzeichnung des Fachtags", 3, True),
     ("Die Eröffnung der Konferenz", 3, False), ("Die Konferenz", 1, False)],
)
def test_event_links_record_of_a_gathering(make_doc, text, i, record):
    from biwaq_extract.nlp.token_view import view

    assert event_links.record_of(view(make_doc(text)), i, RULES) == record
