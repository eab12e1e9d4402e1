"""Extracting a run's documents: the NLP cache first, the rest in batches by any runner, failures quarantined."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from biwaq_extract.batch.batches import batch_size_for, batches
from biwaq_extract.batch.cache import NLPCache, RunResults, model_id
from biwaq_extract.batch.document_file import Parsed
from biwaq_extract.batch.worker import BatchOutcome, run_batch
from biwaq_extract.errors import ModelMismatch
from biwaq_extract.extract import failure
from biwaq_extract.records import DocumentResult, ModelInfo, QuarantineRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchFailure:
    """A batch that failed as a whole (after any retries): its documents are quarantined with this reason."""

    reason: str


# What a runner gives back per batch: the positions it was given, and the batch's outcome or failure.
Finished = tuple[list[int], BatchOutcome | BatchFailure]
# A runner: takes the batches (lists of positions in the parsed documents), yields each as it finishes.
Runner = Callable[[list[list[int]]], Iterable[Finished]]


@dataclass
class Tally:
    """What the extraction of one run did, for the report and the summary line."""

    documents_in: int = 0
    extracted: int = 0
    quarantined: int = 0
    out_of_range: int = 0
    from_cache: int = 0
    nlp_documents: int = 0
    nlp_seconds: float = 0.0
    batches: int = 0
    failed_batches: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ExtractOutcome:
    """Results of a run's extraction in input order, its quarantine, what it did and with which pipeline."""

    results: Sequence[DocumentResult]  # a RunResults: read back from the NLP cache, not held in memory
    quarantine: tuple[QuarantineRecord, ...]
    tally: Tally
    model: ModelInfo
    extractor: str


def reason_kind(reason: str) -> str:
    """The reason without its document-specific details, to count alike failures together.

    >>> reason_kind("text too large: 6000000 characters > limit 5000000")
    'text too large'
    """
    return reason.split(":", 1)[0].strip()


def in_process(parsed: Parsed, model: str | None, settings: dict[str, Any]) -> Runner:
    """A runner that extracts the batches one after another in this process (no orchestrator)."""

    def run(groups: list[list[int]]) -> Iterator[Finished]:
        for positions in groups:
            try:
                yield positions, run_batch([parsed.documents[i] for i in positions], model, settings)
            except Exception as exc:  # as a failed batch task: its documents are quarantined, the run goes on
                log.exception("extraction batch failed")
                yield positions, BatchFailure(f"batch failed: {type(exc).__name__}: {exc}")

    return run


def extract_cached(parsed: Parsed, cache: NLPCache, info: ModelInfo, run_batches: Runner, *, batch_size: int | None,
                   default_size: int, workers: int, logger: logging.Logger | logging.LoggerAdapter = log) -> ExtractOutcome:
    """Take unchanged documents from the NLP cache, extract the rest in batches with `run_batches`, and store
    each finished batch in the cache.

    Results go to the NLP cache as batches finish and are read back one at a time when the tables are written,
    so memory does not grow with the corpus. Held in memory: only results not in the cache (failures).
    """
    held: dict[str, DocumentResult] = {}
    quarantine: dict[str, QuarantineRecord] = {}
    documents = parsed.documents
    entries, todo = [], []  # per document its metadata and cache key; positions to extract, not texts
    for i, document in enumerate(documents):
        key = cache.key(document)
        entries.append(RunResults.entry(document, key))
        if not cache.has_key(key):
            todo.append(i)
    size = batch_size_for(len(todo), batch_size, workers, default_size)
    groups = batches(todo, size)
    logger.info("extract: %d documents from the cache, %d to extract in %d batches of up to %d",
                cache.hits, len(todo), len(groups), size)

    tally = Tally(batches=len(groups), from_cache=cache.hits, out_of_range=parsed.out_of_range)
    for done, (positions, outcome) in enumerate(run_batches(groups), start=1):
        if isinstance(outcome, BatchFailure):
            # A batch that failed for good: its documents are quarantined with the reason, the other batches'
            # work is kept, and the next run extracts them again.
            logger.error("extract: %d of %d batches done; this one failed, its %d documents are quarantined: %s",
                         done, len(groups), len(positions), outcome.reason)
            tally.failed_batches += 1
            for document in (documents[i] for i in positions):
                result, record = failure(document, QuarantineRecord(document.id, "extract", outcome.reason, document.source))
                held[document.id], quarantine[document.id] = result, record
            continue
        _store(outcome, cache, held, quarantine, logger)
        tally.nlp_documents += len(positions)
        tally.nlp_seconds += outcome.seconds
        failed = sum(record is not None for _, record in outcome.pairs)
        logger.info("extract: %d of %d batches done (this one: %d documents in %.1f s, %d quarantined)",
                    done, len(groups), len(positions), outcome.seconds, failed)
    return _collect(parsed, cache, info, entries, held, quarantine, tally)


def _store(outcome: BatchOutcome, cache: NLPCache, held: dict[str, DocumentResult],
           quarantine: dict[str, QuarantineRecord], logger) -> None:
    """One finished batch: its successes into the cache (or memory when the cache cannot take them), its
    failures into the quarantine."""
    if model_id(outcome.model) != cache.model:
        raise ModelMismatch(
            f"extraction workers run {model_id(outcome.model)} but the run chose {cache.model}; "
            "install the same spaCy model everywhere (or pass model='blank')"
        )
    for result, record in outcome.pairs:
        if record is not None:
            held[result.document.id], quarantine[result.document.id] = result, record
    try:
        cache.put(r for r, record in outcome.pairs if record is None)
    except OSError as exc:  # a full disk: keep this batch's results in memory instead
        logger.warning("extract: NLP cache not writable (%s); keeping %d results in memory", exc, len(outcome.pairs))
        held.update((r.document.id, r) for r, record in outcome.pairs if record is None)


def _collect(parsed: Parsed, cache: NLPCache, info: ModelInfo, entries: list, held: dict[str, DocumentResult],
             quarantine: dict[str, QuarantineRecord], tally: Tally) -> ExtractOutcome:
    """The run's results in input order (then the documents that failed before the NLP), and its tally."""
    ids = parsed.documents.ids
    n_valid = len(ids)
    positions = {i: held[d] for i, d in enumerate(ids) if d in held}
    positions.update((n_valid + k, r) for k, (r, _) in enumerate(parsed.failed))
    entries += [RunResults.entry(r.document, None) for r, _ in parsed.failed]
    results = RunResults(cache, entries, positions)
    records = [quarantine[d] for d in ids if d in quarantine] + [q for _, q in parsed.failed]
    tally.documents_in = len(results)
    tally.quarantined = len(records)
    tally.extracted = tally.documents_in - tally.quarantined
    tally.reasons = dict(Counter(reason_kind(q.reason) for q in records))
    return ExtractOutcome(results, tuple(records), tally, info, cache.extractor)
