"""The loader uses a statistical pipeline when there is one and falls back to rules with a clear warning."""

from __future__ import annotations

import pytest
import spacy
from spacy.training import Example

from biwaq_extract.nlp.model import (
    RULE_COMPONENTS,
    ModelFallbackWarning,
    describe_pipeline,
    load_pipeline,
    pipeline_from,
)


@pytest.mark.parametrize("missing", ["de_core_news_sm_not_installed", "/nonexistent/pipeline/path"])
def test_model_missing_model_warns_and_falls_back(missing):
    with pytest.warns(ModelFallbackWarning, match="rule components"):
        nlp, info = load_pipeline(missing)
    assert info.statistical is False
    assert info.name == "blank:de"
    assert all(name in nlp.pipe_names for name in RULE_COMPONENTS)


@pytest.mark.parametrize("text", ["Datum\n12.11.2019\n\nDie Werkstatt fand in Bonn statt."])
def test_model_blank_pipeline_splits_sentences_at_line_breaks(blank_pipeline, text):
    nlp, _ = blank_pipeline
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents[:2] == ["Datum", "12.11.2019"]


def tiny_ner_pipeline():
    """A real (tiny) statistical German pipeline with an `ner` component, trained in the test."""
    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in ("ORG", "PER", "LOC"):
        ner.add_label(label)
    text = "Hubertus Heil besuchte das Bundesverwaltungsamt in Köln."
    ents = {"entities": [(0, 13, "PER"), (27, 47, "ORG"), (51, 55, "LOC")]}
    examples = [Example.from_dict(nlp.make_doc(text), ents)]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    return nlp


@pytest.mark.parametrize("components", [RULE_COMPONENTS])
def test_model_statistical_pipeline_is_recorded_and_kept(components):
    nlp, info = pipeline_from(tiny_ner_pipeline())
    assert info.statistical is True
    assert "ner" in info.components
    assert all(name in nlp.pipe_names for name in components)
    doc = nlp("Hubertus Heil besuchte das Bundesverwaltungsamt in Köln.")
    assert {e.label_ for e in doc.ents} <= {"ORG", "PER", "LOC"}


def test_model_description_names_what_loading_would_give(tmp_path):
    """A Dask flow records (and keys its NLP cache by) the description; its workers report the loaded model."""
    saved = tmp_path / "tiny-ner"
    tiny_ner_pipeline().to_disk(saved)
    for model in ("blank", str(saved)):
        described = describe_pipeline(model)
        assert described == load_pipeline(model)[1]
    assert described.statistical and described.components[:3] == ("ner", "sentencizer", "biwaq_line_breaks")
    with pytest.warns(ModelFallbackWarning, match="rule components"):
        missing = describe_pipeline("de_core_news_sm_not_installed")
    assert missing == describe_pipeline("blank")
