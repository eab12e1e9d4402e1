"""Read what a gathering noun stands for: a back-reference, a part of a larger gathering, its venue and town."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from biwaq_extract.nlp.rule_data import load
from biwaq_extract.nlp.token_view import TokenView
from biwaq_extract.records import DateMention


@dataclass(frozen=True)
class LinkRules:
    """Word lists loaded from the `links` section of data/events.yaml."""

    back_determiners: frozenset[str]
    genitive_determiners: frozenset[str]
    kind_determiners: frozenset[str]
    generic_heads: frozenset[str]
    part_heads: frozenset[str]
    type_prefixes: tuple[tuple[str, str], ...]
    prefixes: tuple[str, ...]  # the prefixes of type_prefixes, for one str.startswith
    venue_pattern: re.Pattern
    venue_heads: tuple[str, ...]
    locator_labels: frozenset[str]
    town_adjectives: dict[str, str]
    cumulative_words: frozenset[str]
    habitual_words: frozenset[str]
    weekday_pattern: re.Pattern  # "am (vergangenen) Montag": group 1 the adjective, group 2 the weekday
    weekday_past: frozenset[str]  # "vergangenen", "letzten": the weekday before publication
    weekdays: dict[str, int]  # lower-case weekday -> Monday 0 … Sunday 6
    future_cues: frozenset[str]  # words of an announcement (from data/temporal.yaml)
    max_frame_days: int
    period_frames: frozenset[str]  # frame types a month or season may date
    capacity_words: frozenset[str]  # "begrenzt": a count of places, not of people who came
    stand_words: frozenset[str]  # "Stand": counts there are a stand's visitors
    record_nouns: frozenset[str]  # "Dokumentation", "Aufzeichnung": a record of a gathering
    deadline_words: tuple[str, ...]  # "Anmeldeschluss", "Frist": a date after them is a deadline
    cancel_cues: tuple[frozenset[str], ...]  # word sets of a gathering that did not take place


class OnlineTest:
    """Whether a sentence tells of an online format: a whole word ("online", "digital") or a compound
    of a gathering noun ("Online-Seminar", "Digitalveranstaltung"); an "Online-Wettbewerb" is none."""

    def __init__(self, words: list[str], prefixes: list[str], heads: list[str]):
        self.roots = tuple(dict.fromkeys([*prefixes, *(w[:6] for w in words)]))  # a cheap test first
        self.pattern = re.compile(
            r"\b(?:" + "|".join(words) + r")\b(?!-)|\b(?:" + "|".join(prefixes) + r")-?\w*(?:"
            + "|".join(map(re.escape, heads)) + r")\b"
        )

    def __call__(self, text: str) -> bool:
        lower = text.lower()
        return any(r in lower for r in self.roots) and bool(self.pattern.search(lower))


def load_link_rules(data: dict) -> LinkRules:
    heads = sorted(data["venue_heads"], key=len, reverse=True)
    word = r"[A-ZÄÖÜ][\w'’.-]*"
    # "im Parksaal des Erfurter Steigerwaldstadions", "im Kulturzentrum Schlachthof", "in der Kalkscheune",
    # "im Haus der Kirche" (a house named by its genitive), "im Congress Center Leipzig" (a venue noun of its own
    # before a name or a genitive: "in den Räumen der Arbeitsagentur Weimar"), "im Kultur- und Kongresszentrum
    # Rosenheim":
    # after a locative preposition (capitalised when it opens a sentence), up to two capitalised words and a word
    # ending in a venue noun, then capitalised name words or one genitive phrase
    venue = re.compile(
        rf"\b(?i:im|in der|in dem|in das|in die|in den|ins|auf dem)\s+((?:(?:{word}\s+(?:und\s+)?){{0,2}}(?:{word}(?:{'|'.join(map(re.escape, heads))})"
        rf"|(?:{'|'.join(re.escape(w.capitalize()) for w in data['venue_words'])})(?=\s+(?:[A-ZÄÖÜ]|de[rs]\s)))"
        rf"|Haus(?=\s+de[rs]\s))"
        rf"(?:\s+(?:des|der)\s+(?:{word}\s+)?{word}|(?:\s+{word}){{0,3}})?)(?=[\s,.;:!?)]|$)"
    )
    return LinkRules(
        back_determiners=frozenset(data["back_determiners"]),
        genitive_determiners=frozenset(data["genitive_determiners"]),
        kind_determiners=frozenset(data["kind_determiners"]),
        generic_heads=frozenset(data["generic_heads"]),
        part_heads=frozenset(data["part_heads"]),
        type_prefixes=tuple((p.lower(), t) for p, t in data["type_prefixes"].items()),
        prefixes=tuple(p.lower() for p in data["type_prefixes"]),
        venue_pattern=venue,
        venue_heads=tuple(heads),
        locator_labels=frozenset(data["locator_labels"]),
        town_adjectives=dict(data["town_adjectives"]),
        cumulative_words=frozenset(data["cumulative_words"]),
        habitual_words=frozenset(data["habitual_words"]),
        weekday_pattern=re.compile(r"(?i)\bam (?:(" + "|".join(data["weekday_past"] + data["weekday_next"]) + r") )?("
                                   + "|".join(data["weekdays"]) + r")\b"),
        weekday_past=frozenset(data["weekday_past"]),
        weekdays={w: i for i, w in enumerate(data["weekdays"])} | {"sonnabend": 5},
        future_cues=frozenset(load("temporal")["future_cues"]),
        max_frame_days=int(data["max_frame_days"]),
        period_frames=frozenset(data["period_frames"]),
        capacity_words=frozenset(data["capacity_words"]),
        stand_words=frozenset(data["stand_words"]),
        record_nouns=frozenset(data["record_nouns"]),
        deadline_words=tuple(data["deadline_words"]),
        cancel_cues=tuple(frozenset(words) for words in data["cancel_cues"]),
    )


_SAY_OFF = frozenset({"sagte", "sagten", "sagt", "sagen"})  # "sagten … ab": called off
_CLAUSE_ENDS = frozenset({".", ",", ";", "und", "–"})


def cancel_anchors(words: set[str], rules: LinkRules) -> set[str]:
    """The words by which a Doc with these (lower-case) words may call a gathering off: the longest word of
    each cue it holds all words of, and "ab" with a "sagte"; empty for most Docs (a cheap test before its
    sentences are read)."""
    anchors = {max(cue, key=len) for cue in rules.cancel_cues if words.issuperset(cue)}
    if "ab" in words and not _SAY_OFF.isdisjoint(words):
        anchors.add("ab")
    return anchors


def cancelled(lowers: list[str], rules: LinkRules) -> bool:
    """The sentence (its lower-case tokens) tells of a gathering that did not or will not take place:
    "Eigentlich hätte die Jahrestagung im Mai stattfinden sollen", "kann nicht wie geplant stattfinden",
    "sagten die Veranstaltung ab" (a separable "ab" that ends a clause, not "ab 2021")."""
    words = set(lowers)
    if any(words.issuperset(cue) for cue in rules.cancel_cues):
        return True
    if "ab" not in words or _SAY_OFF.isdisjoint(words):
        return False
    return any(w == "ab" and nxt in _CLAUSE_ENDS for w, nxt in zip(lowers, lowers[1:]))


_ARTICLES = frozenset({"zum", "dem", "den", "der", "die", "das"})
_PUNCTUATION = ",:(\"„“"


def bounds_period(text: str, start: int, period_words: frozenset[str], rules: LinkRules) -> bool:
    """The date at `start` ends or opens a period or is a deadline, by the words before it: "bis zum
    30. Juni", "ab dem 1. Juli", "Anmeldeschluss ist der 31. Mai", "Frist: 3. Mai"."""
    before = text[max(0, start - 90) : start]
    clause = before[max(map(before.rfind, ".;!?")) + 1 :].lower()  # after the last clause end
    words = clause.split()[-8:]
    # the last word, or the one before an article ("bis zum"), without its punctuation
    near = words[-1].strip(_PUNCTUATION) if words else None
    if near in _ARTICLES:
        near = words[-2].strip(_PUNCTUATION) if len(words) > 1 else None
    if near is not None and near in period_words:
        return True
    # (a word ending in a deadline word holds it: most clauses hold none, told by a few substring searches)
    return any(d in clause for d in rules.deadline_words) and any(w.strip(_PUNCTUATION).endswith(rules.deadline_words) for w in words)


def record_of(v: TokenView, i: int, rules: LinkRules) -> bool:
    """The gathering noun at i follows a record of it: "die Dokumentation der Konferenz", "eine Aufzeichnung des
    Fachtags"; not when its own date follows ("die Ergebnisse des Workshops vom 3. Mai")."""
    if i < 2 or v.lowers[i - 1] not in rules.genitive_determiners or v.lowers[i - 2] not in rules.record_nouns:
        return False
    return not (i + 2 < v.n and v.lowers[i + 1] in ("vom", "am") and v.like_num[i + 2])


def back_reference(word: str, head: str, named_before: set[str], rules: LinkRules) -> bool:
    """Whether a noun with a definite determiner points back to a gathering already told of: a generic
    noun ("die Veranstaltung", "dieses Treffen", "auf dem Kongress") or a compound named before
    ("beim Bundeskongress" after "der vierte Bundeskongress"). `word` is the noun in lower case."""
    word = word.lstrip("-\"'„“")
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return bool(forms & (rules.generic_heads & {head}) or forms & named_before)


def definite(v: TokenView, i: int, rules: LinkRules) -> bool:
    """The noun at i has a definite or demonstrative determiner, perhaps with adjectives between
    ("bei dem Projektbesuch", "diese erste Veranstaltung")."""
    if i == 0:
        return False
    k = i - 1
    if v.lowers[k] in rules.back_determiners:
        return True
    while k > 0 and v.lowers[k][:1].isalpha() and v.texts[k][:1].islower() and v.lowers[k] not in rules.back_determiners:
        k -= 1  # adjectives between the determiner and the noun ("diese erste Veranstaltung")
        if i - k > 3:
            return False
    return v.lowers[k] in rules.back_determiners


# a year told as a phrase of its own ("im vergangenen Jahr", "im Jahr 2022", "in diesem Jahr")
_YEAR_PHRASES = ("im ", "Im ", "in diesem", "In diesem", "vergangenes", "Vergangenes", "letztes", "Letztes", "nächstes", "Nächstes")


def names_year(text: str, head_end: int, year_start: int, period_words: frozenset[str]) -> bool:
    """A bare year dates a gathering when it ends the gathering's own name ("Jahrestagung der
    Zukunftszentren 2024") or stands free ("im Jahr 2022"); not after another noun ("zum Aufruf 2023
    und Informationsveranstaltung") nor after a period word ("post 2020")."""
    if text.startswith(_YEAR_PHRASES, year_start):
        return True  # "Im vergangenen Jahr hatte der Netzwerktag in Magdeburg stattgefunden"
    before = text[max(0, year_start - 30) : year_start].split()
    if not before or before[-1].lower().strip("\"„“(") in period_words:
        return False
    gap = text[head_end : year_start] if head_end <= year_start else "."
    if len(gap.split()) <= 4 and not any(c in gap for c in ".,;:!?"):
        return True
    # a capitalised word opening the sentence is no noun the year belongs to ("Auch 2025 soll es … geben"),
    # nor one before a colon ("Zum Vergleich: 2025 kamen …")
    opening = len(before) < 2 or before[-2][-1:] in ".!?:" or before[-1][-1:] == ":"
    return not before[-1][:1].isupper() or before[-1] in ("Jahr", "Jahres") or opening


def kind_of_gathering(v: TokenView, i: int, rules: LinkRules) -> bool:
    """An indefinite genitive ("die Organisation eines Stadtteilfestes", "Planung eines großen
    Workshops") names a kind of gathering; with no date in its sentence it is not one that takes place."""
    return any(v.lowers[k] in rules.kind_determiners for k in range(max(0, i - 3), i))


def weekday_date(weekday: str, published: dt.date, sentence: str, rules: LinkRules, said: str | None = None) -> dt.date:
    """The day "am Montag" means in an article published on `published`: in a report the most recent
    such weekday up to publication, in an announcement (a future cue in the sentence) the next one;
    "am vergangenen Montag" is always the one before, "am kommenden Montag" the one after (`said`, the
    adjective)."""
    day = rules.weekdays[weekday.lower()]
    past = said.lower() in rules.weekday_past if said else rules.future_cues.isdisjoint(sentence.lower().split())
    if past:
        return published - dt.timedelta(days=(published.weekday() - day) % 7)
    return published + dt.timedelta(days=(day - published.weekday()) % 7 or 7)


def add_weekday_dates(text: str, sents: list, by_dates: list, published: dt.date, rules: LinkRules) -> None:
    """Give each sentence that says "am <weekday>" and names no day or month that day (see
    `weekday_date`); the days serve the events only and are not reported as dates."""
    starts = [s.start_char for s in sents]
    for m in rules.weekday_pattern.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and all(d.granularity in ("year", "years") for d in by_dates[k]):  # no day or month given
            day = weekday_date(m.group(2), published, sents[k].text, rules, m.group(1))
            mention = DateMention(m.group(0), m.start(), m.end(), day, day, "day", "rule:weekday", sents[k].text)
            by_dates[k] = [*by_dates[k], mention]


def part_of_named(v: TokenView, end: int, is_head, rules: LinkRules) -> bool:
    """A noun followed by the genitive of another gathering is a part of it: "beim Auftakt des
    Netzwerktreffens", "die Eröffnung der Fachtagung"."""
    if end >= v.n or v.lowers[end] not in rules.genitive_determiners:
        return False
    return any(is_head(v.texts[j]) for j in range(end + 1, min(v.n, end + 4)))


def typed(word: str, etype: str, rules: LinkRules) -> str:
    """A compound's first part may fix the type: "Auftakt-Workshop" is a kick-off, "Online-Seminar" a webinar."""
    w = word.lower().lstrip("-\"'„“")
    if not w.startswith(rules.prefixes):
        return etype
    for prefix, ptype in rules.type_prefixes:
        if w.startswith(prefix) and len(w) > len(prefix) + 3:
            return ptype
    return etype


def town_of_adjective(word: str, rules: LinkRules, known_city) -> str | None:
    """ "Erfurter" -> Erfurt, "Kölner" -> Köln: the town a place adjective names (irregular ones listed)."""
    if word in rules.town_adjectives:
        return rules.town_adjectives[word]
    if len(word) > 5 and word.endswith("er") and known_city(word[:-2]):
        return word[:-2]
    return None


def venue_in(
    text: str, start: int, end: int, rules: LinkRules, known_city, buildings: bool = True
) -> tuple[str | None, str | None, int]:
    """(venue, town, end of venue) of the first venue phrase between `start` and `end` of `text`.

    The town comes from a place adjective inside the venue ("Parksaal des Erfurter Steigerwaldstadions")
    or right after it ("im Schlachthof in der Kasseler Nordstadt"), else from a town in its name
    ("im Rathaus Bochum"). With `buildings` false (no word of
    the text ends in a venue noun) only place adjectives are looked for.
    """
    m = rules.venue_pattern.search(text, start, end) if buildings else None
    if not m:
        # no building, but a place adjective after a locative ("im Erfurter Kultur-Quartier")
        for a in _LOCATIVE_ADJECTIVE.finditer(text, start, end):
            town = town_of_adjective(a.group(1), rules, known_city)
            if town:
                return None, town, a.end(1)
        return None, None, -1
    venue = m.group(1).rstrip(".")  # a sentence's full stop, not part of the name
    words = venue.split()
    town = None
    after = text[m.end(1) : min(end, m.end(1) + 40)].split()
    if len(after) >= 3 and after[0] == "in" and after[1] in ("der", "dem"):
        words = words + [after[2]]
    for w in words:
        town = town or town_of_adjective(w, rules, known_city)
    # a trailing town adjective belongs to the next phrase, not to the venue's name
    while len(venue.split()) > 1 and town_of_adjective(venue.split()[-1], rules, known_city):
        venue = venue.rsplit(None, 1)[0]
    return venue, town or town_in_venue(venue, known_city), m.end(1)


_LOCATIVE_ADJECTIVE = re.compile(r"\b(?i:im|in der|in dem|ins|am|auf dem)\s+([A-ZÄÖÜ]\w+er)\s+[A-ZÄÖÜ]")
# "Erfurt. Spiel, Spaß …", "Kassel – Schöner als …": a news paragraph opening with the town it reports from
_DATELINE = re.compile(r"(?m)^([A-ZÄÖÜ][\w-]+(?: am [A-ZÄÖÜ]\w+)?)(?:\.| [–-]) [A-ZÄÖÜ„\"]")


def dateline(text: str, known_city) -> str | None:
    """The town of a news dateline at the start of a paragraph in the first part of the text."""
    for m in _DATELINE.finditer(text, 0, min(len(text), 3000)):
        if known_city(m.group(1)):
            return m.group(1)
    return None


_LOCATOR = re.compile(r"(\w+)(?:\s*:|\s+(?:ist|war)\s+(?:das|die|der|dem|im|in der|in dem)\b)\s*(.*)", re.S)


_ONLINE_PLACES = ("online", "digital", "virtuell", "per zoom", "per video", "webex", "zoom")


def locator_line(text: str, start: int, end: int, rules: LinkRules) -> str | None:
    """The venue of an announcement's place line: "Ort: Centre Monbijou, Straße 1, 10178 Berlin",
    "Veranstaltungsort ist das Bürgerhaus in Kassel"."""
    line = text[start:end].strip()
    m = _LOCATOR.match(line)
    if not m or m.group(1) not in rules.locator_labels:
        return None
    venue = m.group(2).split(",")[0].split(" in ")[0].strip().rstrip(".").strip()
    if venue.lower().startswith(_ONLINE_PLACES):
        return None  # "Ort: online", "Ort: digital per Zoom": no building
    return venue or None


def venue_towns(text: str, start: int, end: int, rules: LinkRules, known_city) -> list[tuple[int, int, str]]:
    """(start, end, town) of every venue phrase between `start` and `end` whose town it names ("am 5. März im
    Kongresszentrum Rosenheim und am 19. März im Stadttheater Ingolstadt"); empty when one names none."""
    out = []
    for m in rules.venue_pattern.finditer(text, start, end):
        venue = m.group(1).rstrip(".")  # a sentence's full stop, not part of the name
        town = next((t for w in venue.split() if (t := town_of_adjective(w, rules, known_city))), None)
        town = town or town_in_venue(venue, known_city)
        if town is None:
            return []
        out.append((m.start(1), m.start(1) + len(venue), town))
    return out


def town_in_venue(venue: str, known_city) -> str | None:
    """A town named inside a venue's name: "Rathaus Bochum" -> Bochum."""
    return next((w for w in reversed(venue.split()) if w[:1].isupper() and known_city(w)), None)


class Venues:
    """The venues of one Doc's sentences, each read once; `buildings` tells whether any word of the Doc
    ends in a venue noun (most articles have none, and then the venue pattern is not run)."""

    def __init__(self, text: str, rules: LinkRules, known_city, buildings: bool):
        self.text, self.rules, self.known_city, self.buildings = text, rules, known_city, buildings
        self._any_locator: bool | None = None  # read on first need: most gatherings have a venue phrase or none
        self.memo: dict[int, tuple[str | None, str | None]] = {}

    @property
    def any_locator(self) -> bool:
        """Some place-line label ("Ort", "Veranstaltungsort") occurs in the text."""
        if self._any_locator is None:
            self._any_locator = any(label in self.text for label in self.rules.locator_labels)
        return self._any_locator

    def _in(self, span) -> tuple[str | None, str | None]:
        if span.start_char not in self.memo:
            venue, town, _ = venue_in(self.text, span.start_char, span.end_char, self.rules, self.known_city, self.buildings)
            self.memo[span.start_char] = (venue, town)
        return self.memo[span.start_char]

    def of(self, contexts: list, k: int, source) -> tuple[str | None, str | None]:
        """(venue, town) of the gathering named in sentence k: a venue phrase in its sentence or the one
        that dates it, else an announcement's "Ort:" line among the next sentences (whose town is its
        last place)."""
        for ctx in (contexts[k],) if source is contexts[k] else (contexts[k], source):
            venue, town = self._in(ctx.span)
            if venue or town:
                return venue, town
        if self.any_locator:
            # the lines after it, then those just above it in its paragraph ("Wo: …" above "Was: Netzwerktreffen")
            above = [c for c in contexts[max(0, k - 2) : k] if "\n\n" not in self.text[c.span.end_char : contexts[k].span.start_char]]
            for ctx in [*contexts[k + 1 : k + 5], *reversed(above)]:
                venue = locator_line(self.text, ctx.span.start_char, ctx.span.end_char, self.rules)
                if venue:
                    return venue, ctx.places[-1].name if ctx.places else town_in_venue(venue, self.known_city)
        return None, None
