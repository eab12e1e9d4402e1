"""The `biwaq` parser: every command explains itself with an example a fresh clone can run; errors are one line."""

from __future__ import annotations

import pytest

from biwaq_extract.cli.main import build_parser, main
from conftest import REPO, command_paths

COMMANDS = ("crawl", "extract", "evaluate", "query", "run")


def _commands() -> dict:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def _help(name: str | None) -> str:
    return (build_parser() if name is None else _commands()[name]).format_help()


def example(name: str | None = None) -> str:
    """The `Example:` line of `biwaq [name] --help`, without its label."""
    lines = [line for line in _help(name).splitlines() if line.startswith("Example: biwaq ")]
    assert len(lines) == 1, f"`biwaq {name or ''} --help` needs exactly one example line"
    return lines[0].removeprefix("Example: ")


@pytest.mark.parametrize("commands", [COMMANDS])
def test_main_lists_one_module_per_command(commands):
    assert tuple(_commands()) == commands


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_main_help_ends_with_an_example_of_its_command(name):
    assert f"biwaq {name} " in example(name) if name else example().startswith("biwaq ")
    assert _help(name).rstrip().endswith(example(name))


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_main_help_example_names_files_of_a_fresh_clone(name):
    missing = [p for p in command_paths(example(name), set()) if not (REPO / p).exists()]
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
