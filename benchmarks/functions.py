"""Processor seconds spent inside chosen finder functions while the pipeline runs over N generated articles.

    python -m benchmarks.functions --count 2000 --repeat 3 biwaq_extract.nlp.dates.roles:cue_role

A finder's profile is flat, so a change to one function is lost in the noise of whole runs; this times the
function itself, in the pipeline (its inputs and the state of the process as in a run). Each name
`module:function` (or `module:Class.method`) is wrapped wherever the finders' modules refer to it; each
pass runs in a process of its own, loads the pipeline, tokenizes the articles and then runs the finder
components over them, and the fewest seconds of `--repeat` passes count. The garbage collector is off while the components run: a
run frees each Doc before the next, these passes keep them all, and would otherwise time collections a run
never makes. Wrapping adds about a microsecond a call.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable

from benchmarks.run import corpus_for


def _wrap(name: str, function: Callable, seconds: Counter, calls: Counter) -> Callable:
    clock = time.process_time

    def timed(*args, **kwargs):
        began = clock()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += clock() - began
            calls[name] += 1

    return timed


def instrument(names: list[str], seconds: Counter, calls: Counter) -> Callable[[], None]:
    """Replace each named function by a timed one, in its module and wherever biwaq's modules imported it;
    returns what puts the originals back."""
    undo: list[tuple[object, str, object]] = []
    for name in names:
        module_name, _, qualified = name.partition(":")
        module = importlib.import_module(module_name)
        if "." in qualified:
            cls_name, method = qualified.split(".", 1)
            cls = getattr(module, cls_name)
            undo.append((cls, method, vars(cls)[method]))
            setattr(cls, method, _wrap(name, getattr(cls, method), seconds, calls))
            continue
        original = getattr(module, qualified)
        timed = _wrap(name, original, seconds, calls)
        for loaded in list(sys.modules.values()):
            if loaded is not None and getattr(loaded, "__name__", "").startswith("biwaq_extract"):
                for attr, value in list(vars(loaded).items()):
                    if value is original:
                        undo.append((loaded, attr, original))
                        setattr(loaded, attr, timed)

    def restore() -> None:
        for owner, attr, value in reversed(undo):
            setattr(owner, attr, value)

    return restore


def function_seconds(path, names: list[str]) -> tuple[Counter, Counter]:
    """(seconds, calls) per named function over one pass of the finder components on the articles in `path`."""
    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import screen
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.token_view import keep_source_text
    from biwaq_extract.reading.documents import read_documents

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline("blank")
    settings = load_settings(None)
    before = [(n, c) for n, c in nlp.pipeline if n in ("sentencizer", "biwaq_line_breaks")]
    finders = [c for n, c in nlp.pipeline if (n, c) not in before]
    docs = []
    for item in read_documents(path):
        if screen(item, settings) is None:
            doc = keep_source_text(nlp.make_doc(item.text), item.text)
            doc._.published = item.published
            for _, component in before:
                doc = component(doc)
            docs.append(doc)
    seconds: Counter = Counter()
    calls: Counter = Counter()
    restore = instrument(names, seconds, calls)
    gc.disable()
    try:
        for doc in docs:
            for component in finders:
                component(doc)
    finally:
        gc.enable()
        restore()
    return seconds, calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Processor seconds inside chosen finder functions, in the pipeline, over generated articles.",
        epilog="example: python -m benchmarks.functions --count 2000 --repeat 3 biwaq_extract.nlp.dates.roles:cue_role",
    )
    parser.add_argument("names", nargs="+", help="module:function or module:Class.method")
    parser.add_argument("--count", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="passes, each in a process of its own; the fewest seconds count (default 3)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7, as benchmarks.run)")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)  # one pass, tab-separated
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    path, _ = corpus_for(args.count, args.seed)
    if args.raw:
        seconds, calls = function_seconds(path, args.names)
        for name in args.names:
            print(f"{name}\t{seconds[name]}\t{calls[name]}")
        return 0
    # (a wrapped function stays wrapped: each pass runs in a fresh process)
    command = [sys.executable, "-m", "benchmarks.functions", "--raw", "--count", str(args.count), "--seed",
               str(args.seed), *args.names]
    passes = []
    for _ in range(args.repeat):
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        passes.append({n: (float(s), int(c)) for n, s, c in (line.split("\t") for line in out.splitlines())})
    print(f"{args.count:,} generated articles, processor seconds inside each function, fewest of {args.repeat}:\n")
    print("| function | seconds | calls |")
    print("| --- | ---: | ---: |")
    for name in args.names:
        seconds, calls = min(p[name] for p in passes)
        print(f"| {name} | {seconds:.3f} | {calls:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
