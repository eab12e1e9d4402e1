"""Processor seconds of the bare tokenizer and of the extraction, in-process and in the time-bounded worker.

    python -m benchmarks.cpu --count 2000 --repeat 3

Wall-clock time on a shared 2-core machine says more about the other jobs than about the code: the `extract`
stage of `benchmarks.run` runs in two processes (the run reads and writes while its worker does the NLP), and
both wait for the processor whenever others use it. Processor time (user + system, the worker's included)
counts only the work done, so it compares versions of the code and the worker's cost on a busy machine. Each
pass extracts every article twice, with `[extract] max_seconds_per_document = 0` (in this process) and with
the shipped budget (the worker); the fewest seconds of `--repeat` passes count, per measurement.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import warnings
from pathlib import Path

from benchmarks.run import _texts, corpus_for


def cpu_seconds() -> float:
    """User and system seconds of this process and of its ended children (the worker, once stopped)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(path: Path, repeat: int) -> dict[str, float]:
    """The fewest processor seconds of `repeat` passes: tokenizer (a), extraction in-process, with the worker."""
    import spacy

    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import process
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.reading.documents import read_documents

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline("blank")
    bounded = load_settings(None)
    in_process = copy.deepcopy(bounded)
    in_process["extract"]["max_seconds_per_document"] = 0
    best: dict[str, float] = {}
    for _ in range(repeat):
        bare = spacy.blank("de")
        bare.add_pipe("sentencizer")
        began = cpu_seconds()
        for doc in bare.pipe(_texts(path), batch_size=64):
            sum(1 for _ in doc.sents)
        seconds = {"tokenizer": cpu_seconds() - began}
        for name, settings in (("in-process", in_process), ("worker", bounded)):
            began = cpu_seconds()
            for _ in process(nlp, read_documents(path), settings):
                pass
            seconds[name] = cpu_seconds() - began
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Processor seconds of the tokenizer and of the extraction, in-process and in the worker.",
        epilog="example: python -m benchmarks.cpu --count 2000 --repeat 3",
    )
    parser.add_argument("--count", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fewest seconds count (default 3)")
    args = parser.parse_args(argv)
    path, words = corpus_for(args.count, 7)
    best = measure(path, args.repeat)
    tokenizer = best["tokenizer"]
    print(f"{args.count:,} articles ({words:,} words), processor seconds, fewest of {args.repeat}:")
    print("| measurement | seconds | x tokenizer |\n| --- | ---: | ---: |")
    for name, seconds in best.items():
        print(f"| {name} | {seconds:.2f} | {seconds / tokenizer:.2f} |")
    print(f"the worker's cost: {best['worker'] / best['in-process'] - 1:+.0%} processor time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
