"""`biwaq archive`: refusal and --force, a package line, --verify naming a damaged file (exit status 4)."""

from __future__ import annotations

import pytest

from biwaq_extract.cli.main import main


@pytest.mark.parametrize("name", ["one_run"])
def test_archive_cli_refuses_then_forces(copy_dataset, tmp_path, capsys, name):
    dataset, out = copy_dataset(name), tmp_path / "archive"
    assert main(["archive", str(dataset), "--output", str(out)]) == 1
    assert "needs attention" in capsys.readouterr().err
    assert main(["archive", str(dataset), "--output", str(out), "--force"]) == 0
    assert "(forced: the dataset needs attention)" in capsys.readouterr().out
    (bag,) = out.glob("biwaq-*-v1")
    assert main(["archive", "--verify", str(bag)]) == 0
    assert "valid" in capsys.readouterr().out
    (bag / "data" / "run.json").write_text("{}", encoding="utf-8")
    assert main(["archive", "--verify", str(bag)]) == 4
    assert "data/run.json" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["archive"], ["archive", "somewhere"]])
def test_archive_cli_needs_dataset_and_output_or_verify(capsys, args):
    assert main(args) == 1
    assert "--verify BAG" in capsys.readouterr().err
