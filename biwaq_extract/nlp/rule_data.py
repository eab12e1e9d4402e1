"""Read the rule data files (data/*.yaml) with libyaml's C parser when PyYAML was built with it.

Same objects as `yaml.safe_load` (checked for every data file in tests/nlp/test_rule_data.py), ~8x faster:
every process that builds the pipeline reads them, including each Dask worker at its start.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader: C or Python)


def load(name: str) -> Any:
    """The rule data file `data/<name>.yaml` of the package, parsed (a fresh object on every call).

    >>> load("temporal")["months"]["januar"]
    1
    """
    return load_yaml(resources.files("biwaq_extract").joinpath("data", f"{name}.yaml").read_text("utf-8"))
