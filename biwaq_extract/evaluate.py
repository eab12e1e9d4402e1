"""Score predicted document views against gold annotations, field by field, as docs/gold-format.md describes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from biwaq_extract.errors import InputError

FIELDS = ("dates", "organisations", "programmes", "people", "locations", "events", "participant_counts")
_TITLES = re.compile(r"^(?:(?:Prof|Dr|Dipl|Ing|med|rer|nat|phil|h\.\s?c)\.?(?:-\w+\.?)?\s+)+", re.I)


def fold(text: Any) -> str:
    """Case and whitespace folded comparison key."""
    return " ".join(str(text or "").split()).casefold()


def strip_titles(name: str) -> str:
    return _TITLES.sub("", " ".join(str(name or "").split()))


def load_records(path: Path) -> dict[str, dict]:
    """Read a JSON Lines file, or a folder of one-object .json files, keyed by id."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found: {path}")
    records: list[dict] = []
    try:
        if path.is_dir():
            records = [json.loads(p.read_text("utf-8")) for p in sorted(path.glob("*.json"))]
        else:
            with path.open(encoding="utf-8") as fh:
                records = [json.loads(line) for line in fh if line.strip()]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON Lines: {exc}") from exc
    return {str(r.get("id")): r for r in records}


# --- matchers: each returns (true positives, predicted count, gold count) for one document ---------------

def _url_key(url: Any) -> str | None:
    """A URL without scheme, session parts (";jsessionid=…"), query and fragment."""
    if not url:
        return None
    text = str(url).split("#")[0].split("?")[0].split(";")[0]
    return text.split("://", 1)[-1].lower().rstrip("/")


def _set_counts(gold: set, pred: set) -> tuple[int, int, int]:
    return len(gold & pred), len(pred), len(gold)


def _dates(gold: list, pred: list) -> tuple[int, int, int]:
    return _set_counts({(d.get("start"), d.get("end")) for d in gold}, {(d.get("start"), d.get("end")) for d in pred})


def _names(gold: list, pred: list) -> tuple[int, int, int]:
    return _set_counts({fold(n) for n in gold}, {fold(n) for n in pred})


def _org_keys(org: dict) -> set[str]:
    keys = {fold(a) for a in org.get("aliases") or []}
    keys |= {fold(org.get("name")), fold(org.get("acronym"))}
    keys.discard("")
    return keys


def _greedy(gold: list, pred: list, same: Callable[[dict, dict], bool]) -> list[tuple[dict, dict]]:
    """One-to-one matching, in order: each gold item takes the first unused prediction that matches."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _orgs(gold: list, pred: list) -> tuple[int, int, int]:
    def same(g: dict, p: dict) -> bool:
        gold_keys = {fold(a) for a in g.get("aliases") or []} | {fold(g.get("acronym"))}
        gold_keys.discard("")
        return bool(gold_keys & _org_keys(p))

    return len(_greedy(gold, pred, same)), len(pred), len(gold)


def _person_key(p: dict) -> str:
    return fold(strip_titles(p.get("name") or ""))


def _people_pairs(gold: list, pred: list) -> list[tuple[dict, dict]]:
    return _greedy(gold, pred, lambda g, p: _person_key(g) == _person_key(p))


def _same_event_place(gold: dict, pred: dict) -> bool:
    """Same town (both unknown counts as same), or the predicted location is the gold event's venue."""
    location = fold(pred.get("location"))
    if location == fold(gold.get("location")):
        return True
    return bool(location) and location == fold(gold.get("venue"))


def _event_pairs(gold: list, pred: list) -> list[tuple[dict, dict]]:
    return _greedy(gold, pred, lambda g, p: g.get("start") == p.get("start") and _same_event_place(g, p))


def _counts(gold: list, pred: list) -> tuple[int, int, int]:
    return _set_counts({(c.get("count"), c.get("qualifier")) for c in gold}, {(c.get("count"), c.get("qualifier")) for c in pred})


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def _org_same(gold_org: Any, pred_org: Any) -> bool:
    return fold(gold_org) == fold(pred_org)


def _items(record: dict, field: str) -> list:
    """The list a document holds under `field` (an empty list when it has none)."""
    return record.get(field) or []


def _document_counts(g: dict, p: dict) -> tuple[dict[str, tuple[int, int, int]], list, list]:
    """One document's (true positives, predicted, gold) per field, with its matched people and events."""
    people_pairs = _people_pairs(_items(g, "people"), _items(p, "people"))
    event_pairs = _event_pairs(_items(g, "events"), _items(p, "events"))
    per_field = {
        "dates": _dates(_items(g, "dates"), _items(p, "dates")),
        "organisations": _orgs(_items(g, "organisations"), _items(p, "organisations")),
        "programmes": _names(_items(g, "programmes"), _items(p, "programmes")),
        "people": (len(people_pairs), len(_items(p, "people")), len(_items(g, "people"))),
        "locations": _names(_items(g, "locations"), _items(p, "locations")),
        "events": (len(event_pairs), len(_items(p, "events")), len(_items(g, "events"))),
        "participant_counts": _counts(_items(g, "participant_counts"), _items(p, "participant_counts")),
    }
    return per_field, people_pairs, event_pairs


def _add_attributes(attrs: dict[str, list[int]], people_pairs: list, event_pairs: list) -> None:
    """Count the matched people and events whose role, organisation, type and attendance agree."""
    for gp, pp in people_pairs:
        attrs["people.role"][0] += fold(gp.get("role")) == fold(pp.get("role"))
        attrs["people.organisation"][0] += _org_same(gp.get("organisation"), pp.get("organisation"))
        attrs["people.role"][1] += 1
        attrs["people.organisation"][1] += 1
    for ge, pe in event_pairs:
        attrs["events.type"][0] += ge.get("type") == pe.get("type")
        attrs["events.participants"][0] += ge.get("participants") == pe.get("participants")
        attrs["events.type"][1] += 1
        attrs["events.participants"][1] += 1


def _report(n_documents: int, missing: list[str], totals: dict[str, list[int]], attrs: dict[str, list[int]]) -> dict[str, Any]:
    """The scores of the summed counts: per field, their macro F1 and the attribute accuracies."""
    fields = {f: _prf(*totals[f]) for f in FIELDS}
    return {
        "documents": n_documents,
        "missing_predictions": missing,
        "fields": fields,
        # the mean of the seven field F1s: every kind of record weighs the same, however many a text holds
        "macro_f1": round(sum(s["f1"] for s in fields.values()) / len(fields), 4),
        "attributes": {k: {"accuracy": round(c / n, 4) if n else None, "matched": n} for k, (c, n) in attrs.items()},
    }


def evaluate(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, Any]:
    """Micro-averaged scores over the gold documents; a document missing from `pred` counts as empty."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    attrs = {k: [0, 0] for k in ("people.role", "people.organisation", "events.type", "events.participants")}
    missing = []
    by_url = {_url_key(p.get("url")): p for p in pred.values() if p.get("url")}
    for doc_id, g in gold.items():
        # match by id, else by URL (a crawl names articles after their URL, gold files by their own ids)
        p = pred.get(doc_id) or by_url.get(_url_key(g.get("url")) or "\0")
        if p is None:
            missing.append(doc_id)
            p = {}
        per_field, people_pairs, event_pairs = _document_counts(g, p)
        for field, (tp, n_pred, n_gold) in per_field.items():
            totals[field][0] += tp
            totals[field][1] += n_pred
            totals[field][2] += n_gold
        _add_attributes(attrs, people_pairs, event_pairs)
    return _report(len(gold), missing, totals, attrs)


def evaluate_files(gold_path: Path, pred_path: Path) -> dict[str, Any]:
    return evaluate(load_records(gold_path), load_records(pred_path))


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['documents']} gold documents" + (f", {len(report['missing_predictions'])} without prediction" if report["missing_predictions"] else "")]
    lines.append(f"{'field':<20}{'precision':>10}{'recall':>10}{'f1':>10}{'tp':>7}{'pred':>7}{'gold':>7}")
    for field, s in report["fields"].items():
        lines.append(f"{field:<20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['tp']:>7}{s['pred']:>7}{s['gold']:>7}")
    lines.append(f"{'macro F1':<20}{'':>10}{'':>10}{report['macro_f1']:>10.3f}")
    lines.append(f"{'attribute':<20}{'accuracy':>10}{'matched':>10}")
    for name, a in report["attributes"].items():
        acc = "-" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        lines.append(f"{name:<20}{acc:>10}{a['matched']:>10}")
    return "\n".join(lines)
