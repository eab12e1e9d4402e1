"""Score the people and places finders on a gold file with the blank (rule-only) German pipeline.

Example:
    .venv/bin/python scripts/eval_people_places.py ../shared/eval/dev.jsonl --errors
    .venv/bin/python scripts/eval_people_places.py dev.jsonl --gold-orgs   # isolate from the org finder

--gold-orgs replaces doc._.organisations by the gold organisations' aliases found in the text, so the
figures show this finder's own errors while the organisation finder is unfinished or wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from biwaq_extract.dataset.document_view import document_view  # noqa: E402
from biwaq_extract.evaluate import _prf, fold, load_records, strip_titles  # noqa: E402
from biwaq_extract.nlp.model import load_pipeline  # noqa: E402
from biwaq_extract.records import Document, DocumentResult, OrgMention  # noqa: E402


def _gold_orgs(text: str, gold: dict) -> tuple[OrgMention, ...]:
    mentions = []
    for org in gold.get("organisations") or ():
        org_id = (org.get("acronym") or org["name"]).lower()
        for alias in sorted(set(org.get("aliases") or ()) | {org["name"]}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
                if any(m.start() < o.end_char and o.start_char < m.end() for o in mentions):
                    continue
                mentions.append(OrgMention(m.group(), m.start(), m.end(), org_id, org["name"], org.get("acronym"), "gold"))
    return tuple(sorted(mentions, key=lambda o: o.start_char))


def _run(nlp, text: str, gold: dict, use_gold_orgs: bool):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "biwaq_organisations" and use_gold_orgs:
            doc._.organisations = _gold_orgs(text, gold)
    return doc


def _org_ok(gold_person: dict, pred_person: dict, gold_doc: dict) -> bool:
    """Strict as `biwaq evaluate` (folded equality), or any name/alias/acronym of that gold organisation."""
    g, p = fold(gold_person.get("organisation")), fold(pred_person.get("organisation"))
    if g == p:
        return True
    for org in gold_doc.get("organisations") or ():
        keys = {fold(org.get("name")), fold(org.get("acronym"))} | {fold(a) for a in org.get("aliases") or ()}
        if g in keys and p in keys:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, nargs="?", default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--gold-orgs", action="store_true", help="use gold organisations instead of the finder's")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    nlp, _ = load_pipeline("blank")
    print(f"pipeline loaded in {time.perf_counter() - started:.2f} s")
    golds = load_records(args.gold)
    people = [0, 0, 0]
    places = [0, 0, 0]
    role = [0, 0]
    org = [0, 0]
    org_strict = [0, 0]
    errors: list[str] = []
    for doc_id, gold in golds.items():
        doc = _run(nlp, gold["text"], gold, args.gold_orgs)
        view = document_view(DocumentResult(
            document=Document(id=doc_id, text=gold["text"]), people=doc._.people, places=doc._.places,
        ))
        gold_people = {fold(strip_titles(p["name"])): p for p in gold.get("people") or ()}
        pred_people = {fold(strip_titles(p["name"])): p for p in view["people"]}
        for key in gold_people.keys() - pred_people.keys():
            errors.append(f"{doc_id} person FN  {gold_people[key]['name']!r}")
        for key in pred_people.keys() - gold_people.keys():
            errors.append(f"{doc_id} person FP  {pred_people[key]['name']!r}")
        for key in gold_people.keys() & pred_people.keys():
            g, p = gold_people[key], pred_people[key]
            role[1] += 1
            org[1] += 1
            org_strict[1] += 1
            role[0] += fold(g.get("role")) == fold(p.get("role"))
            org[0] += _org_ok(g, p, gold)
            org_strict[0] += fold(g.get("organisation")) == fold(p.get("organisation"))
            if fold(g.get("role")) != fold(p.get("role")):
                errors.append(f"{doc_id} role {g['name']!r}: gold {g.get('role')!r} pred {p.get('role')!r}")
            if not _org_ok(g, p, gold):
                errors.append(f"{doc_id} org  {g['name']!r}: gold {g.get('organisation')!r} pred {p.get('organisation')!r}")
        people[0] += len(gold_people.keys() & pred_people.keys())
        people[1] += len(pred_people)
        people[2] += len(gold_people)
        gold_places = {fold(n) for n in gold.get("locations") or ()}
        pred_places = {fold(n) for n in view["locations"]}
        places[0] += len(gold_places & pred_places)
        places[1] += len(pred_places)
        places[2] += len(gold_places)
        errors += [f"{doc_id} place FN  {n!r}" for n in sorted(gold_places - pred_places)]
        for mention in doc._.places:
            if fold(mention.name) not in gold_places:
                errors.append(f"{doc_id} place FP  {mention.name!r} ({mention.rule}) in {mention.sentence[:90]!r}")

    for label, counts in (("people", people), ("locations", places)):
        s = _prf(*counts)
        print(f"{label:10s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"(tp {s['tp']}, pred {s['pred']}, gold {s['gold']})")
    for label, (ok, n) in (("role", role), ("org", org), ("org strict", org_strict)):
        print(f"{label:10s} accuracy {ok / n if n else 0:.3f} over {n} matched people")
    print(f"total time {time.perf_counter() - started:.2f} s")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
