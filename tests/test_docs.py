"""The documentation tells the truth: help examples run, documented commands parse and name real files."""

from __future__ import annotations

import re
import shlex

import pytest

from biwaq_extract.cli.main import build_parser, main
from biwaq_extract.dataset.schemas import HISTORY_COLUMNS, TABLES
from conftest import REPO, command_paths, help_example

README = REPO / "README.md"
DOCS = REPO / "docs"
PAGES = sorted([README, *DOCS.glob("*.md")])


def shell_lines(page) -> list[str]:
    """The command lines of a page's ```bash blocks, comments and continuation backslashes removed."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def biwaq_argv(line: str) -> list[str]:
    """The arguments of a documented `biwaq …` line (also `.venv/bin/biwaq …`), up to a pipe or redirect."""
    words = shlex.split(line)
    words = words[: next((i for i, w in enumerate(words) if w in {">", "|", "&&"}), len(words))]
    return words[1:]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A working folder that looks like a fresh clone to the examples: the bundled corpus, an empty outputs/."""
    folder = tmp_path_factory.mktemp("clone")
    (folder / "corpus").symlink_to(REPO / "corpus", target_is_directory=True)
    (folder / "outputs").mkdir()
    return folder


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    """The extract command lines already run in `clone`: the same command again would give the same outputs."""
    return set()


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize(
    "name, writes",
    [
        ("extract", ["outputs/documents.jsonl", "outputs/tables/events.parquet", "outputs/report.html"]),
        ("evaluate", []),
        ("query", []),
        (None, []),
        ("crawl", ["crawl/articles.jsonl", "crawl/fetch_log.csv"]),
    ],
)
def test_docs_help_example_runs_in_a_fresh_clone(name, writes, clone, extracted, monkeypatch, capsys):
    """Each `--help` example, run as written (extraction with `--model blank`, the crawl without its delay).

    `biwaq run`'s example is a whole Prefect run, which tests/pipelines runs through the same command line.
    """
    monkeypatch.chdir(clone)
    monkeypatch.setenv("BIWAQ_CRAWL__DELAY", "0")
    for command in (c.strip() for c in help_example(name).split("&&")):
        argv = shlex.split(command)[1:]
        if argv[0] == "extract":
            if command in extracted:
                continue
            argv += ["--model", "blank"]
            extracted.add(command)
        assert main(argv) == 0, f"`{command}` failed"
    out = capsys.readouterr().out
    for path in writes:
        assert (clone / path).stat().st_size > 0
    if name == "evaluate" or name is None:
        assert re.search(r"^events\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+", out, re.M)
    if name == "query":
        assert re.search(r"^type\s+count", out, re.M) and "workshop" in out


@pytest.mark.parametrize("page", [README])
def test_docs_readme_commands_are_make_or_biwaq_and_name_existing_files(page):
    written: set[str] = set()
    targets = re.search(r"^\.PHONY:(.*)$", (REPO / "Makefile").read_text(), re.M).group(1).split()
    for line in shell_lines(page):
        program, *rest = shlex.split(line)
        assert program in {"make", "biwaq"}, f"README runs something a user has no way to start: {line}"
        if program == "make":
            assert rest[0] in targets, line
        else:
            missing = [p for p in command_paths(line, written) if not (REPO / p).exists()]
            assert not missing, f"README's `{line}` names files a fresh clone lacks: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_docs_biwaq_command_lines_parse(page, capsys):
    for line in shell_lines(page):
        if shlex.split(line)[0].endswith("biwaq"):
            try:
                build_parser().parse_args(biwaq_argv(line))
            except SystemExit:
                pytest.fail(f"{page.name}: `{line}` is not a valid biwaq command line:\n{capsys.readouterr().err}")


@pytest.mark.parametrize("table", list(TABLES.values()), ids=lambda t: t.name)
def test_docs_tables_page_describes_every_column(table):
    text = (DOCS / "tables.md").read_text(encoding="utf-8")
    section = text.split(f"### `{table.name}`\n", 1)[1].split("\n### ", 1)[0]
    for column in table.columns:
        assert f"| `{column.name}` | {column.type} |" in section, f"docs/tables.md: {table.name}.{column.name}"
    assert all(f"`{c.name}`" in text for c in HISTORY_COLUMNS)


@pytest.mark.parametrize("limit", [200])
def test_docs_readme_is_short(limit):
    assert len(README.read_text(encoding="utf-8").splitlines()) <= limit


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_docs_speak_of_the_software_not_of_its_making(page):
    found = re.findall(r"session|issue [0-9]|design card", page.read_text(encoding="utf-8"), re.I)
    assert not found, f"{page.name}: {found}"
