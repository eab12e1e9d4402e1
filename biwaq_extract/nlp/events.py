"""Find gatherings (Werkstatt, Fachtag, Konferenz …) and link them to dates, places, counts and organisers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources as ir

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from biwaq_extract.records import DateMention, EventMention, OrgMention, ParticipantCount, PlaceMention


@dataclass(frozen=True)
class EventRules:
    """Word lists loaded from data/events.yaml."""

    heads: tuple[tuple[str, str], ...]  # (head, type), longest first
    multiword: tuple[tuple[tuple[str, ...], str], ...]
    weak: frozenset[str]
    not_events: frozenset[str]
    date_rank: dict[str, int]
    place_prepositions: frozenset[str]
    online_words: frozenset[str]


def load_rules(text: str | None = None) -> EventRules:
    data = yaml.safe_load(text if text is not None else ir.files("biwaq_extract").joinpath("data/events.yaml").read_text("utf-8"))
    single = [(h.lower(), t) for h, t in data["heads"].items() if " " not in h]
    multi = [(tuple(h.lower().split()), t) for h, t in data["heads"].items() if " " in h]
    return EventRules(
        heads=tuple(sorted(single, key=lambda ht: -len(ht[0]))),
        multiword=tuple(sorted(multi, key=lambda ht: -len(ht[0]))),
        weak=frozenset(w.lower() for w in data["weak_heads"]),
        not_events=frozenset(w.lower() for w in data["not_events"]),
        date_rank={g: i for i, g in enumerate(data["date_preference"])},
        place_prepositions=frozenset(data["place_prepositions"]),
        online_words=frozenset(data["online_words"]),
    )


def load_resources(nlp: Language) -> EventRules:  # noqa: ARG001
    return load_rules()


def event_head(word: str, rules: EventRules) -> tuple[str, str] | None:
    """(head, type) when the word is, or ends in, an event noun: "Entwicklungswerkstatt" -> ("werkstatt", "workshop")."""
    w = word.lower()
    if not w[:1].isalpha() and not w[:1].isdigit():
        return None
    if w in rules.not_events:
        return None
    for head, etype in rules.heads:
        if w == head:
            return head, etype
        if w.endswith(head) and len(w) > len(head) + 2:
            return head, etype
    return None


_QUOTE_OPEN = "\"„“»‚'"
_QUOTE_CLOSE = {"\"": "\"", "„": "“”\"", "“": "”\"", "»": "«", "‚": "‘’", "'": "'"}


def _quoted_after(doc: Doc, end_char: int, limit: int = 3) -> tuple[int, int] | None:
    """A quoted title right after the head noun: 'Fachtag "Gemeinsam stark"' -> char range of the title."""
    text = doc.text
    m = re.match(r"[ \t]*(?:zum Thema |unter dem (?:Motto|Titel) |mit dem Titel )?([\"„“»])", text[end_char : end_char + 40])
    if not m:
        return None
    open_q = m.group(1)
    start = end_char + m.end()
    closers = _QUOTE_CLOSE.get(open_q, "\"")
    close = min((i for i in (text.find(c, start, start + 200) for c in closers) if i >= 0), default=-1)
    if close <= start:
        return None
    return start, close


def _sentence(doc: Doc, i: int) -> Span:
    return doc[i].sent if doc.has_annotation("SENT_START") else doc[:]


def _within(m, span: Span) -> bool:
    return span.start_char <= m.start_char and m.end_char <= span.end_char


def _pick_date(dates: list[DateMention], anchor: int, rules: EventRules) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: (rules.date_rank.get(d.granularity, 99), abs(d.start_char - anchor)))


def _pick_place(doc: Doc, places: list[PlaceMention], anchor: int, rules: EventRules) -> PlaceMention | None:
    def after_preposition(p: PlaceMention) -> bool:
        before = doc.text[max(0, p.start_char - 6) : p.start_char].split()
        return bool(before) and before[-1].lower() in rules.place_prepositions

    good = [p for p in places if after_preposition(p)] or places
    if not good:
        return None
    return min(good, key=lambda p: abs(p.start_char - anchor))


def _pick_count(counts: list[ParticipantCount], anchor: int) -> ParticipantCount | None:
    if not counts:
        return None
    return min(counts, key=lambda c: abs(c.start_char - anchor))


def find_events(doc: Doc, rules: EventRules) -> tuple[EventMention, ...]:
    """Events named by a gathering noun, with date/place/count/organisers from the same sentence.

    Mentions of the same gathering (same head and the same or no date) are merged into one event;
    the first mention keeps its name, later ones fill in what it lacked.
    """
    dates: list[DateMention] = [d for d in doc._.dates if d.role != "publication"]
    places: list[PlaceMention] = list(doc._.places)
    counts: list[ParticipantCount] = list(doc._.participant_counts)
    orgs: list[OrgMention] = list(doc._.organisations)
    org_chars = [(o.start_char, o.end_char) for o in orgs]

    candidates: list[EventMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        found = None
        for words, etype in rules.multiword:
            n = len(words)
            if tuple(t.lower_ for t in doc[i : i + n]) == words:
                found = (doc[i : i + n], " ".join(words), etype)
                break
        if found is None and tok.text[:1].isupper():
            hit = event_head(tok.text, rules)
            if hit:
                found = (doc[i : i + 1], hit[0], hit[1])
        if found is None:
            i += 1
            continue
        span, head, etype = found
        i = span.end
        if any(s <= span.start_char < e for s, e in org_chars):
            continue  # part of an organisation's name
        sent = _sentence(doc, span.start)
        s_dates = [d for d in dates if _within(d, sent)]
        s_places = [p for p in places if _within(p, sent)]
        s_counts = [c for c in counts if _within(c, sent)]
        if head in rules.weak and not (s_dates or s_places or s_counts):
            continue
        online = any(w in sent.text.lower() for w in rules.online_words) or etype == "webinar"
        date = _pick_date(s_dates, span.start_char, rules)
        place = None if online else _pick_place(doc, s_places, span.start_char, rules)
        count = _pick_count(s_counts, span.start_char)
        quoted = _quoted_after(doc, span.end_char)
        name = doc.text[quoted[0] : quoted[1]] if quoted else span.text
        organisers = tuple(dict.fromkeys(o.org_id for o in orgs if _within(o, sent)))
        candidates.append(
            EventMention(
                text=span.text,
                start_char=span.start_char,
                end_char=span.end_char,
                type=etype,
                name=name,
                start=date.start if date else None,
                end=date.end if date else None,
                location=place.name if place else None,
                participants=count.count if count else None,
                organisers=organisers,
                rule=f"rule:event-head:{head}",
                sentence=sent.text.strip(),
            )
        )
    return tuple(_merge(candidates))


def _merge(candidates: list[EventMention]) -> list[EventMention]:
    merged: list[EventMention] = []
    for ev in candidates:
        for k, old in enumerate(merged):
            same_kind = old.type == ev.type
            compatible_date = old.start is None or ev.start is None or (old.start, old.end) == (ev.start, ev.end)
            compatible_place = old.location is None or ev.location is None or old.location == ev.location
            if same_kind and compatible_date and compatible_place:
                merged[k] = EventMention(
                    text=old.text,
                    start_char=old.start_char,
                    end_char=old.end_char,
                    type=old.type,
                    name=old.name,
                    start=old.start or ev.start,
                    end=old.end or ev.end,
                    location=old.location or ev.location,
                    participants=old.participants if old.participants is not None else ev.participants,
                    organisers=tuple(dict.fromkeys(old.organisers + ev.organisers)),
                    rule=old.rule,
                    sentence=old.sentence,
                )
                break
        else:
            merged.append(ev)
    return merged


find = find_events
