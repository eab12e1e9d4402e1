"""Merge the mentions of one gathering into one event: same dates, back-references, parts of a whole."""

from __future__ import annotations

from typing import Any

# An event mention before merging: the named tuple events.py builds (fields as records.EventMention).
Mention = Any


# Heads that say only that something is held ("Veranstaltung", "Bilanzveranstaltung"): their type is a guess.
VAGUE_HEADS = frozenset({"veranstaltung"})
# Frame types that tell the kind of a gathering named by a vague noun ("ausgezeichnet", "überreichte"); meeting
# verbs ("trafen sich", "kamen zusammen") tell of people at any gathering.
TELLING_FRAMES = frozenset({"award"})
# the bare word for a beginning: "zum Auftakt" tells what came first, not the kind of gathering
OPENING_WORDS = frozenset({"auftakt"})


def kind_of_the_article(events: list[Mention]) -> list[Mention]:
    """A "Veranstaltung" of an article whose other gatherings are all of one kind is of that kind ("zwei
    Azubi-Speed-Datings … 2025 kamen zur Veranstaltung in Rosenheim …": a fair)."""
    vague = [e for e in events if e.text.lower() in VAGUE_HEADS]  # the bare noun; a compound names a kind
    kinds = {e.type for e in events if e.text.lower() not in VAGUE_HEADS and e.type != "other"}
    if not vague or len(kinds) != 1:
        return events
    (kind,) = kinds
    return [e._replace(type=kind) if e in vague else e for e in events]


def _part(e: Mention, part_heads: frozenset[str]) -> bool:
    return e.rule.rpartition(":")[2] in part_heads


def wholes(candidates: list[Mention], part_heads: frozenset[str]) -> list[Mention]:
    """The mentions without the parts of a larger gathering (a panel, an info stand, an exhibition shown
    at a fair) that have no date of their own or the date of another gathering, when the article names
    one: dropped before merging, so a part lends the whole neither its place nor its date. (A part
    with a date of its own may be the article's gathering: "Die Ausstellung wurde am 8. September
    eröffnet. Zur Vernissage kamen 70 Gäste.")"""
    rest = [e for e in candidates if not _part(e, part_heads)]
    if not rest:
        return candidates
    dates = {(e.start, e.end) for e in rest if e.start is not None}
    return [e for e in candidates if not _part(e, part_heads) or (e.start is not None and (e.start, e.end) not in dates)]


def keep(events: list[Mention], part_heads: frozenset[str] = frozenset()) -> list[Mention]:
    """Drop parts of a larger gathering when the article names another gathering (as `wholes`: not one with
    a date of its own), workshops held within a gathering of several days, and mentions with neither time
    nor place when others have one: a gathering talked about, not one reported (alone, it is the article's
    subject)."""
    events = wholes(events, part_heads)
    events = [e for e in events if not any(_held_within(e, whole) for whole in events)]
    told = [e for e in events if e.start or e.location or e.venue]
    return events if len(told) == len(events) else told or events


# Formats held within a larger gathering of several days ("Am zweiten Tag stand ein Workshop auf dem
# Programm"), and the longest such gathering in days.
_PART_TYPES = ("workshop", "seminar", "meeting")
_MAX_WHOLE_DAYS = 14


def _held_within(e: Mention, whole: Mention) -> bool:
    """A workshop, seminar or meeting told after a gathering of several days, on one of its days and
    at its place (or none), is held within it ("Die Jahreskonferenz fand am 3. und 4. Mai in Kiel
    statt. Am zweiten Tag stand ein Workshop … auf dem Programm")."""
    if e is whole or None in (e.start, whole.start):
        return False
    # a gathering told by a verb alone on one of its days is a part of it too ("Am letzten Tag besuchten
    # die Teilnehmenden ein Familienzentrum")
    verb_only = e.rule == "rule:event-frame" and e.name is None
    if not verb_only and (e.type not in _PART_TYPES or whole.type == e.type):
        return False
    days = (whole.end - whole.start).days
    return (0 < days <= _MAX_WHOLE_DAYS and whole.start_char < e.start_char and whole.start <= e.start
            and e.end <= whole.end and (e.location is None or e.location == whole.location))


def _combine(old: Mention, ev: Mention) -> Mention:
    """Keep the first mention's text and name; fill what it lacks; a specific type beats "other"
    ("die Veranstaltung „X“" and "zum Auftakt" of one gathering make a kick-off), and a gathering noun's
    type beats the guess from a verb ("trafen sich" and "Tagung" of one gathering make a conference)."""
    # a noun of type other ("Feierstunde") or a "Veranstaltung" says only that something is held: the kind an
    # award verb tells ("wurden … ausgezeichnet. Zur Feierstunde kamen …") stays (people meet at any gathering)
    told_by_verb = (old.rule == "rule:event-frame" and old.name is None and ev.name is not None
                    and not (old.type in TELLING_FRAMES and (ev.type == "other" or ev.rule.rpartition(":")[2] in VAGUE_HEADS)))
    # a kick-off is what a gathering is for, its format (conference, webinar) how it is held: "eröffnete die
    # Förderperiode mit einer Online-Konferenz … verfolgten die Auftaktveranstaltung" is a kick-off
    kickoff = ev.type == "kickoff" and old.type != "award" and not _opening_word(ev, old)
    etype = old.type if old.type != "other" and not told_by_verb and not kickoff else ev.type
    if _opening_word(old, ev):
        # "Den Auftakt bildet eine Reihe von Fachkräftemessen", "Zum Auftakt trafen sich … zu einem
        # Netzwerktreffen": the bare word says what comes first, the gathering noun what it is
        return _combine(ev._replace(start_char=old.start_char, text=old.text), old)._replace(type=ev.type)
    return old._replace(
        type=etype,
        name=old.name or ev.name,
        start=old.start or ev.start,
        end=old.end or ev.end,
        location=old.location or ev.location,
        participants=old.participants if old.participants is not None else ev.participants,
        organisers=tuple(dict.fromkeys(old.organisers + ev.organisers)),
        venue=old.venue or ev.venue,
    )


def _opening_word(word: Mention, noun: Mention) -> bool:
    """`word` is the bare "Auftakt" and `noun` a gathering noun of a specific kind that the text introduces
    ("zu einem Netzwerktreffen", "eine Reihe von Fachkräftemessen"): the noun's kind wins. A bare noun may be
    a word of a title ("die Veranstaltung „… im Dialog“") and leaves a kick-off one."""
    head = noun.rule.rpartition(":")[2]
    compound = len((noun.name or "").rstrip("n")) > len(head)
    return (word.rule.rpartition(":")[2] in OPENING_WORDS and head not in OPENING_WORDS | VAGUE_HEADS and compound
            and noun.rule.startswith(("rule:event-head:", "rule:event-series:")) and noun.type not in ("other", "kickoff"))


def _opens_series(old: Mention, ev: Mention) -> bool:
    """An undated compound of a series' noun at one of its places is that place's gathering: "Drei
    Regionalkonferenzen … in Erfurt, Mainz und Rostock … Eröffnet wurde die Auftaktkonferenz in Erfurt"
    (the first of the series, a conference like the others)."""
    head = old.rule.rpartition(":")[2]
    return (old.rule.startswith(_SERIES) and old.location is not None and ev.location == old.location
            and ev.text.lower().endswith(head) and ev.text.lower() != head)


def _span_days(e: Mention) -> int:
    return (e.end - e.start).days


def _nested(a: Mention, b: Mention) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _referent(merged: list[Mention], ref: Mention) -> int | None:
    """Where the gathering a back-reference points to is: the last one before it with the same noun,
    else the last one before it (for a new noun: one told by a verb alone); None when there is none."""
    before = [k for k, e in enumerate(merged) if e.start_char < ref.start_char]
    head = ref.rule.rpartition(":")[2]
    same = [k for k in before if merged[k].text.lower().rstrip("s") == ref.text.lower().rstrip("s")]
    same = same or [k for k in before if merged[k].rule.endswith(":" + head)]
    if ref.rule.startswith("rule:event-def"):
        # a new noun points back only to the same noun or to a gathering told by a verb alone
        before = [k for k in before if merged[k].rule == "rule:event-frame" and merged[k].name is None]
    if not (same or before):
        return None
    return (same or before)[-1]


def _referred_dates(old: Mention, ref: Mention) -> tuple[Any, Any] | None:
    """The (start, end) of a gathering told more of by a back-reference: a finer date within the same
    interval wins; None when the dates disagree."""
    start, end = old.start, old.end
    if ref.start is not None:
        if old.start is None or (_nested(old, ref) and _span_days(ref) < _span_days(old) and _span_days(old) >= 7):
            start, end = ref.start, ref.end
        elif not _nested(old, ref):
            return None
    return start, end


def _referred_location(old: Mention, ref: Mention, kinds: dict[str, str | None]) -> str | None:
    """The place of a gathering told more of by a back-reference: a town refines a country or region."""
    location = old.location
    if ref.location and (location is None or (kinds.get(location) in ("country", "region") and kinds.get(ref.location) in ("city", "district"))):
        location = ref.location
    return location


def _refer(merged: list[Mention], ref: Mention, kinds: dict[str, str | None]) -> bool:
    """A back-reference tells more about the gathering it points to: the last one before it with the
    same noun, else the last one before it. It fills what that one lacks; a finer date within the
    same interval wins; a town refines a country ("Feier in Finnland" … "die Veranstaltung in
    Helsinki"). False when no gathering comes before it or the dates disagree."""
    k = _referent(merged, ref)
    if k is None:
        return False
    old = merged[k]
    dates = _referred_dates(old, ref)
    if dates is None:
        return False
    start, end = dates
    location = _referred_location(old, ref, kinds)
    # a generic noun ("den Auftakt", "die Veranstaltung") says nothing of the kind of gathering
    etype = old.type if ref.rule.startswith("rule:event-ref") else _combine(old, ref).type
    merged[k] = _combine(old, ref)._replace(location=location, name=old.name or ref.name, start=start, end=end, type=etype)
    return True


def _add(merged: list[Mention], ev: Mention) -> None:
    """Put one mention among the events: into the one it repeats, else as a new event."""
    for k, old in enumerate(merged):
        if not (old.location is None or ev.location is None or old.location == ev.location):
            continue
        if ev.start is None:
            if old.type == ev.type or (old.rule == "rule:event-frame" and old.name is None):
                merged[k] = _combine(old, ev)
                return
            if _opens_series(old, ev):
                merged[k] = _combine(old, ev)._replace(type=old.type)
                return
            continue
        if (old.start, old.end) == (ev.start, ev.end):
            merged[k] = _combine(old, ev)
            return
        series = old.rule.startswith(_SERIES) or ev.rule.startswith(_SERIES)
        if old.start is not None and old.type == ev.type and _nested(old, ev) and not series:
            # "Jahrestagung 2022" in the title and "am 3. Mai 2022" in the text: the finer date wins;
            # between spans of days the longer is the whole gathering ("am zweiten Kongresstag")
            finer, coarser = (ev, old) if _span_days(ev) < _span_days(old) else (old, ev)
            if _span_days(coarser) < 7:
                finer = coarser
            merged[k] = _combine(old, ev)._replace(start=finer.start, end=finer.end)
            return
    merged.append(ev)


def merge(candidates: list[Mention], kinds: dict[str, str | None]) -> list[Mention]:
    """Dated mentions of one gathering (same interval, compatible place) become one event; an undated
    mention joins the first event of its type (or one told by a verb only) with a compatible place, else
    stands alone; back-references join the gathering they point to."""
    candidates = sorted(candidates, key=lambda e: e.start_char)
    refs = [e for e in candidates if e.rule.startswith(("rule:event-ref", "rule:event-def"))]
    candidates = [e for e in candidates if not e.rule.startswith(("rule:event-ref", "rule:event-def"))]
    merged = _merged(candidates)
    for ref in refs:
        if not _refer(merged, ref, kinds) and ref.rule.startswith("rule:event-def"):
            # a new gathering after all: merged again, as an undated mention may now join it
            merged = _merged([*merged, ref._replace(rule=ref.rule.replace("event-def", "event-head"))])
    return merged


# the rule of a series' gatherings: a series of weeks and one gathering inside it are two events
_SERIES = "rule:event-series"


def _merged(candidates: list[Mention]) -> list[Mention]:
    merged: list[Mention] = []
    for ev in sorted(candidates, key=lambda e: (e.start is None, e.start_char)):  # the dated first
        _add(merged, ev)
    merged.sort(key=lambda e: e.start_char)
    return merged
