"""The verdict: reasons on datasets built by `biwaq extract`, crawl facts, changes since the previous run."""

from __future__ import annotations

import shlex
import shutil

import pytest

from biwaq_extract.cli.main import main
from biwaq_extract.steward.verdict import ATTENTION, READY, assess, format_verdict
from conftest import fixture_path


@pytest.mark.parametrize("name, reason", [
    ("one_run", "3 open high-risk review items"),
    ("mixed", "5 quarantined documents"),
    ("lost", "1 document that lost records since the previous run"),
])
def test_verdict_needs_attention_names_its_reasons(steward_datasets, name, reason):
    verdict = assess(steward_datasets[name])
    assert verdict.status == ATTENTION
    assert reason in verdict.reasons
    assert reason in format_verdict(verdict, "DIR").splitlines()[0]


@pytest.mark.parametrize("name", ["one_run", "mixed", "lost"])
def test_verdict_accepting_every_high_risk_item_makes_it_ready(copy_dataset, name):
    dataset = copy_dataset(name)
    verdict = assess(dataset)
    for item in [i for i in verdict.open_items if i.risk == "high"]:
        # the command the review prints is the one the steward runs
        assert main(shlex.split(item.commands(str(dataset))["accept"])[1:]) == 0
    after = assess(dataset)
    assert after.status == READY, after.reasons
    assert after.settled == len([i for i in verdict.open_items if i.risk == "high"])
    assert all(i.risk == "medium" for i in after.open_items)  # medium items remain listed, they do not block


@pytest.mark.parametrize("line", ["reject --document st-2 --kind event --text Netzwerktreffen --at 0 --why duplicate"])
def test_verdict_changing_decision_waits_for_a_rerun_to_store_it(copy_dataset, line):
    from conftest import extract_into

    dataset = copy_dataset("one_run")
    assert main(["correct", str(dataset), *shlex.split(line)]) == 0
    verdict = assess(dataset)
    assert "1 decision not yet in the stored tables (rerun to store it)" in verdict.reasons
    assert not verdict.in_tables and "in the stored tables: no" in format_verdict(verdict, "DIR")
    extract_into(dataset, "run1.jsonl")
    after = assess(dataset)
    assert after.in_tables and not any("not yet in the stored tables" in r for r in after.reasons)
    # applied once: the review re-applies to the extractor's rows, not to the corrected tables
    assert after.decisions.stale == [] and len(after.decisions.applied) == 1
    assert not after.changes.lost  # a rejected row is not a record the extractor lost


@pytest.mark.parametrize("expected", [{"new": ["st-4"], "changed": ["st-2"], "unchanged": ["st-1"], "gone": ["st-3"]}])
def test_verdict_changes_since_previous_version(steward_datasets, expected):
    verdict = assess(steward_datasets["rerun"])
    changes = verdict.changes
    assert {k: getattr(changes, k) for k in expected} == expected
    assert changes.previous_run and changes.previous_run != verdict.run["run_id"]
    assert changes.rows["documents"] == (3, 4)  # st-3 is kept (not deleted) though gone from the source
    text = format_verdict(verdict, "DIR")
    assert "1 new, 1 changed, 1 unchanged, 1 gone from the source (st-3)" in text
    assert "documents 3 -> 4" in text


@pytest.mark.parametrize("table, before, after", [("org_mentions", 2, 0)])
def test_verdict_lost_records_name_document_and_table(steward_datasets, table, before, after):
    lost = assess(steward_datasets["lost"]).changes.lost
    assert any(x.document_id == "st-1" and x.table == table and (x.before, x.after) == (before, after) for x in lost)


@pytest.mark.parametrize("facts", [{"pages": 12, "downloaded": 7, "not_modified": 3, "failed": 1, "refused_by_robots": 1}])
def test_verdict_crawl_facts_and_failed_fetches(copy_dataset, facts):
    dataset = copy_dataset("one_run")
    shutil.copytree(fixture_path("steward", "crawl"), dataset / "crawl")
    verdict = assess(dataset)
    assert {k: verdict.crawl[k] for k in facts} == facts
    failed = [i for i in verdict.open_items if i.kind == "fetch"]
    # the log's later success clears the earlier failure of the same URL
    assert [i.document_id for i in failed] == ["http://127.0.0.1:8000/articles/kaputt.html"]
    assert "1 failed fetch" in verdict.reasons
    assert "12 pages visited, 7 fetched, 3 unchanged (304)" in format_verdict(verdict, "DIR")


@pytest.mark.parametrize("name", ["one_run"])
def test_verdict_without_crawl_or_previous_version_says_so(steward_datasets, name):
    text = format_verdict(assess(steward_datasets[name]), "DIR")
    assert "did not crawl" in text and "no previous version" in text
