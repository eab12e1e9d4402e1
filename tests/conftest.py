"""Shared fixtures: real fixture files read through one helper, and one blank German pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent
SHARED_EVAL = REPO.parent / "shared" / "eval"

# Tests must never depend on the trained model being present (CI has none), nor on a user setting.
os.environ.pop("BIWAQ_SPACY_MODEL", None)
os.environ.pop("BIWAQ_SETTINGS", None)


def fixture_path(*parts: str) -> Path:
    """Path of a fixture file under tests/fixtures (fails loudly when it is missing)."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing test fixture {path}")
    return path


@pytest.fixture(scope="session")
def blank_pipeline():
    """The rule-only German pipeline (spaCy tokenizer + biwaq components) and its ModelInfo."""
    import warnings

    from biwaq_extract.nlp.model import load_pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_pipeline("blank")


@pytest.fixture(scope="session")
def nlp(blank_pipeline):
    return blank_pipeline[0]


@pytest.fixture
def make_doc(nlp):
    """Run the pipeline over a text with a publication date: make_doc("...", "2019-11-12")."""
    import datetime as dt

    def _make(text: str, published: str | None = None):
        doc = nlp.make_doc(text)
        doc._.published = dt.date.fromisoformat(published) if published else None
        return nlp(doc)

    return _make
