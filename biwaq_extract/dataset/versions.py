"""Dataset versions: each run's outputs in a folder of their own, published for every reader by one rename.

Layout of a dataset folder DIR:

    DIR/versions/<n>-<run id>/    one whole version: tables/, history/, csv/, dataset.duckdb, datapackage.json,
                                  documents.jsonl, run.json, report.html (n counts up: 000001, 000002, ...)
    DIR/current  -> versions/<n>-<run id>        the published version
    DIR/previous -> versions/<m>-<run id>        the version before it, kept for comparing runs
    DIR/tables -> current/tables, DIR/documents.jsonl -> current/documents.jsonl, ... (every name in LINKED)
    DIR/.lock                                    locked by the run writing into DIR

A run writes its version into `versions/<n>.tmp/`, renames it to `versions/<n>-<run id>/` and publishes it by
renaming a new symlink over `DIR/current`: rename(2) replaces the link in one step, so a reader opening
`DIR/tables/documents.parquet` or `DIR/documents.jsonl` gets the old version or the new one, never a mix.
A reader that opens several files resolves `DIR/current` once (`resolve`) and reads them all from that version.

After a kill at any point the published version is whole, and the next run (under the lock) removes what the
killed one left: a `versions/` folder not published yet (`.tmp`, or numbered past `current`), half-made links.
Versions beyond `keep` (the setting `[dataset] keep_versions`, counting the published one) are removed after
publishing. A dataset of the flat layout (the files directly in DIR) is read as it is and moved into
`versions/` by the next run, so its paths keep working.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from biwaq_extract.errors import DatasetBusy, SettingsError

log = logging.getLogger(__name__)

VERSIONS = "versions"
CURRENT = "current"
PREVIOUS = "previous"
LOCK_FILE = ".lock"
PARTIAL = ".tmp"
# The paths readers use, each a symlink through `current`.
LINKED = ("tables", "history", "csv", "dataset.duckdb", "datapackage.json", "documents.jsonl", "run.json", "report.html")
_LINK_PREFIX = ".link-"  # a new symlink before it is renamed into place
_FLAT_PREFIX = ".flat-"  # a flat-layout folder set aside while its link replaces it
_LEGACY_STAGING = ".staging-"  # the flat layout's staging folders
_LEGACY_COMMIT = "COMMIT"

# Test hook: with BIWAQ_TEST_EXIT_AT_STEP=N the process exits hard (os._exit, like a kill) at the N-th step of a
# write, so a test can stop a run at every file move in turn and check what readers see.
EXIT_AT_STEP_ENV = "BIWAQ_TEST_EXIT_AT_STEP"
EXIT_AT_STEP_STATUS = 77
_steps = 0


def step(label: str) -> None:
    """Mark a point of a write where a kill may happen (a file written or moved); see EXIT_AT_STEP_ENV."""
    global _steps
    _steps += 1
    if os.environ.get(EXIT_AT_STEP_ENV) == str(_steps):
        log.error("exiting at write step %d (%s) as %s asks", _steps, label, EXIT_AT_STEP_ENV)
        logging.shutdown()
        os._exit(EXIT_AT_STEP_STATUS)


# --- reading -------------------------------------------------------------------------------------------

def resolve(folder: Path) -> Path:
    """The folder holding the published version's files: DIR/current resolved once, so a reader of several files
    reads them all from one version even while a run publishes the next; DIR itself in the flat layout."""
    folder = Path(folder)
    link = folder / CURRENT
    return link.resolve() if link.is_symlink() else folder


def _number(name: str) -> int | None:
    match = re.fullmatch(r"(\d{6})(-.+|\.tmp)", name)
    return int(match.group(1)) if match else None


def published_number(root: Path) -> int | None:
    """The number of the published version, or None when DIR has none."""
    link = Path(root) / CURRENT
    return _number(Path(os.readlink(link)).name) if link.is_symlink() else None


# --- the lock ------------------------------------------------------------------------------------------

@contextlib.contextmanager
def locked(root: Path, wait: bool = True) -> Iterator[None]:
    """Hold the dataset's write lock; another run holding it is waited for (with a message) or, without `wait`,
    reported as DatasetBusy. The lock file names the holder's process id for that message."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one writer at a time is documented
        yield
        return
    with open(root / LOCK_FILE, "a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            who = f" (process {holder})" if holder.isdigit() else ""
            if not wait:
                raise DatasetBusy(f"{root}: another run{who} is writing this dataset; try again when it has finished, "
                                  "or leave out --no-wait to wait for it") from None
            log.warning("%s: another run%s is writing this dataset; waiting for it to finish", root, who)
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# --- links ---------------------------------------------------------------------------------------------

def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        _fsync_dir(path)


def _link(target: str, path: Path) -> None:
    """Make `path` a symlink to `target` in one step: a new link renamed over whatever `path` is."""
    tmp = path.parent / f"{_LINK_PREFIX}{path.name}-{os.urandom(4).hex()}"
    os.symlink(target, tmp)
    step(f"link {path.name}")
    os.replace(tmp, path)
    step(f"linked {path.name}")


def link_readers_paths(root: Path) -> None:
    """Make every reader's path (DIR/tables, DIR/documents.jsonl, ...) a symlink through DIR/current; a name the
    published version lacks (write_dataset alone writes no documents.jsonl) has no link."""
    for name in LINKED:
        path, target = root / name, f"{CURRENT}/{name}"
        if not os.path.lexists(root / target):
            if path.is_symlink():
                path.unlink()
            continue
        if path.is_symlink() and os.readlink(path) == target:
            continue
        if path.is_dir() and not path.is_symlink():
            _link_over_folder(target, path)
        else:
            _link(target, path)
    _fsync_dir(root)


def _link_over_folder(target: str, path: Path) -> None:
    """Replace a flat-layout folder by a symlink holding the same files. rename(2) cannot put a link over a
    folder; Linux's renameat2 can swap the two in one step. Elsewhere the folder is first renamed aside, and
    for that moment a reader finds DIR/<name> missing (never a mix of versions)."""
    tmp = path.parent / f"{_LINK_PREFIX}{path.name}-{os.urandom(4).hex()}"
    os.symlink(target, tmp)
    step(f"link {path.name}")
    if _exchange(tmp, path):
        step(f"linked {path.name}")
        shutil.rmtree(tmp)  # now the old folder
        return
    aside = path.parent / f"{_FLAT_PREFIX}{path.name}"
    os.rename(path, aside)
    step(f"set aside {path.name}")
    os.replace(tmp, path)
    step(f"linked {path.name}")
    shutil.rmtree(aside)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (renameat2 with RENAME_EXCHANGE); False where the system cannot."""
    import ctypes
    import errno

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EPERM):  # no such call, or not on this file system
        return False
    raise OSError(error, os.strerror(error), str(b))


# --- tidying and upgrading -----------------------------------------------------------------------------

def tidy(root: Path) -> None:
    """Remove what killed runs left: versions not published, new links not renamed into place, set-aside folders."""
    root = Path(root)
    current = published_number(root)
    folder = root / VERSIONS
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        number = _number(entry.name)
        if number is None or entry.name.endswith(PARTIAL) or current is None or number > current:
            log.warning("removing %s: the run writing it did not finish", entry)
            shutil.rmtree(entry, ignore_errors=True)
    for entry in root.glob(f"{_LINK_PREFIX}*"):  # a new link, or a flat folder it was swapped with
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    for entry in root.glob(f"{_FLAT_PREFIX}*"):
        shutil.rmtree(entry, ignore_errors=True)


def _finish_flat_staging(root: Path) -> None:
    """The flat layout's interrupted writes: a staging folder with its commit marker moves in, others go."""
    for stage in sorted(root.glob(f"{_LEGACY_STAGING}*")):
        if (stage / _LEGACY_COMMIT).exists():
            log.warning("completing an interrupted dataset write from %s", stage)
            files = [p for p in stage.rglob("*") if p.is_file() and p.name != _LEGACY_COMMIT]
            for path in sorted(files, key=lambda p: (p.name == "datapackage.json", p.as_posix())):
                target = root / path.relative_to(stage)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
        shutil.rmtree(stage, ignore_errors=True)


def _copy_linked(src: Path, dst: Path) -> None:
    """Hard links where the file system allows them (no bytes copied), copies where not."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def upgrade(root: Path) -> None:
    """Move a dataset of the flat layout into versions/ as its first version, then link the readers' paths.

    The flat files stay readable throughout: the version is made of hard links to them and published first;
    only then does each flat path become a link to the same bytes.
    """
    root = Path(root)
    if published_number(root) is None:
        _finish_flat_staging(root)
        for name in (CURRENT, PREVIOUS):
            if (root / name).is_dir() and not (root / name).is_symlink():
                # A copy that followed the links (shutil.copytree, zip): DIR/tables etc. hold the same files
                log.warning("%s is a folder, not a link: the files directly in %s are taken as the dataset",
                            root / name, root)
                shutil.rmtree(root / name)
        flat = [name for name in LINKED if (root / name).exists() and not (root / name).is_symlink()]
        if "datapackage.json" not in flat:
            return  # no dataset yet
        version = root / VERSIONS / f"{1:06d}-{_name_part(_flat_run_id(root))}"
        for name in flat:
            if (root / name).is_dir():
                shutil.copytree(root / name, version / name, copy_function=_copy_linked)
            else:
                version.mkdir(parents=True, exist_ok=True)
                _copy_linked(root / name, version / name)
        _fsync_tree(version)
        step("flat dataset copied into versions/")
        _link(f"{VERSIONS}/{version.name}", root / CURRENT)
        log.info("%s: moved the dataset into %s", root, version)
    if published_number(root) is not None:
        link_readers_paths(root)


def _flat_run_id(root: Path) -> str:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return str(json.loads((root / "run.json").read_text("utf-8")).get("run_id") or "flat")
    return "flat"


def _name_part(run_id: str) -> str:
    """A run id as part of a folder name: only safe characters, bounded length."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", run_id)[:80] or "run"


# --- writing -------------------------------------------------------------------------------------------

class NewVersion:
    """A version being written: fill `path`, then `commit` publishes it."""

    def __init__(self, root: Path, number: int, keep: int) -> None:
        self.root = root
        self.number = number
        self.keep = keep
        self.path = root / VERSIONS / f"{number:06d}{PARTIAL}"
        self.committed = False

    def commit(self, run_id: str) -> Path:
        """Publish the version: sync its files, name it after the run, swap DIR/current, prune old versions."""
        _fsync_tree(self.path)
        step("version synced")
        final = self.path.with_name(f"{self.number:06d}-{_name_part(run_id)}")
        os.rename(self.path, final)
        _fsync_dir(final.parent)
        step("version named")
        self.path = final
        if (self.root / CURRENT).is_symlink() and self.keep > 1:
            _link(os.readlink(self.root / CURRENT), self.root / PREVIOUS)
        _link(f"{VERSIONS}/{final.name}", self.root / CURRENT)  # the switch every reader sees
        self.committed = True
        _fsync_dir(self.root)
        link_readers_paths(self.root)
        prune(self.root, self.keep)
        return final


def prune(root: Path, keep: int) -> None:
    """Remove published versions beyond the newest `keep`."""
    current = published_number(root)
    if current is None:
        return
    folder = root / VERSIONS
    published = sorted((p for p in folder.iterdir() if (_number(p.name) or current + 1) <= current),
                       key=lambda p: _number(p.name), reverse=True)
    for old in published[keep:]:
        shutil.rmtree(old, ignore_errors=True)
        step(f"pruned {old.name}")
    if keep < 2:
        (root / PREVIOUS).unlink(missing_ok=True)


@contextlib.contextmanager
def writing(root: Path, wait: bool = True, keep: int = 2) -> Iterator[NewVersion]:
    """Take the dataset's lock, tidy and upgrade DIR, and yield a new version folder to write into. Leaving
    without `commit` (an exception) removes the folder; the published version stays as it was."""
    global _steps
    if keep < 1:
        raise SettingsError(f"[dataset] keep_versions is {keep}; it must be at least 1 (the published version)")
    root = Path(root)
    with locked(root, wait):
        _steps = 0
        tidy(root)
        upgrade(root)
        version = NewVersion(root, (published_number(root) or 0) + 1, keep)
        version.path.mkdir(parents=True)
        try:
            yield version
        finally:
            if not version.committed:
                shutil.rmtree(version.path, ignore_errors=True)
