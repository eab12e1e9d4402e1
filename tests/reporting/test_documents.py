"""Tests of biwaq_extract/reporting/documents.py: a document's section, record notes, and the shown sample."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from biwaq_extract.records import Document, DocumentResult
from biwaq_extract.reporting.documents import ReportSample, document_section, record_info

TEXT = "Das Stadtteilbüro Nord lud am 3. Mai zum Fachtag ein."
ORG = {"mention_id": "o1", "document_id": "d", "text": "Stadtteilbüro Nord", "start_char": 4, "end_char": 22,
       "org_id": "text:stadtteilbuero-nord", "rule": "org_words"}
EVENT = {"event_id": "e1", "document_id": "d", "text": "Fachtag", "start_char": 41, "end_char": 48, "type": "conference",
         "start_date": None, "location": None, "rule": "event_nouns"}


@pytest.mark.parametrize(
    "kind, row, expected",
    [
        ("org", {"org_id": "bmas"}, []),
        ("org", {"org_id": "text:quartiersnetz"}, ["not in the gazetteer"]),
        ("place", {"place_id": "place:irgendwo"}, ["not in the gazetteer"]),
        ("event", {"start_date": None}, []),
    ],
)
def test_documents_record_info(kind, row, expected):
    assert record_info(kind, row) == expected


def _section(rows_by_kind, review):
    html, _ = document_section(DocumentResult(document=Document(id="d", text=TEXT)), rows_by_kind, review)
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("reason", ["event without date or place"])
def test_documents_flag_only_open_review_items_and_show_gazetteer_as_information(reason):
    soup = _section({"org": [ORG], "event": [EVENT]}, {"e1": reason})
    event_row, org_row = soup.find("tr", id="row-e1"), soup.find("tr", id="row-o1")
    assert event_row["class"] == ["flag"] and reason in event_row.select_one(".reasons").get_text()
    # an organisation merely missing from the gazetteer is information on its record, not a flag
    assert not org_row.get("class") and org_row.select_one(".info").get_text() == "not in the gazetteer"
    assert "flag" not in soup.find("mark", id="m-o1")["class"]
    assert "1 to review" in soup.select_one("p.muted").get_text()


@pytest.mark.parametrize("rule", ["steward"])
def test_documents_mark_rows_a_steward_corrected(rule):
    soup = _section({"event": [EVENT | {"rule": rule, "start_date": "2023-05-03"}]}, {})
    row = soup.find("tr", id="row-e1")
    assert row["class"] == ["steward"] and row.select_one(".badge.steward").get_text() == "corrected by steward"
    assert "steward" in soup.find("mark", id="m-e1")["class"]


def test_documents_sample_keeps_only_the_documents_it_shows():
    """A streamed run keeps, for the report, only the first documents by id (the last result of a repeated id)."""

    def result(doc_id: str, text: str = "Text") -> DocumentResult:
        return DocumentResult(document=Document(id=doc_id, text=text))

    sample = ReportSample(max_documents=3)
    for doc_id in ["e", "b", "d", "a", "c", "b"]:
        sample.add(result(doc_id, text=f"{doc_id} again" if doc_id == "b" and "b" in sample.ids else doc_id))
    assert [r.document.id for r in sample.shown()] == ["a", "b", "c"]
    assert sample.shown()[1].document.text == "b again"
    assert sample.ids == {"a", "b", "c", "d", "e"}
    assert dataclasses.is_dataclass(sample.shown()[0])
