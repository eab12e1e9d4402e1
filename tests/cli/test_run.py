"""`biwaq run --no-prefect`: the flow's library steps in one process, with the NLP cache and the date range."""

from __future__ import annotations

import json

import pytest

import biwaq_extract.extract as extract
from biwaq_extract.cli.main import main
from conftest import fixture_path

SITE = fixture_path("pipelines", "site")  # 6 articles published 2023-03-15 ... 2023-11-20, one in English
N_ARTICLES, N_GERMAN = 6, 5


def _plain(output, *extra: str) -> int:
    return main(["run", "--no-prefect", "--site", str(SITE), "--output", str(output), "--model", "blank", *extra])


@pytest.fixture
def extractions(monkeypatch):
    """The ids of the documents that really went through the NLP, in order."""
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # cmd_run sets it when unset; keep the env clean
    monkeypatch.setenv("BIWAQ_EXTRACT__MAX_SECONDS_PER_DOCUMENT", "0")  # the NLP in this process: calls are seen here
    calls: list[str] = []
    real = extract.extract_document

    def counted(nlp, document):
        calls.append(document.id)
        return real(nlp, document)

    monkeypatch.setattr(extract, "extract_document", counted)
    return calls


@pytest.mark.parametrize("batch_size", ["2"])
def test_run_no_prefect_rerun_takes_every_result_from_the_nlp_cache(tmp_path, extractions, capsys, batch_size):
    output = tmp_path / "out"
    assert _plain(output, "--batch-size", batch_size) == 3  # the English article is quarantined
    assert len(extractions) == N_GERMAN
    first = (output / "documents.jsonl").read_bytes()
    out = capsys.readouterr().out
    assert f"{N_ARTICLES} documents read, {N_GERMAN} extracted, 1 quarantined (0 from the NLP cache" in out
    assert "; verdict: needs attention: 1 quarantined document" in out  # the line says what `biwaq review` says

    assert _plain(output, "--batch-size", batch_size) == 3
    assert len(extractions) == N_GERMAN  # nothing extracted again
    assert f"({N_GERMAN} from the NLP cache" in capsys.readouterr().out
    assert (output / "documents.jsonl").read_bytes() == first
    assert json.loads((output / "run.json").read_text("utf-8"))["extra"]["nlp_cache_hits"] == N_GERMAN


@pytest.mark.parametrize("until, kept, code", [("2023-06-30", 3, 3), ("2023-04-30", 1, 0)])
def test_run_no_prefect_until_drops_later_documents(tmp_path, extractions, until, kept, code):
    output = tmp_path / "out"
    assert _plain(output, "--until", until) == code
    published = [json.loads(line)["published"] for line in (output / "documents.jsonl").read_text("utf-8").splitlines()]
    assert len(published) == kept and all(p <= until for p in published)
    assert json.loads((output / "run.json").read_text("utf-8"))["documents_in"] == kept


@pytest.mark.parametrize("table", ["events"])
def test_run_older_schema_dataset_refused_before_work_then_rebuilt(tmp_path, extractions, capsys, table):
    from conftest import as_schema_2

    output = tmp_path / "out"
    assert _plain(output) == 3
    as_schema_2(output)
    done = len(extractions)
    capsys.readouterr()
    assert _plain(output) == 1
    assert f"`biwaq run --output {output} --rebuild`" in capsys.readouterr().err
    assert len(extractions) == done  # refused before the crawl and the NLP
    assert _plain(output, "--rebuild") == 3
    assert main(["query", "--dataset", str(output), f"SELECT count(start_date) FROM {table}"]) == 0
