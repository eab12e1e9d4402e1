"""Which participant counts are a gathering's attendance: people who came, not running totals or places."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from biwaq_extract.records import ParticipantCount

# An event mention before merging: the named tuple events.py builds (fields as records.EventMention).
Mention = Any

_WORD = re.compile(r"\w+")
# "Teilnehmende und Mitarbeitende": each noun of a coordination names people
_COORDINATED = re.compile(r",|\bund\b|\bsowie\b|\boder\b")
# gender endings written with a star, colon or underscore ("Teilnehmer*innen", "Gäst:innen")
_GENDER = re.compile(r"[*:_/]innen$|[*:_/]in$")


def says_any(text: str, words: frozenset[str]) -> bool:
    """Some of the lower-case `words` is a word of the text (a few substring searches rule out most texts
    before the text is split into words)."""
    lower = text.lower()
    return any(w in lower for w in words) and not words.isdisjoint(_WORD.findall(lower))


def attendees(counts: Iterable[ParticipantCount], attendee_words: frozenset[str]) -> list[ParticipantCount]:
    """The counts of people who attend by the noun counted ("80 Teilnehmende", "120 Teilnehmer*innen",
    "EHAP-Verantwortliche": compounds count too; in "60 Teilnehmende und Mitarbeitende" any noun)."""
    ends = tuple(attendee_words)
    return [c for c in counts
            if any(_GENDER.sub("", part.rsplit(None, 1)[-1].lower()).endswith(ends) for part in _COORDINATED.split(c.who) if part.strip())]


def attendance(counts: Iterable[ParticipantCount], attending: list[ParticipantCount], verbs: frozenset[str]) -> list[ParticipantCount]:
    """The counts that may be a gathering's attendance: attendees (`attending`), and other people ("800
    Schülerinnen und Schüler") when their sentence says they came (one of `verbs`)."""
    attending_set = set(attending)
    return [c for c in counts if c in attending_set or says_any(c.sentence, verbs)]


# taking part in a project or programme, not in a gathering: "haben 240 Frauen am Projekt teilgenommen",
# "nahmen im ESF-Programm 80 Jugendliche teil" (a compound that only starts so, "am Projekttag", is a gathering)
_IN_PROJECT = re.compile(r"(?i)\b(?:am|im|beim|an dem|in dem|an der|in der|an den|in den)\s+(?:\w+\s+)?[\w-]*(?:projekt|programm|maßnahme|vorhaben)(?:s|es|en)?\b")


def not_attendance(sentence: str, cumulative: frozenset[str], elsewhere: frozenset[str], count: tuple[str, int, int] | None = None) -> bool:
    """A count of the sentence is no gathering's attendance, by the part of the sentence around it
    (`count`: the text and the count's character range; the whole sentence when not given): a running
    total ("seit 2011 haben 13.000 Fachkräfte …", one of `cumulative`), the people of a project ("haben 240
    Frauen am Projekt teilgenommen"), and, by the words of `elsewhere` near it, the visitors of a stand
    ("kamen 300 Besucher an unseren Stand") or a limit on places ("ist auf 20 Personen begrenzt")."""
    part, near = (clause_of(*count), clause_of(*count, reach=60)) if count else (sentence, sentence)
    return (not cumulative.isdisjoint(part.lower().split()) or _IN_PROJECT.search(part) is not None
            or says_any(near, elsewhere))


_CLAUSE_END = re.compile(r"[.;:!?]\s")


def clause_of(text: str, start: int, end: int, reach: int = 400) -> str:
    """The words around a count up to the nearest full stop, colon or semicolon on either side, at most
    `reach` characters each way ("war die bisher erfolgreichste: Am Samstag kamen 1.800 Besucher in die
    Halle 39. 95 Arbeitgeber präsentierten sich mit Ständen": neither a running total nor a stand's
    visitors)."""
    before = _CLAUSE_END.split(text[max(0, start - reach) : start])[-1]
    after = _CLAUSE_END.split(text[end : end + reach], 1)[0]
    return before + text[start:end] + after


def pick_count(counts: list[ParticipantCount], anchor: int) -> ParticipantCount | None:
    """The count nearest to the gathering's noun or date at `anchor`."""
    if not counts:
        return None
    return min(counts, key=lambda c: abs(c.start_char - anchor))


def head_counts(contexts: list, k: int, source, window: int) -> list[ParticipantCount]:
    """The attendance counts for the gathering named in sentence k: its sentences', else those of one of
    the next `window` sentences that is undated (a dated one tells of another gathering)."""
    counts = source.counts or contexts[k].counts
    if not counts:
        for j in range(k + 1, min(len(contexts), k + 1 + window)):
            if contexts[j].counts and not contexts[j].dates:
                return contexts[j].counts
    return counts


def lead_attendance(events: list[Mention], lead_counts: list, next_end: int) -> list[Mention]:
    """The article's main event (the first, named in the title, the lead or the sentence after it, which
    ends at `next_end`) takes the one attendance count of an undated lead ("Knapp 300 Fachleute
    diskutierten …" before "Der Fachtag fand am 27. September in Hannover statt"): news style tells who
    came first, then when and where."""
    if not events or events[0].participants is not None or events[0].start_char >= next_end:
        return events
    if len({c.count for c in lead_counts}) != 1:
        return events
    return [events[0]._replace(participants=lead_counts[0].count), *events[1:]]


def capacity(events: list[Mention], limits: list, published) -> list[Mention]:
    """Announced gatherings (after `published`) without attendance take the one limit on places an
    article gives ("Die Teilnahme ist auf bis zu 30 Personen je Termin begrenzt"); `limits` are the
    counts of such sentences."""
    if len({c.count for c in limits}) != 1 or published is None:
        return events
    n = limits[0].count
    return [e._replace(participants=n) if e.participants is None and e.start and e.start > published else e for e in events]
