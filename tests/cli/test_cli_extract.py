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


@pytest.fixture
def old_dataset(tmp_path):
    """A dataset extracted from the steward fixture input, then laid out as schema version 2 wrote it."""
    from conftest import as_schema_2, extract_into

    return as_schema_2(extract_into(tmp_path / "old", "run1.jsonl"))


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "--dataset", "{dir}", "SELECT count(*) FROM events"],
        ["extract", "{input}", "--output", "{dir}", "--model", "blank"],
        ["review", "{dir}"],
    ],
)
def test_extract_older_schema_dataset_names_the_rebuild_command(old_dataset, capsys, argv):
    source = fixture_path("steward", "run1.jsonl")
    before = sorted(p.name for p in (old_dataset / "versions").iterdir())
    assert main([a.format(dir=old_dataset, input=source) for a in argv]) == 1
    err = capsys.readouterr().err
    assert "schema version 2, this biwaq-extract reads and writes version 3" in err
    assert f"`biwaq extract {source} --output {old_dataset} --rebuild`" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in (old_dataset / "versions").iterdir()) == before  # nothing written


@pytest.mark.parametrize("sql,expected", [("SELECT count(*) FILTER (WHERE start_date <= end_date) > 0 FROM dates", "True")])
def test_extract_rebuild_replaces_an_older_schema_dataset(old_dataset, capsys, sql, expected):
    source = fixture_path("steward", "run1.jsonl")
    assert main(["extract", str(source), "--output", str(old_dataset), "--model", "blank", "--rebuild"]) == 0
    capsys.readouterr()
    assert main(["query", "--dataset", str(old_dataset), "--csv", sql]) == 0
    assert capsys.readouterr().out.splitlines()[1] == expected


@pytest.mark.parametrize("input_name", ["run1.jsonl"])
def test_extract_runs_rows_equal_the_log_and_the_report(tmp_path, capsys, caplog, input_name):
    """runs.rows_out, the run's log line, run.json and report.html give one figure for the rows a run wrote."""
    import re

    out = tmp_path / "out"
    with caplog.at_level("INFO", logger="biwaq_extract.dataset.storage"):
        assert main(["extract", str(fixture_path("steward", input_name)), "--output", str(out), "--model", "blank"]) == 0
    logged = int(re.search(r"wrote (\d+) rows \(runs.rows_out\)", caplog.text).group(1))
    capsys.readouterr()
    assert main(["query", "--dataset", str(out), "--csv", "SELECT rows_out FROM runs"]) == 0
    rows_out = int(capsys.readouterr().out.splitlines()[1])
    run = json.loads((out / "run.json").read_text("utf-8"))
    report = (out / "report.html").read_text("utf-8")
    per_table = [int(n) for n in re.findall(r'<tr data-table="(?!runs")[^"]+"><td>[^<]+</td><td>(\d+)</td>', report)]
    stated = int(re.search(r"This run: (\d+) rows", report).group(1))
    assert rows_out > 0
    assert logged == rows_out == sum(run["rows"].values()) == sum(per_table) == stated


@pytest.mark.parametrize("where", ["dataset folder", "settings"])
def test_extract_applies_the_user_gazetteer_and_run_json_records_it(tmp_path, capsys, where):
    """The dataset folder's gazetteer.yaml, or the one `[extract] user_gazetteer` names, reaches the finders."""
    import hashlib

    gazetteer = fixture_path("steward", "gazetteer.yaml")
    out = tmp_path / "out"
    argv = ["extract", str(fixture_path("steward", "gazetteer_article.jsonl")), "--output", str(out), "--model", "blank"]
    if where == "settings":
        (tmp_path / "settings.toml").write_text(f"[extract]\nuser_gazetteer = '{gazetteer}'\n", "utf-8")
        argv += ["--settings", str(tmp_path / "settings.toml")]
        used = gazetteer
    else:
        out.mkdir()
        used = out / "gazetteer.yaml"
        used.write_bytes(gazetteer.read_bytes())
    assert main(argv) == 0
    assert "\nquartiersnetz-bremen,Quartiersnetz Bremen e. V.,QNB," in (out / "csv" / "organisations.csv").read_text("utf-8")
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["extra"]["user_gazetteer"] == {"path": str(used.resolve()),
                                              "sha256": hashlib.sha256(gazetteer.read_bytes()).hexdigest()}


@pytest.mark.parametrize("text, message", [
    ("organisations:\n  - {id: Quartiersnetz, name: Quartiersnetz Bremen}\n", "organisations[0] id must be a lowercase slug"),
    ("places:\n  - {id: groepelingen, name: Gröpelingen, kind: quarter}\n", "kind must be one of"),
])
def test_extract_bad_user_gazetteer_stops_with_a_clear_error(tmp_path, capsys, text, message):
    out = tmp_path / "out"
    out.mkdir()
    (out / "gazetteer.yaml").write_text(text, "utf-8")
    argv = ["extract", str(fixture_path("steward", "gazetteer_article.jsonl")), "--output", str(out), "--model", "blank"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "gazetteer.yaml" in err and message in err
    assert not (out / "documents.jsonl").exists()
