"""Turn one DocumentResult into the per-document JSON view of docs/gold-format.md (what `biwaq evaluate` scores)."""

from __future__ import annotations

from typing import Any

from biwaq_extract.records import DocumentResult


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _unique(values) -> list:
    seen: dict = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)


def document_view(result: DocumentResult) -> dict[str, Any]:
    """One JSON-ready object: id, url, title, published, text and the seven extracted lists (or an error)."""
    doc = result.document
    view: dict[str, Any] = {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "published": _iso(doc.published),
    }
    if result.error is not None:
        view.update(error=result.error, error_stage=result.error_stage)
        for key in ("dates", "organisations", "programmes", "people", "locations", "events", "participant_counts"):
            view[key] = []
        return view

    dates: dict[tuple, dict] = {}
    for d in sorted(result.dates, key=lambda m: m.start_char):
        dates.setdefault((d.start, d.end), {"text": d.text, "start": _iso(d.start), "end": _iso(d.end)})

    orgs: dict[str, dict] = {}
    for o in sorted(result.organisations, key=lambda m: m.start_char):
        entry = orgs.setdefault(o.org_id, {"name": o.name, "acronym": o.acronym, "aliases": []})
        if o.text not in entry["aliases"]:
            entry["aliases"].append(o.text)

    people: dict[str, dict] = {}
    for p in sorted(result.people, key=lambda m: m.start_char):
        entry = people.setdefault(p.name, {"name": p.name, "role": None, "organisation": None})
        entry["role"] = entry["role"] or p.role
        entry["organisation"] = entry["organisation"] or p.organisation

    view.update(
        dates=list(dates.values()),
        organisations=list(orgs.values()),
        programmes=_unique(p.name for p in sorted(result.programmes, key=lambda m: m.start_char)),
        people=list(people.values()),
        locations=_unique(p.name for p in sorted(result.places, key=lambda m: m.start_char)),
        events=[
            {
                "type": e.type,
                "name": e.name,
                "start": _iso(e.start),
                "end": _iso(e.end),
                "location": e.location,
                "venue": e.venue,
                "participants": e.participants,
            }
            for e in sorted(result.events, key=lambda m: m.start_char)
        ],
        participant_counts=[
            {"text": c.text, "count": c.count, "qualifier": c.qualifier, "who": c.who}
            for c in sorted(result.participant_counts, key=lambda m: m.start_char)
        ],
    )
    return view
