"""Date-range filtering: keep the documents published inside [start, end], count the others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from biwaq_extract.records import Document, QuarantineRecord


def in_range(published: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Is a publication date inside [start, end]? Undated documents are in range only when no range is set.

    >>> in_range(dt.date(2023, 5, 1), None, dt.date(2023, 4, 30)), in_range(None, None, None)
    (False, True)
    """
    if start is None and end is None:
        return True
    if published is None:
        return False
    return (start is None or published >= start) and (end is None or published <= end)


@dataclass
class DateRange:
    """A range of publication days (either end open); `keep` drops documents outside it and counts them."""

    start: dt.date | None = None
    end: dt.date | None = None
    dropped: int = 0

    def keep(self, items: Iterable[Document | QuarantineRecord]) -> Iterator[Document | QuarantineRecord]:
        """The items in range; quarantine records pass through (they have no date, but their reason must show)."""
        for item in items:
            if isinstance(item, Document) and not in_range(item.published, self.start, self.end):
                self.dropped += 1
                continue
            yield item
