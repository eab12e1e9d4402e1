"""Plain frozen records passed between stages: documents, mentions and per-document results."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input article as `biwaq extract` reads it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None  # where it was read from (file, URL)
    page_starts: tuple[int, ...] = ()  # PDF: offset in `text` where each page begins (empty for pages)
    parent_document_id: str | None = None  # a crawled report: the article that links to it

    def page_at(self, offset: int) -> int | None:
        """1-based page of a character offset of a PDF document; None for a document without pages.

        >>> Document("r", "x" * 400, page_starts=(0, 120, 300)).page_at(150)
        2
        """
        return bisect.bisect_right(self.page_starts, offset) if self.page_starts else None


@dataclass(frozen=True)
class DateMention:
    """A temporal expression normalised to an inclusive interval."""

    text: str
    start_char: int
    end_char: int
    start: dt.date
    end: dt.date
    granularity: str  # day | days | month | months | season | quarter | year | years
    rule: str
    sentence: str = ""
    role: str | None = None  # publication | funding_period | deadline | None (the dataset adds event, other)


@dataclass(frozen=True)
class OrgMention:
    """A surface mention of an organisation, linked to a canonical id."""

    text: str
    start_char: int
    end_char: int
    org_id: str  # stable canonical id, e.g. "bmas" or "text:<slug>" for ones learned from the text
    name: str  # canonical full name in nominative
    acronym: str | None
    rule: str
    sentence: str = ""
    org_type: str | None = None  # ministry | agency | eu | land | association | ...
    level: str | None = None  # federal | state | eu | municipal | other


@dataclass(frozen=True)
class ProgrammeMention:
    """A funding programme, fund or initiative named in the text."""

    text: str
    start_char: int
    end_char: int
    programme_id: str
    name: str  # short form as in the gold format ("BIWAQ", "ESF Plus")
    rule: str
    sentence: str = ""


@dataclass(frozen=True)
class PersonMention:
    """A named person with the role and organisation the text ties them to."""

    text: str
    start_char: int
    end_char: int
    name: str  # without titles and role words
    role: str | None
    organisation: str | None  # acronym or canonical name
    org_id: str | None
    rule: str
    sentence: str = ""


@dataclass(frozen=True)
class PlaceMention:
    """A named place (city, district, Land, country, region)."""

    text: str
    start_char: int
    end_char: int
    name: str
    kind: str | None  # city | district | state | country | region
    rule: str
    sentence: str = ""
    place_id: str | None = None


@dataclass(frozen=True)
class ParticipantCount:
    """A count of people taking part, attending, reached or supported."""

    text: str
    start_char: int
    end_char: int
    count: int
    qualifier: str  # exact | approx | min | max
    lower: int | None
    upper: int | None
    who: str
    rule: str
    sentence: str = ""


@dataclass(frozen=True)
class EventMention:
    """A gathering with type, name, date interval, place, participants and organisers."""

    text: str
    start_char: int
    end_char: int
    type: str  # conference | workshop | seminar | meeting | webinar | award | fair | kickoff | other
    name: str | None
    start: dt.date | None
    end: dt.date | None
    location: str | None
    participants: int | None
    organisers: tuple[str, ...]
    rule: str
    sentence: str = ""
    venue: str | None = None  # the named building or site ("Kalkscheune"); `location` holds its town


@dataclass(frozen=True)
class ModelInfo:
    """Which spaCy pipeline was actually used for a run."""

    name: str
    version: str
    statistical: bool
    components: tuple[str, ...]
    spacy_version: str


@dataclass(frozen=True)
class DocumentResult:
    """Everything extracted from one document, or the reason it failed."""

    document: Document
    dates: tuple[DateMention, ...] = ()
    organisations: tuple[OrgMention, ...] = ()
    programmes: tuple[ProgrammeMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    participant_counts: tuple[ParticipantCount, ...] = ()
    error: str | None = None
    error_stage: str | None = None


@dataclass(frozen=True)
class QuarantineRecord:
    """A document (or input line) that could not be processed, and why."""

    document_id: str
    stage: str  # read | validate | extract
    reason: str
    source: str | None = None


@dataclass(frozen=True)
class RunSummary:
    """Facts about one extraction run."""

    run_id: str
    started_at: str
    finished_at: str
    package_version: str
    model: ModelInfo
    settings_hash: str
    documents_in: int
    documents_ok: int
    documents_failed: int
    extra: dict = field(default_factory=dict)
