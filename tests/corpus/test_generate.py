"""The corpus generator: article files in, the committed site pages and gold records out, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

CORPUS = REPO / "corpus"
GENERATOR = CORPUS / "tools" / "generate.py"


def run_generator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=120)


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("sub", ["site", "gold"])
def test_generate_reproduces_committed_files(tmp_path, sub):
    result = run_generator("--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    generated, committed = files_below(tmp_path / sub), files_below(CORPUS / sub)
    assert sorted(generated) == sorted(committed), "generated and committed files differ in name"
    changed = [name for name in committed if generated[name] != committed[name]]
    assert not changed, f"run `python corpus/tools/generate.py` and commit: {changed[:5]}"


@pytest.mark.parametrize("old, new, message", [
    ("aliases: [Bundesverwaltungsamt, BVA]", "aliases: [Bundesverwaltungsamtes, BVA]",
     "corpus-001: alias not in text: 'Bundesverwaltungsamtes'"),
    ("- {text: bis zu 60 Personen, count: 60,", "- {text: bis zu 60 Personen, count: 50,",
     "corpus-001: count 50 does not match its text 'bis zu 60 Personen'"),
    ("- {text: Ende Juni,", "- {text: Ende Juli,", "corpus-001: date text not in text: 'Ende Juli'"),
    ("locations: [Köln]", "locations: [Köln]\n  towns: [Köln]", "corpus-001.yaml: missing nothing, unknown ['gold.towns']"),
    ("slug: aufruf_rueckenwind", "slug: [aufruf", "corpus-001.yaml: not valid YAML"),
    ("- {text: bis zu 60 Personen, count: 60, qualifier: max, who: Personen}", "- {text: bis zu 60 Personen}",
     "corpus-001: malformed gold entry (KeyError: 'who')"),
    ("programmes: [rückenwind, ESF]", "programmes: rückenwind", "corpus-001.yaml: not a list: gold.programmes"),
])
def test_generate_rejects_inconsistent_article(tmp_path, old, new, message):
    articles = tmp_path / "articles"
    shutil.copytree(CORPUS / "articles", articles)
    path = articles / "corpus-001.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    result = run_generator("--articles", str(articles), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert message in result.stderr
    assert not (tmp_path / "out").exists(), "nothing is written while an article has a problem"


@pytest.mark.parametrize("stray", ["site/portal/SharedDocs/Meldungen/DE/2016/2016_01_01_umbenannt.html",
                                   "gold/corpus-999.json"])
def test_generate_removes_files_no_article_produces(tmp_path, stray):
    (tmp_path / stray).parent.mkdir(parents=True)
    (tmp_path / stray).write_text("<html></html>", "utf-8")
    result = run_generator("--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / stray).exists()
    assert "1 removed" in result.stdout
