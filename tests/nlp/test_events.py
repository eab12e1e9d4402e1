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
    from biwaq_extract.nlp import event_nouns

    text = "Etwa 80 Projektverantwortliche trafen sich am 25. und 26. September 2019 in Bonn zur Entwicklungswerkstatt."
    expected = make_doc(text, "2019-11-12")._.events
    monkeypatch.setattr(event_nouns.SuffixMemo, "MAX_WORDS", 0)  # forget all words before every Doc
    assert make_doc(text, "2019-11-12")._.events == expected
    assert make_doc(text, "2019-11-12")._.events == expected


def _events(make_doc, text, published):
    return [(e.type, e.start, e.location, e.participants) for e in make_doc(text, published)._.events]


@pytest.mark.parametrize(
    "text, location, venue",
    [
        (
            "Die Fachtagung fand am 5. März 2024 im Festsaal des Leipziger Rathauses statt.",
            "Leipzig",
            "Festsaal des Leipziger Rathauses",
        ),
        ("Der Workshop findet am 3. Juni 2024 in der Kulturscheune in Potsdam statt.", "Potsdam", "Kulturscheune"),
        (
            "Der Fachtag findet am 9. Oktober 2024 statt.\nOrt: Haus der Begegnung, Lindenstraße 4, 14467 Potsdam",
            "Potsdam",
            "Haus der Begegnung",
        ),
        ("Die Werkstatt fand am 7. Mai 2024 im Bürgerhaus statt.", None, "Bürgerhaus"),
        # a town in the venue's name
        ("Die Regionalkonferenz findet am 12. Juni 2024 statt.\nVeranstaltungsort: Rathaus Bochum, Willy-Brandt-Platz 2",
         "Bochum", "Rathaus Bochum"),
        ("Der Fachtag findet am 12. Juni 2024 statt. Veranstaltungsort ist das Bürgerhaus in Kassel.", "Kassel", "Bürgerhaus"),
    ],
)
def test_events_venue_gives_its_town(make_doc, text, location, venue):
    (event,) = make_doc(text, "2024-05-20")._.events
    assert (event.location, event.venue) == (location, venue)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "die Veranstaltung" points back to the meeting and adds its attendance
        (
            "Am 4. Mai 2023 fand in Kiel ein Netzwerktreffen statt. Die Veranstaltung besuchten rund 60 Gäste.",
            [("meeting", D(2023, 5, 4), "Kiel", 60)],
        ),
        # a repeated compound with a definite article is the same gathering; a town refines the country
        (
            "Der Europatag in Finnland war ein Erfolg. Auf dem Europatag in Tampere sprachen viele Gäste.",
            [("other", None, "Tampere", None)],
        ),
        # the place of a back-reference may follow an area noun ("im Stadtteil X")
        (
            "Am 3. Mai 2023 begann die Förderrunde mit einer Auftaktveranstaltung. Die Gäste kamen zu der "
            "Veranstaltung in die Stadthalle im Stadtteil Gröpelingen.",
            [("kickoff", D(2023, 5, 3), "Gröpelingen", None)],
        ),
        # a new noun with a definite article names the visit a verb reported
        (
            "Die Ministerin besuchte am 10. August 2021 ein Projekt in Cottbus. Bei dem Projektbesuch sprach "
            "sie mit Jugendlichen, die im August nach Spanien reisen.",
            [("other", D(2021, 8, 10), "Cottbus", None)],
        ),
    ],
)
def test_events_back_references_join_the_gathering(make_doc, text, expected):
    assert _events(make_doc, text, "2023-06-01" if "2023" in text else "2021-09-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Jahrestagung fand am 2. Mai 2023 in Bonn statt. Eine Podiumsdiskussion beleuchtete die Zukunft.",
        "Die Jahrestagung fand am 2. Mai 2023 in Bonn statt. Am Infostand informierten Projekte über ihre Arbeit.",
        "Die Jahrestagung fand am 2. Mai 2023 in Bonn statt. Beim Auftakt der Jahrestagung sprach die Ministerin.",
        # a workshop on one day of a gathering of several days
        "Die Jahrestagung fand am 1. und 2. Mai 2023 in Bonn statt. Am zweiten Tag stand ein Workshop zur "
        "Digitalisierung auf dem Programm. Am 2. Mai 2023 folgte ein Seminar zum Datenschutz.",
    ],
)
def test_events_parts_of_a_gathering_are_not_events(make_doc, text):
    start = D(2023, 5, 1) if "1. und 2. Mai" in text else D(2023, 5, 2)
    assert _events(make_doc, text, "2023-06-01") == [("conference", start, "Bonn", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Im Herbst 2024 bietet das Programm Seminare in Dresden, Kiel und Mainz an.",
            [("seminar", D(2024, 9, 1), place, None) for place in ("Dresden", "Kiel", "Mainz")],
        ),
        (
            "Die Regiestelle bietet Online-Seminare an:\n• 3. März 2025, 10 Uhr\n• 10. März 2025, 14 Uhr\n",
            [("webinar", D(2025, 3, 3), None, None), ("webinar", D(2025, 3, 10), None, None)],
        ),
        # each place with its own day
        (
            "Die Regionalkonferenzen finden in Kiel (6. Oktober 2024), Hamburg (13. Oktober 2024) und Lübeck "
            "(20. Oktober 2024) statt.",
            [("conference", D(2024, 10, d), place, None) for d, place in ((6, "Kiel"), (13, "Hamburg"), (20, "Lübeck"))],
        ),
        (
            "Die Informationsveranstaltungen finden am 6. Oktober 2024 in Kiel und am 13. Oktober 2024 in Hamburg statt.",
            [("other", D(2024, 10, 6), "Kiel", None), ("other", D(2024, 10, 13), "Hamburg", None)],
        ),
    ],
)
def test_events_series_gives_one_event_per_place_or_date(make_doc, text, expected):
    assert sorted(_events(make_doc, text, "2024-08-01"), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text, published, start",
    [
        ("Am 12. März trafen sich 50 Fachleute in Essen zur Werkstatt.", "2024-04-02", D(2024, 3, 12)),
        ("Am 12. März trafen sich 50 Fachleute in Essen zur Werkstatt.", "2024-01-10", D(2023, 3, 12)),
        ("Die Werkstatt findet am 12. März in Essen statt.", "2024-06-02", D(2025, 3, 12)),
    ],
)
def test_events_year_of_a_yearless_date(make_doc, text, published, start):
    (event,) = make_doc(text, published)._.events
    assert event.start == start


@pytest.mark.parametrize(
    "text, participants",
    [
        ("Beim Fachtag am 3. Mai 2023 in Bonn waren 120 Teilnehmer*innen dabei.", 120),
        ("Seit 2011 haben 13.000 Fachkräfte die Schulung besucht. Der Fachtag fand am 3. Mai 2023 in Bonn statt.", None),
        ("Der Fachtag am 3. Mai 2023 in Bonn zeigte, wie das Programm 5.000 Menschen erreicht hat.", None),
        # any people noun, when the sentence says they came
        ("Zur Ausbildungsbörse am 3. Mai 2023 in Bonn kamen 800 Schülerinnen und Schüler.", 800),
        ("Die Ausbildungsbörse am 3. Mai 2023 in Bonn richtet sich an 800 Schülerinnen und Schüler.", None),
    ],
)
def test_events_participants_are_the_attendance(make_doc, text, participants):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.participants == participants


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Der Auftakt-Workshop fand am 3. Mai 2023 in Bonn statt.", "kickoff"),
        ("Die Online-Informationsveranstaltung fand am 3. Mai 2023 statt.", "webinar"),
        ("Die Plenartagung des Parlaments fand am 3. Mai 2023 in Straßburg statt.", "meeting"),
        # a gathering called only "Veranstaltung" in this genre is a conference with talks and panels
        ("Die Veranstaltung „Arbeit im Wandel“ fand am 3. Mai 2023 in Stuttgart statt.", "conference"),
        ("Rund 150 Gäste kamen am 3. Mai 2023 zur Veranstaltung in die Stadthalle Dortmund.", "conference"),
        # a dated report naming its own gathering dates that one, not the dialogue mentioned before it
        ("Wir regen einen konstruktiven Dialog an.\nDie Fachtagung findet am 3. Mai 2023 in Bonn statt.", "conference"),
    ],
)
def test_events_type_from_the_compound(make_doc, text, etype):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.type == etype


@pytest.mark.parametrize(
    "text, start",
    [
        ("Im Jahr 2023 fand die Jahrestagung der Zukunftszentren 2023 in Bonn statt.", D(2023, 1, 1)),
        ("Änderungen zum Aufruf 2023 und eine Informationsveranstaltung in Bonn.", None),
        ("Die Fachkonferenz „Der ESF nach 2027“ fand in Bonn statt.", None),
    ],
)
def test_events_year_only_from_the_gatherings_own_name(make_doc, text, start):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.start == start


@pytest.mark.parametrize(
    "text, location",
    [
        ("Erfurt. Beim Aktionstag des ESF für Thüringen kamen viele Gäste zusammen.", "Erfurt"),
        ("Beim Aktionstag des ESF für Thüringen kamen viele Gäste ins Erfurter Rathaus.", "Erfurt"),
        ("Beim Aktionstag des ESF für Thüringen kamen viele Gäste zusammen.", None),
        ("Der Aktionstag im Erfurter Kultur-Quartier war gut besucht.", "Erfurt"),
        ("Beim Kieler Fachtag am 4. Mai 2023 diskutierten 80 Gäste.", "Kiel"),
        ("Beim Europäischen Fachtag am 4. Mai 2023 diskutierten 80 Gäste.", None),
    ],
)
def test_events_town_from_dateline_and_place_adjective(make_doc, text, location):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text",
    [
        "Zu den Mikroprojekten gehört die Organisation eines Stadtteilfestes. Am 1. Januar 2015 startete das Programm.",
        "Die Planung eines großen Workshops kostet Zeit.",
    ],
)
def test_events_a_kind_of_gathering_is_not_an_event(make_doc, text):
    assert make_doc(text, "2016-03-01")._.events == ()


@pytest.mark.parametrize(
    "text, published, start",
    [
        # a report published on a Thursday: "am Montag" is the Monday before
        ("Die Ministerin hat am Montag in Berlin die Gewinner ausgezeichnet.", "2014-06-26", D(2014, 6, 23)),
        # an announcement: the next such day
        ("Der Workshop findet am Montag in Bonn statt.", "2014-06-26", D(2014, 6, 30)),
    ],
)
def test_events_weekday_dated_from_publication(make_doc, text, published, start):
    (event,) = make_doc(text, published)._.events
    assert event.start == start


@pytest.mark.parametrize(
    "text, location",
    [
        ("Die Ministerin hat am 3. Mai 2023 in Berlin die Sieger des Online-Wettbewerbs ausgezeichnet.", "Berlin"),
        ("Das Online-Seminar fand am 3. Mai 2023 mit Gästen aus Berlin statt.", None),
        ("Pandemiebedingt fand der Fachtag am 3. Mai 2023 digital statt, moderiert aus Berlin.", None),
    ],
)
def test_events_online_gatherings_have_no_place(make_doc, text, location):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text, location",
    [
        ("Projekte stellen sich in Leipzig vor\nAm 4. Mai 2023 fand die Jahreskonferenz des Programms statt.", "Leipzig"),
        ("Fachtag in Bremen\nDer Fachtag fand am 4. Mai 2023 im Bürgerhaus statt.", "Bremen"),
        # the title's town is not where a gathering of another town takes place
        ("Projekte stellen sich in Leipzig vor\nAm 4. Mai 2023 fand in Halle die Jahreskonferenz statt.", "Halle"),
        ("Projekte in Leipzig\nDie Online-Informationsveranstaltung fand am 4. Mai 2023 statt.", None),
    ],
)
def test_events_main_event_takes_the_titles_town(make_doc, text, location):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text, expected",
    [
        # no publication date: a yearless day takes the year the text gives elsewhere
        (
            "Rückblick: Fachtag Quartiersarbeit 2022\nAm 14. Oktober fand in Halle der Fachtag statt.",
            [("conference", D(2022, 10, 14), "Halle", None)],
        ),
        (
            "Rundbrief März 2023\nDie Fachtagung fand am 12. März 2023 in Jena statt. Am Vorabend lud "
            "der Verband zu einem Netzwerktreffen ein.",
            [("conference", D(2023, 3, 12), "Jena", None), ("meeting", D(2023, 3, 11), None, None)],
        ),
    ],
)
def test_events_dated_without_a_publication_date(make_doc, text, expected):
    assert _events(make_doc, text, None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a meeting verb with the town it meets in: a month or season dates the gathering
        ("Im April trafen sich die Projektleitungen in Rostock.", [("meeting", D(2023, 4, 1), "Rostock", None)]),
        ("Anfang Mai kamen in Erfurt rund 40 Akteure zusammen.", [("meeting", D(2023, 5, 1), "Erfurt", 40)]),
        # … but not without the town, nor for a verb that may tell of a period
        ("Im April trafen sich die Projektleitungen.", []),
        ("Im April findet in Rostock die Beratung statt.", []),
        # a venue's town places a gathering told by a verb alone
        ("Am 3. Mai trafen sich die Träger im Dresdner Rathaus.", [("meeting", D(2023, 5, 3), "Dresden", None)]),
        # "kamen" tells of a gathering only with its attendance
        ("Mehr als 70 Teilnehmende kamen am 3. Mai nach Jena.", [("other", D(2023, 5, 3), "Jena", 70)]),
        # the attendance may follow in the next sentence
        (
            "Am 3. Mai wurden in Gotha drei Ausbildungsbetriebe ausgezeichnet. Zur Feierstunde kamen rund 120 Gäste.",
            [("award", D(2023, 5, 3), "Gotha", 120)],
        ),
        ("Am 3. Mai kamen die Ergebnisse nach Jena.", []),
        ("In Magdeburg öffneten am 5. Mai die Projekte ihre Türen.", [("other", D(2023, 5, 5), "Magdeburg", None)]),
        # an official's visit told without the noun
        ("Staatssekretärin Weber informierte sich am 8. Mai in Gera über das Projekt.", [("other", D(2023, 5, 8), "Gera", None)]),
        ("Am 8. Mai machte sich der Minister in Suhl ein Bild von der Arbeit.", [("other", D(2023, 5, 8), "Suhl", None)]),
        ("Am 8. Mai informierte sich die Ministerin über die Ergebnisse der Studie.", []),
    ],
)
def test_events_reported_by_a_verb_alone(make_doc, text, expected):
    assert _events(make_doc, text, "2023-05-20") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a subheading names the gathering the lines under it date and place
        (
            "Das Land informiert über die neue Förderperiode.\nVeranstaltung zur Zukunft der Arbeit\n"
            "Darüber diskutierten Fachleute am 5. März 2024 in Kassel.",
            [("conference", D(2024, 3, 5), "Kassel", None)],
        ),
        # a sentence that ends its paragraph is no subheading
        (
            "Neues aus dem Land\nDas Land plant eine Veranstaltung zur Zukunft der Arbeit.\n\n"
            "Die Fachleute sprachen am 5. März 2024 in Kassel.",
            [],
        ),
    ],
)
def test_events_subheading_takes_the_date_of_its_paragraph(make_doc, text, expected):
    assert _events(make_doc, text, "2024-04-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Aufruf zum Förderprogramm\nDas Ministerium hat den zweiten Förderaufruf des Programms veröffentlicht.\n"
        "Neuerungen und Infoabend\nDie Laufzeit der Vorhaben beträgt in der Regel drei Jahre.",
    ],
)
def test_events_subheading_naming_a_topic_is_no_event(make_doc, text):
    assert _events(make_doc, text, "2024-04-01") == []


@pytest.mark.parametrize(
    "text",
    [
        # a workshop that is a place of work, not a gathering
        "Titel\nDas Projekt betreibt seit 2021 eine Jugendwerkstatt in Gera.",
        "Titel\nIn der Fahrradwerkstatt in Gotha lernen Jugendliche im Mai 2023, Räder zu reparieren.",
        # a recurring kind of gathering, without the day of one
        "Titel\nSeit 2020 organisiert der Verein jedes Jahr einen Aktionstag in Weimar.",
        "Titel\nRegelmäßige Netzwerktreffen in Jena sorgen für Austausch.",
    ],
)
def test_events_no_event_from_facilities_or_recurring_kinds(make_doc, text):
    assert _events(make_doc, text, "2023-06-01") == []


@pytest.mark.parametrize("text", ["Titel\nDer jährliche Fachtag fand am 4. Mai 2023 in Weimar statt."])
def test_events_recurring_gathering_with_its_day_is_one(make_doc, text):
    assert _events(make_doc, text, "2023-06-01") == [("conference", D(2023, 5, 4), "Weimar", None)]


@pytest.mark.parametrize(
    "text, location",
    [
        # a gathering of a local organisation named after its town takes place there
        (
            "Titel\nAm 6. Juni 2024 beging das Jobcenter sein zehnjähriges Bestehen. Die Ministerin sprach auf der "
            "Jubiläumsfeier des Jobcenters Essen. Das Jobcenter in Essen berät seit 2014.",
            "Essen",
        ),
        # also when the text names the town only in the organisation's name
        (
            "Titel\nAm 6. Juni 2024 beging das Jobcenter sein zehnjähriges Bestehen. Die Ministerin sprach auf der "
            "Jubiläumsfeier des Jobcenters Essen.",
            "Essen",
        ),
        # not a Land: what a body serves, not where it meets
        (
            "Titel\nAm 6. Juni 2024 beging die Diakonie Hessen ihr Jubiläum mit einer Feier.",
            None,
        ),
    ],
)
def test_events_local_organisations_town(make_doc, text, location):
    (event,) = make_doc(text, "2024-05-29")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text, expected",
    [
        # an opening is a kick-off, with the date and place of its report
        (
            "Titel\nAm 4. Mai 2023 wurde das neue Stadtteilzentrum in Gera eröffnet. Zur Eröffnung kamen rund 100 Gäste.",
            [("kickoff", D(2023, 5, 4), "Gera", 100)],
        ),
        ("Titel\nMit der Einweihung am 4. Mai 2023 nahm das Jugendzentrum in Suhl seinen Betrieb auf.", [("kickoff", D(2023, 5, 4), "Suhl", None)]),
        ("Titel\nBeim Erfahrungsaustausch am 4. Mai 2023 in Jena berichteten die Projekte.", [("meeting", D(2023, 5, 4), "Jena", None)]),
        ("Titel\nBeim Infoabend am 4. Mai 2023 in Bautzen stellten sich die Projekte vor.", [("other", D(2023, 5, 4), "Bautzen", None)]),
        ("Titel\nDie Jahresveranstaltung fand am 4. Mai 2023 in Dresden statt.", [("conference", D(2023, 5, 4), "Dresden", None)]),
        # the everyday senses name no gathering
        ("Titel\nDie Eröffnung neuer Perspektiven für junge Menschen ist das Ziel des Programms.", []),
        ("Titel\nDer Austausch mit anderen Projekten eröffnet neue Wege.", []),
    ],
)
def test_events_openings_and_exchanges(make_doc, text, expected):
    assert _events(make_doc, text, "2023-06-01") == expected


@pytest.mark.parametrize(
    "text, location",
    [
        # a streamed or hybrid gathering still takes place in the town its sentence names
        ("Titel\nDie Konferenz fand am 4. Mai 2023 in Berlin statt und wurde online übertragen.", "Berlin"),
        ("Titel\nAm 4. Mai 2023 trafen sich 40 Fachleute in Erfurt und online zum Austausch.", "Erfurt"),
        ("Titel\nDas Seminar findet am 4. Mai 2023 online statt.", None),
        ("Titel\nDas Webinar in Kooperation mit dem Jobcenter in Kiel findet am 4. Mai 2023 statt.", None),
    ],
)
def test_events_streamed_gatherings_keep_their_town(make_doc, text, location):
    (event,) = make_doc(text, "2023-06-01")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text",
    [
        "Eigentlich hätte der Landesfachtag am 14. Mai 2020 in Schwerin stattfinden sollen.",
        "Eigentlich sollte das Netzwerktreffen am 2. April 2020 in Rostock stattfinden.",
        "Wegen der Pandemie sagte die Handwerkskammer die Ausbildungsmesse am 18. April 2020 in Trier ab.",
        "Die für den 6. Mai 2020 geplante Regionalkonferenz in Jena kann nicht wie vorgesehen stattfinden.",
        "Der Infoabend am 9. März 2020 in Gotha fällt aus.",
    ],
)
def test_events_a_gathering_called_off_is_no_event(make_doc, text):
    assert make_doc(text, "2020-03-20")._.events == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        # the postponed gathering keeps only its new date
        (
            "Die für den 6. Mai 2020 geplante Werkstatt in Halle kann nicht stattfinden. Die Veranstalter haben "
            "entschieden, die Werkstatt in den Herbst 2020 zu verschieben.",
            [("workshop", D(2020, 9, 1), "Halle", None)],
        ),
        # "ab" of a date is no called-off gathering
        (
            "Die Ministerin sagte beim Fachtag am 4. Mai 2020 in Kiel, ab Juli gebe es neue Mittel.",
            [("conference", D(2020, 5, 4), "Kiel", None)],
        ),
    ],
)
def test_events_postponed_gathering_keeps_its_new_date(make_doc, text, expected):
    assert _events(make_doc, text, "2020-04-20") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Regionalkonferenz fand am 3. Mai 2022 in Gera statt. Eine Dokumentation der Konferenz erscheint im Sommer.",
        "Die Regionalkonferenz fand am 3. Mai 2022 in Gera statt. Die Aufzeichnung der Konferenz steht ab Mitte Juni bereit.",
        "Die Regionalkonferenz fand am 3. Mai 2022 in Gera statt. Die Ergebnisse der Tagung erscheinen im Herbst in Jena.",
    ],
)
def test_events_record_of_a_gathering_is_no_new_event(make_doc, text):
    assert _events(make_doc, text, "2022-05-10") == [("conference", D(2022, 5, 3), "Gera", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place of work named "Werkstatt" after its compound
        (
            "Unsere Lehrwerkstatt in Gera bildet Jugendliche aus. Am 2. Juni 2021 öffnen wir die Werkstatt für "
            "einen Tag der offenen Tür.",
            [("other", D(2021, 6, 2), "Gera", None)],
        ),
        (
            "Die Jugendwerkstatt in Suhl repariert Fahrräder. In der Werkstatt arbeiten am 3. Mai 2021 zwölf Jugendliche.",
            [],
        ),
    ],
)
def test_events_place_of_work_is_no_workshop(make_doc, text, expected):
    assert _events(make_doc, text, "2021-05-20") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a host receiving guests dates the visit told before it
        (
            "Die Landrätin hat sich bei einem Projektbesuch in Greiz über das Projekt informiert.\n\n"
            "Am Dienstag, dem 9. Mai, empfing das Team den Gast in seinem Ladenlokal.",
            [("other", D(2023, 5, 9), "Greiz", None)],
        ),
        # an invitation told after the fact dates the kick-off named before it
        (
            "Rund 90 Teilnehmende kamen zur Auftaktkonferenz des Landesprogramms nach Erfurt. Die Staatskanzlei "
            "hatte am 7. und 8. März 2023 Vertreterinnen und Vertreter der Kommunen eingeladen.",
            [("kickoff", D(2023, 3, 7), "Erfurt", 90)],
        ),
    ],
)
def test_events_hosts_and_invitations_date_a_gathering(make_doc, text, expected):
    assert _events(make_doc, text, "2023-05-12") == expected


@pytest.mark.parametrize(
    "text, participants",
    [
        (
            "Fachtag in Potsdam: Wege in Ausbildung\n\nKnapp 200 Fachleute aus Kammern und Schulen diskutierten über "
            "den Übergang in den Beruf.\n\nDer Fachtag „Wege in Ausbildung“ fand am 4. Mai 2023 in Potsdam statt.",
            200,
        ),
        (
            "Jahrestagung in Mainz\n\nMehr als 120 Vertreterinnen und Vertreter der Wohlfahrtsverbände tauschten sich "
            "aus.\n\nDie Jahrestagung fand am 4. Mai 2023 in Mainz statt.",
            120,
        ),
        # a dated lead is its own sentence's gathering: nothing to carry over
        (
            "Jahrestagung in Mainz\n\nAm 2. Februar 2023 kamen 80 Gäste ins Rathaus.\n\nDie Jahrestagung fand am 4. Mai "
            "2023 in Mainz statt.",
            None,
        ),
    ],
)
def test_events_main_event_takes_an_undated_leads_attendance(make_doc, text, participants):
    events = make_doc(text, "2023-05-10")._.events
    main = next(e for e in events if e.start == D(2023, 5, 4))
    assert main.participants == participants


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vom 6. bis 24. November 2023 fanden insgesamt acht Online-Werkstätten statt, an denen mehr als 200 "
            "Teilnehmende mitwirkten.",
            [("webinar", D(2023, 11, 6), None, 200)],
        ),
        ("Im Oktober 2023 finden drei Seminare zum Datenschutz in Kassel statt.", [("seminar", D(2023, 10, 1), "Kassel", None)]),
        (
            "Im Juni 2023 fanden in Halle und Magdeburg zwei Workshops statt.",
            [("workshop", D(2023, 6, 1), "Halle", None), ("workshop", D(2023, 6, 1), "Magdeburg", None)],
        ),
        # a verb's report of a gathering takes the type of the noun naming it
        (
            "Tagung in Graz\n\nAm 8. Oktober 2023 trafen sich Fachleute aus zwölf Ländern in Graz.",
            [("conference", D(2023, 10, 8), "Graz", None)],
        ),
    ],
)
def test_events_counted_plurals_and_named_verb_reports(make_doc, text, expected):
    assert _events(make_doc, text, "2023-12-01") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Digitale Auftaktveranstaltung des Landes\n\nAm 5. und 6. Oktober 2022 hat das Sozialministerium die "
            "Förderperiode mit einer Online-Konferenz eröffnet.\n\nMehr als 400 Gäste verfolgten die "
            "Auftaktveranstaltung im Livestream.",
            [("kickoff", D(2022, 10, 5), None, 400)],
        ),
        (
            "Die Agentur für Arbeit bietet am 8. März 2022 eine digitale Sprechstunde für Betriebe an.",
            [("webinar", D(2022, 3, 8), None, None)],
        ),
        (
            "Am 10. November 2022 laden wir zu einem Unternehmerfrühstück in Zwickau ein.",
            [("meeting", D(2022, 11, 10), "Zwickau", None)],
        ),
    ],
)
def test_events_kickoffs_consultations_and_breakfasts(make_doc, text, expected):
    assert _events(make_doc, text, "2022-10-12") == expected


@pytest.mark.parametrize(
    "text, participants",
    [
        ("Auf der Messe in Nürnberg am 23. Oktober 2024 kamen knapp 300 Besucher an unseren Stand.", None),
        ("Zur Messe in Nürnberg kamen am 23. Oktober 2024 knapp 3.000 Besucherinnen und Besucher.", 3000),
        ("Am 21. Juni 2022 kamen rund 250 Projektleitungen und Gäste in Berlin zur Abschlussveranstaltung zusammen.", 250),
    ],
)
def test_events_stand_visitors_are_not_the_fairs_attendance(make_doc, text, participants):
    (event,) = make_doc(text, "2024-11-01")._.events
    assert event.participants == participants


@pytest.mark.parametrize(
    "text, location, venue",
    [
        ("Rund 120 Gäste kamen am 4. Juli 2023 zum Fachtag in das Rathaus Bochum.", "Bochum", "Rathaus Bochum"),
        ("Der Infoabend fand am 4. Juli 2023 in der Begegnungsstätte Spandau statt.", "Spandau", "Begegnungsstätte Spandau"),
        ("Der Fachtag der Diakonie findet am 4. Juli 2023 im Haus der Kirche in Kassel statt.", "Kassel", "Haus der Kirche"),
    ],
)
def test_events_venue_after_in_das_and_of_a_statte(make_doc, text, location, venue):
    (event,) = make_doc(text, "2023-07-10")._.events
    assert (event.location, event.venue) == (location, venue)


@pytest.mark.parametrize(
    "text, participants",
    [
        ("Am 15. Mai 2024 trafen sich rund 40 Koordinatorinnen und Koordinatoren der Projekte zum Netzwerktreffen in Chemnitz.", 40),
        ("Mehr als 300 Gäste verfolgten die Fachtagung am 15. Mai 2024 im Livestream.", 300),
        ("Beim Netzwerktreffen am 15. Mai 2024 in Chemnitz ging es um 40 Koordinatorinnen und Koordinatoren.", None),
    ],
)
def test_events_people_meeting_or_following_are_attendance(make_doc, text, participants):
    (event,) = make_doc(text, "2024-05-20")._.events
    assert event.participants == participants


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Die Kammer bietet am 4. Juni 2024 ein Seminar zur Buchhaltung an. Das Seminar wird am 2. Juli 2024 "
            "wiederholt.\n\nDie Teilnahme ist auf 20 Personen je Termin begrenzt.",
            [20, 20],
        ),
        # a report of past gatherings: a limit says nothing of who came
        ("Am 4. März 2024 fand ein Seminar zur Buchhaltung in Trier statt. Die Plätze waren auf 20 Personen begrenzt.", [None]),
    ],
)
def test_events_announced_gatherings_take_the_limit_on_places(make_doc, text, expected):
    assert [e.participants for e in make_doc(text, "2024-05-10")._.events] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Am 12. März 2024 lud die Arbeitsagentur zum Infotag in das Berufsinformationszentrum Gera ein.",
         [("other", D(2024, 3, 12), "Gera", None)]),
        ("Die Mitgliederversammlung des Landesverbands fand am 20. April 2024 in Halle statt.",
         [("meeting", D(2024, 4, 20), "Halle", None)]),
        ("Beim Pflegegipfel am 3. Juli 2024 in Potsdam diskutierten 150 Fachleute.", [("conference", D(2024, 7, 3), "Potsdam", 150)]),
        ("Die Lehrstellenbörse im Kreishaus Meißen lockte am 14. September 2024 rund 600 Jugendliche an.",
         [("fair", D(2024, 9, 14), "Meißen", 600)]),
        ("Rund 80 Gäste kamen am 18. Mai 2024 zur Vernissage ins Rathaus Gotha.", [("other", D(2024, 5, 18), "Gotha", 80)]),
        # the everyday senses need a date or place of a gathering
        ("Der Gipfel des Brockens ist 1141 Meter hoch.", []),
        ("Die Versammlung der Vereinten Nationen tagt regelmäßig.", []),
    ],
)
def test_events_gatherings_of_other_publishers(make_doc, text, expected):
    assert _events(make_doc, text, "2024-10-01") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an announcement's block of labelled lines
        (
            "Wann: Donnerstag, 6. Juni 2024, 14 Uhr\nWo: Bürgerhaus Mitte, Leipzig\nWas: Netzwerktreffen der Projektträger",
            [("meeting", D(2024, 6, 6), "Leipzig", None)],
        ),
        # the attendance verb closing the sentence
        (
            "Der Landesverband lud am 7. November 2023 zu einem Fachtag nach Jena ein, an dem 45 Mitarbeitende teilnahmen.",
            [("conference", D(2023, 11, 7), "Jena", 45)],
        ),
    ],
)
def test_events_announcement_blocks_and_closing_verbs(make_doc, text, expected):
    assert _events(make_doc, text, "2024-05-20" if "2024" in text else "2023-11-20") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ministerpräsident Bodo Beispiel zeichnete am 4. Mai 2024 in Erfurt zwölf Ausbildungsbetriebe aus.",
         [("award", D(2024, 5, 4), "Erfurt", None)]),
        ("Am 12. Juni 2024 überreichte die Senatorin in Bremen die Urkunden an 30 Absolventinnen.",
         [("award", D(2024, 6, 12), "Bremen", None)]),
        # an offer of a series over weeks, and a single gathering inside its span: two events
        (
            "Mit einem Abschlusswebinar am 9. Oktober 2024 endete die Reihe. Vom 4. September bis zum 9. Oktober "
            "2024 boten die Regiestellen sechs Webinare an.",
            [("webinar", D(2024, 10, 9), None, None), ("webinar", D(2024, 9, 4), None, None)],
        ),
        # a service offered on weekdays or once a month is no gathering
        ("Das Projekt bietet einmal im Monat ein Bewerbungstraining und mittwochs einen offenen Workshop in Gera an.", []),
    ],
)
def test_events_awards_offers_and_recurring_services(make_doc, text, expected):
    assert _events(make_doc, text, "2024-10-20") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a deadline or the end of a period dates no gathering
        ("Anmeldeschluss für den Fachtag in Kassel ist der 31. Mai 2024.", []),
        ("Der Fachtag findet am 12. Juni 2024 in Kassel statt. Anmeldeschluss ist der 31. Mai 2024.",
         [("conference", D(2024, 6, 12), "Kassel", None)]),
        ("Ein Besuch der Ausstellung lohnt sich: Sie ist noch bis zum 30. Juni im Rathaus Kiel zu sehen.", []),
        # after "im Anschluss an" the date is the gathering's
        ("Im Anschluss an das Plenum öffnete am 14. März 2024 eine Projektmesse in Halle ihre Türen.",
         [("fair", D(2024, 3, 14), "Halle", None)]),
        # a record of a gathering with its own date names that gathering
        ("Die Ergebnisse des Workshops vom 3. Mai 2024 in Gotha fließen in die Strategie ein.", [("workshop", D(2024, 5, 3), "Gotha", None)]),
    ],
)
def test_events_deadlines_and_period_ends_date_no_gathering(make_doc, text, expected):
    assert _events(make_doc, text, "2024-05-20") == expected


@pytest.mark.parametrize(
    "text, location",
    [
        ("Zur Fachtagung am 5. Mai 2024 schalteten sich Gäste aus Leipzig per Zoom zu.", None),
        ("Die Fachtagung am 5. Mai 2024 war im Livestream zu sehen; Gäste aus Leipzig stellten Fragen.", None),
        ("Die Fachtagung fand am 5. Mai 2024 in Berlin statt und wurde im Livestream übertragen.", "Berlin"),
    ],
)
def test_events_streamed_by_livestream_or_zoom(make_doc, text, location):
    (event,) = make_doc(text, "2024-05-20")._.events
    assert event.location == location


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Online-Infoveranstaltungen finden am 3. März und am 17. März 2025 jeweils von 10 bis 12 Uhr statt.",
         [("webinar", D(2025, 3, 3), None, None), ("webinar", D(2025, 3, 17), None, None)]),
        ("Zur Vorbereitung finden zwei Infoabende statt: am 3. März 2025 in Jena und am 10. März 2025 in Gera.",
         [("other", D(2025, 3, 3), "Jena", None), ("other", D(2025, 3, 10), "Gera", None)]),
    ],
)
def test_events_a_plural_told_by_a_verb_is_one_event_per_day(make_doc, text, expected):
    assert sorted(_events(make_doc, text, "2025-02-10"), key=str) == sorted(expected, key=str)
