"""Compare a dataset version with the previous one: documents new, changed, unchanged, gone; rows per table."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from biwaq_extract.steward.snapshot import RECORD_TABLES, Snapshot


@dataclass(frozen=True)
class LostRecords:
    """A document that has fewer rows in a record table than in the previous version."""

    document_id: str
    table: str
    before: int
    after: int


@dataclass
class Changes:
    """What changed since the previous version (`previous_run` is None when there is none)."""

    previous_run: str | None
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # read by the previous run, not by this one
    rows: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (before, after)
    lost: list[LostRecords] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "previous_run": self.previous_run,
            "documents": {k: getattr(self, k) for k in ("new", "changed", "unchanged", "gone")},
            "rows": {t: {"before": b, "after": a} for t, (b, a) in self.rows.items()},
            "lost_records": [vars(x) for x in self.lost],
        }


def _hashes(snapshot: Snapshot) -> dict[str, str]:
    docs = snapshot.table("documents")
    if docs.empty:
        return {}
    return dict(zip(docs["document_id"].astype(str), docs["content_hash"].astype(str)))


def _per_document(snapshot: Snapshot, table: str) -> pd.Series:
    # the extractor's rows: a row a steward rejected is not a record the extractor lost
    frame = snapshot.extractor_table(table)
    if frame.empty:
        return pd.Series(dtype="int64")
    return frame.groupby(frame["document_id"].astype(str)).size()


def compare(current: Snapshot, previous: Snapshot | None) -> Changes:
    """The change summary; without a previous version every document this run read counts as new."""
    now = _hashes(current)
    read = [d for d in current.read_ids if d in now] or sorted(now)
    if previous is None:
        counts = current.row_counts()
        return Changes(None, new=sorted(read), rows={t: (0, n) for t, n in counts.items()})
    before = _hashes(previous)
    out = Changes(previous.run_id)
    for doc in sorted(set(read)):
        if doc not in before:
            out.new.append(doc)
        elif before[doc] != now.get(doc):
            out.changed.append(doc)
        else:
            out.unchanged.append(doc)
    out.gone = sorted(set(previous.read_ids) - set(current.read_ids))
    counts_before, counts_after = previous.row_counts(), current.row_counts()
    out.rows = {t: (counts_before.get(t, 0), counts_after.get(t, 0)) for t in sorted(set(counts_before) | set(counts_after))}
    for table in RECORD_TABLES:
        b, a = _per_document(previous, table), _per_document(current, table)
        for doc, n_before in b.items():
            n_after = int(a.get(doc, 0))
            # a document the run did not read keeps its rows; one it read that now has fewer rows lost some
            if doc in now and n_after < n_before:
                out.lost.append(LostRecords(doc, table, int(n_before), n_after))
    out.lost.sort(key=lambda x: (x.document_id, x.table))
    return out
