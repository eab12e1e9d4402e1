#!/usr/bin/env python3
"""Write bundled corpus articles corpus-018 .. corpus-034 (HTML pages + gold JSON).

Each article is held here once, as data (title, date, teaser, body blocks and its
annotations).  Both the HTML page under corpus/site/ and the gold record under
corpus/gold/ are generated from that data, so page text and gold ``text`` cannot drift.

Layouts:
  * "portal"  -> corpus/site/portal/SharedDocs/Meldungen/DE/<YEAR>/<YYYY_MM_DD>_<slug>.html
  * "partner" -> corpus/site/partner/aktuelles/<slug>.html   (a blog layout no portal
                  selector describes; tests generic main-content extraction)

Body blocks: a plain string is a paragraph; ("h2", "...") is a subheading.

After writing, every record is self-checked (aliases, date texts, counts, people and
places occur verbatim; intervals unique; year/month/season words covered by a date
annotation; organisation-like words covered by an alias; ids/URLs unique).

Usage:  python corpus/tools/write_articles_b.py [--check-only]
"""
from __future__ import annotations

import calendar
import datetime as _dt
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]          # .../corpus
PORTAL = ROOT / "site" / "portal" / "SharedDocs" / "Meldungen" / "DE"
PARTNER = ROOT / "site" / "partner" / "aktuelles"
GOLD = ROOT / "gold"
PORTAL_URL = "https://www.esf.de/portal/SharedDocs/Meldungen/DE"
PARTNER_URL = "https://partner.example.org/aktuelles"

ARTICLES: list[dict] = []
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]


# --------------------------------------------------------------------------- date helpers
def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def day(text, iso):
    return {"text": text, "start": iso, "end": iso}


def span(text, start, end):
    return {"text": text, "start": start, "end": end}


def month(text, y, m):
    return {"text": text, "start": f"{y:04d}-{m:02d}-01", "end": f"{y:04d}-{m:02d}-{_last(y, m):02d}"}


def year(text, y, y2=None):
    return {"text": text, "start": f"{y:04d}-01-01", "end": f"{(y2 or y):04d}-12-31"}


def season(text, name, y):
    if name == "Frühjahr":
        return {"text": text, "start": f"{y}-03-01", "end": f"{y}-05-31"}
    if name == "Sommer":
        return {"text": text, "start": f"{y}-06-01", "end": f"{y}-08-31"}
    if name == "Herbst":
        return {"text": text, "start": f"{y}-09-01", "end": f"{y}-11-30"}
    if name == "Winter":
        return {"text": text, "start": f"{y}-12-01", "end": f"{y + 1}-02-{_last(y + 1, 2):02d}"}
    raise ValueError(name)


def quarter(text, q, y):
    m1, m3 = 3 * q - 2, 3 * q
    return {"text": text, "start": f"{y}-{m1:02d}-01", "end": f"{y}-{m3:02d}-{_last(y, m3):02d}"}


# --------------------------------------------------------------------------- other helpers
from gold_shorthands import C, E, O, P  # noqa: E402  (annotation shorthands shared with the other script)


def A(**kw):
    ARTICLES.append(kw)


# =========================================================================== ARTICLES
# ---------------------------------------------------------------- 018 (kickoff, 2016)
A(
    id="corpus-018", layout="portal", published="2016-03-14", slug="biwaq_auftaktkonferenz",
    title="Auftakt in Berlin: BIWAQ startet mit 72 Projekten in die neue Förderrunde",
    teaser="Rund 250 Teilnehmerinnen und Teilnehmer kamen zur Auftaktkonferenz des ESF-Bundesprogramms BIWAQ "
           "nach Berlin, um sich über die Schwerpunkte der Förderrunde 2015 bis 2018 auszutauschen.",
    body=[
        "Das Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit (BMUB) hatte gemeinsam mit dem "
        "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR) am 1. und 2. März 2016 Vertreterinnen und Vertreter "
        "aus Kommunen, Beschäftigungsträgern und Jobcentern eingeladen. Für viele der 72 Projekte, die seit Januar in "
        "ihren Quartieren arbeiten, war es die erste Gelegenheit, sich persönlich kennenzulernen und Erfahrungen aus "
        "der Startphase zu teilen.",
        "Staatssekretär Gunther Adler aus dem BMUB betonte in seiner Eröffnungsrede, dass Arbeitsmarktpolitik und "
        "Stadtentwicklung in benachteiligten Stadtteilen nur gemeinsam erfolgreich sein könnten. „Wer im Quartier "
        "lebt, muss dort auch eine Chance auf Ausbildung und Arbeit bekommen“, sagte Adler. Der Bund stellt für die "
        "laufende Förderrunde rund 90 Millionen Euro aus dem Europäischen Sozialfonds (ESF) und aus Bundesmitteln "
        "bereit, umgesetzt werden die Vorhaben in 67 Kommunen.",
        ("h2", "Zwei Handlungsfelder, ein Ziel"),
        "BIWAQ verbindet zwei Ansätze: Langzeitarbeitslose Frauen und Männer ab 27 Jahren werden schrittweise an den "
        "Arbeitsmarkt herangeführt, gleichzeitig stärken die Projekte die lokale Ökonomie, etwa kleine Läden und "
        "Handwerksbetriebe im Stadtteil. Alle Vorhaben liegen in Gebieten des Städtebauförderungsprogramms „Soziale "
        "Stadt“ und werden eng mit dem dortigen Quartiersmanagement abgestimmt.",
        "Am Nachmittag des ersten Tages erläuterten Dr. Miriam Seefeld vom BBSR und Thomas Brendel, Referatsleiter im "
        "Bundesverwaltungsamt (BVA), die Abläufe der Programmumsetzung. Das BVA ist als Bewilligungsbehörde unter "
        "anderem für die Prüfung der Mittelabrufe zuständig. In sechs parallelen Foren ging es danach um die Ansprache "
        "schwer erreichbarer Zielgruppen und die Zusammenarbeit mit den Jobcentern vor Ort.",
        "Prof. Dr. Ulrike Hartwig von der Universität Kassel ordnete am zweiten Tag die Ergebnisse der vorangegangenen "
        "Förderrunden ein: Zwischen 2008 und 2014 hätten mehr als 30.000 Menschen an BIWAQ-Angeboten teilgenommen. "
        "Hartwig warnte allerdings davor, den Erfolg allein an Vermittlungsquoten zu messen. Eine Dokumentation der "
        "Konferenz soll im Sommer erscheinen, das nächste bundesweite Netzwerktreffen ist für den Herbst in Leipzig "
        "geplant.",
    ],
    caption="© BBSR / Jens Kramer",
    dates=[
        day("14.03.2016", "2016-03-14"),
        year("2015 bis 2018", 2015, 2018),
        span("1. und 2. März 2016", "2016-03-01", "2016-03-02"),
        month("Januar", 2016, 1),
        year("Zwischen 2008 und 2014", 2008, 2014),
        season("Sommer", "Sommer", 2016),
        season("Herbst", "Herbst", 2016),
    ],
    orgs=[
        O("Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB",
          "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
        O("Bundesverwaltungsamt", "BVA", "Bundesverwaltungsamt", "BVA"),
        O("Universität Kassel", None, "Universität Kassel"),
    ],
    programmes=["BIWAQ", "ESF", "Soziale Stadt"],
    people=[
        P("Gunther Adler", "Staatssekretär", "BMUB"),
        P("Miriam Seefeld", None, "BBSR"),
        P("Thomas Brendel", "Referatsleiter", "BVA"),
        P("Ulrike Hartwig", None, "Universität Kassel"),
    ],
    locations=["Berlin", "Leipzig"],
    events=[
        E("kickoff", "Auftaktkonferenz", "2016-03-01", "2016-03-02", "Berlin", 250),
        E("meeting", "Netzwerktreffen", "2016-09-01", "2016-11-30", "Leipzig", None),
    ],
    counts=[
        C("Rund 250 Teilnehmerinnen und Teilnehmer", 250, "approx", "Teilnehmerinnen und Teilnehmer"),
        C("mehr als 30.000 Menschen", 30000, "min", "Menschen"),
    ],
    org_ok=["Jobcentern", "Soziale Stadt"],
)

# ---------------------------------------------------------------- 019 (Fachtag, 2016)
A(
    id="corpus-019", layout="portal", published="2016-10-05", slug="fachtag_integration_hannover",
    title="Fachtag in Hannover: Wie gelingt der Weg von Geflüchteten in Ausbildung?",
    teaser="Knapp 300 Fachleute aus Jobcentern, Arbeitsagenturen und Beratungsstellen diskutierten auf Einladung "
           "des Bundesministeriums für Arbeit und Soziales über die berufliche Integration junger Geflüchteter.",
    body=[
        "Der Fachtag „Ankommen in Ausbildung“ fand am 27. September 2016 in Hannover statt. Gemeinsam mit der "
        "Bundesagentur für Arbeit (BA) hatte das Bundesministerium für Arbeit und Soziales (BMAS) die "
        "Kooperationsverbünde der ESF-Integrationsrichtlinie Bund eingeladen, die sich um Asylbewerberinnen, "
        "Asylbewerber und Flüchtlinge kümmern. Bundesweit sind in diesem Handlungsschwerpunkt 41 Verbünde mit mehr "
        "als 300 Teilprojekten aktiv.",
        "In ihrem Grußwort betonte Yasmin Fahimi, Staatssekretärin im BMAS, wie wichtig eine frühe und verlässliche "
        "Begleitung sei: „Sprachkurs, Praktikum und Ausbildung dürfen keine getrennten Welten bleiben.“ Seit dem "
        "Start der Integrationsrichtlinie im Frühjahr 2015 hätten die Netzwerke gezeigt, dass Jobcenter, Kammern und "
        "Beratungsstellen viel voneinander lernen können.",
        "Wie das im Alltag aussieht, schilderte Kerstin Ahlers vom Jobcenter Region Hannover. Ihr Team berät "
        "gemeinsam mit dem Caritasverband Hannover junge Geflüchtete in einer gemeinsamen Anlaufstelle. „Seit Juli "
        "haben wir 180 junge Menschen begleitet, fast die Hälfte ist inzwischen in einem Praktikum oder einer "
        "Einstiegsqualifizierung“, berichtete Ahlers.",
        "Aus Sicht des Bundesamtes für Migration und Flüchtlinge (BAMF) ist die Verzahnung von berufsbezogener "
        "Sprachförderung und Arbeitsmarktprogrammen entscheidend. BAMF-Referatsleiter Jonas Petersen erläuterte, dass "
        "die Zahl der Plätze in den berufsbezogenen Deutschkursen in diesem Jahr deutlich gestiegen sei. Prof. Dr. "
        "Aylin Demir von der Leibniz Universität Hannover stellte anschließend erste Befunde einer Befragung von "
        "1.150 Geflüchteten vor: Zwei Drittel wünschen sich eine Ausbildung, doch nur wenige kannten das duale System "
        "vor ihrer Ankunft.",
        ("h2", "Wie es weitergeht"),
        "Die Ergebnisse der sechs Foren fließen in eine Handreichung ein, die Anfang 2017 erscheinen soll. Ein "
        "Folgetreffen der Verbünde ist für den 14. und 15. Februar 2017 in Nürnberg geplant. Organisiert wird es von "
        "der Deutschen Rentenversicherung Knappschaft-Bahn-See (DRV KBS), die als Regiestelle die Verbünde betreut.",
    ],
    source="Auszug aus dem ESF-Newsletter 5/2016",
    dates=[
        day("05.10.2016", "2016-10-05"),
        day("27. September 2016", "2016-09-27"),
        season("Frühjahr 2015", "Frühjahr", 2015),
        month("Juli", 2016, 7),
        year("in diesem Jahr", 2016),
        year("Anfang 2017", 2017),
        span("14. und 15. Februar 2017", "2017-02-14", "2017-02-15"),
    ],
    dup_dates=["5/2016"],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministeriums für Arbeit und Soziales", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesagentur für Arbeit", "BA", "Bundesagentur für Arbeit", "BA"),
        O("Jobcenter Region Hannover", None, "Jobcenter Region Hannover"),
        O("Caritasverband Hannover", None, "Caritasverband Hannover"),
        O("Bundesamt für Migration und Flüchtlinge", "BAMF", "Bundesamtes für Migration und Flüchtlinge", "BAMF"),
        O("Leibniz Universität Hannover", None, "Leibniz Universität Hannover"),
        O("Deutsche Rentenversicherung Knappschaft-Bahn-See", "DRV KBS",
          "Deutschen Rentenversicherung Knappschaft-Bahn-See", "DRV KBS"),
    ],
    programmes=["ESF-Integrationsrichtlinie Bund"],
    people=[
        P("Yasmin Fahimi", "Staatssekretärin", "BMAS"),
        P("Kerstin Ahlers", None, "Jobcenter Region Hannover"),
        P("Jonas Petersen", "Referatsleiter", "BAMF"),
        P("Aylin Demir", None, "Leibniz Universität Hannover"),
    ],
    locations=["Hannover", "Nürnberg"],
    events=[
        E("conference", "Ankommen in Ausbildung", "2016-09-27", "2016-09-27", "Hannover", 300),
        E("meeting", "Folgetreffen", "2017-02-14", "2017-02-15", "Nürnberg", None),
    ],
    counts=[
        C("Knapp 300 Fachleute", 300, "approx", "Fachleute"),
        C("180 junge Menschen", 180, "exact", "junge Menschen"),
        C("1.150 Geflüchteten", 1150, "exact", "Geflüchteten"),
    ],
    org_ok=["Jobcentern", "Jobcenter, Kammern"],
)

# ---------------------------------------------------------------- 020 (exhibition, 2017)
A(
    id="corpus-020", layout="portal", published="2017-05-22", slug="stark_im_beruf_ausstellung_stuttgart",
    title="Wanderausstellung „Stark im Beruf“ startet in Stuttgart",
    teaser="Zwölf Porträts erzählen von Müttern mit Migrationshintergrund, die mit Unterstützung des "
           "ESF-Bundesprogramms „Stark im Beruf“ den Weg in Arbeit gefunden haben.",
    body=[
        "Am 18. Mai 2017 wurde im Stuttgarter Rathaus die Wanderausstellung „Mütter mit Mut“ eröffnet. Rund 120 Gäste "
        "kamen zur Vernissage, darunter viele der porträtierten Frauen mit ihren Familien. Die Ausstellung ist ein "
        "Projekt des Bundesministeriums für Familie, Senioren, Frauen und Jugend (BMFSFJ), das „Stark im Beruf“ seit "
        "2015 gemeinsam mit der Bundesagentur für Arbeit (BA) umsetzt und aus dem Europäischen Sozialfonds "
        "finanziert.",
        "BMFSFJ-Staatssekretär Dr. Ralf Kleindiek würdigte bei der Eröffnung den Mut der Frauen: „Diese Mütter zeigen, "
        "wie viel Potenzial ungenutzt bleibt, wenn wir nur auf Lücken im Lebenslauf schauen.“ Seit Programmstart "
        "haben bundesweit mehr als 4.500 Mütter an Coachings, Sprachkursen und Praktika in den rund 90 Projekten "
        "teilgenommen.",
        "Eine der porträtierten Frauen ist Selin Aksoy. Die gelernte Buchhalterin arbeitet inzwischen in Teilzeit in "
        "einem Steuerbüro. „Ohne meine Mentorin hätte ich mich nie getraut, mich zu bewerben“, erzählt sie. Im "
        "Stuttgarter Projekt engagieren sich zwölf Mentorinnen ehrenamtlich, die selbst einmal eingewandert sind und "
        "die Teilnehmerinnen zu Vorstellungsgesprächen oder Elternabenden begleiten.",
        ("h2", "Arbeitgeber ins Boot holen"),
        "Begleitet wurde die Eröffnung von einem Fachgespräch mit Unternehmen aus der Region. Dr. Hanna Lindner vom "
        "Institut für Arbeitsmarkt- und Berufsforschung (IAB) erläuterte, dass die Erwerbstätigenquote von Müttern "
        "mit Migrationshintergrund noch immer um rund 20 Prozentpunkte unter der von Müttern ohne "
        "Migrationshintergrund liegt. Das IAB begleitet das Programm wissenschaftlich, ein Zwischenbericht ist für "
        "Herbst 2017 angekündigt.",
        "Bis Ende Juni ist die Ausstellung im Foyer des Rathauses zu sehen, geöffnet montags bis freitags von 8 bis "
        "18 Uhr. Danach wird sie in weiteren Städten gezeigt. Die aktuelle Förderphase des Programms läuft bis Ende "
        "2018.",
    ],
    dates=[
        day("22.05.2017", "2017-05-22"),
        day("18. Mai 2017", "2017-05-18"),
        year("seit 2015", 2015),
        season("Herbst 2017", "Herbst", 2017),
        month("Ende Juni", 2017, 6),
        year("Ende 2018", 2018),
    ],
    orgs=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministeriums für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bundesagentur für Arbeit", "BA", "Bundesagentur für Arbeit", "BA"),
        O("Institut für Arbeitsmarkt- und Berufsforschung", "IAB", "Institut für Arbeitsmarkt- und Berufsforschung", "IAB"),
    ],
    programmes=["Stark im Beruf", "ESF"],
    people=[
        P("Ralf Kleindiek", "Staatssekretär", "BMFSFJ"),
        P("Selin Aksoy", None, None),
        P("Hanna Lindner", None, "IAB"),
    ],
    locations=["Stuttgart"],
    events=[
        E("other", "Vernissage", "2017-05-18", "2017-05-18", "Stuttgart", 120),
    ],
    counts=[
        C("Rund 120 Gäste", 120, "approx", "Gäste"),
        C("mehr als 4.500 Mütter", 4500, "min", "Mütter"),
        C("zwölf Mentorinnen", 12, "exact", "Mentorinnen"),
    ],
)

# ---------------------------------------------------------------- 021 (short notice: webinar, 2017)
A(
    id="corpus-021", layout="portal", published="2017-11-28", slug="webinar_pressearbeit",
    title="Webinar: Pressearbeit für ESF-Projekte leicht gemacht",
    teaser="Das BMAS lädt Projektträger im Dezember zu einem kostenlosen Webinar über Presse- und "
           "Öffentlichkeitsarbeit ein.",
    body=[
        "Viele ESF-geförderte Projekte leisten hervorragende Arbeit, doch in der Lokalzeitung oder im Radio kommt davon "
        "oft wenig an. Das Bundesministerium für Arbeit und Soziales bietet deshalb am Dienstag, 12. Dezember 2017, "
        "von 10 bis 11.30 Uhr ein Webinar für Mitarbeiterinnen und Mitarbeiter von Projektträgern an.",
        "Die Kommunikationsberaterin Paula Winkler zeigt, wie eine gute Pressemitteilung aufgebaut ist, wann sich ein "
        "Pressetermin lohnt und wie Projekte soziale Medien nutzen können, ohne sich zu verzetteln. Außerdem geht es "
        "um die Publizitätsvorschriften, die die Europäische Kommission für ESF-Vorhaben festgelegt hat – von der "
        "Verwendung des EU-Emblems bis zum Hinweis auf die Förderung in Veröffentlichungen.",
        "Damit genug Raum für Fragen bleibt, ist die Teilnahme auf bis zu 30 Personen je Termin begrenzt. Weil die "
        "Nachfrage im vergangenen Jahr deutlich größer war als das Angebot, wird das Webinar am Donnerstag, "
        "18. Januar 2018, zur gleichen Uhrzeit wiederholt. Anmeldungen nimmt das ESF-Bürgertelefon bis zum "
        "5. Dezember entgegen.",
        "Technische Voraussetzungen sind ein Computer mit aktuellem Browser und ein Headset oder Lautsprecher; eine "
        "Kamera ist nicht erforderlich. Fragen können während der Veranstaltung jederzeit über die Chatfunktion "
        "gestellt werden.",
        "Das Angebot gehört zu einer Reihe von Unterstützungsleistungen, mit denen das BMAS die Träger in der "
        "ESF-Förderperiode 2014-2020 bei ihrer Kommunikation begleitet. Die Präsentation wird nach der Veranstaltung "
        "allen Angemeldeten zur Verfügung gestellt.",
    ],
    dates=[
        day("28.11.2017", "2017-11-28"),
        month("Dezember", 2017, 12),
        day("12. Dezember 2017", "2017-12-12"),
        year("im vergangenen Jahr", 2016),
        day("18. Januar 2018", "2018-01-18"),
        day("5. Dezember", "2017-12-05"),
        year("2014-2020", 2014, 2020),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "BMAS", "Bundesministerium für Arbeit und Soziales"),
        O("Europäische Kommission", None, "Europäische Kommission"),
    ],
    programmes=["ESF"],
    people=[P("Paula Winkler", "Kommunikationsberaterin", None)],
    locations=[],
    events=[
        E("webinar", "Webinar", "2017-12-12", "2017-12-12", None, 30),
        E("webinar", "Webinar", "2018-01-18", "2018-01-18", None, 30),
    ],
    counts=[C("bis zu 30 Personen", 30, "max", "Personen")],
)

# ---------------------------------------------------------------- 022 (call, 2018)
A(
    id="corpus-022", layout="portal", published="2018-06-18", slug="interessenbekundung_jugend_staerken",
    title="JUGEND STÄRKEN im Quartier: Interessenbekundungsverfahren für die Förderphase 2019 bis 2022",
    teaser="Kommunen können sich bis zum 31. August 2018 mit ihren Konzepten für die zweite Förderphase des "
           "ESF-Programms bewerben.",
    body=[
        "Das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) und das Bundesministerium des Innern, "
        "für Bau und Heimat (BMI) setzen das Programm „JUGEND STÄRKEN im Quartier“ fort. Am 12. Juni 2018 haben beide "
        "Häuser den Aufruf zur Interessenbekundung veröffentlicht. Gefördert werden Angebote für junge Menschen "
        "zwischen 12 und 26 Jahren, die von Schule, Jugendhilfe oder Arbeitsverwaltung kaum noch erreicht werden.",
        "Antragsberechtigt sind Landkreise, Städte und Gemeinden mit eigenem Jugendamt. Die Projekte sollen vorrangig "
        "in Gebieten des Städtebauförderungsprogramms „Soziale Stadt“ oder in vergleichbar benachteiligten Quartieren "
        "umgesetzt werden. Für die Förderphase stehen bis zu 190 Millionen Euro aus dem Europäischen Sozialfonds und "
        "aus Bundesmitteln bereit; eine Kommune kann jährlich höchstens 300.000 Euro erhalten.",
        ("h2", "Fristen und Verfahren"),
        "Interessenbekundungen sind bis zum 31.08.2018 über das Förderportal Z-EU-S einzureichen. Anschließend bewertet "
        "die Regiestelle beim Bundesamt für Familie und zivilgesellschaftliche Aufgaben (BAFzA) die Konzepte. Die "
        "ausgewählten Kommunen werden voraussichtlich im November 2018 zur Antragstellung aufgefordert, der "
        "Förderzeitraum reicht vom 1. Januar 2019 bis zum 31. Dezember 2022.",
        "Zur Vorbereitung finden zwei Informationsveranstaltungen statt: am 3. Juli 2018 in Köln und am 10. Juli 2018 "
        "in Berlin, jeweils von 10 bis 16 Uhr. Eine Anmeldung ist bis eine Woche vor dem jeweiligen Termin möglich. "
        "Die Unterlagen stehen auf der Programmwebsite zum Download bereit.",
        "„Wir wollen auch künftig die jungen Menschen erreichen, die sonst durch alle Raster fallen“, sagt Dr. Jan "
        "Wehrmann, Leiter des Referats Jugendsozialarbeit im BMFSFJ. In der ersten Förderphase seit 2015 haben sich "
        "178 Kommunen beteiligt; mehr als 50.000 junge Menschen wurden beraten und begleitet.",
    ],
    dates=[
        day("18.06.2018", "2018-06-18"),
        year("2019 bis 2022", 2019, 2022),
        day("31. August 2018", "2018-08-31"),
        day("12. Juni 2018", "2018-06-12"),
        month("November 2018", 2018, 11),
        day("3. Juli 2018", "2018-07-03"),
        day("10. Juli 2018", "2018-07-10"),
        year("seit 2015", 2015),
    ],
    dup_dates=["31.08.2018", "vom 1. Januar 2019 bis zum 31. Dezember 2022"],
    orgs=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        O("Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA",
          "Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA"),
    ],
    programmes=["JUGEND STÄRKEN im Quartier", "ESF", "Soziale Stadt"],
    people=[P("Jan Wehrmann", "Leiter des Referats Jugendsozialarbeit", "BMFSFJ")],
    locations=["Köln", "Berlin"],
    events=[
        E("other", "Informationsveranstaltungen", "2018-07-03", "2018-07-03", "Köln", None),
        E("other", "Informationsveranstaltungen", "2018-07-10", "2018-07-10", "Berlin", None),
    ],
    counts=[C("mehr als 50.000 junge Menschen", 50000, "min", "junge Menschen")],
    org_ok=["Soziale Stadt"],
)

# ---------------------------------------------------------------- 023 (partner blog: open day, 2018)
A(
    id="corpus-023", layout="partner", published="2018-09-24", slug="tag-der-offenen-tuer-schalke",
    title="Volles Haus beim Tag der offenen Tür im Stadtteilladen Schalke",
    tags=["BIWAQ", "Gelsenkirchen", "Veranstaltungen"],
    related=[("quartiersfruehstueck-rueckblick", "Rückblick: Quartiersfrühstück im Frühjahr"),
             ("neue-beratungszeiten", "Neue Beratungszeiten im Stadtteilladen")],
    body=[
        "Knapp 300 Besucherinnen und Besucher kamen am Samstag, 15. September, in unseren Stadtteilladen in "
        "Gelsenkirchen-Schalke. Beim Tag der offenen Tür stellte sich das BIWAQ-Projekt „Schalke arbeitet“ vor, das "
        "der Caritasverband für die Stadt Gelsenkirchen seit Januar 2016 gemeinsam mit der Stadt Gelsenkirchen "
        "umsetzt.",
        "Das Projekt wird aus Mitteln des Europäischen Sozialfonds und des Bundesministeriums des Innern, für Bau und "
        "Heimat gefördert. Es richtet sich an langzeitarbeitslose Menschen aus dem Quartier, vor allem an Frauen mit "
        "Fluchtgeschichte und an Menschen über 50. Seit dem Start haben 146 Teilnehmende unsere Beratungs- und "
        "Qualifizierungsangebote genutzt, rund ein Drittel von ihnen hat inzwischen eine Arbeit oder Ausbildung "
        "aufgenommen.",
        "Neben Infoständen gab es ein Studio für Bewerbungsfotos, eine Kleidertauschbörse sowie Kaffee und Kuchen aus "
        "unserer Projektküche. „Viele Gäste haben zum ersten Mal erfahren, dass es so ein Angebot direkt vor ihrer "
        "Haustür gibt“, freut sich Jana Kowalczyk, Projektleiterin beim Caritasverband. Auch das Jobcenter Gelsenkirchen war mit einem "
        "Stand vertreten: Jobcenter-Teamleiter Heinz-Werner Brandt beantwortete Fragen zu Weiterbildung und "
        "Bildungsgutscheinen.",
        "Für die Kinder hatte das Team eine Rallye durch den Stadtteil vorbereitet, bei der an zehn Stationen kleine "
        "Aufgaben rund um Berufe im Quartier zu lösen waren – vom Bäcker an der Ecke bis zur Fahrradwerkstatt.",
        "Im Rahmen der BIWAQ-Förderrunde 2015 bis 2018 läuft „Schalke arbeitet“ noch bis Dezember. Die Stadt hat sich "
        "aber bereits mit einem Anschlussprojekt für die nächste Runde beworben. Am 8. November laden wir alle "
        "Interessierten zu einem Quartiersfrühstück in Schalke ein, um gemeinsam Ideen für die Zeit ab 2019 zu "
        "sammeln.",
    ],
    dates=[
        day("24. September 2018", "2018-09-24"),
        day("15. September", "2018-09-15"),
        month("Januar 2016", 2016, 1),
        year("2015 bis 2018", 2015, 2018),
        month("Dezember", 2018, 12),
        day("8. November", "2018-11-08"),
        year("ab 2019", 2019),
    ],
    orgs=[
        O("Caritasverband für die Stadt Gelsenkirchen", None, "Caritasverband für die Stadt Gelsenkirchen",
          "Caritasverband"),
        O("Stadt Gelsenkirchen", None, "Stadt Gelsenkirchen"),
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministeriums des Innern, für Bau und Heimat"),
        O("Jobcenter Gelsenkirchen", None, "Jobcenter Gelsenkirchen"),
    ],
    programmes=["BIWAQ", "ESF"],
    people=[
        P("Jana Kowalczyk", "Projektleiterin", "Caritasverband für die Stadt Gelsenkirchen"),
        P("Heinz-Werner Brandt", "Teamleiter", "Jobcenter Gelsenkirchen"),
    ],
    locations=["Schalke", "Gelsenkirchen-Schalke"],
    events=[
        E("other", "Tag der offenen Tür", "2018-09-15", "2018-09-15", "Gelsenkirchen-Schalke", 300),
        E("meeting", "Quartiersfrühstück", "2018-11-08", "2018-11-08", "Schalke", None),
    ],
    counts=[
        C("Knapp 300 Besucherinnen und Besucher", 300, "approx", "Besucherinnen und Besucher"),
        C("146 Teilnehmende", 146, "exact", "Teilnehmende"),
    ],
    org_ok=["Jobcenter-Teamleiter", "Die Stadt hat"],
)

# ---------------------------------------------------------------- 024 (annual conference, 2019)
A(
    id="corpus-024", layout="portal", published="2019-04-02", slug="fachkraefte_sichern_jahrestagung",
    title="„Fachkräfte sichern“: Sozialpartner ziehen auf Jahrestagung in Berlin Bilanz",
    teaser="Gut 200 Vertreterinnen und Vertreter von Unternehmen, Betriebsräten und Bildungsträgern diskutierten "
           "über Weiterbildung und Gleichstellung in der Arbeitswelt von morgen.",
    body=[
        "Die Jahrestagung des ESF-Programms „Fachkräfte sichern: weiter bilden und Gleichstellung fördern“ fand am "
        "26. und 27. März 2019 in Berlin statt. Eingeladen hatten das Bundesministerium für Arbeit und Soziales (BMAS), "
        "die Bundesvereinigung der Deutschen Arbeitgeberverbände (BDA) und der Deutsche Gewerkschaftsbund (DGB), die "
        "das Programm seit 2015 gemeinsam tragen. Finanziert wird es aus dem Europäischen Sozialfonds und aus "
        "Bundesmitteln.",
        "Staatssekretär Björn Böhning (BMAS) hob in seiner Eröffnungsrede hervor, dass der digitale Wandel ohne eine "
        "neue Weiterbildungskultur nicht zu bewältigen sei. Seit Programmstart haben mehr als 160.000 Beschäftigte an "
        "geförderten Weiterbildungen teilgenommen, rund 40 Prozent von ihnen waren Frauen.",
        "Für die Arbeitgeberseite betonte Dr. Katharina Wolff von der BDA, dass gerade kleine und mittlere Unternehmen "
        "Unterstützung bei der Personalentwicklung brauchten. Stefan Kuhlmann, Abteilungsleiter beim "
        "DGB-Bundesvorstand, warb dafür, Betriebs- und Personalräte frühzeitig einzubinden: „Weiterbildung gelingt "
        "dort am besten, wo die Beschäftigten mitreden.“",
        ("h2", "Praxis im Mittelpunkt"),
        "In acht Praxisforen stellten Projekte ihre Ansätze vor, etwa ein Verbund von Handwerksbetrieben aus Thüringen, "
        "der gemeinsam Lernangebote für Gesellinnen und Gesellen entwickelt hat. Prof. Dr. Lena Hofbauer von der "
        "Ruhr-Universität Bochum präsentierte Ergebnisse einer Befragung von 2.400 Beschäftigten in geförderten "
        "Betrieben: Mehr als die Hälfte gab an, die neu erlernten Fähigkeiten unmittelbar im Arbeitsalltag "
        "anzuwenden.",
        "Das Programm läuft in der aktuellen Förderperiode noch bis Mitte 2022. Ein weiterer Förderaufruf ist für den "
        "Herbst angekündigt; interessierte Sozialpartner können sich bereits jetzt bei der Regiestelle im "
        "Bundesverwaltungsamt beraten lassen.",
    ],
    dates=[
        day("02.04.2019", "2019-04-02"),
        span("26. und 27. März 2019", "2019-03-26", "2019-03-27"),
        year("seit 2015", 2015),
        year("Mitte 2022", 2022),
        season("Herbst", "Herbst", 2019),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesvereinigung der Deutschen Arbeitgeberverbände", "BDA",
          "Bundesvereinigung der Deutschen Arbeitgeberverbände", "BDA"),
        O("Deutscher Gewerkschaftsbund", "DGB", "Deutsche Gewerkschaftsbund", "DGB"),
        O("Ruhr-Universität Bochum", None, "Ruhr-Universität Bochum"),
        O("Bundesverwaltungsamt", "BVA", "Bundesverwaltungsamt"),
    ],
    programmes=["Fachkräfte sichern", "ESF"],
    people=[
        P("Björn Böhning", "Staatssekretär", "BMAS"),
        P("Katharina Wolff", None, "BDA"),
        P("Stefan Kuhlmann", "Abteilungsleiter", "DGB"),
        P("Lena Hofbauer", None, "Ruhr-Universität Bochum"),
    ],
    locations=["Berlin", "Thüringen"],
    events=[
        E("conference", "Jahrestagung", "2019-03-26", "2019-03-27", "Berlin", 200),
    ],
    counts=[
        C("Gut 200 Vertreterinnen und Vertreter", 200, "approx", "Vertreterinnen und Vertreter"),
        C("mehr als 160.000 Beschäftigte", 160000, "min", "Beschäftigte"),
        C("2.400 Beschäftigten", 2400, "exact", "Beschäftigten"),
    ],
    org_ok=["Verbund"],
    not_dates=["Arbeitswelt von morgen"],
)

# ---------------------------------------------------------------- 025 (transnational conference, 2019)
A(
    id="corpus-025", layout="portal", published="2019-10-21", slug="transnationale_tagung_wien",
    title="Soziale Innovation im ESF: Transnationale Tagung in Wien",
    teaser="Etwa 60 Fachleute aus Verwaltungsbehörden und Projekten diskutierten in Wien, wie erfolgreiche Ansätze "
           "über Ländergrenzen hinweg übertragen werden können.",
    body=[
        "Am 8. Oktober 2019 trafen sich Vertreterinnen und Vertreter aus zwölf Mitgliedstaaten der Europäischen Union "
        "in der österreichischen Hauptstadt. Eingeladen hatte das österreichische Bundesministerium für Arbeit, "
        "Soziales, Gesundheit und Konsumentenschutz (BMASGK) gemeinsam mit der Europäischen Kommission. Aus "
        "Deutschland reiste eine Delegation des Bundesministeriums für Arbeit und Soziales (BMAS) an.",
        "Im Mittelpunkt stand die Frage, wie sich gute Projektideen aus dem Europäischen Sozialfonds in andere Regionen "
        "übertragen lassen. „Soziale Innovation darf nicht an der Landesgrenze enden“, sagte Dr. Elisabeth Maurer, "
        "Sektionsleiterin im BMASGK, zur Eröffnung. Für die Europäische Kommission stellte Pieter de Vries aus der "
        "Generaldirektion Beschäftigung, Soziales und Integration die Pläne für den künftigen ESF Plus vor, der die "
        "Förderung ab 2021 fortsetzen soll.",
        "Deutsche Beispiele kamen unter anderem aus dem Programm BIWAQ und aus der ESF-Integrationsrichtlinie Bund. "
        "Corinna Falk vom Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR) zeigte, wie lokale Ökonomie und "
        "Beschäftigungsförderung in benachteiligten Stadtteilen zusammengedacht werden können. Aus Finnland "
        "berichtete eine Projektleiterin aus Tampere über Gesundheitslotsen für arbeitslose Menschen.",
        ("h2", "Austausch in Arbeitsgruppen"),
        "Am Nachmittag arbeiteten die Teilnehmenden in vier Gruppen zu Jugendbeschäftigung, Digitalisierung, "
        "Armutsbekämpfung und Gleichstellung. Eine Gruppe widmete sich dem Konzept „BIWAQ 4.0“, mit dem "
        "Quartiersbetriebe bei der Digitalisierung unterstützt werden. Deutlich wurde, dass viele Mitgliedstaaten vor "
        "ähnlichen Herausforderungen stehen – vom Fachkräftemangel bis zur Erreichbarkeit benachteiligter Gruppen.",
        "Die Ergebnisse fließen in ein Positionspapier ein, das im ersten Quartal 2020 an die Europäische Kommission "
        "übergeben werden soll. Das nächste transnationale Treffen ist für den 12. und 13. Mai 2020 in Lissabon "
        "geplant.",
    ],
    dates=[
        day("21.10.2019", "2019-10-21"),
        day("8. Oktober 2019", "2019-10-08"),
        year("ab 2021", 2021),
        quarter("im ersten Quartal 2020", 1, 2020),
        span("12. und 13. Mai 2020", "2020-05-12", "2020-05-13"),
    ],
    orgs=[
        O("Bundesministerium für Arbeit, Soziales, Gesundheit und Konsumentenschutz", "BMASGK",
          "Bundesministerium für Arbeit, Soziales, Gesundheit und Konsumentenschutz", "BMASGK"),
        O("Europäische Kommission", None, "Europäischen Kommission", "Europäische Kommission"),
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministeriums für Arbeit und Soziales", "BMAS"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
    ],
    programmes=["ESF", "ESF Plus", "BIWAQ", "ESF-Integrationsrichtlinie Bund"],
    people=[
        P("Elisabeth Maurer", "Sektionsleiterin", "BMASGK"),
        P("Pieter de Vries", None, "Europäische Kommission"),
        P("Corinna Falk", None, "BBSR"),
    ],
    locations=["Wien", "Deutschland", "Finnland", "Tampere", "Lissabon"],
    events=[
        E("conference", "Transnationale Tagung", "2019-10-08", "2019-10-08", "Wien", 60),
        E("meeting", None, "2020-05-12", "2020-05-13", "Lissabon", None),
    ],
    counts=[C("Etwa 60 Fachleute", 60, "approx", "Fachleute")],
)

# ---------------------------------------------------------------- 026 (online workshop series, 2020)
A(
    id="corpus-026", layout="portal", published="2020-12-10", slug="rueckenwind_online_werkstaetten",
    title="rückenwind: Digitale Werkstattreihe statt Jahrestagung",
    teaser="Statt sich in Präsenz zu treffen, tauschten sich die Projekte des ESF-Programms „rückenwind“ in diesem "
           "Herbst an zehn Online-Terminen aus.",
    body=[
        "Eigentlich hätte die Jahrestagung 2020 des Programms „rückenwind – Für die Beschäftigten und Unternehmen in "
        "der Sozialwirtschaft“ im Mai stattfinden sollen. Wegen der Corona-Pandemie sagten das Bundesministerium für "
        "Arbeit und Soziales (BMAS) und die Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege (BAGFW) die "
        "Präsenzveranstaltung ab und entwickelten stattdessen ein digitales Format.",
        "Vom 16. November bis zum 4. Dezember 2020 fanden insgesamt zehn Online-Werkstätten statt, an denen sich mehr "
        "als 350 Teilnehmende aus Wohlfahrtsverbänden, Einrichtungen und Beratungsunternehmen beteiligten. Die Themen "
        "reichten von der Gewinnung von Fachkräften über betriebliches Gesundheitsmanagement bis zu digitalen "
        "Arbeitsabläufen in Pflege und Eingliederungshilfe.",
        "„Die Pandemie hat gezeigt, wie unverzichtbar die Beschäftigten in der Sozialwirtschaft sind“, sagte Dr. "
        "Ingrid Vollmer, Leiterin der Abteilung Europäische Fonds im BMAS, zur Eröffnung. Gerade jetzt lohne es sich, "
        "in Weiterbildung und gute Arbeitsbedingungen zu investieren. Martina Rösch, stellvertretende "
        "Geschäftsführerin der BAGFW, ergänzte, viele Einrichtungen hätten in kurzer Zeit enorme Veränderungen "
        "bewältigt.",
        ("h2", "Bilanz der Förderperiode"),
        "In der laufenden Förderperiode wurden seit 2015 bundesweit 230 Vorhaben gefördert, etwa 21.000 Beschäftigte "
        "nahmen an Qualifizierungen teil. Das Bundesverwaltungsamt (BVA), das die Projekte als Regiestelle betreut, "
        "zieht eine positive Zwischenbilanz: Rund 82 Prozent der befragten Beschäftigten bewerteten die Angebote als "
        "gut oder sehr gut.",
        "Die Ergebnisse der Werkstätten werden im ersten Quartal 2021 in einer Online-Dokumentation veröffentlicht. "
        "Eine Abschlussveranstaltung des Programms soll – wenn es die Lage erlaubt – Ende Mai 2021 in Berlin "
        "stattfinden. Mit Blick auf die ESF Plus-Förderperiode 2021-2027 arbeiten BMAS und BAGFW bereits an einem "
        "Nachfolgeprogramm.",
    ],
    dates=[
        day("10.12.2020", "2020-12-10"),
        season("in diesem Herbst", "Herbst", 2020),
        year("2020", 2020),
        month("im Mai", 2020, 5),
        span("Vom 16. November bis zum 4. Dezember 2020", "2020-11-16", "2020-12-04"),
        year("seit 2015", 2015),
        quarter("im ersten Quartal 2021", 1, 2021),
        month("Ende Mai 2021", 2021, 5),
        year("2021-2027", 2021, 2027),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW",
          "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW"),
        O("Bundesverwaltungsamt", "BVA", "Bundesverwaltungsamt", "BVA"),
    ],
    programmes=["rückenwind", "ESF", "ESF Plus"],
    people=[
        P("Ingrid Vollmer", "Leiterin der Abteilung Europäische Fonds", "BMAS"),
        P("Martina Rösch", "stellvertretende Geschäftsführerin", "BAGFW"),
    ],
    locations=["Berlin"],
    events=[
        E("workshop", "Online-Werkstätten", "2020-11-16", "2020-12-04", None, 350),
        E("other", "Abschlussveranstaltung", "2021-05-01", "2021-05-31", "Berlin", None),
    ],
    counts=[
        C("mehr als 350 Teilnehmende", 350, "min", "Teilnehmende"),
        C("etwa 21.000 Beschäftigte", 21000, "approx", "Beschäftigte"),
    ],
    org_ok=["Wohlfahrtsverbänden"],
)

# ---------------------------------------------------------------- 027 (partner blog: award, 2021)
A(
    id="corpus-027", layout="partner", published="2021-05-19", slug="quartierspreis-werkstatt-evershagen",
    title="Rostocker Quartierspreis für unsere Jugendwerkstatt in Evershagen",
    tags=["JUGEND STÄRKEN im Quartier", "Rostock", "Auszeichnung"],
    related=[("fahrradaktion-fruehling", "Fahrradaktion im Frühling: 60 Räder wieder flott"),
             ("werkstatt-17-neue-raeume", "Werkstatt 17 bezieht neue Räume")],
    body=[
        "Große Freude in Evershagen: Unsere „Werkstatt 17“ hat den Rostocker Quartierspreis 2021 gewonnen. Mit dem "
        "Preis zeichnet die Hansestadt Rostock jedes Jahr Initiativen aus, die das Zusammenleben in den Stadtteilen "
        "stärken. Die Preisverleihung fand am Freitag, 14. Mai, wegen der Pandemie online statt – gut 120 Gäste waren "
        "zugeschaltet.",
        "In der „Werkstatt 17“ reparieren junge Menschen zwischen 14 und 26 Jahren Fahrräder, bauen Möbel für "
        "Nachbarschaftsgärten und bekommen Unterstützung bei Schule, Ausbildungssuche und Behördengängen. Seit dem "
        "Projektstart im Januar 2019 haben wir 94 Jugendliche begleitet, die von anderen Angeboten kaum noch erreicht "
        "wurden.",
        "Die Werkstatt ist ein Projekt im ESF-Programm „JUGEND STÄRKEN im Quartier“, das vom Bundesministerium für "
        "Familie, Senioren, Frauen und Jugend und vom Bundesministerium des Innern, für Bau und Heimat aus Mitteln des "
        "Europäischen Sozialfonds gefördert wird. Die Hansestadt Rostock koordiniert als Modellkommune die Projekte "
        "vor Ort, wir als Diakonieverein Nordwest-Rostock e. V. sind Träger der Werkstatt.",
        "In ihrer Laudatio lobte die Jury-Vorsitzende Prof. Dr. Birte Hansen von der Hochschule Neubrandenburg, dass "
        "die Jugendlichen die Werkstatt von Anfang an mitgestaltet hätten. Unser Werkstattleiter Lukas Behrens nahm den "
        "Preis gemeinsam mit Jugendlichen aus der Werkstatt vor der Kamera entgegen. Das Preisgeld von 2.000 Euro "
        "fließt in neue Werkzeuge und eine zweite Werkbank.",
        "In Mecklenburg-Vorpommern haben die Projekte von JUGEND STÄRKEN im Quartier seit 2019 gut 1.200 Jugendliche "
        "erreicht. Die aktuelle Förderphase endet im Dezember 2022 – wir hoffen sehr, dass es danach weitergeht. Am "
        "2. Juni öffnen wir die Werkstatt in Evershagen übrigens für einen Tag der offenen Tür, natürlich mit "
        "Hygienekonzept.",
    ],
    dates=[
        day("19. Mai 2021", "2021-05-19"),
        year("2021", 2021),
        day("14. Mai", "2021-05-14"),
        month("Januar 2019", 2019, 1),
        year("seit 2019", 2019),
        month("Dezember 2022", 2022, 12),
        day("2. Juni", "2021-06-02"),
    ],
    orgs=[
        O("Hansestadt Rostock", None, "Hansestadt Rostock"),
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend"),
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat"),
        O("Diakonieverein Nordwest-Rostock e. V.", None, "Diakonieverein Nordwest-Rostock e. V."),
        O("Hochschule Neubrandenburg", None, "Hochschule Neubrandenburg"),
    ],
    programmes=["JUGEND STÄRKEN im Quartier", "ESF"],
    people=[
        P("Birte Hansen", "Jury-Vorsitzende", "Hochschule Neubrandenburg"),
        P("Lukas Behrens", "Werkstattleiter", "Diakonieverein Nordwest-Rostock e. V."),
    ],
    locations=["Evershagen", "Mecklenburg-Vorpommern"],
    events=[
        E("award", "Preisverleihung", "2021-05-14", "2021-05-14", None, 120),
        E("other", "Tag der offenen Tür", "2021-06-02", "2021-06-02", "Evershagen", None),
    ],
    counts=[
        C("gut 120 Gäste", 120, "approx", "Gäste"),
        C("94 Jugendliche", 94, "exact", "Jugendliche"),
        C("gut 1.200 Jugendliche", 1200, "approx", "Jugendliche"),
    ],
)

# ---------------------------------------------------------------- 028 (call, 2021)
A(
    id="corpus-028", layout="portal", published="2021-09-15", slug="foerderaufruf_bildungskommunen",
    title="Förderaufruf „Bildungskommunen“: BMBF unterstützt datenbasiertes Bildungsmanagement",
    teaser="Kreise und kreisfreie Städte können bis zum 29. Oktober 2021 Projektskizzen für das neue ESF "
           "Plus-Programm des Bundesministeriums für Bildung und Forschung einreichen.",
    body=[
        "Mit dem heute veröffentlichten Förderaufruf startet das Bundesministerium für Bildung und Forschung (BMBF) das "
        "Programm „Bildungskommunen“. Es baut auf den Erfahrungen aus „Bildung integriert“ und der Transferinitiative "
        "Kommunales Bildungsmanagement auf, an denen sich seit 2014 mehr als 300 Kommunen beteiligt haben.",
        "Gefördert werden Kreise und kreisfreie Städte in ganz Deutschland, die ihre Bildungsangebote mithilfe von "
        "Daten besser aufeinander abstimmen wollen – von der frühkindlichen Bildung bis zur Weiterbildung im Alter. "
        "Ein Schwerpunkt liegt auf Angeboten für Menschen mit Einwanderungsgeschichte und für junge Menschen am "
        "Übergang von der Schule in den Beruf. Für die erste Förderrunde von 2022 bis 2026 stehen rund 110 Millionen "
        "Euro aus dem Europäischen Sozialfonds Plus (ESF Plus) und aus Bundesmitteln zur Verfügung.",
        ("h2", "So läuft das Verfahren"),
        "Projektskizzen sind bis zum 29. Oktober 2021, 12 Uhr, elektronisch über das Portal easy-Online einzureichen. "
        "Die fachliche Begleitung übernimmt das Deutsche Zentrum für Luft- und Raumfahrt (DLR), dessen Projektträger "
        "die Skizzen im Auftrag des BMBF bewertet. Die ausgewählten Kommunen werden im ersten Quartal 2022 zur "
        "förmlichen Antragstellung aufgefordert.",
        "Am 5. Oktober 2021 findet von 10:00 bis 12:30 Uhr ein Webinar statt, in dem das Verfahren Schritt für Schritt "
        "erläutert wird. Die Teilnahme ist ohne Anmeldung möglich; eine Aufzeichnung wird anschließend online "
        "bereitgestellt.",
        "„Gute Bildung entsteht vor Ort, in den Kommunen“, sagte Michael Meister, Parlamentarischer Staatssekretär bei "
        "der Bundesministerin für Bildung und Forschung. Das Programm gehört zu den ersten Vorhaben des Bundes im ESF "
        "Plus, dessen Förderperiode die Jahre 2021-2027 umfasst.",
    ],
    dates=[
        day("15.09.2021", "2021-09-15"),
        day("29. Oktober 2021", "2021-10-29"),
        year("seit 2014", 2014),
        year("2022 bis 2026", 2022, 2026),
        quarter("im ersten Quartal 2022", 1, 2022),
        day("5. Oktober 2021", "2021-10-05"),
        year("2021-2027", 2021, 2027),
    ],
    dup_dates=["heute"],
    orgs=[
        O("Bundesministerium für Bildung und Forschung", "BMBF",
          "Bundesministeriums für Bildung und Forschung", "Bundesministerium für Bildung und Forschung", "BMBF"),
        O("Deutsches Zentrum für Luft- und Raumfahrt", "DLR", "Deutsche Zentrum für Luft- und Raumfahrt", "DLR"),
    ],
    programmes=["Bildungskommunen", "Bildung integriert", "Transferinitiative Kommunales Bildungsmanagement",
                "ESF Plus"],
    people=[P("Michael Meister", "Parlamentarischer Staatssekretär", "BMBF")],
    locations=["Deutschland"],
    events=[E("webinar", "Webinar", "2021-10-05", "2021-10-05", None, None)],
    counts=[],
    org_ok=["Bundesministerin für Bildung und Forschung"],
)

# ---------------------------------------------------------------- 029 (closing event, 2022)
A(
    id="corpus-029", layout="portal", published="2022-06-29", slug="stark_im_beruf_abschlussveranstaltung",
    title="Abschlussveranstaltung: „Stark im Beruf“ zieht nach sieben Jahren Bilanz",
    teaser="Mit einer Abschlussveranstaltung in Berlin hat das Bundesfamilienministerium das ESF-Bundesprogramm "
           "„Stark im Beruf – Mütter mit Migrationshintergrund steigen ein“ verabschiedet.",
    body=[
        "Am 21. Juni 2022 kamen rund 250 Projektleitungen, Teilnehmerinnen und Gäste aus Politik, Verwaltung und "
        "Wirtschaft in Berlin zusammen, um auf sieben Jahre „Stark im Beruf“ zurückzublicken. Das Programm des "
        "Bundesministeriums für Familie, Senioren, Frauen und Jugend (BMFSFJ) endet am 30. Juni 2022 zusammen mit der "
        "ESF-Förderperiode 2014-2020.",
        "Ekin Deligöz, Parlamentarische Staatssekretärin bei der Bundesfamilienministerin, dankte den Projektteams für "
        "ihr Engagement. Seit 2015 haben knapp 14.000 Mütter an den Angeboten teilgenommen, mehr als ein Drittel von "
        "ihnen hat anschließend eine Arbeit, eine Ausbildung oder eine weiterführende Qualifizierung begonnen. „Diese "
        "Frauen haben gezeigt, was möglich ist, wenn man ihnen etwas zutraut“, sagte Deligöz.",
        "Wie Teilhabe konkret gelingt, zeigten drei Projekte auf dem Podium. Aus Gelsenkirchen berichtete "
        "Projektleiterin Fatma Korkmaz vom Bildungswerk Emscher-Lippe (BWEL), dass viele Teilnehmerinnen über "
        "Elterncafés in Kitas und Grundschulen gewonnen wurden. In Halle (Saale) setzte das Projekt auf digitale "
        "Sprechstunden, die während der Pandemie besonders gefragt waren.",
        ("h2", "Was bleibt"),
        "Prof. Dr. Annette Brandl von der Hochschule für Wirtschaft und Recht Berlin stellte die Ergebnisse der "
        "Abschlussevaluation vor. Besonders wirksam sei die Kombination aus individueller Begleitung, berufsbezogener "
        "Sprachförderung und der frühen Einbindung von Arbeitgebern gewesen. Viele Ansätze werden in anderen "
        "Programmen fortgeführt: So überträgt das BWEL sein Mentoring-Konzept in ein Projekt des neuen ESF "
        "Plus-Programms „ElternChanceN“.",
        "Die Ergebnisse des Programms sind in einer Broschüre zusammengefasst, die ab Ende Juli kostenlos beim BMFSFJ "
        "bestellt werden kann.",
    ],
    dates=[
        day("29.06.2022", "2022-06-29"),
        day("21. Juni 2022", "2022-06-21"),
        day("30. Juni 2022", "2022-06-30"),
        year("2014-2020", 2014, 2020),
        year("Seit 2015", 2015),
        month("Ende Juli", 2022, 7),
    ],
    orgs=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ", "Bundesfamilienministerium",
          "Bundesministeriums für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bildungswerk Emscher-Lippe", "BWEL", "Bildungswerk Emscher-Lippe", "BWEL"),
        O("Hochschule für Wirtschaft und Recht Berlin", "HWR", "Hochschule für Wirtschaft und Recht Berlin"),
    ],
    programmes=["Stark im Beruf", "ESF", "ESF Plus", "ElternChanceN"],
    people=[
        P("Ekin Deligöz", "Parlamentarische Staatssekretärin", "BMFSFJ"),
        P("Fatma Korkmaz", "Projektleiterin", "BWEL"),
        P("Annette Brandl", None, "Hochschule für Wirtschaft und Recht Berlin"),
    ],
    locations=["Berlin", "Gelsenkirchen", "Halle (Saale)"],
    events=[
        E("other", "Abschlussveranstaltung", "2022-06-21", "2022-06-21", "Berlin", 250),
    ],
    counts=[
        C("rund 250 Projektleitungen, Teilnehmerinnen und Gäste", 250, "approx",
          "Projektleitungen, Teilnehmerinnen und Gäste"),
        C("knapp 14.000 Mütter", 14000, "approx", "Mütter"),
    ],
    org_ok=["Bundesfamilienministerin"],
)

# ---------------------------------------------------------------- 030 (call, 2022)
A(
    id="corpus-030", layout="portal", published="2022-10-12", slug="interessenbekundung_inqa_coaching",
    title="INQA-Coaching: Erstberatungsstellen für neues ESF Plus-Programm gesucht",
    teaser="Bis zum 18. November 2022 können sich Kammern, Wirtschaftsförderungen und Verbände als "
           "Erstberatungsstellen für das Programm „INQA-Coaching“ bewerben.",
    body=[
        "Kleine und mittlere Unternehmen stehen vor großen Veränderungen: Digitalisierung, Fachkräftemangel und der "
        "Umbau hin zu einer klimaneutralen Wirtschaft verändern die Arbeitswelt. Mit dem neuen Programm "
        "„INQA-Coaching“ unterstützt das Bundesministerium für Arbeit und Soziales (BMAS) ab dem 1. Januar 2023 "
        "Betriebe mit weniger als 250 Beschäftigten dabei, diesen Wandel gemeinsam mit ihren Belegschaften zu "
        "gestalten. Gefördert wird das Programm aus dem Europäischen Sozialfonds Plus (ESF Plus).",
        "Das Programm folgt auf „unternehmensWert:Mensch“, das von 2015 bis 2022 aus dem ESF gefördert wurde. In "
        "dieser Zeit nahmen mehr als 8.500 Unternehmen eine Prozessberatung in Anspruch, rund 48.000 Beschäftigte "
        "waren unmittelbar an den Beratungsprozessen beteiligt.",
        ("h2", "Aufgaben der Erstberatungsstellen"),
        "Erstberatungsstellen sind die erste Anlaufstelle für interessierte Betriebe. Sie prüfen die "
        "Fördervoraussetzungen, klären den Beratungsbedarf und stellen den Beratungsscheck aus, mit dem Unternehmen "
        "bis zu zwölf Coachingtage bei einem autorisierten Coach in Anspruch nehmen können. Bundesweit sollen rund "
        "120 Erstberatungsstellen entstehen, damit Betriebe in allen Regionen kurze Wege haben.",
        "Interessenbekundungen sind bis zum 18. November 2022 einzureichen. Das Bundesamt für Wirtschaft und "
        "Ausfuhrkontrolle (BAFA), das die Förderung abwickelt, informiert am 25. Oktober 2022 um 14 Uhr in einem "
        "Webinar über das Verfahren. Fachlich begleitet wird das Programm von der Bundesanstalt für Arbeitsschutz und "
        "Arbeitsmedizin (BAuA), die auch die Geschäftsstelle der Initiative Neue Qualität der Arbeit (INQA) betreibt.",
        "„Gute Arbeit entsteht im Betrieb – mit den Menschen, die dort arbeiten“, sagte Kerstin Bauer, Leiterin der "
        "INQA-Geschäftsstelle bei der BAuA. Sie rechnet damit, dass in den ersten Jahren bis zu 5.000 Unternehmen "
        "ein Coaching beginnen.",
    ],
    dates=[
        day("12.10.2022", "2022-10-12"),
        day("18. November 2022", "2022-11-18"),
        day("1. Januar 2023", "2023-01-01"),
        year("von 2015 bis 2022", 2015, 2022),
        day("25. Oktober 2022", "2022-10-25"),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesamt für Wirtschaft und Ausfuhrkontrolle", "BAFA", "Bundesamt für Wirtschaft und Ausfuhrkontrolle",
          "BAFA"),
        O("Bundesanstalt für Arbeitsschutz und Arbeitsmedizin", "BAuA",
          "Bundesanstalt für Arbeitsschutz und Arbeitsmedizin", "BAuA"),
    ],
    programmes=["INQA-Coaching", "ESF Plus", "unternehmensWert:Mensch", "ESF", "INQA"],
    people=[P("Kerstin Bauer", "Leiterin der INQA-Geschäftsstelle", "BAuA")],
    locations=[],
    events=[E("webinar", "Webinar", "2022-10-25", "2022-10-25", None, None)],
    counts=[C("rund 48.000 Beschäftigte", 48000, "approx", "Beschäftigte")],
    org_ok=["Kammern, Wirtschaftsförderungen und Verbände"],
)

# ---------------------------------------------------------------- 031 (annual conference, 2023)
A(
    id="corpus-031", layout="portal", published="2023-05-10", slug="ehap_plus_jahrestagung_essen",
    title="EhAP Plus: Jahrestagung in Essen rückt wohnungslose Menschen in den Blick",
    teaser="Knapp 150 Fachkräfte aus Beratungsstellen, Kommunen und Wohlfahrtsverbänden tauschten sich über Wege "
           "aus der Wohnungslosigkeit und den Zugang zu Hilfen aus.",
    body=[
        "Vom 3. bis 5. Mai 2023 fand in Essen die erste Jahrestagung des ESF Plus-Programms „EhAP Plus – Eingliederung "
        "hilft gegen Ausgrenzung der am stärksten benachteiligten Personen“ statt. Das Programm wird vom "
        "Bundesministerium für Arbeit und Soziales (BMAS) und vom Bundesministerium für Familie, Senioren, Frauen und "
        "Jugend (BMFSFJ) gemeinsam verantwortet. Es unterstützt neu zugewanderte Unionsbürgerinnen und Unionsbürger, "
        "wohnungslose und von Wohnungslosigkeit bedrohte Menschen sowie deren Kinder.",
        "Dr. Ulrike Sander, Unterabteilungsleiterin im BMAS, erinnerte in ihrem Grußwort daran, dass die Zahl "
        "wohnungsloser Menschen in Deutschland weiter steigt. Seit Anfang 2023 beraten die Projekte an 72 Standorten; "
        "in den ersten vier Monaten wurden bereits rund 2.300 Menschen erreicht.",
        "Wie schwierig der Zugang zu Hilfen sein kann, schilderte Agnieszka Nowak vom Caritasverband für das Bistum "
        "Essen. Viele Ratsuchende wüssten nicht, welche Ansprüche sie haben, und scheiterten an Sprachbarrieren und "
        "Formularen. Ihr Team begleitet Menschen deshalb zu Ämtern, Vermietern und Arztpraxen. Gemeinsam mit der "
        "Diakonie Rheinland-Westfalen-Lippe bietet die Caritas zudem eine mobile Sprechstunde in Notunterkünften an.",
        ("h2", "Kinder von Anfang an mitdenken"),
        "Ein Forum widmete sich den Kindern der Zielgruppe. Prof. Dr. Henrik Vogt von der Universität Duisburg-Essen "
        "präsentierte eine Studie, nach der viele Kinder aus neu zugewanderten Familien erst nach Monaten einen Kita- "
        "oder Schulplatz erhalten. Vogt empfahl, die Beratung der Eltern eng mit den Bildungseinrichtungen vor Ort zu "
        "verzahnen.",
        "Die nächste Jahrestagung ist für Ende Mai 2024 in Hamburg geplant. Zuvor finden im Juni 2023 drei "
        "Online-Seminare zu Datenschutz und Dokumentation statt, an denen jeweils bis zu 40 Personen teilnehmen "
        "können.",
    ],
    source="Auszug aus dem ESF-Newsletter 2/2023",
    dates=[
        day("10.05.2023", "2023-05-10"),
        span("Vom 3. bis 5. Mai 2023", "2023-05-03", "2023-05-05"),
        year("Seit Anfang 2023", 2023),
        month("Ende Mai 2024", 2024, 5),
        month("im Juni 2023", 2023, 6),
    ],
    dup_dates=["2/2023"],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Caritasverband für das Bistum Essen", None, "Caritasverband für das Bistum Essen", "Caritas"),
        O("Diakonie Rheinland-Westfalen-Lippe", None, "Diakonie Rheinland-Westfalen-Lippe"),
        O("Universität Duisburg-Essen", None, "Universität Duisburg-Essen"),
    ],
    programmes=["EhAP Plus", "ESF Plus"],
    people=[
        P("Ulrike Sander", "Unterabteilungsleiterin", "BMAS"),
        P("Agnieszka Nowak", None, "Caritasverband für das Bistum Essen"),
        P("Henrik Vogt", None, "Universität Duisburg-Essen"),
    ],
    locations=["Essen", "Deutschland", "Hamburg"],
    events=[
        E("conference", "Jahrestagung", "2023-05-03", "2023-05-05", "Essen", 150),
        E("conference", "Jahrestagung", "2024-05-01", "2024-05-31", "Hamburg", None),
        E("seminar", "Online-Seminare", "2023-06-01", "2023-06-30", None, None),
    ],
    counts=[
        C("Knapp 150 Fachkräfte", 150, "approx", "Fachkräfte"),
        C("rund 2.300 Menschen", 2300, "approx", "Menschen"),
        C("bis zu 40 Personen", 40, "max", "Personen"),
    ],
    org_ok=["Wohlfahrtsverbänden"],
)

# ---------------------------------------------------------------- 032 (short notice: visit, 2023)
A(
    id="corpus-032", layout="portal", published="2023-09-12", slug="projektbesuch_geywitz_duisburg",
    title="Bundesbauministerin Geywitz besucht BIWAQ-Projekt in Duisburg-Marxloh",
    teaser="Bei ihrem Projektbesuch in Duisburg informierte sich Klara Geywitz über die Arbeit des BIWAQ-Projekts "
           "„Marxloh schafft Arbeit“.",
    body=[
        "Am 7. September 2023 war Bundesministerin Klara Geywitz zu Gast in Duisburg-Marxloh. Das Bundesministerium für "
        "Wohnen, Stadtentwicklung und Bau (BMWSB) fördert dort seit Januar 2023 ein Projekt, das langzeitarbeitslose "
        "Menschen und kleine Gewerbetreibende im Stadtteil unterstützt. Umgesetzt wird es von der Stadt Duisburg "
        "gemeinsam mit der Entwicklungsgesellschaft Duisburg (EG DU).",
        "Bei einem Rundgang durch das Quartier sprach die Ministerin mit Teilnehmenden, Beschäftigten und "
        "Ladenbesitzern. Seit Projektstart haben 85 Frauen und Männer an Qualifizierungen teilgenommen, viele von "
        "ihnen arbeiten inzwischen in Handel, Gastronomie oder Logistik. „Hier sieht man, was BIWAQ im Kleinen "
        "leistet: Menschen bekommen eine Perspektive, und das Quartier gewinnt“, sagte Geywitz.",
        "Projektleiter Emre Yıldız erläuterte, wie das Team Menschen direkt auf der Straße, in Vereinen und in "
        "Moscheegemeinden anspricht. Eng eingebunden ist auch das Jobcenter Duisburg, das jeden Mittwoch im "
        "Projektbüro eine offene Sprechstunde anbietet.",
        "BIWAQ wird in der Förderrunde 2023 bis 2026 aus Mitteln des ESF Plus und des Bundes finanziert. Bundesweit "
        "beteiligen sich 75 Kommunen mit insgesamt 79 Projekten an dem Programm.",
    ],
    caption="© BMWSB / Tom Weller",
    dates=[
        day("12.09.2023", "2023-09-12"),
        day("7. September 2023", "2023-09-07"),
        month("Januar 2023", 2023, 1),
        year("2023 bis 2026", 2023, 2026),
    ],
    orgs=[
        O("Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB",
          "Bundesministerium für Wohnen, Stadtentwicklung und Bau", "BMWSB"),
        O("Stadt Duisburg", None, "Stadt Duisburg"),
        O("Entwicklungsgesellschaft Duisburg", "EG DU", "Entwicklungsgesellschaft Duisburg", "EG DU"),
        O("Jobcenter Duisburg", None, "Jobcenter Duisburg"),
    ],
    programmes=["BIWAQ", "ESF Plus"],
    people=[
        P("Klara Geywitz", "Bundesbauministerin", "BMWSB"),
        P("Emre Yıldız", "Projektleiter", None),
    ],
    locations=["Duisburg-Marxloh", "Duisburg"],
    events=[E("other", "Projektbesuch", "2023-09-07", "2023-09-07", "Duisburg-Marxloh", None)],
    counts=[C("85 Frauen und Männer", 85, "exact", "Frauen und Männer")],
    org_ok=["Bundesbauministerin", "Bundesministerin", "Ministerin"],
)

# ---------------------------------------------------------------- 033 (partner blog: fair, 2024)
A(
    id="corpus-033", layout="partner", published="2024-11-18", slug="consozial-2024-team-zukunft",
    title="ConSozial 2024: Unser rückenwind³-Projekt auf der Messe in Nürnberg",
    tags=["rückenwind³", "Messe", "Personalentwicklung"],
    related=[("team-zukunft-halbzeit", "Halbzeit bei „Team Zukunft“"),
             ("dienstplaene-selbst-gestalten", "Dienstpläne selbst gestalten – so geht’s")],
    body=[
        "Am 23. und 24. Oktober 2024 war es so weit: Zum ersten Mal war das Sozialwerk Franken mit einem eigenen Stand "
        "auf der ConSozial in Nürnberg vertreten, der großen Fachmesse der Sozialwirtschaft. An beiden Tagen kamen "
        "knapp 300 Besucherinnen und Besucher an unseren Stand, um mehr über unser Projekt „Team Zukunft“ zu erfahren.",
        "„Team Zukunft“ wird seit März 2023 im ESF Plus-Programm „rückenwind³“ vom Bundesministerium für Arbeit und "
        "Soziales und der Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege (BAGFW) gefördert. Unser Ziel: In "
        "allen 14 Einrichtungen sollen die Mitarbeitenden selbst mitentscheiden, wie Dienstpläne, Einarbeitung und "
        "Fortbildung organisiert werden. Rund 420 Beschäftigte sind bereits beteiligt.",
        "Besonders gefragt war unser Dienstplan-Workshop, den wir an beiden Messetagen jeweils um 11 Uhr angeboten "
        "haben. Unsere Personalentwicklerin Miriam Schuster zeigte dort, wie das Team unseres Seniorenzentrums in Fürth "
        "flexible Schichtmodelle entwickelt hat, mit denen Teilzeitkräfte ihre Arbeitszeit besser planen können.",
        "Ausgerichtet wird die ConSozial vom Bayerischen Staatsministerium für Familie, Arbeit und Soziales (StMAS). "
        "Staatsministerin Ulrike Scharf machte bei ihrem Rundgang am ersten Messetag auch an unserem Stand Halt und "
        "ließ sich von Auszubildenden erklären, was Selbstorganisation im Alltag bedeutet. Gleich nebenan präsentierte "
        "sich Der Paritätische Bayern, unser Spitzenverband, mit weiteren Mitgliedsorganisationen.",
        "Mit dem Projekt haben wir im vergangenen Jahr begonnen, bis Ende 2025 wollen wir die neuen Arbeitsweisen in "
        "allen Einrichtungen verankern. Nächster Termin: Am 5. Dezember stellen wir erste Ergebnisse bei einem Fachtag "
        "der BAGFW in Berlin vor.",
    ],
    dates=[
        day("18. November 2024", "2024-11-18"),
        year("2024", 2024),
        span("23. und 24. Oktober 2024", "2024-10-23", "2024-10-24"),
        month("März 2023", 2023, 3),
        year("im vergangenen Jahr", 2023),
        year("Ende 2025", 2025),
        day("5. Dezember", "2024-12-05"),
    ],
    orgs=[
        O("Sozialwerk Franken", None, "Sozialwerk Franken"),
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales"),
        O("Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW",
          "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege", "BAGFW"),
        O("Bayerisches Staatsministerium für Familie, Arbeit und Soziales", "StMAS",
          "Bayerischen Staatsministerium für Familie, Arbeit und Soziales", "StMAS"),
        O("Der Paritätische Bayern", None, "Der Paritätische Bayern"),
    ],
    programmes=["rückenwind³", "ESF Plus"],
    people=[
        P("Miriam Schuster", "Personalentwicklerin", "Sozialwerk Franken"),
        P("Ulrike Scharf", "Staatsministerin", "StMAS"),
    ],
    locations=["Nürnberg", "Fürth", "Berlin"],
    events=[
        E("fair", "ConSozial", "2024-10-23", "2024-10-24", "Nürnberg", None),
        E("conference", "Fachtag", "2024-12-05", "2024-12-05", "Berlin", None),
    ],
    counts=[
        C("knapp 300 Besucherinnen und Besucher", 300, "approx", "Besucherinnen und Besucher"),
        C("Rund 420 Beschäftigte", 420, "approx", "Beschäftigte"),
    ],
    org_ok=["Staatsministerin", "Spitzenverband"],
)

# ---------------------------------------------------------------- 034 (call, 2025)
A(
    id="corpus-034", layout="portal", published="2025-03-03", slug="interessenbekundung_perspektive_wiedereinstieg",
    title="Interessenbekundung: Neue Standorte für „Perspektive Wiedereinstieg“ gesucht",
    teaser="Bis zum 30. April 2025 können sich Träger um eine Förderung im ESF Plus-Programm „Perspektive "
           "Wiedereinstieg – Potenziale nutzen“ bewerben.",
    body=[
        "Das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) baut sein Angebot für Frauen und "
        "Männer aus, die nach einer längeren familienbedingten Pause in den Beruf zurückkehren möchten. Mit dem "
        "aktuellen Aufruf sollen bis zu 25 zusätzliche Standorte gewonnen werden, vor allem in ländlichen Regionen in "
        "Mecklenburg-Vorpommern, Sachsen-Anhalt und Thüringen.",
        "Seit dem Start der ersten Modellphase im Jahr 2009 haben mehr als 35.000 Wiedereinsteigerinnen und "
        "Wiedereinsteiger an den Angeboten teilgenommen. Gemeinsam mit der Bundesagentur für Arbeit bietet das "
        "Programm Coaching und Qualifizierung an und hilft bei der Organisation von Kinderbetreuung oder der Pflege "
        "von Angehörigen.",
        "„Wer nach Jahren der Familienarbeit zurück in den Beruf will, bringt viel Erfahrung mit – Betriebe sollten "
        "dieses Potenzial nutzen“, sagt Dr. Sandra Hoyer, Leiterin der Unterabteilung Gleichstellung im BMFSFJ. Eine "
        "Evaluation des Bundesinstituts für Berufsbildung (BIBB) hatte im vergangenen Jahr gezeigt, dass rund zwei "
        "Drittel der Teilnehmenden innerhalb eines Jahres nach Projektende erwerbstätig waren.",
        ("h2", "Wer kann sich bewerben?"),
        "Antragsberechtigt sind gemeinnützige Bildungsträger, Wohlfahrtsverbände und Kommunen. Der Förderzeitraum "
        "umfasst die Jahre 2025 bis 2028, die neuen Projekte sollen am 1. Oktober 2025 starten. Interessenbekundungen "
        "sind bis zum 30.04.2025 über das Förderportal einzureichen.",
        "Das Bundesamt für Familie und zivilgesellschaftliche Aufgaben (BAFzA) bietet am 18. März 2025 um 14 Uhr eine "
        "digitale Sprechstunde an, in der Fragen zum Verfahren beantwortet werden. Die Zugangsdaten werden nach "
        "der Anmeldung per E-Mail verschickt.",
    ],
    dates=[
        day("03.03.2025", "2025-03-03"),
        day("30. April 2025", "2025-04-30"),
        year("im Jahr 2009", 2009),
        year("im vergangenen Jahr", 2024),
        year("2025 bis 2028", 2025, 2028),
        day("1. Oktober 2025", "2025-10-01"),
        day("18. März 2025", "2025-03-18"),
    ],
    dup_dates=["30.04.2025"],
    orgs=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Bundesagentur für Arbeit", "BA", "Bundesagentur für Arbeit"),
        O("Bundesinstitut für Berufsbildung", "BIBB", "Bundesinstituts für Berufsbildung", "BIBB"),
        O("Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA",
          "Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "BAFzA"),
    ],
    programmes=["Perspektive Wiedereinstieg", "ESF Plus"],
    people=[P("Sandra Hoyer", "Leiterin der Unterabteilung Gleichstellung", "BMFSFJ")],
    locations=["Mecklenburg-Vorpommern", "Sachsen-Anhalt", "Thüringen"],
    events=[E("webinar", "digitale Sprechstunde", "2025-03-18", "2025-03-18", None, None)],
    counts=[C("mehr als 35.000 Wiedereinsteigerinnen und Wiedereinsteiger", 35000, "min",
              "Wiedereinsteigerinnen und Wiedereinsteiger")],
    org_ok=["Wohlfahrtsverbände"],
)

# --- END OF ARTICLES ---


# =========================================================================== rendering
def de_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def de_long(iso: str) -> str:
    d = _dt.date.fromisoformat(iso)
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def file_stem(a: dict) -> str:
    return a["published"].replace("-", "_") + "_" + a["slug"]


def url_of(a: dict) -> str:
    if a["layout"] == "partner":
        return f"{PARTNER_URL}/{a['slug']}.html"
    return f"{PORTAL_URL}/{a['published'][:4]}/{file_stem(a)}.html"


def path_of(a: dict) -> Path:
    if a["layout"] == "partner":
        return PARTNER / f"{a['slug']}.html"
    return PORTAL / a["published"][:4] / f"{file_stem(a)}.html"


def _blocks(a: dict) -> list[str]:
    return [b[1] if isinstance(b, tuple) else b for b in a["body"]]


def body_text(a: dict) -> str:
    return "\n\n".join(_blocks(a))


def gold_text(a: dict) -> str:
    if a["layout"] == "partner":
        parts = [a["title"], de_long(a["published"])] + _blocks(a)
    else:
        parts = [a["title"], "Datum\n" + de_date(a["published"]), a["teaser"]] + _blocks(a)
        if a.get("source"):
            parts.append(a["source"])
    return "\n\n".join(parts)


def _e(s: str) -> str:
    return html.escape(s, quote=False)


def _a(s: str) -> str:
    return html.escape(s, quote=True)


def _body_html(a: dict) -> str:
    out = []
    for b in a["body"]:
        if isinstance(b, tuple):
            out.append(f"<h2>{_e(b[1])}</h2>")
        else:
            out.append(f"<p>{_e(b)}</p>")
    return "".join(out)


def render_portal(a: dict) -> str:
    y = a["published"][:4]
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="de"><head><meta charset="utf-8">\n',
        f"<title>ESF in Deutschland - {_e(a['title'])}</title>\n",
        f'<link rel="canonical" href="{_a(url_of(a))}">\n',
        f'<meta name="description" content="{_a(a["teaser"])}">\n',
        f'<meta name="DC.date.issued" content="{a["published"]}">\n',
        "</head><body>\n",
        '<div id="wrapperOuter"><header id="header"><nav class="navMain"><ul>'
        '<li><a href="/portal/DE/Home/home_node.html">Startseite</a></li>'
        '<li><a href="/portal/DE/Aktuelles/Meldungen/meldungen_node.html">Meldungen</a></li>'
        '<li><a href="/portal/DE/Service/Kontakt/kontakt_node.html">Kontakt</a></li>'
        "</ul></nav></header>\n",
        '<main id="main"><div id="content" class="article">\n',
        f'<h1 class="isFirstInSlot">{_e(a["title"])}</h1>\n',
        f'<p class="date"><span>Datum</span> {de_date(a["published"])}</p>\n',
        f'<div class="abstract"><p>{_e(a["teaser"])}</p></div>\n',
        f'<div class="text">{_body_html(a)}</div>\n',
    ]
    if a.get("source"):
        parts.append(f'<p class="source">{_e(a["source"])}</p>\n')
    if a.get("caption"):
        parts.append(f'<div class="picture"><p class="caption">{_e(a["caption"])}</p></div>\n')
    parts += [
        "</div></main>\n",
        '<footer id="footer"><p>© Bundesministerium für Arbeit und Soziales</p>'
        '<a href="/portal/DE/Service/Impressum/impressum_node.html">Impressum</a></footer></div>\n',
        "</body></html>\n",
    ]
    assert y == a["published"][:4]
    return "".join(parts)


PARTNER_SITE = "Quartier & Arbeit – Das Partnerblog"
PARTNER_SIDEBAR = [
    ("/aktuelles/index.html", "Alle Beiträge"),
    ("/aktuelles/kategorie/projekte.html", "Aus den Projekten"),
    ("/aktuelles/kategorie/termine.html", "Termine"),
    ("/aktuelles/archiv.html", "Archiv"),
    ("/ueber-uns.html", "Über das Netzwerk"),
]


def render_partner(a: dict) -> str:
    pub = a["published"]
    month_no = int(pub[5:7])
    tz = "+02:00" if 4 <= month_no <= 10 else "+01:00"
    side = "".join(f'<li><a href="{_a(h)}">{_e(t)}</a></li>' for h, t in PARTNER_SIDEBAR)
    more = "".join(f'<li><a href="/aktuelles/{_a(s)}.html">{_e(t)}</a></li>' for s, t in a.get("related", []))
    tags = ", ".join(a.get("tags", []))
    return "".join([
        "<!DOCTYPE html>\n",
        '<html lang="de"><head><meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_e(a['title'])} | {_e(PARTNER_SITE)}</title>\n",
        f'<meta property="og:title" content="{_a(a["title"])}">\n',
        '<meta property="og:type" content="article">\n',
        f'<meta property="og:url" content="{_a(url_of(a))}">\n',
        f'<meta property="article:published_time" content="{pub}T09:30:00{tz}">\n',
        f'<link rel="canonical" href="{_a(url_of(a))}">\n',
        '<link rel="stylesheet" href="/assets/blog.css">\n',
        "</head><body>\n",
        '<div class="page">\n',
        f'<div class="topbar"><a class="brand" href="/">{_e(PARTNER_SITE)}</a>'
        '<a class="skip" href="#post">Zum Inhalt springen</a></div>\n',
        f'<div class="sidebar"><h3>Navigation</h3><ul>{side}</ul>'
        f'<h3>Weitere Beiträge</h3><ul>{more}</ul>'
        '<div class="widget newsletter"><p>Bleiben Sie informiert: Unser Rundbrief erscheint viermal im Jahr.</p>'
        '<a href="/rundbrief.html">Jetzt abonnieren</a></div></div>\n',
        '<article class="post" id="post">\n',
        f'<h1 class="post-title">{_e(a["title"])}</h1>\n',
        f'<time datetime="{pub}">{de_long(pub)}</time>\n',
        f'<div class="entry-content">{_body_html(a)}</div>\n',
        f'<div class="post-tags">Schlagworte: {_e(tags)}</div>\n',
        '<div class="share">Teilen: <a href="#">E-Mail</a> <a href="#">Drucken</a></div>\n',
        "</article>\n",
        '<div class="site-footer"><p>Ein Gemeinschaftsblog von Trägern aus Quartiersprojekten.</p>'
        '<a href="/impressum.html">Impressum</a> <a href="/datenschutz.html">Datenschutz</a></div>\n',
        "</div></body></html>\n",
    ])


def gold_record(a: dict) -> dict:
    return {
        "id": a["id"],
        "url": url_of(a),
        "title": a["title"],
        "published": a["published"],
        "text": gold_text(a),
        "dates": a["dates"],
        "organisations": a["orgs"],
        "programmes": a["programmes"],
        "people": a["people"],
        "locations": a["locations"],
        "events": a["events"],
        "participant_counts": a["counts"],
    }


# =========================================================================== self-check
NUMBER_WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
                "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}
APPROX = ("etwa", "rund", "circa", "ca.", "knapp", "fast", "gut", "annähernd")
MINQ = ("mehr als", "über", "mindestens")
MAXQ = ("bis zu", "höchstens")
EVENT_TYPES = {"conference", "workshop", "seminar", "meeting", "webinar", "award", "fair", "kickoff", "other"}
ORG_TRIGGERS = re.compile(
    r"\w*(?:[Mm]inisteri|Bundesamt|Bundesagentur|Bundesinstitut|Bundesverwaltungsamt|Jobcenter|"
    r"Universität|Hochschule|Caritas|Diakonie|Paritätische|Kommission|Rentenversicherung|Institut|"
    r"[Kk]ammer|AWO|Arbeitsgemeinschaft|[Vv]erband|[Vv]erbände|Gewerkschaft|Hansestadt|Stiftung)\w*"
    r"|\bStadt\b")
DATE_TRIGGERS = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(?:" + "|".join(MONTHS) +
    r")\b|\b(?:Frühjahr|Frühling|Sommer|Herbst|Winter|Quartal|Jahresende|Jahresbeginn|heute|morgen|gestern)\b"
    r"|\b(?:vergangenen|nächsten|kommenden|diesem|dieses|diesjährig\w*)\s+Jahr\w*")


def _iso(s):
    return s is None or bool(_dt.date.fromisoformat(s))


def _spans(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


def _covered(text: str, pos: tuple[int, int], surfaces) -> bool:
    for s in surfaces:
        for a, b in _spans(text, s):
            if a <= pos[0] and pos[1] <= b:
                return True
    return False


def _count_of(t: str):
    m = re.search(r"\d{1,3}(?:\.\d{3})+|\d+", t)
    if m:
        return int(m.group(0).replace(".", ""))
    for w, n in NUMBER_WORDS.items():
        if re.search(rf"\b{w}\b", t, re.I):
            return n
    return None


def _qual_of(t: str) -> str:
    low = t.lower()
    for q in MAXQ:
        if low.startswith(q) or f" {q} " in f" {low}"[:len(q) + 8]:
            return "max"
    for q in MINQ:
        if low.startswith(q) or re.match(rf"^(?:weit |deutlich )?{q}\b", low):
            return "min"
    for q in APPROX:
        if low.startswith(q + " "):
            return "approx"
    return "exact"


def check(a: dict, rec: dict) -> list[str]:
    errs: list[str] = []
    t = rec["text"]
    aid = rec["id"]
    # shape
    body = body_text(a)
    paras = [b for b in a["body"] if not isinstance(b, tuple)]
    if not (1200 <= len(body) <= 3000):
        errs.append(f"{aid}: body length {len(body)} outside 1200..3000")
    if not (3 <= len(paras) <= 7):
        errs.append(f"{aid}: {len(paras)} paragraphs")
    if a["layout"] == "portal" and "." in a["teaser"][:-1].replace("z. B.", "").replace("e. V.", ""):
        # one sentence teaser (allow abbreviations / decimal numbers)
        if re.search(r"(?<!\d)[.!?] [A-ZÄÖÜ„]", a["teaser"]):
            errs.append(f"{aid}: teaser has more than one sentence")
    # dates
    seen = set()
    for d in rec["dates"]:
        if d["text"] not in t:
            errs.append(f"{aid}: date text not in text: {d['text']!r}")
        _iso(d["start"]), _iso(d["end"])
        if d["start"] > d["end"]:
            errs.append(f"{aid}: date start>end {d}")
        k = (d["start"], d["end"])
        if k in seen:
            errs.append(f"{aid}: duplicate interval {k}")
        seen.add(k)
    if a["layout"] == "portal" and de_date(a["published"]) != rec["dates"][0]["text"]:
        errs.append(f"{aid}: first date should be the Datum line")
    surfaces = [d["text"] for d in rec["dates"]] + a.get("dup_dates", []) + a.get("not_dates", [])
    for s in a.get("dup_dates", []) + a.get("not_dates", []):
        if s not in t:
            errs.append(f"{aid}: dup/not date surface missing: {s!r}")
    for m in DATE_TRIGGERS.finditer(t):
        if not _covered(t, m.span(), surfaces):
            errs.append(f"{aid}: date-like token not covered: {m.group(0)!r} …{t[max(0, m.start() - 30):m.end() + 30]!r}")
    # organisations
    names = set()
    for o in rec["organisations"]:
        if o["name"] in names:
            errs.append(f"{aid}: duplicate org {o['name']}")
        names.add(o["name"])
        if not o["aliases"]:
            errs.append(f"{aid}: org without aliases {o['name']}")
        for al in o["aliases"]:
            if al not in t:
                errs.append(f"{aid}: alias not in text: {al!r}")
            elif not re.search(r"(?<!\w)" + re.escape(al) + r"(?!\w)", t):
                errs.append(f"{aid}: alias only inside a word: {al!r}")
        if o["acronym"] and re.search(r"(?<!\w)" + re.escape(o["acronym"]) + r"(?!\w)", t) \
                and o["acronym"] not in o["aliases"]:
            errs.append(f"{aid}: acronym {o['acronym']} in text but not an alias")
        if len(set(o["aliases"])) != len(o["aliases"]):
            errs.append(f"{aid}: duplicate alias in {o['name']}")
    all_aliases = [al for o in rec["organisations"] for al in o["aliases"]] + a.get("org_ok", [])
    for s in a.get("org_ok", []):
        if s not in t:
            errs.append(f"{aid}: org_ok surface missing: {s!r}")
    for m in ORG_TRIGGERS.finditer(t):
        if not _covered(t, m.span(), all_aliases):
            errs.append(f"{aid}: org-like word not covered: {m.group(0)!r} …{t[max(0, m.start() - 40):m.end() + 40]!r}")
    org_keys = {o["acronym"] for o in rec["organisations"] if o["acronym"]} | names
    # programmes
    if len(set(rec["programmes"])) != len(rec["programmes"]):
        errs.append(f"{aid}: duplicate programme")
    for p in rec["programmes"]:
        if p not in t and not (p == "ESF" and "Sozialfonds" in t):
            errs.append(f"{aid}: programme not in text: {p!r}")
    # people
    pn = set()
    for p in rec["people"]:
        if p["name"] in pn:
            errs.append(f"{aid}: duplicate person {p['name']}")
        pn.add(p["name"])
        if p["name"] not in t:
            errs.append(f"{aid}: person not in text: {p['name']!r}")
        if p["role"] and p["role"] not in t:
            errs.append(f"{aid}: role not verbatim in text: {p['role']!r}")
        if p["organisation"] and p["organisation"] not in org_keys and p["organisation"] not in a.get("person_org_ok", []):
            errs.append(f"{aid}: person org {p['organisation']!r} not an annotated org")
    # locations
    if len(set(rec["locations"])) != len(rec["locations"]):
        errs.append(f"{aid}: duplicate location")
    for loc in rec["locations"]:
        if not re.search(r"(?<!\w)" + re.escape(loc) + r"(?!\w)", t):
            errs.append(f"{aid}: location not in text: {loc!r}")
    # events
    keys = set()
    for e in rec["events"]:
        if e["type"] not in EVENT_TYPES:
            errs.append(f"{aid}: bad event type {e['type']}")
        _iso(e["start"]), _iso(e["end"])
        if (e["start"] is None) != (e["end"] is None):
            errs.append(f"{aid}: event half-dated {e}")
        if e["location"] is not None and e["location"] not in rec["locations"]:
            errs.append(f"{aid}: event location not in locations: {e['location']}")
        if e["name"] is not None and e["name"] not in t:
            errs.append(f"{aid}: event name not in text: {e['name']!r}")
        if e["participants"] is not None and not isinstance(e["participants"], int):
            errs.append(f"{aid}: event participants not int")
        if e["start"] is not None and (e["start"], e["end"]) not in seen:
            errs.append(f"{aid}: event interval {e['start']}..{e['end']} not among dates")
        k = (e["start"], e["location"])
        if k in keys:
            errs.append(f"{aid}: two events with same start+location {k}")
        keys.add(k)
    # participant counts
    ck = set()
    for c in rec["participant_counts"]:
        if c["text"] not in t:
            errs.append(f"{aid}: count text not in text: {c['text']!r}")
        if c["who"] not in c["text"]:
            errs.append(f"{aid}: who not inside count text: {c['who']!r}")
        if _count_of(c["text"]) != c["count"]:
            errs.append(f"{aid}: count {c['count']} does not match text {c['text']!r}")
        if _qual_of(c["text"]) != c["qualifier"]:
            errs.append(f"{aid}: qualifier {c['qualifier']} vs text {c['text']!r}")
        k = (c["count"], c["qualifier"])
        if k in ck:
            errs.append(f"{aid}: duplicate count pair {k}")
        ck.add(k)
    return errs


def main(argv: list[str], articles: list[dict] | None = None) -> int:
    """Write pages and gold for `articles` (default: this script's) and self-check them."""
    articles = ARTICLES if articles is None else articles
    check_only = "--check-only" in argv
    errs: list[str] = []
    ids, urls = set(), set()
    for a in articles:
        rec = gold_record(a)
        if rec["id"] in ids:
            errs.append(f"duplicate id {rec['id']}")
        if rec["url"] in urls:
            errs.append(f"duplicate url {rec['url']}")
        ids.add(rec["id"])
        urls.add(rec["url"])
        errs += check(a, rec)
        if not check_only:
            p = path_of(a)
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(render_portal(a) if a["layout"] == "portal" else render_partner(a), encoding="utf-8")
            GOLD.mkdir(parents=True, exist_ok=True)
            with open(GOLD / f"{rec['id']}.json", "w", encoding="utf-8") as f:
                json.dump(rec, f, ensure_ascii=False, indent=1)
    # ids / urls unique across the whole gold folder (other writers included)
    seen_ids: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    for g in sorted(GOLD.glob("*.json")):
        try:
            r = json.loads(g.read_text(encoding="utf-8"))
        except Exception as ex:  # another writer may be mid-write
            print(f"warning: cannot read {g.name}: {ex}")
            continue
        if r.get("id") in seen_ids:
            errs.append(f"id {r['id']} in {g.name} and {seen_ids[r['id']]}")
        if r.get("url") in seen_urls:
            errs.append(f"url {r['url']} in {g.name} and {seen_urls[r['url']]}")
        seen_ids[r.get("id")] = g.name
        seen_urls[r.get("url")] = g.name
    for e in errs:
        print("ERROR", e)
    print(f"{len(articles)} articles, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
