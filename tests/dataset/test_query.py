"""`biwaq query`: the example questions (shown in docs/querying.md) give the expected rows; bad datasets give one clear line."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from biwaq_extract.dataset.schemas import SCHEMA_VERSION

from biwaq_extract.cli.main import main
from biwaq_extract.errors import DatasetError, QueryError
from biwaq_extract.dataset.datapackage import all_tables
from biwaq_extract.dataset.query import format_table, named_queries, parse_queries, run_query
from biwaq_extract.dataset.schemas import TABLES
from biwaq_extract.dataset.storage import parquet_path
from conftest import REPO, write_fixture_dataset

DOCS = REPO / "docs" / "querying.md"

EXPECTED = {
    "events_per_year_and_place": [[2019, "Bonn", 1], [2021, "Berlin", 1]],
    "participants_per_programme": [["BIWAQ", 2, 380, 380], ["ESF Plus", 1, 300, 300]],
    "people_per_ministry": [
        ["Bundesministerium des Innern, für Heimat und Bau", "Joachim Zweig", "Referatsleiter", 1],
        ["Bundesministerium für Arbeit und Soziales", "Hubertus Heil", "Bundesminister", 1],
    ],
    "documents_mentioning_bbsr": [
        ["esf-001", dt.date(2019, 11, 12), "Start der BIWAQ-Werkstattreihe", 1],
        ["esf-003", dt.date(2022, 6, 30), "Abschlussbericht BIWAQ (aktualisiert)", 1],
    ],
    "document_versions": [["esf-003", 1, "Abschlussbericht BIWAQ", "20250101T000000-run1-changed", 2]],
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """Written once for the read-only tests of this module."""
    return write_fixture_dataset(tmp_path_factory.mktemp("q") / "dataset", changed=True)


@pytest.fixture
def damaged(tmp_path, dataset):
    """A private copy of the dataset a test may damage."""
    return shutil.copytree(dataset, tmp_path / "copy")


@pytest.mark.parametrize("name", list(EXPECTED))
def test_query_example_questions_return_expected_rows(dataset, name):
    frame = run_query(dataset, named_queries()[name].sql)
    if name == "document_versions":
        frame = frame.drop(columns="content_hash")
    assert frame.astype(object).values.tolist() == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_query_examples_are_shown_in_docs_verbatim(name):
    query = named_queries()[name]
    text = DOCS.read_text(encoding="utf-8")
    assert f"```sql\n{query.sql}\n```" in text
    assert query.question in text and f"--named {name}" in text


@pytest.mark.parametrize("name", list(EXPECTED))
def test_query_every_example_has_a_question(name):
    assert named_queries()[name].question.endswith("?")


@pytest.mark.parametrize(
    "text,expected",
    [("-- name: a\n-- question: Why?\nSELECT 1;\n\n-- name: b\nSELECT 2;\n", {"a": ("Why?", "SELECT 1;"), "b": ("", "SELECT 2;")})],
)
def test_query_parse_named_queries(text, expected):
    assert {k: (q.question, q.sql) for k, q in parse_queries(text).items()} == expected


@pytest.mark.parametrize("table", ["events", "organisations", "history_documents"])
def test_query_corrupted_parquet_is_named(damaged, table):
    spec = next(t for t in __import__("biwaq_extract.dataset.datapackage", fromlist=["x"]).all_tables() if t.name == table)
    path = damaged / parquet_path(spec)
    path.write_bytes(b"PAR1 garbage")
    with pytest.raises(DatasetError, match=str(path)):
        run_query(damaged, "SELECT count(*) FROM documents")


@pytest.mark.parametrize("table", ["events"])
def test_query_damaged_data_pages_are_named(damaged, table):
    """Footer intact, data pages overwritten: only reading the data notices, and still names the file."""
    path = damaged / parquet_path(TABLES[table])
    data = bytearray(path.read_bytes())
    data[4:200] = b"\xff" * 196
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match=str(path)):
        run_query(damaged, f"SELECT * FROM {table}")


@pytest.mark.parametrize("remove", ["tables/places.parquet", "datapackage.json"])
def test_query_missing_file_is_named(damaged, remove):
    (damaged / remove).unlink()
    with pytest.raises(DatasetError, match="places.parquet|datapackage.json"):
        run_query(damaged, "SELECT 1")


@pytest.mark.parametrize("version", [SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_query_other_schema_version_is_named(damaged, version):
    path = damaged / "datapackage.json"
    text = path.read_text(encoding="utf-8").replace(f'"schema_version": {SCHEMA_VERSION}', f'"schema_version": {version}')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError, match=rf"schema version {version}, .* version {SCHEMA_VERSION}; rebuild it .*"
                                           rf"`biwaq extract INPUT --output .*copy --rebuild`"):
        run_query(damaged, "SELECT 1")


@pytest.mark.parametrize("sql", ["SELECT * FROM nope", "SELEC 1", "SELECT nonexistent FROM events"])
def test_query_bad_sql_is_a_query_error(dataset, sql):
    with pytest.raises(QueryError):
        run_query(dataset, sql)


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--named", "participants_per_programme"], "BIWAQ              2        380           380"),
        (["--csv", "SELECT document_id, version FROM documents ORDER BY 1"], "document_id,version\r\nesf-001,1\r\n"),
        (["--list"], "events_per_year_and_place: How many events took place per year and place?"),
        (["SELECT org_id FROM organisations WHERE false"], "(0 rows)"),
    ],
)
def test_query_cli_prints_table_or_csv(dataset, capsys, args, expected):
    assert main(["query", "--dataset", str(dataset), *args]) == 0
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize("breakage", ["corrupt_table", "bad_sql", "unknown_name"])
def test_query_cli_errors_are_one_line(damaged, capsys, breakage):
    args = ["SELECT count(*) FROM events"]
    if breakage == "corrupt_table":
        (damaged / "tables" / "events.parquet").write_bytes(b"garbage")
    elif breakage == "bad_sql":
        args = ["SELECT * FROM nope"]
    else:
        args = ["--named", "nope"]
    assert main(["query", "--dataset", str(damaged), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("biwaq query: error: ") and err.count("\n") == 1 and "Traceback" not in err
    if breakage == "corrupt_table":
        assert "events.parquet" in err


@pytest.mark.parametrize("rows,expected_last", [(0, "(0 rows)"), (1, "(1 row)")])
def test_query_format_table_counts_rows(rows, expected_last):
    import pandas as pd

    frame = pd.DataFrame({"name": ["Bonn"] * rows, "n": [1] * rows})
    assert format_table(frame).splitlines()[-1] == expected_last


def _all_files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


ATTACKS = {
    "copy_over_a_table": "COPY (SELECT 1 AS x) TO '{dataset}/tables/events.parquet' (FORMAT parquet)",
    "copy_elsewhere": "COPY (SELECT * FROM documents) TO '{outside}/out.csv'",
    "explain_analyze_copy": "EXPLAIN ANALYZE COPY (SELECT 1) TO '{outside}/out.csv'",
    "attach": "ATTACH '{outside}/new.duckdb' AS other",
    "attach_in_dataset": "ATTACH '{dataset}/tables/new.duckdb' AS other",
    "read_any_file": "SELECT * FROM read_csv('/etc/passwd')",
    "read_out_by_dots": "SELECT * FROM read_text('{dataset}/tables/../../../../../../etc/passwd')",
    "list_files": "SELECT * FROM glob('{dataset}/*')",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "url": "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')",
    "unlock": "SET lock_configuration = false",
    "enable_access": "SET enable_external_access = true",
    "two_statements": "SELECT 1; COPY (SELECT 1) TO '{outside}/out.csv'",
    "cte_that_writes": "WITH x AS (SELECT * FROM events) INSERT INTO events SELECT * FROM x",
    "create": "CREATE TABLE copy AS SELECT * FROM events",
    "drop_view": "DROP VIEW events",
    "pragma": "PRAGMA enable_profiling",
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_query_sandbox_refuses_anything_but_reading_the_tables(dataset, tmp_path, attack):
    outside = tmp_path / "outside"
    outside.mkdir()
    before = _all_files(dataset)
    with pytest.raises(QueryError, match=r"may (only )?read|exactly one SQL statement"):
        run_query(dataset, ATTACKS[attack].format(dataset=dataset.resolve(), outside=outside))
    assert _all_files(dataset) == before
    assert list(outside.iterdir()) == []
    assert run_query(dataset, "SELECT count(*) AS n FROM events")["n"].tolist() == [2]


@pytest.mark.parametrize("sql", ["DESCRIBE events", "SHOW TABLES", "SUMMARIZE runs", "EXPLAIN SELECT * FROM events",
                                 "EXPLAIN ANALYZE SELECT count(*) FROM events", "WITH e AS (FROM events) SELECT count(*) FROM e",
                                 "SELECT count(*) FROM history_documents;"])
def test_query_sandbox_lets_reading_statements_run(dataset, sql):
    assert len(run_query(dataset, sql)) >= 1


@pytest.mark.parametrize("table", [t.name for t in all_tables()])
def test_query_every_column_needs_no_quoting(dataset, table):
    """No column is an SQL keyword DuckDB reserves (as `end` is): each one works bare in SELECT, WHERE and ORDER BY."""
    columns = [c.name for c in next(t for t in all_tables() if t.name == table).columns]
    where = " AND ".join(f"({c} IS NULL OR {c} IS NOT NULL)" for c in columns)
    frame = run_query(dataset, f"SELECT {', '.join(columns)} FROM {table} WHERE {where} ORDER BY {', '.join(columns)}")
    assert list(frame.columns) == columns


@pytest.mark.parametrize(
    "sql,expected",
    [
        ("SELECT name, start_date, end_date FROM events WHERE end_date >= start_date ORDER BY start_date",
         "Entwicklungswerkstatt,2019-09-25,2019-09-26"),
        ("SELECT role, count(*) AS n FROM dates GROUP BY role ORDER BY role", "event,2"),
    ],
)
def test_query_date_columns_unquoted_through_the_cli(dataset, capsys, sql, expected):
    assert main(["query", "--dataset", str(dataset), "--csv", sql]) == 0
    assert capsys.readouterr().out.splitlines()[1] == expected
