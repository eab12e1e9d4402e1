"""`biwaq review`: the verdict first, exit status 3 while attention is needed, JSON on request."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.cli.main import main


@pytest.mark.parametrize("name, status, first_line", [
    ("one_run", 3, "Verdict: NEEDS ATTENTION (3 open high-risk review items)"),
    ("mixed", 3, "Verdict: NEEDS ATTENTION (5 quarantined documents)"),
])
def test_review_prints_verdict_first(steward_datasets, capsys, name, status, first_line):
    assert main(["review", str(steward_datasets[name])]) == status
    out = capsys.readouterr().out
    assert out.splitlines()[0] == first_line
    assert "Open review items:" in out and "biwaq correct" in out


@pytest.mark.parametrize("name", ["rerun"])
def test_review_json_holds_verdict_changes_and_items(steward_datasets, capsys, name):
    main(["review", str(steward_datasets[name]), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "needs attention"
    assert data["changes"]["documents"]["gone"] == ["st-3"]
    item = data["open_items"][0]
    assert {"risk", "reason", "document_id", "kind", "text", "start_char", "commands"} <= set(item)
    assert item["commands"]["accept"].startswith("biwaq correct ")


@pytest.mark.parametrize("folder", ["no-such-dataset"])
def test_review_of_a_folder_without_a_run_is_a_clear_error(tmp_path, capsys, folder):
    assert main(["review", str(tmp_path / folder)]) == 1
    assert "no finished run here" in capsys.readouterr().err


@pytest.mark.parametrize("name, high", [("one_run", 3)])
def test_review_high_only_lists_what_blocks(steward_datasets, capsys, name, high):
    main(["review", str(steward_datasets[name]), "--high-only"])
    out = capsys.readouterr().out
    assert f"Open high-risk review items: {high} " in out and "[medium]" not in out
    assert out.count(". [high]") == high  # the heading's count equals the rows listed
