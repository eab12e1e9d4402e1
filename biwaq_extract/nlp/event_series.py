"""Split a series of gatherings into one event per place or per date ("Seminare in Dresden, Kiel und Mainz")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from biwaq_extract.records import PlaceMention

# endings of a plural or dative plural after the singular head ("Seminare", "Konferenzen", "Workshops")
_PLURAL_ENDINGS = ("en", "n", "e", "s")
# what may stand between two places of one list
_LIST_JOINT = re.compile(r"\s*(?:,|und|sowie|oder|,\s*und)\s*$")
_DAYS = ("day", "days")
# a tour's stops: "machte im Mai Station in Lahr, Bonn und Mainz"
_STOPS = re.compile(r"\b(?:Station|Stationen|Halt)\s+in\s*$")
_BULLET = re.compile(r"^\s*[-–•*·]\s*|^\s*\d+\.\s+")


class SeriesEvent(NamedTuple):
    """One gathering of a series: the plural noun it comes from (`name`), its type, and the place or
    date mention that sets it apart (whose characters and sentence it takes)."""

    start_char: int
    end_char: int
    sentence: int  # index of the sentence holding that mention
    name: str
    head: str
    type: str
    date: object | None  # a DateMention
    place: object | None  # a PlaceMention


_UMLAUTS = str.maketrans("äöü", "aou")


def singular_head(word: str, head_of: Callable[[str], tuple[str, str] | None]) -> tuple[str, str] | None:
    """(head, type) of a plural gathering noun: "Pflegekongressen" -> ("kongress", "conference"); an umlaut of
    the plural goes back to the singular's vowel ("Werkstätten" -> "werkstatt", "Empfänge" -> "empfang")."""
    w = word.lower()
    for end in _PLURAL_ENDINGS:
        if w.endswith(end) and len(w) > len(end) + 4:
            stem = w[: -len(end)]
            k = max(stem.rfind(u) for u in "äöü")
            for form in (stem, stem[:k] + stem[k].translate(_UMLAUTS) + stem[k + 1 :]) if k >= 0 else (stem,):
                hit = head_of(form)
                if hit:
                    return hit
    return None


def _venue_or_town(ctx, venues: list[tuple[int, int, str]]) -> list:
    """The place of each day of a sentence in order: a venue naming its town or a town named on its own ("am
    4. Mai im Rathaus Pirna, am 12. Mai in Leipzig"); a place inside a venue's name counts once."""
    inside = [p for p in ctx.places if not any(a <= p.start_char < b for a, b, _ in venues)]
    named = [PlaceMention(t, a, b, t, "city", "rule:venue-town") for a, b, t in venues]
    return sorted(inside + named, key=lambda p: p.start_char)


def _place_list(text: str, places: list, after: int) -> list:
    """The places of a list that opens with "in" after `after`: "in Dresden, Kiel und Mainz", also a
    few words on ("machte im Mai Station in Lahr, Bonn und Mainz")."""
    out: list = []
    for p in sorted((p for p in places if p.start_char > after), key=lambda p: p.start_char):
        gap = text[(out[-1].end_char if out else after) : p.start_char]
        if out and _LIST_JOINT.match(gap):
            out.append(p)
        elif not out and re.search(r"\bin\s*$", gap) and (len(gap.split()) <= 4 or _STOPS.search(gap)):
            out.append(p)
        else:
            break
    return out


def joined_places(text: str, places: list) -> list:
    """The places of the first list after "in" anywhere in a sentence: "Im Juni fanden in Halle und
    Magdeburg zwei Workshops statt" -> Halle, Magdeburg (empty when no two places are joined)."""
    ordered = sorted(places, key=lambda p: p.start_char)
    for k, first in enumerate(ordered):
        if not re.search(r"\bin\s*$", text[max(0, first.start_char - 4) : first.start_char]):
            continue
        out = [first]
        for p in ordered[k + 1 :]:
            if not _LIST_JOINT.match(text[out[-1].end_char : p.start_char]):
                break
            out.append(p)
        if len(out) >= 2:
            return out
    return []


# dates a place of a series may have of its own: days, else months or seasons ("im Frühjahr in Rostock und im
# Herbst in Stuttgart"); a year is a period, not one gathering's date
_OWN_DATES = (_DAYS, ("month", "season", "quarter"))


def _dated_places(ctx) -> list[tuple]:
    """(date, place) pairs of a sentence that gives each of two or more places its own day (or month or
    season), in the same order: "am 6. Juni in Kiel und am 13. Juni in Hamburg", "in Kiel (6. Juni) und
    Hamburg (13. Juni)", "im Frühjahr in Rostock und im Herbst in Stuttgart"."""
    places = ctx.places
    if len(places) < 2 or len({p.name for p in places}) != len(places):
        return []
    for kinds in _OWN_DATES:
        dates = [d for d in ctx.dates if d.granularity in kinds]
        if len(dates) == len(places):
            return list(zip(dates, places))
    return []


def may_hold_series(text: str, contexts: list, k: int) -> bool:
    """Whether sentence k can name a series by its places: two places joined as a list or each with its
    own day (a cheap test before its words are read)."""
    ctx = contexts[k]
    places = ctx.places
    if len(places) < 2:
        return False
    joined = any(_LIST_JOINT.match(text[a.end_char : b.start_char]) for a, b in zip(places, places[1:]))
    return joined or bool(_dated_places(ctx))


def _schedule_line(line) -> bool:
    """A line of a schedule: a bullet, or a short line opening with its day ("Dienstag, 14. März 2023, 10 bis
    16 Uhr")."""
    if _BULLET.match(line.span.text):
        return True
    days = [d for d in line.dates if d.granularity in _DAYS]
    return bool(days) and len(line.span.text.split()) <= 12 and days[0].start_char - line.span.start_char <= 16


def _line_town(line, town_named) -> PlaceMention | None:
    """The town opening a place line of a schedule, as written ("Halle (Saale), Stadthaus am Marktplatz")."""
    first = line.span.text.split(",")[0].strip()
    if town_named is None or not first or len(first.split()) > 3 or not town_named(first.split()[0]):
        return None
    start = line.span.start_char + line.span.text.index(first)
    return PlaceMention(first, start, start + len(first), first, "city", "rule:schedule-town")


def schedule(contexts: list, k: int, name: str, head: str, etype: str, town_named=None) -> list[SeriesEvent]:
    """One event per dated line of the schedule under sentence k (which ends in a colon), placed by its own
    place or by a place line right under it ("Gelsenkirchen, Wissenschaftspark")."""
    out: list[SeriesEvent] = []
    j = k + 1
    while j < min(len(contexts), k + 25) and _schedule_line(contexts[j]):
        line = contexts[j]
        days = [d for d in line.dates if d.granularity in _DAYS]
        if days:
            place = line.places[0] if line.places else None
            under = contexts[j + 1] if j + 1 < len(contexts) else None
            if place is None and under is not None and not under.dates and len(under.span.text.split()) <= 8:
                place, j = (under.places[0] if under.places else _line_town(under, town_named)), j + 1
            out.append(SeriesEvent(days[0].start_char, days[0].end_char, j, name, head, etype, days[0], place))
        j += 1
    return out


def series(text: str, contexts: list, heads: Iterator[tuple[int, int, int, str, str, bool]], is_town, venues_of=None) -> list[SeriesEvent]:
    """One event per place of "<plural noun> … in X, Y und Z" (two places at least; each with its own
    day when the sentence gives each place one), or one per day at its own venue (`venues_of` gives a
    sentence's venues with their towns). A singular noun ("Die Info-Tour machte Station in Kiel, Lübeck und
    Flensburg") makes a series only of towns (`is_town`).

    `heads` yields (sentence index, start char, end char, head, type, plural) of gathering nouns.
    """
    out: list[SeriesEvent] = []
    for k, start, end, head, etype, plural in heads:
        ctx = contexts[k]
        if plural and venues_of is not None:
            # each day at its own venue, whose name gives the town
            days = [d for d in ctx.dates if d.granularity in _DAYS]
            venues = venues_of(ctx) if len(days) >= 2 else []
            towns = _venue_or_town(ctx, venues) if venues else []
            if len(towns) == len(days) >= 2:
                out.extend(SeriesEvent(p.start_char, p.end_char, k, text[start:end], head, etype, d, p) for d, p in zip(days, towns))
                continue
        dated = _dated_places(ctx)
        if dated and (plural or all(is_town(p) for _, p in dated)):
            out.extend(SeriesEvent(p.start_char, p.end_char, k, text[start:end], head, etype, d, p) for d, p in dated)
            continue
        places = _place_list(text, list(ctx.places), end)
        if len(places) >= 2 and (plural or all(is_town(p) for p in places)):
            date = next((d for d in ctx.dates if d.granularity in ("day", "days", "month", "season", "quarter")), None)
            name = text[start:end]
            out.extend(SeriesEvent(p.start_char, p.end_char, k, name, head, etype, date, p) for p in places)
            continue
    return out


def series_of(v, contexts: list, text: str, head_of, typed, is_town, schedule_words: frozenset[str] = frozenset(),
              vague: frozenset[str] = frozenset(), town_named=None, venues_of=None, plural_of=None) -> list[SeriesEvent]:
    """The series events of a Doc: sentences with a list of places, and schedules under a line ending in a
    colon (see `schedule`), for gathering nouns (`head_of` gives a word's head and type, `typed` refines
    the type). A schedule word ("Weitere Termine … in Freising und Bad Tölz", "Die Termine im Überblick:")
    stands for the gathering noun of the sentences before it. `plural_of` gives `singular_head` of a word
    (by default with `head_of`; a caller may remember its answers)."""
    if plural_of is None:
        def plural_of(word: str):
            return singular_head(word, head_of)

    def noun_in(k: int, plural_only: bool):
        ctx = contexts[k]
        for i in range(ctx.span.start, ctx.span.end):
            if v.texts[i][:1].isupper():
                hit, plural = plural_of(v.texts[i]), True
                if not hit and not plural_only:
                    hit, plural = head_of(v.texts[i]), False
                if hit:
                    return v.idx[i], v.ends[i], hit[0], typed(v.lowers[i], hit[1]), plural
        return None

    def told_before(k: int):
        """The nearest gathering noun of the few sentences before k: what "Termine" stands for (one that
        names a kind of gathering before a mere "Veranstaltungen")."""
        found = [f for j in range(k - 1, max(-1, k - 6), -1) if (f := noun_in(j, False))]
        return next((f for f in found if f[2] not in vague), found[0] if found else None)

    def heads():
        for k, ctx in enumerate(contexts):
            several_days = venues_of is not None and sum(d.granularity in _DAYS for d in ctx.dates) >= 2
            if (len(ctx.places) > 1 and may_hold_series(text, contexts, k)) or several_days:
                found = False
                for i in range(ctx.span.start, ctx.span.end):
                    if not v.texts[i][:1].isupper():
                        continue
                    hit, plural = plural_of(v.texts[i]), True
                    if not hit:
                        hit, plural = head_of(v.texts[i]), False
                    if hit:
                        found = True
                        yield k, v.idx[i], v.ends[i], hit[0], typed(v.lowers[i], hit[1]), plural
                if not found and schedule_words and not schedule_words.isdisjoint(v.lowers[ctx.span.start : ctx.span.end]):
                    before = told_before(k)
                    if before:  # the series is read from the schedule word, of the kind told before
                        i = next(i for i in range(ctx.span.start, ctx.span.end) if v.lowers[i] in schedule_words)
                        yield k, v.idx[i], v.ends[i], before[2], before[3], True

    out = series(text, contexts, heads(), is_town, venues_of)
    for k, ctx in enumerate(contexts):
        if ctx.span.text.rstrip().endswith(":") and k + 1 < len(contexts) and _schedule_line(contexts[k + 1]):
            found = noun_in(k, True)
            if found is None and not schedule_words.isdisjoint(v.lowers[ctx.span.start : ctx.span.end]):
                found = told_before(k)
            if found:
                start, end, head, etype, _ = found
                out.extend(schedule(contexts, k, text[start:end], head, etype, town_named))
    return out


# numbers and the determiners of a plural that a verb reports ("Die Online-Infoveranstaltungen finden am 3. und
# am 17. März statt")
_NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf mehrere einige die alle beide beiden weitere".split())
# "Werkstätten" -> "Werkstatten": the plural's umlaut back to the singular's vowel before the ending is cut
_UMLAUT_PLURAL = re.compile(r"stätt(?=en$)", re.I)


def counted_plural(v, start: int, end: int, head_of) -> tuple[str, str, str] | None:
    """(word, head, type) of a plural gathering noun counted by a number word or digits between tokens start and
    end: "fanden zehn Online-Werkstätten statt", "finden im Juni drei Seminare statt" name what took place.
    `head_of` gives a word's (head, type) or None."""
    for i in range(start + 1, end):
        if v.texts[i][:1].isupper() and (v.lowers[i - 1] in _NUMBER_WORDS or v.texts[i - 1].isdigit()):
            word = v.texts[i]
            hit = singular_head(_UMLAUT_PLURAL.sub(lambda m: m.group(0).replace("ä", "a"), word), head_of) or head_of(word)
            if hit:
                return word, hit[0], hit[1]
    return None
