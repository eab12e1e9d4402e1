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


@pytest.mark.parametrize("kind, size", [("quotes", 300)])
def test_benchmarks_crafted_times_each_text(capsys, kind, size):
    from benchmarks.crafted import main

    main(["--sizes", str(size), "--kinds", kind])
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split()[:2] == [kind, str(size)] and len(rows[1].split()) == 5


@pytest.mark.parametrize("source", ["tests/fixtures/documents/mixed.jsonl"])
def test_benchmarks_crafted_names_the_slowest_real_documents(capsys, source):
    from benchmarks.crafted import main
    from conftest import REPO

    main(["--slowest", str(REPO / source)])
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(" s " in row for row in rows) and rows[0].split()[-1] in {"ok-1", "odd-unicode"}


@pytest.mark.parametrize("count", [12])
def test_benchmarks_cpu_measures_tokenizer_and_both_ways_of_extracting(tmp_path, monkeypatch, count):
    import benchmarks.run
    from benchmarks.cpu import measure

    monkeypatch.setattr(benchmarks.run, "BENCH_DIR", tmp_path)
    path, _ = benchmarks.run.corpus_for(count, 7)
    seconds = measure(path, repeat=1)
    assert list(seconds) == ["tokenizer", "in-process", "worker"] and all(s > 0 for s in seconds.values())


@pytest.mark.parametrize("count", [12])
def test_benchmarks_phrase_matcher_finds_what_the_trie_finds(tmp_path, monkeypatch, capsys, count):
    import benchmarks.run
    from benchmarks.phrase_matcher import main

    monkeypatch.setattr(benchmarks.run, "BENCH_DIR", tmp_path)
    assert main(["--count", str(count), "--repeat", "1"]) == 0  # it stops when the two find different names
    assert "PhraseMatcher with its Doc" in capsys.readouterr().out


@pytest.mark.parametrize("count", [12])
def test_benchmarks_components_count_processor_seconds(tmp_path, count):
    import time

    path = tmp_path / "corpus.jsonl"
    write_corpus(count, path, seed=3)
    seconds = component_seconds(path, clock=time.process_time)
    assert set(RULE_COMPONENTS) <= set(seconds)
    assert all(s >= 0 for s in seconds.values()) and seconds[MAKE_DOC] > 0


@pytest.mark.parametrize("names", [["biwaq_extract.nlp.dates.roles:cue_role", "biwaq_extract.nlp.event_nouns:SuffixMemo.matching"]])
def test_benchmarks_functions_time_the_named_finder_functions(tmp_path, names):
    from benchmarks.functions import function_seconds

    path = tmp_path / "corpus.jsonl"
    write_corpus(12, path, seed=3)
    seconds, calls = function_seconds(path, names)
    assert all(seconds[n] > 0 and calls[n] > 0 for n in names)
    from biwaq_extract.nlp.dates import roles
    from biwaq_extract.nlp.event_nouns import SuffixMemo

    assert roles.cue_role.__module__ == roles.__name__ and SuffixMemo.matching.__qualname__ == "SuffixMemo.matching"


@pytest.mark.parametrize("count, limits", [(12, "50,100000")])
def test_benchmarks_chunk_cache_caches_no_more_chunks_than_the_limit(tmp_path, monkeypatch, capsys, count, limits):
    import benchmarks.run
    from benchmarks.chunk_cache import main

    monkeypatch.setattr(benchmarks.run, "BENCH_DIR", tmp_path)
    assert main(["--count", str(count), "--limits", limits, "--passes", "1"]) == 0
    rows = [row.split("|") for row in capsys.readouterr().out.splitlines() if row.startswith(("| 50 ", "| 100,000 "))]
    cached = [int(row[2].replace(",", "")) for row in rows]
    assert cached[0] == 50 and cached[1] > 50
