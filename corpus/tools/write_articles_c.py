#!/usr/bin/env python3
"""Write bundled corpus articles corpus-035 .. corpus-044 (HTML pages + gold JSON): a blind held-out set.

Written without looking at the extractor's rules.  Same scheme as write_articles_b.py: each article is held
here once, as data, and both the HTML page under corpus/site/ and the gold record under corpus/gold/ are
generated from it.  Page templates, date helpers and the self-check are imported from write_articles_b.

Usage:  python corpus/tools/write_articles_c.py [--check-only]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_shorthands import C, E, O, P  # noqa: E402
from write_articles_b import main as write_main  # noqa: E402
from write_articles_b import (  # noqa: E402  (helpers only; b's own article list is not used here)
    day, month, quarter, season, span, year)

ARTICLES: list[dict] = []


def A(**kw):
    ARTICLES.append(kw)


# =========================================================================== ARTICLES
# ---------------------------------------------------------------- 035 (EU Commission visit, 2016)
A(
    id="corpus-035", layout="portal", published="2016-07-11", slug="besuch_eu_kommission_saarland",
    title="Hoher Besuch: EU-Kommission informiert sich über ESF-Projekte im Saarland",
    teaser="Zwei Tage lang, am 5. und 6. Juli 2016, hat sich eine Delegation der Europäischen Kommission im "
           "Saarland angesehen, wie Mittel aus dem Europäischen Sozialfonds (ESF) bei den Menschen ankommen.",
    body=[
        "Angeführt wurde die Gruppe von Dr. Katharina Weiß-Brandner, Referatsleiterin in der Generaldirektion "
        "Beschäftigung, Soziales und Integration. Begleitet wurde sie von Fachleuten des Bundesministeriums für "
        "Arbeit und Soziales (BMAS) sowie des saarländischen Ministeriums für Soziales, Gesundheit, Frauen und "
        "Familie. „Zahlen aus Berichten kennen wir gut genug – wir wollten hören, was die Menschen selbst über ihre "
        "Projekte sagen“, erklärte Weiß-Brandner zum Auftakt.",
        "Erste Station am Dienstagvormittag war das Jobcenter im Regionalverband Saarbrücken. Geschäftsführer Jörg "
        "Anstätt-Weber schilderte, wie dort gemeinsam mit Beschäftigungsträgern Langzeitarbeitslose über das "
        "ESF-Programm für langzeitarbeitslose Leistungsberechtigte begleitet werden. Seit dem Programmstart im "
        "Frühjahr 2015 haben in Saarbrücken rund 230 Frauen und Männer eine sozialversicherungspflichtige "
        "Beschäftigung aufgenommen, die mit Lohnkostenzuschüssen gefördert wird; ein Coaching-Team aus acht "
        "Fachkräften steht ihnen zur Seite.",
        ("h2", "Werkstatt statt Klassenzimmer"),
        "Am Nachmittag ging es weiter nach Völklingen. Im Stadtteil Wehrden arbeitet seit 2015 ein BIWAQ-Projekt des "
        "Diakonischen Werks an der Saar, das junge Erwachsene ohne Berufsabschluss über handwerkliche Arbeiten im "
        "Quartier an eine Ausbildung heranführt. Gut 40 Jugendliche und junge Erwachsene haben bislang "
        "teilgenommen, zwölf Ausbildungsverträge wurden inzwischen unterschrieben. Projektleiterin Elena Kocak "
        "führte die Gäste durch die Werkstatt, in der gerade Sitzbänke für den neuen Quartiersplatz entstehen.",
        "Am Mittwoch trafen die Gäste in Saarbrücken Auszubildende aus kleinen und mittleren Betrieben, die über das "
        "ESF-Programm JOBSTARTER plus des Bundesministeriums für Bildung und Forschung (BMBF) gewonnen wurden. Mehr "
        "als 60 Betriebe beteiligen sich im Saarland inzwischen an dem Ansatz, bis Ende 2016 sollen es nach Angaben "
        "der Projektverantwortlichen 80 sein.",
        "Für die Bundesprogramme stehen in der Förderperiode 2014–2020 rund 2,7 Milliarden Euro aus dem ESF zur "
        "Verfügung. Ihre Eindrücke will Weiß-Brandner in die nächste Sitzung des ESF-Begleitausschusses einbringen, "
        "die am Donnerstag, 10. November, in Berlin stattfindet.",
    ],
    caption="© BMAS / Thomas Imo",
    dates=[
        day("11.07.2016", "2016-07-11"),
        span("5. und 6. Juli 2016", "2016-07-05", "2016-07-06"),
        season("Frühjahr 2015", "Frühjahr", 2015),
        year("seit 2015", 2015),
        year("Ende 2016", 2016),
        year("2014–2020", 2014, 2020),
        day("Donnerstag, 10. November", "2016-11-10"),
    ],
    orgs=[
        O("Europäische Kommission", None, "EU-Kommission", "Europäischen Kommission"),
        O("Bundesministerium für Arbeit und Soziales", "BMAS",
          "Bundesministeriums für Arbeit und Soziales", "BMAS"),
        O("Ministerium für Soziales, Gesundheit, Frauen und Familie des Saarlandes", None,
          "Ministeriums für Soziales, Gesundheit, Frauen und Familie"),
        O("Jobcenter im Regionalverband Saarbrücken", None, "Jobcenter im Regionalverband Saarbrücken"),
        O("Diakonisches Werk an der Saar", None, "Diakonischen Werks an der Saar"),
        O("Bundesministerium für Bildung und Forschung", "BMBF",
          "Bundesministeriums für Bildung und Forschung", "BMBF"),
    ],
    programmes=["ESF", "BIWAQ", "JOBSTARTER plus"],
    people=[
        P("Katharina Weiß-Brandner", "Referatsleiterin", "Europäische Kommission"),
        P("Jörg Anstätt-Weber", "Geschäftsführer", "Jobcenter im Regionalverband Saarbrücken"),
        P("Elena Kocak", "Projektleiterin", "Diakonisches Werk an der Saar"),
    ],
    locations=["Saarland", "Saarbrücken", "Völklingen", "Wehrden", "Berlin"],
    events=[
        E("other", None, "2016-07-05", "2016-07-06", "Saarland", None),
        E("meeting", "Sitzung des ESF-Begleitausschusses", "2016-11-10", "2016-11-10", "Berlin", None),
    ],
    counts=[
        C("rund 230 Frauen und Männer", 230, "approx", "Frauen und Männer"),
        C("Gut 40 Jugendliche und junge Erwachsene", 40, "approx", "Jugendliche und junge Erwachsene"),
    ],
)

# ---------------------------------------------------------------- 036 (women in STEM workshop series, 2017)
A(
    id="corpus-036", layout="portal", published="2017-04-03", slug="minteinander_werkstattreihe",
    title="MINTeinander: Werkstattreihe für Frauen in Technik und Naturwissenschaft startet in Dresden",
    teaser="Wie mehr Frauen in technische und naturwissenschaftliche Berufe kommen und dort auch bleiben, ist Thema "
           "einer Werkstattreihe des ESF-Programms MINTeinander, die im Mai beginnt.",
    body=[
        "Drei Werkstätten an drei Hochschulstandorten: Mit diesem Format will das Bundesministerium für Familie, "
        "Senioren, Frauen und Jugend (BMFSFJ) die 16 Modellprojekte des Programms „MINTeinander – Frauen in Technik "
        "und Naturwissenschaft“ mit Unternehmen, Hochschulen und Kammern ins Gespräch bringen. Organisiert wird die "
        "Reihe von der Regiestelle des Programms beim Kompetenzzentrum Technik-Diversity-Chancengleichheit e. V.",
        "Den Anfang macht Dresden (23.–24. Mai): Gastgeberin der Auftaktwerkstatt ist die Hochschule für Technik "
        "und Wirtschaft Dresden (HTW Dresden). Deren Vizepräsidentin, Prof. Dr. Sabine Reuter-Klemm, wird über "
        "Mentoring-Programme für Studentinnen in den Ingenieurwissenschaften sprechen. „Wir verlieren zu viele "
        "junge Frauen zwischen dem ersten Semester und dem ersten Arbeitsvertrag“, sagt Reuter-Klemm. Anmeldeschluss "
        "für Dresden ist der 28. April.",
        "Am Dienstag, 20. Juni, folgt in Bochum eine eintägige Werkstatt an der dortigen Ruhr-Universität, die sich mit "
        "Ausbildungsberufen im Handwerk und in der Industrie befasst. Ende September schließt die Reihe am "
        "Karlsruher Institut für Technologie (KIT) in Karlsruhe ab; dort steht der Wiedereinstieg von "
        "Ingenieurinnen nach der Familienphase im Mittelpunkt.",
        ("h2", "Begrenzte Plätze"),
        "Pro Termin können bis zu 35 Frauen teilnehmen, hinzu kommen Vertreterinnen und Vertreter der "
        "Modellprojekte. Das BMFSFJ stellt für MINTeinander bis 2019 insgesamt rund 9,4 Millionen Euro aus dem "
        "Europäischen Sozialfonds (ESF) und aus Bundesmitteln bereit.",
        "Dass Bedarf besteht, zeigen die Zahlen: In vielen Ingenieurberufen liegt der Frauenanteil noch immer unter "
        "15 Prozent. Seit dem Programmstart im Januar 2016 haben mehr als 1.100 Schülerinnen und Studentinnen an "
        "Angeboten der Modellprojekte teilgenommen, berichtet Dr. Anja Vollmer, Leiterin der Regiestelle. Eine "
        "Dokumentation aller drei Werkstätten soll Anfang Oktober erscheinen.",
    ],
    caption="© BMFSFJ",
    dates=[
        day("03.04.2017", "2017-04-03"),
        month("im Mai", 2017, 5),
        span("23.–24. Mai", "2017-05-23", "2017-05-24"),
        day("28. April", "2017-04-28"),
        day("Dienstag, 20. Juni", "2017-06-20"),
        month("Ende September", 2017, 9),
        year("bis 2019", 2019),
        month("Januar 2016", 2016, 1),
        month("Anfang Oktober", 2017, 10),
    ],
    orgs=[
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ",
          "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ"),
        O("Kompetenzzentrum Technik-Diversity-Chancengleichheit e. V.", None,
          "Kompetenzzentrum Technik-Diversity-Chancengleichheit e. V."),
        O("Hochschule für Technik und Wirtschaft Dresden", "HTW Dresden",
          "Hochschule für Technik und Wirtschaft Dresden", "HTW Dresden"),
        O("Ruhr-Universität Bochum", None, "Ruhr-Universität"),
        O("Karlsruher Institut für Technologie", "KIT", "Karlsruher Institut für Technologie", "KIT"),
    ],
    programmes=["MINTeinander", "ESF"],
    people=[
        P("Sabine Reuter-Klemm", "Vizepräsidentin", "HTW Dresden"),
        P("Anja Vollmer", "Leiterin der Regiestelle", "Kompetenzzentrum Technik-Diversity-Chancengleichheit e. V."),
    ],
    locations=["Dresden", "Bochum", "Karlsruhe"],
    events=[
        E("workshop", "Auftaktwerkstatt", "2017-05-23", "2017-05-24", "Dresden", None),
        E("workshop", "Werkstatt", "2017-06-20", "2017-06-20", "Bochum", None),
        E("workshop", None, "2017-09-01", "2017-09-30", "Karlsruhe", None),
    ],
    counts=[
        C("bis zu 35 Frauen", 35, "max", "Frauen"),
        C("mehr als 1.100 Schülerinnen und Studentinnen", 1100, "min", "Schülerinnen und Studentinnen"),
    ],
    org_ok=["Hochschulstandorten", "Hochschulen und Kammern"],
)

# ---------------------------------------------------------------- 037 (Jobcenter cooperation, 2018)
A(
    id="corpus-037", layout="portal", published="2018-02-19", slug="kooperation_jobcenter_kreis_recklinghausen",
    title="Gemeinsam im Quartier: Jobcenter und BIWAQ-Projekte im Kreis Recklinghausen schließen Kooperation",
    teaser="Mit einer Kooperationsvereinbarung wollen das Jobcenter Kreis Recklinghausen und drei BIWAQ-Projekte in "
           "Marl, Herten und Gladbeck langzeitarbeitslose Menschen künftig noch gezielter erreichen.",
    body=[
        "Unterzeichnet wurde die Vereinbarung am Mittwoch, 14. Februar, im Rathaus in Marl. Neben Dr. Frank "
        "Rosendahl, Geschäftsführer des Jobcenters Kreis Recklinghausen, setzten auch die Erste Beigeordnete der "
        "Stadt Marl, Claudia Berghoff-Nies, sowie Vertreterinnen und Vertreter der drei Projektträger ihre "
        "Unterschrift unter das Papier. Die Projekte werden vom Diakonischen Werk im Kirchenkreis Recklinghausen, "
        "von der AWO Unterbezirk Münsterland-Recklinghausen und vom Caritasverband für die Stadt Gladbeck getragen.",
        "„Wir kennen die Menschen aus unseren Beratungsgesprächen, die Projekte kennen das Quartier. Das müssen wir "
        "endlich zusammenbringen“, sagte Rosendahl bei der Unterzeichnung. Künftig sollen zwölf "
        "Integrationsfachkräfte als feste Ansprechpersonen für die Projekte zur Verfügung stehen, einmal im Monat "
        "finden gemeinsame Fallbesprechungen statt.",
        ("h2", "Knapp 600 Menschen erreicht"),
        "Seit Projektstart Anfang 2015 haben die drei Vorhaben knapp 600 Langzeitarbeitslose erreicht. Viele von "
        "ihnen leben in Großwohnsiedlungen wie Marl-Hüls oder Gladbeck-Brauck, in denen die Arbeitslosigkeit "
        "deutlich über dem Durchschnitt der zehn kreisangehörigen Städte liegt. Im Kreis Recklinghausen lag die "
        "Arbeitslosenquote im Januar bei 9,6 Prozent.",
        "Das Bundesprogramm BIWAQ („Bildung, Wirtschaft, Arbeit im Quartier“) wird aus Mitteln des Europäischen "
        "Sozialfonds und des Bundesministeriums für Umwelt, Naturschutz, Bau und Reaktorsicherheit (BMUB) "
        "gefördert. Die aktuelle Förderrunde endet im Dezember; für die Förderrunde ab 2019 haben sich alle drei "
        "Träger erneut beworben.",
        "Berghoff-Nies sieht in der Kooperation ein Modell auch für andere Stadtteile: „Wenn Jobcenter, Kommune und "
        "Träger an einem Tisch sitzen, verlieren wir niemanden mehr zwischen zwei Zuständigkeiten.“ Im Herbst "
        "wollen die Partner bei einem Fachtag in Herten eine erste Bilanz ziehen.",
    ],
    caption="© Stadt Marl",
    dates=[
        day("19.02.2018", "2018-02-19"),
        day("Mittwoch, 14. Februar", "2018-02-14"),
        year("Anfang 2015", 2015),
        month("Januar", 2018, 1),
        month("Dezember", 2018, 12),
        year("ab 2019", 2019),
        season("Herbst", "Herbst", 2018),
    ],
    orgs=[
        O("Jobcenter Kreis Recklinghausen", None, "Jobcenter Kreis Recklinghausen", "Jobcenters Kreis Recklinghausen"),
        O("Stadt Marl", None, "Stadt Marl"),
        O("Diakonisches Werk im Kirchenkreis Recklinghausen", None,
          "Diakonischen Werk im Kirchenkreis Recklinghausen"),
        O("AWO Unterbezirk Münsterland-Recklinghausen", None, "AWO Unterbezirk Münsterland-Recklinghausen"),
        O("Caritasverband für die Stadt Gladbeck", None, "Caritasverband für die Stadt Gladbeck"),
        O("Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB",
          "Bundesministeriums für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "BMUB"),
    ],
    programmes=["BIWAQ", "ESF"],
    people=[
        P("Frank Rosendahl", "Geschäftsführer", "Jobcenter Kreis Recklinghausen"),
        P("Claudia Berghoff-Nies", "Erste Beigeordnete", "Stadt Marl"),
    ],
    locations=["Marl", "Herten", "Gladbeck", "Marl-Hüls", "Gladbeck-Brauck", "Kreis Recklinghausen"],
    events=[
        E("meeting", None, "2018-02-14", "2018-02-14", "Marl", None),
        E("conference", "Fachtag", "2018-09-01", "2018-11-30", "Herten", None),
    ],
    counts=[
        C("knapp 600 Langzeitarbeitslose", 600, "approx", "Langzeitarbeitslose"),
    ],
    org_ok=["Quartier: Jobcenter", "Wenn Jobcenter,", "kreisangehörigen Städte"],
)

# ---------------------------------------------------------------- 038 (interview, 2019)
A(
    id="corpus-038", layout="portal", published="2019-07-15", slug="nachgefragt_biwaq_kiel_gaarden",
    title="Nachgefragt: „Das Quartier ist unser Arbeitsplatz“",
    teaser="Seit mehr als vier Jahren leitet Sabine Ohlsen-Petersen das BIWAQ-Projekt „Gaarden schafft was“ in "
           "Kiel – im Gespräch erzählt sie, warum Geduld die wichtigste Ressource in der Quartiersarbeit ist.",
    body=[
        "„Viele Menschen, die zu uns kommen, haben seit Jahren keinen Arbeitsvertrag mehr gesehen. Da hilft kein "
        "Bewerbungstraining von der Stange“, sagt Sabine Ohlsen-Petersen. Die Sozialpädagogin arbeitet seit Februar "
        "2015 für das Projekt im Stadtteil Gaarden, getragen von der Diakonie Altholstein und kofinanziert von der "
        "Landeshauptstadt Kiel. Gefördert wird es aus dem Europäischen Sozialfonds (ESF) und vom "
        "Bundesministerium des Innern, für Bau und Heimat (BMI).",
        ("h2", "Frau Ohlsen-Petersen, wen erreichen Sie mit dem Projekt?"),
        "„Seit dem Start haben wir gut 320 Menschen begleitet, etwa zwei Drittel davon Frauen. Viele sind "
        "alleinerziehend, manche sprechen noch wenig Deutsch. Für gut jede Fünfte und jeden Fünften hat es "
        "inzwischen mit einer Arbeit oder Ausbildung geklappt. Das klingt nach wenig, ist für den Stadtteil aber "
        "viel. Seit dem Frühsommer bieten wir außerdem eine offene Sprechstunde im Jobcenter Kiel an.“",
        ("h2", "Wie arbeiten Sie mit den Betrieben im Quartier zusammen?"),
        "„Wir haben ein Netz aus 45 kleinen Unternehmen aufgebaut, vom Friseursalon bis zur Kfz-Werkstatt. Einmal im "
        "Quartal laden wir zum Unternehmerfrühstück ein. Zum letzten Frühstück am 4. Juni kamen 28 Inhaberinnen und "
        "Inhaber zu uns nach Gaarden, so viele wie nie. Da entstehen Praktika, manchmal auch feste Stellen.“",
        ("h2", "Was wünschen Sie sich für die Zukunft?"),
        "„Dass wir nicht mit jeder Förderrunde von vorn anfangen müssen. Die laufende Runde geht bis Ende 2022, "
        "danach brauchen die Menschen hier trotzdem noch Ansprechpartner. Im Herbst stellen wir unsere Erfahrungen "
        "auf der BIWAQ-Werkstatt in Berlin vor – ich bin gespannt, wie andere Projekte das lösen.“",
        "Die Fragen stellte die Redaktion des ESF-Newsletters.",
    ],
    caption="Foto: Diakonie Altholstein / Kai Sörensen",
    dates=[
        day("15.07.2019", "2019-07-15"),
        month("Februar 2015", 2015, 2),
        day("4. Juni", "2019-06-04"),
        year("Ende 2022", 2022),
        season("Herbst", "Herbst", 2019),
    ],
    not_dates=["Einmal im Quartal"],
    orgs=[
        O("Diakonie Altholstein", None, "Diakonie Altholstein"),
        O("Landeshauptstadt Kiel", None, "Landeshauptstadt Kiel"),
        O("Bundesministerium des Innern, für Bau und Heimat", "BMI",
          "Bundesministerium des Innern, für Bau und Heimat", "BMI"),
        O("Jobcenter Kiel", None, "Jobcenter Kiel"),
    ],
    programmes=["BIWAQ", "ESF"],
    people=[
        P("Sabine Ohlsen-Petersen", "Sozialpädagogin", "Diakonie Altholstein"),
    ],
    locations=["Kiel", "Gaarden", "Berlin"],
    events=[
        E("meeting", "Unternehmerfrühstück", "2019-06-04", "2019-06-04", "Gaarden", 28),
        E("workshop", "BIWAQ-Werkstatt", "2019-09-01", "2019-11-30", "Berlin", None),
    ],
    counts=[
        C("gut 320 Menschen", 320, "approx", "Menschen"),
        C("28 Inhaberinnen und Inhaber", 28, "exact", "Inhaberinnen und Inhaber"),
    ],
)

# ---------------------------------------------------------------- 039 (online conference, 2020)
A(
    id="corpus-039", layout="portal", published="2020-10-12", slug="integrationsrichtlinie_digitale_jahreskonferenz",
    title="Breakout statt Kaffeepause: Erste digitale Jahreskonferenz der ESF-Integrationsrichtlinie Bund",
    teaser="Mehr als 350 Teilnehmende aus Projekten, Jobcentern und Arbeitsagenturen haben sich am 29. September "
           "2020 zur ersten digitalen Jahreskonferenz der ESF-Integrationsrichtlinie Bund zugeschaltet.",
    body=[
        "Eigentlich war die Konferenz als Präsenzveranstaltung im Mai geplant. Wegen der Corona-Pandemie entschied "
        "das Bundesministerium für Arbeit und Soziales (BMAS) bereits im Frühjahr, sie ins Netz zu verlegen – mit "
        "einem Programm von 9:30 bis 16 Uhr, in dem die Teilnehmenden zwischen Plenum und Breakout-Sessions "
        "wechseln konnten.",
        "„Gerade in der Krise zeigt sich, wie wichtig stabile Netzwerke vor Ort sind“, sagte Dr. Eva-Maria "
        "Lindqvist, Leiterin der Abteilung Europäische Fonds im BMAS, in ihrer Begrüßung. Seit dem Start der "
        "Integrationsrichtlinie im Jahr 2015 wurden nach ihren Worten mehr als 60.000 junge Menschen, "
        "Langzeitarbeitslose und Geflüchtete erreicht. Für die Förderung stehen insgesamt rund 180 Millionen Euro "
        "zur Verfügung.",
        ("h2", "Zwölf Räume, ein Thema"),
        "Am Nachmittag verteilten sich die Teilnehmenden auf zwölf Breakout-Sessions mit jeweils bis zu 40 Personen. "
        "Diskutiert wurde über Beratung per Video, über den Zugang Geflüchteter zu Ausbildung und über die "
        "Zusammenarbeit mit Betrieben, die selbst in Kurzarbeit sind. Prof. Dr. Miriam Haddad-Wolff von der "
        "Hochschule Düsseldorf stellte Ergebnisse einer Befragung unter Projektmitarbeitenden vor: Knapp drei "
        "Viertel gaben an, ihre Teilnehmenden im Lockdown überwiegend telefonisch erreicht zu haben.",
        "Auch die Programmevaluation, die das Institut für Sozialforschung und Gesellschaftspolitik (ISG) "
        "durchführt, war Thema. ISG-Projektleiter Dr. Benedikt Sauer machte deutlich, dass sich die Verbünde aus "
        "Jobcentern, Arbeitsagenturen und Trägern in der Pandemie als belastbar erwiesen hätten. Im Chat kamen im "
        "Laufe des Tages mehr als 1.400 Beiträge zusammen.",
        "Die Integrationsrichtlinie wird bis Ende 2022 verlängert. Zu den Einzelheiten der Verlängerung lädt das BMAS "
        "am Donnerstag, 19. November 2020, zu einem Webinar ein; die Aufzeichnungen der Konferenz sind bereits "
        "online abrufbar.",
    ],
    caption="© BMAS",
    dates=[
        day("12.10.2020", "2020-10-12"),
        day("29. September 2020", "2020-09-29"),
        month("im Mai", 2020, 5),
        season("im Frühjahr", "Frühjahr", 2020),
        year("im Jahr 2015", 2015),
        year("Ende 2022", 2022),
        day("Donnerstag, 19. November 2020", "2020-11-19"),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Hochschule Düsseldorf", None, "Hochschule Düsseldorf"),
        O("Institut für Sozialforschung und Gesellschaftspolitik", "ISG",
          "Institut für Sozialforschung und Gesellschaftspolitik", "ISG"),
    ],
    programmes=["ESF-Integrationsrichtlinie Bund"],
    people=[
        P("Eva-Maria Lindqvist", "Leiterin der Abteilung Europäische Fonds", "BMAS"),
        P("Miriam Haddad-Wolff", None, "Hochschule Düsseldorf"),
        P("Benedikt Sauer", "Projektleiter", "ISG"),
    ],
    locations=[],
    events=[
        E("conference", "Jahreskonferenz", "2020-09-29", "2020-09-29", None, 350),
        E("webinar", "Webinar", "2020-11-19", "2020-11-19", None, None),
    ],
    counts=[
        C("Mehr als 350 Teilnehmende", 350, "min", "Teilnehmende"),
        C("mehr als 60.000 junge Menschen, Langzeitarbeitslose und Geflüchtete", 60000, "min",
          "junge Menschen, Langzeitarbeitslose und Geflüchtete"),
        C("bis zu 40 Personen", 40, "max", "Personen"),
    ],
    org_ok=["Jobcentern"],
)

# ---------------------------------------------------------------- 040 (statistics report, 2022)
A(
    id="corpus-040", layout="portal", published="2022-07-11", slug="durchfuehrungsbericht_esf_zahlen",
    title="Zahlen, bitte: Was die ESF-Bundesprogramme in der Förderperiode 2014–2020 erreicht haben",
    teaser="Der Durchführungsbericht für das Jahr 2021 zeigt, dass die Programme des Bundes im Europäischen "
           "Sozialfonds (ESF) deutlich mehr Menschen erreicht haben als bei Programmstart geplant.",
    body=[
        "Im Juni hat die Verwaltungsbehörde im Bundesministerium für Arbeit und Soziales (BMAS) den Bericht an die "
        "Europäische Kommission übermittelt. Er erfasst alle Daten bis zum 31. Dezember 2021 und damit fast die "
        "gesamte Laufzeit der 19 ESF-Bundesprogramme, für die insgesamt rund 2,7 Milliarden Euro an ESF-Mitteln "
        "bereitstanden. Davon sind inzwischen 94 Prozent bewilligt.",
        ("h2", "Wer erreicht wurde"),
        "Insgesamt wurden rund 870.000 Teilnehmerinnen und Teilnehmer gezählt, deutlich mehr als angestrebt. Der "
        "Frauenanteil lag bei 52 Prozent, jede dritte teilnehmende Person war jünger als 25 Jahre. Knapp 214.000 "
        "Teilnehmende hatten einen Migrationshintergrund, rund 46 Prozent waren bei Eintritt langzeitarbeitslos. In "
        "den Programmen für Beschäftigte, etwa rückenwind und „Fachkräfte sichern“, bildeten sich 96.400 "
        "Beschäftigte weiter.",
        "Gefördert wurden mehr als 5.600 Projekte in ganz Deutschland, darunter gut 300 in 412 Kommunen umgesetzte "
        "Vorhaben des Programms BIWAQ. Über 60.000 Unternehmen ließen sich im Rahmen von Beratungsprogrammen "
        "begleiten. Sechs Monate nach dem Austritt hatten 38 Prozent der zuvor arbeitslosen Teilnehmenden eine "
        "Beschäftigung.",
        "„Hinter jeder dieser Zahlen stehen Menschen, die einen neuen Anlauf gewagt haben“, sagt Dr. Henning "
        "Brauer-Stolz, Leiter der ESF-Verwaltungsbehörde im BMAS. Brauer-Stolz verweist zugleich darauf, dass "
        "Ausgaben noch bis Ende des Jahres 2023 abgerechnet werden können; die endgültigen Zahlen liegen daher erst "
        "mit dem Abschlussbericht vor.",
        "Parallel laufen die ersten Programme der Förderperiode 2021–2027 an, die aus dem ESF Plus finanziert "
        "werden. Eine Abschlusskonferenz zur alten Förderperiode plant das BMAS für den Herbst.",
    ],
    caption="© BMAS / Grafik: ESF-Redaktion",
    dates=[
        day("11.07.2022", "2022-07-11"),
        year("2014–2020", 2014, 2020),
        year("für das Jahr 2021", 2021),
        month("Im Juni", 2022, 6),
        day("31. Dezember 2021", "2021-12-31"),
        year("Ende des Jahres 2023", 2023),
        year("2021–2027", 2021, 2027),
        season("Herbst", "Herbst", 2022),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Europäische Kommission", None, "Europäische Kommission"),
    ],
    programmes=["ESF", "rückenwind", "Fachkräfte sichern", "BIWAQ", "ESF Plus"],
    people=[
        P("Henning Brauer-Stolz", "Leiter der ESF-Verwaltungsbehörde", "BMAS"),
    ],
    locations=["Deutschland"],
    events=[
        E("conference", "Abschlusskonferenz", "2022-09-01", "2022-11-30", None, None),
    ],
    counts=[
        C("rund 870.000 Teilnehmerinnen und Teilnehmer", 870000, "approx", "Teilnehmerinnen und Teilnehmer"),
        C("Knapp 214.000 Teilnehmende", 214000, "approx", "Teilnehmende"),
        C("96.400 Beschäftigte", 96400, "exact", "Beschäftigte"),
    ],
)

# ---------------------------------------------------------------- 041 (BIWAQ in a small town, 2023)
A(
    id="corpus-041", layout="portal", published="2023-04-24", slug="biwaq_zeitz_auftakt",
    title="Kleinstadt, große Pläne: BIWAQ-Projekt in Zeitz feiert Auftakt",
    teaser="Mit Zeitz im Burgenlandkreis ist erstmals eine Kleinstadt aus dem Süden von Sachsen-Anhalt mit einem "
           "eigenen BIWAQ-Projekt dabei.",
    body=[
        "Rund 27.000 Menschen leben in Zeitz, deutlich weniger als noch kurz nach der Wende. Leerstand in der "
        "Innenstadt, eine hohe Zahl älterer Langzeitarbeitsloser und fehlende Fachkräfte in den Betrieben prägen "
        "die Stadt an der Weißen Elster. Genau hier setzt das Projekt „ZeitzWerk“ an, das seit dem 1. März 2023 "
        "vom Internationalen Bund (IB) gemeinsam mit der Stadt Zeitz umgesetzt wird.",
        "Gefeiert wurde der Start am Freitag, 14. April, im Bürgerhaus am Altmarkt. Rund 90 Gäste aus Verwaltung, "
        "Wirtschaft und Nachbarschaft waren gekommen, darunter Dr. Oliver Hanke, Referatsleiter im "
        "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB). „Gerade Kleinstädte brauchen "
        "Unterstützung, damit ihre Zentren nicht weiter ausbluten“, sagte Hanke. Das BMWSB fördert BIWAQ – "
        "„Bildung, Wirtschaft, Arbeit im Quartier“ – gemeinsam mit dem ESF Plus; fachlich begleitet wird das "
        "Programm vom Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR).",
        ("h2", "Arbeit und Innenstadt zusammendenken"),
        "Das Zeitzer Vorhaben verbindet beides: Es richtet sich an langzeitarbeitslose Frauen und Männer, vor allem "
        "über 50, und soll zugleich die lokale Wirtschaft stärken. Bis Ende 2026 will der IB mindestens 220 "
        "Menschen begleiten, zusätzlich sollen 30 Kleinunternehmen in der Innenstadt beraten werden. Enger Partner "
        "ist das Jobcenter Burgenlandkreis, das Teilnehmende direkt an das Projekt vermittelt.",
        "Matthias Krüger-Hanisch, Beigeordneter für Soziales der Stadt Zeitz, sieht das Projekt als Teil der "
        "Stadtentwicklung: „Jeder leere Laden, den wir wieder öffnen, ist auch ein Arbeitsplatz.“ Ab Anfang Oktober "
        "soll ein Quartiersladen in der Innenstadt als feste Anlaufstelle dienen, betreut von Teilnehmenden des "
        "Projekts. Krüger-Hanisch kündigte an, auch eigene Räume der Stadt dafür zur Verfügung zu stellen.",
        "Bundesweit arbeiten in der laufenden BIWAQ-Förderrunde 83 Projekte in 71 Kommunen; für die Förderrunde "
        "stehen rund 90 Millionen Euro aus dem ESF Plus und Bundesmitteln bereit. Zeitz gehört mit dem "
        "brandenburgischen Wittstock/Dosse zu den kleinsten beteiligten Städten.",
    ],
    caption="© Stadt Zeitz",
    dates=[
        day("24.04.2023", "2023-04-24"),
        day("1. März 2023", "2023-03-01"),
        day("Freitag, 14. April", "2023-04-14"),
        year("Ende 2026", 2026),
        month("Anfang Oktober", 2023, 10),
    ],
    orgs=[
        O("Internationaler Bund", "IB", "Internationalen Bund", "IB"),
        O("Stadt Zeitz", None, "Stadt Zeitz"),
        O("Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen", "BMWSB",
          "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen", "BMWSB"),
        O("Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR",
          "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR"),
        O("Jobcenter Burgenlandkreis", None, "Jobcenter Burgenlandkreis"),
    ],
    programmes=["BIWAQ", "ESF Plus"],
    people=[
        P("Oliver Hanke", "Referatsleiter", "BMWSB"),
        P("Matthias Krüger-Hanisch", "Beigeordneter für Soziales", "Stadt Zeitz"),
    ],
    locations=["Zeitz", "Burgenlandkreis", "Sachsen-Anhalt", "Wittstock/Dosse"],
    events=[
        E("kickoff", "Auftakt", "2023-04-14", "2023-04-14", "Zeitz", 90),
    ],
    counts=[
        C("Rund 90 Gäste", 90, "approx", "Gäste"),
        C("mindestens 220 Menschen", 220, "min", "Menschen"),
    ],
    org_ok=["die Stadt an der", "Räume der Stadt"],
)

# ---------------------------------------------------------------- 042 (ESF Plus Begleitausschuss, 2024)
A(
    id="corpus-042", layout="portal", published="2024-06-03", slug="begleitausschuss_esf_plus_bonn",
    title="Begleitausschuss des ESF Plus-Programms des Bundes tagt in Bonn",
    teaser="Halbzeitüberprüfung, Programmänderung und ein Projektbesuch: Ende Mai ist der Begleitausschuss für das "
           "ESF Plus-Programm des Bundes zu seiner fünften Sitzung zusammengekommen.",
    body=[
        "Gastgeber der zweitägigen Sitzung (23.–24. Mai) war das Bundesministerium für Arbeit und Soziales (BMAS) an "
        "seinem Dienstsitz in Bonn. Rund 60 Mitglieder, stellvertretende Mitglieder und Gäste – darunter "
        "Vertreterinnen und Vertreter der Bundesressorts, der Länder, der Sozialpartner, der Wohlfahrtsverbände und "
        "der Europäischen Kommission – berieten über den Stand der Umsetzung in der Förderperiode 2021–2027.",
        "Den Vorsitz führte Abteilungsleiterin Dr. Ursula Kempf-Nowak (BMAS). Sie zog eine positive "
        "Zwischenbilanz: Von den rund 4,3 Milliarden Euro, die dem Bund aus dem ESF Plus zur Verfügung stehen, sind "
        "inzwischen 58 Prozent bewilligt. In 27 Programmen laufen mehr als 2.400 Projekte, über 410.000 Menschen "
        "haben seit Beginn der Förderperiode an ESF Plus-geförderten Maßnahmen teilgenommen.",
        ("h2", "Blick auf die Halbzeit"),
        "Breiten Raum nahm die Halbzeitüberprüfung ein, die bis zum 31. März 2025 bei der Kommission einzureichen "
        "ist. Pieter van Damme, Länderreferent in der Generaldirektion Beschäftigung, Soziales und "
        "Inklusion, ermutigte die Ressorts, dabei auch Mittel zugunsten besonders nachgefragter Programme "
        "umzuschichten. Der Ausschuss stimmte einer ersten Programmänderung zu. Erste Ergebnisse der begleitenden "
        "Evaluation sollen im vierten Quartal 2024 vorliegen.",
        "Am zweiten Sitzungstag besuchten die Mitglieder in Bonn-Tannenbusch ein Projekt aus dem Programm „JUGEND "
        "STÄRKEN: Brücken in die Eigenständigkeit“ des Bundesfamilienministeriums, in dem derzeit 45 junge Menschen "
        "auf dem Weg in eine eigene Wohnung und eine Ausbildung begleitet werden.",
        "Die nächste Sitzung des Begleitausschusses ist für den 13. November 2024 in Berlin angesetzt.",
    ],
    caption="© BMAS / Dominik Butzmann",
    dates=[
        day("03.06.2024", "2024-06-03"),
        month("Ende Mai", 2024, 5),
        span("23.–24. Mai", "2024-05-23", "2024-05-24"),
        year("2021–2027", 2021, 2027),
        day("31. März 2025", "2025-03-31"),
        quarter("vierten Quartal 2024", 4, 2024),
        day("13. November 2024", "2024-11-13"),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Europäische Kommission", None, "Europäischen Kommission", "Kommission"),
        O("Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ", "Bundesfamilienministeriums"),
    ],
    programmes=["ESF Plus", "JUGEND STÄRKEN: Brücken in die Eigenständigkeit"],
    people=[
        P("Ursula Kempf-Nowak", "Abteilungsleiterin", "BMAS"),
        P("Pieter van Damme", "Länderreferent", "Europäische Kommission"),
    ],
    locations=["Bonn", "Bonn-Tannenbusch", "Berlin"],
    events=[
        E("meeting", "Sitzung", "2024-05-23", "2024-05-24", "Bonn", 60),
        E("meeting", "Sitzung des Begleitausschusses", "2024-11-13", "2024-11-13", "Berlin", None),
    ],
    counts=[
        C("Rund 60 Mitglieder, stellvertretende Mitglieder und Gäste", 60, "approx",
          "Mitglieder, stellvertretende Mitglieder und Gäste"),
        C("über 410.000 Menschen", 410000, "min", "Menschen"),
        C("45 junge Menschen", 45, "exact", "junge Menschen"),
    ],
    org_ok=["Wohlfahrtsverbände"],
)

# ---------------------------------------------------------------- 043 (call with several deadlines, 2025)
A(
    id="corpus-043", layout="portal", published="2025-02-10", slug="foerderaufruf_my_turn_zweite_runde",
    title="Förderaufruf: MY TURN geht in die zweite Runde",
    teaser="Bis Ende März können sich Träger mit einer Projektskizze für die zweite Förderrunde des ESF "
           "Plus-Programms „MY TURN – Frauen mit Migrationserfahrung starten durch“ bewerben.",
    body=[
        "Mit MY TURN fördert das Bundesministerium für Arbeit und Soziales (BMAS) Projekte, die Frauen mit "
        "Migrationserfahrung auf dem Weg in Ausbildung, Qualifizierung und Arbeit begleiten. In der ersten "
        "Förderrunde, die seit Herbst 2022 läuft, werden an 39 Standorten rund 6.500 Frauen unterstützt. „Diese "
        "Frauen bringen enorme Potenziale mit, die der Arbeitsmarkt dringend braucht“, sagt Dr. Leonie "
        "Abadi-Hartmann, Referatsleiterin im BMAS.",
        ("h2", "Die Fristen im Überblick"),
        "Das Verfahren ist zweistufig. In der ersten Stufe reichen Interessierte bis zum 31. März 2025, 12 Uhr, eine "
        "Projektskizze über das Förderportal ein; Fragen zum Verfahren können bis zum 20. März schriftlich gestellt "
        "werden. Über die Auswahl entscheidet das BMAS voraussichtlich im Mai.",
        "Ausgewählte Träger werden anschließend aufgefordert, bis zum 15. Juli 2025 einen förmlichen Antrag bei der "
        "Deutschen Rentenversicherung Knappschaft-Bahn-See (DRV KBS) zu stellen, die das Programm als "
        "Bewilligungsbehörde umsetzt. Die Projekte laufen vom 1. Januar 2026 bis zum 31. Dezember 2028.",
        ("h2", "Informationsveranstaltungen"),
        "Zwei digitale Informationsveranstaltungen bieten Gelegenheit für Rückfragen: am Dienstag, 25. Februar, und "
        "am Donnerstag, 6. März, jeweils von 10 bis 12 Uhr. Pro Termin können bis zu 250 Personen teilnehmen. "
        "Abadi-Hartmann und Fachleute der DRV KBS stellen dort die Förderkriterien vor.",
        "Gefördert werden Kooperationsverbünde aus mindestens zwei Partnern, Anträge sind aus allen 16 Ländern "
        "möglich. Für die zweite Förderrunde stehen insgesamt rund 95 Millionen Euro aus dem ESF Plus und aus "
        "Bundesmitteln zur Verfügung; die Zuwendung je Projekt liegt zwischen 300.000 Euro und 1,2 Millionen Euro.",
    ],
    caption="© BMAS",
    dates=[
        day("10.02.2025", "2025-02-10"),
        month("Ende März", 2025, 3),
        season("Herbst 2022", "Herbst", 2022),
        day("31. März 2025", "2025-03-31"),
        day("20. März", "2025-03-20"),
        month("im Mai", 2025, 5),
        day("15. Juli 2025", "2025-07-15"),
        span("vom 1. Januar 2026 bis zum 31. Dezember 2028", "2026-01-01", "2028-12-31"),
        day("Dienstag, 25. Februar", "2025-02-25"),
        day("Donnerstag, 6. März", "2025-03-06"),
    ],
    orgs=[
        O("Bundesministerium für Arbeit und Soziales", "BMAS", "Bundesministerium für Arbeit und Soziales", "BMAS"),
        O("Deutsche Rentenversicherung Knappschaft-Bahn-See", "DRV KBS",
          "Deutschen Rentenversicherung Knappschaft-Bahn-See", "DRV KBS"),
    ],
    programmes=["MY TURN", "ESF Plus"],
    people=[
        P("Leonie Abadi-Hartmann", "Referatsleiterin", "BMAS"),
    ],
    locations=[],
    events=[
        E("webinar", "Informationsveranstaltungen", "2025-02-25", "2025-02-25", None, None),
        E("webinar", "Informationsveranstaltungen", "2025-03-06", "2025-03-06", None, None),
    ],
    counts=[
        C("rund 6.500 Frauen", 6500, "approx", "Frauen"),
        C("bis zu 250 Personen", 250, "max", "Personen"),
    ],
)

# ---------------------------------------------------------------- 044 (partner blog: 10-year anniversary, 2024)
A(
    id="corpus-044", layout="partner", published="2024-06-17", slug="zehn-jahre-stadtteilwerkstatt-lehe",
    title="Zehn Jahre Stadtteilwerkstatt: Danke für ein großartiges Fest!",
    tags=["Jubiläum", "Bremerhaven", "Beschäftigung"],
    related=[("neue-holzwerkstatt", "Neue Holzwerkstatt eröffnet"),
             ("praktikum-im-quartier", "Praktikum im Quartier: Drei Erfahrungsberichte")],
    body=[
        "Was für ein Tag! Am Freitag, 7. Juni, haben wir in Lehe unser zehnjähriges Bestehen gefeiert – mit Musik, "
        "Grillstand und mehr als 150 Gästen aus dem Quartier, von unseren Partnern und aus der Politik. Bis in den "
        "Abend hinein war der Hof der Werkstatt in der Goethestraße voll.",
        "Angefangen hat alles im Frühjahr 2014 als eines der ersten BIWAQ-Projekte in Bremerhaven, mit zwei "
        "Werkstatträumen und vier Mitarbeitenden. "
        "Seitdem haben rund 1.400 Frauen und Männer bei uns gearbeitet, gelernt oder sich beraten lassen – in der "
        "Holz- und Fahrradwerkstatt, im Nähcafé oder in der Bewerbungsberatung. Nach zwei BIWAQ-Förderrunden tragen "
        "uns inzwischen das Jobcenter Bremerhaven und Mittel aus dem ESF Plus.",
        "Sozialstadträtin Anke Diekmann-Lüers überbrachte die Glückwünsche des Magistrats der Stadt Bremerhaven und "
        "erinnerte daran, wie umstritten der Standort im Bremerhavener Stadtteil Lehe anfangs war. Sven Albers, "
        "Geschäftsführer des Jobcenters Bremerhaven, lobte die enge Zusammenarbeit: Aus der Werkstatt seien "
        "Menschen in Arbeit gekommen, die sonst kaum jemand mehr erreicht hätte.",
        "Den bewegendsten Moment hatte unsere Gründerin Marion Tjaden, die 2014 im Auftrag von Lehe aktiv e. V. die "
        "ersten Teilnehmenden begrüßt hatte. „Ohne die Menschen aus dem Viertel gäbe es uns nicht“, sagte Tjaden – "
        "und bekam dafür den längsten Applaus des Abends. Auch die Senatorin für Arbeit, Soziales, Jugend und "
        "Integration hatte eine Grußbotschaft geschickt.",
        "Wer nicht dabei sein konnte: Im Herbst erscheint eine kleine Festschrift mit Fotos und Geschichten aus zehn "
        "Jahren. Und am Samstag, 14. September, laden wir zum Tag der offenen Tür in die Goethestraße ein.",
    ],
    dates=[
        day("17. Juni 2024", "2024-06-17"),
        day("Freitag, 7. Juni", "2024-06-07"),
        season("Frühjahr 2014", "Frühjahr", 2014),
        year("2014", 2014),
        season("Herbst", "Herbst", 2024),
        day("Samstag, 14. September", "2024-09-14"),
    ],
    orgs=[
        O("Jobcenter Bremerhaven", None, "Jobcenter Bremerhaven", "Jobcenters Bremerhaven"),
        O("Magistrat der Stadt Bremerhaven", None, "Magistrats der Stadt Bremerhaven"),
        O("Lehe aktiv e. V.", None, "Lehe aktiv e. V."),
        O("Die Senatorin für Arbeit, Soziales, Jugend und Integration", None,
          "Senatorin für Arbeit, Soziales, Jugend und Integration"),
    ],
    programmes=["BIWAQ", "ESF Plus"],
    people=[
        P("Anke Diekmann-Lüers", "Sozialstadträtin", "Magistrat der Stadt Bremerhaven"),
        P("Sven Albers", "Geschäftsführer", "Jobcenter Bremerhaven"),
        P("Marion Tjaden", "Gründerin", "Lehe aktiv e. V."),
    ],
    locations=["Lehe", "Bremerhaven"],
    events=[
        E("other", None, "2024-06-07", "2024-06-07", "Lehe", 150),
        E("other", "Tag der offenen Tür", "2024-09-14", "2024-09-14", None, None),
    ],
    counts=[
        C("mehr als 150 Gästen", 150, "min", "Gästen"),
        C("rund 1.400 Frauen und Männer", 1400, "approx", "Frauen und Männer"),
    ],
)

# --- END OF ARTICLES ---


def main(argv: list[str]) -> int:
    """Write this script's pages and gold with write_articles_b's writer and self-check."""
    return write_main(argv, ARTICLES)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
