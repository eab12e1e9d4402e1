"""Archive a dataset version as a BagIt package (RFC 8493) with sha256 manifests, and verify one's fixity."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from biwaq_extract.errors import StewardError
from biwaq_extract.steward.decisions import DECISIONS_FILE, decisions_digest, read_decisions
from biwaq_extract.steward.snapshot import (
    CRAWL_DIR, CRAWL_SUMMARY, CURRENT_LINK, DATAPACKAGE_FILE, DOCUMENTS_FILE, EXTRACTED_DIR, FETCH_LOG, REPORT_FILE,
    RUN_FILE,
)
from biwaq_extract.steward.user_gazetteer import GAZETTEER_FILE, dataset_gazetteer
from biwaq_extract.steward.verdict import Verdict, assess

log = logging.getLogger(__name__)

CHECKSUMS = ["sha256"]
BAG_PREFIX = "biwaq-"
# Folders of the dataset whose files go into the package as they are (current tables, their history, CSV copies).
TABLE_DIRS = ("tables", "history", "csv", EXTRACTED_DIR)
VERSION_FILES = (DATAPACKAGE_FILE, REPORT_FILE, RUN_FILE, DOCUMENTS_FILE)
ROOT_FILES = (DECISIONS_FILE, GAZETTEER_FILE)
VERDICT_FILE = "steward/verdict.json"


@dataclass(frozen=True)
class Package:
    """A written package: its folder and what it holds."""

    path: Path
    files: int
    bytes: int
    verdict: str
    forced: bool


@dataclass
class Fixity:
    """The outcome of verifying a package: valid, or the files that are damaged, missing or unexpected."""

    path: Path
    valid: bool
    problems: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)


def _settings_gazetteer(run: dict) -> Path | None:
    """The user gazetteer a run used from elsewhere than the dataset folder (named in the settings), as run.json
    records it; StewardError when that file is gone or changed since, for the package must hold what the run
    applied."""
    record = (run.get("extra") or {}).get("user_gazetteer")
    if not record or not record.get("path"):
        return None
    path = Path(record["path"])
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != record.get("sha256"):
        raise StewardError(f"the user gazetteer the run applied, {path}, is gone or changed since the run; "
                           "restore it or rerun before archiving")
    return path


def _payload(dataset: Path, run: dict) -> list[tuple[Path, str]]:
    """(source file, path inside data/) for everything the package holds.

    The version's files come from the folder `DIR/current` points at, resolved once, so a run that switches
    the link while the package is copied cannot mix two versions; decisions, gazetteer and crawl live at the
    dataset's root beside the versions."""
    link = dataset / CURRENT_LINK
    version = link.resolve() if link.is_dir() else dataset
    out: list[tuple[Path, str]] = []
    for folder in TABLE_DIRS:
        for path in sorted((version / folder).glob("*")):
            if path.is_file():
                out.append((path, f"{folder}/{path.name}"))
    for name in VERSION_FILES:
        if (version / name).is_file():
            out.append((version / name, name))
    for name in ROOT_FILES:
        if (dataset / name).is_file():
            out.append((dataset / name, name))
    named = None if (dataset / GAZETTEER_FILE).is_file() else _settings_gazetteer(run)
    if named is not None:
        out.append((named, GAZETTEER_FILE))
    crawl = dataset / CRAWL_DIR
    for name in (FETCH_LOG, CRAWL_SUMMARY):
        if (crawl / name).is_file():
            out.append((crawl / name, f"{CRAWL_DIR}/{name}"))
    for path in sorted((crawl / "warc").glob("*.warc*")):
        if path.is_file():
            out.append((path, f"{CRAWL_DIR}/warc/{path.name}"))
    return out


def _bag_info(verdict: Verdict, forced: bool, digest: str, decisions: int) -> dict[str, str]:
    run = verdict.run
    model = run.get("model") or {}
    info = {
        "External-Identifier": str(run.get("run_id") or ""),
        "External-Description": "biwaq-extract dataset version: tables (Parquet and CSV), datapackage.json, "
                                "report.html, run.json, documents.jsonl, steward decisions, crawl archive",
        "Biwaq-Run-Id": str(run.get("run_id") or ""),
        "Biwaq-Extractor-Version": str(run.get("package_version") or ""),
        "Biwaq-Model": f"{model.get('name', '?')} {model.get('version', '?')}",
        "Biwaq-Verdict": verdict.status,
        "Biwaq-Forced": "yes" if forced else "no",
        "Biwaq-Decisions": str(decisions),
        "Biwaq-Decisions-Digest": f"sha256:{digest}",
        # the dataset writer applies the decisions to the tables it stores; "no" only when decisions were recorded
        # or undone after the run and the package was forced before a rerun stored them
        "Biwaq-Decisions-In-Tables": "yes" if verdict.in_tables else "no",
    }
    if verdict.tables_digest:
        info["Biwaq-Tables-Decisions-Digest"] = f"sha256:{verdict.tables_digest}"
    if verdict.reasons:
        info["Biwaq-Verdict-Reasons"] = "; ".join(verdict.reasons)
    return info


def _safe_run_id(run_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", run_id).strip("-") or "run"


def _claim_name(output: Path, run_id: str, staged: Path) -> Path:
    """Move `staged` to the next free `biwaq-<run>-vN` under `output`; an existing package is never replaced."""
    base = f"{BAG_PREFIX}{_safe_run_id(run_id)}-v"
    taken = [int(p.name.removeprefix(base)) for p in output.glob(f"{base}*") if p.name.removeprefix(base).isdigit()]
    number = max(taken, default=0) + 1
    while True:
        target = output / f"{base}{number}"
        try:
            os.mkdir(target)  # claims the name even against a concurrent archive
        except FileExistsError:
            number += 1
            continue
        # replaces the empty folder just made; os.rename refuses a non-empty one, so nothing is overwritten
        os.rename(staged, target)
        return target


def write_package(dataset: Path, output: Path, force: bool = False) -> Package:
    """Write a new package of the dataset's current version under `output`.

    Refused (StewardError) while the verdict is "needs attention", unless `force`, which bag-info records.
    """
    dataset, output = Path(dataset), Path(output)
    verdict = assess(dataset)
    if not verdict.ready and not force:
        raise StewardError(f"{dataset} needs attention ({'; '.join(verdict.reasons)}); settle the items "
                           f"`biwaq review {dataset}` lists, or archive anyway with --force (the package records it)")
    dataset_gazetteer(dataset)  # a broken user gazetteer is an error now, not a surprise for the next reader
    decisions = read_decisions(dataset)
    digest = decisions_digest(decisions)
    payload = _payload(dataset, verdict.run)
    output.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".archiving-", dir=output))
    try:
        for source, relative in payload:
            target = staged / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        (staged / VERDICT_FILE).parent.mkdir(parents=True, exist_ok=True)
        (staged / VERDICT_FILE).write_text(json.dumps(verdict.as_dict(), indent=1, ensure_ascii=False, default=str) + "\n",
                                           encoding="utf-8")
        bagit.make_bag(str(staged), bag_info=_bag_info(verdict, force and not verdict.ready, digest, len(decisions)),
                       checksums=CHECKSUMS)
        os.chmod(staged, 0o755)  # mkdtemp makes it 0700; a package is for others to read
        path = _claim_name(output, verdict.run.get("run_id") or "run", staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    files = [p for p in (path / "data").rglob("*") if p.is_file()]
    return Package(path, len(files), sum(p.stat().st_size for p in files), verdict.status, force and not verdict.ready)


def verify_package(path: Path) -> Fixity:
    """Check every file against the sha256 manifests; the damaged, missing and unexpected files are named."""
    path = Path(path)
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        raise StewardError(f"{path}: not a BagIt package ({exc})") from None
    try:
        bag.validate()
    except bagit.BagValidationError as exc:
        details = list(exc.details or [])
        damaged = sorted({str(getattr(d, "path", "")) for d in details if getattr(d, "path", None)})
        problems = [str(d) for d in details] or [str(exc.message)]
        if not damaged:  # bagit stops at the Payload-Oxum (size) check without naming a file: find them
            found = _damaged_files(bag, path)
            damaged = sorted(found)
            problems += [f"{name}: {why}" for name, why in sorted(found.items())]
        return Fixity(path, False, problems, damaged)
    return Fixity(path, True)


def _damaged_files(bag: bagit.Bag, root: Path) -> dict[str, str]:
    """Payload files whose sha256 differs from the manifest, missing ones and ones the manifest does not list."""
    import hashlib

    out: dict[str, str] = {}
    listed = set()
    for name, hashes in bag.entries.items():
        if not name.startswith("data/") or "sha256" not in hashes:
            continue
        listed.add(name)
        file = root / name
        if not file.is_file():
            out[name] = "missing"
            continue
        digest = hashlib.sha256()
        with open(file, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != hashes["sha256"]:
            out[name] = "sha256 differs from the manifest"
    for name in bag.payload_files():
        if name not in listed:
            out[name] = "not in the manifest"
    return out
