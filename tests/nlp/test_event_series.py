"""Event series: plural gathering nouns and the places or dated lines that split them."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp import event_series, events

RULES = events.load_rules()


@pytest.mark.parametrize(
    "word, head",
    [("Pflegekongressen", ("kongress", "conference")), ("Seminare", ("seminar", "seminar")),
     ("Workshops", ("workshop", "workshop")), ("Menschen", None)],
)
def test_event_series_singular_head_of_a_plural(word, head):
    assert event_series.singular_head(word, lambda w: events.event_head(w, RULES)) == head


@pytest.mark.parametrize(
    "text, places",
    [
        ("Das Team zeigte auf Pflegekongressen in Wien und Abu Dhabi seinen Truck.", ["Wien", "Abu Dhabi"]),
        ("Seminare gibt es in Dresden, Kiel sowie Mainz.", ["Dresden", "Kiel", "Mainz"]),
        ("Seminare gibt es in Dresden. Kiel folgt.", []),
        # a singular noun: a tour's stops, or a gathering held on two days in two towns
        ("Die Info-Tour machte im Mai 2023 Station in Lahr, Bonn und Mainz.", ["Lahr", "Bonn", "Mainz"]),
        ("Der Workshop findet am 6. Juni 2024 in Kiel und am 13. Juni 2024 in Hamburg statt.", ["Kiel", "Hamburg"]),
        # … not a list of where the guests came from, nor of Länder
        ("Die Konferenz in Berlin brachte am 3. Mai 2023 Gäste aus Hamburg, Bremen und Kiel zusammen.", []),
        ("Der Fachtag fand am 3. Mai 2023 in Sachsen und Thüringen statt.", []),
    ],
)
def test_event_series_one_event_per_place(make_doc, text, places):
    got = sorted(e.location for e in make_doc(text, "2024-01-10")._.events if len(places) > 1 or e.rule.startswith("rule:event-series"))
    assert got == sorted(places)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Vom 6. bis 24. November fanden zehn Online-Werkstätten statt.", ("Online-Werkstätten", "werkstatt", "workshop")),
        ("Im Juni finden 3 Netzwerktreffen statt.", ("Netzwerktreffen", "treffen", "meeting")),
        ("Im Juni finden Seminare statt.", None),
        ("Im Juni kamen drei Ministerinnen.", None),
    ],
)
def test_event_series_counted_plural(make_doc, text, found):
    from biwaq_extract.nlp.token_view import view

    v = view(make_doc(text))
    assert event_series.counted_plural(v, 0, v.n, lambda w: events.event_head(w, RULES)) == found


@pytest.mark.parametrize(
    "text, places",
    [("Im Juni fanden in Halle und Magdeburg zwei Workshops statt.", ["Halle", "Magdeburg"]),
     ("Gäste aus Halle und Magdeburg kamen.", []),
     ("Im Juni fand in Halle ein Workshop statt.", [])],
)
def test_event_series_joined_places(make_doc, text, places):
    doc = make_doc(text)
    assert [p.name for p in event_series.joined_places(doc.text, list(doc._.places))] == places
