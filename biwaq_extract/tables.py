"""Normalisation into tables: per-document results become validated pandas DataFrames with deterministic keys."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from biwaq_extract.records import DocumentResult, EventMention, QuarantineRecord, RunSummary
from biwaq_extract.schemas import LIST_SEPARATOR, TABLES, Table, conform, pandera_schema

log = logging.getLogger(__name__)

# 16 hex digits = 64 bits: a collision needs ~4 billion mentions, far beyond the newsletter's size.
ID_LENGTH = 16


def content_hash(text: str) -> str:
    """sha256 of a document's text: the version key of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(*parts: object) -> str:
    """Short sha256 over the parts; the same parts give the same id on every machine and run."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def mention_id(document_id: str, doc_hash: str, kind: str, start_char: int, end_char: int, text: str) -> str:
    """Id of one mention: depends on the document, its content, the kind and the exact span, nothing else."""
    return short_id(document_id, doc_hash, kind, start_char, end_char, text)


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slug(name: str) -> str:
    """Readable, stable slug: 'Dr. Jörg Müller-Lüdenscheidt' -> 'dr-joerg-mueller-luedenscheidt'."""
    text = unicodedata.normalize("NFKC", name).translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or short_id(name)


def person_id(name: str) -> str:
    return f"person:{slug(name)}"


def place_id_for(name: str) -> str:
    return f"place:{slug(name)}"


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _joined(names: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(sorted({n for n in names if n}))


def _most_common(values: Iterable):
    """The most frequent non-empty value; ties broken by sort order so the choice never depends on input order."""
    counts = Counter(v for v in values if v is not None and v != "")
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def sentence_span(text: str, sentence: str, start_char: int, end_char: int) -> tuple[int, int]:
    """Character range of `sentence` in `text` around the span; the span itself when the sentence is not found."""
    if sentence:
        pos = text.find(sentence)
        while pos != -1:
            if pos <= start_char and end_char <= pos + len(sentence):
                return pos, pos + len(sentence)
            pos = text.find(sentence, pos + 1)
    return start_char, end_char


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    return conform(pd.DataFrame(rows, columns=table.column_names), table)


def _document_rows(results: list[DocumentResult]) -> list[dict]:
    return [
        {
            "document_id": r.document.id,
            "url": r.document.url,
            "title": r.document.title,
            "published": r.document.published,
            "source": r.document.source,
            "content_hash": content_hash(r.document.text),
            "version": 1,  # storage raises it when the dataset already holds another content for this id
            "n_chars": len(r.document.text),
            "error": r.error,
            "error_stage": r.error_stage,
        }
        for r in results
    ]


class _Builder:
    """Collects rows of every table from the results of one run."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.orgs: dict[str, list[dict]] = defaultdict(list)  # org_id -> attribute observations
        self.programmes: dict[str, list[dict]] = defaultdict(list)
        self.people: dict[str, list[str]] = defaultdict(list)
        self.places: dict[str, list[dict]] = defaultdict(list)

    def add(self, result: DocumentResult) -> None:
        if result.error is not None:
            return
        doc = result.document
        doc_id, doc_hash = doc.id, content_hash(doc.text)

        def mid(kind: str, m) -> str:
            return mention_id(doc_id, doc_hash, kind, m.start_char, m.end_char, m.text)

        def base(id_name: str, kind: str, m) -> dict:
            return {
                id_name: mid(kind, m),
                "document_id": doc_id,
                "text": m.text,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "sentence": m.sentence or None,
                "rule": m.rule,
            }

        for m in result.organisations:
            self.rows["org_mentions"].append(base("mention_id", "org", m) | {"org_id": m.org_id})
            self.orgs[m.org_id].append(
                {"name": m.name, "acronym": m.acronym, "org_type": m.org_type, "level": m.level, "text": m.text}
            )
        for m in result.programmes:
            self.rows["programme_mentions"].append(base("mention_id", "programme", m) | {"programme_id": m.programme_id})
            self.programmes[m.programme_id].append({"name": m.name, "text": m.text})
        for m in result.people:
            pid = person_id(m.name)
            self.rows["person_mentions"].append(
                base("mention_id", "person", m)
                | {"person_id": pid, "role": m.role, "organisation": m.organisation, "org_id": m.org_id}
            )
            self.people[pid].append(m.name)
            if m.org_id and m.org_id not in self.orgs:
                # referenced without an organisation mention of its own: keep the foreign key satisfiable
                self.orgs[m.org_id].append({"name": m.organisation or m.org_id, "acronym": None, "text": None, "weak": True})
        places_by_name: dict[str, str] = {}
        for m in result.places:
            plid = m.place_id or place_id_for(m.name)
            places_by_name.setdefault(_fold(m.name), plid)
            self.rows["place_mentions"].append(base("mention_id", "place", m) | {"place_id": plid})
            self.places[plid].append({"name": m.name, "kind": m.kind})
        for m in result.dates:
            self.rows["dates"].append(
                base("date_id", "date", m)
                | {"start": m.start, "end": m.end, "granularity": m.granularity, "role": m.role}
            )
        events = []
        for m in result.events:
            eid = mid("event", m)
            plid = None
            if m.location:
                plid = places_by_name.get(_fold(m.location)) or place_id_for(m.location)
                if plid not in self.places:
                    self.places[plid].append({"name": m.location, "kind": None, "weak": True})
            self.rows["events"].append(
                base("event_id", "event", m)
                | {
                    "type": m.type,
                    "name": m.name,
                    "start": m.start,
                    "end": m.end,
                    "location": m.location,
                    "place_id": plid,
                    "participants": m.participants,
                    "organisers": _joined(m.organisers) or None,
                }
            )
            events.append((eid, m, sentence_span(doc.text, m.sentence, m.start_char, m.end_char)))
        self._link_events(result, events)
        for m in result.participant_counts:
            self.rows["participant_counts"].append(
                base("count_id", "count", m)
                | {
                    "count": m.count,
                    "qualifier": m.qualifier,
                    "lower": m.lower,
                    "upper": m.upper,
                    "who": m.who or None,
                    "event_id": _event_for_count(m, events),
                }
            )

    def _link_events(self, result: DocumentResult, events: list[tuple[str, EventMention, tuple[int, int]]]) -> None:
        """event_organisations: organisers resolved to org ids, and organisations named in the event's sentence."""
        by_name: dict[str, str] = {}
        for o in sorted(result.organisations, key=lambda o: (o.start_char, o.org_id)):
            for key in (o.org_id, o.text, o.name, o.acronym):
                if key:
                    by_name.setdefault(_fold(key), o.org_id)
        links: dict[tuple[str, str], str] = {}
        for eid, event, (lo, hi) in events:
            for organiser in event.organisers:
                org = by_name.get(_fold(organiser))
                if org:
                    links[(eid, org)] = "organiser"
            for o in result.organisations:
                if lo <= o.start_char and o.end_char <= hi:
                    links.setdefault((eid, o.org_id), "sentence")
        for (eid, org), link in links.items():
            self.rows["event_organisations"].append(
                {"event_id": eid, "org_id": org, "document_id": result.document.id, "link": link}
            )

    def entity_rows(self) -> dict[str, list[dict]]:
        """Entity tables from this run's observations; counts are filled in by `entity_tables` later."""
        orgs = []
        for org_id, obs in self.orgs.items():
            strong = [o for o in obs if not o.get("weak")] or obs
            orgs.append(
                {
                    "org_id": org_id,
                    "name": _most_common(o["name"] for o in strong),
                    "acronym": _most_common(o.get("acronym") for o in strong),
                    "org_type": _most_common(o.get("org_type") for o in strong),
                    "level": _most_common(o.get("level") for o in strong),
                }
            )
        programmes = [
            {"programme_id": pid, "name": _most_common(o["name"] for o in obs)} for pid, obs in self.programmes.items()
        ]
        people = [{"person_id": pid, "name": _most_common(names)} for pid, names in self.people.items()]
        places = []
        for plid, obs in self.places.items():
            strong = [o for o in obs if not o.get("weak")] or obs
            places.append(
                {"place_id": plid, "name": _most_common(o["name"] for o in strong), "kind": _most_common(o["kind"] for o in strong)}
            )
        return {"organisations": orgs, "programmes": programmes, "people": people, "places": places}


def _event_for_count(count, events: list[tuple[str, EventMention, tuple[int, int]]]) -> str | None:
    """The event a count belongs to: the nearest event whose sentence holds the count, else one whose
    participant number equals the count (the event finder took it from elsewhere in the text)."""
    inside = [
        (abs(count.start_char - event.start_char), eid)
        for eid, event, (lo, hi) in events
        if lo <= count.start_char and count.end_char <= hi
    ]
    if inside:
        return min(inside)[1]
    same = sorted(eid for eid, event, _ in events if event.participants is not None and event.participants == count.count)
    return same[0] if len(same) == 1 else None


# Which mention table counts the mentions of which entity table, and by which column.
ENTITY_SOURCES = {
    "organisations": ("org_mentions", "org_id"),
    "programmes": ("programme_mentions", "programme_id"),
    "people": ("person_mentions", "person_id"),
    "places": ("place_mentions", "place_id"),
}


def entity_tables(attributes: dict[str, pd.DataFrame], mentions: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Entity tables = attribute rows + known names and counts computed from the (current) mention tables.

    Storage calls this again after merging with an existing dataset, so counts cover every current document.
    """
    out = {}
    for name, (mention_table, key) in ENTITY_SOURCES.items():
        table = TABLES[name]
        frame = attributes[name].copy()
        m = mentions[mention_table]
        counts = m.groupby(key, observed=True).agg(n_mentions=("document_id", "size"), n_documents=("document_id", "nunique"))
        frame["n_mentions"] = frame[key].map(counts["n_mentions"]).fillna(0)
        frame["n_documents"] = frame[key].map(counts["n_documents"]).fillna(0)
        if "known_names" in table.column_names:
            surface = m.groupby(key, observed=True)["text"].agg(lambda s: set(s))
            extra = ["name", "acronym"] if "acronym" in frame else ["name"]
            frame["known_names"] = [
                _joined(set(surface.get(k, set())) | {row[c] for c in extra if pd.notna(row[c])})
                for k, row in zip(frame[key], frame.to_dict("records"))
            ]
        out[name] = conform(frame, table)
    return out


def _run_rows(run: RunSummary, tables: dict[str, pd.DataFrame]) -> list[dict]:
    return [
        {
            "run_id": run.run_id,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "package_version": run.package_version,
            "model_name": run.model.name,
            "model_version": run.model.version,
            "model_statistical": run.model.statistical,
            "model_components": _joined(run.model.components) or None,
            "spacy_version": run.model.spacy_version,
            "settings_hash": run.settings_hash,
            "input": (run.extra or {}).get("input"),
            "documents_in": run.documents_in,
            "documents_ok": run.documents_ok,
            "documents_failed": run.documents_failed,
            "rows_out": sum(len(f) for n, f in tables.items() if TABLES[n].per_document),
            "documents_new": 0,  # storage fills these in: only it knows what the dataset held before
            "documents_changed": 0,
        }
    ]


def validate_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Validate every table with its pandera schema plus the foreign keys between tables; raise on the first failure."""
    for name, frame in tables.items():
        pandera_schema(TABLES[name]).validate(frame)
    for name, frame in tables.items():
        for fk in TABLES[name].foreign_keys:
            if fk.table not in tables:
                continue
            values = frame[list(fk.fields)].dropna()
            known = set(map(tuple, tables[fk.table][list(fk.reference_fields)].itertuples(index=False)))
            missing = {tuple(v) for v in values.itertuples(index=False)} - known
            if missing:
                raise ValueError(f"{name}.{','.join(fk.fields)} references unknown {fk.table} rows: {sorted(missing)[:5]}")
    return tables


def _last_per_document(results: list[DocumentResult]) -> list[DocumentResult]:
    """One result per document id, sorted by id; when the input repeats an id, its last occurrence wins."""
    by_id: dict[str, DocumentResult] = {}
    for result in results:
        if result.document.id in by_id:
            log.warning("document %s occurs more than once in the input; its last occurrence is kept", result.document.id)
        by_id[result.document.id] = result
    return [by_id[k] for k in sorted(by_id)]


def build_tables(
    results: list[DocumentResult], quarantine: list[QuarantineRecord], run: RunSummary
) -> dict[str, pd.DataFrame]:
    """All tables of one run, validated; keys are deterministic and rows sorted by key."""
    results = _last_per_document(results)
    builder = _Builder()
    for result in results:
        builder.add(result)
    tables: dict[str, pd.DataFrame] = {"documents": _frame(TABLES["documents"], _document_rows(results))}
    for name in ("org_mentions", "programme_mentions", "person_mentions", "place_mentions", "dates", "events",
                 "event_organisations", "participant_counts"):
        tables[name] = _frame(TABLES[name], builder.rows[name])
    attributes = {name: pd.DataFrame(rows, columns=[c for c in TABLES[name].column_names if not c.startswith("n_") and c != "known_names"])
                  for name, rows in builder.entity_rows().items()}
    tables.update(entity_tables(attributes, tables))
    q_rows = {(q.document_id, q.stage): {"document_id": q.document_id, "stage": q.stage, "reason": q.reason, "source": q.source}
              for q in quarantine}
    tables["quarantine"] = _frame(TABLES["quarantine"], list(q_rows.values()))
    tables["runs"] = _frame(TABLES["runs"], _run_rows(run, tables))
    return validate_tables({name: tables[name] for name in TABLES})
