"""Review items: records ranked by how likely they are wrong, each with the commands that settle it."""

from __future__ import annotations

import functools
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from biwaq_extract.steward.changes import Changes
from biwaq_extract.steward.snapshot import ACKNOWLEDGE_KINDS, FETCH_LOG, Snapshot, crawl_folder, read_fetch_log

HIGH, MEDIUM = "high", "medium"

# Scores order the list; they say how often such a finding was a real error when the rules were read
# against the bundled corpus: a missing event date or a person swallowed into an organisation name is
# almost always an extraction error, an unlinked count or an untied person is often right.
SCORES = {
    "quarantined": 1.0,
    "failed_fetch": 0.98,
    "lost_records": 0.96,
    "event_no_date_no_place": 0.92,
    "org_person_name": 0.9,
    "org_role_word": 0.88,
    "event_no_date": 0.85,
    "event_no_place": 0.6,
    "count_no_event": 0.55,
    "person_no_tie": 0.5,
}
RISK = {reason: HIGH if score >= 0.8 else MEDIUM for reason, score in SCORES.items()}
EXPLAIN = {
    "quarantined": "the document could not be processed",
    "failed_fetch": "the page could not be fetched",
    "lost_records": "the document has fewer records than in the previous run",
    "event_no_date_no_place": "event without date or place",
    "event_no_date": "event without a date",
    "event_no_place": "event without a place",
    "org_person_name": "organisation name holds a person's name",
    "org_role_word": "organisation name holds a role word",
    "count_no_event": "participant count linked to no event",
    "person_no_tie": "person without role or organisation",
}
# Kinds of event held online: no town is missing when they have none.
PLACELESS_TYPES = frozenset({"webinar"})
# What `biwaq correct ... set` offers to fix per reason.
FIX_ATTRIBUTE = {"event_no_date_no_place": "date", "event_no_date": "date", "event_no_place": "place",
                 "count_no_event": "event", "person_no_tie": "role", "org_person_name": "org_id", "org_role_word": "org_id"}
FIX_EXAMPLE = {"date": "YYYY-MM-DD", "place": "PLACE", "event": "EVENT-TEXT", "role": "ROLE", "org_id": "ORG-ID"}


@dataclass(frozen=True)
class ReviewItem:
    """One thing a steward should look at, named by what a person sees."""

    reason: str
    document_id: str
    kind: str
    text: str
    start_char: int | None
    record_id: str = ""
    detail: str = ""
    info: tuple[str, ...] = ()  # facts shown on the record that need no action, e.g. not in the gazetteer

    @property
    def score(self) -> float:
        return SCORES[self.reason]

    @property
    def risk(self) -> str:
        return RISK[self.reason]

    @property
    def target(self) -> tuple[str, str, str]:
        return (self.document_id, self.kind, self.text)

    def commands(self, dataset: str) -> dict[str, str]:
        """The `biwaq correct` commands that accept, reject or fix this item."""
        base = ["biwaq", "correct", dataset]
        where = ["--document", self.document_id, "--kind", self.kind, "--text", self.text]
        if self.start_char is not None:
            where += ["--at", str(self.start_char)]
        why = "seen; nothing to recover" if self.kind in ACKNOWLEDGE_KINDS else "checked against the source"
        out = {"accept": shlex.join(base + ["accept"] + where + ["--why", why])}
        if self.kind in ACKNOWLEDGE_KINDS:
            return out
        out["reject"] = shlex.join(base + ["reject"] + where + ["--why", "not in the source"])
        attribute = FIX_ATTRIBUTE.get(self.reason)
        if attribute:
            out["fix"] = shlex.join(base + ["set"] + where + ["--attribute", attribute, "--value", FIX_EXAMPLE[attribute]])
        return out

    def as_dict(self, dataset: str) -> dict:
        return {"risk": self.risk, "score": self.score, "reason": self.reason, "explanation": EXPLAIN[self.reason],
                "document_id": self.document_id, "kind": self.kind, "text": self.text, "start_char": self.start_char,
                "record_id": self.record_id, "detail": self.detail, "info": list(self.info),
                "commands": self.commands(dataset)}


@functools.lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], tuple[str, ...]]:
    from biwaq_extract.nlp.rule_data import load

    roles = load("roles")
    return frozenset(roles.get("words") or ()), tuple(s.lower() for s in roles.get("suffixes") or ())


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from biwaq_extract.nlp.first_names import first_names

    return first_names()


_WORD = re.compile(r"[\w\-]+")
_ARTICLES = frozenset({"Der", "Die", "Das", "Des", "Dem", "Den"})


def role_word_in(text: str) -> str | None:
    """The role word an organisation name holds ("Staatssekretärin"), or None. A title opening the name
    with "für" after it names an office by its remit ("Senatorin für Arbeit …" is the Bremen authority).

    >>> role_word_in("Staatssekretärin im BMAS")
    'Staatssekretärin'
    >>> role_word_in("Senatorin für Arbeit, Soziales, Jugend und Integration") is None
    True
    """
    words, suffixes = _role_words()
    tokens = _WORD.findall(text)
    if tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[1] == "für":
        tokens = tokens[1:]
    for token in tokens:
        if token in words or (token[:1].isupper() and len(token) > 6 and token.lower().endswith(suffixes)):
            return token
    return None


def person_name_in(text: str, people: tuple[str, ...] = ()) -> str | None:
    """A person's name inside an organisation name: a name the document gives a person, or a given name
    followed by a capitalised word ("Anna Berger vom BMWSB"); None when there is none."""
    for name in people:
        if name and " " in name and name in text:
            return name
    tokens = _WORD.findall(text)
    names = _first_names()
    for first, last in zip(tokens, tokens[1:]):
        if first in names and last[:1].isupper() and last not in names:
            return f"{first} {last}"
    return None


def _rows(frame: pd.DataFrame):
    """The frame's rows as dicts, leaving out those a steward already set or added (rule "steward")."""
    if frame.empty:
        return []
    if "rule" in frame.columns:
        frame = frame[frame["rule"].astype("string").fillna("") != "steward"]
    return frame.to_dict("records")


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def _record_items(snapshot: Snapshot) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    for row in _rows(snapshot.table("events")):
        no_date = _missing(row.get("start_date"))
        no_place = _missing(row.get("location")) and row.get("type") not in PLACELESS_TYPES
        reason = ("event_no_date_no_place" if no_date and no_place else "event_no_date" if no_date
                  else "event_no_place" if no_place else None)
        if reason:
            items.append(ReviewItem(reason, row["document_id"], "event", row["text"], int(row["start_char"]),
                                    row["event_id"], detail=str(row.get("type") or "")))
    for row in _rows(snapshot.table("participant_counts")):
        if _missing(row.get("event_id")):
            items.append(ReviewItem("count_no_event", row["document_id"], "count", row["text"], int(row["start_char"]),
                                    row["count_id"], detail=f"{row.get('count')} {row.get('who') or ''}".strip()))
    people = snapshot.table("person_mentions")
    names_by_doc: dict[str, tuple[str, ...]] = {}
    for row in _rows(people):
        names_by_doc[row["document_id"]] = names_by_doc.get(row["document_id"], ()) + (str(row.get("text") or ""),)
        if _missing(row.get("role")) and _missing(row.get("organisation")) and _missing(row.get("org_id")):
            items.append(ReviewItem("person_no_tie", row["document_id"], "person", row["text"], int(row["start_char"]),
                                    row["mention_id"]))
    for row in _rows(snapshot.table("org_mentions")):
        text = str(row["text"])
        info = ("not in the gazetteer",) if str(row.get("org_id") or "").startswith("text:") else ()
        name = person_name_in(text, names_by_doc.get(row["document_id"], ()))
        role = role_word_in(text)
        if name or role:
            reason = "org_person_name" if name else "org_role_word"
            items.append(ReviewItem(reason, row["document_id"], "organisation", text, int(row["start_char"]),
                                    row["mention_id"], detail=name or role or "", info=info))
    return items


def _blocker_items(snapshot: Snapshot, changes: Changes | None) -> list[ReviewItem]:
    items = []
    quarantine = snapshot.table("quarantine")
    for row in _rows(quarantine):
        items.append(ReviewItem("quarantined", str(row["document_id"]), "quarantine", str(row["stage"]), None,
                                detail=str(row.get("reason") or "")))
    for row in failed_fetches(snapshot.folder):
        items.append(ReviewItem("failed_fetch", row["url"], "fetch", "failed", None, detail=row.get("error", "")))
    for lost in (changes.lost if changes else ()):
        # the counts are part of the target, so accepting this loss does not also accept a later, different one
        items.append(ReviewItem("lost_records", lost.document_id, "loss", f"{lost.table} {lost.before}->{lost.after}", None,
                                detail=f"{lost.table}: {lost.before} -> {lost.after} rows"))
    return items


def failed_fetches(dataset: Path) -> list[dict[str, str]]:
    """URLs whose latest fetch failed (the fetch log keeps every attempt; a later success clears a failure)."""
    folder = crawl_folder(dataset)
    if folder is None:
        return []
    latest: dict[str, dict[str, str]] = {}
    for row in read_fetch_log(folder / FETCH_LOG):
        latest[row.get("url", "")] = row
    return [row for url, row in sorted(latest.items()) if url and row.get("error")]


def review_items(snapshot: Snapshot, changes: Changes | None = None) -> list[ReviewItem]:
    """Every review item of the dataset version, most likely wrong first (then by document and position)."""
    items = _blocker_items(snapshot, changes) + _record_items(snapshot)
    return sorted(items, key=lambda i: (-i.score, i.document_id, i.start_char if i.start_char is not None else -1, i.text))


def gazetteer_notes(snapshot: Snapshot) -> int:
    """How many organisation mentions are not in the gazetteer (shown as information, never as items)."""
    orgs = snapshot.table("org_mentions")
    return 0 if orgs.empty else int(orgs["org_id"].astype(str).str.startswith("text:").sum())
