"""Generate N varied German newsletter articles from the bundled gold corpus, streamed to a JSON Lines file.

Each article takes a title and a date line from one corpus article and 3-8 body paragraphs drawn from any
articles, then varies them deterministically from the seed: days, months and years move, numbers are
rescaled, and places are swapped for others of the gazetteer-known cities. Texts stay realistic German
newsletter prose (the finders fire as on real articles) without being identical copies, so nothing in
spaCy or in our code can short-cut repeated input. Articles are written one at a time: memory stays flat
for any N.

    python -m benchmarks.make_corpus --count 2000 --output outputs/bench/corpus-2000.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "corpus" / "gold"

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
# Cities that occur in the corpus and in biwaq's place data, so swapped places are still recognised.
CITIES = ("Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Essen", "Dortmund", "Bremen", "Hannover",
          "Nürnberg", "Stuttgart", "Frankfurt am Main", "Bonn", "Kassel", "Rostock", "Magdeburg", "Erfurt",
          "Gelsenkirchen", "Bochum", "Kiel", "Halle", "Potsdam", "Mannheim", "Düsseldorf")
_CITY = re.compile(r"\b(" + "|".join(re.escape(c) for c in CITIES) + r")\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\. (" + "|".join(MONTHS) + r")\b")
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
_NUMBER = re.compile(r"(?<![\d.])(\d{2,3})(?![\d.])")


def load_articles(gold: Path = GOLD) -> list[dict]:
    """The gold articles' id, title, published and text, sorted by file name."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(gold.glob("*.json"))]


def _paragraphs(text: str) -> tuple[list[str], list[str]]:
    """(head, body): the title and date line, then the body paragraphs."""
    parts = [p for p in text.split("\n\n") if p.strip()]
    head = parts[:2] if len(parts) > 2 and parts[1].startswith("Datum") else parts[:1]
    return head, parts[len(head):]


def vary(text: str, rng: random.Random, year_shift: int) -> str:
    """Move dates and years by the article's shift, rescale two- and three-digit numbers, swap cities.

    >>> vary("Am 12. Mai 2022 kamen 120 Gäste nach Leipzig.", random.Random(1), 1)  # doctest: +SKIP
    'Am 9. Mai 2023 kamen 96 Gäste nach Bochum.'
    """
    def numeric(m: re.Match) -> str:
        day = min(28, max(1, int(m.group(1)) + rng.randint(-3, 3)))
        return f"{day:02d}.{m.group(2)}.{int(m.group(3)) + year_shift}"

    def day_month(m: re.Match) -> str:
        return f"{min(28, max(1, int(m.group(1)) + rng.randint(-3, 3)))}. {m.group(2)}"

    text = _NUMERIC_DATE.sub(numeric, text)
    text = _DAY_MONTH.sub(day_month, text)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    text = _NUMBER.sub(lambda m: str(max(10, round(int(m.group(1)) * rng.uniform(0.6, 1.6)))), text)
    swap = {c: rng.choice(CITIES) for c in CITIES}
    return _CITY.sub(lambda m: swap[m.group(1)], text)


def generate(count: int, seed: int = 7, articles: list[dict] | None = None) -> Iterator[dict]:
    """`count` articles, the same for the same seed and corpus."""
    articles = articles or load_articles()
    split = [_paragraphs(a["text"]) for a in articles]
    pool = [p for _, body in split for p in body]
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        k = rng.randrange(len(articles))
        source, (head, body) = articles[k], split[k]
        # keep the article's own lead (it names the event), then paragraphs from anywhere
        chosen = body[:1] + rng.sample(pool, min(len(pool), rng.randint(2, 7)))
        shift = rng.randint(-3, 3)
        text = vary("\n\n".join(head + chosen), rng, shift)
        published = source.get("published")
        if published:
            year = int(published[:4]) + shift
            published = f"{year}{published[4:]}"
        yield {
            "id": f"bench-{i:06d}",
            "url": f"https://example.invalid/bench/{i:06d}.html",
            "title": text.split("\n", 1)[0],
            "published": published,
            "text": text,
        }


def write_corpus(count: int, output: Path, seed: int = 7) -> tuple[int, int]:
    """Stream the articles to `output`; return (documents, whitespace-separated words)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    words = 0
    tmp = output.with_name(output.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for n, article in enumerate(generate(count, seed), 1):
            words += len(article["text"].split())
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    tmp.replace(output)
    return n if count else 0, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python -m benchmarks.make_corpus --count 2000 --output outputs/bench/corpus-2000.jsonl",
    )
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--output", type=Path, required=True, help="JSON Lines file to write")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same corpus (default 7)")
    args = parser.parse_args(argv)
    docs, words = write_corpus(args.count, args.output, args.seed)
    print(f"{args.output}: {docs} articles, {words} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
