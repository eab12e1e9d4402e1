"""The per-step extraction benchmark times every step a run takes, on generated articles."""

from __future__ import annotations

import pytest

from benchmarks.components import MAKE_DOC, READ, component_seconds, table
from benchmarks.make_corpus import write_corpus
from biwaq_extract.nlp.model import RULE_COMPONENTS


@pytest.mark.parametrize("count", [12])
def test_benchmarks_components_time_every_pipeline_step(tmp_path, count):
    path = tmp_path / "corpus.jsonl"
    documents, words = write_corpus(count, path, seed=3)
    assert documents == count and words > 0
    seconds = component_seconds(path)
    assert list(seconds)[:2] == [READ, MAKE_DOC]
    assert set(RULE_COMPONENTS) <= set(seconds) and "sentencizer" in seconds
    assert all(s > 0 for s in seconds.values())
    printed = table(seconds, tokenizer=0.5)
    assert len(printed.splitlines()) == 2 + len(seconds) + 2  # header, every step, the total and the baseline
    assert "| biwaq_dates |" in printed
