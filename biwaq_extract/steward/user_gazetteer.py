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

The finders do not read this file yet; this module only reads and validates it (and the archive packs it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StewardError(f"{path}: unreadable ({exc})") from None
    except yaml.YAMLError as exc:
        raise StewardError(f"{path}: not valid YAML ({exc})") from None
    data = data or {}
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise StewardError(f"{path}: top-level keys must be among {', '.join(SECTIONS)}")
    out: dict[str, tuple[Entry, ...]] = {}
    for section in SECTIONS:
        raw = data.get(section) or []
        if not isinstance(raw, list):
            raise StewardError(f"{path}: {section} must be a list of entries")
        entries = tuple(_entry(section, n, item, str(path)) for n, item in enumerate(raw))
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
