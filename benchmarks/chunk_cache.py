"""Processor seconds of the tokenizer (`make_doc`) with spaCy's chunk cache at several limits, and its memory.

    python -m benchmarks.chunk_cache --count 2000 --limits 5000,10000,100000

spaCy caches how it split each whitespace-free chunk up to a limit of chunks (`Tokenizer.max_cache_size`) and
splits every chunk past it with its affix rules again, each time it occurs. The texts are the generated
articles of `benchmarks.run` and any `--input` files or folders (JSON Lines, saved pages); each limit gets a
fresh tokenizer that tokenizes all texts `--passes` times, as the articles of a long run repeat words. A limit
below the texts' distinct chunks shows what a run whose vocabulary outgrows the cache pays. The memory is the
growth of the process's resident size while the cache fills (the lexemes are made beforehand, so they are not
counted).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.run import _rss_kb, corpus_for


def texts_of(paths: list[Path], count: int) -> list[str]:
    """The texts of the inputs and of `count` generated articles (none for 0)."""
    from biwaq_extract.reading.documents import read_documents

    sources = list(paths) + ([corpus_for(count, 7)[0]] if count else [])
    return [item.text for path in sources for item in read_documents(path) if hasattr(item, "text")]


def measure(texts: list[str], limit: int, passes: int) -> dict[str, float]:
    """Processor seconds of each pass of `make_doc` over the texts with a cache of `limit` chunks."""
    import spacy

    from biwaq_extract.nlp.tokenizer import bound_tokenizer

    nlp = bound_tokenizer(spacy.blank("de"))
    spacy_tokenizer = nlp.tokenizer.tokenizer
    spacy_tokenizer.max_cache_size = 0
    for text in texts:  # the lexemes, which every run makes, cache or not
        spacy_tokenizer(text)
    spacy_tokenizer.max_cache_size = limit
    before = _rss_kb()
    seconds = []
    for _ in range(passes):
        began = time.process_time()
        for text in texts:
            nlp.make_doc(text)
        seconds.append(time.process_time() - began)
    return {"seconds": seconds, "cached": len(nlp.tokenizer.warmed), "mib": (_rss_kb() - before) / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="make_doc's processor seconds with spaCy's chunk cache at several limits, and its memory.",
        epilog="example: python -m benchmarks.chunk_cache --count 2000 --limits 5000,10000,100000",
    )
    parser.add_argument("--count", type=int, default=2000, help="generated articles (default 2000; 0: none)")
    parser.add_argument("--input", type=Path, action="append", default=[],
                        help="also tokenize this JSON Lines file or folder of saved pages (repeatable)")
    parser.add_argument("--limits", default="5000,10000,100000", help="cache limits in chunks, comma-separated")
    parser.add_argument("--passes", type=int, default=2, help="passes over the texts per limit (default 2)")
    args = parser.parse_args(argv)
    limits = [int(v) for v in args.limits.split(",")]
    if args.passes < 1 or not limits or min(limits) < 0:
        parser.error("--passes must be at least 1 and --limits non-negative numbers")
    texts = texts_of(args.input, args.count)
    chunks = len({chunk for text in texts for chunk in text.split()})
    print(f"{len(texts):,} texts, {chunks:,} distinct chunks; processor seconds of make_doc per pass:\n")
    print("| cache limit | chunks cached | " + " | ".join(f"pass {i + 1} s" for i in range(args.passes))
          + " | cache MiB |")
    print("| ---: | ---: | " + " | ".join("---:" for _ in range(args.passes)) + " | ---: |")
    for limit in limits:
        got = measure(texts, limit, args.passes)
        print(f"| {limit:,} | {got['cached']:,} | " + " | ".join(f"{s:.2f}" for s in got["seconds"])
              + f" | {got['mib']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
