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


def fixture_quarantine() -> list:
    """The quarantine records that go with the result fixtures (esf-004 failed validation)."""
    from biwaq_extract.records import QuarantineRecord

    return [QuarantineRecord("esf-004", "validate", "text is empty", "corpus/articles.jsonl")]


def write_fixture_dataset(folder: Path, run_id: str = "20250101T000000-run1", changed: bool = False) -> Path:
    """Write the result fixtures as a dataset into `folder`; with `changed`, then a new version of esf-003."""
    from biwaq_extract.dataset.storage import write_dataset
    from biwaq_extract.dataset.tables import build_tables

    results = load_results()
    write_dataset(build_tables(results, fixture_quarantine(), make_run(run_id, len(results), 1)), folder)
    if changed:
        write_dataset(build_tables(load_results("changed"), [], make_run(f"{run_id}-changed", 1)), folder)
    return folder


def as_schema_2(folder: Path) -> Path:
    """Turn the dataset published in `folder` into one as schema version 2 wrote it: `start`/`end` for
    `start_date`/`end_date`, no `organiser_ids`, version 2 in every Parquet footer and in datapackage.json."""
    import json

    import pyarrow.parquet as pq

    from biwaq_extract.dataset.versions import resolve

    version = resolve(folder)
    renamed = {"start_date": "start", "end_date": "end"}
    for path in sorted((version / "tables").glob("*.parquet")) + sorted((version / "history").glob("*.parquet")):
        table = pq.read_table(path)
        if "organiser_ids" in table.column_names:
            table = table.drop_columns(["organiser_ids"])
        table = table.rename_columns([renamed.get(c, c) for c in table.column_names])
        meta = dict(table.schema.metadata or {}) | {b"biwaq.schema_version": b"2"}
        path.unlink()  # the version's files may be hard links shared with an older version
        pq.write_table(table.replace_schema_metadata(meta), path)
    descriptor = version / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8")) | {"schema_version": 2}
    descriptor.unlink()
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def fixture_dataset(tmp_path) -> Path:
    """A dataset folder holding the result fixtures, where esf-003 has been replaced by a new version."""
    return write_fixture_dataset(tmp_path / "dataset", changed=True)


# --- crawler: a real loopback site with misbehaving routes ---------------------------------------------

CRAWL_FIXTURES = ("crawl",)
HUGE_BYTES = 50 * 1024 * 1024  # the "50 MB response": streamed in chunks, never held in memory


def crawl_settings(**crawl_overrides):
    """Shipped settings with the politeness delays near zero so tests stay fast (robots.txt still counts)."""
    from biwaq_extract.config import load_settings

    settings = load_settings(environ={})
    settings["crawl"].update({"delay": 0.0, "backoff": 0.05, "connect_timeout": 5.0, "read_timeout": 5.0})
    settings["crawl"].update(crawl_overrides)
    return settings


def crawl_routes():
    """Dynamic routes of the test site; each keeps its own call count."""
    calls: dict[str, int] = {}

    def count(name):
        calls[name] = calls.get(name, 0) + 1
        return calls[name]

    def flaky(h):  # 500 first, then the page
        if count("flaky") == 1:
            h.send_body(500, b"<html><body>Interner Serverfehler</body></html>")
        else:
            h.send_body(200, fixture_path("crawl", "route_pages", "flaky.html").read_bytes(), "text/html; charset=utf-8")

    def busy(h):  # 429 with Retry-After first, then the page
        if count("busy") == 1:
            h.send_body(429, b"<html><body>Zu viele Anfragen</body></html>", headers={"Retry-After": "1"})
        else:
            h.send_body(200, fixture_path("crawl", "route_pages", "busy.html").read_bytes(), "text/html; charset=utf-8")

    def redirect(to):
        def route(h):
            count(h.path)
            h.send_response(302 if "loop" in to else 301)
            h.send_header("Location", to)
            h.send_header("Content-Length", "0")
            h.end_headers()
        return route

    def huge(h, declare: bool):
        count("huge-declared" if declare else "huge")
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declare:
            h.send_header("Content-Length", str(HUGE_BYTES))
        h.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        sent = 0
        while sent < HUGE_BYTES:  # the client aborts at its size cap; the write then fails and we stop
            h.wfile.write(chunk)
            sent += len(chunk)

    routes = {
        "/flaky.html": flaky,
        "/busy.html": busy,
        "/loop-a.html": redirect("/loop-b.html"),
        "/loop-b.html": redirect("/loop-a.html"),
        "/umgezogen.html": redirect("/articles/umzug.html"),
        "/weg.html": redirect("http://other-host.invalid/ziel.html"),
        "/riesig.html": lambda h: huge(h, declare=False),
        "/riesig-angekuendigt.html": lambda h: huge(h, declare=True),
    }
    return routes, calls


@pytest.fixture
def crawl_site():
    """The test newsletter site (tests/fixtures/crawl/site plus dynamic routes) on 127.0.0.1."""
    from biwaq_extract.crawl.site_server import serve

    routes, calls = crawl_routes()
    with serve(fixture_path(*CRAWL_FIXTURES, "site"), routes) as site:
        site.calls = calls
        yield site


# --- Prefect (tests/test_pipelines.py, tests/test_deployment.py) ---------------------------------------------


def pytest_configure(config):
    config.addinivalue_line("markers", "integration: starts real servers and subprocesses on 127.0.0.1 (part of `make test`)")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect API (SQLite, 127.0.0.1) for every flow test of the session; yields its URL.

    PREFECT_HOME points at a temporary folder so no test reads or writes the user's ~/.prefect.
    """
    home = tmp_path_factory.mktemp("prefect-home")
    saved = {k: os.environ.get(k) for k in ("PREFECT_HOME", "PREFECT_SERVER_ANALYTICS_ENABLED", "PREFECT_API_URL")}
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.pop("PREFECT_API_URL", None)
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    try:
        with prefect_test_harness(server_startup_timeout=60):
            yield PREFECT_API_URL.value()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_with_orgs(nlp, text: str, orgs=()):
    """Run the pipeline, putting hand-built organisation mentions where the organisation finder would."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "biwaq_organisations":
            doc._.organisations = tuple(orgs)
    return doc


# --- steward: datasets built by `biwaq extract`, laid out as versions ---------------------------------------

# What readers open at a dataset's root; in the versioned layout each links into DIR/current.
READER_PATHS = ("tables", "history", "csv", "documents.jsonl", "run.json", "report.html", "datapackage.json", "dataset.duckdb")


def extract_into(folder: Path, *inputs: str) -> Path:
    """Run `biwaq extract --model blank` on tests/fixtures/steward/<input> into `folder`, one run per input."""
    from biwaq_extract.cli.main import main

    for name in inputs:
        assert main(["extract", str(fixture_path("steward", name)), "--output", str(folder), "--model", "blank"]) in (0, 3)
    return folder


def versioned_dataset(root: Path, *inputs: str) -> Path:
    """A dataset with one version per input (each run merged into a copy of the one before), as the versioned
    storage lays it out: DIR/versions/<run id>/, DIR/current linking the last, reader paths linking through it."""
    import json
    import shutil

    root.mkdir(parents=True)
    versions, previous = root / "versions", None
    for name in inputs:
        work = root / ".work"
        if previous is not None:
            shutil.copytree(previous, work)
        extract_into(work, name)
        run_id = json.loads((work / "run.json").read_text(encoding="utf-8"))["run_id"]
        versions.mkdir(exist_ok=True)
        work.rename(versions / run_id)
        previous = versions / run_id
    (root / "current").symlink_to(Path("versions") / previous.name)
    for name in READER_PATHS:
        (root / name).symlink_to(Path("current") / name)
    return root


def crawled_dataset(folder: Path) -> Path:
    """`biwaq run --no-prefect` over the pipelines' test site: a dataset with crawl/ (WARC files, fetch log)."""
    from biwaq_extract.cli.main import main

    saved = os.environ.get("PREFECT_SERVER_ANALYTICS_ENABLED")
    try:
        main(["run", "--no-prefect", "--site", str(fixture_path("pipelines", "site")), "--output", str(folder), "--model", "blank"])
    finally:  # cmd_run sets it when unset; leave the environment as it was
        os.environ.pop("PREFECT_SERVER_ANALYTICS_ENABLED", None) if saved is None else os.environ.update(PREFECT_SERVER_ANALYTICS_ENABLED=saved)
    return folder


@pytest.fixture(scope="session")
def steward_datasets(tmp_path_factory):
    """Datasets built once per session; tests copy the one they change (`copy_dataset`)."""
    base = tmp_path_factory.mktemp("steward")
    return {
        "one_run": extract_into(base / "one_run", "run1.jsonl"),
        "mixed": extract_into(base / "mixed", "../documents/mixed.jsonl"),
        "rerun": versioned_dataset(base / "rerun", "run1.jsonl", "run2.jsonl"),
        "lost": versioned_dataset(base / "lost", "run1.jsonl", "run3.jsonl"),
        "crawled": crawled_dataset(base / "crawled"),
    }


@pytest.fixture
def copy_dataset(steward_datasets, tmp_path):
    """copy_dataset("one_run") -> a private copy of a session dataset (links kept as links)."""
    import shutil

    def _copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(steward_datasets[name], target, symlinks=True)
        return target

    return _copy


# --- documented commands: the files an example command line names ------------------------------------

# Options whose value is a folder or file the command writes, not one it reads.
OUTPUT_OPTIONS = {"--output", "-o"}


def command_paths(line: str, written: set[str]) -> list[str]:
    """Paths a `biwaq …` command line reads (relative to the repository) that no earlier command wrote.

    `written` collects the --output folders of the commands seen so far, so that a chain such as
    `biwaq extract corpus/site --output outputs/ && biwaq evaluate --pred outputs/documents.jsonl` is read
    as a user runs it. URLs, SQL and option names are not paths.
    """
    import shlex

    needed = []
    for command in line.split("&&"):
        words = shlex.split(command)
        for before, word in zip(["", *words], words):
            if before in OUTPUT_OPTIONS:
                written.add(word.rstrip("/").split("/")[0])
            elif "/" in word and " " not in word and "://" not in word and not word.startswith("-"):
                if word.rstrip("/").split("/")[0] not in written:
                    needed.append(word)
    return needed


def command_parsers() -> dict:
    """The `biwaq` subcommand parsers by name, in the order `biwaq --help` lists them."""
    from biwaq_extract.cli.main import build_parser

    parser = build_parser()
    return next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices


def command_help(name: str | None = None) -> str:
    """What `biwaq [name] --help` prints."""
    from biwaq_extract.cli.main import build_parser

    return (build_parser() if name is None else command_parsers()[name]).format_help()


def help_example(name: str | None = None) -> str:
    """The one `Example:` line of `biwaq [name] --help`, without its label."""
    lines = [line for line in command_help(name).splitlines() if line.startswith("Example: biwaq ")]
    assert len(lines) == 1, f"`biwaq {name or ''} --help` needs exactly one example line"
    return lines[0].removeprefix("Example: ")
