"""Score the date finder (and the dateparser.search_dates baseline) against gold JSONL or JSON files.

Example:
    .venv/bin/python scripts/eval_dates.py ../shared/eval/dev.jsonl --errors
    .venv/bin/python scripts/eval_dates.py corpus/gold/*.json

Scoring follows docs/gold-format.md: per article the set of (start, end) ISO pairs, micro-averaged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

DEFAULT_GOLD = "../shared/eval/dev.jsonl"
# Run from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def read_gold(paths: list[str]) -> list[dict]:
    """Records from .jsonl files (one per line) and .json files (one object, or a list)."""
    out: list[dict] = []
    for name in paths:
        path = Path(name)
        text = path.read_text("utf-8")
        if path.suffix == ".jsonl":
            out.extend(json.loads(line) for line in text.splitlines() if line.strip())
        else:
            data = json.loads(text)
            out.extend(data if isinstance(data, list) else [data])
    return out


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def dates_pipeline():
    """spaCy blank German with sentence boundaries and the date component only (no model needed).

    Only the date component is added so that this score does not depend on the other finders.
    """
    import spacy

    from biwaq_extract.nlp import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("biwaq_line_breaks")
    nlp.add_pipe("biwaq_dates")
    nlp.max_length = 10_000_000
    return nlp


def run_dates(records: list[dict]) -> list[tuple]:
    """The DateMentions of each record."""
    nlp = dates_pipeline()
    found = []
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        doc._.published = _date(rec.get("published"))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        found.append(doc._.dates)
    return found


def baseline(records: list[dict]) -> list[set[tuple[str, str]]]:
    """dateparser.search_dates over the whole text: every hit is a one-day interval."""
    from dateparser.search import search_dates

    found = []
    for rec in records:
        hits = search_dates(rec["text"], languages=["de"], settings={"DATE_ORDER": "DMY"}) or []
        found.append({(d.date().isoformat(), d.date().isoformat()) for _, d in hits})
    return found


def score(gold: list[set], predicted: list[set]) -> tuple[float, float, float, int, int, int]:
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, n_pred, n_gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", default=[DEFAULT_GOLD], help="gold .jsonl/.json files")
    parser.add_argument("--errors", action="store_true", help="print false positives and negatives")
    parser.add_argument("--no-baseline", action="store_true", help="skip the slow dateparser baseline")
    args = parser.parse_args(argv)
    records = read_gold(args.gold)
    gold = [{(d["start"], d["end"]) for d in rec.get("dates", [])} for rec in records]
    mentions = run_dates(records)
    predicted = [{(m.start.isoformat(), m.end.isoformat()) for m in ms} for ms in mentions]
    p, r, f, tp, n_pred, n_gold = score(gold, predicted)
    print(f"documents: {len(records)}")
    print(f"biwaq dates     P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} predicted={n_pred} gold={n_gold})")
    if not args.no_baseline:
        bp, br, bf, btp, bn, _ = score(gold, baseline(records))
        print(f"dateparser base P={bp:.3f} R={br:.3f} F1={bf:.3f}  (tp={btp} predicted={bn} gold={n_gold})")
    if args.errors:
        for rec, g, pset, ms in zip(records, gold, predicted, mentions):
            if g == pset:
                continue
            print(f"\n== {rec.get('id')} published {rec.get('published')}")
            for pair in sorted(g - pset):
                surface = [d["text"] for d in rec["dates"] if (d["start"], d["end"]) == pair]
                print(f"  missed   {pair} {surface}")
            for pair in sorted(pset - g):
                surface = [(m.text, m.rule) for m in ms if (m.start.isoformat(), m.end.isoformat()) == pair]
                print(f"  spurious {pair} {surface}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
