"""The `biwaq` parser: every command explains itself with an example a fresh clone can run; errors are one line."""

from __future__ import annotations

import pytest

from biwaq_extract.cli.main import main
from conftest import REPO, command_help, command_parsers, command_paths, help_example

COMMANDS = ("crawl", "extract", "evaluate", "query", "run", "review", "correct", "archive")


@pytest.mark.parametrize("commands", [COMMANDS])
def test_main_lists_one_module_per_command(commands):
    assert tuple(command_parsers()) == commands


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_main_help_ends_with_an_example_of_its_command(name):
    assert f"biwaq {name} " in help_example(name) if name else help_example().startswith("biwaq ")
    assert command_help(name).rstrip().endswith(help_example(name))


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_main_help_example_names_files_of_a_fresh_clone(name):
    missing = [p for p in command_paths(help_example(name), set()) if not (REPO / p).exists()]
    assert not missing, f"`biwaq {name or ''} --help` names files a fresh clone lacks: {missing}"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["evaluate", "--gold", "no-such-gold.jsonl", "--pred", "no-such.jsonl"], "biwaq evaluate: error: file not found: no-such-gold.jsonl"),
        (["query", "--named", "no_such_question"], "biwaq query: error: no example query named 'no_such_question'"),
    ],
)
def test_main_turns_domain_errors_into_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize("argv", [[]])
def test_main_without_a_command_prints_help_and_fails(argv, capsys):
    assert main(argv) == 1
    assert "COMMAND" in capsys.readouterr().out
