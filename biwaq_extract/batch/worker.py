"""Running one batch: the process's spaCy pipeline, loaded once per model, over a batch of screened documents."""

from __future__ import annotations

import logging
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from biwaq_extract.errors import ModelFallbackWarning
from biwaq_extract.extract import extract_valid
from biwaq_extract.records import Document, DocumentResult, ModelInfo, QuarantineRecord
from biwaq_extract.steward.user_gazetteer import load_user_gazetteer, settings_gazetteer

log = logging.getLogger(__name__)

_NLP_LOCK = threading.Lock()
_LOAD_LOCK = threading.Lock()


def pipeline_for(model: str | None, user_gazetteer: str | None = None):
    """One spaCy pipeline per model (and user gazetteer: path and content) and process: loading costs seconds,
    and every batch reuses it.

    Loaded once even when called from two threads at once (a Dask worker's preload thread and its first
    batch, see pipelines/worker_preload.py): the second caller waits for the first one's pipeline.
    """
    digest = load_user_gazetteer(user_gazetteer).sha256 if user_gazetteer else None  # an edited file: a new pipeline
    with _LOAD_LOCK:
        return _load(model, user_gazetteer, digest)


def _quietly(load, model: str | None, *args: Any):
    """`load(model)` without ModelFallbackWarning: the run logs its own warning when it chose the model (see
    `model_for_run`), and workers need not repeat it per process."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelFallbackWarning)
        return load(model, *args)


@lru_cache(maxsize=4)
def _load(model: str | None, user_gazetteer: str | None, digest: str | None):  # noqa: ARG001 (digest: the cache key)
    from biwaq_extract.nlp.model import load_pipeline

    return _quietly(load_pipeline, model, user_gazetteer)


@lru_cache(maxsize=4)
def model_description(model: str | None) -> ModelInfo:
    """What `pipeline_for(model)` would load, without loading it (see describe_pipeline)."""
    from biwaq_extract.nlp.model import describe_pipeline

    return _quietly(describe_pipeline, model)


def model_for_run(model: str | None, loads_here: bool, logger: logging.Logger | logging.LoggerAdapter = log,
                  user_gazetteer: str | None = None) -> ModelInfo:
    """The pipeline a run's batches use, with one warning when the trained model is missing.

    `loads_here`: the batches run in this process, so load the pipeline now (with the run's `user_gazetteer`);
    else (Dask workers load their own) only describe it, without building the rule components.
    """
    info = pipeline_for(model, user_gazetteer)[1] if loads_here else model_description(model)
    if not info.statistical and model != "blank":
        logger.warning("spaCy model %s is not installed: using the rule-only German pipeline (%s); "
                       "install it with: python -m spacy download de_core_news_sm", model or "de_core_news_sm", info.name)
    return info


@dataclass(frozen=True)
class BatchOutcome:
    """The results of one batch, the pipeline that produced them, and how long the NLP took."""

    pairs: tuple[tuple[DocumentResult, QuarantineRecord | None], ...]
    model: ModelInfo
    seconds: float


def run_batch(documents: Sequence[Document], model: str | None, settings: dict[str, Any]) -> BatchOutcome:
    """The process's pipeline over the documents, one at a time; a document that fails becomes a quarantine
    record and the batch goes on."""
    nlp, info = pipeline_for(model, settings_gazetteer(settings))
    began = time.perf_counter()
    # spaCy pipelines are not documented as thread-safe; threads gain nothing under the GIL anyway, and
    # Dask workers are separate processes with a pipeline (and lock) each.
    with _NLP_LOCK:  # the parse step screened these documents already: no second validation
        pairs = tuple(extract_valid(nlp, document, settings) for document in documents)
    return BatchOutcome(pairs, info, round(time.perf_counter() - began, 3))
