"""Steward decisions: the decisions file, re-anchoring each decision on the current rows, and applying them.

The file is `DIR/decisions.jsonl` at the dataset's root, beside its versions: one decision per line, keys in a
fixed order, appended and never rewritten. JSON Lines rather than TOML or YAML because every new decision is
exactly one added line in `git diff`, a line is complete on its own (no nesting or indentation to get wrong when
appending from a shell), and Python writes it without a third-party serialiser.

A decision names its target by what a person sees: document id, kind of record, surface text and the character
position it was seen at. On every run it is re-anchored: among the current rows of that document and kind with
that text, the one nearest the position. So it survives reruns, re-crawls and a new extractor version (mention
ids are content hashes and would go stale); a decision whose target is gone is reported as stale, never dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from biwaq_extract.errors import DecisionError
from biwaq_extract.steward.snapshot import ACKNOWLEDGE_KINDS, KIND_TABLES

DECISIONS_FILE = "decisions.jsonl"
STEWARD_RULE = "steward"
ACTIONS = ("accept", "reject", "set", "add", "undo")
KINDS = tuple(KIND_TABLES) + ACKNOWLEDGE_KINDS
# Attributes `set` may change (and `add` may give), per kind of record.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "event": ("date", "place", "participants", "type", "name"),
    "person": ("role", "organisation", "org_id"),
    "organisation": ("org_id",),
    "count": ("event", "count", "who"),
    "place": ("place_id",),
    "date": ("date",),
    "programme": ("programme_id",),
}


@dataclass(frozen=True)
class Decision:
    """One line of the decisions file."""

    action: str
    document: str = ""
    kind: str = ""
    text: str = ""
    at: int | None = None  # character position where the steward saw the text
    attribute: str | None = None  # set: which attribute
    value: Any = None  # set: its new value
    record: dict[str, Any] = field(default_factory=dict)  # add: attributes of the missed record
    undoes: str | None = None  # undo: id of the decision it takes back
    who: str = ""
    when: str = ""
    why: str = ""
    id: str = ""

    def as_json(self) -> str:
        data = {k: v for k, v in dataclasses.asdict(self).items() if v not in (None, {}, "") or k in ("action",)}
        order = [f.name for f in dataclasses.fields(Decision)]
        data = {k: data[k] for k in ["id"] + [n for n in order if n != "id"] if k in data}
        return json.dumps(data, ensure_ascii=False)

    @property
    def target(self) -> tuple[str, str, str, int | None]:
        return (self.document, self.kind, self.text, self.at)


def decision_id(decision: Decision) -> str:
    """A short content hash of the decision (without its id): the name an `undo` uses."""
    body = dataclasses.replace(decision, id="").as_json()
    return "d-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def make_decision(action: str, *, document: str = "", kind: str = "", text: str = "", at: int | None = None,
                  attribute: str | None = None, value: Any = None, record: dict | None = None,
                  undoes: str | None = None, who: str = "", why: str = "", when: str | None = None) -> Decision:
    """A validated decision with its id; DecisionError saying what is missing or wrong."""
    when = when or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    decision = Decision(action, document, kind, text, at, attribute, value, dict(record or {}), undoes,
                        who or _default_who(), when, why)
    check_decision(decision)
    return dataclasses.replace(decision, id=decision_id(decision))


def _default_who() -> str:
    return os.environ.get("BIWAQ_STEWARD") or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def check_decision(d: Decision) -> None:
    """The decision's shape: known action, kind and attribute, the target fields each action needs."""
    if d.action not in ACTIONS:
        raise DecisionError(f"unknown action {d.action!r}; use one of {', '.join(ACTIONS)}")
    if d.action == "undo":
        if not d.undoes:
            raise DecisionError("undo needs the id of the decision it takes back (--undoes d-...)")
        return
    if d.kind not in KINDS:
        raise DecisionError(f"unknown kind {d.kind!r}; use one of {', '.join(KINDS)}")
    if not d.document or not d.text:
        raise DecisionError(f"{d.action} needs the target's document id and surface text (--document, --text)")
    if d.kind in ACKNOWLEDGE_KINDS and d.action != "accept":
        raise DecisionError(f"a {d.kind} item can only be accepted (acknowledged), not {d.action}")
    if d.at is not None and (not isinstance(d.at, int) or d.at < 0):
        raise DecisionError(f"position must be a character offset >= 0, not {d.at!r}")
    allowed = ATTRIBUTES.get(d.kind, ())
    if d.action == "set":
        if d.attribute not in allowed:
            raise DecisionError(f"set on a {d.kind}: attribute must be one of {', '.join(allowed) or '(none)'}, not {d.attribute!r}")
        _converted(d.kind, d.attribute, d.value)
    if d.action == "add":
        if d.at is None:
            raise DecisionError("add needs the position of the record's text in the document (--at)")
        for name, value in d.record.items():
            if name not in allowed:
                raise DecisionError(f"add a {d.kind}: attribute must be one of {', '.join(allowed)}, not {name!r}")
            _converted(d.kind, name, value)
        if d.kind == "count" and "count" not in d.record:
            raise DecisionError("add a count needs its number (--value count=N)")
        if d.kind == "date" and "date" not in d.record:
            raise DecisionError("add a date needs its value (--value date=YYYY-MM-DD)")


# --- the file ------------------------------------------------------------------------------------------------

def decisions_path(dataset: Path) -> Path:
    return Path(dataset) / DECISIONS_FILE


def read_decisions(dataset_or_file: Path) -> list[Decision]:
    """Every decision in file order (empty when there is no file); DecisionError naming the bad line."""
    path = Path(dataset_or_file)
    path = path if path.is_file() or path.suffix == ".jsonl" else decisions_path(path)
    if not path.exists():
        return []
    out = []
    names = {f.name for f in dataclasses.fields(Decision)}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or set(data) - names:
                raise ValueError(f"unknown keys {sorted(set(data) - names) if isinstance(data, dict) else data!r}")
            decision = Decision(**data)
            check_decision(decision)
        except (ValueError, TypeError, DecisionError) as exc:
            raise DecisionError(f"{path}:{number}: not a valid decision ({exc})") from None
        out.append(decision)
    return out


def append_decision(dataset: Path, decision: Decision) -> Path:
    """Append one decision as one line (flushed to disk); earlier lines are never rewritten."""
    path = decisions_path(dataset)
    with open(path, "a", encoding="utf-8", newline="\n") as fh:
        fh.write(decision.as_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return path


def decisions_digest(decisions: list[Decision]) -> str:
    """sha256 over the decisions as canonical lines: what a dataset version or a package records it applied."""
    body = "".join(d.as_json() + "\n" for d in decisions)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def effective(decisions: list[Decision]) -> list[Decision]:
    """The decisions in force, in order: undone ones and the undos themselves drop out, and of several
    accept/reject decisions on one target only the latest counts."""
    undone = {d.undoes for d in decisions if d.action == "undo"}
    live = [d for d in decisions if d.action != "undo" and d.id not in undone]
    last_verdict: dict[tuple, str] = {}
    for d in live:
        if d.action in ("accept", "reject"):
            last_verdict[d.target] = d.id
    return [d for d in live if d.action not in ("accept", "reject") or last_verdict[d.target] == d.id]


# --- values ----------------------------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:(?:/|\.\.)(\d{4}-\d{2}-\d{2}))?$")


def _converted(kind: str, attribute: str, value: Any) -> Any:
    """The value as the table stores it; DecisionError when it cannot be."""
    if attribute == "date":
        m = _DATE.match(str(value or "").strip())
        if not m:
            raise DecisionError(f"date must be YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, not {value!r}")
        start, end = (dt.date.fromisoformat(x) for x in (m.group(1), m.group(2) or m.group(1)))
        if end < start:
            raise DecisionError(f"date range ends before it starts: {value!r}")
        return start, end
    if attribute in ("participants", "count"):
        try:
            number = int(str(value).strip())
        except ValueError:
            raise DecisionError(f"{attribute} must be a whole number, not {value!r}") from None
        if number < 0:
            raise DecisionError(f"{attribute} must not be negative: {value!r}")
        return number
    if attribute == "type":
        from biwaq_extract.dataset.schemas import EVENT_TYPES

        if value not in EVENT_TYPES:
            raise DecisionError(f"event type must be one of {', '.join(EVENT_TYPES)}, not {value!r}")
    if value is None or str(value).strip() == "":
        raise DecisionError(f"{attribute} needs a value")
    return str(value).strip()


# --- anchoring ---------------------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def anchor(decision: Decision, frame: pd.DataFrame, taken: frozenset[int] = frozenset()) -> int | None:
    """Index of the row the decision names in `frame` (its kind's table), or None when it is gone: same
    document and surface text (exact, else ignoring case and spacing), nearest the recorded position.
    `taken`: positions other decisions name exactly; a row there is theirs, not this decision's nearest."""
    if frame.empty or decision.kind not in KIND_TABLES:
        return None
    rows = frame[frame["document_id"].astype(str) == decision.document]
    if rows.empty:
        return None
    same = rows[rows["text"].astype(str) == decision.text]
    if same.empty:
        same = rows[rows["text"].astype(str).map(_norm) == _norm(decision.text)]
    if same.empty:
        return None
    at = decision.at if decision.at is not None else 0
    if taken:
        starts = same["start_char"].astype("int64")
        same = same[~starts.isin(taken - {at})]
        if same.empty:
            return None
    distance = (same["start_char"].astype("int64") - at).abs()
    best = distance.min()
    return int(same[distance == best].sort_values("start_char").index[0])


# --- applying ----------------------------------------------------------------------------------------------------

@dataclass
class ApplyReport:
    """What `apply_decisions` did: per decision id the record it touched, and the stale ones with why."""

    applied: list[tuple[str, str, str]] = field(default_factory=list)  # (decision id, action, record id)
    accepted: set[str] = field(default_factory=set)  # record ids a steward accepted as correct
    acknowledged: set[tuple[str, str, str]] = field(default_factory=set)  # (document, kind, text) of accepted blockers
    stale: list[tuple[Decision, str]] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)  # add decisions the extractor now finds itself
    digest: str = ""

    def as_dict(self) -> dict:
        return {
            "digest": self.digest,
            "applied": [{"decision": i, "action": a, "record_id": r} for i, a, r in self.applied],
            "stale": [{"decision": d.id, "action": d.action, "document": d.document, "kind": d.kind,
                       "text": d.text, "at": d.at, "why_stale": why} for d, why in self.stale],
            "superseded": [{"decision": i, "record_id": r} for i, r in self.superseded],
        }


def _set_value(tables: dict[str, pd.DataFrame], kind: str, index: int, attribute: str, raw: Any, document: str) -> str | None:
    """Change one attribute of the row at `index`; None, or why it could not be done."""
    table, _ = KIND_TABLES[kind]
    frame = tables[table]
    value = _converted(kind, attribute, raw)
    if attribute == "date":
        frame.at[index, "start_date"], frame.at[index, "end_date"] = value
    elif attribute == "place":
        frame.at[index, "location"] = value
        frame.at[index, "place_id"] = None  # the gazetteer id no longer matches; the dataset writer resolves it
    elif attribute == "event":
        events = tables.get("events", pd.DataFrame())
        found = anchor(Decision("set", document, "event", value), events)
        if found is None:
            return f"no event {value!r} in document {document}"
        frame.at[index, "event_id"] = events.at[found, "event_id"]
    else:
        frame.at[index, attribute] = value
    frame.at[index, "rule"] = STEWARD_RULE
    return None


def _added_row(d: Decision, frame: pd.DataFrame) -> dict[str, Any]:
    # the extractor's ids for a name, so an added person or place joins the rows the extractor has for it
    from biwaq_extract.dataset.tables import id_slug as _slug

    table, id_column = KIND_TABLES[d.kind]
    row: dict[str, Any] = {c: None for c in frame.columns}
    row.update({id_column: "steward-" + d.id.removeprefix("d-"), "document_id": d.document, "text": d.text,
                "start_char": d.at, "end_char": d.at + len(d.text), "rule": STEWARD_RULE, "sentence": ""})
    defaults = {"event": {"type": "other", "name": d.text}, "person": {"person_id": f"person:{_slug(d.text)}"},
                "organisation": {"org_id": f"text:{_slug(d.text)}"}, "place": {"place_id": f"place:{_slug(d.text)}"},
                "count": {"qualifier": "exact"}, "date": {"granularity": "day", "role": "other"},
                "programme": {"programme_id": _slug(d.text)}}
    row.update(defaults.get(d.kind, {}))
    if d.kind == "person":
        row["name"] = d.text
    return row


def apply_decisions(tables: dict[str, pd.DataFrame], decisions: list[Decision]) -> tuple[dict[str, pd.DataFrame], ApplyReport]:
    """The tables with the decisions in force applied, and a report; the input frames are left unchanged.

    accept leaves the row as it is and records it as checked; reject removes the row (counts pointing at a
    rejected event lose the link); set changes one attribute; add appends the missed record. Changed and added
    rows carry rule = "steward". Tables not named in the decisions are passed through as they are.
    """
    out = {name: frame.copy() for name, frame in tables.items()}
    report = ApplyReport(digest=decisions_digest(decisions))
    # where two decisions name the same text, one at a record's exact position, the other's nearest record is
    # not that one ("reject the duplicate at 110" when the extractor now finds only the record at 5)
    positions: dict[tuple[str, str, str], set[int]] = {}
    for d in effective(decisions):
        if d.at is not None and d.action != "add":
            positions.setdefault((d.kind, d.document, _norm(d.text)), set()).add(d.at)
    for d in effective(decisions):
        if d.kind in ACKNOWLEDGE_KINDS:
            report.acknowledged.add((d.document, d.kind, d.text))
            report.applied.append((d.id, d.action, ""))
            continue
        table, id_column = KIND_TABLES[d.kind]
        frame = out.get(table)
        if frame is None:
            report.stale.append((d, f"the dataset has no {table} table"))
            continue
        index = anchor(d, frame, frozenset(positions.get((d.kind, d.document, _norm(d.text)), ())))
        if d.action == "add":
            if index is not None and frame.at[index, "rule"] != STEWARD_RULE:
                report.superseded.append((d.id, str(frame.at[index, id_column])))
                continue
            row = _added_row(d, frame)
            added = pd.concat([frame, pd.DataFrame([row]).astype(frame.dtypes.to_dict(), errors="ignore")],
                              ignore_index=True)
            out[table] = frame = added
            index = len(frame) - 1
            problems = [_set_value(out, d.kind, index, name, value, d.document) for name, value in d.record.items()]
            frame = out[table]
            report.applied.append((d.id, d.action, str(frame.at[index, id_column])))
            for problem in filter(None, problems):
                report.stale.append((d, problem))
            continue
        if index is None:
            report.stale.append((d, f"no {d.kind} {d.text!r} in document {d.document} any more"))
            continue
        record_id = str(frame.at[index, id_column])
        if d.action == "accept":
            report.accepted.add(record_id)
        elif d.action == "reject":
            out[table] = frame.drop(index=index).reset_index(drop=True)
            _unlink(out, d.kind, record_id)
        elif d.action == "set":
            problem = _set_value(out, d.kind, index, d.attribute, d.value, d.document)
            if problem:
                report.stale.append((d, problem))
                continue
        report.applied.append((d.id, d.action, record_id))
    return out, report


def _unlink(tables: dict[str, pd.DataFrame], kind: str, record_id: str) -> None:
    """Rows that point at a rejected event lose the link (counts) or go (event organisations)."""
    if kind != "event":
        return
    counts = tables.get("participant_counts")
    if counts is not None and "event_id" in counts:
        counts.loc[counts["event_id"].astype("string") == record_id, "event_id"] = None
    links = tables.get("event_organisations")
    if links is not None and "event_id" in links:
        tables["event_organisations"] = links[links["event_id"].astype("string") != record_id].reset_index(drop=True)

