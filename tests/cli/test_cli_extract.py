"""`biwaq extract` on the command line: the summary line, the exit status and the options reach the library."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.cli.main import main
from conftest import fixture_path


@pytest.mark.parametrize(
    "settings, summary, too_large",
    [
        ("", "7 documents read, 2 extracted, 5 quarantined; model blank:de", 0),
        ("[extract]\nmax_chars = 50\n", "7 documents read, 0 extracted, 7 quarantined; model blank:de", 3),
    ],
)
def test_extract_settings_file_reaches_the_run_and_status_3_says_some_failed(tmp_path, capsys, settings, summary, too_large):
    argv = ["extract", str(fixture_path("documents", "mixed.jsonl")), "--output", str(tmp_path / "out"), "--model", "blank"]
    if settings:
        (tmp_path / "settings.toml").write_text(settings, "utf-8")
        argv += ["--settings", str(tmp_path / "settings.toml")]
    assert main(argv) == 3
    assert capsys.readouterr().out.startswith(summary)
    run = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert sum("text too large" in json.dumps(q) for q in run["quarantine"]) == too_large
