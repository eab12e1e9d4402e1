"""Where the extraction's time goes: seconds per pipeline component over N generated articles.

    python -m benchmarks.components --count 2000 --repeat 3

Runs what `extract.process` runs, one document at a time, timing each step on its own: reading and screening
the input, `make_doc` (the tokenizer), then every pipeline component in order. The bare tokenizer of
`benchmarks.run` (stage a) is timed in the same process as the baseline the ratios are against. The fastest of
`--repeat` passes counts, per step (noise only adds time); each pass uses a freshly loaded pipeline, so
first-use costs count as they do in a run.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from benchmarks.run import corpus_for

READ = "read + screen input"
MAKE_DOC = "make_doc (tokenizer)"


def tokenizer_seconds(path: Path) -> float:
    """Stage (a) of benchmarks.run: spacy.blank("de") + sentencizer over the texts."""
    from benchmarks.run import _stage_tokenizer

    return _stage_tokenizer(path, path.parent)["seconds"]


def component_seconds(path: Path) -> Counter:
    """Seconds per step for one pass over the articles in `path` with a freshly loaded rule-only pipeline."""
    from biwaq_extract.config import load_settings
    from biwaq_extract.reading.documents import read_documents
    from biwaq_extract.extract import screen
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.token_view import keep_source_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline("blank")
    settings = load_settings(None)
    seconds: Counter = Counter()
    clock = time.perf_counter
    items = iter(read_documents(path))
    while True:
        began = clock()
        item = next(items, None)
        if item is None:
            break
        failed = screen(item, settings)
        seconds[READ] += clock() - began
        if failed is not None:
            continue
        began = clock()
        doc = keep_source_text(nlp.make_doc(item.text), item.text)
        doc._.published = item.published
        seconds[MAKE_DOC] += clock() - began
        for name, component in nlp.pipeline:
            began = clock()
            doc = component(doc)
            seconds[name] += clock() - began
    return seconds


def table(best: Counter, tokenizer: float) -> str:
    total = sum(best.values())
    lines = [
        "| step | seconds | share | x tokenizer (a) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, s in best.items():
        lines.append(f"| {name} | {s:.2f} | {s / total:.0%} | {s / tokenizer:.2f} |")
    lines.append(f"| **all steps** | **{total:.2f}** | 100% | **{total / tokenizer:.2f}** |")
    lines.append(f"| (a) bare tokenizer + sentencizer, same process | {tokenizer:.2f} | | 1.00 |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Seconds per extraction step (reading, tokenizer, each component) over generated articles.",
        epilog="example: python -m benchmarks.components --count 2000 --repeat 3",
    )
    parser.add_argument("--count", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest per step counts (default 1)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7, as benchmarks.run)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    path, words = corpus_for(args.count, args.seed)
    tokenizer = min(tokenizer_seconds(path) for _ in range(args.repeat))
    passes = [component_seconds(path) for _ in range(args.repeat)]
    best = Counter({name: min(p[name] for p in passes) for name in passes[0]})
    print(f"### Extraction steps over {args.count:,} generated articles ({words:,} words), "
          f"fastest of {args.repeat} pass(es)\n")
    print(table(best, tokenizer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
