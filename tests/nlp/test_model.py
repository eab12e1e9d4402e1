"""The loader uses a statistical pipeline when there is one and falls back to rules with a clear warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

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


def _merge_records() -> list[dict]:
    path = Path(__file__).parents[1] / "fixtures" / "nlp" / "model_merge.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _noisy_ner_pipeline(records: list[dict]):
    """A tiny NER trained on the fixture texts: every gold organisation and person, and wrong guesses a
    real model makes ("Sommerfest Brückenbau" and "Montag Abend" as ORG, "Werkstatt Sonnenseite" as PER)."""
    fix_random_seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("ner")
    wrong = {"Sommerfest Brückenbau": "ORG", "Montag Abend": "ORG", "Werkstatt Sonnenseite": "PER"}
    examples = []
    for r in records:
        spans = {**{o: "ORG" for o in r["organisations"]}, **{p: "PER" for p in r["people"]},
                 **{w: label for w, label in wrong.items() if w in r["text"]}}
        ents = [(r["text"].index(s), r["text"].index(s) + len(s), label) for s, label in spans.items()]
        examples.append(Example.from_dict(nlp.make_doc(r["text"]), {"entities": ents}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return pipeline_from(nlp)[0]


def _f1(nlp, records: list[dict]) -> tuple[float, set[str]]:
    """F1 of organisation surfaces and people's names over the records, and the rules that found them."""
    tp = n_pred = n_gold = 0
    rules = set()
    for r in records:
        doc = nlp(r["text"])
        pred = {m.text for m in doc._.organisations} | {p.name for p in doc._.people}
        gold = set(r["organisations"]) | set(r["people"])
        rules |= {m.rule for m in doc._.organisations} | {p.rule for p in doc._.people}
        tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
    return 2 * tp / (n_pred + n_gold), rules


@pytest.mark.parametrize("records", [_merge_records()])
def test_model_entities_never_make_extraction_worse_than_rules(blank_pipeline, records):
    """The model path runs (its entities are merged) and, as its ORG/PER count only where a rule's
    shape agrees, scores at least what the rules alone score on our sentences."""
    rules_f1, _ = _f1(blank_pipeline[0], records)
    model_f1, found_by = _f1(_noisy_ner_pipeline(records), records)
    assert {"model:ner", "model_ent"} <= found_by
    assert model_f1 >= rules_f1
