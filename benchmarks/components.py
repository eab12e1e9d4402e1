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
from collections.abc import Callable
from pathlib import Path

from benchmarks.run import corpus_for

READ = "read + screen input"
MAKE_DOC = "make_doc (tokenizer)"


def tokenizer_seconds(path: Path, clock: Callable[[], float] = time.perf_counter) -> float:
    """Stage (a) of benchmarks.run: spacy.blank("de") + sentencizer over the texts."""
    import spacy

    from benchmarks.run import _texts

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    began = clock()
    for doc in nlp.pipe(_texts(path), batch_size=64):
        sum(1 for _ in doc.sents)
    return clock() - began


def component_seconds(path: Path, clock: Callable[[], float] = time.perf_counter) -> Counter:
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
    parser.add_argument("--processor-time", action="store_true",
                        help="count processor seconds instead of wall-clock (steadier on a busy machine)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    path, words = corpus_for(args.count, args.seed)
    clock = time.process_time if args.processor_time else time.perf_counter
    tokenizer = min(tokenizer_seconds(path, clock) for _ in range(args.repeat))
    passes = [component_seconds(path, clock) for _ in range(args.repeat)]
    best = Counter({name: min(p[name] for p in passes) for name in passes[0]})
    kind = "processor seconds" if args.processor_time else "seconds"
    print(f"### Extraction steps over {args.count:,} generated articles ({words:,} words), {kind}, "
          f"fastest of {args.repeat} pass(es)\n")
    print(table(best, tokenizer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
