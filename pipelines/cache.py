"""The NLP result cache: one file per document, keyed by its content, the extractor version and the model.

Why per document and not Prefect's per-task cache: tasks get documents in batches, and batch boundaries
shift whenever the newsletter gains an article, so a per-batch key would miss for every batch after the
new article. A batch holding one failed document would also be cached with its failure, and a rerun
could never complete it. Here only successful extractions are stored, each under

    OUTPUT/.cache/nlp/<extractor>--<model>/<key[:2]>/<key>.pickle

where key = sha256 of the document's text and publication date (the only inputs of the NLP: relative
dates such as "am Montag" resolve against the publication date) plus the extractor and model ids. A new
extractor or model version gets a new folder, so nothing stale is ever read and old folders can be
deleted wholesale. The flow, not the task, reads and writes the cache, so tasks stay pure and can run on
a Dask cluster on other machines that do not see this folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import biwaq_extract
from biwaq_extract.atomic import atomic_write_bytes
from biwaq_extract.records import Document, DocumentResult, ModelInfo

log = logging.getLogger(__name__)

CACHE_DIR = ".cache/nlp"
# Bumped when the pickled layout changes in a way an old file would be misread.
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


def extractor_version() -> str:
    """The package version plus a digest of the rule data, e.g. '0.1.0+3f2a9c1d'."""
    return f"{biwaq_extract.__version__}+{_rule_data_digest()}"


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
    """Reads and writes extraction results below OUTPUT/.cache/nlp; counts hits and stores for the report."""

    root: Path
    extractor: str
    model: str
    hits: int = 0
    stored: int = 0

    @classmethod
    def for_output(cls, output: Path, info: ModelInfo, extractor: str | None = None) -> NLPCache:
        return cls(Path(output) / CACHE_DIR, extractor or extractor_version(), model_id(info))

    @property
    def folder(self) -> Path:
        return self.root / f"{_safe(self.extractor)}--{_safe(self.model)}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, document: Document) -> DocumentResult | None:
        """The cached result for this document's content, re-labelled with this document's id and metadata."""
        path = self._path(document_key(document, self.extractor, self.model))
        try:
            result = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged cache file costs one re-extraction, never the run
            log.warning("ignoring unreadable cache file %s: %s", path, exc)
            return None
        if not isinstance(result, DocumentResult):
            return None
        self.hits += 1
        # Offsets depend only on the text, so the same text under another id or URL reuses the result.
        return dataclasses.replace(result, document=document)

    def has(self, document: Document) -> bool:
        """Whether this document's content was extracted before (counted as a hit: it will not be extracted)."""
        if self.load(document) is not None:  # read, not just found: a damaged file means extracting again
            self.hits += 1
            return True
        return False

    def put(self, results: Iterable[DocumentResult]) -> int:
        """Store successful results (atomically, one file each); failures are never cached so a rerun retries them."""
        n = 0
        for result in results:
            if result.error is not None:
                continue
            path = self._path(document_key(result.document, self.extractor, self.model))
            # Not fsynced: a cache file lost or torn by a crash is ignored on read and costs one re-extraction.
            atomic_write_bytes(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
            n += 1
        self.stored += n
        return n

    def load(self, document: Document) -> DocumentResult | None:
        """`get` without counting a hit: for reading back results this run stored."""
        hits = self.hits
        try:
            return self.get(document)
        finally:
            self.hits = hits


class RunResults(Sequence):
    """A run's results in input order, read back from the NLP cache one at a time instead of held in memory.

    Results that are not in the cache (failures, which are never cached, or a result whose cache file could
    not be written) are held here. Iterating twice reads the cache twice; `ids()` needs no reading at all.
    """

    def __init__(self, cache: NLPCache, documents: Sequence[Document], held: dict[int, DocumentResult]):
        self.cache = cache
        self.documents = tuple(documents)
        self.held = held  # position -> result

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i in self.held:
            return self.held[i]
        result = self.cache.load(self.documents[i])
        if result is None:
            raise LookupError(f"the NLP cache lost the result of {self.documents[i].id} during the run")
        return result

    def ids(self) -> list[str]:
        return [d.id for d in self.documents]
