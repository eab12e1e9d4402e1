"""Participant counts: German numbers, qualifiers and the people noun; other counts are not taken."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Etwa 80 Projektverantwortliche trafen sich in Bonn.", [(80, "approx", "Projektverantwortliche")]),
        ("Mehr als 2.300 Jugendliche nahmen teil.", [(2300, "min", "Jugendliche")]),
        ("Es kamen knapp 90 geladene Gäste.", [(90, "approx", "geladene Gäste")]),
        ("Platz ist für bis zu 25 Personen.", [(25, "max", "Personen")]),
        ("Zwanzig Fachkräfte berieten die Kommunen.", [(20, "exact", "Fachkräfte")]),
        ("Über 1.000 Besucherinnen und Besucher kamen zum Fest.", [(1000, "min", "Besucherinnen und Besucher")]),
        ("Insgesamt 521 Teilnehmende schlossen das Programm ab.", [(521, "exact", "Teilnehmende")]),
        ("Rund 17.000 Beschäftigte der Sozialwirtschaft wurden erreicht.", [(17000, "approx", "Beschäftigte")]),
        ("Mehr als 8.000 Menschen wurden beraten. Über 3.000 davon fanden Arbeit.", [(8000, "min", "Menschen"), (3000, "min", "Menschen")]),
        ("Weit mehr als 100.000 „Staatsgäste“ besuchten die Ministerien.", [(100000, "min", "Staatsgäste")]),
        # a compound cut before "und", and a feminine plural paired with another people noun
        ("Rund 60 Lehr- und Fachkräfte bildeten sich fort.", [(60, "approx", "Lehr- und Fachkräfte")]),
        ("Über 30 Trainerinnen und Coaches waren dabei.", [(30, "min", "Trainerinnen und Coaches")]),
        ("Über 60 Kolleginnen und Kollegen reisten an.", [(60, "min", "Kolleginnen und Kollegen")]),
        # gender-inclusive spellings name people, whatever the noun
        ("Mehr als 70 Aussteller:innen präsentierten sich.", [(70, "min", "Aussteller:innen")]),
        ("Rund 35 Lots*innen begleiten die Gruppe.", [(35, "approx", "Lots*innen")]),
        ("Über 20 GästeführerInnen kamen.", [(20, "min", "GästeführerInnen")]),
        # a present participle as a noun names people
        ("Über 80 Ausstellende und 1.500 Besuchende kamen.", [(80, "min", "Ausstellende"), (1500, "exact", "Besuchende")]),
        # a shortage in another clause leaves the count alone
        ("Obwohl Fachkräfte fehlen, kamen 70 Auszubildende zur Messe.", [(70, "exact", "Auszubildende")]),
        # people employed in a funded measure take part in it
        ("Im Projekt wurden 30 Langzeitarbeitslose beschäftigt.", [(30, "exact", "Langzeitarbeitslose")]),
        ("Die 40 Teilnehmenden leben in Marzahn.", [(40, "exact", "Teilnehmenden")]),
    ],
)
def test_participants_finds_count_qualifier_and_who(make_doc, text, expected):
    doc = make_doc(text, "2021-06-01")
    assert [(c.count, c.qualifier, c.who) for c in doc._.participant_counts] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gefördert werden 65 Projekte in 90 Kommunen.",
        "Das Programm hat ein Volumen von 2.000.000 Euro.",
        "Der Anteil stieg auf 35 Prozent.",
        "Die Werkstatt fand am 25. und 26. September 2019 statt.",
        "Rund 120 Träger haben sich beworben.",
        "Mehr als 300 Familien wurden beraten.",
        "Rund 2.000 Haushalte wurden erreicht.",
        "Hunderte Menschen kamen zum Fest.",
        "Zahlreiche Gäste kamen zur Feier.",
        "Mehrere hundert Menschen kamen zum Fest.",
        "Einige tausend Besucherinnen und Besucher informierten sich.",
        "Über 40 Projektträger stellten sich vor.",
        "Die Förderrunde 2019 bis 2022 ist abgeschlossen.",
        # shortages and residents are no people taking part
        "Im Landkreis fehlen bis 2030 etwa 900 Erzieherinnen und Erzieher.",
        "Für das Lehrjahr werden 120 Auszubildende gesucht.",
        "Im Quartier leben rund 6.000 Menschen aus 40 Ländern.",
        "Die Gemeinde zählt 12.000 Einwohnerinnen und Einwohner.",
        "Bundesweit sind rund 800.000 Menschen langzeitarbeitslos.",
        "Der Verband vertritt 2.000 Einrichtungen mit 60.000 Mitarbeitenden.",
        "Der Kurs fand an 12 Wochenenden statt.",
    ],
)
def test_participants_ignores_counts_of_things(make_doc, text):
    assert make_doc(text, "2021-06-01")._.participant_counts == ()


@pytest.mark.parametrize("text", ["Etwa 80 Projektverantwortliche trafen sich."])
def test_participants_records_offsets_and_bounds(make_doc, text):
    (count,) = make_doc(text)._.participant_counts
    assert text[count.start_char : count.end_char] == count.text == "Etwa 80 Projektverantwortliche"
    assert (count.lower, count.upper) == (None, None)
    assert count.rule.startswith("rule:")


def test_participants_same_when_the_number_memo_starts_over(make_doc, monkeypatch):
    from biwaq_extract.nlp import participants

    text = "Rund 17.000 Beschäftigte und zwanzig Fachkräfte wurden erreicht."
    expected = make_doc(text, "2021-06-01")._.participant_counts
    assert [(c.count, c.who) for c in expected] == [(17000, "Beschäftigte"), (20, "Fachkräfte")]
    monkeypatch.setattr(participants._NumberMemo, "MAX_WORDS", 0)  # forget all words before every Doc
    assert make_doc(text, "2021-06-01")._.participant_counts == expected
    assert make_doc(text, "2021-06-01")._.participant_counts == expected
