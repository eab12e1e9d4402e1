"""Regular expressions for organisation names the gazetteer cannot list (Land ministries, universities, ...)."""

from __future__ import annotations

import re
from typing import NamedTuple

S = r"[ \t\xa0]+"  # blanks inside a name, never a line break
_UP = r"[A-ZÄÖÜ]"
_LOWER_DET = r"(?:der|des|dem|den|die|das|ein\w*|sein\w*|ihr\w*|unser\w*|dies\w*|jed\w*|alle\w*|viele\w*)"
_ITEM = (rf"(?:(?!{_LOWER_DET}{S}){'[a-zäöüß]'}{{3,}}(?:e|en|er|es){S})?"
         rf"{_UP}[\w]*(?:-{_UP}[\w]*)*-?")
# items joined by a blank alone are capitalised ("für Soziale Arbeit"): "für Fachkräfte legte Zahlen" ends;
# items after a comma belong to the list only when "und"/"sowie" closes it ("für Arbeit, Soziales und
# Integration"), so a clause after a name's comma is not read as an item ("… Neubrandenburg, wurden Übergänge")
_CAPS = rf"(?:{S}{_UP}[\w]*(?:-{_UP}[\w]*)*-?)*"
_FUER_LIST = (rf"für{S}{_ITEM}(?:{S}{_UP}[\w]*(?:-{_UP}[\w]*)*-?"
              rf"|(?:,{S}?{_ITEM}{_CAPS})*(?:{S}|,{S}?)(?:und|sowie|&){S}{_ITEM})*")
CAP_WORD = r"[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*"  # a capitalised word, maybe hyphenated
_PLACE_SHAPE = (r"[A-ZÄÖÜ][a-zäöüß]{2,}(?<!ungen)(?<!ionen)(?<!heiten)(?<!keiten)(?<!lichen)(?<!ischen)"
                r"(?:burg|berg|stadt|dorf|hausen|heim|ingen|feld|furt|hagen|bach|ow|itz|rode|hof|born|brücken|walde"
                r"|werder|lar|bruch|stedt|leben|brück|kirchen|büttel|münde|haven|kamp|tal|see)")


_RIVER = rf"[ \t]?\({_UP}[a-zäöüß]+\)"
# local heads that take no genitive -s: feminine nouns ("der Stadt Halle", "der Handwerkskammer Koblenz")
_FEMININE_ENDINGS = ("stadt", "verwaltung", "schule", "kammer", "direktion", "förderung", "agentur für arbeit")

# a capitalised adjective opening a name: "Evangelische", "Freie", "Deutschen"
NAME_ADJECTIVE = r"(?:[A-ZÄÖÜ][\w]*(?:isch|ig|lich|al|frei|privat)|Frei|Privat|Deutsch)e[nmrs]?"
# after a body's head: its remit ("für Arbeit und Bildung"), or whom it gathers ("der Volkshochschulen")
BODY_FOR_TAIL = re.compile(rf"{S}{_FUER_LIST}")
BODY_OF_TAIL = re.compile(rf"{S}(?:der|des){S}(?:[a-zäöüß]{{3,}}(?:e|en){S})?{_UP}[\w]*"
                          rf"(?:{S}{_UP}[\w]*(?:-{_UP}[\w]*)*)?(?![\w-])")
ADJECTIVES_BEFORE = re.compile(rf"(?<![\w-])(?:{NAME_ADJECTIVE}{S})+$")


class NamePattern(NamedTuple):
    """A name pattern and what it finds. `needs` are groups of literal words: every match holds one word
    of each group, so only the lines that hold them all need a search (no pattern matches a line break).
    A local office pattern has `head`: every match starts with it, and its first word is a piece."""

    regex: re.Pattern
    needs: tuple[tuple[str, ...], ...]
    org_type: str
    level: str
    family: str
    head: str | None = None


# pattern syntax that could match a line break: \s \S \W \D \n, negated sets, ".", anchors
_MAY_MATCH_NEWLINE = re.compile(r"\\[sSWDnZA]|\[\^|(?<!\\)\.|\$|\^|\(\?[a-zA-Z]*s")


def name_patterns(data: dict) -> tuple[list[NamePattern], str]:
    """Regular expressions for organisation names the gazetteer cannot list, with (type, level, family).

    Land ministries:  "Bayerischen Staatsministerium für Familie, Arbeit und Soziales",
                      "Bayerischen Arbeits- und Sozialministerium", "NRW-Arbeitsministerium",
                      "Ministerium für Soziales, Gesundheit und Integration des Landes Baden-Württemberg",
                      "Senatsverwaltung für Integration, Arbeit und Soziales".
    Universities:     "Evangelischen Hochschule Berlin", "Humboldt-Universität zu Berlin",
                      "Hochschule für Wirtschaft und Recht Berlin", "Universität Hamburg".
    Institutes:       "Institut für Sozialforschung und Gesellschaftspolitik", "Fraunhofer-Institut".
    Foundations:      "Friedrich-Ebert-Stiftung", "Stiftung für Engagement und Ehrenamt", "Baden-Württemberg Stiftung".
    Academies:        "Evangelische Akademie Loccum", "Frankfurt University of Applied Sciences".
    Land authorities: "Landesverwaltungsamt".
    Local offices:    "Jobcenter Berlin Mitte", "Bezirksamt Neukölln", "Stadt Pforzheim", "Europabüro Nürnberg".
    """
    laender = data["laender"]
    land_names = "|".join(sorted((re.escape(n) for n in laender), key=len, reverse=True))
    adj_alts = []
    for stems in laender.values():
        for stem in stems:
            for s in {stem, stem[0].lower() + stem[1:]}:
                adj_alts.append(re.escape(s) if s.endswith("er") and not s.endswith("isch") else
                                rf"{re.escape(s)}(?:e[nmrs]?)")
    land_adj = "(?:" + "|".join(sorted(adj_alts, key=len, reverse=True)) + ")"
    land_qual = (rf"(?:{S}(?:des{S}Landes|des{S}Freistaate?s|der{S}Freien{S}und{S}Hansestadt|"
                 rf"der{S}Freien{S}Hansestadt){S}(?:{land_names})|{S}(?:{land_names})\b)")
    hints = "|".join(sorted((re.escape(p) for p in data["place_hints"]), key=len, reverse=True))
    # a river after a town tells it apart: "Halle (Saale)", "Frankfurt (Oder)"
    place = (rf"(?:(?:{hints})(?![\w])|{_PLACE_SHAPE}(?![\w]))(?:-{_UP}[\w]+)*"
             rf"(?:{S}(?:Mitte|Nord|Süd|Ost|West|am{S}Main|an{S}der{S}{_UP}\w+)|{_RIVER})?")
    coord = rf"(?:{_UP}[\w]*-,?{S})+(?:und|&){S}"
    # Each pattern comes with groups of literal words: every match holds one word of each group (see
    # NamePattern), so a line without them is not searched.
    land_kw = tuple(laender)
    land_adj_kw = tuple(dict.fromkeys(stem[1:] for stems in laender.values() for stem in stems))  # any case
    ministry, ministry_kw = r"[Mm]inisteri(?:um|ums)", ("inisteri",)
    uadj = NAME_ADJECTIVE
    uni = r"(?:Universität|Hochschule|Fachhochschule|Kunsthochschule|Musikhochschule)"
    uni_kw = ("Universität", "ochschule")
    uni_tail = rf"(?:{S}(?:zu|in){S}{place}|{S}{_FUER_LIST}(?:{S}{place})?|{S}{place})"
    inst, inst_kw = r"Institut(?:es|s)?", ("Institut",)
    senate, senate_kw = r"Senatsverwaltung(?:en)?", ("Senatsverwaltung",)
    foundation, foundation_kw = r"Stiftung", ("Stiftung",)
    patterns: list[tuple[str, tuple[tuple[str, ...], ...], str, str, str]] = [
        (rf"{land_adj}{S}(?:Staats|Landes)?{ministry}{S}{_FUER_LIST}(?:{land_qual})?", (ministry_kw, land_adj_kw),
         "land-ministry", "state", "land"),
        (rf"(?<![\w-])(?:Landes)?{ministry}{S}{_FUER_LIST}{land_qual}", (ministry_kw, land_kw), "land-ministry",
         "state", "land"),
        (rf"{land_adj}{S}(?:{coord})?{_UP}[\w]*{ministry}", (ministry_kw, land_adj_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-])(?:{land_names})-{_UP}[\w]*{ministry}", (ministry_kw, land_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-])(?!Bundes){_UP}[\w]*{ministry}{land_qual}", (ministry_kw, land_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-]){senate}{S}{_FUER_LIST}(?:{S}Berlin\b)?", (senate_kw,), "land-ministry", "state", "land"),
        (rf"(?:{uadj}{S})+(?:{_UP}[\w]*-)*{uni}{uni_tail}?", (uni_kw,), "university", "other", "university"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{uni}{uni_tail}?", (uni_kw,), "university", "other",
         "university"),
        (rf"(?<![\w-]){uni}{uni_tail}", (uni_kw,), "university", "other", "university"),
        (rf"(?:{uadj}{S})*(?:(?<![\w-]){_UP}[\w]*-)*{inst}{S}{_FUER_LIST}(?:{S}{place})?", (inst_kw,),
         "institute", "other", "institute"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{inst}", (inst_kw,), "institute", "other", "institute"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{foundation}", (foundation_kw,), "foundation", "other",
         "foundation"),
        (rf"(?<![\w-]){foundation}{S}{_FUER_LIST}", (foundation_kw,), "foundation", "other", "foundation"),
        # English names of universities and schools: "Frankfurt University of Applied Sciences"
        (rf"(?<![\w-])(?:(?!(?i:{_LOWER_DET[3:-1]}|an|von|vom|mit|bei|beim|und){S}){_UP}[\w-]+{S}){{1,3}}"
         rf"(?:University|School|College){S}of{S}{_UP}[\w]+"
         rf"(?:{S}(?:and{S}|&{S})?{_UP}[\w]+)*", (("University", "School", "College"),), "university", "other",
         "university"),
        # a university by the standard acronym of its kind and its town: "TU Dortmund", "FH Kiel" (in brackets
        # after its full name it is that name's short form: "… Dresden (HTW Dresden)")
        (rf"(?<![\w(-])(?:TU|TH|FH|HAW|HTW|HS){S}{place}", (("TU", "TH", "FH", "HAW", "HTW", "HS"),), "university",
         "other", "university"),
        # a Land authority named by one compound ("beim Landesverwaltungsamt", "das Landesjugendamt")
        (rf"(?<![\w-])Landes[a-zäöüß]{{3,}}amt(?![\w-])", (("Landes",),), "agency", "state", "land"),
        # an academy with an adjective of its own and the one word of its site ("Evangelische Akademie Loccum")
        (rf"(?:{uadj}{S})+(?:{_UP}[\w]*-)*Akademie(?:{S}{_UP}[a-zäöüß]{{2,}}(?<!ung)(?<!heit)(?<!keit)(?<!schaft)"
         rf"(?=[ \t]+[a-zäöüß]|[ \t]*[,;:!?)]|\.))?", (("Akademie",),), "institute", "other", "institute"),
        # a family or place name before the head ("Freudenberg Stiftung", "Baden-Württemberg Stiftung"), not an
        # article, adjective or
        # abstract noun ("laut Satzung Stiftung des Landes")
        (rf"(?<![\w-])(?!(?i:{_LOWER_DET[3:-1]}){S})(?:{_UP}[a-zäöüß]+-)*{_UP}[a-zäöüß]{{2,}}"
         rf"(?<!e)(?<!en)(?<!es)(?<!ung)(?<!heit)"
         rf"(?<!keit)(?<!schaft)(?<!tion){S}{foundation}"
         rf"(?![\w-])", (foundation_kw,), "foundation", "other", "foundation"),
    ]
    heads = dict(data["local_heads"])
    for head, info in data["local_heads"].items():
        if " " not in head and not info.get("nominative") and not head.lower().endswith(_FEMININE_ENDINGS):
            for ending in ("es", "s"):  # "des Landkreises Goslar", "des Klinikums Nord"
                heads.setdefault(head + ending, {**info, "nominative": head})
    for head, info in heads.items():
        target = rf"{_UP}[\w]*(?:-{_UP}[\w]*)*(?:{S}(?:Mitte|Nord|Süd|Ost|West)|{_RIVER})?" if info.get("any_name") \
            else place
        # "Jobcenter Kreis Recklinghausen", "Jobcenter im Regionalverband Saarbrücken"
        region = (rf"(?:(?:im{S}|in{S}der{S})?(?:Landkreis|Kreis|Regionalverband|Region|Städteregion|Stadt)"
                  rf"{S}{_UP}[\w-]+)")
        assert re.match(r"\w", head), head  # after (?<![\w-]) its first word is a whole piece
        # any other capitalised word after the head counts when the places gazetteer knows it (group "site")
        other = "" if info.get("any_name") else rf"|(?P<site>{_UP}[\w]+(?:-{_UP}[\w]+)*)(?![\w-])"
        patterns.append((rf"(?<![\w-]){re.escape(head)}{S}(?:zu{S})?(?:{region}|{target}{other})", ((head,),),
                         info["type"],
                         info["level"], "local:" + (info.get("nominative") or head), head))
    for p, needs, *_ in patterns:
        # a keyword the pattern does not spell out would skip real matches, and `_patterns` searches
        # only the lines that hold the keywords: nothing may match a line break
        assert all(re.escape(k) in p for group in needs for k in group), (needs, p[:80])
        assert not _MAY_MATCH_NEWLINE.search(p.replace("\\\\", "")), p[:80]
    return [NamePattern(re.compile(p), needs, *rest) for p, needs, *rest in patterns], place



def place_after_pattern(place_re: str) -> re.Pattern:
    """A place (the `place_re` of `name_patterns`) right after a name: "AWO Mönchengladbach"."""
    return re.compile(rf"{S}({place_re})")


def regional_qualifier_pattern(phrases: list[str], units: list[str]) -> re.Pattern:
    """A regional branch's qualifier after an association's name, its place in group 1.

    >>> regional_qualifier_pattern(["an der"], ["[A-Z][a-z]*verband"]).match(" Kreisverband Gifhorn").group(1)
    'Kreisverband Gifhorn'

    `units` are regular expressions; `phrases` plain words.
    """
    return re.compile(rf"[ \t]+((?:{'|'.join(map(re.escape, phrases))})[ \t]+{CAP_WORD}"
                      rf"|(?:{'|'.join(units)})[ \t]+{CAP_WORD})")
