"""Every command explains itself with a one-line example."""

from __future__ import annotations

import pytest

from biwaq_extract.cli.main import build_parser


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return parser, action.choices


def test_cli_top_level_help_has_example(capsys):
    parser, _ = _subcommands()
    assert "Example: biwaq " in parser.format_help()


@pytest.mark.parametrize("required", [("extract", "evaluate")])
def test_cli_every_subcommand_help_has_example(required):
    _, commands = _subcommands()
    assert set(required) <= set(commands)
    for name, sub in commands.items():
        examples = [line for line in sub.format_help().splitlines() if line.startswith("Example: biwaq ")]
        assert len(examples) == 1, f"`biwaq {name} --help` needs one example line"
        assert f"biwaq {name}" in examples[0]
