"""The dataset's tables declared once: columns, types, keys; pandera, Arrow and pandas types derive from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pdv
import pyarrow as pa

# Bump when a column is added, removed, renamed or retyped: readers refuse tables of another version
# with a message naming the command that rebuilds them instead of failing somewhere inside a query.
# 3: `start`/`end` became `start_date`/`end_date` (no quoting in SQL), events name their organisers and
# keep the ids in `organiser_ids`, every date has a role, runs count the rows the log and report show.
SCHEMA_VERSION = 3

# Joins several names in one cell (`known_names`, `organisers`). " | " because German organisation names
# contain commas and semicolons ("Bundesministerium des Innern, für Heimat und Bau") but never a spaced bar.
LIST_SEPARATOR = " | "

EVENT_TYPES = ("conference", "workshop", "seminar", "meeting", "webinar", "award", "fair", "kickoff", "other")
QUALIFIERS = ("exact", "approx", "min", "max")
# What a date is in its document: the article's publication date, the date of an event it tells of, a funding
# period (of a programme or project), a deadline (for applications, registrations), or any other date.
DATE_ROLES = ("publication", "event", "funding_period", "deadline", "other")


@dataclass(frozen=True)
class Column:
    """One column: a Frictionless type name, whether it may be empty, and what it means."""

    name: str
    type: str  # string | integer | number | boolean | date | datetime
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ForeignKey:
    """`fields` of this table reference `reference_fields` of `table`."""

    fields: tuple[str, ...]
    table: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of the dataset. `per_document` tables hold rows of one document each (replaced when it changes)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    per_document: bool = True

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, type_: str, description: str, required: bool = False, enum: tuple[str, ...] | None = None) -> Column:
    return Column(name, type_, description, required, enum)


def _mention_columns(id_name: str, what: str) -> tuple[Column, ...]:
    """Columns every mention row carries: its id, document, character offsets, surface text and evidence."""
    return (
        _c(id_name, "string", f"Deterministic id of this {what}: short sha256 of document, content hash, kind, offsets and text.", True),
        _c("document_id", "string", "The document the mention is in.", True),
        _c("text", "string", "Surface text exactly as it appears in the document.", True),
        _c("start_char", "integer", "Offset of the first character in the document text (0-based).", True),
        _c("end_char", "integer", "Offset one past the last character in the document text.", True),
        _c("page", "integer", "Page of a PDF document the mention is on (1-based); empty for web pages."),
    )


_EVIDENCE = (
    _c("sentence", "string", "The sentence the mention was found in (evidence for stewards)."),
    _c("rule", "string", "The rule or model that produced the row.", True),
)


def _doc_fk() -> ForeignKey:
    return ForeignKey(("document_id",), "documents", ("document_id",))


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "One row per input document in its current version.",
            (
                _c("document_id", "string", "Document id as given in the input.", True),
                _c("url", "string", "Address of the article."),
                _c("title", "string", "Title of the article."),
                _c("published", "date", "Publication date."),
                _c("source", "string", "Where the document was read from (file, URL)."),
                _c("parent_document_id", "string", "For a report linked from an article: the article's document id."),
                _c("content_hash", "string", "sha256 of the document text; a new hash makes a new version.", True),
                _c("version", "integer", "1 for the first content seen, +1 each time the content hash changes.", True),
                _c("n_chars", "integer", "Length of the document text in characters.", True),
                _c("error", "string", "Why the document could not be processed; empty when it was."),
                _c("error_stage", "string", "Stage that failed: read | validate | extract."),
                _c("withdrawn", "boolean", "True when the source no longer has the document (read by the run before, "
                   "not by a later one); its rows stay.", True),
                _c("withdrawn_in_run", "string", "The run that noticed the document was gone; empty while it is not."),
            ),
            ("document_id",),
        ),
        Table(
            "organisations",
            "One row per canonical organisation seen in any document.",
            (
                _c("org_id", "string", "Stable canonical id, e.g. 'bmas', or 'text:<slug>' for one learned from a text.", True),
                _c("name", "string", "Canonical full name.", True),
                _c("acronym", "string", "Acronym, when one is known."),
                _c("org_type", "string", "ministry | agency | eu | land | association | ..."),
                _c("level", "string", "federal | state | eu | municipal | other"),
                _c("known_names", "string", f"Every surface form seen, sorted, joined by '{LIST_SEPARATOR}'.", True),
                _c("n_documents", "integer", "Current documents mentioning it.", True),
                _c("n_mentions", "integer", "Current mentions of it.", True),
            ),
            ("org_id",),
            per_document=False,
        ),
        Table(
            "org_mentions",
            "Each place in a document where an organisation is named.",
            _mention_columns("mention_id", "organisation mention")
            + (_c("org_id", "string", "The organisation named.", True),)
            + _EVIDENCE,
            ("mention_id",),
            (_doc_fk(), ForeignKey(("org_id",), "organisations", ("org_id",))),
        ),
        Table(
            "programmes",
            "One row per funding programme, fund or initiative seen in any document.",
            (
                _c("programme_id", "string", "Stable programme id.", True),
                _c("name", "string", "Short form, e.g. 'BIWAQ', 'ESF Plus'.", True),
                _c("known_names", "string", f"Every surface form seen, sorted, joined by '{LIST_SEPARATOR}'.", True),
                _c("n_documents", "integer", "Current documents mentioning it.", True),
                _c("n_mentions", "integer", "Current mentions of it.", True),
            ),
            ("programme_id",),
            per_document=False,
        ),
        Table(
            "programme_mentions",
            "Each place in a document where a programme is named.",
            _mention_columns("mention_id", "programme mention")
            + (_c("programme_id", "string", "The programme named.", True),)
            + _EVIDENCE,
            ("mention_id",),
            (_doc_fk(), ForeignKey(("programme_id",), "programmes", ("programme_id",))),
        ),
        Table(
            "people",
            "One row per named person seen in any document (people with the same name are one row).",
            (
                _c("person_id", "string", "Slug of the name, e.g. 'person:joachim-zweig'.", True),
                _c("name", "string", "Name without titles and role words.", True),
                _c("n_documents", "integer", "Current documents mentioning the person.", True),
                _c("n_mentions", "integer", "Current mentions of the person.", True),
            ),
            ("person_id",),
            per_document=False,
        ),
        Table(
            "person_mentions",
            "Each place in a document where a person is named, with the role and organisation stated there.",
            _mention_columns("mention_id", "person mention")
            + (
                _c("person_id", "string", "The person named.", True),
                _c("role", "string", "Role as the text states it."),
                _c("organisation", "string", "Organisation as the text ties the person to it (acronym or name)."),
                _c("org_id", "string", "Canonical id of that organisation, when resolved."),
            )
            + _EVIDENCE,
            ("mention_id",),
            (
                _doc_fk(),
                ForeignKey(("person_id",), "people", ("person_id",)),
                ForeignKey(("org_id",), "organisations", ("org_id",)),
            ),
        ),
        Table(
            "places",
            "One row per named place seen in any document or given as an event location.",
            (
                _c("place_id", "string", "Place id from the gazetteer, or 'place:<slug>' of the name.", True),
                _c("name", "string", "Name of the place.", True),
                _c("kind", "string", "city | district | state | country | region"),
                _c("n_documents", "integer", "Current documents mentioning the place.", True),
                _c("n_mentions", "integer", "Current mentions of the place.", True),
            ),
            ("place_id",),
            per_document=False,
        ),
        Table(
            "place_mentions",
            "Each place in a document where a place is named.",
            _mention_columns("mention_id", "place mention")
            + (_c("place_id", "string", "The place named.", True),)
            + _EVIDENCE,
            ("mention_id",),
            (_doc_fk(), ForeignKey(("place_id",), "places", ("place_id",))),
        ),
        Table(
            "dates",
            "Every temporal expression, normalised to an inclusive interval.",
            _mention_columns("date_id", "date expression")
            + (
                _c("start_date", "date", "First day of the interval.", True),
                _c("end_date", "date", "Last day of the interval (inclusive).", True),
                _c("granularity", "string", "day | days | month | months | season | quarter | year | years", True),
                _c("role", "string", "What the date is: the article's date line, the date of an event of the document, "
                   "a funding period, a deadline, or another date.", True, DATE_ROLES),
            )
            + _EVIDENCE,
            ("date_id",),
            (_doc_fk(),),
        ),
        Table(
            "events",
            "Gatherings: meetings, workshops, conferences, award ceremonies, ...",
            _mention_columns("event_id", "event")
            + (
                _c("type", "string", "Kind of event.", True, EVENT_TYPES),
                _c("name", "string", "Name as the text gives it."),
                _c("start_date", "date", "First day."),
                _c("end_date", "date", "Last day (inclusive)."),
                _c("location", "string", "Where it takes place, as named."),
                _c("venue", "string", "The named building or site it takes place in, when the text names one."),
                _c("place_id", "string", "Id of that place."),
                _c("participants", "integer", "Number of participants, when stated."),
                _c("organisers", "string", f"Names of the organisers, joined by '{LIST_SEPARATOR}'."),
                _c("organiser_ids", "string", f"The org_id of each organiser found among the document's organisations, "
                   f"joined by '{LIST_SEPARATOR}'."),
            )
            + _EVIDENCE,
            ("event_id",),
            (_doc_fk(), ForeignKey(("place_id",), "places", ("place_id",))),
        ),
        Table(
            "event_organisations",
            "Organisations involved in an event: its organisers and those named in the event's sentence.",
            (
                _c("event_id", "string", "The event.", True),
                _c("org_id", "string", "The organisation.", True),
                _c("document_id", "string", "The document both are in.", True),
                _c("link", "string", "organiser (given as organiser) | sentence (named in the same sentence).", True, ("organiser", "sentence")),
            ),
            ("event_id", "org_id"),
            (
                _doc_fk(),
                ForeignKey(("event_id",), "events", ("event_id",)),
                ForeignKey(("org_id",), "organisations", ("org_id",)),
            ),
        ),
        Table(
            "participant_counts",
            "Counts of people who take part, attend, are reached or are supported.",
            _mention_columns("count_id", "participant count")
            + (
                _c("count", "integer", "The number as stated.", True),
                _c("qualifier", "string", "exact | approx | min | max", True, QUALIFIERS),
                _c("lower", "integer", "Lower bound implied by the qualifier."),
                _c("upper", "integer", "Upper bound implied by the qualifier."),
                _c("who", "string", "Noun phrase naming the people."),
                _c("event_id", "string", "The event counted, when the count is in its sentence or is its participant number."),
            )
            + _EVIDENCE,
            ("count_id",),
            (_doc_fk(), ForeignKey(("event_id",), "events", ("event_id",))),
        ),
        Table(
            "quarantine",
            "Documents (or input lines) that could not be processed, and why.",
            (
                _c("document_id", "string", "Document id, or the input line when no id could be read.", True),
                _c("stage", "string", "read | validate | extract", True),
                _c("reason", "string", "Why it failed.", True),
                _c("source", "string", "Where it was read from."),
            ),
            ("document_id", "stage"),
        ),
        Table(
            "runs",
            "One row per extraction run written into this dataset (the one table that grows on a rerun).",
            (
                _c("run_id", "string", "Run id.", True),
                _c("started_at", "datetime", "When the run started (UTC).", True),
                _c("finished_at", "datetime", "When the run finished (UTC).", True),
                _c("package_version", "string", "biwaq-extract version.", True),
                _c("model_name", "string", "spaCy pipeline name.", True),
                _c("model_version", "string", "spaCy pipeline version.", True),
                _c("model_statistical", "boolean", "Whether the pipeline has trained components.", True),
                _c("model_components", "string", f"Pipeline components joined by '{LIST_SEPARATOR}'."),
                _c("spacy_version", "string", "spaCy version.", True),
                _c("settings_hash", "string", "Hash of the effective settings.", True),
                _c("input", "string", "Input file or folder."),
                _c("documents_in", "integer", "Documents read.", True),
                _c("documents_ok", "integer", "Documents extracted.", True),
                _c("documents_failed", "integer", "Documents quarantined.", True),
                _c("rows_out", "integer", "Rows of this run's documents over every table but runs (the rows the run's log "
                   "and report.html give per table, summed).", True),
                _c("documents_new", "integer", "Documents not in the dataset before.", True),
                _c("documents_changed", "integer", "Documents whose content hash changed (old version moved to history).", True),
                _c("documents_withdrawn", "integer", "Documents this run marked withdrawn (gone from the source).", True),
                _c("decisions_applied", "integer", "Steward decisions applied to the tables this run stored.", True),
                _c("decisions_stale", "integer", "Steward decisions whose target this run no longer has (reported, kept).", True),
                _c("decisions_digest", "string", "sha256 of the decisions file the tables were corrected with; empty without one."),
            ),
            ("run_id",),
            per_document=False,
        ),
    )
}

# Superseded rows of per-document tables, kept when a document's content changes.
HISTORY_COLUMNS = (
    _c("version", "integer", "The document version these rows belonged to.", True),
    _c("superseded_by_run", "string", "Run that replaced them with a newer version.", True),
)


def history_table(table: Table) -> Table:
    """The history twin of a per-document table: same columns plus the version and the run that replaced it."""
    return Table(
        name=f"history_{table.name}",
        description=f"Earlier versions of '{table.name}' rows, kept when their document's content changed.",
        columns=table.columns + tuple(c for c in HISTORY_COLUMNS if c.name not in table.column_names),
        primary_key=table.primary_key + tuple(k for k in ("version",) if k not in table.primary_key),
        per_document=True,
    )


HISTORY_TABLES: dict[str, Table] = {history_table(t).name: history_table(t) for t in TABLES.values() if t.per_document}

_PANDAS = {
    "string": lambda: pd.StringDtype(),
    "integer": lambda: pd.Int64Dtype(),
    "number": lambda: pd.Float64Dtype(),
    "boolean": lambda: pd.BooleanDtype(),
    "date": lambda: pd.ArrowDtype(pa.date32()),
    "datetime": lambda: pd.DatetimeTZDtype("us", "UTC"),
}

_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz="UTC"),
}


def pandas_dtype(column: Column) -> Any:
    return _PANDAS[column.type]()


def arrow_schema(table: Table) -> pa.Schema:
    """Arrow schema with nullability from `required`, and the table name and schema version as metadata."""
    fields = [pa.field(c.name, _ARROW[c.type], nullable=not c.required) for c in table.columns]
    return pa.schema(fields, metadata={"biwaq.table": table.name, "biwaq.schema_version": str(SCHEMA_VERSION)})


def pandera_schema(table: Table) -> pdv.DataFrameSchema:
    """Strict, ordered pandera schema: exact columns in order, dtypes, required values, enums, unique key."""
    columns = {}
    for c in table.columns:
        checks = []
        if c.enum:
            checks.append(pdv.Check.isin(list(c.enum)))
        if c.type == "integer" and c.name in {"start_char", "end_char", "n_chars", "count", "version"}:
            checks.append(pdv.Check.ge(0))
        columns[c.name] = pdv.Column(pandas_dtype(c), checks=checks, nullable=not c.required)
    checks = []
    if "start_char" in columns:
        checks.append(pdv.Check(lambda df: df["start_char"] <= df["end_char"], error="start_char <= end_char"))
    if {"start_date", "end_date"} <= set(columns):
        checks.append(pdv.Check(
            lambda df: df["start_date"].isna() | df["end_date"].isna() | (df["start_date"] <= df["end_date"]).fillna(True),
            error="start_date <= end_date"))
    return pdv.DataFrameSchema(
        columns, checks=checks, strict=True, ordered=True, unique=list(table.primary_key), name=table.name, coerce=False
    )


def empty_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame({c.name: pd.Series([], dtype=pandas_dtype(c)) for c in table.columns})


def conform(frame: pd.DataFrame, table: Table, sort: bool = True) -> pd.DataFrame:
    """Columns in declared order with declared dtypes, rows sorted by the primary key (unless `sort` is off:
    rows that come sorted already), a fresh 0..n index."""
    out = {}
    for c in table.columns:
        values = frame[c.name] if c.name in frame else pd.Series([None] * len(frame), index=frame.index)
        if values.dtype == pandas_dtype(c):
            pass  # already right (the common case when merging stored tables): converting again costs time
        elif c.type == "date":
            values = pd.Series(pd.array(list(values), dtype=pd.ArrowDtype(pa.date32())), index=frame.index)
        elif c.type == "datetime":
            values = pd.to_datetime(values, utc=True).astype(pandas_dtype(c))
        else:
            values = values.astype(object).where(values.notna(), None).astype(pandas_dtype(c))
        out[c.name] = values
    result = pd.DataFrame(out, index=frame.index, columns=table.column_names)
    if sort and len(result):
        result = result.sort_values(list(table.primary_key), kind="stable")
    return result.reset_index(drop=True)
