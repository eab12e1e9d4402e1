"""Tests of biwaq_extract/reporting/steward_sections.py: the verdict, review and decisions sections on their own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from biwaq_extract.reporting import steward_sections
from biwaq_extract.steward.verdict import assess


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("cap", [2])
def test_steward_sections_review_heading_counts_the_rows_listed(steward_datasets, monkeypatch, cap):
    verdict = assess(steward_datasets["one_run"]).as_dict()
    total = len(verdict["open_items"])
    assert total > cap
    monkeypatch.setattr(steward_sections, "MAX_LISTED", cap)
    soup = _soup(steward_sections.review_section(verdict, set()))
    assert len(soup.select("tr.review-item")) == cap
    assert soup.find("h2").get_text() == f"Needs review ({cap} listed of {total})"
    assert f"{total - cap} more" in soup.get_text()


@pytest.mark.parametrize("problem", ["the verdict could not be made: StewardError: no finished run"])
def test_steward_sections_without_a_verdict_say_why(problem):
    soup = _soup(steward_sections.verdict_section(None, problem))
    assert soup.section["data-verdict"] == "unknown" and problem in soup.get_text()


@pytest.mark.parametrize("name", ["one_run"])
def test_steward_sections_ready_verdict_names_the_archive_command(copy_dataset, name):
    import shlex

    from biwaq_extract.cli.main import main

    dataset = copy_dataset(name)
    for item in [i for i in assess(dataset).open_items if i.risk == "high"]:
        assert main(shlex.split(item.commands(str(dataset))["accept"])[1:]) == 0
    soup = _soup(steward_sections.verdict_section(assess(dataset).as_dict()))
    assert soup.section["data-verdict"] == "ready to archive" and "ready" in soup.section["class"]
    assert soup.find("code").get_text() == f"biwaq archive {dataset} --output archive/"


@pytest.mark.parametrize("name", ["one_run"])
def test_steward_sections_list_stale_decisions(copy_dataset, name):
    from biwaq_extract.steward.decisions import DECISIONS_FILE

    dataset = copy_dataset(name)
    line = ('{"id": "d-000000000000", "action": "accept", "document": "st-1", "kind": "event", "text": "Gibtsnicht", '
            '"at": 5, "who": "A. Steward", "when": "2025-01-15T09:00:00Z"}\n')
    (dataset / DECISIONS_FILE).write_text(line, encoding="utf-8")
    soup = _soup(steward_sections.decisions_section(assess(dataset).as_dict(), [], set()))
    stale = soup.select("tr.stale")
    assert len(stale) == 1 and "Gibtsnicht" in stale[0].get_text() and "0 decisions applied, 1 stale" in soup.get_text()
