"""What a document's events tell its table rows: organiser names and ids, and which dates date an event."""

from __future__ import annotations

from collections.abc import Iterable

from biwaq_extract.dataset.schemas import DATE_ROLES, LIST_SEPARATOR
from biwaq_extract.records import DateMention, EventMention


def fold(text: str | None) -> str:
    """Text compared without case and spacing differences."""
    return " ".join((text or "").split()).casefold()


class Organisers:
    """An event's organisers (as the event finder gives them: org ids, or names) resolved against the
    organisations of its document: the ids, and the names a reader recognises."""

    def __init__(self, organisations) -> None:
        self._ids: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for o in sorted(organisations, key=lambda o: (o.start_char, o.org_id)):
            self._names.setdefault(o.org_id, o.name or o.text)
            for key in (o.org_id, o.text, o.name, o.acronym):
                if key:
                    self._ids.setdefault(fold(key), o.org_id)

    def org_id(self, organiser: str) -> str | None:
        return self._ids.get(fold(organiser))

    def columns(self, organisers: Iterable[str]) -> dict[str, str | None]:
        """`organisers`: names in the finder's order; `organiser_ids`: the ids of those that resolve."""
        names, ids = [], []
        for organiser in dict.fromkeys(organisers):
            org = self.org_id(organiser)
            names.append(self._names.get(org, organiser) if org else organiser)
            if org:
                ids.append(org)
        return {"organisers": LIST_SEPARATOR.join(dict.fromkeys(names)) or None,
                "organiser_ids": LIST_SEPARATOR.join(dict.fromkeys(ids)) or None}


def event_dates(events: Iterable[EventMention]) -> set[tuple]:
    """The intervals that date an event: each event's whole interval, its first day and its last day."""
    out: set[tuple] = set()
    for e in events:
        if e.start is None:
            continue
        end = e.end or e.start
        out |= {(e.start, end), (e.start, e.start), (end, end)}
    return out


def date_role(mention: DateMention, event_days: set[tuple]) -> str:
    """The role of a date in its document (see schemas.DATE_ROLES): the date line stays `publication`; a date
    that dates an event of the document is `event`; else what the date finder read from the words around it
    (`funding_period`, `deadline`), else `other`."""
    if mention.role == "publication":
        return "publication"
    if (mention.start, mention.end) in event_days:
        return "event"
    return mention.role if mention.role in DATE_ROLES else "other"
