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
