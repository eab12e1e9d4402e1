"""Events: gathering nouns linked to the date, place and participant count of their sentence."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "Etwa 80 Projektverantwortliche trafen sich am 25. und 26. September 2019 in Bonn zur Entwicklungswerkstatt.",
            "2019-11-12",
            [("workshop", D(2019, 9, 25), D(2019, 9, 26), "Bonn", 80)],
        ),
        (
            "Die Jahrestagung findet am 3. Mai 2022 in Leipzig statt.",
            "2022-04-01",
            [("conference", D(2022, 5, 3), D(2022, 5, 3), "Leipzig", None)],
        ),
        (
            "Am 4. März 2021 lädt das Programm zu einem Webinar ein. Das Webinar richtet sich an Träger.",
            "2021-02-01",
            [("webinar", D(2021, 3, 4), D(2021, 3, 4), None, None)],
        ),
        ("Der Preis für das beste Projekt ist hoch.", "2021-02-01", []),
    ],
)
def test_events_links_date_place_and_count(make_doc, text, published, expected):
    doc = make_doc(text, published)
    got = [(e.type, e.start, e.end, e.location, e.participants) for e in doc._.events]
    assert got == expected


@pytest.mark.parametrize("text", ["Zum Fachtag „Quartiere stärken“ kamen am 12. Mai 2022 rund 120 Gäste nach Leipzig."])
def test_events_takes_quoted_name(make_doc, text):
    (event,) = make_doc(text, "2022-05-20")._.events
    assert event.name == "Quartiere stärken"
    assert event.type == "conference"


def test_events_same_when_the_word_memo_starts_over(make_doc, monkeypatch):
    from biwaq_extract.nlp import events

    text = "Etwa 80 Projektverantwortliche trafen sich am 25. und 26. September 2019 in Bonn zur Entwicklungswerkstatt."
    expected = make_doc(text, "2019-11-12")._.events
    monkeypatch.setattr(events._SuffixMemo, "MAX_WORDS", 0)  # forget all words before every Doc
    assert make_doc(text, "2019-11-12")._.events == expected
    assert make_doc(text, "2019-11-12")._.events == expected
