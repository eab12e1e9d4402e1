"""The few domain exceptions and warnings; the CLI turns the exceptions into one-line messages."""


class BiwaqError(Exception):
    """Base class for errors the CLI reports without a traceback."""


class SettingsError(BiwaqError):
    """A settings file or environment override could not be read."""


class InputError(BiwaqError):
    """The input file or folder cannot be read at all."""


class DocumentError(BiwaqError):
    """One document cannot be processed; it is quarantined with this reason."""

    def __init__(self, reason: str, stage: str = "validate"):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage


class DatasetError(BiwaqError):
    """A stored table is missing, corrupted or of an incompatible schema."""


class FetchError(BiwaqError):
    """A URL could not be fetched (after retries); the fetch log keeps the reason."""


class CrawlError(BiwaqError):
    """A crawl cannot start or go on: bad start URL, start page refused by robots.txt, unwritable output."""


class ArchiveError(BiwaqError):
    """The WARC archive or fetch log under the output folder cannot be written or read back."""


class QueryError(BiwaqError):
    """A query over the dataset is not valid SQL or names an unknown table or column."""


class StewardError(BiwaqError):
    """A dataset cannot be reviewed, or an archive package cannot be written or verified."""


class DecisionError(StewardError):
    """A steward's decision is malformed, or names a record the dataset does not hold."""


class ModelMismatch(BiwaqError):
    """Extraction workers loaded another spaCy model than the run chose; results would be cached under the wrong key."""


class TableCheckError(BiwaqError, ValueError):
    """The tables of a run break a schema, a foreign key or a count invariant; nothing is written."""


class ModelFallbackWarning(UserWarning):
    """The requested statistical model is not installed; running the rule-only German pipeline."""


class DatasetBusy(BiwaqError):
    """Another run is writing into the same dataset folder (and the caller chose not to wait)."""
