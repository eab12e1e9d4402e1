"""Decisions stored by the dataset writer: corrected tables, extractor rows kept aside, reruns, re-crawls, new extractors."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import duckdb
import pytest

from biwaq_extract.cli.main import main
from biwaq_extract.steward.decisions import decisions_digest, read_decisions
from biwaq_extract.steward.verdict import assess
from biwaq_extract.dataset.schemas import TABLES
from conftest import extract_into

# Decisions on the fixture run1.jsonl as a steward types them (positions as `biwaq review` shows them).
SET_WORKSHOP_DATE = "set --document st-2 --kind event --text Workshop --at 90 --attribute date --value 2023-04-05"
REJECT_TITLE_EVENT = "reject --document st-2 --kind event --text Netzwerktreffen --at 0 --why 'the title names the workshop'"
SET_ORG_ID = ("set --document st-1 --kind organisation --text 'Bundesministerium für Arbeit und Soziales' --at 156 "
              "--attribute org_id --value quartiersnetz-leipzig")
ADD_PROGRAMME = "add --document st-3 --kind programme --text Stadtteilwerkstatt --at 51"

# the events table's first-day column, whichever name the schema gives it
START = next(c for c in ("start_date", "start") if c in TABLES["events"].column_names)


def correct(dataset: Path, line: str) -> None:
    assert main(["correct", str(dataset), *shlex.split(line)]) == 0


def query(dataset: Path, sql: str) -> list[tuple]:
    con = duckdb.connect()
    try:
        for path in sorted((dataset / "tables").glob("*.parquet")):
            con.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet('{path.as_posix()}')")
        return con.execute(sql).fetchall()
    finally:
        con.close()


def run_json(dataset: Path) -> dict:
    return json.loads((dataset / "run.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("reruns", [1, 2])
def test_decided_rerun_stores_corrected_tables(copy_dataset, reruns):
    dataset = copy_dataset("one_run")
    for line in (SET_WORKSHOP_DATE, REJECT_TITLE_EVENT, SET_ORG_ID, ADD_PROGRAMME):
        correct(dataset, line)
    extract_into(dataset, *["run1.jsonl"] * reruns)  # applying again to a corrected version changes nothing
    assert query(dataset, f"SELECT text, {START}, rule FROM events WHERE document_id = 'st-2'") == [
        ("Workshop", dt.date(2023, 4, 5), "steward")]
    assert query(dataset, "SELECT org_id, rule FROM org_mentions WHERE start_char = 156") == [("quartiersnetz-leipzig", "steward")]
    # the entity tables follow the corrected mentions: the new id has a row, BMAS lost the mention
    assert query(dataset, "SELECT n_mentions FROM organisations WHERE org_id IN ('bmas', 'quartiersnetz-leipzig') ORDER BY org_id") == [(1,), (1,)]
    assert query(dataset, "SELECT p.name, p.n_mentions, m.rule FROM programmes p JOIN programme_mentions m USING (programme_id) "
                          "WHERE m.document_id = 'st-3' AND m.text = 'Stadtteilwerkstatt'") == [("Stadtteilwerkstatt", 1, "steward")]
    # documents.jsonl stays the extractor's output, what `biwaq evaluate` scores
    lines = [json.loads(line) for line in (dataset / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    st2 = next(line for line in lines if line["id"] == "st-2")
    assert "Netzwerktreffen" in json.dumps(st2["events"], ensure_ascii=False)
    facts = run_json(dataset)["decisions"]
    assert facts["digest"] == decisions_digest(read_decisions(dataset))
    assert facts["stale"] == [] and len(facts["applied"]) == 4
    assert query(dataset, "SELECT decisions_applied, decisions_digest FROM runs ORDER BY run_id DESC LIMIT 1") == [(4, facts["digest"])]


@pytest.mark.parametrize("table, expected", [("events", 2)])
def test_decided_extracted_keeps_the_extractors_rows(copy_dataset, table, expected):
    dataset = copy_dataset("one_run")
    correct(dataset, REJECT_TITLE_EVENT)
    extract_into(dataset, "run1.jsonl")
    extracted = duckdb.sql(f"SELECT count(*) FROM read_parquet('{(dataset / 'current' / 'extracted' / f'{table}.parquet').as_posix()}') "
                           "WHERE document_id = 'st-2'").fetchall()[0][0]
    assert extracted == expected  # the rejected row is kept aside, so an undo can bring it back
    decision = read_decisions(dataset)[0]
    correct(dataset, f"undo --undoes {decision.id} --why 'rejected by mistake'")
    extract_into(dataset, "run1.jsonl")
    assert query(dataset, "SELECT count(*) FROM events WHERE document_id = 'st-2'") == [(expected,)]
    assert not (dataset / "current" / "extracted").exists()  # no decision in force names a document any more


@pytest.mark.parametrize("recrawl", ["run2.jsonl"])
def test_decided_survives_a_recrawl_that_moves_the_text(copy_dataset, recrawl):
    """run2.jsonl brings st-2 again with a new title and an added sentence: "Workshop" moves, the title event goes."""
    dataset = copy_dataset("one_run")
    before = query(dataset, "SELECT start_char FROM events WHERE text = 'Workshop'")
    correct(dataset, SET_WORKSHOP_DATE)
    correct(dataset, REJECT_TITLE_EVENT)
    extract_into(dataset, recrawl)
    after = query(dataset, f"SELECT start_char, {START}, rule FROM events WHERE text = 'Workshop'")
    assert after[0][0] != before[0][0] and after[0][1:] == (dt.date(2023, 4, 5), "steward")
    stale = run_json(dataset)["decisions"]["stale"]
    assert [(s["action"], s["text"]) for s in stale] == [("reject", "Netzwerktreffen")]  # reported, not dropped
    assert len(read_decisions(dataset)) == 2
    verdict = assess(dataset)
    assert [d.text for d, _ in verdict.decisions.stale] == ["Netzwerktreffen"]


@pytest.mark.parametrize("version", ["9.9.9"])
def test_decided_survives_a_new_extractor(copy_dataset, monkeypatch, version):
    """A new extractor version whose rules give every mention another id: decisions anchor on what a person sees."""
    import biwaq_extract.dataset.tables as tables
    import biwaq_extract.extract as extract

    dataset = copy_dataset("one_run")
    old_ids = {row[0] for row in query(dataset, "SELECT event_id FROM events")}
    correct(dataset, SET_WORKSHOP_DATE)
    original = tables.mention_id
    monkeypatch.setattr(tables, "mention_id", lambda *parts: original(*parts[:-1], parts[-1] + "\x00v2"))
    monkeypatch.setattr(extract, "__version__", version)
    extract_into(dataset, "run1.jsonl")
    rows = query(dataset, f"SELECT event_id, {START}, rule FROM events WHERE text = 'Workshop'")
    assert rows[0][0] not in old_ids and rows[0][2] == "steward"
    assert run_json(dataset)["package_version"] == version
    assert run_json(dataset)["decisions"]["stale"] == []


@pytest.mark.parametrize("line", [SET_WORKSHOP_DATE])
def test_decided_query_command_sees_the_corrected_value(copy_dataset, capsys, line):
    dataset = copy_dataset("one_run")
    correct(dataset, line)
    extract_into(dataset, "run1.jsonl")
    capsys.readouterr()
    assert main(["query", "--dataset", str(dataset), "--csv",
                 f"SELECT {START}, rule FROM events WHERE document_id = 'st-2' AND text = 'Workshop'"]) == 0
    assert "2023-04-05,steward" in capsys.readouterr().out
