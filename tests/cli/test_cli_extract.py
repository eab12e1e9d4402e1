"""`biwaq extract` on the command line: the summary line, the exit status and the options reach the library."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.cli.main import main
from conftest import fixture_path


@pytest.mark.parametrize(
    "settings, summary, limit_reached",
    [
        ("", "7 documents read, 2 extracted, 5 quarantined; model blank:de", False),
        ("[extract]\nmax_chars = 50\n", "7 documents read, 0 extracted, 7 quarantined; model blank:de", True),
    ],
)
def test_extract_settings_file_reaches_the_run_and_status_3_says_some_failed(tmp_path, capsys, settings, summary, limit_reached):
    argv = ["extract", str(fixture_path("documents", "mixed.jsonl")), "--output", str(tmp_path / "out"), "--model", "blank"]
    if settings:
        (tmp_path / "settings.toml").write_text(settings, "utf-8")
        argv += ["--settings", str(tmp_path / "settings.toml")]
    assert main(argv) == 3
    assert capsys.readouterr().out.startswith(summary)
    run = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert any("> limit 50" in json.dumps(q) for q in run["quarantine"]) == limit_reached
