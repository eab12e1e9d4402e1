"""Events on short texts written in the manner of other publishers (Land ministries, welfare associations,
chambers, Träger, universities): each record of the fixture file gives the gatherings a reader finds."""

from __future__ import annotations

import json

import pytest

from conftest import fixture_path

RECORDS = [json.loads(line) for line in fixture_path("nlp", "events_unseen.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _key(etype, start, end, location, participants):
    return (etype, str(start), str(end), location, participants)


@pytest.mark.parametrize("record", RECORDS, ids=[f"{k}-{r['publisher']}" for k, r in enumerate(RECORDS)])
def test_events_reads_the_gatherings_of_other_publishers(make_doc, record):
    doc = make_doc(record["text"], record["published"])
    got = sorted(_key(e.type, e.start, e.end, e.location, e.participants) for e in doc._.events)
    expected = sorted(_key(e["type"], e["start"], e["end"], e["location"], e["participants"]) for e in record["events"])
    assert got == expected
    venues = {e["location"]: e["venue"] for e in record["events"] if e.get("venue")}
    assert {e.location: e.venue for e in doc._.events if e.location in venues} == venues
