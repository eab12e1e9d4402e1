"""Time single documents: crafted texts (long runs of quote marks or brackets) and the slowest real ones.

Columns: `spacy` is `spacy.blank("de")` as it comes (quadratic in the length of a run without whitespace),
`bounded` the same tokenizer behind biwaq's BoundedTokenizer, `biwaq` one document through
`extract.extract_document` with the rule-only pipeline (tokenizer and every finder, in this process).

    python -m benchmarks.crafted --sizes 2500,5000,10000
    python -m benchmarks.crafted --sizes 100000,1000000 --skip-spacy   # spaCy alone would take hours
    python -m benchmarks.crafted --slowest corpus/site   # the slowest documents of an input (any `biwaq extract` reads)
"""

from __future__ import annotations

import argparse
import time
import warnings

CRAFTED = {
    "quotes": lambda n: '"' * n,
    "brackets": lambda n: "()" * (n // 2),
    "low-quotes": lambda n: "„" * n,
    "mixed": lambda n: '"(„' * (n // 3),
    "underscores": lambda n: "_" * n,
}


def _seconds(call, text: str) -> float:
    began = time.perf_counter()
    call(text)
    return time.perf_counter() - began


def slowest(nlp, inputs: list[str], top: int = 3) -> list[tuple[float, str, int]]:
    """(seconds, id, characters) of the `top` slowest documents of the inputs, one document at a time."""
    from pathlib import Path

    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import extract_document, screen
    from biwaq_extract.reading.documents import read_documents

    settings = load_settings()
    times = []
    for source in inputs:
        for item in read_documents(Path(source), settings):
            if screen(item, settings) is None:
                times.append((_seconds(lambda t: extract_document(nlp, item), item.text), item.id, len(item.text)))
    return sorted(times, reverse=True)[:top]


def main(argv: list[str] | None = None) -> None:
    import spacy

    from biwaq_extract.extract import extract_document
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.tokenizer import BoundedTokenizer
    from biwaq_extract.records import Document

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python -m benchmarks.crafted --sizes 2500,5000")
    parser.add_argument("--sizes", default="2500,5000,10000", help="characters per text, comma-separated")
    parser.add_argument("--kinds", default=",".join(CRAFTED), help=f"texts to time (default {','.join(CRAFTED)})")
    parser.add_argument("--skip-spacy", action="store_true", help="leave out spaCy's own tokenizer (slow)")
    parser.add_argument("--slowest", nargs="+", metavar="INPUT", help="print the slowest documents of these inputs")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline("blank")
    if args.slowest:
        for seconds, doc_id, chars in slowest(nlp, args.slowest):
            print(f"{seconds:8.3f} s  {chars:8} chars  {doc_id}")
        return
    nlp.max_length = 10**9
    print(f"{'text':12} {'chars':>9} {'spacy s':>9} {'bounded s':>10} {'biwaq s':>9}", flush=True)
    for kind in args.kinds.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            text = CRAFTED[kind](size)
            # A fresh tokenizer for each measurement: spaCy caches the pieces of texts it has seen.
            plain = "-" if args.skip_spacy else f"{_seconds(spacy.blank('de').tokenizer, text):.3f}"
            bounded = _seconds(BoundedTokenizer(spacy.blank("de").tokenizer), text)
            ours = _seconds(lambda t: extract_document(nlp, Document(kind, t)), text)
            print(f"{kind:12} {len(text):9} {plain:>9} {bounded:10.3f} {ours:9.3f}", flush=True)


if __name__ == "__main__":
    main()
