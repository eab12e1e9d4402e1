"""Records become validated tables with deterministic keys and the links researchers join on."""

from __future__ import annotations

import dataclasses
import itertools

import pandas as pd
import pandera.errors
import pytest

from biwaq_extract.dataset.event_facts import date_role, event_dates
from biwaq_extract.dataset.schemas import DATE_ROLES, TABLES
from biwaq_extract.dataset.tables import build_tables, id_slug, mention_id
from conftest import fixture_quarantine, load_result, load_results, make_run

MENTION_TABLES = {
    "org_mentions": "mention_id",
    "programme_mentions": "mention_id",
    "person_mentions": "mention_id",
    "place_mentions": "mention_id",
    "dates": "date_id",
    "events": "event_id",
    "participant_counts": "count_id",
}


@pytest.fixture(scope="module")
def tables():
    results = load_results()
    return build_tables(results, fixture_quarantine(), make_run(documents=len(results), failed=1))


@pytest.mark.parametrize("name", list(TABLES))
def test_tables_every_table_built_in_declared_shape(tables, name):
    frame = tables[name]
    assert list(frame.columns) == TABLES[name].column_names
    assert not frame.duplicated(list(TABLES[name].primary_key)).any()


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[::7])
def test_tables_same_records_in_any_order_give_identical_tables(tables, order):
    results = load_results()
    again = build_tables([results[i] for i in order], fixture_quarantine(), make_run(documents=4, failed=1))
    for name in TABLES:
        pd.testing.assert_frame_equal(again[name], tables[name], check_exact=True)


@pytest.mark.parametrize("name,id_column", MENTION_TABLES.items())
def test_tables_mention_rows_point_at_their_text(tables, name, id_column):
    texts = {r.document.id: r.document.text for r in load_results()}
    frame = tables[name]
    assert len(frame) > 0
    for row in frame.itertuples(index=False):
        assert texts[row.document_id][row.start_char : row.end_char] == row.text
        assert row.rule
    assert frame[id_column].str.fullmatch(r"[0-9a-f]{16}").all()


@pytest.mark.parametrize(
    "change,same_id",
    [
        (lambda text: text, True),  # same document, same content: same id on every run and machine
        (lambda text: text + " Nachtrag.", False),  # new content: a new version, new ids
    ],
)
def test_tables_mention_id_depends_on_document_content(change, same_id):
    before = mention_id("esf-001", "hash-of:" + "Text", "org", 0, 3, "BMI")
    after = mention_id("esf-001", "hash-of:" + change("Text"), "org", 0, 3, "BMI")
    assert (before == after) is same_id


@pytest.mark.parametrize(
    "org_id,name,acronym,n_documents,n_mentions,known",
    [
        ("bmi", "Bundesministerium des Innern, für Heimat und Bau", "BMI", 1, 3, "Bundesministeriums des Innern, für Heimat und Bau"),
        ("bbsr", "Bundesinstitut für Bau-, Stadt- und Raumforschung", "BBSR", 2, 2, "BBSR"),
    ],
)
def test_tables_organisations_aggregate_across_documents(tables, org_id, name, acronym, n_documents, n_mentions, known):
    row = tables["organisations"].set_index("org_id").loc[org_id]
    assert (row["name"], row["acronym"], row["org_type"]) == (name, acronym, "ministry" if org_id == "bmi" else "agency")
    assert (row["n_documents"], row["n_mentions"]) == (n_documents, n_mentions)
    assert known in row["known_names"].split(" | ")


@pytest.mark.parametrize("event_name,org_id,link", [("Entwicklungswerkstatt", "bmi", "organiser")])
def test_tables_event_organisations_link_events_to_organisations(tables, event_name, org_id, link):
    events = tables["events"].set_index("event_id")
    links = tables["event_organisations"]
    row = links[links["event_id"].map(events["name"]) == event_name].set_index("org_id").loc[org_id]
    assert row["link"] == link


@pytest.mark.parametrize("count_text,event_name", [("etwa 80 Projektverantwortliche", "Entwicklungswerkstatt"),
                                                   ("Mehr als 300 Teilnehmende", "Jahreskonferenz")])
def test_tables_participant_count_linked_to_its_event(tables, count_text, event_name):
    counts = tables["participant_counts"].set_index("text")
    events = tables["events"].set_index("event_id")
    assert events.loc[counts.loc[count_text, "event_id"], "name"] == event_name


@pytest.mark.parametrize("document_id,error", [("esf-004", "text is empty")])
def test_tables_failed_document_listed_without_mentions(tables, document_id, error):
    doc = tables["documents"].set_index("document_id").loc[document_id]
    assert doc["error"] == error
    assert tables["quarantine"]["document_id"].tolist() == [document_id]
    for name in MENTION_TABLES:
        assert document_id not in set(tables[name]["document_id"])


@pytest.mark.parametrize("table,expected", [("people", {"person:joachim-zweig", "person:hubertus-heil"}),
                                            ("places", {"geo:2946447", "place:berlin"})])
def test_tables_entity_ids_are_readable_and_stable(tables, table, expected):
    key = TABLES[table].primary_key[0]
    assert set(tables[table][key]) == expected


@pytest.mark.parametrize("name,expected", [("Dr. Jörg Müller-Lüdenscheidt", "dr-joerg-mueller-luedenscheidt"),
                                           ("Straße  der Einheit", "strasse-der-einheit")])
def test_tables_id_slug(name, expected):
    assert id_slug(name) == expected


def _with_event(result, **changes):
    event = dataclasses.replace(result.events[0], **changes)
    return dataclasses.replace(result, events=(event,))


@pytest.mark.parametrize(
    "changes",
    [{"type": "party"}, {"start_char": 500, "end_char": 10}],
)
def test_tables_invalid_records_are_rejected_before_writing(changes):
    bad = _with_event(load_result("esf-001.json"), **changes)
    with pytest.raises(pandera.errors.SchemaError):
        build_tables([bad], [], make_run(documents=1))


@pytest.mark.parametrize("title", ["Zweite Fassung"])
def test_tables_repeated_document_id_keeps_last_occurrence(title):
    first = load_result("esf-003.json")
    second = dataclasses.replace(first, document=dataclasses.replace(first.document, title=title))
    tables = build_tables([first, second], [], make_run(documents=2))
    assert tables["documents"]["title"].tolist() == [title]


@pytest.mark.parametrize("chunk", [1, 3])
def test_tables_spooled_in_chunks_equal_tables_built_at_once(tables, chunk):
    """A run streams its results into a RowSpool that packs rows every `chunk` documents; the tables must not
    depend on where the chunks were cut, also when an id repeats across chunks (its last occurrence wins)."""
    from biwaq_extract.dataset.tables import RowSpool

    results = load_results()
    stale = dataclasses.replace(results[0], organisations=(), people=(), document=dataclasses.replace(results[0].document, title="alt"))
    spool = RowSpool(chunk=chunk)
    for result in [stale, *results]:
        spool.add(result)
    spooled = spool.tables(fixture_quarantine(), make_run(documents=len(results), failed=1))
    for name in TABLES:
        pd.testing.assert_frame_equal(spooled[name], tables[name], check_exact=True)


def _org_doc(doc_id: str, orgs=(), people=()):
    from biwaq_extract.records import Document, DocumentResult

    return DocumentResult(document=Document(id=doc_id, text="x" * 200), organisations=tuple(orgs), people=tuple(people))


def _org(org_id: str, name: str, text: str, acronym=None, level=None):
    from biwaq_extract.records import OrgMention

    return OrgMention(text=text, start_char=0, end_char=len(text), org_id=org_id, name=name, acronym=acronym,
                      rule="test", level=level)


def _person(name: str, organisation: str, org_id: str):
    from biwaq_extract.records import PersonMention

    return PersonMention(text=name, start_char=10, end_char=10 + len(name), name=name, role="Leiterin",
                         organisation=organisation, org_id=org_id, rule="test")


@pytest.mark.parametrize(
    "results,expected",
    [
        # a tie between two names: the smaller wins, whatever the order of the documents
        ([_org_doc("a", [_org("o", "Zentrum Ost", "ZO")]), _org_doc("b", [_org("o", "Agentur Ost", "AO")])],
         {"name": "Agentur Ost", "known_names": "AO | Agentur Ost | ZO"}),  # every surface form is known
        # the most frequent name wins over a smaller one; empty acronyms do not count
        ([_org_doc("a", [_org("o", "Zentrum", "Z", acronym="ZO")]), _org_doc("b", [_org("o", "Zentrum", "Z")]),
          _org_doc("c", [_org("o", "Agentur", "A")])],
         {"name": "Zentrum", "acronym": "ZO", "n_documents": 3, "known_names": "A | Z | ZO | Zentrum"}),
        # named only as a person's employer (weak): that name, no mentions; its own mention then overrides it
        ([_org_doc("a", people=[_person("Ada Muster", "Stadtwerk Nord", "o")])],
         {"name": "Stadtwerk Nord", "n_mentions": 0, "known_names": "Stadtwerk Nord"}),
        ([_org_doc("a", people=[_person("Ada Muster", "Stadtwerk Nord", "o")]),
          _org_doc("b", [_org("o", "Stadtwerke Nord GmbH", "Stadtwerke", level="municipal")])],
         {"name": "Stadtwerke Nord GmbH", "level": "municipal", "n_mentions": 1}),
    ],
)
def test_tables_organisation_attributes_most_common_own_then_weak(results, expected):
    for order in (results, results[::-1]):
        row = build_tables(order, [], make_run(documents=len(order)))["organisations"].set_index("org_id").loc["o"]
        assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(
    "event_name,organisers,organiser_ids",
    [("Entwicklungswerkstatt", "Bundesministerium des Innern, für Heimat und Bau", "bmi")],
)
def test_tables_event_organisers_are_names_with_ids_beside(tables, event_name, organisers, organiser_ids):
    row = tables["events"].set_index("name").loc[event_name]
    assert (row["organisers"], row["organiser_ids"]) == (organisers, organiser_ids)


@pytest.mark.parametrize("table", ["dates"])
def test_tables_every_date_has_a_known_role(tables, table):
    roles = tables[table]["role"]
    assert len(roles) and roles.notna().all() and set(roles) <= set(DATE_ROLES)


@pytest.mark.parametrize(
    "finder_role,interval,expected",
    [
        ("publication", ((2019, 9, 25), (2019, 9, 26)), "publication"),  # the date line stays what it is
        (None, ((2019, 9, 25), (2019, 9, 26)), "event"),  # the event's whole interval
        (None, ((2019, 9, 26), (2019, 9, 26)), "event"),  # its last day
        ("deadline", ((2019, 9, 1), (2019, 9, 1)), "deadline"),
        ("funding_period", ((2014, 1, 1), (2020, 12, 31)), "funding_period"),
        (None, ((2019, 9, 1), (2019, 9, 1)), "other"),
    ],
)
def test_tables_date_role_from_finder_and_event_links(finder_role, interval, expected):
    import datetime as dt

    result = load_result("esf-001.json")
    start, end = (dt.date(*d) for d in interval)
    mention = dataclasses.replace(result.dates[0], start=start, end=end, role=finder_role)
    assert date_role(mention, event_dates(result.events)) == expected


@pytest.mark.parametrize("excluded", ["runs"])
def test_tables_runs_rows_out_counts_every_other_table(tables, excluded):
    expected = sum(len(frame) for name, frame in tables.items() if name != excluded)
    assert tables["runs"]["rows_out"].tolist() == [expected]
