"""The organisation gazetteer's look-up two ways: its phrase trie over the text's pieces, and spaCy's PhraseMatcher.

    python -m benchmarks.phrase_matcher --count 2000 --repeat 3

The organisation and programme finders match names over the text's pieces (words and single punctuation
marks, whitespace ignored: "e. V." is "e.V.", a name broken over two lines is one name), not over spaCy's
tokens ("ESF-Programm" and "e.V." are one token each). A PhraseMatcher that finds the same names needs a Doc
of those pieces; this prints the seconds of each part over N generated articles, fewest of `--repeat`:
splitting the pieces (both ways need it), the trie walk, building a Doc of the pieces, and the PhraseMatcher
over it. Both find the same (start, end, name) matches, which it checks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings

from benchmarks.run import corpus_for


def _phrases(trie) -> list[tuple[str, ...]]:
    """Every phrase of a PhraseTrie, as its pieces."""
    found, stack = [], [(trie.root, ())]
    while stack:
        node, path = stack.pop()
        for key, child in node.items():
            if key is trie._END:
                found.append(path)
            else:
                stack.append((child, (*path, key)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The organisation gazetteer look-up: phrase trie against PhraseMatcher.",
                                     epilog="example: python -m benchmarks.phrase_matcher --count 2000 --repeat 3")
    parser.add_argument("--count", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fewest seconds count (default 3)")
    args = parser.parse_args(argv)

    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.organisations.resources import load_resources
    from biwaq_extract.nlp.text_helpers import Pieces

    path, _ = corpus_for(args.count, 7)
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline("blank")
    trie = load_resources().trie
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for phrase in _phrases(trie):
        matcher.add(" ".join(phrase), [Doc(nlp.vocab, words=list(phrase))])

    best: dict[str, float] = {}
    for _ in range(args.repeat):
        seconds, clock = {}, time.perf_counter
        began = clock()
        pieces = [Pieces(text) for text in texts]
        seconds["split into pieces (both)"] = clock() - began
        began = clock()
        walked = [{(i, j) for i in trie.starts(p) for j, _ in trie.matches_at(p.words, i)} for p in pieces]
        seconds["trie walk"] = clock() - began
        began = clock()
        docs = [Doc(nlp.vocab, words=p.words) for p in pieces]
        seconds["Doc of the pieces"] = clock() - began
        began = clock()
        matched = [{(s, e) for _, s, e in matcher(doc)} for doc in docs]
        seconds["PhraseMatcher"] = clock() - began
        if walked != matched:
            raise SystemExit("the trie and the PhraseMatcher found different names")
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    print(f"{args.count:,} articles, seconds, fewest of {args.repeat}:")
    for name, value in best.items():
        print(f"  {name:26} {value:.3f}")
    print(f"  trie: {best['trie walk']:.3f} s; PhraseMatcher with its Doc: "
          f"{best['Doc of the pieces'] + best['PhraseMatcher']:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
