"""Organisation candidates from the shapes of names no gazetteer lists: quoted names, houses, offices, centres."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass

from biwaq_extract.nlp.text_helpers import matches_where

S = r"[ \t\xa0]+"
_UP = r"[A-ZÄÖÜ]"
_CAP = r"[A-ZÄÖÜ][\wäöüß]*(?:-[A-ZÄÖÜ][\wäöüß]*)*"
_OPEN = "„\"“‚»«"
_CLOSE = "“”\"‘«»"
# "für Arbeit, Soziales, Jugend und Integration", "für Bau-, Stadt- und Raumforschung"
_ITEM = rf"(?:[a-zäöüß]{{3,}}(?:e|en|er|es){S})?{_UP}[\w]*(?:-{_UP}[\w]*)*-?"
# (items after a comma need "und"/"sowie" to close the list: "…, deren Ressort" is a clause, no item)
_CAPS = rf"(?:{S}{_UP}[\w]*(?:-{_UP}[\w]*)*-?)*"
_FUER_LIST = (rf"für{S}{_ITEM}(?:{S}{_UP}[\w]*(?:-{_UP}[\w]*)*-?"
              rf"|(?:,{S}?{_ITEM}{_CAPS})*(?:{S}|,{S}?)(?:und|sowie|&){S}{_ITEM})*")
# before a quoted name: an article or preposition ("vom", "von der", "die")
_LINK_BEFORE_QUOTE = re.compile(r"\b(?:der|die|das|dem|den|des|vom|beim|im|am|zum|zur|von|bei|mit|durch|für)[ \t]*$")
_LINK_WORDS = frozenset("der die das dem den des vom beim im am zum zur von bei mit durch für".split())
_QUOTED = re.compile(rf"[{_OPEN}](?P<name>[^{_OPEN}{_CLOSE}\n]{{3,90}})[{_CLOSE}]")
_HOUSE = re.compile(rf"(?<![\w-])Haus(?:es)?{S}der{S}(?P<rest>{_CAP}(?:{S}{_CAP})?)(?={S}[a-zäöüß]|[^\w]|$)")
_OFFICE_FOR = re.compile(rf"(?<![\w-])(?P<head>(?:{_UP}[\wäöüß]*)?[Aa]mt(?:es|s)?){S}{_FUER_LIST}")
_SENATOR = re.compile(rf"(?<![\w-])Senator(?:in)?{S}{_FUER_LIST}")
_PERSON_AFTER = re.compile(rf"\s*,?\s*(?:Dr\.\s*)?{_UP}[a-zäöüß]+{S}{_UP}[a-zäöüß]+")
_PERSON_IN_LIST = re.compile(rf",{S}(?:Dr\.{S})?{_UP}[a-zäöüß]+{S}{_UP}[a-zäöüß]+$")
_INSIDE = re.compile(rf"{S}(?:in{S}der|im|beim|bei{S}der){S}(?P<org>\S+?)(?=[\s,.;:!?)]|$)")
_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][\wäöüß]*(?:isch|lich|ig|al|ell|iv|er)e[nmrs]?$")


@dataclass(frozen=True)
class Shape:
    """An organisation found by the shape of its name: its span, nominative name and type, and for offices
    the head that joins its mentions in one document ("Regiestelle")."""

    start: int
    end: int
    name: str
    org_type: str
    group: str | None = None
    bare: bool = False  # an office head without its name ("die ESF-Regiestelle"): counts beside a named one


@dataclass(frozen=True)
class ShapeRules:
    """The compiled shapes, built once from organisation_words.yaml."""

    quoted_name_heads: tuple[str, ...]
    kind_before: re.Pattern  # a kind-of-institution noun ending right before a quote
    kind_endings: tuple[str, ...]  # lower case: the last word before such a quote ends with one
    office: re.Pattern  # an office head with an optional "ESF-" prefix (groups "prefix", "head")
    office_heads: tuple[str, ...]
    office_tail: re.Pattern  # the capitalised words that name an office
    centre: re.Pattern  # a centre's head and its own name (groups "head", "name")
    school: re.Pattern  # a school and its site: "Gemeinschaftsschule auf dem Campus Nord" (group "name")
    not_school_sites: frozenset[str]  # "am Montag": when, not where
    not_university_names: frozenset[str]  # "die Hochschule Gestern …": an adverb opening the next clause
    function_words: frozenset[str]  # "Für", "Mit" capitalised: a motto's words, not a name's
    common_noun_endings: tuple[str, ...]
    common_heads: frozenset[str] = frozenset()  # common nouns ending in a body's head ("handwerk")


def build_shape_rules(words: dict) -> ShapeRules:
    """ShapeRules from the parsed organisation_words.yaml."""
    kinds = words["kind_nouns"]
    endings = "|".join(re.escape(k) for k in kinds if k.islower())
    whole = "|".join(re.escape(k[:1].upper() + k[1:]) for k in kinds)
    kind = rf"(?:{_CAP}-)?(?:{_UP}[\wäöüß]*(?:{endings})|{whole})"
    return ShapeRules(
        quoted_name_heads=tuple(words["quoted_name_heads"]),
        kind_before=re.compile(rf"(?<![\w-]){kind}[ \t]*$"),
        kind_endings=tuple(k.lower() for k in kinds),
        office=re.compile(rf"(?<![\w-])(?P<prefix>(?:{_UP}[\w+]*-)?)(?P<head>{'|'.join(words['office_heads'])})"),
        office_heads=tuple(words["office_heads"]),
        office_tail=re.compile(rf"{S}{_CAP}(?:{S}(?:(?:der|des|für|und){S})?{_CAP})*"
                               rf"(?={S}[a-zäöüß(]|[,.;:!?)\n]|$)"),
        centre=re.compile(rf"(?<![\w-])(?P<head>{_UP}[\wäöüß]+zentrums?){S}(?P<name>{_CAP})"
                          rf"(?P<more>(?:{S}(?:und{S})?{_CAP})*)"
                          rf"(?=[ \t]+[a-zäöüß]|[ \t]*[,.;:!?)\n]|$)"),
        school=re.compile(rf"(?<![\w-])(?P<head>{_UP}[\wäöüß]+schule|Gymnasium){S}(?P<site>auf{S}dem|am|an{S}der)"
                          rf"{S}(?P<name>{_CAP}(?:{S}{_CAP})?)(?=[ \t]+[a-zäöüß]|[ \t]*[,.;:!?)\n]|$)"),
        common_noun_endings=tuple(words["common_noun_endings"]),
        not_school_sites=frozenset(words["not_school_sites"]),
        not_university_names=frozenset(words["not_university_names"]),
        function_words=frozenset(words["capitalised_function_words"]),
        common_heads=frozenset(words["body_head_common_nouns"]),
    )


def quoted_names(text: str, rules: ShapeRules) -> list[Shape]:
    """Names in quotes the text gives an institution: after a kind of institution ('das Zukunftszentrum
    "Treffpunkt Nord"'), or after an article when the quoted name has an institution's head ('vom
    "Zukunftszentrum Nord+"'). Quoted project and event titles have neither."""
    found: list[Shape] = []
    if not any(q in text for q in _OPEN):
        return found
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        if not name or name.endswith(("?", "!")):
            continue
        start = m.start("name")
        before = text[max(0, m.start() - 40): m.start()].split()
        last = before[-1] if before else ""
        # (the word before the quote decides which pattern can match: most quotes need neither)
        if name.split()[0] in rules.function_words:
            continue  # 'das Seniorenzentrum "Am Kurpark"': a facility named by its site
        if len(name) <= 60 and last.lower().endswith(rules.kind_endings) \
                and rules.kind_before.search(text, max(0, m.start() - 60), m.start()):
            found.append(Shape(start, start + len(name), name, "association"))
        elif len(name.split()) <= 10 and not name.endswith(".") and last in _LINK_WORDS \
                and _LINK_BEFORE_QUOTE.search(text, max(0, m.start() - 12), m.start()) \
                and any(w[:1].isupper() and w.lower().rstrip("s").endswith(rules.quoted_name_heads)
                        for w in name.replace("-", " ").split()):
            found.append(Shape(start, start + len(name), name, "association"))
    return found


def houses(text: str) -> list[Shape]:
    """ "Haus der Familie", "Haus der Jugend": institutions named as a house of someone. Where something
    takes place ("im Haus der Jugend in Kassel", a listing "Bremen, Haus der Wissenschaft") the house is a
    venue, not a body that acts."""
    if "Haus" not in text:
        return []
    return [Shape(m.start(), m.end(), f"Haus der {m.group('rest')}", "association") for m in _HOUSE.finditer(text)
            if not _VENUE_BEFORE.search(text, max(0, m.start() - 60), m.start())]


# "im"/"ins" before a building, or a town and a comma opening its line: where, not who
# (not after a role: "Projektleiterin im Haus der Familie" works for the house)
_VENUE_BEFORE = re.compile(rf"(?:(?<![\w-])(?<!in )(?<!er )(?:[Ii]m|[Ii]ns){S}|(?:^|\n){_CAP}(?:{S}{_CAP})?,{S})$")


def offices_for(text: str) -> list[Shape]:
    """Offices named by their remit: "Amt für Soziales, Jugend und Senioren", "Senatorin für Arbeit, Soziales,
    Jugend und Integration" (a Land authority in Bremen; followed by a person's name it is that person's role)."""
    found = []
    if "mt für" in text:
        for m in _matches_from(text, "mt für", _OFFICE_FOR):
            surface = m.group().rstrip(" ,-")
            head = m.group("head")
            base = head[:-2] if head.endswith("es") else head[:-1] if head.endswith("s") else head
            found.append(Shape(m.start(), m.start() + len(surface), base + surface[len(head):], "municipal"))
    if "Senator" in text:
        for m in _matches_from(text, "Senator", _SENATOR):
            surface = m.group().rstrip(" ,-")
            person = _PERSON_IN_LIST.search(surface)
            if person or _PERSON_AFTER.match(text, m.start() + len(surface)):
                continue  # "Senatorin für Wirtschaft, Anna Becker": a role
            found.append(Shape(m.start(), m.start() + len(surface), surface, "land-ministry"))
    return found


def _matches_from(text: str, needle: str, regex: re.Pattern) -> list[re.Match]:
    """`regex.finditer(text)` for a pattern whose every match holds `needle` in its first word: tried from
    the start of the word around each occurrence only."""
    found, pos = [], 0
    at = text.find(needle)
    while at >= 0:
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            start -= 1
        m = regex.match(text, start) if start >= pos else None
        if m:
            found.append(m)
            pos = m.end()
        at = text.find(needle, at + len(needle))
    return found


def named_offices(text: str, rules: ShapeRules, programme_names: Container[str],
                  acronyms: Container[str]) -> list[Shape]:
    """Offices that run a programme: "ESF-Regiestelle rückenwind³", "Regiestelle Gute Pflege",
    "ESF-Regiestelle für das Programm rückenwind+"; a bare "ESF-Regiestelle" or "ESF-Regiestelle in der
    BAGFW" in the same text is the same office. An office placed inside a body ("Regiestelle rückenwind im
    Bundesverwaltungsamt") is a unit of it, not an organisation (ANNOTATION_GUIDE)."""
    found: list[Shape] = []
    if "stelle" not in text:
        return found
    for m in _office_matches(text, rules):
        end = m.end()
        rest = text[end: end + 120]
        inside = _INSIDE.match(rest)
        if inside and inside.group("org") in acronyms:
            found.append(Shape(m.start(), end + inside.end(), text[m.start(): end + inside.end()], "association",
                               group=m.group("head"), bare=True))
            continue
        end += _office_name_length(rest, rules, programme_names)
        if _INSIDE.match(text, end):
            continue  # a unit of the body named next
        bare = end == m.end()
        if bare and not m.group("prefix"):
            continue  # "die Fachstelle" alone is generic
        found.append(Shape(m.start(), end, text[m.start(): end], "association", group=m.group("head"), bare=bare))
    return found


def _office_matches(text: str, rules: ShapeRules) -> list[re.Match]:
    """`rules.office.finditer(text)`, tried only where an office head is (with its "ESF-" prefix)."""
    starts = set()
    for head in rules.office_heads:
        at = text.find(head)
        while at >= 0:
            prefix = _PREFIX_BEFORE.search(text, max(0, at - 30), at)
            starts.add(prefix.start() if prefix else at)
            at = text.find(head, at + len(head))
    return [m for m in map(lambda s: rules.office.match(text, s), sorted(starts)) if m]


_PREFIX_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w+]*-$")


def _office_name_length(rest: str, rules: ShapeRules, programme_names: Container[str]) -> int:
    """Length of the name after an office head: "für das Programm rückenwind+", a programme, or capitalised
    words ("Gute Pflege"); 0 when none follows."""
    m = re.match(rf"{S}für{S}das{S}(?:{_CAP}-)?(?:Programm|Bundesprogramm|Modellprogramm){S}(\S+?)(?=[\s,.;:!?)]|$)",
                 rest)
    if m and m.group(1) in programme_names:
        return m.end()
    m = re.match(rf"{S}(\S+?)(?=[\s,.;:!?)]|$)", rest)
    if m and m.group(1) in programme_names:
        return m.end()
    m = rules.office_tail.match(rest)
    if m and not (len(m.group().split()) == 1 and m.group().strip().lower().endswith(rules.common_noun_endings)):
        return m.end()
    return 0


def centres(text: str, rules: ShapeRules, is_place: Callable[[str], bool] = lambda word: False) -> list[Shape]:
    """A centre and its own name: "Bürgerzentrum Lindenhof", "Kompetenzzentrum Frau und Beruf Region
    Aachen" (not "Familienzentrum Bildung", a common noun, nor "Stadtzentrum Kassels", a place)."""
    if "zentrum" not in text:
        return []
    found = []
    for m in rules.centre.finditer(text):
        word = m.group("name")
        if word.lower().endswith(rules.common_noun_endings) or _ADJECTIVE.match(word) \
                or is_place(word) or word.endswith("s") and is_place(word[:-1]):
            continue
        if len(word) <= 3 and text.startswith(".", m.end("name")):
            continue  # "Gemeindezentrum St. Stephan": an abbreviation opens a longer name, read no fragment
        head = m.group("head")
        more = m.group("more")
        if more and ("und" not in more.split() or rules.function_words.intersection(more.split())
                     or len(more.split()) > 6):
            continue  # "… Nord Kinder betreut": a clause goes on; only a coordinated name runs longer
        found.append(Shape(m.start(), m.end(), f"{head[:-1] if head.endswith('s') else head} {word}{more}",
                           "association"))
    return found


def schools(text: str, rules: ShapeRules, is_place: Callable[[str], bool] = lambda word: False) -> list[Shape]:
    """A school named by its site: "Gemeinschaftsschule auf dem Campus Nord", "Gymnasium am Markt" (not
    "Grundschule am Montag", a time, nor one "an der Weser" when the places gazetteer knows the river)."""
    matches = _matches_from(text, "schule ", rules.school) + _matches_from(text, "Gymnasium ", rules.school)
    return [Shape(m.start(), m.end(), m.group(), "school") for m in matches
            if not is_place(m.group("name")) and m.group("name").split()[0] not in rules.not_school_sites]


_CLUB = re.compile(rf"(?<![\w-])(?P<head>{_UP}[\wäöüß]*verein|Verein|Verband|Stiftung)"
                   rf"[ \t]+(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,2}})"
                   rf"(?=[ \t]+[a-zäöüß]|[ \t]*[,.;:!?)\n]|$)"
                   # a legal form after the name: the legal form's rule reads the name ("Verein X e. V.")
                   rf"(?![ \t]+(?:e\.[ \t]?V\.|gGmbH|gUG|eG)(?![\w]))")


# an association or foundation named by an acronym: "bei der Stiftung SPI"
_CLUB_ACRONYM = re.compile(r"(?<![\w-])(?:Verein|Verband|Stiftung)[ \t]+[A-ZÄÖÜ]{2,6}(?![\w-])")


_CLUB_NEEDLES = ("erein", "Verband", "Stiftung")  # in the first word of every club's match


def clubs(text: str, rules: ShapeRules) -> list[Shape]:
    """An association or foundation and its own name of two or three capitalised words or an acronym:
    "Verein Kinderhilfe Neustadt", "Förderverein Jugendhaus Süd", "Stiftung Bremer Bürgerhilfe" (one word, as
    in "der Verein Mitglieder wirbt", is too often a noun, and a capitalised function word makes a motto)."""
    if "erein" not in text and "Verband" not in text and "Stiftung" not in text:
        return []
    return [Shape(m.start(), m.end(), m.group(), "association") for m in matches_where(text, _CLUB, _CLUB_NEEDLES)
            if rules.function_words.isdisjoint(m.group("name").split())] + \
        [Shape(m.start(), m.end(), m.group(), "association") for m in _CLUB_ACRONYM.finditer(text)]


_COMPOUND_BODY = re.compile(rf"(?<![\w-])(?P<brand>[A-ZÄÖÜ]{{2,}}[ \t]+)?"
                            rf"(?P<head>{_UP}[a-zäöüß]+(?:werk|verband|verein|stiftung|jugendring|bank|kammer"
                            rf"|agentur|zentrale|genossenschaft|handwerkerschaft))"
                            rf"(?:e?s)?[ \t]+"
                            rf"(?P<name>{_UP}[a-zäöüß]{{2,}}(?:-{_UP}[a-zäöüß]+)*)"
                            rf"(?=[ \t]+[a-zäöüß]|[ \t]*[,.;:!?)\n]|$)")


# in the head word of every compound body's match ("schaft": Genossenschaft, Handwerkerschaft)
_COMPOUND_HEADS = ("werk", "verband", "verein", "stiftung", "jugendring", "bank", "kammer", "agentur", "zentrale",
                   "schaft")


def compound_bodies(text: str, rules: ShapeRules, is_place: Callable[[str], bool] = lambda word: False) -> list[Shape]:
    """A body named by a compound head and one name word of its region: "Diakoniewerk Oberharz", "des
    Bildungswerks Lausitz", "Kreisjugendring Esslingen", "IQ Netzwerk Bayern", "Investitionsbank
    Sachsen-Anhalt", "Arbeitnehmerkammer Bremen", "Jugendberufsagentur Mayen-Koblenz", "Verbraucherzentrale Hessen",
    "Kreishandwerkerschaft Mittelhessen". A word inflected
    like a common noun ("Bildungswerk Kurse") names no region unless it is a known place; common nouns
    ending in a head ("Handwerk", "Datenbank") are no body."""
    if not any(head in text for head in _COMPOUND_HEADS):
        return []
    found = []
    for m in matches_where(text, _COMPOUND_BODY, _COMPOUND_HEADS, word_before=True):  # (an acronym may precede)
        head, word = m.group("head"), m.group("name")
        if head.lower() in rules.common_heads or word in rules.function_words:
            continue
        if not is_place(word) and (word.endswith(("e", "en", "er", "em", "es")) or _ADJECTIVE.match(word)
                                   or word.lower().endswith(rules.common_noun_endings)):
            continue
        # an acronym before the head is part of the name ("IQ Netzwerk Bayern"): no fragment of it
        found.append(Shape(m.start(), m.end(), f"{m.group('brand') or ''}{head} {word}", "association"))
    return found


_UNIVERSITY = re.compile(rf"(?<![\w-])(?:{_UP}[\wäöüß]*-)?(?:Universität|Hochschule|Fachhochschule){S}"
                         rf"(?P<name>{_UP}[a-zäöüß]+(?:{_UP}[a-zäöüß]+)?)"
                         rf"(?=[ \t]*[,;:!?)\n]|\.(?:\s|$)|[ \t]+(?:und|sowie|oder|in|im|an|am|mit|hat|ist|war|wird)(?![\w])|$)")


def universities(text: str, rules: ShapeRules) -> list[Shape]:
    """A university named by a region or a name of its own ("Hochschule Niederrhein", "Hochschule
    RheinMain"), where the name ends the phrase; an inflected or abstract noun after the head ("die
    Hochschule Kurse", "Hochschule Forschung") or an adverb opening the next clause is no name."""
    if "ochschule" not in text and "Universität" not in text:
        return []
    found = []
    for m in matches_where(text, _UNIVERSITY, ("ochschule", "Universität")):
        word = m.group("name")
        if word.endswith(("e", "en", "er", "es", "s")) or word.lower().endswith(rules.common_noun_endings) \
                or word in rules.not_university_names:
            continue
        found.append(Shape(m.start(), m.end(), m.group(), "university"))
    return found


def shape_candidates(text: str, rules: ShapeRules, programme_names: Container[str], acronyms: Container[str],
                     is_place: Callable[[str], bool] = lambda word: False) -> list[Shape]:
    """Every shape's finds in `text`; `is_place` tells a place name (the places gazetteer)."""
    return [*quoted_names(text, rules), *houses(text), *offices_for(text),
            *named_offices(text, rules, programme_names, acronyms), *centres(text, rules, is_place),
            *schools(text, rules, is_place), *clubs(text, rules), *universities(text, rules),
            *compound_bodies(text, rules, is_place)]
