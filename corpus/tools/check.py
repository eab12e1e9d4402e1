"""Consistency checks of an article's gold annotation against its own text, run before anything is written.

Every annotated surface (date texts, organisation aliases, programmes, people, roles, places, event names,
count texts) must occur verbatim in the gold text; intervals and counts must agree with their text; and
every date-like or organisation-like word must be covered by an annotation, or be listed under the
article's `check:` section as deliberately left out, so an annotator cannot forget one silently.
"""

from __future__ import annotations

import datetime as dt
import re

from pages import MONTHS, de_date

NUMBER_WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
                "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20}
APPROX = ("etwa", "rund", "circa", "ca.", "knapp", "fast", "gut", "annähernd")
MINQ = ("mehr als", "über", "mindestens")
MAXQ = ("bis zu", "höchstens")
EVENT_TYPES = {"conference", "workshop", "seminar", "meeting", "webinar", "award", "fair", "kickoff", "other"}
ORG_TRIGGERS = re.compile(
    r"\w*(?:[Mm]inisteri|Bundesamt|Bundesagentur|Bundesinstitut|Bundesverwaltungsamt|Jobcenter|"
    r"Universität|Hochschule|Caritas|Diakonie|Paritätische|Kommission|Rentenversicherung|Institut|"
    r"[Kk]ammer|AWO|Arbeitsgemeinschaft|[Vv]erband|[Vv]erbände|Gewerkschaft|Hansestadt|Stiftung)\w*"
    r"|\bStadt\b")
DATE_TRIGGERS = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(?:" + "|".join(MONTHS) +
    r")\b|\b(?:Frühjahr|Frühling|Sommer|Herbst|Winter|Quartal|Jahresende|Jahresbeginn|heute|morgen|gestern)\b"
    r"|\b(?:vergangenen|nächsten|kommenden|diesem|dieses|diesjährig\w*)\s+Jahr\w*")
# Bounds of a body that reads like a portal news item: shorter is a stub, longer is not what the portal prints.
BODY_CHARS = (1200, 3000)
PARAGRAPHS = (3, 7)


def _spans(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


def _covered(text: str, pos: tuple[int, int], surfaces) -> bool:
    return any(a <= pos[0] and pos[1] <= b for s in surfaces for a, b in _spans(text, s))


def _word(text: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text) is not None


def _context(text: str, m: re.Match, width: int) -> str:
    return repr(text[max(0, m.start() - width): m.end() + width])


def count_of(text: str) -> int | None:
    """The number a count text states: '1.400' -> 1400, '2,5 Millionen' -> 2500000, 'drei' -> 3."""
    m = re.search(r"(\d+)(?:,(\d+))? Millionen", text)
    if m:
        return int(m.group(1)) * 1_000_000 + int((m.group(2) or "0").ljust(6, "0"))
    m = re.search(r"\d{1,3}(?:\.\d{3})+|\d+", text)
    if m:
        return int(m.group(0).replace(".", ""))
    for word, n in NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text, re.I):
            return n
    return None


def qualifier_of(text: str) -> str:
    """'bis zu 60' -> max, 'mehr als 150' -> min, 'rund 180' -> approx, else exact."""
    low = text.lower()
    for q in MAXQ:
        if low.startswith(q) or f" {q} " in f" {low}"[:len(q) + 8]:
            return "max"
    for q in MINQ:
        if low.startswith(q) or re.match(rf"^(?:weit |deutlich )?{q}\b", low):
            return "min"
    for q in APPROX:
        if low.startswith(q + " "):
            return "approx"
    return "exact"


def _valid_iso(value) -> bool:
    try:
        return value is None or bool(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return False


def check_shape(a: dict) -> list[str]:
    errs = []
    body = "\n\n".join(b[3:] if b.startswith("## ") else b for b in a["body"])
    paragraphs = [b for b in a["body"] if not b.startswith("## ")]
    if not BODY_CHARS[0] <= len(body) <= BODY_CHARS[1]:
        errs.append(f"body length {len(body)} outside {BODY_CHARS[0]}..{BODY_CHARS[1]}")
    if not PARAGRAPHS[0] <= len(paragraphs) <= PARAGRAPHS[1]:
        errs.append(f"{len(paragraphs)} paragraphs, want {PARAGRAPHS[0]}..{PARAGRAPHS[1]}")
    if a["layout"] == "portal" and not a.get("teaser"):
        errs.append("a portal article needs a teaser")
    elif a["layout"] not in ("portal", "partner"):
        errs.append(f"layout {a['layout']!r} is neither portal nor partner")
    return errs


def check_dates(a: dict, rec: dict) -> list[str]:
    errs, t, seen = [], rec["text"], set()
    for d in rec["dates"]:
        if d["text"] not in t:
            errs.append(f"date text not in text: {d['text']!r}")
        if not (_valid_iso(d["start"]) and _valid_iso(d["end"])):
            errs.append(f"date not YYYY-MM-DD: {d}")
        elif d["start"] > d["end"]:
            errs.append(f"date start after end: {d}")
        if (d["start"], d["end"]) in seen:
            errs.append(f"duplicate interval {d['start']}..{d['end']}")
        seen.add((d["start"], d["end"]))
    if a["layout"] == "portal" and (not rec["dates"] or rec["dates"][0]["text"] != de_date(a["published"])):
        errs.append("first date should be the Datum line")
    left_out = a["check"].get("dup_dates", []) + a["check"].get("not_dates", [])
    errs += [f"check surface not in text: {s!r}" for s in left_out if s not in t]
    surfaces = [d["text"] for d in rec["dates"]] + left_out
    errs += [f"date-like word not annotated: {m.group(0)!r} in {_context(t, m, 30)}"
             for m in DATE_TRIGGERS.finditer(t) if not _covered(t, m.span(), surfaces)]
    return errs


def check_organisations(a: dict, rec: dict) -> list[str]:
    errs, t, names = [], rec["text"], set()
    for o in rec["organisations"]:
        if o["name"] in names:
            errs.append(f"duplicate organisation {o['name']}")
        names.add(o["name"])
        if not o["aliases"]:
            errs.append(f"organisation without aliases: {o['name']}")
        if len(set(o["aliases"])) != len(o["aliases"]):
            errs.append(f"duplicate alias in {o['name']}")
        for alias in o["aliases"]:
            if alias not in t:
                errs.append(f"alias not in text: {alias!r}")
            elif not _word(t, alias):
                errs.append(f"alias only inside a word: {alias!r}")
        if o["acronym"] and _word(t, o["acronym"]) and o["acronym"] not in o["aliases"]:
            errs.append(f"acronym {o['acronym']} in text but not an alias")
    org_ok = a["check"].get("org_ok", [])
    errs += [f"check surface not in text: {s!r}" for s in org_ok if s not in t]
    surfaces = [al for o in rec["organisations"] for al in o["aliases"]] + org_ok
    errs += [f"organisation-like word not annotated: {m.group(0)!r} in {_context(t, m, 40)}"
             for m in ORG_TRIGGERS.finditer(t) if not _covered(t, m.span(), surfaces)]
    return errs


def check_people_places(a: dict, rec: dict) -> list[str]:
    errs, t = [], rec["text"]
    if len(set(rec["programmes"])) != len(rec["programmes"]):
        errs.append("duplicate programme")
    errs += [f"programme not in text: {p!r}" for p in rec["programmes"]
             if p not in t and not (p == "ESF" and "Sozialfonds" in t)]
    org_keys = {o["acronym"] for o in rec["organisations"] if o["acronym"]}
    org_keys |= {o["name"] for o in rec["organisations"]} | set(a["check"].get("person_org_ok", []))
    seen = set()
    for p in rec["people"]:
        if p["name"] in seen:
            errs.append(f"duplicate person {p['name']}")
        seen.add(p["name"])
        if p["name"] not in t:
            errs.append(f"person not in text: {p['name']!r}")
        if p["role"] and p["role"] not in t:
            errs.append(f"role not verbatim in text: {p['role']!r}")
        if p["organisation"] and p["organisation"] not in org_keys:
            errs.append(f"person's organisation {p['organisation']!r} is not an annotated organisation")
    if len(set(rec["locations"])) != len(rec["locations"]):
        errs.append("duplicate location")
    errs += [f"location not in text: {loc!r}" for loc in rec["locations"] if not _word(t, loc)]
    return errs


def check_events_counts(rec: dict) -> list[str]:
    errs, t = [], rec["text"]
    intervals = {(d["start"], d["end"]) for d in rec["dates"]}
    keys = set()
    for e in rec["events"]:
        if e["type"] not in EVENT_TYPES:
            errs.append(f"bad event type {e['type']!r}")
        if (e["start"] is None) != (e["end"] is None) or not (_valid_iso(e["start"]) and _valid_iso(e["end"])):
            errs.append(f"event dates must be both YYYY-MM-DD or both null: {e}")
        elif e["start"] is not None and (e["start"], e["end"]) not in intervals:
            errs.append(f"event interval {e['start']}..{e['end']} not among the dates")
        if e["location"] is not None and e["location"] not in rec["locations"]:
            errs.append(f"event location not among the locations: {e['location']!r}")
        if e["name"] is not None and e["name"] not in t:
            errs.append(f"event name not in text: {e['name']!r}")
        if e["participants"] is not None and not isinstance(e["participants"], int):
            errs.append(f"event participants not a whole number: {e['participants']!r}")
        if (e["start"], e["location"]) in keys:
            errs.append(f"two events with the same start and location {(e['start'], e['location'])}")
        keys.add((e["start"], e["location"]))
    pairs = set()
    for c in rec["participant_counts"]:
        if c["text"] not in t:
            errs.append(f"count text not in text: {c['text']!r}")
        if c["who"] not in c["text"]:
            errs.append(f"who not inside the count text: {c['who']!r}")
        if count_of(c["text"]) != c["count"]:
            errs.append(f"count {c['count']} does not match its text {c['text']!r}")
        if qualifier_of(c["text"]) != c["qualifier"]:
            errs.append(f"qualifier {c['qualifier']} does not match its text {c['text']!r}")
        if (c["count"], c["qualifier"]) in pairs:
            errs.append(f"duplicate count {(c['count'], c['qualifier'])}")
        pairs.add((c["count"], c["qualifier"]))
    return errs


def check_article(a: dict, rec: dict) -> list[str]:
    """Every problem of one article, each prefixed with its id."""
    try:
        errs = check_shape(a) + check_dates(a, rec) + check_organisations(a, rec)
        errs += check_people_places(a, rec) + check_events_counts(rec)
    except (KeyError, TypeError, AttributeError) as exc:
        # A gold entry without one of its fields (or of the wrong kind) cannot be checked any further.
        errs = [f"malformed gold entry ({type(exc).__name__}: {exc}); see corpus/README.md for the fields"]
    return [f"{rec['id']}: {e}" for e in errs]


def check_corpus(articles: list[dict], records: list[dict]) -> list[str]:
    """Every problem of the corpus: per article, plus ids and URLs that are not unique."""
    errs: list[str] = []
    ids: set[str] = set()
    urls: set[str] = set()
    for a, rec in zip(articles, records):
        if rec["id"] in ids:
            errs.append(f"{rec['id']}: duplicate id")
        if rec["url"] in urls:
            errs.append(f"{rec['id']}: duplicate url {rec['url']}")
        ids.add(rec["id"])
        urls.add(rec["url"])
        errs += check_article(a, rec)
    return errs
