"""Archive packages: BagIt fixity, what they hold, refusal while attention is needed, never overwriting."""

from __future__ import annotations

import shlex

import bagit
import pytest

from biwaq_extract.cli.main import main
from biwaq_extract.errors import StewardError
from biwaq_extract.steward.archive import verify_package, write_package
from biwaq_extract.steward.verdict import assess
from conftest import fixture_path


def _settle(dataset) -> None:
    """Accept every item that blocks the verdict, with the commands the review prints."""
    for item in assess(dataset).open_items:
        if item.risk == "high":
            assert main(shlex.split(item.commands(str(dataset))["accept"])[1:]) == 0


@pytest.mark.parametrize("name", ["one_run", "crawled"])
def test_archive_refused_while_attention_is_needed(copy_dataset, tmp_path, name):
    with pytest.raises(StewardError, match="needs attention.*--force"):
        write_package(copy_dataset(name), tmp_path / "archive")
    assert not list((tmp_path / "archive").glob("biwaq-*"))


@pytest.mark.parametrize("name", ["one_run"])
def test_archive_force_is_recorded_in_bag_info(copy_dataset, tmp_path, name):
    package = write_package(copy_dataset(name), tmp_path / "archive", force=True)
    info = bagit.Bag(str(package.path)).info
    assert package.forced and info["Biwaq-Forced"] == "yes" and info["Biwaq-Verdict"] == "needs attention"
    assert "open high-risk review items" in info["Biwaq-Verdict-Reasons"]


@pytest.mark.parametrize("name", ["crawled"])
def test_archive_settled_dataset_packs_everything_and_verifies(copy_dataset, tmp_path, name):
    dataset = copy_dataset(name)
    (dataset / "gazetteer.yaml").write_bytes(fixture_path("steward", "gazetteer.yaml").read_bytes())
    _settle(dataset)
    package = write_package(dataset, tmp_path / "archive")
    bag = bagit.Bag(str(package.path))
    files = set(bag.payload_entries())
    expected = {"data/tables/events.parquet", "data/csv/events.csv", "data/datapackage.json", "data/report.html",
                "data/run.json", "data/documents.jsonl", "data/decisions.jsonl", "data/gazetteer.yaml",
                "data/crawl/fetch_log.csv", "data/steward/verdict.json"}
    assert expected <= files
    assert any(f.startswith("data/crawl/warc/") and f.endswith(".warc.gz") for f in files)
    assert set(bag.algorithms) == {"sha256"}
    info = bag.info
    assert (info["Biwaq-Verdict"], info["Biwaq-Forced"]) == ("ready to archive", "no")
    assert info["Biwaq-Run-Id"] == assess(dataset).run["run_id"] and info["Biwaq-Model"].startswith("blank")
    assert info["Biwaq-Decisions-Digest"].startswith("sha256:")
    assert verify_package(package.path).valid


@pytest.mark.parametrize("damaged, grow", [("data/tables/events.parquet", False), ("data/decisions.jsonl", False),
                                           ("data/run.json", True)])
def test_archive_flipped_byte_fails_fixity_naming_the_file(copy_dataset, tmp_path, damaged, grow):
    dataset = copy_dataset("one_run")
    _settle(dataset)
    package = write_package(dataset, tmp_path / "archive")
    target = package.path / damaged
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    if grow:  # a size change trips bagit's Payload-Oxum check first; the file must still be named
        data += b" "
    target.write_bytes(bytes(data))
    fixity = verify_package(package.path)
    assert not fixity.valid and fixity.damaged == [damaged]


@pytest.mark.parametrize("runs", [3])
def test_archive_never_overwrites_an_existing_package(copy_dataset, tmp_path, runs):
    dataset = copy_dataset("one_run")
    paths = [write_package(dataset, tmp_path / "archive", force=True).path for _ in range(runs)]
    assert [p.name[-3:] for p in paths] == ["-v1", "-v2", "-v3"]
    first = (paths[0] / "bag-info.txt").read_bytes()
    assert all(verify_package(p).valid for p in paths) and (paths[0] / "bag-info.txt").read_bytes() == first


@pytest.mark.parametrize("what", ["not a bag"])
def test_archive_verify_of_a_plain_folder_is_a_clear_error(tmp_path, what):
    with pytest.raises(StewardError, match="not a BagIt package"):
        verify_package(tmp_path)


@pytest.mark.parametrize("name", ["rerun"])
def test_archive_versioned_dataset_packs_the_current_version(copy_dataset, tmp_path, name):
    dataset = copy_dataset(name)
    package = write_package(dataset, tmp_path / "archive", force=True)
    packed = (package.path / "data" / "run.json").read_bytes()
    assert packed == (dataset / "current" / "run.json").read_bytes()
    assert not (package.path / "data" / "versions").exists()  # earlier versions are not packed
    assert verify_package(package.path).valid


@pytest.mark.parametrize("fix", ["set --document st-2 --kind event --text Workshop --at 90 --attribute date --value 2023-04-05"])
def test_archive_decisions_in_tables_once_a_rerun_stored_them(copy_dataset, tmp_path, fix):
    from conftest import extract_into

    dataset = copy_dataset("one_run")
    assert main(["correct", str(dataset), *shlex.split(fix)]) == 0
    _settle(dataset)
    with pytest.raises(StewardError, match="not yet in the stored tables"):
        write_package(dataset, tmp_path / "archive")  # the tables lack the new date until a rerun stores it
    forced = bagit.Bag(str(write_package(dataset, tmp_path / "archive", force=True).path)).info
    assert forced["Biwaq-Decisions-In-Tables"] == "no"
    extract_into(dataset, "run1.jsonl")
    package = write_package(dataset, tmp_path / "archive")
    bag = bagit.Bag(str(package.path))
    assert bag.info["Biwaq-Decisions-In-Tables"] == "yes" and bag.info["Biwaq-Forced"] == "no"
    assert bag.info["Biwaq-Tables-Decisions-Digest"] == bag.info["Biwaq-Decisions-Digest"]
    assert "data/extracted/events.parquet" in set(bag.payload_entries())  # the extractor's rows beside the corrected ones
    assert verify_package(package.path).valid


def _record_named_gazetteer(dataset, path) -> None:
    """Write into the current version's run.json that the run applied `path`, as a settings-named gazetteer."""
    import hashlib
    import json

    run_file = (dataset / "current" / "run.json") if (dataset / "current").is_dir() else dataset / "run.json"
    run = json.loads(run_file.read_text(encoding="utf-8"))
    run.setdefault("extra", {})["user_gazetteer"] = {"path": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    run_file.unlink()  # the version's file may be a hard link shared with the stored version: replace, not edit
    run_file.write_text(json.dumps(run), encoding="utf-8")


@pytest.mark.parametrize("changed", [False, True])
def test_archive_packs_the_gazetteer_the_settings_named(copy_dataset, tmp_path, changed):
    dataset = copy_dataset("crawled")
    named = tmp_path / "elsewhere" / "stewards-gazetteer.yaml"
    named.parent.mkdir()
    named.write_bytes(fixture_path("steward", "gazetteer.yaml").read_bytes())
    _record_named_gazetteer(dataset, named)
    _settle(dataset)
    if changed:
        named.write_text(named.read_text(encoding="utf-8") + "\n# edited after the run\n", encoding="utf-8")
        with pytest.raises(StewardError, match="gone or changed since the run"):
            write_package(dataset, tmp_path / "archive")
        return
    package = write_package(dataset, tmp_path / "archive")
    assert (package.path / "data" / "gazetteer.yaml").read_bytes() == named.read_bytes()
    assert verify_package(package.path).valid
