"""Load the spaCy German pipeline (de_core_news_sm when installed, else a blank German one) plus our components."""

from __future__ import annotations

import gc
import logging
import os
import warnings

import spacy
from spacy.language import Language

from biwaq_extract.errors import ModelFallbackWarning
from biwaq_extract.records import ModelInfo

log = logging.getLogger(__name__)

DEFAULT_MODEL = "de_core_news_sm"
MODEL_ENV = "BIWAQ_SPACY_MODEL"  # a package name, a pipeline path, or "blank"
BLANK_NAME = "blank:de"

# Our components in the order they must run: later ones read what earlier ones wrote.
RULE_COMPONENTS = (
    "biwaq_dates",
    "biwaq_organisations",
    "biwaq_programmes",
    "biwaq_places",
    "biwaq_people",
    "biwaq_participants",
    "biwaq_events",
)

# The components that apply a user gazetteer (their factories' `user_gazetteer` config).
USER_GAZETTEER_COMPONENTS = ("biwaq_organisations", "biwaq_programmes", "biwaq_places")

# Raised so that 1 MB articles are processed instead of refused; larger input is quarantined before NLP.
MAX_TEXT_CHARS = 5_000_000


def _wanted(model: str | None) -> str:
    """The model to load: the argument, else the BIWAQ_SPACY_MODEL environment variable, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _load_base(model: str) -> tuple[Language, bool]:
    if model == "blank":
        return spacy.blank("de"), False
    try:
        return spacy.load(model), True
    except (OSError, ImportError) as exc:
        message = (
            f"spaCy model {model!r} is not installed ({type(exc).__name__}); "
            "using the spaCy German tokenizer with biwaq's rule components only "
            "(install it with: python -m spacy download de_core_news_sm)"
        )
        warnings.warn(message, ModelFallbackWarning, stacklevel=3)
        return spacy.blank("de"), False


def _sentence_components(pipe_names: list[str]) -> tuple[list[str], list[str]]:
    """The sentence components to add to a pipeline with these components, and its components after that."""
    if "parser" not in pipe_names and "senter" not in pipe_names and "sentencizer" not in pipe_names:
        return ["sentencizer", "biwaq_line_breaks"], [*pipe_names, "sentencizer", "biwaq_line_breaks"]
    if pipe_names:
        # The parser respects boundaries set before it, so line breaks are marked first.
        return ["biwaq_line_breaks"], ["biwaq_line_breaks", *pipe_names]
    return [], []


def add_rule_components(nlp: Language, user_gazetteer: str | None = None) -> Language:
    """Add sentence handling and every biwaq component to a German pipeline (statistical or blank);
    `user_gazetteer`: path of a user gazetteer the organisation, programme and place finders apply."""
    from biwaq_extract.nlp import components  # noqa: F401  (registers the factories)
    from biwaq_extract.nlp.tokenizer import bound_tokenizer

    bound_tokenizer(nlp)  # crafted runs of quotes or brackets would cost spaCy's tokenizer quadratic time
    added, _ = _sentence_components(nlp.pipe_names)
    if added == ["sentencizer", "biwaq_line_breaks"]:
        # spaCy's sentencizer rule, reading the shared token view (nlp/components.py): the same boundaries
        nlp.add_pipe("biwaq_sentencizer", name="sentencizer")
        nlp.add_pipe("biwaq_line_breaks", after="sentencizer")
    elif added:
        nlp.add_pipe("biwaq_line_breaks", before=nlp.pipe_names[0])
    for name in RULE_COMPONENTS:
        if name not in nlp.pipe_names:
            with_user = user_gazetteer and name in USER_GAZETTEER_COMPONENTS
            nlp.add_pipe(name, config={"user_gazetteer": str(user_gazetteer)} if with_user else {})
    nlp.max_length = MAX_TEXT_CHARS + 1
    return nlp


def model_info(nlp: Language, statistical: bool, components: tuple[str, ...] | None = None) -> ModelInfo:
    """What a pipeline is; `components` overrides its current component names (see `describe_pipeline`)."""
    meta = nlp.meta or {}
    name = f"{meta.get('lang', 'de')}_{meta.get('name', '')}" if statistical else BLANK_NAME
    return ModelInfo(
        name=name,
        version=str(meta.get("version", "")) if statistical else spacy.__version__,
        statistical=statistical,
        components=tuple(nlp.pipe_names) if components is None else components,
        spacy_version=spacy.__version__,
    )


def load_pipeline(model: str | None = None, user_gazetteer: str | None = None) -> tuple[Language, ModelInfo]:
    """Return the German pipeline with our components, and what it really is.

    `model` (or the BIWAQ_SPACY_MODEL environment variable) names a spaCy package or a pipeline
    folder; "blank" forces the rule-only pipeline. Falls back to blank German with a warning.
    `user_gazetteer`: path of a user gazetteer (steward/user_gazetteer.py) the finders apply; StewardError
    when it is missing or wrong.
    """
    nlp, statistical = _load_base(_wanted(model))
    nlp = add_rule_components(nlp, user_gazetteer)
    # The pipeline's rule data (gazetteers, tries, compiled patterns) lives as long as the process and is a few
    # hundred thousand objects: frozen, the garbage collector stops walking them on every full collection
    # while documents are extracted (measured in docs/performance.md).
    gc.freeze()
    return nlp, model_info(nlp, statistical)


def describe_pipeline(model: str | None = None) -> ModelInfo:
    """The ModelInfo `load_pipeline(model)` returns, without building biwaq's rule components.

    Their rule data (gazetteers, tries, patterns) is most of a blank pipeline's loading time. A flow whose
    extraction runs in other processes (Dask workers) needs only this, to choose its NLP cache and tell the
    user which model runs. Warns like `load_pipeline` when the model is not installed.
    """
    nlp, statistical = _load_base(_wanted(model))
    _, names = _sentence_components(nlp.pipe_names)
    names += [name for name in RULE_COMPONENTS if name not in names]
    return model_info(nlp, statistical, tuple(names))


def pipeline_from(nlp: Language) -> tuple[Language, ModelInfo]:
    """Wrap an already built Language (e.g. a tiny test pipeline with an `ner`) with our components."""
    statistical = any(n in nlp.pipe_names for n in ("ner", "parser", "tagger", "morphologizer"))
    return add_rule_components(nlp), model_info(nlp, statistical)
