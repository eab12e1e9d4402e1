"""Tests for biwaq_extract.nlp.dates: the German temporal grammar, on spaCy blank German only."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from biwaq_extract.nlp import dates
from biwaq_extract.nlp.dates.start_positions import finditer, start_positions

D = dt.date
PUB = D(2021, 6, 15)
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.max_length = 5_000_000
    return pipeline


@pytest.fixture(scope="module")
def resources():
    return dates.load_resources()


def find(nlp, resources, text: str, published: dt.date | None = PUB):
    doc = nlp(text)
    doc._.published = published
    return dates.find(doc, resources)


def intervals(mentions) -> list[tuple[dt.date, dt.date]]:
    return [(m.start, m.end) for m in mentions]


# ----------------------------------------------------------------------------------------------- tables

DAYS = [
    ("Die Messe beginnt am 14. Oktober 2020 in Leipzig.", [(D(2020, 10, 14), D(2020, 10, 14))]),
    ("Start ist der 01. März 2024.", [(D(2024, 3, 1), D(2024, 3, 1))]),
    ("Anmeldeschluss: 09.03.2018, danach nicht mehr.", [(D(2018, 3, 9), D(2018, 3, 9))]),
    ("Der Termin 5.1.2022 steht.", [(D(2022, 1, 5), D(2022, 1, 5))]),
    ("Wir sehen uns am 7.9. in Erfurt.", [(D(2021, 9, 7), D(2021, 9, 7))]),
    ("Am 2. Sept. 2019 ging es los.", [(D(2019, 9, 2), D(2019, 9, 2))]),
    ("Am 3. Jänner 2020 in Wien.", [(D(2020, 1, 3), D(2020, 1, 3))]),
    ("Die Zahlen vom 2022-04-30 liegen vor.", [(D(2022, 4, 30), D(2022, 4, 30))]),
    ("Das Netzwerk trifft sich am 8. Juli.", [(D(2021, 7, 8), D(2021, 7, 8))]),
]

DAY_SPANS = [
    ("Die Tagung läuft am 17. und 18. Mai 2022 in Kassel.", [(D(2022, 5, 17), D(2022, 5, 18))]),
    ("Geöffnet vom 4. bis 9. Oktober.", [(D(2021, 10, 4), D(2021, 10, 9))]),
    ("Vom 29. Oktober bis 02. November 2023 tagt die Runde.", [(D(2023, 10, 29), D(2023, 11, 2))]),
    ("Die Bewerbung ist 12. Februar bis zum 3. April 2019 möglich.", [(D(2019, 2, 12), D(2019, 4, 3))]),
    ("Laufzeit 01. März 2023 bis zum 31. Mai 2023.", [(D(2023, 3, 1), D(2023, 5, 31))]),
    ("Die Woche 6.–8. Juni 2022 ist ausgebucht.", [(D(2022, 6, 6), D(2022, 6, 8))]),
    ("Die Woche 6.-8. Juni 2022 ist ausgebucht.", [(D(2022, 6, 6), D(2022, 6, 8))]),
    ("Termin: 14./15. März 2019 in Halle.", [(D(2019, 3, 14), D(2019, 3, 15))]),
    ("Der Kurs läuft vom 28. Dezember bis 3. Januar 2025.", [(D(2024, 12, 28), D(2025, 1, 3))]),
    ("Frist vom 01.02.2023 bis spätestens zum 15.03.2023.", [(D(2023, 2, 1), D(2023, 3, 15))]),
    ("Am 4. und 11. Mai 2022 finden Sprechstunden statt.",
     [(D(2022, 5, 4), D(2022, 5, 4)), (D(2022, 5, 11), D(2022, 5, 11))]),
]

MONTHS_AND_SEASONS = [
    ("Im Oktober 2022 startete die Runde.", [(D(2022, 10, 1), D(2022, 10, 31))]),
    ("Februar 2024 war der Aufruf.", [(D(2024, 2, 1), D(2024, 2, 29))]),
    ("Seit Mai 2020 gibt es das Angebot.", [(D(2020, 5, 1), D(2020, 5, 31))]),
    ("Im September beginnt das Schuljahr.", [(D(2021, 9, 1), D(2021, 9, 30))]),
    ("Die Laufzeit reicht von März 2021 bis Oktober 2023.", [(D(2021, 3, 1), D(2023, 10, 31))]),
    ("Projekte laufen Januar bis Juni 2022.", [(D(2022, 1, 1), D(2022, 6, 30))]),
    ("Im Herbst 2019 folgte die zweite Runde.", [(D(2019, 9, 1), D(2019, 11, 30))]),
    ("Im Frühling 2022 kam die Bilanz.", [(D(2022, 3, 1), D(2022, 5, 31))]),
    ("Der Winter 2020 war lang.", [(D(2020, 12, 1), D(2021, 2, 28))]),
    ("Der Winter 2023/24 war mild.", [(D(2023, 12, 1), D(2024, 2, 29))]),
    ("Aufrufe folgten im Sommer und Herbst 2021.", [(D(2021, 6, 1), D(2021, 11, 30))]),
    ("Im Frühjahr ist die Runde.", [(D(2021, 3, 1), D(2021, 5, 31))]),
    ("Im Frühjahr beginnt die nächste Runde.", [(D(2022, 3, 1), D(2022, 5, 31))]),
    ("Im dritten Quartal 2020 lagen Zahlen vor.", [(D(2020, 7, 1), D(2020, 9, 30))]),
    ("Bericht für Q1 2023.", [(D(2023, 1, 1), D(2023, 3, 31))]),
    ("Ab dem 4. Quartal gilt das.", [(D(2021, 10, 1), D(2021, 12, 31))]),
    ("Im zweiten Halbjahr 2022 kamen Mittel.", [(D(2022, 7, 1), D(2022, 12, 31))]),
    ("Ende Oktober wird gewählt.", [(D(2021, 10, 1), D(2021, 10, 31))]),
    ("Anfang Juni 2023 begann die Arbeit.", [(D(2023, 6, 1), D(2023, 6, 30))]),
]

YEARS = [
    ("Das Programm gibt es seit 2011.", [(D(2011, 1, 1), D(2011, 12, 31))]),
    ("Im Jahr 2016 war es so.", [(D(2016, 1, 1), D(2016, 12, 31))]),
    ("Die Förderrunde 2025 startet.", [(D(2025, 1, 1), D(2025, 12, 31))]),
    ("Das war 2013.", [(D(2013, 1, 1), D(2013, 12, 31))]),
    ("Mitte 2017 kam die Wende.", [(D(2017, 1, 1), D(2017, 12, 31))]),
    ("Bis Ende 2026 läuft es.", [(D(2026, 1, 1), D(2026, 12, 31))]),
    ("Die Förderperiode 2014-2020 endete.", [(D(2014, 1, 1), D(2020, 12, 31))]),
    ("Die Förderperiode 2014–2020 endete.", [(D(2014, 1, 1), D(2020, 12, 31))]),
    ("Die Runde 2015 bis 2018 war erfolgreich.", [(D(2015, 1, 1), D(2018, 12, 31))]),
    ("Daten von 2010 bis 2019 liegen vor.", [(D(2010, 1, 1), D(2019, 12, 31))]),
    ("Zwischen 2012 und 2016 wuchs es.", [(D(2012, 1, 1), D(2016, 12, 31))]),
    ("Geplant von 2020 bis zum Jahr 2035.", [(D(2020, 1, 1), D(2035, 12, 31))]),
    ("Im Schuljahr 2019/20 lief es.", [(D(2019, 1, 1), D(2020, 12, 31))]),
    ("In den 1980er Jahren war das anders.", [(D(1980, 1, 1), D(1989, 12, 31))]),
    ("Der Bund fördert seit 2010 Projekte in Quartieren.", [(D(2010, 1, 1), D(2010, 12, 31))]),
    ("Das gilt 1990 bis 2000 für alle.", [(D(1990, 1, 1), D(2000, 12, 31))]),
    ("Befragungen fanden statt (2021, 2022).", [(D(2021, 1, 1), D(2021, 12, 31)), (D(2022, 1, 1), D(2022, 12, 31))]),
]

RELATIVE = [
    ("Auch dieses Jahr ist der Stand dabei.", PUB, [(D(2021, 1, 1), D(2021, 12, 31))]),
    ("Wie in diesem Jahr geplant.", PUB, [(D(2021, 1, 1), D(2021, 12, 31))]),
    ("Im vergangenen Jahr kamen viele.", PUB, [(D(2020, 1, 1), D(2020, 12, 31))]),
    ("Letztes Jahr kamen viele.", PUB, [(D(2020, 1, 1), D(2020, 12, 31))]),
    ("Im nächsten Jahr geht es weiter.", PUB, [(D(2022, 1, 1), D(2022, 12, 31))]),
    ("Kommendes Jahr geht es weiter.", PUB, [(D(2022, 1, 1), D(2022, 12, 31))]),
    ("Heute eröffnet die Ministerin die Messe.", PUB, [(PUB, PUB)]),
    ("Die Gäste kamen gestern an.", PUB, [(D(2021, 6, 14), D(2021, 6, 14))]),
    ("Die Messe beginnt morgen.", PUB, [(D(2021, 6, 16), D(2021, 6, 16))]),
    ("Sie bieten seit dem vergangenen Jahr Sprechstunden an.", PUB, [(D(2020, 1, 1), D(2020, 12, 31))]),
    ("Im Sommer 2020 und diesen Sommer kamen sie.", PUB,
     [(D(2020, 6, 1), D(2020, 8, 31)), (D(2021, 6, 1), D(2021, 8, 31))]),
    ("Im vergangenen Jahr kamen viele.", None, []),
    ("Die Arbeitswelt von morgen.", PUB, []),
    ("Am 8. Juli trifft sich das Netzwerk.", None, []),
    ("Das gilt bis heute.", PUB, []),
    # "heute" set against the past in its sentence means "nowadays"
    ("Das Haus war früher eine Schule, heute ist es ein Stadtteilzentrum.", PUB, []),
    ("Am Morgen kam der Bus.", PUB, []),
]

# The reader's year for dates without one (see dates.resolution.resolve_year).
YEARLESS = [
    ("Am 3. Dezember fand die Konferenz statt.", D(2020, 2, 10), [(D(2019, 12, 3), D(2019, 12, 3))]),
    ("Am 20. Januar wird die Konferenz stattfinden.", D(2019, 12, 5), [(D(2020, 1, 20), D(2020, 1, 20))]),
    ("Am 20. Januar fand die Konferenz statt.", D(2020, 3, 5), [(D(2020, 1, 20), D(2020, 1, 20))]),
    ("Die Konferenz ist am 20. November.", D(2020, 3, 5), [(D(2020, 11, 20), D(2020, 11, 20))]),
    ("Am 2. November haben viele darüber diskutiert, wie es weitergeht.", D(2020, 3, 5),
     [(D(2019, 11, 2), D(2019, 11, 2))]),
    ("Bis Ende Juli ist die Schau zu sehen, geöffnet täglich.", D(2020, 6, 1), [(D(2020, 7, 1), D(2020, 7, 31))]),
    ("„Seit April haben wir viele begleitet.“", D(2020, 10, 1), [(D(2020, 4, 1), D(2020, 4, 30))]),
    ("Anträge können seit dem 2. März eingereicht werden.", D(2020, 5, 20), [(D(2020, 3, 2), D(2020, 3, 2))]),
    ("Die Termine werden im Februar bekannt gegeben.", D(2020, 11, 20), [(D(2021, 2, 1), D(2021, 2, 28))]),
    ("Eigentlich hätten sich alle im Herbst treffen sollen.", D(2020, 12, 10), [(D(2020, 9, 1), D(2020, 11, 30))]),
    ("Die Messe findet am 2. Juni statt.", D(2020, 6, 20), [(D(2020, 6, 2), D(2020, 6, 2))]),
    # a capitalised word at a clause's end is a noun, no participle of the perfect: no past here
    ("Die Stadt hat am 20. Mai einen Aktionstag für die Gesundheit.", D(2020, 3, 1), [(D(2020, 5, 20), D(2020, 5, 20))]),
    # "für das"/"für den" anchor a season or month; planned and over in the publication year: the next one
    ("Ein Fachtag ist für den Sommer geplant.", D(2020, 10, 2), [(D(2021, 6, 1), D(2021, 8, 31))]),
    ("Der nächste Kurs ist für das Frühjahr vorgesehen.", D(2020, 1, 10), [(D(2020, 3, 1), D(2020, 5, 31))]),
]

NOT_DATES = [
    "Die Förderung beträgt 2.000 Euro pro Person.",
    "Das sind 15 Prozent oder 2025 Euro.",
    "BIWAQ 4.0 und BIWAQ V sowie rückenwind³ sind Programme.",
    "60 Jahre ESF wurden gefeiert.",
    "Jeden Montag und Freitag ist geöffnet.",
    "Beginn um 10:30 Uhr, Ende 16.00 Uhr.",
    "Telefon: 030 2018 4455",
    "Nach § 16 SGB II und § 2020 gilt das.",
    "Die Adresse ist 53113 Bonn.",
    "Es kamen 2.019 Teilnehmende.",
    "Es kamen 2019 Teilnehmende.",
    "Es kamen rund 2000 Menschen.",
    "Die Jahre 1900 und 2150 sind außerhalb.",
    "Am 31. Februar 2021 war nichts.",
    "Am 30.02.2021 war nichts.",
    "Kapitel 3.1. und 3.2. lesen.",
    "August Bebel und Jan Sommer sprachen.",
    "Das kostet 1,5 Millionen Euro bei 98.900 Fällen.",
    "Die Version 2021.3 erschien.",
    "Es gab 2000 bis 3000 Euro Zuschuss.",
    "Mehr unter www.esf.de/portal/2019/meldung.html lesen.",
    "Die Drucksache 19/2020 liegt vor.",
]


def check(nlp, resources, text, published, expected):
    assert intervals(find(nlp, resources, text, published)) == expected


@pytest.mark.parametrize("text,expected", DAYS)
def test_dates_days(nlp, resources, text, expected):
    check(nlp, resources, text, PUB, expected)


@pytest.mark.parametrize("text,expected", DAY_SPANS)
def test_dates_day_spans(nlp, resources, text, expected):
    check(nlp, resources, text, PUB, expected)


@pytest.mark.parametrize("text,expected", MONTHS_AND_SEASONS)
def test_dates_months_seasons_quarters(nlp, resources, text, expected):
    check(nlp, resources, text, PUB, expected)


@pytest.mark.parametrize("text,expected", YEARS)
def test_dates_years_and_year_spans(nlp, resources, text, expected):
    check(nlp, resources, text, PUB, expected)


@pytest.mark.parametrize("text,published,expected", RELATIVE)
def test_dates_relative_from_publication(nlp, resources, text, published, expected):
    check(nlp, resources, text, published, expected)


@pytest.mark.parametrize("text,published,expected", YEARLESS)
def test_dates_yearless_take_readers_year(nlp, resources, text, published, expected):
    check(nlp, resources, text, published, expected)


# Without a publication date a reader takes the year of a yearless date from the heading (a day or month
# with a year there, else a single year), else from a date just before on the same line; years bounding a
# period and funding periods do not count, nor dates in other paragraphs.
CONTEXT_YEARS = [
    ("2\nBlog\nRückblick: Fachtag Quartiersarbeit 2022\nAm 14. Oktober diskutierten in Halle Fachleute aus Verwaltung, "
     "Trägern und Quartieren über ihre Arbeit.", [(D(2022, 1, 1), D(2022, 12, 31)), (D(2022, 10, 14), D(2022, 10, 14))]),
    ("Titel\nAm 3. Mai 2022 und am 9. Juni trafen sich die Träger.", [(D(2022, 5, 3), D(2022, 5, 3)), (D(2022, 6, 9), D(2022, 6, 9))]),
    ("Titel\nDas Land fördert ab März 2021 mit Mitteln des ESF neue Lotsen für Familien in den Stadtteilen.\n"
     "Beim Infotag am 4. Juni stellen die Lotsen ihre Angebote für Familien und Alleinerziehende vor.",
     [(D(2021, 3, 1), D(2021, 3, 31))]),
    ("Newsletter März 2024\nAm 12. Februar trafen sich die Träger in Kassel.", [(D(2024, 3, 1), D(2024, 3, 31)), (D(2024, 2, 12), D(2024, 2, 12))]),
    ("Rückblick auf den Fachtag 2023\nAm 14. März kamen 60 Fachleute zusammen.", [(D(2023, 1, 1), D(2023, 12, 31)), (D(2023, 3, 14), D(2023, 3, 14))]),
    ("Das Programm läuft seit 2015 und bis 2027. Am 14. März ist Fachtag.", [(D(2015, 1, 1), D(2015, 12, 31)), (D(2027, 1, 1), D(2027, 12, 31))]),
    ("In der Förderperiode 2021-2027 gibt es am 14. März einen Fachtag.", [(D(2021, 1, 1), D(2027, 12, 31))]),
    ("Am 14. März ist Fachtag.", []),
]


@pytest.mark.parametrize("text,expected", CONTEXT_YEARS)
def test_dates_yearless_without_publication_take_the_texts_year(nlp, resources, text, expected):
    check(nlp, resources, text, None, expected)


# "am Vorabend", "am Folgetag": the day before the first or after the last day given just before.
NEIGHBOUR_DAYS = [
    ("Die Tagung fand am 12. März 2023 in Jena statt. Schon am Vorabend trafen sich die Gäste.", None,
     [(D(2023, 3, 12), D(2023, 3, 12)), (D(2023, 3, 11), D(2023, 3, 11))]),
    ("Der Kongress tagte am 3. und 4. Mai 2022. Am Folgetag besuchten die Gäste Projekte.", PUB,
     [(D(2022, 5, 3), D(2022, 5, 4)), (D(2022, 5, 5), D(2022, 5, 5))]),
    ("Am Vorabend gab es einen Empfang.", PUB, []),
    ("Datum 15.06.2021\nAm Vortag gab es einen Empfang.", PUB, [(D(2021, 6, 15), D(2021, 6, 15))]),
]


@pytest.mark.parametrize("text,published,expected", NEIGHBOUR_DAYS)
def test_dates_neighbour_days_count_from_the_day_before(nlp, resources, text, published, expected):
    check(nlp, resources, text, published, expected)


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_not_dates(nlp, resources, text):
    assert find(nlp, resources, text) == ()


@pytest.mark.parametrize(
    "text,surface,granularity,rule",
    [
        ("Am 12. Mai 2022 und 20. Mai 2022.", "12. Mai 2022", "day", "day_month_name"),
        ("Es lief vom 3. bis 5. Mai.", "vom 3. bis 5. Mai", "days", "day_span"),
        ("Seit Juni 2023 läuft es.", "Seit Juni 2023", "month", "month"),
        ("Laufzeit 2019-2022.", "2019-2022", "years", "year_span"),
        ("Ende März wurde gewählt.", "Ende März", "month", "qualified_month"),
        ("Im Frühjahr und Sommer 2023.", "Frühjahr und Sommer 2023", "months", "season_span"),
        ("Im zweiten Quartal 2022.", "zweiten Quartal 2022", "quarter", "quarter"),
    ],
)
def test_dates_surface_granularity_rule(nlp, resources, text, surface, granularity, rule):
    first = find(nlp, resources, text)[0]
    assert (first.text, first.granularity, first.rule) == (surface, granularity, rule)


@pytest.mark.parametrize(
    "text,expected_role",
    [("Titel der Meldung\n\nDatum\n05.03.2020\n\nIm Text am 05.03.2020 erneut.", ["publication", None])],
)
def test_dates_publication_line_role(nlp, resources, text, expected_role):
    mentions = find(nlp, resources, text)
    assert [m.role for m in mentions] == expected_role
    assert mentions[0].rule == "publication_line"


@pytest.mark.parametrize(
    "text,expected",
    [("Datum\n04.05.2022\n\nBis zum 1. Juli 2022 läuft der Aufruf.",
      [(D(2022, 5, 4), D(2022, 5, 4)), (D(2022, 7, 1), D(2022, 7, 1))])],
)
def test_dates_spans_do_not_cross_lines(nlp, resources, text, expected):
    assert intervals(find(nlp, resources, text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Am 25. Sep\u00adtember 2019 in Bonn.", [(D(2019, 9, 25), D(2019, 9, 25))]),
        ("Am 25.\u00a0September\u00a02019 in Bonn.", [(D(2019, 9, 25), D(2019, 9, 25))]),
        ("<p>Am 25.&nbsp;September 2019</p>", [(D(2019, 9, 25), D(2019, 9, 25))]),
        ("„Werkstatt 2020“ und „2021–2023“", [(D(2020, 1, 1), D(2020, 12, 31)), (D(2021, 1, 1), D(2023, 12, 31))]),
        ("Vom 3.\u20135. Mai 2022 \u2014 in Köln.", [(D(2022, 5, 3), D(2022, 5, 5))]),
    ],
)
def test_dates_survive_typography(nlp, resources, text, expected):
    mentions = find(nlp, resources, text)
    assert intervals(mentions) == expected
    assert all(m.text == text[m.start_char:m.end_char] for m in mentions)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "&&&;;;", "\u00ad" * 50, "31. Februar 2021", "..--––//"])
def test_dates_degenerate_input_gives_nothing(nlp, resources, text):
    assert find(nlp, resources, text) == ()


@pytest.mark.parametrize("unit", ["Am 3. Mai 2019 2019-2022 12.11.2019 bis 5. ", "1." * 40, "x" * 80])
def test_dates_megabyte_text_finishes(nlp, resources, unit):
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    mentions = find(nlp, resources, text)
    assert all(m.text == text[m.start_char:m.end_char] for m in mentions)


@pytest.mark.parametrize("text", ["Am 12.11.2019 war es."])
def test_dates_works_without_sentence_boundaries(resources, text):
    doc = spacy.blank("de").make_doc(text)
    mentions = dates.find(doc, resources)
    assert intervals(mentions) == [(D(2019, 11, 12), D(2019, 11, 12))]
    assert mentions[0].sentence == text


@pytest.mark.parametrize("name", ["biwaq_dates"])
def test_dates_component_wiring(name):
    from biwaq_extract.nlp import components  # noqa: F401

    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe(name)
    doc = pipeline.make_doc("Am 3. Mai wurde gewählt.")
    doc._.published = D(2021, 6, 1)
    for _, proc in pipeline.pipeline:
        doc = proc(doc)
    assert intervals(doc._.dates) == [(D(2021, 5, 3), D(2021, 5, 3))]


# ---------------------------------------------------------------------------------------- properties

valid_days = st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def german_forms(d: dt.date) -> list[str]:
    return [f"{d.day}. {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day}.{d.month}.{d.year}"]


@FAST
@given(d=valid_days, published=st.one_of(st.none(), valid_days))
def test_dates_property_any_day_round_trips(nlp, resources, d, published):
    for form in german_forms(d):
        mentions = find(nlp, resources, f"Die Sitzung ist am {form} in Berlin.", published)
        assert intervals(mentions) == [(d, d)], form


@FAST
@given(a=valid_days, b=valid_days)
def test_dates_property_spans_are_ordered(nlp, resources, a, b):
    first, last = min(a, b), max(a, b)
    text = f"Die Frist läuft vom {german_forms(first)[0]} bis zum {german_forms(last)[1]}."
    mentions = find(nlp, resources, text)
    assert intervals(mentions) == [(first, last)]
    assert all(m.start <= m.end for m in mentions)


DATEISH = st.lists(
    st.sampled_from(list("0123456789.,-–—/ \n\u00a0\u00ad&;Q§%") + ["bis ", "und ", "März ", "Mai ", "Ende ",
                    "im ", "vom ", "Herbst ", "Quartal ", "2019", "heute ", "Jahr ", "&nbsp;", "Datum\n"]),
    max_size=40,
).map("".join)


@FAST
@given(text=st.one_of(st.text(max_size=300), DATEISH), published=st.one_of(st.none(), valid_days))
def test_dates_property_never_raises_and_offsets_match(nlp, resources, text, published):
    for m in find(nlp, resources, text, published):
        assert m.text == text[m.start_char:m.end_char]
        assert m.start <= m.end


# The patterns are tried only where a match can begin (dates.start_positions); that must find exactly
# what a scan of every character finds.
STARTISH = st.lists(
    st.sampled_from(list("0123456789.,-–/ \n\t\u00a0&Qq§éıİſ_(„") + [
        "bis ", "und ", "März ", "mai", "Sept.", "ſeptember ", "Ende ", "GEGEN  ENDE ", "Mıtte ", "des Jahres ",
        "des Monats ", "im ", "İm ", "vom ", "Herbst", "Sommers ", "diesen ", "im kommenden ", "zweiten ",
        "Quartal", "Halbjahres ", "Q3", "2019", "1990er Jahre", "heute ", "Jahr", "Vorjahr", "vergangenen ",
        "laufenden Jahres", "zu beginn ", "im Laufe ", "anfangs "]),
    max_size=30,
).map("".join)


@FAST
@given(text=st.one_of(st.text(max_size=200), STARTISH, DATEISH))
def test_dates_property_start_positions_find_every_match(resources, text):
    starts = start_positions(text, resources.starts)
    assert starts is not None
    for name, positions in starts.items():
        pattern = resources.patterns[name]
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in finditer(pattern, text, positions)] == expected, name


@FAST
@given(text=st.one_of(STARTISH, DATEISH), published=st.one_of(st.none(), valid_days))
def test_dates_property_same_dates_as_scanning_everything(nlp, resources, text, published):
    everywhere = dataclasses.replace(resources, starts=None)  # no start rules: every pattern scans the text
    assert find(nlp, resources, text, published) == find(nlp, everywhere, text, published)


@pytest.mark.parametrize(
    "text", ["Am 3. ſeptember 2021 war es.", "Mıtte 2020 und İm Jahr 2019", "Q3 2021, im 2. Quartal"]
)
def test_dates_case_exceptions_are_read_as_re_reads_them(nlp, resources, text):
    everywhere = dataclasses.replace(resources, starts=None)
    mentions = find(nlp, resources, text)
    assert mentions and mentions == find(nlp, everywhere, text)


@pytest.mark.parametrize("published", [D(1, 1, 1), D(1, 1, 20), D(9999, 12, 31), D(9999, 12, 5)])
@pytest.mark.parametrize(
    "text",
    [
        "Am 3. Dezember fand die Konferenz statt.", "Am 20. Januar wird die Konferenz stattfinden.",
        "Morgen beginnt es, gestern war es, im vergangenen Monat und im nächsten Jahr auch.",
        "Diesen Winter und im kommenden Herbst.", "Am 29. Februar und vom 30. Dezember bis 2. Januar.",
        "Seit März läuft es.", "Am 31.12.9999 und am Folgetag.", "Am 01.01.0001 und am Vortag.",
    ],
)
def test_dates_extreme_publication_dates_are_clamped_not_raised(nlp, resources, text, published):
    """A publication date of year 1 or 9999 moved by a year or a day stays within what a date can hold."""
    for m in find(nlp, resources, text, published):
        assert D(1, 1, 1) <= m.start <= m.end <= D(9999, 12, 31)


@pytest.mark.parametrize(
    "text,expected_role",
    [
        ("Bewerbungen sind bis zum 15. Mai 2023 einzureichen.", "deadline"),
        ("Die Anmeldefrist endet am 3. März 2022.", "deadline"),
        ("Der Förderaufruf läuft noch bis zum 30. Juni 2024.", "deadline"),
        ("In der Förderperiode 2021-2027 stehen dafür Mittel bereit.", "funding_period"),
        ("Der Aufruf startete im Februar 2024 mit einer Auftaktrunde.", None),
        ("Der Wettbewerb fand 2019 in Köln statt.", None),
    ],
)
def test_dates_role_from_the_words_around(nlp, resources, text, expected_role):
    assert [m.role for m in find(nlp, resources, text)] == [expected_role]


@pytest.mark.parametrize(
    "text,expected_roles",
    [
        # two dates of one sentence: the sentence is tested once for cue words, both dates keep their roles
        ("Bewerbungen vom 1. März bis 15. Mai 2023 sind einzureichen.", ["deadline"]),
        ("Der Fachtag am 3. Mai 2023 und der Workshop am 7. Juni 2023 fanden in Köln statt.", [None, None]),
        ("Am 3. Mai 2023 begann die Förderperiode. Die Anmeldung endet am 7. Juni 2023.", ["funding_period", "deadline"]),
    ],
)
def test_dates_role_of_several_dates_per_sentence(nlp, resources, text, expected_roles):
    assert [m.role for m in find(nlp, resources, text)] == expected_roles


@pytest.mark.parametrize(
    "sentence,date,quiet_before",
    [
        ("Der Aufruf startete im Februar 2024.", "Februar 2024", {}),
        ("Der Wettbewerb fand 2019 in Köln statt.", "2019", {}),
        ("Die Anmeldefrist endet am 3. März 2022.", "3. März 2022", {}),
    ],
)
def test_dates_role_memo_gives_the_same_role(resources, sentence, date, quiet_before):
    from biwaq_extract.nlp.dates.roles import cue_role

    start = sentence.index(date)
    plain = cue_role(sentence, start, start + len(date), sentence, resources.role_cues)
    quiet = dict(quiet_before)
    assert cue_role(sentence, start, start + len(date), sentence, resources.role_cues, quiet) == plain
    assert cue_role(sentence, start, start + len(date), sentence, resources.role_cues, quiet) == plain  # memo read
    assert quiet == {sentence: plain is None and not resources.role_cues.in_text(sentence.lower())}
