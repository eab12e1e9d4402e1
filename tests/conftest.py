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


# --- extraction results as JSON fixture files (tables, storage, query tests) ---------------------------

def load_result(*parts: str):
    """A DocumentResult from a JSON fixture under tests/fixtures/results: the record's fields as JSON,
    dates as ISO strings, mentions as lists of objects named like DocumentResult's fields."""
    import dataclasses
    import datetime as dt
    import json

    from biwaq_extract import records as r

    kinds = {
        "dates": r.DateMention, "organisations": r.OrgMention, "programmes": r.ProgrammeMention,
        "people": r.PersonMention, "places": r.PlaceMention, "events": r.EventMention,
        "participant_counts": r.ParticipantCount,
    }

    def build(cls, data: dict):
        values = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            if f.name in {"start", "end", "published"} and v is not None:
                v = dt.date.fromisoformat(v)
            if f.name == "organisers":
                v = tuple(v)
            values[f.name] = v
        return cls(**values)

    data = json.loads(fixture_path("results", *parts).read_text(encoding="utf-8"))
    mentions = {k: tuple(build(cls, m) for m in data.get(k, ())) for k, cls in kinds.items()}
    return r.DocumentResult(
        document=build(r.Document, data["document"]), error=data.get("error"), error_stage=data.get("error_stage"), **mentions
    )


def load_results(folder: str = "") -> list:
    """Every result fixture directly in tests/fixtures/results[/folder], in file-name order."""
    return [load_result(*([folder] if folder else []), p.name) for p in sorted(fixture_path("results", folder).glob("*.json"))]


def make_run(run_id: str = "20250101T000000-run1", documents: int = 0, failed: int = 0):
    """A RunSummary for table and storage tests; only the run id changes between simulated runs."""
    from biwaq_extract.records import ModelInfo, RunSummary

    return RunSummary(
        run_id=run_id, started_at="2025-01-01T00:00:00+00:00", finished_at="2025-01-01T00:01:00+00:00",
        package_version="0.1.0", model=ModelInfo("blank", "0.0.0", False, ("biwaq_dates", "biwaq_orgs"), "3.8.0"),
        settings_hash="abc123", documents_in=documents, documents_ok=documents - failed, documents_failed=failed,
        extra={"input": "tests/fixtures/results"},
    )
