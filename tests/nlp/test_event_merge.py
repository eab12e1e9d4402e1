"""Event merging: mentions of one gathering become one event; back-references and parts join the whole."""

from __future__ import annotations

import datetime as dt

import pytest

from biwaq_extract.nlp import event_merge
from biwaq_extract.nlp.events import _Candidate

D = dt.date


def _mention(start_char, rule, etype="conference", start=None, end=None, location=None, participants=None, text="Tagung"):
    return _Candidate(text, start_char, start_char + len(text), etype, text, start, end or start, location,
                      participants, (), rule)


@pytest.mark.parametrize(
    "mentions, expected",
    [
        # a dated mention and the same gathering's back-reference with its attendance and town
        (
            [_mention(0, "rule:event-head:tagung", start=D(2023, 5, 2), location="Deutschland"),
             _mention(50, "rule:event-ref:veranstaltung", location="Bonn", participants=80, text="Veranstaltung")],
            [(D(2023, 5, 2), "Bonn", 80)],
        ),
        # a back-reference with nothing before it is dropped
        ([_mention(0, "rule:event-ref:veranstaltung", location="Bonn", text="Veranstaltung")], []),
        # a definite new noun with a date of its own after another gathering stands alone
        (
            [_mention(0, "rule:event-head:tagung", start=D(2023, 5, 2)),
             _mention(40, "rule:event-def:workshop", "workshop", start=D(2023, 9, 1), text="Workshop")],
            [(D(2023, 5, 2), None, None), (D(2023, 9, 1), None, None)],
        ),
        # two days of a congress and its second day: the whole congress stays
        (
            [_mention(0, "rule:event-head:kongress", start=D(2021, 6, 9), end=D(2021, 6, 10)),
             _mention(60, "rule:event-head:kongress", start=D(2021, 6, 10))],
            [(D(2021, 6, 9), None, None)],
        ),
    ],
)
def test_event_merge_mentions_of_one_gathering(mentions, expected):
    merged = event_merge.merge(mentions, {"Deutschland": "country", "Bonn": "city"})
    assert [(e.start, e.location, e.participants) for e in merged] == expected


@pytest.mark.parametrize(
    "rules, kept",
    [
        (["rule:event-head:tagung", "rule:event-head:podiumsdiskussion"], ["rule:event-head:tagung"]),
        (["rule:event-head:podiumsdiskussion"], ["rule:event-head:podiumsdiskussion"]),
    ],
)
def test_event_merge_parts_only_without_a_whole(rules, kept):
    mentions = [_mention(i * 10, r, start=D(2023, 5, 2), location="Bonn") for i, r in enumerate(rules)]
    parts = frozenset({"podiumsdiskussion"})
    assert [e.rule for e in event_merge.keep(event_merge.wholes(mentions, parts), parts)] == kept


@pytest.mark.parametrize(
    "part, kept",
    [
        # a workshop on the second day of a two-day conference at its place is held within it
        (_mention(60, "rule:event-head:workshop", "workshop", start=D(2023, 5, 3), location="Bonn", text="Workshop"), 1),
        # … but not in another town, nor after the conference, nor a kick-off
        (_mention(60, "rule:event-head:workshop", "workshop", start=D(2023, 5, 3), location="Kiel", text="Workshop"), 2),
        (_mention(60, "rule:event-head:workshop", "workshop", start=D(2023, 5, 9), text="Workshop"), 2),
        (_mention(60, "rule:event-head:auftakt", "kickoff", start=D(2023, 5, 2), text="Auftakt"), 2),
    ],
)
def test_event_merge_workshops_held_within_a_gathering_of_several_days(part, kept):
    whole = _mention(0, "rule:event-head:konferenz", start=D(2023, 5, 2), end=D(2023, 5, 3), location="Bonn")
    assert len(event_merge.keep([whole, part])) == kept


@pytest.mark.parametrize(
    "mentions, etype",
    [
        # a verb report ("trafen sich") and the gathering noun naming it: the noun's type
        ([_mention(0, "rule:event-frame", "meeting", start=D(2023, 5, 2))._replace(name=None),
          _mention(80, "rule:event-head:tagung", "conference", start=D(2023, 5, 2))], "conference"),
        # a conference held as the kick-off of a funding period
        ([_mention(0, "rule:event-head:konferenz", "webinar", start=D(2023, 5, 2)),
          _mention(80, "rule:event-head:auftaktveranstaltung", "kickoff", start=D(2023, 5, 2))], "kickoff"),
        # an award ceremony stays one
        ([_mention(0, "rule:event-head:preisverleihung", "award", start=D(2023, 5, 2)),
          _mention(80, "rule:event-head:auftakt", "kickoff", start=D(2023, 5, 2))], "award"),
    ],
)
def test_event_merge_type_of_the_named_gathering(mentions, etype):
    (event,) = event_merge.merge(mentions, {})
    assert event.type == etype
