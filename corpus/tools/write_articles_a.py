#!/usr/bin/env python3
"""Write bundled corpus articles corpus-001 .. corpus-017 (HTML pages + gold JSON).

Every article is held here once, as data (title, date, teaser, paragraphs and its
annotations); the HTML page under corpus/site/ and the gold record under corpus/gold/
are both generated from it, so the page text and the gold ``text`` cannot drift apart.

Paragraphs starting with "## " are rendered as <h2> subheadings.

Usage:  python corpus/tools/write_articles_a.py [--check-only]
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]          # .../corpus
SITE = ROOT / "site" / "portal" / "SharedDocs" / "Meldungen" / "DE"
GOLD = ROOT / "gold"
BASE_URL = "https://www.esf.de/portal/SharedDocs/Meldungen/DE"

ARTICLES: list[dict] = []


# --------------------------------------------------------------------------- helpers
def D(text, start, end=None):
    return {"text": text, "start": start, "end": end or start}


from gold_shorthands import C, E, O, P  # noqa: E402  (annotation shorthands shared with the other script)


def A(**kw):
    ARTICLES.append(kw)


# =========================================================================== ARTICLES

# ---------------------------------------------------------------- 001 (call, 2016)
A(
    id="corpus-001",
    published="2016-02-22",
    slug="aufruf_rueckenwind",
    title="Neuer Förderaufruf: rückenwind unterstützt Beschäftigte in der Sozialwirtschaft",
    teaser="Das Bundesministerium für Arbeit und Soziales ruft gemeinsam mit der Bundesarbeitsgemeinschaft "
           "der Freien Wohlfahrtspflege gemeinnützige Träger dazu auf, Interessenbekundungen für eine neue "
           "Förderrunde des ESF-Programms rückenwind einzureichen.",
    paragraphs=[
        "Fachkräftemangel, wachsende Anforderungen an die Qualität der Arbeit und eine älter werdende "
        "Belegschaft: Die Sozialwirtschaft steht vor großen Aufgaben. Mit dem Programm rückenwind fördern das "
        "Bundesministerium für Arbeit und Soziales (BMAS) und die Bundesarbeitsgemeinschaft der Freien "
        "Wohlfahrtspflege (BAGFW) seit 2009 Vorhaben zur Personal- und Organisationsentwicklung in "
        "gemeinnützigen Einrichtungen. Finanziert wird das Programm aus Mitteln des Europäischen Sozialfonds (ESF).",
        "Für die neue Runde stehen rund 12 Millionen Euro bereit. Bewerben können sich gemeinnützige Träger, "
        "Einrichtungen und Verbände der Sozialwirtschaft, insbesondere Mitgliedsorganisationen von Caritas, "
        "Diakonie, AWO, Paritätischem Gesamtverband, Deutschem Roten Kreuz und der Zentralwohlfahrtsstelle der "
        "Juden in Deutschland. Ein Vorhaben darf höchstens 36 Monate dauern und soll spätestens am "
        "1. Januar 2017 beginnen.",
        "## Fristen und Verfahren",
        "Interessenbekundungen können vom 1. März bis 29. April 2016 eingereicht werden. Bei Fragen zum "
        "Verfahren berät die Regiestelle rückenwind im Bundesverwaltungsamt (BVA) interessierte Träger. Nach "
        "einer gemeinsamen Bewertung durch BMAS und BAGFW werden die ausgewählten Interessenten Ende Juni zur "
        "Antragstellung aufgefordert.",
        "Zur Vorbereitung lädt die Regiestelle am Dienstag, 15. März 2016, von 10 bis 13 Uhr zu einem "
        "Informationsseminar nach Köln ein. Es können bis zu 60 Personen teilnehmen. Eine Anmeldung ist bis "
        "zum 8. März per E-Mail erforderlich; die Plätze werden nach Eingang vergeben.",
    ],
    dates=[
        D("22.02.2016", "2016-02-22"),
        D("seit 2009", "2009-01-01", "2009-12-31"),
        D("1. Januar 2017", "2017-01-01"),
        D("vom 1. März bis 29. April 2016", "2016-03-01", "2016-04-29"),
        D("Ende Juni", "2016-06-01", "2016-06-30"),
        D("15. März 2016", "2016-03-15"),
        D("8. März", "2016-03-08"),
    ],
    organisations=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW",
          "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW"),
        O("Deutscher Caritasverband", None, "Caritas"),
        O("Diakonie Deutschland", None, "Diakonie"),
        O("Arbeiterwohlfahrt", "AWO", "AWO"),
        O("Der Paritätische Gesamtverband", None, "Paritätischem Gesamtverband"),
        O("Deutsches Rotes Kreuz", "DRK", "Deutschem Roten Kreuz"),
        O("Zentralwohlfahrtsstelle der Juden in Deutschland", "ZWST",
          "Zentralwohlfahrtsstelle der Juden in Deutschland"),
        O("Bundesverwaltungsamt", "BVA", "Bundesverwaltungsamt", "BVA"),
    ],
    programmes=["rückenwind", "ESF"],
    people=[],
    locations=["Köln"],
    events=[
        E("seminar", "Informationsseminar", "2016-03-15", "2016-03-15", "Köln", 60),
    ],
    participant_counts=[
        C("bis zu 60 Personen", 60, "max", "Personen"),
    ],
)

# ---------------------------------------------------------------- 002 (2016)
A(
    id="corpus-002",
    published="2016-09-30",
    slug="jsiq_netzwerktreffen_leipzig",
    title="JUGEND STÄRKEN im Quartier: Netzwerktreffen in Leipzig",
    teaser="Rund 180 Fachkräfte aus Jugendhilfe, Jobcentern und Stadtplanung haben sich am 26. und "
           "27. September 2016 in Leipzig über die ersten Erfahrungen mit dem Programm JUGEND STÄRKEN im "
           "Quartier ausgetauscht.",
    paragraphs=[
        "Seit Anfang 2015 unterstützen bundesweit 178 Modellkommunen junge Menschen, die von den üblichen "
        "Angeboten der Schule, der Ausbildung und der Jugendhilfe nicht mehr erreicht werden. Das Programm wird "
        "vom Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) gemeinsam mit dem "
        "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit (BMUB) umgesetzt und aus dem "
        "Europäischen Sozialfonds (ESF) gefördert. Es ist Teil der ressortübergreifenden Strategie Soziale Stadt.",
        "Zur Eröffnung betonte Caren Marks, Parlamentarische Staatssekretärin im Bundesfamilienministerium, wie "
        "wichtig es sei, dass Jugendhilfe, Schule und Arbeitsverwaltung vor Ort an einem Strang ziehen. Bis "
        "Ende August 2016 hätten die Modellkommunen bereits mehr als 23.000 junge Menschen mit Beratung, Case "
        "Management und Mikroprojekten erreicht.",
        "## Mikroprojekte im Mittelpunkt",
        "In sechs Foren ging es unter anderem um die Frage, wie Mikroprojekte das Wohnumfeld aufwerten und "
        "Jugendlichen zugleich erste Arbeitserfahrungen ermöglichen können. Die Stadt Leipzig stellte ein "
        "Vorhaben aus dem Stadtteil Volkmarsdorf vor, in dem Jugendliche zusammen mit einer Tischlerei "
        "Sitzbänke für einen Nachbarschaftsgarten gebaut haben. Das Jobcenter Leipzig berichtete, wie die "
        "Zusammenarbeit mit den Koordinierungsstellen der Jugendhilfe organisiert ist.",
        "Dr. Susanne Brettschneider, Leiterin des Referats „Jugend und Arbeit“ im BMFSFJ, zog am Ende des "
        "zweiten Tages ein positives Fazit. Die Ergebnisse der Foren sollen im Herbst in einer Dokumentation "
        "erscheinen, kündigte Brettschneider an. Das nächste Netzwerktreffen ist für das Frühjahr 2017 in "
        "Nordrhein-Westfalen geplant.",
    ],
    dates=[
        D("30.09.2016", "2016-09-30"),
        D("26. und 27. September 2016", "2016-09-26", "2016-09-27"),
        D("Anfang 2015", "2015-01-01", "2015-12-31"),
        D("Ende August 2016", "2016-08-01", "2016-08-31"),
        D("Herbst", "2016-09-01", "2016-11-30"),
        D("Frühjahr 2017", "2017-03-01", "2017-05-31"),
    ],
    organisations=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ", "Bundesfamilienministerium"),
        O("Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB",
          "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB"),
        O("Stadt Leipzig", None, "Stadt Leipzig"),
        O("Jobcenter Leipzig", None, "Jobcenter Leipzig"),
    ],
    programmes=["JUGEND STÄRKEN im Quartier", "ESF", "Soziale Stadt"],
    people=[
        P("Caren Marks", "Parlamentarische Staatssekretärin", "BMFSFJ"),
        P("Susanne Brettschneider", "Leiterin des Referats „Jugend und Arbeit“", "BMFSFJ"),
    ],
    locations=["Leipzig", "Volkmarsdorf", "Nordrhein-Westfalen"],
    events=[
        E("meeting", "Netzwerktreffen", "2016-09-26", "2016-09-27", "Leipzig", 180),
        E("meeting", "Netzwerktreffen", "2017-03-01", "2017-05-31", "Nordrhein-Westfalen", None),
    ],
    participant_counts=[
        C("Rund 180 Fachkräfte", 180, "approx", "Fachkräfte"),
        C("mehr als 23.000 junge Menschen", 23000, "min", "junge Menschen"),
    ],
)

# ---------------------------------------------------------------- 003 (2017)
A(
    id="corpus-003",
    published="2017-05-15",
    slug="projektbesuch_adler_wilhelmsburg",
    title="Staatssekretär Adler besucht BIWAQ-Projekt in Hamburg-Wilhelmsburg",
    teaser="Gunther Adler, Staatssekretär im Bundesministerium für Umwelt, Naturschutz, Bau und "
           "Reaktorsicherheit, hat sich bei einem Projektbesuch in Hamburg-Wilhelmsburg über die Arbeit des "
           "BIWAQ-Projekts „Inselwerk“ informiert.",
    paragraphs=[
        "Am Donnerstag, dem 11. Mai, empfing das Projektteam den Gast in seiner Lehrwerkstatt im "
        "Reiherstiegviertel. Rund 60 Gäste – Teilnehmende, Partner aus Handwerk und Einzelhandel sowie "
        "Vertreterinnen des Bezirksamts Hamburg-Mitte – waren gekommen, um zu zeigen, wie das Projekt "
        "langzeitarbeitslose Menschen und junge Erwachsene ohne Berufsabschluss an den Arbeitsmarkt heranführt.",
        "Adler zeigte sich beeindruckt davon, wie eng das Projekt mit dem Quartiersmanagement verzahnt ist. "
        "BIWAQ verbinde Arbeitsmarktförderung und Stadtentwicklung und sei damit ein wichtiger Baustein des "
        "Programms Soziale Stadt, sagte der Staatssekretär. In der laufenden Förderrunde 2015 bis 2018 erhalten "
        "bundesweit 74 Projekte rund 90 Millionen Euro aus dem Europäischen Sozialfonds (ESF) und aus "
        "Bundesmitteln.",
        "## Vom Praktikum in den Betrieb",
        "Projektleiterin Miriam Okonkwo vom Träger Quartierswerk Elbinsel e.V. erläuterte den Ansatz: Auf eine "
        "sechswöchige Orientierungsphase folgen Praktika in Betrieben des Stadtteils, begleitet von einer festen "
        "Ansprechperson. Seit dem Projektstart im Januar 2015 haben mehr als 260 Menschen an „Inselwerk“ "
        "teilgenommen; rund ein Drittel von ihnen hat inzwischen eine Ausbildung oder eine "
        "sozialversicherungspflichtige Stelle gefunden. „Viele kommen zu uns, weil ihre Nachbarin schon dabei "
        "war“, berichtete Okonkwo.",
        "Insgesamt laufen in Hamburg derzeit vier BIWAQ-Projekte. Das BMUB will im nächsten Jahr eine neue "
        "Förderrunde ausschreiben; Informationen dazu werden rechtzeitig auf www.biwaq.de veröffentlicht.",
    ],
    caption="© BMUB / Katrin Haase",
    dates=[
        D("15.05.2017", "2017-05-15"),
        D("11. Mai", "2017-05-11"),
        D("2015 bis 2018", "2015-01-01", "2018-12-31"),
        D("Januar 2015", "2015-01-01", "2015-01-31"),
        D("im nächsten Jahr", "2018-01-01", "2018-12-31"),
    ],
    organisations=[
        O("Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB",
          "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB"),
        O("Bezirksamt Hamburg-Mitte", None, "Bezirksamts Hamburg-Mitte"),
        O("Quartierswerk Elbinsel e.V.", None, "Quartierswerk Elbinsel e.V."),
    ],
    programmes=["BIWAQ", "Soziale Stadt", "ESF"],
    people=[
        P("Gunther Adler", "Staatssekretär", "BMUB"),
        P("Miriam Okonkwo", "Projektleiterin", "Quartierswerk Elbinsel e.V."),
    ],
    locations=["Hamburg-Wilhelmsburg", "Reiherstiegviertel", "Hamburg"],
    events=[
        E("other", "Projektbesuch", "2017-05-11", "2017-05-11", "Hamburg-Wilhelmsburg", 60),
    ],
    participant_counts=[
        C("Rund 60 Gäste", 60, "approx", "Gäste"),
        C("mehr als 260 Menschen", 260, "min", "Menschen"),
    ],
)

# ---------------------------------------------------------------- 004 (short notice, 2017)
A(
    id="corpus-004",
    published="2017-11-20",
    slug="save_the_date_jahresveranstaltung",
    title="Save the Date: ESF-Jahresveranstaltung 2017 in Berlin",
    teaser="Das Bundesministerium für Arbeit und Soziales lädt am 7. Dezember 2017 zur ESF-Jahresveranstaltung "
           "nach Berlin ein.",
    paragraphs=[
        "Unter dem Motto „Europa wirkt vor Ort“ zieht die Verwaltungsbehörde des ESF-Bundesprogramms eine "
        "Zwischenbilanz der Förderperiode 2014-2020. Erwartet werden rund 300 Gäste aus Bundesressorts, Ländern, "
        "Kommunen, Sozialpartnern und Projekten.",
        "Auf dem Programm stehen eine Podiumsdiskussion mit Vertreterinnen und Vertretern der Europäischen "
        "Kommission, Fachforen zur künftigen Kohäsionspolitik und ein Markt der Möglichkeiten, auf dem sich "
        "zwölf ESF-Projekte vorstellen. Die Veranstaltung beginnt um 10 Uhr und endet gegen 16.30 Uhr.",
        "In den Fachforen geht es unter anderem darum, wie langzeitarbeitslose Menschen und Geflüchtete noch "
        "besser erreicht werden können und wie sich die Verwaltungsverfahren für Projektträger vereinfachen "
        "lassen. Die Projekte für den Markt der Möglichkeiten wurden bereits im Oktober über eine Ausschreibung "
        "ausgewählt.",
        "Anmeldungen sind bis zum 30. November über das Veranstaltungsportal möglich. Die Plätze werden in der "
        "Reihenfolge der Anmeldungen vergeben; eine Bestätigung mit allen Details zum Veranstaltungsort folgt "
        "per E-Mail.",
        "Wer nicht nach Berlin reisen kann, kann die Beiträge im Plenum am Veranstaltungstag im Livestream "
        "verfolgen. Eine Dokumentation mit Fotos und Präsentationen wird im Januar auf dieser Website "
        "veröffentlicht.",
    ],
    source="Auszug aus dem ESF-Newsletter 11/2017",
    also=["11/2017"],  # year of the newsletter issue = "2017" (title), listed once
    dates=[
        D("20.11.2017", "2017-11-20"),
        D("2017", "2017-01-01", "2017-12-31"),
        D("7. Dezember 2017", "2017-12-07"),
        D("2014-2020", "2014-01-01", "2020-12-31"),
        D("im Oktober", "2017-10-01", "2017-10-31"),
        D("30. November", "2017-11-30"),
        D("im Januar", "2018-01-01", "2018-01-31"),
    ],
    organisations=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales"),
        O("Europäische Kommission", None, "Europäischen Kommission"),
    ],
    programmes=["ESF"],
    people=[],
    locations=["Berlin"],
    events=[
        E("conference", "ESF-Jahresveranstaltung 2017", "2017-12-07", "2017-12-07", "Berlin", 300),
    ],
    participant_counts=[
        C("rund 300 Gäste", 300, "approx", "Gäste"),
    ],
)

# ---------------------------------------------------------------- 005 (call, 2018)
A(
    id="corpus-005",
    published="2018-04-23",
    slug="aufruf_biwaq_foerderrunde",
    also=["2019 bis 2022"],  # same interval as "2019-2022" in the title
    title="Förderaufruf: Neue BIWAQ-Förderrunde 2019-2022 startet",
    teaser="Das Bundesministerium des Innern, für Bau und Heimat ruft Kommunen auf, sich mit Projektideen an "
           "der vierten Förderrunde des ESF-Programms „Bildung, Wirtschaft, Arbeit im Quartier – BIWAQ“ zu "
           "beteiligen.",
    paragraphs=[
        "Mit BIWAQ fördert der Bund seit 2008 Projekte, die die Chancen der Bewohnerinnen und Bewohner "
        "benachteiligter Stadtteile auf dem Arbeitsmarkt verbessern und die lokale Ökonomie stärken. Seit Mitte "
        "März 2018 ist das neu zugeschnittene Bundesministerium des Innern, für Bau und Heimat (BMI) für das "
        "Programm zuständig; zuvor lag es beim Bundesministerium für Umwelt, Naturschutz, Bau und "
        "Reaktorsicherheit.",
        "Für die Förderrunde 2019 bis 2022 sind insgesamt rund 90 Millionen Euro aus dem Europäischen "
        "Sozialfonds (ESF) und aus Bundesmitteln vorgesehen. Gefördert werden Vorhaben in Gebieten des "
        "Städtebauförderungsprogramms Soziale Stadt. Antragsberechtigt sind Kommunen, die ihre Projekte allein "
        "oder zusammen mit Trägern umsetzen können. Je Vorhaben sind Zuwendungen zwischen 200.000 und "
        "2,5 Millionen Euro möglich.",
        "## So läuft das Verfahren",
        "Die Auswahl erfolgt in zwei Stufen. Interessenbekundungen sind vom 2. Mai bis zum 29. Juni 2018 "
        "elektronisch über das Förderportal Z-EU-S einzureichen. Nach der Bewertung durch das BMI und das "
        "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR) werden ausgewählte Kommunen im Herbst 2018 "
        "zur Antragstellung aufgefordert. Die Projekte sollen zum 1.1.2019 beginnen.",
        "Am 15. Mai 2018 bietet das BBSR in Bonn eine Informationsveranstaltung für interessierte Kommunen an. "
        "Die Teilnahme ist kostenlos, die Zahl der Plätze jedoch begrenzt. Für Anfang Juni ist außerdem ein "
        "Webinar geplant, in dem Fragen rund um die Interessenbekundung beantwortet werden.",
    ],
    dates=[
        D("23.04.2018", "2018-04-23"),
        D("2019-2022", "2019-01-01", "2022-12-31"),
        D("seit 2008", "2008-01-01", "2008-12-31"),
        D("Mitte März 2018", "2018-03-01", "2018-03-31"),
        D("vom 2. Mai bis zum 29. Juni 2018", "2018-05-02", "2018-06-29"),
        D("Herbst 2018", "2018-09-01", "2018-11-30"),
        D("1.1.2019", "2019-01-01"),
        D("15. Mai 2018", "2018-05-15"),
        D("Anfang Juni", "2018-06-01", "2018-06-30"),
    ],
    organisations=[
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        O("Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB",
          "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
    ],
    programmes=["BIWAQ", "ESF", "Soziale Stadt"],
    people=[],
    locations=["Bonn"],
    events=[
        E("other", "Informationsveranstaltung", "2018-05-15", "2018-05-15", "Bonn", None),
        E("webinar", "Webinar", "2018-06-01", "2018-06-30", None, None),
    ],
    participant_counts=[],
)

# ---------------------------------------------------------------- 006 (2018)
A(
    id="corpus-006",
    published="2018-10-08",
    slug="stark_im_beruf_fachtag_koeln",
    title="„Stark im Beruf“: Fachtag in Köln zieht Zwischenbilanz",
    teaser="Beim bundesweiten Fachtag des ESF-Programms „Stark im Beruf – Mütter mit Migrationshintergrund "
           "steigen ein“ haben am 27. September rund 220 Gäste in Köln darüber diskutiert, wie Mütter den Weg "
           "in den Arbeitsmarkt finden.",
    paragraphs=[
        "Seit 2015 begleiten bundesweit rund 90 Projekte Mütter mit Migrationshintergrund auf dem Weg in "
        "Ausbildung und Beschäftigung. Das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) "
        "fördert das Programm gemeinsam mit dem Europäischen Sozialfonds; Partnerin ist die Bundesagentur für "
        "Arbeit (BA). Bis Ende Juni 2018 haben mehr als 9.000 Frauen die Angebote genutzt.",
        "Bundesfamilienministerin Dr. Franziska Giffey würdigte in einer Videobotschaft das Engagement der "
        "Teilnehmerinnen und der Projektteams. Viele Mütter brächten Berufserfahrung und Abschlüsse aus ihren "
        "Herkunftsländern mit, die bislang zu wenig genutzt würden. „Stark im Beruf“ helfe, diese Potenziale "
        "sichtbar zu machen.",
        "## Kooperation mit den Jobcentern",
        "Wie die Zusammenarbeit vor Ort gelingen kann, zeigten Beispiele aus Nordrhein-Westfalen und Hessen. "
        "Petra Lindqvist vom Jobcenter Köln berichtete, dass Beratungsfachkräfte ihres Hauses seit dem "
        "vergangenen Jahr feste Sprechstunden in den Räumen eines Projekts anbieten. So würden auch Frauen "
        "erreicht, die bisher keinen Kontakt zur Arbeitsverwaltung hatten. Ein Projekt der Caritas aus "
        "Offenbach am Main stellte sein Mentoring-Modell vor, bei dem berufserfahrene Migrantinnen neue "
        "Teilnehmerinnen begleiten.",
        "Am Nachmittag arbeiteten die Gäste in vier Workshops zu Kinderbetreuung, Anerkennung ausländischer "
        "Abschlüsse und Teilzeitausbildung. Die Ergebnisse fließen in die Planung der nächsten Programmphase "
        "ein, die im Januar 2019 beginnt. Nach dem Fachtag in diesem Jahr ist die nächste größere "
        "Fachveranstaltung des Programms für den Herbst 2019 in Berlin geplant.",
    ],
    source="Auszug aus dem ESF-Newsletter 10/2018",
    also=["10/2018"],  # year of the newsletter issue = "in diesem Jahr" (2018), listed once
    dates=[
        D("08.10.2018", "2018-10-08"),
        D("27. September", "2018-09-27"),
        D("Seit 2015", "2015-01-01", "2015-12-31"),
        D("Ende Juni 2018", "2018-06-01", "2018-06-30"),
        D("seit dem vergangenen Jahr", "2017-01-01", "2017-12-31"),
        D("Januar 2019", "2019-01-01", "2019-01-31"),
        D("in diesem Jahr", "2018-01-01", "2018-12-31"),
        D("Herbst 2019", "2019-09-01", "2019-11-30"),
    ],
    organisations=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bundesagentur für Arbeit", "BA", "Bundesagentur für Arbeit", "BA"),
        O("Jobcenter Köln", None, "Jobcenter Köln"),
        O("Deutscher Caritasverband", None, "Caritas"),
    ],
    programmes=["Stark im Beruf", "ESF"],
    people=[
        P("Franziska Giffey", "Bundesfamilienministerin", "BMFSFJ"),
        P("Petra Lindqvist", None, "Jobcenter Köln"),
    ],
    locations=["Köln", "Nordrhein-Westfalen", "Hessen", "Offenbach am Main", "Berlin"],
    events=[
        E("conference", "Fachtag", "2018-09-27", "2018-09-27", "Köln", 220),
        E("conference", None, "2019-09-01", "2019-11-30", "Berlin", None),
    ],
    participant_counts=[
        C("rund 220 Gäste", 220, "approx", "Gäste"),
        C("mehr als 9.000 Frauen", 9000, "min", "Frauen"),
    ],
)

# ---------------------------------------------------------------- 007 (2019)
A(
    id="corpus-007",
    published="2019-03-18",
    slug="elternchancen_werkstatt_kassel",
    title="ElternChanceN: Elternbegleiterinnen und Elternbegleiter vernetzen sich in Kassel",
    teaser="Vom 11. bis 13. März 2019 kamen Fachkräfte aus Familienbildung, Kitas und Beratungsstellen zur "
           "Vernetzungswerkstatt des ESF-Programms ElternChanceN in Kassel zusammen.",
    paragraphs=[
        "Elternbegleiterinnen und Elternbegleiter unterstützen Familien an den Übergängen im Bildungsweg ihrer "
        "Kinder – vom Start in der Kita bis zur Berufswahl. Seit 2011 hat das Bundesministerium für Familie, "
        "Senioren, Frauen und Jugend (BMFSFJ) bundesweit mehr als 13.000 Fachkräfte zu Elternbegleiterinnen und "
        "Elternbegleitern weiterbilden lassen. ElternChanceN baut darauf auf und fördert seit 2015 lokale "
        "Netzwerke, in denen diese Fachkräfte mit Schulen, Jobcentern und Migrantenorganisationen "
        "zusammenarbeiten.",
        "An der dreitägigen Werkstatt nahmen 75 Elternbegleiterinnen und Elternbegleiter aus 48 Projekten teil. "
        "In Arbeitsgruppen sammelten sie Ideen, wie Familien mit wenig Kontakt zu Bildungseinrichtungen besser "
        "erreicht werden können, etwa über Sprechstunden in Moscheegemeinden oder Elterncafés an Grundschulen.",
        "## Anerkennung für die Fachkräfte",
        "Dr. Heike Albers-Münch, Leiterin des Referats Familienbildung im BMFSFJ, dankte den Anwesenden für ihr "
        "Engagement. Elternbegleitung habe sich als verlässlicher Zugang zu Familien erwiesen, die von klassischen "
        "Bildungsangeboten kaum erreicht würden. Albers-Münch verwies auf Zahlen der Programmevaluation, wonach "
        "bislang mehr als 40.000 Mütter und Väter von den Angeboten profitiert haben.",
        "Ausgerichtet wurde die Werkstatt von der Evangelischen Arbeitsgemeinschaft Familie und dem Deutschen "
        "Caritasverband, die gemeinsam mit weiteren Verbänden das Programm fachlich begleiten. Am Mittwoch, dem "
        "letzten Tag, besuchten die Teilnehmenden ein Familienzentrum im Stadtteil Nord-Holland. Eine "
        "Folgeveranstaltung ist für das zweite Halbjahr 2019 vorgesehen.",
    ],
    dates=[
        D("18.03.2019", "2019-03-18"),
        D("Vom 11. bis 13. März 2019", "2019-03-11", "2019-03-13"),
        D("Seit 2011", "2011-01-01", "2011-12-31"),
        D("seit 2015", "2015-01-01", "2015-12-31"),
        D("zweite Halbjahr 2019", "2019-07-01", "2019-12-31"),
    ],
    organisations=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Evangelische Arbeitsgemeinschaft Familie", "eaf", "Evangelischen Arbeitsgemeinschaft Familie"),
        O("Deutscher Caritasverband", None, "Deutschen Caritasverband"),
    ],
    programmes=["ElternChanceN", "ESF"],
    people=[
        P("Heike Albers-Münch", "Leiterin des Referats Familienbildung", "BMFSFJ"),
    ],
    locations=["Kassel", "Nord-Holland"],
    events=[
        E("workshop", "Vernetzungswerkstatt", "2019-03-11", "2019-03-13", "Kassel", 75),
        E("other", "Folgeveranstaltung", "2019-07-01", "2019-12-31", None, None),
    ],
    participant_counts=[
        C("mehr als 13.000 Fachkräfte", 13000, "min", "Fachkräfte"),
        C("75 Elternbegleiterinnen und Elternbegleiter", 75, "exact", "Elternbegleiterinnen und Elternbegleiter"),
        C("mehr als 40.000 Mütter und Väter", 40000, "min", "Mütter und Väter"),
    ],
)

# ---------------------------------------------------------------- 008 (2019)
A(
    id="corpus-008",
    published="2019-11-25",
    slug="biwaq_fachtag_lokale_oekonomie",
    title="Lokale Ökonomie stärken: BIWAQ-Fachtag in Dortmund",
    teaser="Wie lassen sich kleine Betriebe in benachteiligten Quartieren stärken? Darüber diskutierten am "
           "12.11.2019 gut 110 Teilnehmende beim BIWAQ-Fachtag in Dortmund.",
    paragraphs=[
        "In der laufenden Förderrunde 2019-2022 unterstützen 88 BIWAQ-Projekte in 82 Kommunen langzeitarbeitslose "
        "Menschen, Jugendliche am Übergang in den Beruf sowie Gewerbetreibende in Gebieten des Programms Soziale "
        "Stadt. Finanziert werden sie aus Mitteln des ESF und des Bundes. Mehr als ein Drittel der Projekte "
        "setzt einen Schwerpunkt auf die lokale Ökonomie, zum Beispiel mit Gründungsberatung, "
        "Leerstandsmanagement oder dem Aufbau von Standortgemeinschaften.",
        "Zum Auftakt betonte Dr. Katrin Vossberg vom Bundesministerium des Innern, für Bau und Heimat (BMI), dass "
        "Arbeitsplätze im Quartier ein Schlüssel für stabile Nachbarschaften seien. Jeder Betrieb, der bleibe oder "
        "sich neu ansiedle, schaffe Ausbildungs- und Arbeitsplätze für Menschen aus dem Stadtteil. Danach stellte "
        "das Bundesinstitut für Bau-, Stadt- und Raumforschung erste Ergebnisse einer Befragung von über 400 "
        "Unternehmen in BIWAQ-Gebieten vor.",
        "## Beispiele aus der Praxis",
        "Die Wirtschaftsförderung Dortmund präsentierte ihr Projekt, in dem seit Anfang 2019 rund 150 "
        "Kleinbetriebe individuell beraten wurden. Aus Gelsenkirchen berichtete Projektleiter Stefan Kaya von "
        "einem Ladenlokal-Programm, das leer stehende Geschäfte an Gründerinnen und Gründer vermittelt; bisher "
        "haben dort 14 neue Läden eröffnet. Kaya warb dafür, Eigentümerinnen und Eigentümer früh einzubinden.",
        "Der Fachtag gehört zu einer Veranstaltungsreihe, mit der das BMI und das BBSR den Austausch zwischen den "
        "Projekten unterstützen. Die nächste Werkstatt zum Thema Quartiersarbeit und Digitalisierung findet am "
        "4. und 5. März 2020 in Leipzig statt.",
    ],
    dates=[
        D("25.11.2019", "2019-11-25"),
        D("12.11.2019", "2019-11-12"),
        D("2019-2022", "2019-01-01", "2022-12-31"),
        D("Anfang 2019", "2019-01-01", "2019-12-31"),
        D("4. und 5. März 2020", "2020-03-04", "2020-03-05"),
    ],
    organisations=[
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
        O("Wirtschaftsförderung Dortmund", None, "Wirtschaftsförderung Dortmund"),
    ],
    programmes=["BIWAQ", "Soziale Stadt", "ESF"],
    people=[
        P("Katrin Vossberg", None, "BMI"),
        P("Stefan Kaya", "Projektleiter", None),
    ],
    locations=["Dortmund", "Gelsenkirchen", "Leipzig"],
    events=[
        E("conference", "BIWAQ-Fachtag", "2019-11-12", "2019-11-12", "Dortmund", 110),
        E("workshop", "Werkstatt", "2020-03-04", "2020-03-05", "Leipzig", None),
    ],
    participant_counts=[
        C("gut 110 Teilnehmende", 110, "approx", "Teilnehmende"),
    ],
)

# ---------------------------------------------------------------- 009 (short notice, 2020)
A(
    id="corpus-009",
    published="2020-04-20",
    slug="corona_biwaq_werkstatt_verschoben",
    title="Corona-Pandemie: BIWAQ-Werkstatt wird verschoben",
    teaser="Wegen der Corona-Pandemie kann die für den 6. und 7. Mai 2020 geplante BIWAQ-Werkstatt in Leipzig "
           "nicht wie vorgesehen stattfinden.",
    paragraphs=[
        "Zum Schutz aller Beteiligten haben das Bundesministerium des Innern, für Bau und Heimat und das "
        "Bundesinstitut für Bau-, Stadt- und Raumforschung entschieden, die Werkstatt in den Herbst 2020 zu "
        "verschieben; sie soll weiterhin in Leipzig stattfinden. Der genaue Termin wird rechtzeitig bekannt "
        "gegeben. Wer sich bereits angemeldet hat, wird per E-Mail informiert.",
        "Damit der fachliche Austausch trotzdem weitergeht, startet die Programmbegleitung ein digitales Format. "
        "Das erste Webinar zum Thema „Projektarbeit auf Distanz – Beratung per Telefon und Video“ findet am "
        "Dienstag, 12. Mai, von 10 bis 11.30 Uhr statt. Es richtet sich an die Mitarbeitenden aller 88 "
        "BIWAQ-Projekte; teilnehmen können bis zu 100 Personen.",
        "Fragen zu den Folgen der Pandemie für die Projektdurchführung, etwa zu Fristverlängerungen oder zur "
        "Abrechnung von Ausgaben, beantwortet die Regiestelle im Bundesverwaltungsamt. Hinweise zum Umgang mit "
        "der Lage in ESF-geförderten Projekten hat die Europäische Kommission bereits Ende März veröffentlicht.",
        "Die Werkstattreihe war im vergangenen Jahr mit großer Resonanz gestartet; insgesamt haben sich daran "
        "bislang mehr als 200 Projektverantwortliche beteiligt. Die Dokumentationen der bisherigen Termine "
        "stehen auf der Programmwebsite zum Download bereit.",
    ],
    dates=[
        D("20.04.2020", "2020-04-20"),
        D("6. und 7. Mai 2020", "2020-05-06", "2020-05-07"),
        D("Herbst 2020", "2020-09-01", "2020-11-30"),
        D("12. Mai", "2020-05-12"),
        D("Ende März", "2020-03-01", "2020-03-31"),
        D("im vergangenen Jahr", "2019-01-01", "2019-12-31"),
    ],
    organisations=[
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung"),
        O("Bundesverwaltungsamt", "BVA", "Bundesverwaltungsamt"),
        O("Europäische Kommission", None, "Europäische Kommission"),
    ],
    programmes=["BIWAQ", "ESF"],
    people=[],
    locations=["Leipzig"],
    events=[
        E("workshop", "BIWAQ-Werkstatt", "2020-09-01", "2020-11-30", "Leipzig", None),
        E("webinar", "Projektarbeit auf Distanz – Beratung per Telefon und Video", "2020-05-12", "2020-05-12",
          None, 100),
    ],
    participant_counts=[
        C("bis zu 100 Personen", 100, "max", "Personen"),
        C("mehr als 200 Projektverantwortliche", 200, "min", "Projektverantwortliche"),
    ],
)

# ---------------------------------------------------------------- 010 (2020)
A(
    id="corpus-010",
    published="2020-12-14",
    slug="biwaq_webinarreihe_quartier_digital",
    title="Sechs Wochen, sechs Webinare: Online-Reihe für BIWAQ-Projekte abgeschlossen",
    teaser="Mit einem Abschlusswebinar am 9. Dezember ist die Online-Reihe „Quartier digital“ zu Ende gegangen, "
           "an der insgesamt über 600 Projektmitarbeitende teilgenommen haben.",
    paragraphs=[
        "Eigentlich hätten sich die Projekte des ESF-Programms BIWAQ im Herbst zu einer Werkstatt in Leipzig "
        "treffen sollen. Stattdessen boten das Bundesministerium des Innern, für Bau und Heimat (BMI) und das "
        "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR) vom 4. November bis zum 9. Dezember 2020 "
        "sechs Webinare an, jeweils mittwochs von 10 bis 12 Uhr.",
        "Die Themen reichten von Beratung per Videochat über digitale Lernangebote für Langzeitarbeitslose bis "
        "zur Frage, wie Gewerbetreibende im Quartier einen Onlinehandel aufbauen können. Besonders gefragt war "
        "das Webinar zur aufsuchenden Arbeit unter Pandemiebedingungen: Hier schalteten sich rund 140 "
        "Teilnehmerinnen und Teilnehmer zu.",
        "## Erfahrungen aus den Projekten",
        "In jeder Sitzung berichteten Projekte aus ihrer Praxis. Aylin Demirci, Koordinatorin beim Träger "
        "Quartiersnetz Gröpelingen e.V. in Bremen, erzählte, wie ihr Team seit dem ersten Lockdown im März 2020 "
        "Beratungsgespräche auf dem Balkon oder bei einem Spaziergang durch das Viertel führt. Ein Projekt aus "
        "Berlin-Neukölln zeigte, wie Jugendliche mit geliehenen Tablets an Bewerbungstrainings teilnehmen. Aus "
        "Halle (Saale) kam das Beispiel einer digitalen Stadtteilbörse, auf der inzwischen 35 Geschäfte ihre "
        "Waren anbieten.",
        "Dr. Frank Wiegand, Leiter des Referats Quartiersentwicklung im BMI, dankte den Projekten für ihre "
        "Flexibilität. Die Reihe habe gezeigt, dass viele digitale Formate auch nach der Pandemie sinnvoll "
        "bleiben. Wiegand kündigte an, die Reihe im ersten Quartal 2021 fortzusetzen; die Termine werden im "
        "Januar veröffentlicht.",
    ],
    caption="© BBSR / Tobias Reinhardt",
    dates=[
        D("14.12.2020", "2020-12-14"),
        D("9. Dezember", "2020-12-09"),
        D("Herbst", "2020-09-01", "2020-11-30"),
        D("vom 4. November bis zum 9. Dezember 2020", "2020-11-04", "2020-12-09"),
        D("März 2020", "2020-03-01", "2020-03-31"),
        D("ersten Quartal 2021", "2021-01-01", "2021-03-31"),
        D("Januar", "2021-01-01", "2021-01-31"),
    ],
    organisations=[
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
        O("Quartiersnetz Gröpelingen e.V.", None, "Quartiersnetz Gröpelingen e.V."),
    ],
    programmes=["ESF", "BIWAQ"],
    people=[
        P("Aylin Demirci", "Koordinatorin", "Quartiersnetz Gröpelingen e.V."),
        P("Frank Wiegand", "Leiter des Referats Quartiersentwicklung", "BMI"),
    ],
    locations=["Bremen", "Berlin-Neukölln", "Halle (Saale)"],
    events=[
        E("webinar", "Quartier digital", "2020-11-04", "2020-12-09", None, 600),
        E("webinar", None, "2021-01-01", "2021-03-31", None, None),
    ],
    participant_counts=[
        C("über 600 Projektmitarbeitende", 600, "min", "Projektmitarbeitende"),
        C("rund 140 Teilnehmerinnen und Teilnehmer", 140, "approx", "Teilnehmerinnen und Teilnehmer"),
    ],
)

# ---------------------------------------------------------------- 011 (call, 2021)
A(
    id="corpus-011",
    published="2021-03-22",
    slug="aufruf_integrationsrichtlinie_bund",
    title="Integrationsrichtlinie Bund: Förderaufruf für die neue ESF Plus-Förderperiode",
    teaser="Das Bundesministerium für Arbeit und Soziales ruft Kooperationsverbünde auf, bis zum 30. April 2021 "
           "Interessenbekundungen für die Integrationsrichtlinie Bund einzureichen.",
    paragraphs=[
        "Mit der Integrationsrichtlinie Bund unterstützt das Bundesministerium für Arbeit und Soziales (BMAS) "
        "seit 2015 junge Menschen mit Startschwierigkeiten, langzeitarbeitslose Personen und Geflüchtete beim "
        "Weg in Ausbildung und Arbeit. In der Förderperiode 2014-2020 wurden damit mehr als 120.000 Menschen "
        "erreicht. Nun wird das Programm in der Förderperiode 2021-2027 des Europäischen Sozialfonds Plus "
        "(ESF Plus) fortgeführt.",
        "## Wer kann sich bewerben?",
        "Gefördert werden Kooperationsverbünde aus Trägern, Jobcentern, Agenturen für Arbeit und Betrieben. Die "
        "Verbünde begleiten junge Menschen unter 35 Jahren beim Übergang in Ausbildung sowie Geflüchtete mit "
        "Zugang zum Arbeitsmarkt. Neu ist, dass Betriebe stärker als bisher als Partner eingebunden werden "
        "sollen; auch kleine und mittlere Unternehmen können sich an einem Verbund beteiligen.",
        "Das Verfahren ist zweistufig. Interessenbekundungen können seit dem 15. März über das Förderportal "
        "Z-EU-S eingereicht werden; die Frist endet am 30. April 2021 um 12 Uhr. Ausgewählte Verbünde werden im "
        "zweiten Quartal 2021 zur Antragstellung aufgefordert. Die Projekte sollen Anfang 2022 starten und "
        "längstens bis Ende 2026 laufen.",
        "Als bewilligende Stelle prüft die Deutsche Rentenversicherung Knappschaft-Bahn-See (DRV KBS) die "
        "Anträge. Sie hat eine Hotline eingerichtet, die montags bis donnerstags von 9 bis 15 Uhr erreichbar ist. "
        "Am 8. April 2021 informiert die DRV KBS zudem in einem Webinar über die Förderbedingungen; bis zu "
        "500 Personen können sich zuschalten.",
    ],
    dates=[
        D("22.03.2021", "2021-03-22"),
        D("30. April 2021", "2021-04-30"),
        D("seit 2015", "2015-01-01", "2015-12-31"),
        D("2014-2020", "2014-01-01", "2020-12-31"),
        D("2021-2027", "2021-01-01", "2027-12-31"),
        D("15. März", "2021-03-15"),
        D("zweiten Quartal 2021", "2021-04-01", "2021-06-30"),
        D("Anfang 2022", "2022-01-01", "2022-12-31"),
        D("Ende 2026", "2026-01-01", "2026-12-31"),
        D("8. April 2021", "2021-04-08"),
    ],
    organisations=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Deutsche Rentenversicherung Knappschaft-Bahn-See", "DRV KBS",
          "Deutsche Rentenversicherung Knappschaft-Bahn-See", "DRV KBS"),
    ],
    programmes=["Integrationsrichtlinie Bund", "ESF Plus"],
    people=[],
    locations=[],
    events=[
        E("webinar", "Webinar", "2021-04-08", "2021-04-08", None, 500),
    ],
    participant_counts=[
        C("mehr als 120.000 Menschen", 120000, "min", "Menschen"),
        C("bis zu 500 Personen", 500, "max", "Personen"),
    ],
)

# ---------------------------------------------------------------- 012 (2021)
A(
    id="corpus-012",
    published="2021-10-04",
    slug="esf_plus_auftakt",
    title="Startschuss für den ESF Plus: Digitale Auftaktveranstaltung des Bundes",
    teaser="Am 28. und 29. September 2021 hat das Bundesministerium für Arbeit und Soziales die neue "
           "Förderperiode des Europäischen Sozialfonds Plus mit einer zweitägigen Online-Konferenz eröffnet.",
    paragraphs=[
        "Über 1.000 Besucherinnen und Besucher verfolgten die Auftaktveranstaltung im Livestream. In der "
        "Förderperiode 2021 bis 2027 stehen Deutschland rund 6,6 Milliarden Euro aus dem ESF Plus zur "
        "Verfügung; etwa 2,3 Milliarden Euro davon entfallen auf das Programm des Bundes, den Rest setzen die "
        "Länder in eigenen Programmen um.",
        "Staatssekretärin Leonie Gebers aus dem BMAS eröffnete die Konferenz. Der ESF Plus solle vor allem "
        "Menschen Chancen eröffnen, die es auf dem Arbeitsmarkt besonders schwer haben, und zugleich den Wandel "
        "der Arbeitswelt durch Weiterbildung begleiten, sagte Gebers. In einer Videobotschaft unterstrich "
        "Nicolas Schmit, EU-Kommissar für Beschäftigung und soziale Rechte, die Bedeutung des Fonds für die "
        "Beschäftigungspolitik der Mitgliedstaaten.",
        "## Viele Ressorts, ein Programm",
        "Am zweiten Tag stellten sich die Programme der beteiligten Bundesressorts vor, darunter BIWAQ, "
        "rückenwind³ und „Stark im Beruf“. In parallelen Foren diskutierten Projektträger, Sozialpartner, Länder "
        "und Vertreterinnen und Vertreter der Europäischen Kommission über Querschnittsthemen wie Gleichstellung, "
        "Nichtdiskriminierung und ökologische Nachhaltigkeit. Die ersten Förderaufrufe sollen ab Anfang 2022 "
        "veröffentlicht werden.",
        "Einen Blick zurück warf Dr. Jana Pfeiffer-Lindholm, Leiterin der ESF-Verwaltungsbehörde im BMAS: In der "
        "Förderperiode 2014 bis 2020 wurden mit ESF-Bundesprogrammen mehr als 2,5 Millionen Menschen "
        "unterstützt. Pfeiffer-Lindholm dankte allen Projekten, die ihre Arbeit auch während der Pandemie "
        "fortgesetzt haben. Die Aufzeichnung der Konferenz steht ab Mitte Oktober in der Mediathek bereit.",
    ],
    caption="© BMAS / Jana Kühne",
    dates=[
        D("04.10.2021", "2021-10-04"),
        D("28. und 29. September 2021", "2021-09-28", "2021-09-29"),
        D("2021 bis 2027", "2021-01-01", "2027-12-31"),
        D("Anfang 2022", "2022-01-01", "2022-12-31"),
        D("2014 bis 2020", "2014-01-01", "2020-12-31"),
        D("Mitte Oktober", "2021-10-01", "2021-10-31"),
    ],
    organisations=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Europäische Kommission", None, "Europäischen Kommission"),
    ],
    programmes=["ESF Plus", "BIWAQ", "rückenwind³", "Stark im Beruf", "ESF"],
    people=[
        P("Leonie Gebers", "Staatssekretärin", "BMAS"),
        P("Nicolas Schmit", "EU-Kommissar für Beschäftigung und soziale Rechte", "Europäische Kommission"),
        P("Jana Pfeiffer-Lindholm", "Leiterin der ESF-Verwaltungsbehörde", "BMAS"),
    ],
    locations=["Deutschland"],
    events=[
        E("kickoff", "Auftaktveranstaltung", "2021-09-28", "2021-09-29", None, 1000),
    ],
    participant_counts=[
        C("Über 1.000 Besucherinnen und Besucher", 1000, "min", "Besucherinnen und Besucher"),
        C("mehr als 2,5 Millionen Menschen", 2500000, "min", "Menschen"),
    ],
)

# ---------------------------------------------------------------- 013 (call, 2022)
A(
    id="corpus-013",
    published="2022-05-09",
    slug="aufruf_rueckenwind3",
    title="rückenwind³: Interessenbekundungsverfahren für die erste Förderrunde startet",
    teaser="Gemeinnützige Organisationen der Sozialwirtschaft können ab dem 1. Juni 2022 Interessenbekundungen "
           "für das ESF Plus-Programm rückenwind³ einreichen.",
    paragraphs=[
        "„rückenwind³ – Für Vielfalt, Chancengleichheit und Zukunftsfähigkeit in der Sozialwirtschaft“ ist das "
        "Nachfolgeprogramm von rückenwind, mit dem das Bundesministerium für Arbeit und Soziales (BMAS) und die "
        "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege (BAGFW) seit 2009 die Personalentwicklung in "
        "sozialen Einrichtungen fördern. In der Förderperiode 2014-2020 wurden bundesweit 180 Projekte "
        "unterstützt, an denen mehr als 33.000 Beschäftigte teilgenommen haben.",
        "## Was gefördert wird",
        "Im Mittelpunkt stehen Vorhaben, die Vielfalt und Chancengleichheit in Einrichtungen stärken, neue "
        "Arbeitszeitmodelle erproben oder ältere Beschäftigte länger im Beruf halten. Ausdrücklich erwünscht "
        "sind auch Projekte, die Fachkräfte mit ausländischen Berufsabschlüssen gewinnen und einarbeiten. Für "
        "die erste Förderrunde stehen rund 30 Millionen Euro bereit; ein Vorhaben kann bis zu 36 Monate laufen "
        "und mit bis zu 90 Prozent der zuwendungsfähigen Ausgaben gefördert werden.",
        "Die Interessenbekundungen sind vom 1. Juni bis 15. Juli 2022 über das Portal Z-EU-S einzureichen. Über "
        "die Auswahl entscheiden BMAS und BAGFW gemeinsam; die ausgewählten Träger werden voraussichtlich im "
        "vierten Quartal 2022 zur Antragstellung aufgefordert. Frühester Projektbeginn ist der 1. April 2023.",
        "Zur Vorbereitung bietet die Regiestelle rückenwind³ am 24. Mai von 14 bis 16 Uhr ein Online-Seminar "
        "an. Die Teilnahme ist kostenlos, eine Anmeldung bis zum 20. Mai ist erforderlich. Ansprechpartnerin für "
        "inhaltliche Fragen ist Sabine Korte, Referentin bei der BAGFW.",
    ],
    dates=[
        D("09.05.2022", "2022-05-09"),
        D("1. Juni 2022", "2022-06-01"),
        D("seit 2009", "2009-01-01", "2009-12-31"),
        D("2014-2020", "2014-01-01", "2020-12-31"),
        D("vom 1. Juni bis 15. Juli 2022", "2022-06-01", "2022-07-15"),
        D("vierten Quartal 2022", "2022-10-01", "2022-12-31"),
        D("1. April 2023", "2023-04-01"),
        D("24. Mai", "2022-05-24"),
        D("20. Mai", "2022-05-20"),
    ],
    organisations=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW",
          "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW"),
    ],
    programmes=["rückenwind³", "ESF Plus", "rückenwind"],
    people=[
        P("Sabine Korte", "Referentin", "BAGFW"),
    ],
    locations=[],
    events=[
        E("webinar", "Online-Seminar", "2022-05-24", "2022-05-24", None, None),
    ],
    participant_counts=[
        C("mehr als 33.000 Beschäftigte", 33000, "min", "Beschäftigte"),
    ],
)

# ---------------------------------------------------------------- 014 (2022)
A(
    id="corpus-014",
    published="2022-11-28",
    slug="biwaq_jahrestagung_berlin",
    title="BIWAQ-Jahrestagung 2022: Bilanz nach vier Jahren Quartiersarbeit",
    teaser="Rund 250 Teilnehmende aus Kommunen, Projekten und Verwaltung kamen am 22. und 23. November in Berlin "
           "zur Jahrestagung des ESF-Programms BIWAQ zusammen.",
    paragraphs=[
        "Die Tagung stand ganz im Zeichen des Abschlusses der Förderrunde 2019-2022 und des Übergangs in die "
        "neue Förderperiode des ESF Plus. Seit Dezember 2021 ist das Bundesministerium für Wohnen, "
        "Stadtentwicklung und Bau (BMWSB) für BIWAQ zuständig; zuvor hatte das Bundesministerium des Innern, für "
        "Bau und Heimat das Programm verantwortet.",
        "Cansel Kiziltepe, Parlamentarische Staatssekretärin im BMWSB, eröffnete die Tagung am Dienstagvormittag "
        "und würdigte die Arbeit der Projekte unter den schwierigen Bedingungen der Pandemie. In der zu Ende "
        "gehenden Förderrunde haben mehr als 30.000 Menschen an BIWAQ-Projekten teilgenommen; rund ein Fünftel "
        "von ihnen fand anschließend eine Arbeit oder einen Ausbildungsplatz. Darüber hinaus wurden knapp "
        "4.000 Unternehmen beraten.",
        "## Erfahrungen aus zwölf Fachforen",
        "In zwölf Fachforen stellten Projekte ihre Ansätze vor, unter anderem aus Bremerhaven, Chemnitz und dem "
        "Landkreis Vorpommern-Greifswald. Prof. Dr. Olaf Brenninkmeyer von der Technischen Universität Dortmund "
        "präsentierte Ergebnisse der Programmevaluation. Demnach erreicht BIWAQ besonders gut Menschen, die von "
        "den Regelangeboten der Arbeitsförderung kaum erreicht werden. Brenninkmeyer empfahl, die "
        "Zusammenarbeit mit Wohnungsunternehmen weiter auszubauen.",
        "Mit Blick auf die Zukunft kündigte das BMWSB an, den Aufruf für die neue Förderrunde BIWAQ V Anfang "
        "2023 zu veröffentlichen. Die nächste Jahrestagung ist für den Herbst 2023 geplant.",
    ],
    source="Auszug aus dem ESF-Newsletter 12/2022",
    also=["12/2022"],  # year of the newsletter issue = "2022" (title), listed once
    dates=[
        D("28.11.2022", "2022-11-28"),
        D("2022", "2022-01-01", "2022-12-31"),
        D("22. und 23. November", "2022-11-22", "2022-11-23"),
        D("2019-2022", "2019-01-01", "2022-12-31"),
        D("Dezember 2021", "2021-12-01", "2021-12-31"),
        D("Anfang 2023", "2023-01-01", "2023-12-31"),
        D("Herbst 2023", "2023-09-01", "2023-11-30"),
    ],
    organisations=[
        O("Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB",
          "Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB"),
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat"),
        O("Technische Universität Dortmund", "TU Dortmund", "Technischen Universität Dortmund"),
    ],
    programmes=["BIWAQ", "ESF", "ESF Plus"],
    people=[
        P("Cansel Kiziltepe", "Parlamentarische Staatssekretärin", "BMWSB"),
        P("Olaf Brenninkmeyer", None, "Technische Universität Dortmund"),
    ],
    locations=["Berlin", "Bremerhaven", "Chemnitz", "Vorpommern-Greifswald"],
    events=[
        E("conference", "BIWAQ-Jahrestagung 2022", "2022-11-22", "2022-11-23", "Berlin", 250),
        E("conference", "Jahrestagung", "2023-09-01", "2023-11-30", None, None),
    ],
    participant_counts=[
        C("Rund 250 Teilnehmende", 250, "approx", "Teilnehmende"),
        C("mehr als 30.000 Menschen", 30000, "min", "Menschen"),
    ],
)

# ---------------------------------------------------------------- 015 (2023)
A(
    id="corpus-015",
    published="2023-06-26",
    slug="preisverleihung_fotowettbewerb_mein_weg",
    title="Fotowettbewerb „Mein Weg“: Preisverleihung im Bundesfamilienministerium",
    teaser="Zwölf Fotoserien junger Menschen aus dem ESF Plus-Programm „JUGEND STÄRKEN: Brücken in die "
           "Eigenständigkeit“ sind am 20. Juni 2023 in Berlin ausgezeichnet worden.",
    paragraphs=[
        "Für den Wettbewerb „Mein Weg“ hatten Jugendliche und junge Erwachsene aus den Projekten des Programms "
        "ihren Alltag, ihre erste eigene Wohnung oder ihren Ausbildungsplatz fotografiert. Zwischen Januar und "
        "April 2023 gingen mehr als 430 Einsendungen von rund 380 jungen Menschen ein. Eine Jury aus "
        "Fotografinnen, Fachkräften der Jugendhilfe und ehemaligen Teilnehmenden wählte daraus zwölf Serien aus.",
        "Die Preisverleihung fand im Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) statt. "
        "Ekin Deligöz, Parlamentarische Staatssekretärin bei der Bundesfamilienministerin, überreichte die "
        "Urkunden. Rund 120 Gäste – darunter die Preisträgerinnen und Preisträger, ihre Familien und "
        "Mitarbeitende aus den Projekten – feierten die Ausgezeichneten.",
        "## Übergänge gestalten",
        "Das Programm richtet sich seit 2022 an junge Menschen, die aus Einrichtungen der Kinder- und "
        "Jugendhilfe ausziehen oder von Wohnungslosigkeit bedroht sind. Rund 100 Modellprojekte begleiten sie "
        "beim Übergang in ein selbstständiges Leben, finanziert aus Mitteln des ESF Plus und des Bundes. "
        "Die Programmumsetzung liegt beim Bundesamt für Familie und zivilgesellschaftliche Aufgaben (BAFzA).",
        "Eine der Preisträgerinnen, eine 19-Jährige aus Magdeburg, zeigte in ihrer Serie die ersten Wochen in "
        "ihrer eigenen Wohnung. Tanja Wolff, Projektleiterin beim Internationalen Bund (IB), berichtete, wie "
        "sehr der Wettbewerb die jungen Menschen motiviert habe. Die prämierten Serien werden bis Ende August "
        "auf der Programmwebsite und in einem kleinen Bildband veröffentlicht.",
    ],
    caption="© BMFSFJ / Leon Albrecht",
    dates=[
        D("26.06.2023", "2023-06-26"),
        D("20. Juni 2023", "2023-06-20"),
        D("Zwischen Januar und April 2023", "2023-01-01", "2023-04-30"),
        D("seit 2022", "2022-01-01", "2022-12-31"),
        D("Ende August", "2023-08-01", "2023-08-31"),
    ],
    organisations=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesfamilienministerium", "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA",
          "Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA"),
        O("Internationaler Bund", "IB", "Internationalen Bund", "IB"),
    ],
    programmes=["ESF Plus", "JUGEND STÄRKEN: Brücken in die Eigenständigkeit"],
    people=[
        P("Ekin Deligöz", "Parlamentarische Staatssekretärin", "BMFSFJ"),
        P("Tanja Wolff", "Projektleiterin", "IB"),
    ],
    locations=["Berlin", "Magdeburg"],
    events=[
        E("award", "Preisverleihung", "2023-06-20", "2023-06-20", "Berlin", 120),
    ],
    participant_counts=[
        C("rund 380 jungen Menschen", 380, "approx", "jungen Menschen"),
        C("Rund 120 Gäste", 120, "approx", "Gäste"),
    ],
)

# ---------------------------------------------------------------- 016 (short notice, 2024)
A(
    id="corpus-016",
    published="2024-08-05",
    slug="tag_der_offenen_tuer",
    title="Der ESF Plus beim Tag der offenen Tür der Bundesregierung",
    teaser="Am 17. und 18. August 2024 öffnen das Bundeskanzleramt und die Bundesministerien wieder ihre Türen – "
           "auch der ESF Plus ist mit dabei.",
    paragraphs=[
        "Beim Tag der offenen Tür der Bundesregierung können sich Bürgerinnen und Bürger am Wochenende jeweils "
        "von 10 bis 18 Uhr ein Bild von der Arbeit der Ministerien in Berlin machen. Erwartet werden erneut mehr "
        "als 100.000 Besucherinnen und Besucher.",
        "Das Bundesministerium für Arbeit und Soziales stellt den Europäischen Sozialfonds Plus an einem eigenen "
        "Stand im Innenhof vor. Projekte aus Berlin und Brandenburg zeigen dort, wie der ESF Plus Menschen beim "
        "Berufseinstieg, bei der Weiterbildung und bei der Integration in den Arbeitsmarkt unterstützt. Wer "
        "mag, kann an einem Quiz rund um die europäische Förderung teilnehmen. Fachleute aus dem Ministerium "
        "beantworten außerdem Fragen zu aktuellen Förderaufrufen und zur Antragstellung.",
        "Auch das Bundesministerium für Wohnen, Stadtentwicklung und Bau ist mit BIWAQ vertreten: Bei "
        "Quartiersführungen am Sonntag um 11 und um 14 Uhr erklären Projektmitarbeitende, wie das Programm in "
        "Berlin-Moabit wirkt. Für jede Führung können sich bis zu 25 Personen am Stand anmelden.",
        "Der Eintritt ist frei. Aus Sicherheitsgründen gibt es an den Eingängen Taschenkontrollen; größere "
        "Gepäckstücke dürfen nicht mitgebracht werden. Das vollständige Programm aller Häuser steht auf der "
        "Internetseite der Bundesregierung.",
    ],
    dates=[
        D("05.08.2024", "2024-08-05"),
        D("17. und 18. August 2024", "2024-08-17", "2024-08-18"),
    ],
    organisations=[
        O("Bundeskanzleramt", None, "Bundeskanzleramt"),
        O("Bundesregierung", None, "Bundesregierung"),
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales"),
        O("Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB",
          "Bundesministerium für Wohnen, Stadtentwicklung und Bau"),
    ],
    programmes=["ESF Plus", "BIWAQ"],
    people=[],
    locations=["Berlin", "Brandenburg", "Berlin-Moabit"],
    events=[
        E("other", "Tag der offenen Tür der Bundesregierung", "2024-08-17", "2024-08-18", "Berlin", 100000),
    ],
    participant_counts=[
        C("mehr als 100.000 Besucherinnen und Besucher", 100000, "min", "Besucherinnen und Besucher"),
        C("bis zu 25 Personen", 25, "max", "Personen"),
    ],
)

# ---------------------------------------------------------------- 017 (2025)
A(
    id="corpus-017",
    published="2025-03-17",
    slug="biwaq_konferenz_halle",
    title="Quartiere im Wandel: BIWAQ-Konferenz und Projektmesse in Halle (Saale)",
    teaser="Vom 11. bis 13. März 2025 trafen sich Projektverantwortliche aus dem ESF Plus-Programm BIWAQ sowie "
           "Vertreterinnen und Vertreter der Kommunen zur Fachkonferenz „Quartiere im Wandel“ in Halle (Saale).",
    paragraphs=[
        "Mehr als 300 Teilnehmende nutzten die drei Tage, um Erfahrungen aus der laufenden Förderrunde "
        "auszutauschen. Seit 2008 hat das Programm „Bildung, Wirtschaft, Arbeit im Quartier“ Projekte in mehr "
        "als 400 Stadtteilen ermöglicht; in der aktuellen Förderrunde 2024 bis 2027 sind es 83 Vorhaben in "
        "75 Kommunen.",
        "Elisabeth Kaiser, Parlamentarische Staatssekretärin im Bundesministerium für Wohnen, Stadtentwicklung "
        "und Bau (BMWSB), eröffnete die Konferenz am Dienstagmorgen. Kaiser betonte, BIWAQ erreiche die Menschen "
        "dort, wo sie leben: in ihrer Nachbarschaft. Als Beispiel stellte sich ein Projekt aus der Silberhöhe vor, "
        "einem Stadtteil im Süden der Stadt. Dort nehmen derzeit zwanzig Fachkräfte aus Pflege und Handwerk an "
        "einer berufsbegleitenden Qualifizierung teil.",
        "## Projektmesse in der Innenstadt",
        "Im Anschluss an die Konferenz öffnete am 14. März eine öffentliche Projektmesse ihre Türen. An "
        "40 Ständen präsentierten Projekte aus ganz Deutschland ihre Angebote, von der Gründungsberatung für "
        "Migrantinnen bis zu Sprach- und Jobcafés. Nach Angaben der Veranstalter kamen knapp 900 Besucherinnen "
        "und Besucher.",
        "Das Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), das BIWAQ wissenschaftlich begleitet, "
        "legte Zwischenergebnisse vor: Im Jahr 2024 haben rund 11.500 Menschen an BIWAQ-Projekten teilgenommen, "
        "darunter etwa 4.200 Frauen. Dr. Helena Sternberg vom BBSR kündigte für den Herbst 2025 ein "
        "Netzwerktreffen zur Zusammenarbeit mit Jobcentern an. Zuvor findet am 8. Mai ein Webinar zur "
        "Abrechnung im ESF Plus statt.",
    ],
    dates=[
        D("17.03.2025", "2025-03-17"),
        D("Vom 11. bis 13. März 2025", "2025-03-11", "2025-03-13"),
        D("Seit 2008", "2008-01-01", "2008-12-31"),
        D("2024 bis 2027", "2024-01-01", "2027-12-31"),
        D("14. März", "2025-03-14"),
        D("Im Jahr 2024", "2024-01-01", "2024-12-31"),
        D("Herbst 2025", "2025-09-01", "2025-11-30"),
        D("8. Mai", "2025-05-08"),
    ],
    organisations=[
        O("Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB",
          "Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
    ],
    programmes=["ESF Plus", "BIWAQ"],
    people=[
        P("Elisabeth Kaiser", "Parlamentarische Staatssekretärin", "BMWSB"),
        P("Helena Sternberg", None, "BBSR"),
    ],
    locations=["Halle (Saale)", "Silberhöhe", "Deutschland"],
    events=[
        E("conference", "Quartiere im Wandel", "2025-03-11", "2025-03-13", "Halle (Saale)", 300),
        E("fair", "Projektmesse", "2025-03-14", "2025-03-14", "Halle (Saale)", 900),
        E("meeting", "Netzwerktreffen", "2025-09-01", "2025-11-30", None, None),
        E("webinar", "Webinar", "2025-05-08", "2025-05-08", None, None),
    ],
    participant_counts=[
        C("Mehr als 300 Teilnehmende", 300, "min", "Teilnehmende"),
        C("zwanzig Fachkräfte", 20, "exact", "Fachkräfte"),
        C("knapp 900 Besucherinnen und Besucher", 900, "approx", "Besucherinnen und Besucher"),
        C("rund 11.500 Menschen", 11500, "approx", "Menschen"),
        C("etwa 4.200 Frauen", 4200, "approx", "Frauen"),
    ],
)

# END ARTICLES


# =========================================================================== rendering
def de_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def file_stem(a: dict) -> str:
    return a["published"].replace("-", "_") + "_" + a["slug"]


def url_of(a: dict) -> str:
    return f"{BASE_URL}/{a['published'][:4]}/{file_stem(a)}.html"


def gold_text(a: dict) -> str:
    parts = [a["title"], "Datum\n" + de_date(a["published"]), a["teaser"]]
    parts += [p[3:] if p.startswith("## ") else p for p in a["paragraphs"]]
    if a.get("source"):
        parts.append(a["source"])
    return "\n\n".join(parts)


def body_text(a: dict) -> str:
    return "\n\n".join(p[3:] if p.startswith("## ") else p for p in a["paragraphs"])


def render_html(a: dict) -> str:
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    year = a["published"][:4]
    stem = file_stem(a)
    body = []
    for p in a["paragraphs"]:
        if p.startswith("## "):
            body.append(f"<h2>{e(p[3:])}</h2>")
        else:
            body.append(f"<p>{e(p)}</p>")
    lines = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        f"<title>ESF in Deutschland - {e(a['title'])}</title>",
        f'<link rel="canonical" href="https://www.esf.de/portal/SharedDocs/Meldungen/DE/{year}/{stem}.html">',
        f'<meta name="description" content="{e(a["teaser"])}">',
        f'<meta name="DC.date.issued" content="{a["published"]}">',
        "</head><body>",
        '<div id="wrapperOuter"><header id="header"><nav class="navMain"><ul>'
        '<li><a href="/portal/DE/Home/home_node.html">Startseite</a></li>'
        '<li><a href="/portal/DE/Aktuelles/Meldungen/meldungen_node.html">Meldungen</a></li>'
        '<li><a href="/portal/DE/Service/Kontakt/kontakt_node.html">Kontakt</a></li>'
        "</ul></nav></header>",
        '<main id="main"><div id="content" class="article">',
        f'<h1 class="isFirstInSlot">{e(a["title"])}</h1>',
        f'<p class="date"><span>Datum</span> {de_date(a["published"])}</p>',
        f'<div class="abstract"><p>{e(a["teaser"])}</p></div>',
        '<div class="text">' + "".join(body) + "</div>",
    ]
    if a.get("source"):
        lines.append(f'<p class="source">{e(a["source"])}</p>')
    if a.get("caption"):
        lines.append(f'<div class="picture"><p class="caption">{e(a["caption"])}</p></div>')
    lines += [
        "</div></main>",
        '<footer id="footer"><p>© Bundesministerium für Arbeit und Soziales</p>'
        '<a href="/portal/DE/Service/Impressum/impressum_node.html">Impressum</a></footer></div>',
        "</body></html>",
        "",
    ]
    return "\n".join(lines)


def gold_record(a: dict) -> dict:
    return {
        "id": a["id"],
        "url": url_of(a),
        "title": a["title"],
        "published": a["published"],
        "text": gold_text(a),
        "dates": a["dates"],
        "organisations": a["organisations"],
        "programmes": a["programmes"],
        "people": a["people"],
        "locations": a["locations"],
        "events": a["events"],
        "participant_counts": a["participant_counts"],
    }


# =========================================================================== self-check
MONTHS = ("Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember")
TEMPORAL = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(?:%s)\b|\b(?:Frühjahr|Frühling|Sommer|Herbst|Winter|"
    r"Quartal|Halbjahr|Jahr|Jahres)\b" % MONTHS)
QUALIFIED_NUMBER = re.compile(r"\b(?:rund|etwa|circa|ca\.|knapp|fast|gut|über|mehr als|mindestens|bis zu|"
                              r"höchstens)\s+\d[\d.,]*", re.I)


def _iso(s):
    return _dt.date.fromisoformat(s)


def check(a: dict, rec: dict) -> list[str]:
    errs: list[str] = []
    warn: list[str] = []
    t = rec["text"]
    tid = rec["id"]
    body_len = len(body_text(a))
    if not 1200 <= body_len <= 3000:
        errs.append(f"body length {body_len} outside 1200..3000")
    # dates
    seen = set()
    for d in rec["dates"]:
        if d["text"] not in t:
            errs.append(f"date text not in text: {d['text']!r}")
        s, e = _iso(d["start"]), _iso(d["end"])
        if s > e:
            errs.append(f"date start > end: {d}")
        key = (d["start"], d["end"])
        if key in seen:
            errs.append(f"duplicate date interval {key}")
        seen.add(key)
    if rec["dates"][0]["text"] != de_date(rec["published"]):
        errs.append("first date is not the Datum line")
    # coverage of temporal-looking tokens by annotated date texts
    spans = []
    for txt in [d["text"] for d in rec["dates"]] + list(a.get("also", [])):
        for m in re.finditer(re.escape(txt), t):
            spans.append((m.start(), m.end()))
    for m in TEMPORAL.finditer(t):
        if not any(s <= m.start() and m.end() <= e for s, e in spans):
            ctx = t[max(0, m.start() - 25): m.end() + 25].replace("\n", " ")
            warn.append(f"temporal token {m.group()!r} not covered: ...{ctx}...")
    # organisations
    orgkeys = set()
    for o in rec["organisations"]:
        if not o["aliases"]:
            errs.append(f"org without aliases: {o['name']}")
        for al in o["aliases"]:
            if al not in t:
                errs.append(f"org alias not in text: {al!r}")
        if o["acronym"]:
            orgkeys.add(o["acronym"])
        orgkeys.add(o["name"])
        orgkeys.update(o["aliases"])
    for p in rec["programmes"]:
        if p not in t:
            errs.append(f"programme not verbatim in text: {p!r}")
    if len(set(rec["programmes"])) != len(rec["programmes"]):
        errs.append("duplicate programmes")
    for p in rec["people"]:
        if p["name"] not in t:
            errs.append(f"person not in text: {p['name']!r}")
        if p["role"] and p["role"] not in t:
            warn.append(f"role not verbatim: {p['role']!r}")
        if p["organisation"] and p["organisation"] not in orgkeys:
            errs.append(f"person org not among organisations: {p['organisation']!r}")
    for loc in rec["locations"]:
        if loc not in t:
            errs.append(f"location not in text: {loc!r}")
    if len(set(rec["locations"])) != len(rec["locations"]):
        errs.append("duplicate locations")
    intervals = {(d["start"], d["end"]) for d in rec["dates"]}
    for ev in rec["events"]:
        if ev["type"] not in {"conference", "workshop", "seminar", "meeting", "webinar", "award", "fair",
                              "kickoff", "other"}:
            errs.append(f"bad event type {ev['type']}")
        if ev["location"] and ev["location"] not in rec["locations"]:
            errs.append(f"event location not in locations: {ev['location']!r}")
        if ev["name"] and ev["name"] not in t:
            errs.append(f"event name not in text: {ev['name']!r}")
        if ev["start"] and (ev["start"], ev["end"]) not in intervals:
            errs.append(f"event interval not among dates: {ev['start']}..{ev['end']}")
        if ev["participants"] is not None and ev["participants"] not in {c["count"] for c in
                                                                         rec["participant_counts"]}:
            errs.append(f"event participants {ev['participants']} not among counts")
    pairs = set()
    for c in rec["participant_counts"]:
        if c["text"] not in t:
            errs.append(f"count text not in text: {c['text']!r}")
        if c["who"] not in c["text"]:
            errs.append(f"count who not in count text: {c['who']!r}")
        if c["qualifier"] not in {"exact", "approx", "min", "max"}:
            errs.append(f"bad qualifier {c['qualifier']}")
        digits = re.sub(r"\D", "", c["text"].split(c["who"])[0])
        if digits and "," not in c["text"].split(c["who"])[0] and int(digits) != c["count"]:
            errs.append(f"count mismatch {c}")
        pairs.add((c["count"], c["qualifier"]))
    for m in QUALIFIED_NUMBER.finditer(t):
        if not any(m.group() in c["text"] for c in rec["participant_counts"]):
            ctx = t[max(0, m.start() - 10): m.end() + 30].replace("\n", " ")
            warn.append(f"qualified number not a count (ok if distractor): ...{ctx}...")
    return [f"{tid} ERROR {x}" for x in errs] + [f"{tid} warn  {x}" for x in warn]


def main(argv: list[str]) -> int:
    check_only = "--check-only" in argv
    ids, urls, msgs = set(), set(), []
    for a in ARTICLES:
        rec = gold_record(a)
        if rec["id"] in ids:
            msgs.append(f"{rec['id']} ERROR duplicate id")
        if rec["url"] in urls:
            msgs.append(f"{rec['id']} ERROR duplicate url")
        ids.add(rec["id"])
        urls.add(rec["url"])
        msgs += check(a, rec)
        if not check_only:
            out = SITE / a["published"][:4] / (file_stem(a) + ".html")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(render_html(a), encoding="utf-8")
            GOLD.mkdir(parents=True, exist_ok=True)
            with open(GOLD / f"{a['id']}.json", "w", encoding="utf-8") as f:
                json.dump(rec, f, ensure_ascii=False, indent=1)
                f.write("\n")
    for m in msgs:
        print(m)
    n_err = sum(" ERROR " in m for m in msgs)
    print(f"{len(ARTICLES)} articles, {n_err} errors, {len(msgs) - n_err} warnings")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
