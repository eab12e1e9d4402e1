"""One source of settings: the shipped defaults, a partial user file over them, environment variables over both."""

from __future__ import annotations

import pytest

from biwaq_extract.config import load_settings, settings_hash
from biwaq_extract.errors import SettingsError
from conftest import fixture_path


@pytest.mark.parametrize("section, key, expected", [
    ("extract", "batch_size", 32),
    ("extract", "max_chars", 5_000_000),
    ("crawl", "delay", 1.0),
    ("crawl", "obey_robots", True),
])
def test_config_shipped_defaults_load(section, key, expected):
    settings = load_settings(environ={})
    assert settings[section][key] == expected
    assert [s["name"] for s in settings["sources"]][:1] == ["esf-meldungen"]


@pytest.mark.parametrize("how", ["argument", "BIWAQ_SETTINGS"])
def test_config_partial_user_file_overrides_a_subset(how):
    path = fixture_path("config", "partial.toml")
    settings = load_settings(path, environ={}) if how == "argument" else load_settings(environ={"BIWAQ_SETTINGS": str(path)})
    defaults = load_settings(environ={})
    assert (settings["extract"]["batch_size"], settings["crawl"]["delay"]) == (8, 2.5)
    # Keys the file does not name keep their defaults, in the same sections and in the others.
    assert settings["extract"]["max_chars"] == defaults["extract"]["max_chars"]
    assert settings["crawl"]["user_agent"] == defaults["crawl"]["user_agent"]
    assert settings["sources"] == defaults["sources"]
    assert settings_hash(settings) != settings_hash(defaults)


@pytest.mark.parametrize("name, raw, section, key, expected", [
    ("BIWAQ_EXTRACT__BATCH_SIZE", "64", "extract", "batch_size", 64),
    ("BIWAQ_CRAWL__DELAY", "0", "crawl", "delay", 0.0),
    ("BIWAQ_CRAWL__OBEY_ROBOTS", "false", "crawl", "obey_robots", False),
    ("BIWAQ_CRAWL__ALLOWED_HOSTS", '["partner.example.org"]', "crawl", "allowed_hosts", ["partner.example.org"]),
    ("BIWAQ_CRAWL__USER_AGENT", "test-agent", "crawl", "user_agent", "test-agent"),
])
def test_config_environment_variable_overrides_one_value_with_its_type(name, raw, section, key, expected):
    settings = load_settings(fixture_path("config", "partial.toml"), environ={name: raw})
    value = settings[section][key]
    assert value == expected and type(value) is type(expected)
    if key != "batch_size":
        assert settings["extract"]["batch_size"] == 8  # the user file's value under the variable stays


@pytest.mark.parametrize("environ, path, message", [
    ({}, ("config", "broken.toml"), "cannot read settings file .*broken.toml"),
    ({"BIWAQ_EXTRACT__BATCH_SIZE": "many"}, None, "BIWAQ_EXTRACT__BATCH_SIZE"),
    ({"BIWAQ_CRAWL__ALLOWED_HOSTS": "[not json"}, None, "BIWAQ_CRAWL__ALLOWED_HOSTS"),
])
def test_config_bad_file_or_variable_is_a_clear_settings_error(environ, path, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(fixture_path(*path) if path else None, environ=environ)


@pytest.mark.parametrize("missing", ["no-such-settings.toml"])
def test_config_missing_file_is_a_settings_error(tmp_path, missing):
    with pytest.raises(SettingsError, match=missing):
        load_settings(tmp_path / missing, environ={})
