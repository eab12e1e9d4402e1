"""Score the organisation and programme finders on a gold file (default: the shared dev set).

Runs the rule-only (blank) German pipeline, builds the per-document view exactly as `biwaq extract` does and
scores it with biwaq_extract.evaluate; prints P/R/F1 for `organisations` and `programmes` and, with
--errors (default on), every missed gold item and every spurious prediction.

Example:
    .venv/bin/python scripts/eval_orgs.py ../shared/eval/dev.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path

from biwaq_extract.dataset.document_view import document_view
from biwaq_extract.evaluate import _org_keys, evaluate, fold, load_records
from biwaq_extract.nlp.model import load_pipeline
from biwaq_extract.records import Document, DocumentResult

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
NEEDED = ("sentencizer", "biwaq_line_breaks", "biwaq_organisations", "biwaq_programmes")


def predict(gold: dict[str, dict], model: str = "blank") -> dict[str, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, _ = load_pipeline(model)
    views = {}
    for doc_id, g in gold.items():
        published = dt.date.fromisoformat(g["published"]) if g.get("published") else None
        doc = nlp.make_doc(g["text"])
        doc._.published = published
        for name, proc in nlp.pipeline:
            if name in NEEDED or name not in {p for p in nlp.pipe_names if p.startswith("biwaq_")}:
                doc = proc(doc)
        document = Document(id=doc_id, text=g["text"], title=g.get("title"), published=published)
        result = DocumentResult(document=document, organisations=doc._.organisations, programmes=doc._.programmes)
        views[doc_id] = document_view(result)
    return views


def print_errors(gold: dict[str, dict], pred: dict[str, dict]) -> None:
    for doc_id, g in gold.items():
        p = pred[doc_id]
        gold_orgs, pred_orgs = g.get("organisations") or [], p["organisations"]
        used: set[int] = set()
        lines = []
        for go in gold_orgs:
            keys = {fold(a) for a in go.get("aliases") or []} | {fold(go.get("acronym"))}
            keys.discard("")
            hit = next((i for i, po in enumerate(pred_orgs) if i not in used and keys & _org_keys(po)), None)
            if hit is None:
                lines.append(f"  ORG MISS  {go['name']} ({go.get('acronym')}) {go.get('aliases')}")
            else:
                used.add(hit)
        for i, po in enumerate(pred_orgs):
            if i not in used:
                lines.append(f"  ORG FP    {po['name']} ({po.get('acronym')}) {po['aliases']}")
        gp = {fold(x): x for x in g.get("programmes") or []}
        pp = {fold(x): x for x in p["programmes"]}
        lines += [f"  PROG MISS {gp[k]}" for k in gp.keys() - pp.keys()]
        lines += [f"  PROG FP   {pp[k]}" for k in pp.keys() - gp.keys()]
        if lines:
            print(doc_id)
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="gold JSON Lines file")
    parser.add_argument("--model", default="blank", help='spaCy model or "blank" (default)')
    parser.add_argument("--no-errors", action="store_true", help="print only the scores")
    args = parser.parse_args(argv)
    gold = load_records(args.gold)
    pred = predict(gold, args.model)
    scores = evaluate(gold, pred)
    if not args.no_errors:
        print_errors(gold, pred)
    fields = scores.get("fields", scores)
    for name in ("organisations", "programmes"):
        s = fields[name]
        print(f"{name:14s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(tp={s['tp']} pred={s['pred']} gold={s['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
