"""Gazetteer entries of organisations: every name an organisation had, with its acronym and validity dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass


def _as_date(value, end: bool) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    year = int(value)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


@dataclass(frozen=True)
class NameRecord:
    """One name of an organisation, with the acronym that went with it and when it was valid."""

    name: str
    acronym: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    official: bool = True

    def distance(self, day: dt.date | None) -> int:
        """Days between `day` and this name's validity (0 when valid or when either is unknown)."""
        if day is None:
            return 0
        if self.valid_from and day < self.valid_from:
            return (self.valid_from - day).days
        if self.valid_to and day > self.valid_to:
            return (day - self.valid_to).days
        return 0


@dataclass(frozen=True)
class OrgEntry:
    """A gazetteer organisation."""

    id: str
    name: str
    acronym: str | None
    type: str | None
    level: str | None
    names: tuple[NameRecord, ...] = ()
    acronyms: tuple[str, ...] = ()
    needs_definition: bool = False

    def canonical(self, day: dt.date | None) -> tuple[str, str | None]:
        """(name, acronym) current at `day`; the gazetteer's own when the day is unknown."""
        official = [r for r in self.names if r.official]
        if day is None or not official:
            return self.name, self.acronym
        best = min(official, key=lambda r: (r.distance(day), -(r.valid_from or dt.date.min).toordinal()))
        return best.name, best.acronym or self.acronym


def records(item: dict) -> Iterator[NameRecord]:
    """The names of one organisations.yaml item: its dated official names, then its aliases."""
    for rec in item.get("names") or []:
        yield NameRecord(rec["name"], rec.get("acronym"), _as_date(rec.get("valid_from"), False),
                         _as_date(rec.get("valid_to"), True), True)
    for alias in item.get("aliases") or []:
        if isinstance(alias, str):
            yield NameRecord(alias, None, None, None, False)
        else:
            yield NameRecord(alias["name"], alias.get("acronym"), _as_date(alias.get("valid_from"), False),
                             _as_date(alias.get("valid_to"), True), False)

