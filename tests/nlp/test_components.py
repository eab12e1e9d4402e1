"""Tests for biwaq_extract/nlp/components.py: every component declares what it reads and writes."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.model import RULE_COMPONENTS


def test_components_requirements_are_met_by_earlier_components(nlp):
    """Only the publication date comes from outside the pipeline (the caller sets it)."""
    analysis = nlp.analyze_pipes()
    missing = {attr for attrs in analysis["problems"].values() for attr in attrs}
    assert missing <= {"doc._.published"}


@pytest.mark.parametrize("name", RULE_COMPONENTS)
def test_components_assign_their_records(nlp, name):
    assigns = nlp.get_pipe_meta(name).assigns
    assert len(assigns) == 1 and assigns[0].startswith("doc._.")


@pytest.mark.parametrize(
    "finder", ["dates", "organisations", "programmes", "places", "people", "participants", "events"]
)
def test_components_every_finder_has_the_finder_contract(finder):
    """`load_resources()` gives frozen resources; `find(doc, resources)` a tuple of frozen records."""
    import dataclasses
    import importlib

    import spacy

    module = importlib.import_module(f"biwaq_extract.nlp.{finder}")
    resources = module.load_resources()
    assert dataclasses.is_dataclass(resources) and type(resources).__dataclass_params__.frozen
    doc = spacy.blank("de").make_doc("Am 3. Mai 2021 trafen sich 80 Fachleute des BMAS in Berlin zur Tagung.")
    found = module.find(doc, resources)
    assert isinstance(found, tuple)
    assert all(type(record).__dataclass_params__.frozen for record in found)
