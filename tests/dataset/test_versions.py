"""Dataset versions: a kill at any step leaves readers a whole version, the next run tidies up; flat datasets upgrade."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from biwaq_extract.dataset import versions
from biwaq_extract.dataset.query import run_query
from biwaq_extract.dataset.storage import read_dataset
from biwaq_extract.errors import SettingsError
from conftest import fixture_quarantine, load_results, make_run

TESTS = Path(__file__).resolve().parents[1]

# `write_run` below, in a process of its own.
WRITE_RUN = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/dataset"]
    from test_versions import write_run
    write_run(Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]))
""")


def write_run(folder: Path, batch: str, run_id: str, keep: int = 2) -> None:
    """One run written by RunWriter from the result fixtures, as `biwaq extract` writes it (without the NLP)."""
    from biwaq_extract.extract import RunWriter

    quarantine = {q.document_id: q for q in fixture_quarantine()}
    results = load_results("" if batch == "all" else batch)
    with RunWriter(folder, keep_versions=keep) as writer:
        for result in results:
            writer.add(result, quarantine.get(result.document.id) if result.error else None)
        writer.finish(make_run(run_id, len(results)))


def write_run_killed(folder: Path, batch: str, run_id: str, exit_at: int) -> int:
    """The run in a process of its own that exits hard at write step `exit_at`; its exit status."""
    env = {**os.environ, versions.EXIT_AT_STEP_ENV: str(exit_at), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", WRITE_RUN, str(TESTS), str(folder), batch, run_id, "2"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, versions.EXIT_AT_STEP_STATUS), done.stderr[-2000:]
    return done.returncode


def reader_view(folder: Path) -> dict:
    """What a reader finds through the dataset's paths; documents.jsonl, run.json, tables and report must agree."""
    lines = [json.loads(line) for line in (folder / "documents.jsonl").read_text("utf-8").splitlines()]
    run_id = json.loads((folder / "run.json").read_text("utf-8"))["run_id"]
    tables = read_dataset(folder)
    report = (folder / "report.html").read_text("utf-8")
    return {
        "documents.jsonl": sorted(line["id"] for line in lines),
        "run.json": run_id,
        "runs": tables["runs"]["run_id"].tolist(),
        "esf-003 version": int(tables["documents"].set_index("document_id").loc["esf-003", "version"]),
        "report names the run": run_id in report,
        "query": run_query(folder, "SELECT count(*) AS n FROM runs")["n"].tolist(),
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary files a killed run may leave: unpublished versions, new links, set-aside folders, spools."""
    found = [p.name for p in (folder / "versions").iterdir() if p.name.endswith(versions.PARTIAL)]
    found += [p.name for p in folder.iterdir() if p.name.startswith((".link-", ".flat-", ".merge-", ".staging-"))]
    found += [p.name for p in (folder / ".cache").glob(".spool-*")] if (folder / ".cache").is_dir() else []
    return found


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory) -> tuple[Path, dict, dict]:
    """A dataset after two runs, the reader's view of it, and the view after a third run (a changed document)."""
    base = tmp_path_factory.mktemp("versions")
    folder = base / "dataset"
    write_run(folder, "all", "20250101T000000-run0")
    write_run(folder, "all", "20250101T000000-run1")
    after = Path(shutil.copytree(folder, base / "after", symlinks=True))
    write_run(after, "changed", "20250101T000000-run2")
    return folder, reader_view(folder), reader_view(after)


def _copy(folder: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(folder, tmp_path / "dataset", symlinks=True))


@pytest.mark.parametrize("names", [["current", "previous", "tables", "documents.jsonl", "run.json", "report.html"]])
def test_versions_reader_paths_are_links_through_current(two_versions, names):
    folder, before, _ = two_versions
    assert all((folder / name).is_symlink() for name in names)
    assert os.readlink(folder / "tables") == "current/tables"
    assert sorted(p.name for p in (folder / "versions").iterdir()) == [
        "000001-20250101T000000-run0", "000002-20250101T000000-run1"]
    assert before["run.json"] == "20250101T000000-run1" and before["report names the run"]


# A run into a dataset with two versions has 12 write steps: documents.jsonl, tables, CSV and views, run.json,
# report, sync, naming the version, the `previous` link (2), the `current` link (2), pruning the oldest version.
STEPS = 12


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("exit_at", range(1, STEPS + 1))
def test_versions_kill_at_any_step_leaves_a_whole_version(two_versions, tmp_path, exit_at):
    """Killed at its N-th write step, a run leaves the old version or the new one whole; the next run tidies up."""
    template, before, after = two_versions
    folder = _copy(template, tmp_path)
    assert write_run_killed(folder, "changed", "20250101T000000-run2", exit_at) == versions.EXIT_AT_STEP_STATUS
    assert reader_view(folder) in (before, after)
    write_run(folder, "changed", "20250101T000000-run3")
    assert leftovers(folder) == []
    assert reader_view(folder)["runs"][-1] == "20250101T000000-run3"
    assert len(list((folder / "versions").iterdir())) == 2


@pytest.mark.integration
@pytest.mark.parametrize("exit_at", [STEPS + 1])
def test_versions_kill_test_covers_every_step(two_versions, tmp_path, exit_at):
    """The run has no step beyond those the kill test tries, so every step has been a kill point."""
    folder = _copy(two_versions[0], tmp_path)
    assert write_run_killed(folder, "changed", "20250101T000000-run2", exit_at) == 0


@pytest.mark.slow
@pytest.mark.parametrize("keep,runs,kept", [(1, 3, 1), (2, 4, 2), (3, 4, 3)])
def test_versions_keep_versions_prunes_older_ones(tmp_path, keep, runs, kept):
    for i in range(runs):
        write_run(tmp_path, "all", f"20250101T00000{i}-run", keep=keep)
    names = sorted(p.name for p in (tmp_path / "versions").iterdir())
    assert len(names) == kept and names[-1] == f"{runs:06d}-20250101T00000{runs - 1}-run"
    assert (tmp_path / "previous").is_symlink() == (keep > 1)


@pytest.mark.parametrize("keep", [0, -1])
def test_versions_keep_versions_below_one_is_refused(tmp_path, keep):
    with pytest.raises(SettingsError, match="keep_versions"):
        write_run(tmp_path, "all", "run", keep=keep)


def _flatten(folder: Path, flat: Path) -> Path:
    """The flat layout of older releases: a version's files directly in the dataset folder."""
    shutil.copytree(versions.resolve(folder), flat)
    return flat


@pytest.fixture(scope="module", params=["flat", "copied following links"])
def flat_dataset(two_versions, tmp_path_factory, request) -> Path:
    """The flat layout, and a dataset copied by a tool that follows links (it looks flat, plus copies of
    current/, previous/ and versions/)."""
    folder = tmp_path_factory.mktemp("flat") / "dataset"
    if request.param == "flat":
        return _flatten(two_versions[0], folder)
    return Path(shutil.copytree(two_versions[0], folder, symlinks=False))


@pytest.mark.parametrize("name", ["tables", "documents.jsonl"])
def test_versions_flat_dataset_is_read_as_it_is(flat_dataset, two_versions, name):
    assert not (flat_dataset / name).is_symlink()
    assert reader_view(flat_dataset) == two_versions[1]


@pytest.mark.parametrize("batch", ["changed"])
def test_versions_flat_dataset_is_upgraded_by_the_next_run(flat_dataset, two_versions, tmp_path, batch):
    folder = _copy(flat_dataset, tmp_path)
    write_run(folder, batch, "20250101T000000-run2")
    assert reader_view(folder) == two_versions[2]
    assert os.readlink(folder / "previous") == "versions/000001-20250101T000000-run1"
    assert all((folder / name).is_symlink() for name in versions.LINKED)
    assert leftovers(folder) == []


@pytest.mark.integration
@pytest.mark.parametrize("exit_at", range(1, 20))
def test_versions_kill_while_upgrading_a_flat_dataset(flat_dataset, two_versions, tmp_path, exit_at):
    """The upgrade's steps (copy into versions/, link current, swap each path for its link) are kill points too."""
    folder = _copy(flat_dataset, tmp_path)
    assert write_run_killed(folder, "changed", "20250101T000000-run2", exit_at) == versions.EXIT_AT_STEP_STATUS
    assert reader_view(folder) in (two_versions[1], two_versions[2])
    write_run(folder, "changed", "20250101T000000-run3")
    assert leftovers(folder) == []
    assert reader_view(folder)["runs"][-1] == "20250101T000000-run3"


def _extract(folder: Path, *flags: str) -> subprocess.Popen:
    """`biwaq extract` of the mixed-documents fixture into `folder`, in a process of its own (blank model: fast)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-m", "biwaq_extract.cli.main", "extract", str(TESTS / "fixtures" / "documents" / "mixed.jsonl"),
                             "--output", str(folder), "--model", "blank", *flags],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.integration
@pytest.mark.parametrize("flag", ["--no-wait"])
def test_versions_second_run_fails_fast_with_no_wait(tmp_path, flag):
    with versions.locked(tmp_path):
        out, err = _extract(tmp_path, flag).communicate(timeout=300)
        assert f"another run (process {os.getpid()}) is writing this dataset" in err
        assert "Traceback" not in err
    assert not (tmp_path / "current").exists()


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("message", ["is writing this dataset; waiting for it to finish"])
def test_versions_second_run_waits_for_the_first(tmp_path, message):
    with versions.locked(tmp_path):
        run = _extract(tmp_path)
        first = run.stderr.readline()
        assert message in first
        assert not (tmp_path / "current").exists()  # still waiting
    out, err = run.communicate(timeout=300)
    assert run.returncode == 3, err  # finished; the fixture holds documents that are quarantined
    assert len(read_dataset(tmp_path)["runs"]) == 1


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("runs", [2])
def test_versions_concurrent_runs_each_get_a_version_and_a_runs_row(tmp_path, runs):
    processes = [_extract(tmp_path) for _ in range(runs)]
    errors = [p.communicate(timeout=600)[1] for p in processes]
    assert [p.returncode for p in processes] == [3] * runs, errors
    run_ids = read_dataset(tmp_path)["runs"]["run_id"].tolist()
    assert len(set(run_ids)) == runs
    assert sum("waiting for it to finish" in e for e in errors) == runs - 1
    published = json.loads((tmp_path / "run.json").read_text("utf-8"))["run_id"]
    previous = json.loads((tmp_path / "previous" / "run.json").read_text("utf-8"))["run_id"]
    assert {published, previous} == set(run_ids)
