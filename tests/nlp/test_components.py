"""Tests for biwaq_extract/nlp/components.py: every component declares what it reads and writes."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp.model import RULE_COMPONENTS, load_pipeline
from biwaq_extract.reading.documents import read_documents
from biwaq_extract.extract import extract_document
from conftest import fixture_path


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


@pytest.fixture(scope="module")
def user_gazetteer_results():
    """The gazetteer article extracted without and with the user gazetteer of tests/fixtures/steward."""
    import warnings

    document = next(iter(read_documents(fixture_path("steward", "gazetteer_article.jsonl"))))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, _ = load_pipeline("blank")
        steward, _ = load_pipeline("blank", str(fixture_path("steward", "gazetteer.yaml")))
    return extract_document(plain, document), extract_document(steward, document)


@pytest.mark.parametrize("kind, id_field, surface, canonical", [
    ("organisations", "org_id", "Quartiersnetz Bremen e. V.", "quartiersnetz-bremen"),
    ("organisations", "org_id", "Quartiersnetz", "quartiersnetz-bremen"),
    ("programmes", "programme_id", "Stadtteilwerkstatt", "stadtteilwerkstatt"),
    ("places", "place_id", "Gröpelingen", "bremen-groepelingen"),
])
def test_components_apply_the_user_gazetteer_with_its_canonical_ids(user_gazetteer_results, kind, id_field, surface,
                                                                   canonical):
    """A name only the user gazetteer lists is found under the gazetteer's id, as shipped names are."""
    plain, steward = user_gazetteer_results
    assert canonical not in {getattr(m, id_field) for m in getattr(plain, kind)}
    found = [(m.text, getattr(m, id_field), m.rule) for m in getattr(steward, kind)]
    assert (surface, canonical, "gazetteer") in found
