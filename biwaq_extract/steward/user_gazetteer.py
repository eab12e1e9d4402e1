"""Read and check a steward's own gazetteer (organisations, programmes, places) kept in the dataset folder.

`DIR/gazetteer.yaml` (YAML like the shipped rule data in biwaq_extract/data/):

    organisations:
      - id: quartiersnetz-bremen        # lowercase ASCII slug, unique within the file
        name: Quartiersnetz Bremen e. V.
        acronym: QNB                    # optional
        aliases: [Quartiersnetz]        # optional
    programmes:
      - id: stadtteilmuetter
        name: Stadtteilmütter
        aliases: [Stadtteil-Mütter]
    places:
      - id: bremen-groepelingen
        name: Gröpelingen
        kind: district                  # city | district | state | country | region

The organisation, programme and place finders apply it like the shipped lists (see their `load_resources`):
a run into a dataset folder takes `DIR/gazetteer.yaml`, and `[extract] user_gazetteer` in the settings names
a file anywhere (it wins over the dataset folder's). The archive packs the dataset folder's file.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from biwaq_extract.errors import StewardError

GAZETTEER_FILE = "gazetteer.yaml"
SECTIONS = ("organisations", "programmes", "places")
PLACE_KINDS = ("city", "district", "state", "country", "region")
_ID = re.compile(r"^[a-z0-9][a-z0-9\-_.:]*$")
_KEYS = {"organisations": {"id", "name", "acronym", "aliases"}, "programmes": {"id", "name", "aliases"},
         "places": {"id", "name", "kind", "aliases"}}


@dataclass(frozen=True)
class Entry:
    """One entry of the user gazetteer."""

    section: str
    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str | None = None


def gazetteer_path(dataset: Path) -> Path:
    return Path(dataset) / GAZETTEER_FILE


def _entry(section: str, number: int, raw: object, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise StewardError(f"{where}: {section}[{number}] must be a mapping with id and name")
    unknown = set(raw) - _KEYS[section]
    if unknown:
        raise StewardError(f"{where}: {section}[{number}] has unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS[section])}")
    ident, name = raw.get("id"), raw.get("name")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise StewardError(f"{where}: {section}[{number}] id must be a lowercase slug such as 'quartiersnetz-bremen', not {ident!r}")
    if not isinstance(name, str) or not name.strip():
        raise StewardError(f"{where}: {section}[{number}] ({ident}) needs a name")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise StewardError(f"{where}: {section}[{number}] ({ident}) aliases must be a list of names")
    acronym = raw.get("acronym")
    if acronym is not None and (not isinstance(acronym, str) or not acronym.strip()):
        raise StewardError(f"{where}: {section}[{number}] ({ident}) acronym must be text")
    kind = raw.get("kind")
    if kind is not None and kind not in PLACE_KINDS:
        raise StewardError(f"{where}: {section}[{number}] ({ident}) kind must be one of {', '.join(PLACE_KINDS)}, not {kind!r}")
    return Entry(section, ident, name.strip(), acronym, tuple(a.strip() for a in aliases), kind)


def read_user_gazetteer(path: Path) -> dict[str, tuple[Entry, ...]]:
    """Entries per section; StewardError naming the file and the entry when something is wrong."""
    path = Path(path)
    return _parse(_read_bytes(path), path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise StewardError(f"user gazetteer {path}: unreadable ({exc})") from None


def _parse(raw: bytes, path: Path) -> dict[str, tuple[Entry, ...]]:
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StewardError(f"{path}: not UTF-8 text ({exc})") from None
    except yaml.YAMLError as exc:
        raise StewardError(f"{path}: not valid YAML ({exc})") from None
    data = data or {}
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise StewardError(f"{path}: top-level keys must be among {', '.join(SECTIONS)}")
    out: dict[str, tuple[Entry, ...]] = {}
    for section in SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            raise StewardError(f"{path}: {section} must be a list of entries")
        entries = tuple(_entry(section, n, item, str(path)) for n, item in enumerate(items))
        seen: set[str] = set()
        for e in entries:
            if e.id in seen:
                raise StewardError(f"{path}: {section} lists id {e.id!r} twice")
            seen.add(e.id)
        out[section] = entries
    return out


def dataset_gazetteer(dataset: Path) -> dict[str, tuple[Entry, ...]] | None:
    """The dataset folder's user gazetteer, validated, or None when it has none."""
    path = gazetteer_path(dataset)
    return read_user_gazetteer(path) if path.exists() else None


@dataclass(frozen=True)
class UserGazetteer:
    """A checked user gazetteer as the finders take it: where it was read, its sha256 and its entries.
    Hashable by content, so resources built from it are cached per version of the file."""

    path: str
    sha256: str
    organisations: tuple[Entry, ...] = ()
    programmes: tuple[Entry, ...] = ()
    places: tuple[Entry, ...] = ()


def load_user_gazetteer(path: str | Path) -> UserGazetteer:
    """Read and check the file once (StewardError when it is missing or wrong)."""
    path = Path(path)
    raw = _read_bytes(path)
    sections = _parse(raw, path)
    return UserGazetteer(str(path), hashlib.sha256(raw).hexdigest(), **sections)


def gazetteer_for_run(settings: dict[str, Any], dataset: Path | None = None) -> str | None:
    """The user gazetteer a run applies: `[extract] user_gazetteer` of the settings when set, else the dataset
    folder's gazetteer.yaml when it has one, else None."""
    named = (settings.get("extract") or {}).get("user_gazetteer") or ""
    if named:
        return str(Path(named).expanduser().resolve())
    if dataset is not None and gazetteer_path(dataset).is_file():
        return str(gazetteer_path(dataset).resolve())
    return None


def with_run_gazetteer(settings: dict[str, Any], dataset: Path | None) -> dict[str, Any]:
    """The settings with `[extract] user_gazetteer` set to the file the run applies (see `gazetteer_for_run`),
    checked; the settings themselves when there is none. Everything downstream (pipeline loading, the NLP
    cache, run.json) reads the file from there."""
    path = gazetteer_for_run(settings, dataset)
    if path is None:
        return settings
    load_user_gazetteer(path)  # a bad file stops the run before any work, with the entry at fault
    out = copy.deepcopy(settings)
    out.setdefault("extract", {})["user_gazetteer"] = path
    return out


def settings_gazetteer(settings: dict[str, Any]) -> str | None:
    """`[extract] user_gazetteer` of the settings, or None when empty."""
    return (settings.get("extract") or {}).get("user_gazetteer") or None


def run_record(settings: dict[str, Any]) -> dict[str, Any]:
    """What run.json records of the run's user gazetteer: {"user_gazetteer": {"path", "sha256"}}, or nothing."""
    path = settings_gazetteer(settings)
    if path is None:
        return {}
    gazetteer = load_user_gazetteer(path)
    return {"user_gazetteer": {"path": gazetteer.path, "sha256": gazetteer.sha256}}
