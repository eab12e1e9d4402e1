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
    """Turns one result at a time into rows: table rows, and observations of entity attributes (rows of
    "obs_<entity table>") that become the entity tables once the whole run is known."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = defaultdict(list)

    def _observe(self, entity: str, key: str, **values) -> None:
        self.rows[f"obs_{entity}"].append({ENTITY_SOURCES[entity][1]: key, "document_id": self._doc_id,
                                           "seq": len(self.rows[f"obs_{entity}"]), **values})

    def add(self, result: DocumentResult) -> None:
        self.rows["documents"].append(_document_rows([result])[0])
        if result.error is not None:
            return
        doc = result.document
        doc_id, doc_hash = doc.id, content_hash(doc.text)
        self._doc_id = doc_id

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
            self._observe("organisations", m.org_id, name=m.name, acronym=m.acronym, org_type=m.org_type,
                          level=m.level, weak=False)
        for m in result.programmes:
            self.rows["programme_mentions"].append(base("mention_id", "programme", m) | {"programme_id": m.programme_id})
            self._observe("programmes", m.programme_id, name=m.name)
        for m in result.people:
            pid = person_id(m.name)
            self.rows["person_mentions"].append(
                base("mention_id", "person", m)
                | {"person_id": pid, "role": m.role, "organisation": m.organisation, "org_id": m.org_id}
            )
            self._observe("people", pid, name=m.name)
            if m.org_id:
                # in case it has no organisation mention of its own: keeps the foreign key satisfiable
                self._observe("organisations", m.org_id, name=m.organisation or m.org_id, acronym=None, org_type=None,
                              level=None, weak=True)
        places_by_name: dict[str, str] = {}
        for m in result.places:
            plid = m.place_id or place_id_for(m.name)
            places_by_name.setdefault(_fold(m.name), plid)
            self.rows["place_mentions"].append(base("mention_id", "place", m) | {"place_id": plid})
            self._observe("places", plid, name=m.name, kind=m.kind, weak=False)
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
                self._observe("places", plid, name=m.location, kind=None, weak=True)
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



def _strong(group: list[dict]) -> list[dict]:
    """Observations from the entity's own mentions; without any, the first weak one (a person's organisation or
    an event's location named only there), in document order."""
    strong = [o for o in group if not o["weak"]]
    return strong or [min(group, key=lambda o: (o["document_id"], o["seq"]))]


def entity_rows(observations: dict[str, pd.DataFrame]) -> dict[str, list[dict]]:
    """Entity tables' attribute rows from a run's observations; counts are filled in by `entity_tables` later."""
    def groups(entity: str) -> dict[str, list[dict]]:
        key = ENTITY_SOURCES[entity][1]
        out: dict[str, list[dict]] = defaultdict(list)
        frame = observations[entity]
        for row in frame.to_dict("records") if len(frame) else []:
            out[row[key]].append(row)
        return out

    orgs = []
    for org_id, obs in groups("organisations").items():
        strong = _strong(obs)
        orgs.append({"org_id": org_id, **{c: _most_common(o[c] for o in strong) for c in ("name", "acronym", "org_type", "level")}})
    programmes = [{"programme_id": k, "name": _most_common(o["name"] for o in obs)} for k, obs in groups("programmes").items()]
    people = [{"person_id": k, "name": _most_common(o["name"] for o in obs)} for k, obs in groups("people").items()]
    places = []
    for plid, obs in groups("places").items():
        strong = _strong(obs)
        places.append({"place_id": plid, "name": _most_common(o["name"] for o in strong),
                       "kind": _most_common(o["kind"] for o in strong)})
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


PER_DOCUMENT_ROWS = ("documents", "org_mentions", "programme_mentions", "person_mentions", "place_mentions", "dates",
                     "events", "event_organisations", "participant_counts")


class RowSpool:
    """The rows of one run, collected result by result so that the results themselves need not be kept.

    Rows are held as dicts only for the last `chunk` documents, then packed into DataFrame chunks. When the
    input repeats a document id, its last occurrence wins (as in `build_tables`): rows carry the number of
    the occurrence they came from and `tables()` drops the older ones.
    """

    def __init__(self, chunk: int = 500) -> None:
        self.chunk = chunk
        self.n_documents = 0
        self._builder = _Builder()
        self._pending = 0
        self._chunks: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self._latest: dict[str, int] = {}  # document id -> number of its latest occurrence
        self._repeated: set[str] = set()

    def add(self, result: DocumentResult) -> None:
        doc_id = result.document.id
        if doc_id in self._latest:
            log.warning("document %s occurs more than once in the input; its last occurrence is kept", doc_id)
            self._repeated.add(doc_id)
        occurrence = self._latest[doc_id] = self.n_documents
        self.n_documents += 1
        before = {name: len(rows) for name, rows in self._builder.rows.items()}
        self._builder.add(result)
        for name, rows in self._builder.rows.items():
            for row in rows[before.get(name, 0):]:
                row["occurrence"] = occurrence
        self._pending += 1
        if self._pending >= self.chunk:
            self._pack()

    def _pack(self) -> None:
        for name, rows in self._builder.rows.items():
            if rows:
                self._chunks[name].append(pd.DataFrame(rows))
        self._builder = _Builder()
        self._pending = 0

    def _frame(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """All rows collected for `name` (in `columns` when given), without those of superseded occurrences."""
        chunks = self._chunks.get(name, [])
        frame = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame(columns=[*(columns or []), "occurrence"])
        if self._repeated and len(frame):
            frame = frame[frame["occurrence"] == frame["document_id"].map(self._latest)]
        frame = frame.drop(columns="occurrence")
        return frame if columns is None else frame.reindex(columns=columns)

    def tables(self, quarantine: list[QuarantineRecord], run: RunSummary) -> dict[str, pd.DataFrame]:
        """All tables of the run, validated; keys are deterministic and rows sorted by key."""
        self._pack()
        tables = {name: conform(self._frame(name, TABLES[name].column_names), TABLES[name]) for name in PER_DOCUMENT_ROWS}
        observations = {name: self._frame(f"obs_{name}") for name in ENTITY_SOURCES}
        attributes = {name: pd.DataFrame(rows, columns=[c for c in TABLES[name].column_names if not c.startswith("n_") and c != "known_names"])
                      for name, rows in entity_rows(observations).items()}
        tables.update(entity_tables(attributes, tables))
        q_rows = {(q.document_id, q.stage): {"document_id": q.document_id, "stage": q.stage, "reason": q.reason, "source": q.source}
                  for q in quarantine}
        tables["quarantine"] = _frame(TABLES["quarantine"], list(q_rows.values()))
        tables["runs"] = _frame(TABLES["runs"], _run_rows(run, tables))
        return validate_tables({name: tables[name] for name in TABLES})


def build_tables(
    results: Iterable[DocumentResult], quarantine: list[QuarantineRecord], run: RunSummary
) -> dict[str, pd.DataFrame]:
    """All tables of one run, validated; keys are deterministic and rows sorted by key. When the input repeats
    a document id, its last occurrence is kept."""
    spool = RowSpool()
    for result in results:
        spool.add(result)
    return spool.tables(quarantine, run)
