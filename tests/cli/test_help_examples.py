"""The help examples of the steward's commands work as printed (in a fresh folder, with this checkout's code)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, help_example


@pytest.mark.parametrize("command", ["review", "correct", "archive"])
def test_help_examples_run(steward_datasets, tmp_path, command):
    # outputs/ is what `make run` leaves; a crawled dataset of the test site stands in for it
    shutil.copytree(steward_datasets["crawled"], tmp_path / "outputs")
    (tmp_path / "tests").symlink_to(REPO / "tests")
    biwaq = f"{sys.executable} -m biwaq_extract.cli.main "
    script = help_example(command).replace("biwaq ", biwaq)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    # review exits 3 on a dataset that needs attention: the example worked, the dataset needs a steward
    assert done.returncode in ((0, 3) if command == "review" else (0,)), done.stderr
