"""The rule data files read the same with the fast loader as with PyYAML's pure-Python safe loader."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from biwaq_extract.nlp.rule_data import load, load_yaml

DATA = resources.files("biwaq_extract").joinpath("data")
YAML_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".yaml"))


def test_every_rule_data_file_is_checked():
    assert {"organisations.yaml", "places.yaml", "temporal.yaml", "events.yaml"} <= set(YAML_FILES)


@pytest.mark.parametrize("name", YAML_FILES)
def test_fast_loader_reads_the_same_objects(name):
    text = DATA.joinpath(name).read_text("utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_fast_loader_is_safe():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


@pytest.mark.parametrize("name", YAML_FILES)
def test_rule_data_load_reads_every_data_file_by_name(name):
    assert load(name.removesuffix(".yaml")) == yaml.safe_load(DATA.joinpath(name).read_text("utf-8"))


def test_rule_data_load_names_a_missing_file():
    with pytest.raises(FileNotFoundError, match="no_such_words.yaml"):
        load("no_such_words")
