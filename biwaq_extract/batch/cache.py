"""The NLP result cache: one row per document in one SQLite file, keyed by its content, the extractor version
and the model.

Why per document and not Prefect's per-task cache: tasks get documents in batches, and batch boundaries
shift whenever the newsletter gains an article, so a per-batch key would miss for every batch after the
new article. A batch holding one failed document would also be cached with its failure, and a rerun
could never complete it. Here only successful extractions are stored, each under

    OUTPUT/.cache/nlp/<extractor>--<model>.sqlite   (table results: key -> pickled DocumentResult)

where key = sha256 of the document's text and publication date (the only inputs of the NLP: relative
dates such as "am Montag" resolve against the publication date) plus the extractor and model ids. A new
extractor or model version gets a new file, so nothing stale is ever read and old files can be deleted
wholesale. The run (the Prefect flow or `biwaq run --no-prefect`), not the batch, reads and writes the cache,
so batches stay pure and can run on a Dask cluster on other machines that do not see this folder.

Why SQLite and not a file per document: creating a small file costs ~0.2-1 ms on common file systems (the
benchmark's temporary folder: ~1 ms), which made storing 2,000 results take longer than a fifth of their
extraction; one transaction per batch stores them in a few milliseconds. WAL mode without fsync: a cache
row lost in a power cut costs one re-extraction, and a damaged file is moved aside and started afresh.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import pickle
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import biwaq_extract
from biwaq_extract.records import Document, DocumentResult, ModelInfo

log = logging.getLogger(__name__)

CACHE_DIR = ".cache/nlp"
# Bumped when the pickled layout changes in a way an old row would be misread.
FORMAT = 1


@lru_cache(maxsize=None)
def _rule_data_digest() -> str:
    """Digest of the shipped rule data (gazetteers, event nouns...): editing it changes results as code does."""
    h = hashlib.sha256()

    def walk(folder, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            elif item.name.endswith((".yaml", ".yml", ".jsonl", ".json", ".txt")):
                h.update(f"{prefix}{item.name}".encode())
                h.update(item.read_bytes())

    walk(resources.files("biwaq_extract").joinpath("data"), "")
    return h.hexdigest()[:8]


def extractor_version(user_gazetteer: str | None = None) -> str:
    """The package version plus a digest of the rule data, e.g. '0.1.0+3f2a9c1d'; with a user gazetteer (a path)
    also its digest, '0.1.0+3f2a9c1d+u5e6f7a8b': editing it changes results as the shipped rule data does."""
    version = f"{biwaq_extract.__version__}+{_rule_data_digest()}"
    if user_gazetteer:
        from biwaq_extract.steward.user_gazetteer import load_user_gazetteer

        version += f"+u{load_user_gazetteer(user_gazetteer).sha256[:8]}"
    return version


def model_id(info: ModelInfo) -> str:
    """Name and version of the spaCy pipeline that produced a result, e.g. 'de_core_news_sm-3.8.0'."""
    return f"{info.name}-{info.version}"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", text)


def document_key(document: Document, extractor: str, model: str) -> str:
    """Cache key of one document's extraction."""
    published = document.published.isoformat() if document.published else ""
    blob = "\x1f".join((str(FORMAT), extractor, model, published, document.text))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclasses.dataclass
class NLPCache:
    """Reads and writes extraction results in OUTPUT/.cache/nlp; counts hits and stores for the report.

    Safe to share between the flow's threads (one connection behind a lock); pickles without its connection.
    """

    root: Path
    extractor: str
    model: str
    hits: int = 0
    stored: int = 0
    _db: sqlite3.Connection | None = dataclasses.field(default=None, repr=False, compare=False)
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def for_output(cls, output: Path, info: ModelInfo, extractor: str | None = None,
                   user_gazetteer: str | None = None) -> NLPCache:
        return cls(Path(output) / CACHE_DIR, extractor or extractor_version(user_gazetteer), model_id(info))

    @property
    def path(self) -> Path:
        return self.root / f"{_safe(self.extractor)}--{_safe(self.model)}.sqlite"

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("_db", "_lock")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _db=None, _lock=threading.Lock())

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, result BLOB NOT NULL)")
            db.execute("SELECT count(*) FROM (SELECT key FROM results LIMIT 1)").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:  # a damaged cache costs re-extraction, never the run
                aside = self.path.with_name(self.path.name + ".damaged")
                log.warning("NLP cache %s is unreadable (%s); moved to %s, starting a new one", self.path, exc, aside)
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(FileNotFoundError):
                        os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
                self._db = self._open()
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _read(self, key: str) -> bytes | None:
        with self._lock:
            row = self._connection().execute("SELECT result FROM results WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def by_key(self, key: str) -> DocumentResult | None:
        """The result stored under a key as it was stored (not counted as a hit); None when missing or damaged."""
        try:
            blob = self._read(key)
            result = pickle.loads(blob) if blob is not None else None
        except Exception as exc:  # a damaged row costs one re-extraction, never the run
            log.warning("ignoring unreadable NLP cache entry %s in %s: %s", key, self.path, exc)
            return None
        return result if isinstance(result, DocumentResult) else None

    def key(self, document: Document) -> str:
        """This document's key in this cache (its content, the extractor and the model)."""
        return document_key(document, self.extractor, self.model)

    def get(self, document: Document) -> DocumentResult | None:
        """The cached result for this document's content, re-labelled with this document's id and metadata."""
        result = self.by_key(self.key(document))
        if result is None:
            return None
        self.hits += 1
        # Offsets depend only on the text, so the same text under another id or URL reuses the result.
        return dataclasses.replace(result, document=document)

    def has(self, document: Document) -> bool:
        """Whether this document's content was extracted before (counted as a hit: it will not be extracted)."""
        return self.has_key(self.key(document))

    def has_key(self, key: str) -> bool:
        """`has` for a key computed already."""
        if self.by_key(key) is not None:  # read, not just found: a damaged row means extracting again
            self.hits += 1
            return True
        return False

    def put(self, results: Iterable[DocumentResult]) -> int:
        """Store successful results in one transaction; failures are never cached so a rerun retries them.
        OSError when the cache cannot be written (a full disk): the caller keeps the results itself."""
        rows = [
            (self.key(r.document), pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
            for r in results
            if r.error is None
        ]
        try:
            with self._lock:
                db = self._connection()
                db.execute("BEGIN")
                try:
                    db.executemany("INSERT OR REPLACE INTO results (key, result) VALUES (?, ?)", rows)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as exc:
            raise OSError(f"NLP cache {self.path} not writable: {exc}") from exc
        self.stored += len(rows)
        return len(rows)

    def load(self, document: Document) -> DocumentResult | None:
        """`get` without counting a hit: for reading back results this run stored."""
        hits = self.hits
        try:
            return self.get(document)
        finally:
            self.hits = hits


class RunResults(Sequence):
    """A run's results in input order, read back from the NLP cache one at a time instead of held in memory.

    Per document only its metadata (no text) and cache key are kept; the text comes back with the cached
    result (the key covers it). Results that are not in the cache (failures, which are never cached, or a
    result the cache could not store) are held here. Iterating twice reads the cache twice; `ids()` reads nothing.
    """

    def __init__(self, cache: NLPCache, entries: list[tuple[Document, str | None]], held: dict[int, DocumentResult]):
        self.cache = cache
        self.entries = entries  # per position: the document without its text, and its cache key (see `entry`)
        self.held = held  # position -> result

    @staticmethod
    def entry(document: Document, key: str | None) -> tuple[Document, str | None]:
        """What is kept of one document: its metadata and cache key (None for a result held in memory)."""
        return dataclasses.replace(document, text=""), key

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i in self.held:
            return self.held[i]
        meta, key = self.entries[i]
        result = self.cache.by_key(key)
        if result is None:
            raise LookupError(f"the NLP cache lost the result of {meta.id} during the run")
        return dataclasses.replace(result, document=dataclasses.replace(meta, text=result.document.text))

    def ids(self) -> list[str]:
        return [meta.id for meta, _ in self.entries]
