"""`biwaq evaluate` on the command line: a readable table or JSON, both with the macro F1."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.cli.main import main
from conftest import fixture_path


@pytest.mark.parametrize("flag", ["", "--json"])
def test_evaluate_prints_every_field_and_the_macro_f1(capsys, flag):
    argv = ["evaluate", "--gold", str(fixture_path("evaluate", "gold.jsonl")), "--pred", str(fixture_path("evaluate", "pred.jsonl"))]
    assert main(argv + ([flag] if flag else [])) == 0
    out = capsys.readouterr().out
    if flag:
        report = json.loads(out)
        assert len(report["fields"]) == 7 and 0 <= report["macro_f1"] <= 1
    else:
        rows = {line.split("  ")[0] for line in out.splitlines()}
        assert {"dates", "organisations", "programmes", "people", "locations", "events", "participant_counts", "macro F1"} <= rows
