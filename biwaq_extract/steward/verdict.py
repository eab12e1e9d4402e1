"""The steward's verdict on a dataset version: ready to archive or needs attention, with reasons and facts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from biwaq_extract.errors import StewardError
from biwaq_extract.steward.changes import Changes, compare
from biwaq_extract.steward.decisions import ApplyReport, Decision, apply_decisions, effective, read_decisions
from biwaq_extract.steward.review_items import EXPLAIN, HIGH, ReviewItem, gazetteer_notes, review_items
from biwaq_extract.steward.snapshot import (
    CRAWL_SUMMARY, CURRENT_LINK, KIND_TABLES, Snapshot, crawl_folder, load_previous, load_snapshot,
)

READY, ATTENTION = "ready to archive", "needs attention"
# Facts of crawl_summary.json a steward reads, in the order shown, with their labels.
CRAWL_FACTS = (("pages", "pages visited"), ("downloaded", "fetched"), ("not_modified", "unchanged (304)"),
               ("skipped", "taken from the archive unrequested"), ("failed", "failed"),
               ("refused_by_robots", "refused by robots.txt"), ("articles", "articles"))
# Reasons that make a run need attention, named for the verdict's sentence.
BLOCKING = {"quarantined": ("quarantined document", "quarantined documents"),
            "failed_fetch": ("failed fetch", "failed fetches"),
            "lost_records": ("document that lost records since the previous run",
                             "documents that lost records since the previous run")}
HIGH_RISK = ("open high-risk review item", "open high-risk review items")
PENDING = ("decision not yet in the stored tables (rerun to store it)",
           "decisions not yet in the stored tables (rerun to store them)")
# Decisions that change rows; an accept only says a row was checked, so the stored tables need no rerun for it.
CHANGING = ("reject", "set", "add")


@dataclass
class Verdict:
    """Everything `biwaq review` shows; `ready` is False while a high-risk item is open."""

    dataset: Path
    run: dict[str, Any]
    status: str
    reasons: list[str]
    crawl: dict[str, int] | None
    changes: Changes
    open_items: list[ReviewItem]
    settled: int
    decisions: ApplyReport
    not_in_gazetteer: int = 0
    pending: list[str] = field(default_factory=list)  # ids of decisions the stored tables do not reflect yet

    @property
    def in_tables(self) -> bool:
        """Whether the stored tables carry every decision in force that changes rows."""
        return not self.pending

    @property
    def tables_digest(self) -> str:
        """Digest of the decisions the stored tables were written with ("" when none)."""
        return str(((self.run.get("decisions") or {}).get("digest")) or "")

    @property
    def ready(self) -> bool:
        return self.status == READY

    @property
    def message(self) -> str:
        return verdict_message(self.status, self.reasons)

    def as_dict(self) -> dict[str, Any]:
        dataset = str(self.dataset)
        model = self.run.get("model") or {}
        return {
            "dataset": dataset, "run_id": self.run.get("run_id"), "package_version": self.run.get("package_version"),
            "model": f"{model.get('name', '?')} {model.get('version', '?')}",
            "verdict": self.status, "reasons": self.reasons, "crawl": self.crawl,
            "changes": self.changes.as_dict(), "settled_items": self.settled,
            "not_in_gazetteer": self.not_in_gazetteer,
            "open_items": [i.as_dict(dataset) for i in self.open_items],
            "decisions": {**self.decisions.as_dict(), "in_tables": self.in_tables, "pending": self.pending,
                          "tables_digest": self.tables_digest},
        }


def verdict_message(status: str, reasons) -> str:
    """The verdict in one line, as run summaries and state messages give it.

    >>> verdict_message("needs attention", ["1 quarantined document"])
    'needs attention: 1 quarantined document'
    """
    return f"{status}: {'; '.join(reasons)}" if reasons else status


def crawl_facts(dataset: Path) -> dict[str, int] | None:
    """The crawl's counts from `DIR/crawl/crawl_summary.json`, or None when the run did not crawl."""
    folder = crawl_folder(dataset)
    if folder is None or not (folder / CRAWL_SUMMARY).exists():
        return None
    try:
        summary = json.loads((folder / CRAWL_SUMMARY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {key: int(summary.get(key) or 0) for key, _ in CRAWL_FACTS}


def _corrected(snapshot: Snapshot, report_tables: dict, dataset: Path) -> Snapshot:
    # Named after the dataset's root, where the crawl and its fetch log live; every table the review reads is
    # given here, so none is read from the root (which, for a version not published yet, is the one before).
    tables = dict(report_tables) | {"quarantine": snapshot.table("quarantine")}
    return Snapshot(dataset, snapshot.run, snapshot.read_ids, tables)


def _published(dataset: Path) -> Snapshot | None:
    """The dataset's published version (DIR/current), or None when nothing is published yet."""
    link = dataset / CURRENT_LINK
    if not link.exists():
        return None
    try:
        return load_snapshot(link.resolve())
    except StewardError:
        return None


def _count(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def pending_decisions(run: dict[str, Any], decisions: list[Decision]) -> list[str]:
    """Ids of row-changing decisions in force now but not when the tables were stored, and of those in force
    then but undone or overruled since: the stored tables differ from what the decisions say until a rerun."""
    now = {d.id for d in effective(decisions) if d.action in CHANGING}
    stored = set(((run.get("decisions") or {}).get("in_force")) or ())
    order = {d.id: n for n, d in enumerate(decisions)}
    return sorted(now ^ stored, key=lambda i: order.get(i, len(order)))


def assess(dataset: Path, version: Path | None = None) -> Verdict:
    """Read the dataset (and its previous version), apply the steward's decisions, and judge it.

    The decisions are applied to the extractor's rows (Snapshot.extractor_table), not to the stored tables that
    carry the decisions in force when they were written, so nothing is applied twice. `version`: a version
    folder written but not published yet (a run writes its report before it publishes); it is judged against
    the published version, with the decisions and the crawl at the dataset's root.
    """
    dataset = Path(dataset)
    if version is None:
        current, previous = load_snapshot(dataset), load_previous(dataset)
    else:
        current, previous = load_snapshot(Path(version)), _published(dataset)
    changes = compare(current, previous)
    names = {table for table, _ in KIND_TABLES.values()} | {"event_organisations"}
    decisions = read_decisions(dataset)
    tables, report = apply_decisions({n: current.extractor_table(n) for n in names}, decisions)
    corrected = _corrected(current, tables, dataset)
    items = review_items(corrected, changes)
    open_items = [i for i in items if i.record_id not in report.accepted
                  and (i.document_id, i.kind, i.text) not in report.acknowledged]
    reasons = []
    for reason, count in Counter(i.reason for i in open_items if i.reason in BLOCKING).items():
        reasons.append(_count(count, BLOCKING[reason]))
    high = [i for i in open_items if i.risk == HIGH and i.reason not in BLOCKING]
    if high:
        reasons.append(_count(len(high), HIGH_RISK))
    pending = pending_decisions(current.run, decisions)
    if pending:
        reasons.append(_count(len(pending), PENDING))
    return Verdict(dataset, current.run, ATTENTION if reasons else READY, reasons, crawl_facts(dataset), changes,
                   open_items, len(items) - len(open_items), report, gazetteer_notes(corrected), pending)


def format_verdict(verdict: Verdict, dataset: str, high_only: bool = False) -> str:
    """The verdict as a steward reads it on a terminal; `high_only` lists only the items that block archiving."""
    model = verdict.run.get("model") or {}
    lines = [f"Verdict: {verdict.status.upper()}" + (f" ({'; '.join(verdict.reasons)})" if verdict.reasons else ""),
             f"Run {verdict.run.get('run_id')} · biwaq-extract {verdict.run.get('package_version')} · "
             f"model {model.get('name', '?')} {model.get('version', '?')}", ""]
    if verdict.crawl is None:
        lines.append("Crawl: this run read files, it did not crawl")
    else:
        lines.append("Crawl: " + ", ".join(f"{verdict.crawl[k]} {label}" for k, label in CRAWL_FACTS))
    c = verdict.changes
    since = f"since run {c.previous_run}" if c.previous_run else "(no previous version: everything is new)"
    lines.append(f"Documents {since}: {len(c.new)} new, {len(c.changed)} changed, {len(c.unchanged)} unchanged, "
                 f"{len(c.gone)} gone from the source" + (f" ({', '.join(c.gone[:10])})" if c.gone else ""))
    moved = [f"{t} {b} -> {a}" for t, (b, a) in c.rows.items() if b != a]
    lines.append("Rows per table: " + ("; ".join(moved) if moved else "unchanged"))
    for lost in c.lost:
        lines.append(f"  lost records: {lost.document_id} {lost.table} {lost.before} -> {lost.after}")
    d = verdict.decisions
    stored = "yes" if verdict.in_tables else f"no, {len(verdict.pending)} to store by a rerun"
    lines.append(f"Decisions: {len(d.applied)} applied, {len(d.stale)} stale, digest sha256:{d.digest[:16]}; "
                 f"in the stored tables: {stored}")
    for decision, why in d.stale:
        lines.append(f"  stale {decision.id} ({decision.action} {decision.kind} {decision.text!r} in {decision.document}): {why}")
    if verdict.not_in_gazetteer:
        lines.append(f"Organisation mentions not in the gazetteer: {verdict.not_in_gazetteer} (information, not review items)")
    items = [i for i in verdict.open_items if i.risk == HIGH] if high_only else verdict.open_items
    heading = "Open high-risk review items" if high_only else "Open review items"
    lines += ["", f"{heading}: {len(items)} ({verdict.settled} accepted by decisions)"]
    for n, item in enumerate(items, 1):
        at = f" @{item.start_char}" if item.start_char is not None else ""
        extra = f" — {item.detail}" if item.detail else ""
        info = f" [{'; '.join(item.info)}]" if item.info else ""
        lines.append(f"{n:>3}. [{item.risk}] {EXPLAIN[item.reason]}: {item.document_id} {item.kind} "
                     f"{item.text!r}{at}{extra}{info}")
        for name, command in item.commands(dataset).items():
            lines.append(f"       {name}: {command}")
    return "\n".join(lines)
