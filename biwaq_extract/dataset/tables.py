"""Normalisation into tables: per-document results become validated pandas DataFrames with deterministic keys."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import tempfile
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from biwaq_extract.dataset.files import write_parquet
from biwaq_extract.dataset.outofcore import (
    WorkDir,
    connect,
    duplicate_keys,
    frames,
    missing_references,
    nullable_schema,
    quote,
    read_all,
    row_count,
    scan,
    validated,
    write_part,
)
from biwaq_extract.dataset.event_facts import Organisers, date_role, event_dates, fold
from biwaq_extract.dataset.schemas import HISTORY_TABLES, LIST_SEPARATOR, TABLES, Column, Table, conform
from biwaq_extract.records import DocumentResult, EventMention, QuarantineRecord, RunSummary

log = logging.getLogger(__name__)

# 16 hex digits = 64 bits: a collision needs ~4 billion mentions, far beyond the newsletter's size.
ID_LENGTH = 16


def text_version_hash(text: str) -> str:
    """sha256 of a document's exact text: the version key of a document (a new text is a new version)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(*parts: object) -> str:
    """Short sha256 over the parts; the same parts give the same id on every machine and run."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def mention_id(document_id: str, doc_hash: str, kind: str, start_char: int, end_char: int, text: str) -> str:
    """Id of one mention: depends on the document, its content, the kind and the exact span, nothing else."""
    return short_id(document_id, doc_hash, kind, start_char, end_char, text)


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def id_slug(name: str) -> str:
    """Readable, stable slug for a record id, never empty (a short hash when nothing is left): 'Dr. Jörg Müller-Lüdenscheidt' -> 'dr-joerg-mueller-luedenscheidt'."""
    text = unicodedata.normalize("NFKC", name).translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or short_id(name)


def person_id(name: str) -> str:
    return f"person:{id_slug(name)}"


def place_id_for(name: str) -> str:
    return f"place:{id_slug(name)}"


def _joined(names: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(sorted({n for n in names if n}))


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
            "parent_document_id": r.document.parent_document_id,
            "content_hash": text_version_hash(r.document.text),
            "version": 1,  # storage raises it when the dataset already holds another content for this id
            "n_chars": len(r.document.text),
            "error": r.error,
            "error_stage": r.error_stage,
            "withdrawn": False,  # storage marks a document withdrawn when a later run no longer reads it
            "withdrawn_in_run": None,
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
                                           "seq": len(self.rows[f"obs_{entity}"]), "weak": False, **values})

    def add(self, result: DocumentResult) -> None:
        self.rows["documents"].append(_document_rows([result])[0])
        if result.error is not None:
            return
        doc = result.document
        doc_id, doc_hash = doc.id, text_version_hash(doc.text)
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
                "page": doc.page_at(m.start_char),
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
            places_by_name.setdefault(fold(m.name), plid)
            self.rows["place_mentions"].append(base("mention_id", "place", m) | {"place_id": plid})
            self._observe("places", plid, name=m.name, kind=m.kind, weak=False)
        event_days = event_dates(result.events)
        for m in result.dates:
            self.rows["dates"].append(
                base("date_id", "date", m)
                | {"start_date": m.start, "end_date": m.end, "granularity": m.granularity,
                   "role": date_role(m, event_days)}
            )
        organisers = Organisers(result.organisations)
        events = []
        for m in result.events:
            eid = mid("event", m)
            plid = None
            if m.location:
                plid = places_by_name.get(fold(m.location)) or place_id_for(m.location)
                self._observe("places", plid, name=m.location, kind=None, weak=True)
            self.rows["events"].append(
                base("event_id", "event", m)
                | {
                    "type": m.type,
                    "name": m.name,
                    "start_date": m.start,
                    "end_date": m.end,
                    "location": m.location,
                    "venue": m.venue,
                    "place_id": plid,
                    "participants": m.participants,
                    **organisers.columns(m.organisers),
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
        organisers = Organisers(result.organisations)
        links: dict[tuple[str, str], str] = {}
        for eid, event, (lo, hi) in events:
            for organiser in event.organisers:
                org = organisers.org_id(organiser)
                if org:
                    links[(eid, org)] = "organiser"
            for o in result.organisations:
                if lo <= o.start_char and o.end_char <= hi:
                    links.setdefault((eid, o.org_id), "sentence")
        for (eid, org), link in links.items():
            self.rows["event_organisations"].append(
                {"event_id": eid, "org_id": org, "document_id": result.document.id, "link": link}
            )



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


def observation_table(entity: str) -> Table:
    """The typed rows of observations of one entity's attributes (weak: seen only as a person's
    organisation or an event's location), as spooled to disk."""
    table = TABLES[entity]
    attributes = tuple(c for c in table.columns if c.name not in _COMPUTED)
    key = attributes[0]
    return Table(
        f"obs_{entity}", f"Observations of {entity}' attributes in one run.",
        (key, _column("document_id", "string"), _column("seq", "integer"), _column("weak", "boolean"), *attributes[1:]),
        (key.name, "document_id", "seq"),
    )


_COMPUTED = {"known_names", "n_documents", "n_mentions"}


def _column(name: str, type_: str) -> Column:
    return Column(name, type_, name)


def attribute_columns(entity: str) -> list[str]:
    return [c for c in TABLES[entity].column_names if c not in _COMPUTED]


def entity_attributes_sql(entity: str, observations: str) -> str:
    """SQL giving one attribute row per key from a relation of observations (see `observation_table`).

    Each attribute is its most frequent non-empty value (ties: the smallest, so input order never matters)
    among the entity's own observations; an entity seen only weakly takes its first weak observation
    (by document id and position), e.g. an organisation named only as a person's employer.
    """
    key, *attributes = attribute_columns(entity)
    k = quote(key)
    picks, joins = [], []
    for i, column in enumerate(attributes):
        c = quote(column)
        picks.append(f"v{i}.value AS {c}")
        joins.append(
            f"LEFT JOIN (SELECT {k}, {c} AS value FROM (SELECT {k}, {c}, count(*) AS n FROM chosen "
            f"WHERE {c} IS NOT NULL AND {c} <> '' GROUP BY {k}, {c}) "
            f"QUALIFY row_number() OVER (PARTITION BY {k} ORDER BY n DESC, {c}) = 1) AS v{i} USING ({k})"
        )
    return (
        f"WITH obs AS ({observations}), "
        f"chosen AS (SELECT * FROM obs QUALIFY NOT weak OR (NOT bool_or(NOT weak) OVER (PARTITION BY {k}) "
        f"AND row_number() OVER (PARTITION BY {k} ORDER BY document_id, seq) = 1)), "
        f"keys AS (SELECT DISTINCT {k} FROM obs) "
        f"SELECT keys.{k}, {', '.join(picks)} FROM keys {' '.join(joins)}"
    )


def entity_table_sql(entity: str, attributes: str, mentions: str) -> str:
    """SQL of an entity table: attribute rows plus known names and counts over the (current) mention rows.

    Storage runs it again after merging with an existing dataset, so counts cover every current document.
    """
    table = TABLES[entity]
    key = quote(ENTITY_SOURCES[entity][1])
    known, join = "", ""
    if "known_names" in table.column_names:  # surface forms in mentions, plus the name (and acronym)
        names = " UNION ".join(f"SELECT {key}, {quote(n)} AS x FROM a" for n in ("name", "acronym") if n in table.column_names)
        known = "coalesce(k.known_names, '') AS known_names, "
        join = (f"LEFT JOIN (SELECT {key}, string_agg(DISTINCT x, '{LIST_SEPARATOR}' ORDER BY x) AS known_names "
                f"FROM (SELECT {key}, text AS x FROM m UNION {names}) WHERE x IS NOT NULL AND x <> '' GROUP BY {key}) "
                f"AS k USING ({key}) ")
    return (
        f"WITH a AS ({attributes}), m AS ({mentions}) "
        f"SELECT a.*, {known}coalesce(c.n_documents, 0) AS n_documents, coalesce(c.n_mentions, 0) AS n_mentions "
        f"FROM a LEFT JOIN (SELECT {key}, count(*) AS n_mentions, count(DISTINCT document_id) AS n_documents "
        f"FROM m GROUP BY {key}) AS c USING ({key}) {join}ORDER BY {key}"
    )


def _run_rows(run: RunSummary, rows_out: int) -> list[dict]:
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
            "rows_out": rows_out,
            "documents_new": 0,  # storage fills these in: only it knows what the dataset held before
            "documents_changed": 0,
            "documents_withdrawn": 0,
            "decisions_applied": 0,
            "decisions_stale": 0,
            "decisions_digest": None,
        }
    ]


PER_DOCUMENT_ROWS = ("documents", "org_mentions", "programme_mentions", "person_mentions", "place_mentions", "dates",
                     "events", "event_organisations", "participant_counts")

SPOOL_PREFIX = ".spool-"
OCCURRENCE = Column("occurrence", "integer", "Position of the input item the row came from (repeated ids: last wins).")


def _spooled(table: Table) -> Table:
    return dataclasses.replace(table, columns=table.columns + (OCCURRENCE,))


def _order(table: Table) -> str:
    return ", ".join(quote(k) for k in table.primary_key)


class RowSpool:
    """The rows of one run, collected result by result and spooled to Parquet parts on disk, so that neither
    the results nor the rows stay in memory.

    Rows are held as dicts only for the last `chunk` documents, then written as one part per table. When the
    input repeats a document id, its last occurrence wins (as in `build_tables`): rows carry the number of the
    occurrence they came from and `write_tables` keeps only the latest. The parts live in a scratch folder
    `.spool-*` below `folder` (default: the system temp folder), removed by `close`.
    """

    def __init__(self, chunk: int = 500, folder: Path | None = None) -> None:
        self.chunk = chunk
        self.n_documents = 0
        self._builder = _Builder()
        self._pending = 0
        self._parts = 0
        self._work = WorkDir(Path(folder) if folder is not None else Path(tempfile.gettempdir()), SPOOL_PREFIX)
        self.folder = self._work.path
        self._repeated = False
        self._seen: set[str] = set()

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._work.close()

    def add(self, result: DocumentResult) -> None:
        doc_id = result.document.id
        if doc_id in self._seen:
            log.warning("document %s occurs more than once in the input; its last occurrence is kept", doc_id)
            self._repeated = True
        self._seen.add(doc_id)
        occurrence = self.n_documents
        self.n_documents += 1
        before = {name: len(rows) for name, rows in self._builder.rows.items()}
        self._builder.add(result)
        for name, rows in self._builder.rows.items():
            for row in rows[before.get(name, 0):]:
                row["occurrence"] = occurrence
        self._pending += 1
        if self._pending >= self.chunk:
            self._pack()

    def _spooled_tables(self) -> list[Table]:
        return [_spooled(TABLES[n]) for n in PER_DOCUMENT_ROWS] + [_spooled(observation_table(e)) for e in ENTITY_SOURCES]

    def _pack(self) -> None:
        """Write the pending rows as one part per table (an empty part too: every table then has a file)."""
        for table in self._spooled_tables():
            write_part(self._builder.rows.get(table.name, []), nullable_schema(table),
                       self.folder / table.name / f"{self._parts:06d}.parquet")
        self._parts += 1
        self._builder = _Builder()
        self._pending = 0

    def _latest(self, name: str) -> str:
        """SQL: the spooled rows of `name` from each document's latest occurrence, without the occurrence."""
        rows = scan(self.folder / name / "*.parquet")
        if not self._repeated:
            return f"SELECT * EXCLUDE (occurrence) FROM {rows}"
        latest = f"SELECT document_id, max(occurrence) AS occurrence FROM {scan(self.folder / 'documents' / '*.parquet')} GROUP BY document_id"
        return f"SELECT r.* EXCLUDE (occurrence) FROM {rows} AS r JOIN ({latest}) USING (document_id, occurrence)"

    def write_tables(self, folder: Path, quarantine: list[QuarantineRecord], run: RunSummary) -> dict[str, Path]:
        """Every table of the run as `folder/<table>.parquet`, validated (schemas per batch, keys and foreign keys
        over whole files) and sorted by key; returns their paths. Memory stays bounded whatever the run's size."""
        self._pack()
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = {name: folder / f"{name}.parquet" for name in TABLES}
        with connect(self.folder / "duckdb") as con:
            for name in PER_DOCUMENT_ROWS:
                table = TABLES[name]
                write_table_file(con, f"{self._latest(name)} ORDER BY {_order(table)}", table, paths[name])
            for entity, (mentions, _) in ENTITY_SOURCES.items():
                attributes = entity_attributes_sql(entity, self._latest(f"obs_{entity}"))
                write_table_file(con, entity_table_sql(entity, attributes, f"SELECT * FROM {scan(paths[mentions])}"),
                                 TABLES[entity], paths[entity])
            q_rows = {(q.document_id, q.stage): {"document_id": q.document_id, "stage": q.stage, "reason": q.reason,
                                                 "source": q.source} for q in quarantine}
            write_parquet_frames([_frame(TABLES["quarantine"], list(q_rows.values()))], TABLES["quarantine"], paths["quarantine"])
            rows_out = sum(run_row_counts(paths).values())
            write_parquet_frames([_frame(TABLES["runs"], _run_rows(run, rows_out))], TABLES["runs"], paths["runs"])
            check_files(con, paths)
        return paths

    def tables(self, quarantine: list[QuarantineRecord], run: RunSummary) -> dict[str, pd.DataFrame]:
        """All tables of the run in memory (for small runs and tests), validated; rows sorted by key."""
        paths = self.write_tables(self.folder / "tables", quarantine, run)
        return {name: read_all(path, TABLES[name]) for name, path in paths.items()}


def run_row_counts(tables: dict[str, Path] | dict[str, pd.DataFrame]) -> dict[str, int]:
    """Rows per table of one run's own tables (files as `RowSpool.write_tables` writes them, or frames), every
    table but runs.

    The one count of a run's rows: the runs table's `rows_out` is their sum, and the run's log line, its
    report.html, run.json and the pipeline's summary show these figures."""
    return {name: len(value) if isinstance(value, pd.DataFrame) else row_count(Path(value))
            for name, value in tables.items() if name in TABLES and name != "runs"}


def write_parquet_frames(frames, table: Table, path: Path) -> None:
    """Batches of a table as one Parquet file, each batch checked against the table's pandera schema."""
    write_parquet(validated(frames, table), table, path)


def write_table_file(con, sql: str, table: Table, path: Path) -> None:
    """A query's rows as the Parquet file of `table`, read back and checked in batches."""
    write_parquet_frames(frames(con, sql, table), table, path)


def check_files(con, paths: dict[str, Path]) -> None:
    """Whole-table checks pandera cannot make batch by batch: unique keys, foreign keys between the files."""
    known = {**TABLES, **HISTORY_TABLES}
    for name, path in paths.items():
        duplicates = duplicate_keys(con, path, known[name])
        if duplicates:
            raise ValueError(f"{name}: primary key {list(known[name].primary_key)} repeated: {duplicates}")
    for name in paths:
        problems = missing_references(con, paths, known[name])
        if problems:
            raise ValueError(problems[0])


def build_tables(
    results: Iterable[DocumentResult], quarantine: list[QuarantineRecord], run: RunSummary
) -> dict[str, pd.DataFrame]:
    """All tables of one run, validated; keys are deterministic and rows sorted by key. When the input repeats
    a document id, its last occurrence is kept."""
    with RowSpool() as spool:
        for result in results:
            spool.add(result)
        return spool.tables(quarantine, run)
