"""Event attendance: which participant counts are the people who came to a gathering."""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from types import SimpleNamespace

import pytest

from biwaq_extract.nlp import event_attendance
from biwaq_extract.nlp.events import _Candidate

D = dt.date
ATTENDEES = frozenset({"teilnehmende", "teilnehmer", "gäste"})


Count = namedtuple("Count", "who sentence count start_char")  # hashable, as the ParticipantCount records


def _count(who, sentence="", count=80, start_char=0):
    return Count(who, sentence, count, start_char)


@pytest.mark.parametrize(
    "who, attends",
    [
        ("Teilnehmer*innen", True),
        ("Teilnehmende und Mitarbeitende", True),
        ("Workshop-Teilnehmende", True),
        ("Schülerinnen und Schüler", False),
    ],
)
def test_event_attendance_attendees_by_the_noun_counted(who, attends):
    assert bool(event_attendance.attendees([_count(who)], ATTENDEES)) == attends


@pytest.mark.parametrize(
    "sentence, counted",
    [
        ("Zur Ausbildungsbörse kamen 800 Schülerinnen und Schüler.", True),
        ("Die Ausbildungsbörse richtet sich an 800 Schülerinnen und Schüler.", False),
    ],
)
def test_event_attendance_other_people_when_they_came(sentence, counted):
    c = _count("Schülerinnen und Schüler", sentence)
    assert bool(event_attendance.attendance([c], [], frozenset({"kamen"}))) == counted


@pytest.mark.parametrize(
    "sentence, excluded",
    [
        ("Seit 2011 haben 13.000 Fachkräfte die Schulung besucht.", True),
        ("Am Stand informierten sich 300 Besucher.", True),
        ("Am 3. Mai kamen 300 Besucher nach Bonn.", False),
        ("Insgesamt haben 240 Frauen am Projekt teilgenommen.", True),
        ("Am Projekttag nahmen 40 Schüler teil.", False),
        # a stand in another clause of the sentence is not where the people were counted
        ("Am 3. Mai kamen 300 Besucher in die Halle 39. 95 Betriebe präsentierten sich mit Ständen.", False),
        ("Die Messe war die bisher größte: Am 3. Mai kamen 300 Besucher.", False),
    ],
)
def test_event_attendance_running_totals_and_stands_are_not_attendance(sentence, excluded):
    start = next((sentence.index(w) for w in ("Besucher", "Fachkräfte", "Frauen") if w in sentence), 0)
    count = (sentence, start, start + 8)
    assert event_attendance.not_attendance(sentence, frozenset({"seit", "bisher"}), frozenset({"stand", "ständen"}), count) == excluded


def _event(start_char=10, participants=None, start=D(2023, 5, 2)):
    return _Candidate("Tagung", start_char, start_char + 6, "conference", "Tagung", start, start, None, participants, (), "rule:event-head:tagung")


@pytest.mark.parametrize(
    "counts, next_end, participants",
    [([80], 100, 80), ([80, 120], 100, None), ([], 100, None), ([80], 5, None)],
)
def test_event_attendance_lead_attendance(counts, next_end, participants):
    lead = [SimpleNamespace(count=c) for c in counts]
    assert event_attendance.lead_attendance([_event()], lead, next_end)[0].participants == participants


@pytest.mark.parametrize("start, participants", [(D(2023, 7, 1), 30), (D(2023, 5, 2), None)])
def test_event_attendance_capacity_of_announced_gatherings(start, participants):
    (event,) = event_attendance.capacity([_event(start=start)], [SimpleNamespace(count=30)], D(2023, 6, 1))
    assert event.participants == participants


@pytest.mark.parametrize(
    "text, says",
    [
        ("Die Teilnahme ist auf 20 Personen begrenzt.", True),
        ("Begrenzt: 20 Plätze", True),
        ("Die Plätze sind unbegrenzt.", False),  # the word holds one but is another
        ("Am Infoabend kamen 40 Gäste.", False),
    ],
)
def test_event_attendance_says_any_whole_words(text, says):
    assert event_attendance.says_any(text, frozenset({"begrenzt", "beschränkt"})) is says
