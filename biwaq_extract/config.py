"""One source of settings: the shipped TOML defaults, overridden by a user file and environment variables."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from biwaq_extract.errors import SettingsError

SETTINGS_ENV = "BIWAQ_SETTINGS"


def _defaults() -> dict[str, Any]:
    text = resources.files("biwaq_extract").joinpath("data/settings.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _coerce(raw: str, like: Any) -> Any:
    if isinstance(like, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, (list, dict)):
        return json.loads(raw)
    return raw


def load_settings(path: str | Path | None = None, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Return the merged settings: defaults < user TOML file < BIWAQ_<SECTION>__<KEY> variables."""
    environ = os.environ if environ is None else environ
    settings = _defaults()
    user = path or environ.get(SETTINGS_ENV)
    if user:
        try:
            settings = _merge(settings, tomllib.loads(Path(user).read_text("utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {user}: {exc}") from exc
    for name, raw in environ.items():
        if not name.startswith("BIWAQ_") or "__" not in name:
            continue
        section, _, key = name[len("BIWAQ_"):].lower().partition("__")
        if section in settings and isinstance(settings[section], dict):
            like = settings[section].get(key, "")
            try:
                settings[section][key] = _coerce(raw, like)
            except (ValueError, json.JSONDecodeError) as exc:
                raise SettingsError(f"environment variable {name}: {exc}") from exc
    return settings


def field_values(cls: type, section: dict[str, Any]) -> dict[str, Any]:
    """The keys of a settings section that name fields of the dataclass `cls` (others are for other readers).

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Limits:
    ...     max_pages: int = 1
    >>> field_values(Limits, {"max_pages": 5, "delay": 1.0})
    {'max_pages': 5}
    """
    names = set(cls.__dataclass_fields__)
    return {k: v for k, v in section.items() if k in names}


def settings_hash(settings: dict[str, Any]) -> str:
    """A short stable hash of the settings, recorded with every run."""
    blob = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]
