"""The steward's loop end to end as docs/steward.md walks it: run, review, correct, rerun, archive, verify."""

from __future__ import annotations

import json
import shlex
import shutil

import bagit
import duckdb
import pytest

from biwaq_extract.cli.main import main
from biwaq_extract.dataset.schemas import TABLES
from conftest import crawled_dataset

# The decisions docs/steward.md records on the pipelines' test site (its section "2. Correct"), as typed.
DOCUMENTED = (
    "set --document esf-2023_10_05_werkstatt_dortmund --kind event --text Werkstatt --at 5 --attribute date "
    "--value 2023-10-04 --why 'date in the teaser'",
)

# the events table's first-day column, whichever name the schema gives it
START = next(c for c in ("start_date", "start") if c in TABLES["events"].column_names)


def _review(dataset, capsys) -> tuple[int, dict]:
    capsys.readouterr()
    status = main(["review", str(dataset), "--json"])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.integration
@pytest.mark.parametrize("decisions", [DOCUMENTED])
def test_steward_loop_correct_rerun_archive_verify(steward_datasets, tmp_path, capsys, decisions):
    dataset = tmp_path / "demo"
    shutil.copytree(steward_datasets["crawled"], dataset, symlinks=True)
    status, review = _review(dataset, capsys)
    assert status == 3 and review["verdict"] == "needs attention"
    for line in decisions:
        assert main(["correct", str(dataset), *shlex.split(line)]) == 0
    _, review = _review(dataset, capsys)
    for item in review["open_items"]:  # what is left blocking (the quarantined English notice): its printed command
        if item["risk"] == "high":
            assert main(shlex.split(item["commands"]["accept"])[1:]) == 0
    status, review = _review(dataset, capsys)
    assert review["reasons"] == ["1 decision not yet in the stored tables (rerun to store it)"]

    crawled_dataset(dataset)  # the second run: the same site, decisions applied as the tables are stored
    status, review = _review(dataset, capsys)
    assert (status, review["verdict"], review["decisions"]["in_tables"]) == (0, "ready to archive", True)
    rows = duckdb.sql(f"SELECT start_char, {START}, rule FROM read_parquet('{(dataset / 'tables' / 'events.parquet').as_posix()}') "
                      "WHERE document_id = 'esf-2023_10_05_werkstatt_dortmund' AND text = 'Werkstatt'").fetchall()
    assert [(r[0], r[1].isoformat(), r[2]) for r in rows] == [(5, "2023-10-04", "steward")]

    capsys.readouterr()
    assert main(["archive", str(dataset), "--output", str(tmp_path / "archive")]) == 0  # no --force
    bag_path = next((tmp_path / "archive").glob("biwaq-*-v1"))
    info = bagit.Bag(str(bag_path)).info
    assert (info["Biwaq-Verdict"], info["Biwaq-Forced"], info["Biwaq-Decisions-In-Tables"]) == ("ready to archive", "no", "yes")
    assert main(["archive", "--verify", str(bag_path)]) == 0
