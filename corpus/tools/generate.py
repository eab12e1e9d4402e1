"""Build the bundled site (corpus/site) and its gold records (corpus/gold) from the article files.

Each article file (corpus/articles/*.yaml) holds one article once: its page text and its gold annotation.
The page, the gold record's `text` and the listing teaser are all derived from it, so they cannot drift
apart. Every article is checked (check.py) before anything is written; files under site/ and gold/ that no
article produces are removed, so the folders hold exactly what the article files describe.

Usage:  python corpus/tools/generate.py [--out DIR] [--check-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from check import check_corpus
from pages import REPORTS_PATH, ROBOTS, blocks, de_date, de_long, listings, render, site_path, url_of

CORPUS = Path(__file__).resolve().parents[1]
ARTICLES = CORPUS / "articles"
REPORTS = CORPUS / "reports"  # PDF reports that articles link to (printed from corpus articles)
REQUIRED = ("id", "layout", "published", "slug", "title", "body", "gold")
OPTIONAL = ("teaser", "source", "caption", "tags", "related", "check", "reports")
GOLD_FIELDS = ("dates", "organisations", "programmes", "people", "locations", "events", "participant_counts")
CHECK_FIELDS = ("dup_dates", "not_dates", "org_ok", "person_org_ok")


class ArticleError(ValueError):
    """An article file that cannot be read as an article."""


def _iso(value):
    # An unquoted 2016-02-22 reads as a date in YAML; the gold format wants the ISO string either way.
    return value.isoformat() if isinstance(value, dt.date) else value


def load_article(path: Path) -> dict:
    """One article file, with its keys checked and dates as ISO strings."""
    try:
        a = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise ArticleError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(a, dict):
        raise ArticleError(f"{path.name}: an article file holds one mapping (id, title, body, gold, ...)")
    missing = [k for k in REQUIRED if k not in a]
    unknown = sorted(set(a) - set(REQUIRED) - set(OPTIONAL))
    gold = a.get("gold") if isinstance(a.get("gold"), dict) else {}
    missing += [f"gold.{k}" for k in GOLD_FIELDS if k not in gold]
    unknown += [f"gold.{k}" for k in sorted(set(gold) - set(GOLD_FIELDS))]
    if not isinstance(a.get("check") or {}, dict):
        raise ArticleError(f"{path.name}: check is a mapping ({', '.join(CHECK_FIELDS)})")
    unknown += [f"check.{k}" for k in sorted(set(a.get("check") or {}) - set(CHECK_FIELDS))]
    if missing or unknown:
        raise ArticleError(f"{path.name}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}")
    if path.stem != a["id"]:
        raise ArticleError(f"{path.name}: file name and id {a['id']!r} differ")
    if not isinstance(a["body"], list) or not a["body"] or not all(isinstance(b, str) for b in a["body"]):
        raise ArticleError(f"{path.name}: body is a list of paragraphs (strings)")
    a["check"] = a.get("check") or {}
    not_lists = [f"gold.{k}" for k in GOLD_FIELDS if not isinstance(gold[k], list)]
    not_lists += [f"check.{k}" for k, v in a["check"].items() if not isinstance(v, list)]
    if not_lists:
        raise ArticleError(f"{path.name}: not a list: {', '.join(not_lists)}")
    a["published"] = _iso(a["published"])
    for item in gold["dates"] + gold["events"]:
        if not isinstance(item, dict):
            raise ArticleError(f"{path.name}: gold dates and events are mappings, got {item!r}")
        for key in ("start", "end"):
            item[key] = _iso(item.get(key))
    return a


def load_articles(folder: Path = ARTICLES) -> list[dict]:
    """Every article file of the folder, in file-name order."""
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise ArticleError(f"no article files (*.yaml) in {folder}")
    return [load_article(p) for p in paths]


def gold_text(a: dict) -> str:
    """The article's main text as the extractor should read it off the page (what gold offsets refer to)."""
    if a["layout"] == "partner":
        return "\n\n".join([a["title"], de_long(a["published"])] + blocks(a))
    parts = [a["title"], "Datum\n" + de_date(a["published"]), a["teaser"]] + blocks(a)
    if a.get("source"):
        parts.append(a["source"])
    return "\n\n".join(parts)


def gold_record(a: dict) -> dict:
    head = {"id": a["id"], "url": url_of(a), "title": a["title"], "published": a["published"],
            "text": gold_text(a)}
    return head | {k: a["gold"][k] for k in GOLD_FIELDS}


def build(articles: list[dict]) -> dict[str, str | bytes]:
    """Every generated file, by path below the output folder."""
    files = {}
    for a in articles:
        files[f"site/{site_path(a)}"] = render(a)
        files[f"gold/{a['id']}.json"] = json.dumps(gold_record(a), ensure_ascii=False, indent=1) + "\n"
        for report in a.get("reports", []):  # linked PDF reports: copied byte for byte from corpus/reports/
            files[f"site/{REPORTS_PATH}/{report['file']}"] = (REPORTS / report["file"]).read_bytes()
    files |= {f"site/{path}": text for path, text in listings(articles).items()}
    files["site/robots.txt"] = ROBOTS
    return files


def write(files: dict[str, str | bytes], out: Path) -> tuple[int, list[Path]]:
    """Write changed files and remove the ones no article produces; (files written, files removed)."""
    written = 0
    for rel, content in files.items():
        path = out / rel
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    wanted = {out / rel for rel in files}
    stale = [p for sub in ("site", "gold") for p in sorted((out / sub).rglob("*")) if p.is_file() and p not in wanted]
    for path in stale:
        path.unlink()
    return written, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Example: python corpus/tools/generate.py --check-only")
    parser.add_argument("--out", type=Path, default=CORPUS, help="folder that receives site/ and gold/ "
                        "(default: the corpus folder itself)")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="folder of the article files")
    parser.add_argument("--check-only", action="store_true", help="check the articles, write nothing")
    args = parser.parse_args(argv)
    try:
        articles = load_articles(args.articles)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    problems = check_corpus(articles, [gold_record(a) for a in articles])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problems in {len(articles)} articles; nothing written", file=sys.stderr)
        return 1
    if args.check_only:
        print(f"{len(articles)} articles, no problems")
        return 0
    written, stale = write(build(articles), args.out)
    for path in stale:
        print(f"removed {path} (no article produces it)")
    print(f"{len(articles)} articles; {written} files written, {len(stale)} removed, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
