"""Find gatherings (Werkstatt, Fachtag, Konferenz …) and link them to dates, places, counts and organisers."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from itertools import accumulate, repeat
from typing import Callable, NamedTuple

from spacy.tokens import Doc

from biwaq_extract.nlp import event_attendance as attendance
from biwaq_extract.nlp import event_links as links
from biwaq_extract.nlp import event_merge as merging
from biwaq_extract.nlp import event_series
from biwaq_extract.nlp.event_nouns import SuffixMemo, event_head, heads, noun_words, plural_head
from biwaq_extract.nlp.event_places import PlaceRules, after_preposition, head_place, organisation_towns, title_town, town
from biwaq_extract.nlp.event_sentences import (
    BULLETS,
    Context,
    Sentence,
    borrow,
    day_dated,
    doc_sentences,
    heading,
    lead_index,
    frame_anchor,
    named_rows,
    own_clause,
    sentence_frames,
    sentence_organisers,
)
from biwaq_extract.nlp.places import known_place, place_forms
from biwaq_extract.nlp.rule_data import load, load_yaml
from biwaq_extract.nlp.sentences import SentenceIndex, sentence_index
from biwaq_extract.nlp.token_view import TokenView, doc_lower_words, token_positions, view
from biwaq_extract.records import DateMention, EventMention, ParticipantCount, PlaceMention


@dataclass(frozen=True)
class EventRules:
    """Word lists loaded from data/events.yaml."""

    head_suffix: re.Pattern  # any head at the end of a word
    head_types: dict[str, str]
    multiword: tuple[tuple[tuple[str, ...], str], ...]
    weak: frozenset[str]
    weak_bare: frozenset[str]  # heads weak only as a word of their own, not in a compound
    placed_heads: frozenset[str]  # heads that need a place or a gathering verb ("Weltfrauentag" is a date too)
    not_events: frozenset[str]
    not_day_endings: tuple[str, ...]  # "mittag", "landtag": words in "tag" that name no gathering
    squares: frozenset[str]  # heads that after "am" name a square ("am Marktplatz")
    schedule_words: frozenset[str]  # "Termine": the dates of the gathering told of before
    date_rank: dict[str, int]
    evidence: frozenset[str]
    places: PlaceRules
    online: links.OnlineTest  # an online format: "online", "digital", or a compound "Online-Seminar"
    online_words: frozenset[str]  # "digitale", "virtuelle": before a noun of type other, a webinar
    frame_verbs: tuple[tuple[tuple[str, ...], str], ...]
    frames_by_anchor: dict[str, tuple[int, ...]]  # anchor word (see `frame_anchor`) -> its frames' places in frame_verbs
    attendee_words: frozenset[str]
    attendance_verbs: frozenset[str]
    link_window: int
    period_words: frozenset[str]
    links: links.LinkRules
    word_memo: SuffixMemo  # which words end in a head, + "s" or "es", and which in a venue noun (see `noun_words`)
    # `event_head`'s answers by word, without and with a genitive article before it, and `plural_head`'s
    head_cache: tuple[dict, dict, dict] = field(default_factory=lambda: ({}, {}, {}), compare=False, repr=False)


def load_rules(text: str | None = None) -> EventRules:
    data = load_yaml(text) if text is not None else load("events")
    single = [(h.lower(), t) for h, t in data["heads"].items() if " " not in h]
    multi = [(tuple(h.lower().split()), t) for h, t in data["heads"].items() if " " in h]
    frame_verbs = tuple((tuple(words), etype) for words, etype in data["frame_verbs"])
    return EventRules(
        head_suffix=re.compile("(?:" + "|".join(re.escape(h) for h, _ in sorted(single, key=lambda ht: -len(ht[0]))) + ")$"),
        head_types=dict(single),
        multiword=tuple(sorted(multi, key=lambda ht: -len(ht[0]))),
        weak=frozenset(w.lower() for w in data["weak_heads"]),
        weak_bare=frozenset(w.lower() for w in data["weak_words"]),
        placed_heads=frozenset(data["placed_heads"]),
        not_events=frozenset(w.lower() for w in data["not_events"]),
        not_day_endings=tuple(data["not_day_endings"]),
        squares=frozenset(data["square_heads"]),
        schedule_words=frozenset(data["schedule_words"]),
        date_rank={g: i for i, g in enumerate(data["date_preference"])},
        evidence=frozenset(data["evidence_granularities"]),
        places=PlaceRules(frozenset(data["place_prepositions"]), tuple(data["area_nouns"]),
                          frozenset(e["name"] for e in load("places")["states"] if e.get("city")), place_forms()),
        online=links.OnlineTest(data["online_words"], data["online_prefixes"], [h for h, _ in single]),
        online_words=frozenset(data["online_words"]),
        frame_verbs=frame_verbs,
        frames_by_anchor=_by_anchor(frame_verbs),
        attendee_words=frozenset(w.lower() for w in data["attendee_words"]),
        attendance_verbs=frozenset(data["attendance_verbs"]),
        link_window=int(data.get("link_window", 2)),
        period_words=frozenset(data.get("period_words", [])),
        links=links.load_link_rules(data["links"]),
        word_memo=SuffixMemo(tuple(h + end for h, _ in single for end in ("", "s", "es")), tuple(data["links"]["venue_heads"])),
    )


def _by_anchor(frame_verbs: tuple[tuple[tuple[str, ...], str], ...]) -> dict[str, tuple[int, ...]]:
    """The places in `frame_verbs` of the frames of each anchor word, in order."""
    out: dict[str, list[int]] = {}
    for k, (verbs, _) in enumerate(frame_verbs):
        out.setdefault(frame_anchor(verbs), []).append(k)
    return {w: tuple(ks) for w, ks in out.items()}


def load_resources() -> EventRules:
    """Read events.yaml once per pipeline."""
    return load_rules()


_QUOTE_OPEN = "\"„“»‚'"
_QUOTE_CLOSE = {"\"": "\"", "„": "“”\"", "“": "”\"", "»": "«", "‚": "‘’", "'": "'"}


_QUOTED_TITLE = re.compile(r"[ \t]*(?:zum Thema |unter dem (?:Motto|Titel) |mit dem Titel )?([\"„“»])")


def _quoted_after(text: str, end_char: int) -> tuple[int, int] | None:
    """A quoted title right after the head noun: 'Fachtag "Gemeinsam stark"' -> char range of the title.

    `text` is the Doc's text (`doc.text` is rebuilt from all tokens on every call)."""
    m = _QUOTED_TITLE.match(text[end_char : end_char + 40])
    if not m:
        return None
    open_q = m.group(1)
    start = end_char + m.end()
    closers = _QUOTE_CLOSE.get(open_q, "\"")
    close = min((i for i in (text.find(c, start, start + 200) for c in closers) if i >= 0), default=-1)
    if close <= start:
        return None
    return start, close


def _contexts(doc: Doc, sents: list[Sentence], frames: list[str | None], rules: EventRules, called_off: set[int]) -> list[Context]:
    ext = doc._  # (each `doc._` builds a new accessor object)
    # "seit Januar 2016", "bis Ende Mai", "bis zum 30. Juni": the start or end of a period, and "Anmeldeschluss
    # ist der 31. Mai": a deadline; never the date of a gathering
    text = view(doc).text
    dates = [
        d
        for d in ext.dates
        if d.role != "publication" and d.granularity in rules.date_rank and d.text.split(None, 1)[0].lower() not in rules.period_words
        # (a bare year after "post" or "seit" is left to `names_year`: a sentence with one borrows no other date)
        and (d.granularity == "year" or not links.bounds_period(text, d.start_char, rules.period_words, rules.links))
    ]
    attending = attendance.attendees(ext.participant_counts, rules.attendee_words)
    counts = attendance.attendance(ext.participant_counts, attending, rules.attendance_verbs)
    starts = [s.start_char for s in sents]

    def bucket(mentions) -> list:
        """Mentions grouped by the sentence that holds them (one pass, not sentences x mentions);
        one shared empty tuple for the many sentences without any."""
        out: list = [()] * len(sents)
        for m in mentions:
            k = bisect_right(starts, m.start_char) - 1
            if k >= 0 and m.end_char <= sents[k].end_char:  # (the sentence starts at or before m)
                if out[k]:
                    out[k].append(m)
                else:
                    out[k] = [m]
        return out

    by_dates, by_places, by_counts = bucket(dates), bucket(ext.places), bucket(counts)
    elsewhere = rules.links.stand_words | rules.links.capacity_words
    for k, span in enumerate(sents[:4]):
        s_dates = by_dates[k]
        if len(s_dates) == 1 and s_dates[0].text == span.text.strip(BULLETS):
            by_dates[k] = ()  # a date line under the title is the publication date, whatever its format
    for k in called_off:  # a gathering called off ("hätte im Mai stattfinden sollen"): its date is no gathering's
        by_dates[k], frames[k] = (), None
    for k, span in enumerate(sents):
        if by_counts[k]:
            by_counts[k] = [c for c in by_counts[k] if not attendance.not_attendance(
                span.text, rules.links.cumulative_words, elsewhere, (text, c.start_char, c.end_char))] or ()
    if isinstance(ext.published, dt.date) and not rules.links.weekdays.keys().isdisjoint(view(doc).lowers):
        # "hat am Montag in Berlin … ausgezeichnet"
        links.add_weekday_dates(view(doc).text, sents, by_dates, ext.published, rules.links)
    if _ATTENDANCE in frames:  # "Mehr als 70 Teilnehmende kamen …": a gathering only with its attendance
        attended = {k for k, found in enumerate(bucket(attending)) if found}
        frames = [("other" if k in attended else None) if f == _ATTENDANCE else f for k, f in enumerate(frames)]
    if _VISIT in frames:  # "informierte sich in Gera über das Projekt": a visit only where a town is named
        def placed(k: int) -> bool:
            return any(town(p, rules.places) and after_preposition(text, p, rules.places) for p in by_places[k])

        # the first visit the body tells of may take the town of a title that tells of it ("Ministerin besucht
        # Projekt in Cottbus" over "Am Donnerstag informierte sich die Ministerin …")
        title = frames[0] is not None and placed(0)
        first = next((k for k, f in enumerate(frames) if f == _VISIT and k > 0), -1)
        frames = [("other" if placed(k) or (title and k == first) else None) if f == _VISIT else f for k, f in enumerate(frames)]
    return named_rows(Context, zip(sents, by_dates, by_places, by_counts, frames, repeat(rules.online)))


class _Candidate(NamedTuple):
    """An EventMention before merging, as a light tuple (a frozen dataclass costs a setattr per field);
    the merged ones become EventMention records."""

    text: str
    start_char: int
    end_char: int
    type: str
    name: str | None
    start: dt.date | None
    end: dt.date | None
    location: str | None
    participants: int | None
    organisers: tuple[str, ...]
    rule: str
    sentence: str = ""
    venue: str | None = None


assert _Candidate._fields == tuple(f.name for f in fields(EventMention)), "same fields in the same order"


def _pick_date(dates: list[DateMention], anchor: int, rules: EventRules, text: str = "", head_end: int = -1) -> DateMention | None:
    if head_end >= 0:
        dates = [d for d in dates if d.granularity != "year" or links.names_year(text, head_end, d.start_char, rules.period_words)]
    if not dates:
        return None
    return min(dates, key=lambda d: (rules.date_rank.get(d.granularity, 99), abs(d.start_char - anchor)))


def _series(v: TokenView, contexts: list[Context], rules: EventRules, text: str, used_frames: set[int]) -> list[_Candidate]:
    """The events of a series named by a plural noun (see event_series); marks their sentences' verbs used."""
    found = event_series.series_of(v, contexts, text, lambda w: event_head(w, rules), lambda w, t: links.typed(w, t, rules.links),
                                   lambda p: town(p, rules.places), rules.schedule_words, merging.VAGUE_HEADS, rules.places.town_named,
                                   lambda ctx: links.venue_towns(text, ctx.span.start_char, ctx.span.end_char, rules.links, known_place),
                                   lambda w: plural_head(w, rules))
    used_frames.update(s.sentence for s in found)  # a verb of a series' sentence tells of the series
    return [
        _Candidate(
            text[s.start_char : s.end_char], s.start_char, s.end_char, s.type, s.name,
            s.date.start if s.date else None, s.date.end if s.date else None, s.place.name if s.place else None,
            None, (), f"rule:event-series:{s.head}", contexts[s.sentence].span.text.strip(),
        )
        for s in found
    ]


def _has_evidence(ctx: Context, rules: EventRules) -> bool:
    return any(d.granularity in rules.evidence for d in ctx.dates) or bool(ctx.places)


_AREA_KINDS = ("state", "country", "region")  # places a gathering may be about rather than in
_ATTENDANCE = "attendance"  # the frame type of verbs that tell of a gathering only with a count (events.yaml)
_VISIT = "visit"  # the frame type of verbs that tell of a visit only with the town visited (events.yaml)

def _scan(doc: Doc, v: TokenView, words: set[str], rules: EventRules) -> tuple[set[str], list[int], list[Context], set[int], bool]:
    """The Doc's possible event nouns, the positions of them and of gathering verbs, what each sentence offers,
    the sentences that call a gathering off, and whether a word ends in a venue noun."""
    # one scan of the tokens for the words of gathering verbs (frames) and event nouns (heads)
    # the frames whose anchor word the Doc holds, in the rules' order, then those whose words it all holds
    held = sorted(k for w in words.intersection(rules.frames_by_anchor) for k in rules.frames_by_anchor[w])
    frames = [rules.frame_verbs[k] for k in held if words.issuperset(rules.frame_verbs[k][0])]
    nouns, venue_words = noun_words(words, rules)
    marks = nouns.union(frame_anchor(verbs) for verbs, _ in frames)
    positions = token_positions(v.lowers, marks) if marks else []
    sents = doc_sentences(doc)
    called_off: set[int] = set()
    anchors = links.cancel_anchors(words, rules.links)
    if anchors:  # only the sentences holding an anchor word of a cue are read
        starts = [s.start for s in sents]
        held = {bisect_right(starts, i) - 1 for i in token_positions(v.lowers, anchors)}
        called_off = {k for k in held if k >= 0 and links.cancelled(v.lowers[sents[k].start : sents[k].end], rules.links)}
    contexts = _contexts(doc, sents, sentence_frames(v, positions, sents, frames), rules, called_off)
    return nouns, positions, contexts, called_off, bool(venue_words)


class _DocFacts(NamedTuple):
    """What every event noun of one Doc is read against: its sentences, organisations and venues."""

    v: TokenView
    text: str
    contexts: list[Context]
    sent_index: dict[int, int]  # first token of a sentence -> its index in `contexts`
    index: SentenceIndex
    lead: int | None
    org_starts: list[int]
    org_reach: list[int]
    organisers_of: dict[int, tuple[str, ...]]
    org_towns: dict[int, str]  # sentence -> the town a local organisation of it is named after
    venues: links.Venues
    is_head: Callable[[str], bool]
    rules: EventRules
    called_off: set[int]  # sentences telling of a gathering that did not take place
    facilities: frozenset[str]  # heads of the Doc's places of work ("Jugendwerkstatt" -> "werkstatt")


def _doc_facts(doc: Doc, v: TokenView, words: set[str], contexts: list[Context], rules: EventRules, called_off: set[int],
               buildings: bool) -> _DocFacts:
    """Gather what the event nouns of the Doc are read against, once per Doc."""
    text = v.text
    organisations = doc._.organisations
    # a head inside an organisation's name: some organisation starts at or before it and ends after it
    org_spans = sorted((o.start_char, o.end_char) for o in organisations)
    return _DocFacts(
        v=v,
        text=text,
        contexts=contexts,
        sent_index={c.span.start: k for k, c in enumerate(contexts)},
        index=sentence_index(doc),
        lead=lead_index(contexts),
        org_starts=[a for a, _ in org_spans],
        org_reach=list(accumulate((b for _, b in org_spans), max)),  # furthest end of the organisations so far
        organisers_of=sentence_organisers(organisations, contexts),
        org_towns=organisation_towns(organisations, contexts, doc._.places, rules.places.town_named, rules.places.city_states),
        venues=links.Venues(text, rules.links, known_place, buildings),
        is_head=lambda word: event_head(word, rules, genitive=True) is not None,
        rules=rules,
        called_off=called_off,
        facilities=frozenset(m.group(0) for w in words & rules.not_events if (m := rules.head_suffix.search(w))),
    )


def _candidate(text: str, start_char: int, end_char: int, etype: str, name: str | None, date: DateMention | None,
               place: PlaceMention | None, count: ParticipantCount | None, organisers: tuple[str, ...], rule: str,
               sentence: str, venue: str | None = None) -> _Candidate:
    """A candidate event from its span and the date, place and count picked for it."""
    return _Candidate(
        text=text,
        start_char=start_char,
        end_char=end_char,
        type=etype,
        name=name,
        start=date.start if date else None,
        end=date.end if date else None,
        location=place.name if place else None,
        participants=count.count if count else None,
        organisers=organisers,
        rule=rule,
        sentence=sentence,
        venue=venue,
    )


def _reading(facts: _DocFacts, start: int, end: int, head: str, named: set[str]) -> tuple | None:
    """(sentence, quoted title, back-reference, kind) of an event noun; None when it names no gathering."""
    v, lr = facts.v, facts.rules.links
    start_char, end_char = v.idx[start], v.ends[end - 1]
    j = bisect_right(facts.org_starts, start_char) - 1
    if j >= 0 and start_char < facts.org_reach[j]:
        return None  # part of an organisation's name
    k = facts.sent_index.get(facts.index.sentence_start_token(start), 0)
    if k in facts.called_off or links.record_of(v, start, lr):
        return None  # a gathering called off, or the record of one told of ("die Dokumentation der Konferenz")
    ctx = facts.contexts[k]
    word = v.lowers[start]
    if start and v.lowers[start - 1] == "am" and head in facts.rules.squares:
        return None  # "im Stadthaus am Marktplatz": an address, the square by a building
    if word == head and head in facts.facilities:
        return None  # "die Werkstatt" of an article about a "Jugendwerkstatt": the place of work
    quoted = _quoted_after(facts.text, end_char)
    if links.part_of_named(v, end, facts.is_head, lr):
        return None  # "beim Auftakt des Netzwerktreffens": the gathering itself is named next
    # "die Veranstaltung", "auf dem Kongress": a gathering told of already, which the sentence may
    # tell more about (its place, its attendance); it never makes an event of its own
    if not ctx.dates and not quoted and links.kind_of_gathering(v, start, lr):
        return None  # "Organisation eines Stadtteilfestes": a kind of gathering, not one that takes place
    if not day_dated(ctx) and not lr.habitual_words.isdisjoint(v.lowers[ctx.span.start : ctx.span.end]):
        return None  # "organisiert jedes Jahr einen Aktionstag": a recurring kind, not one gathering
    # a title or the lines above the lead tell of nothing before them ("Einladung zum Fachtag")
    definite = not quoted and (facts.lead is None or k >= facts.lead) and links.definite(v, start, lr)
    ref = definite and not ctx.dates and links.back_reference(word, head, named, lr)
    # a new noun with a definite article ("bei dem Projektbesuch") points back when a gathering was
    # told of before it, else it introduces one (settled in event_merge)
    kind = "ref" if ref else "def" if definite else "head"
    if end - start == 1 and word != head:
        named.update((word, word.rstrip("s")))  # compounds, with their genitive
    return k, quoted, ref, kind


def _weak(word: str, head: str, rules: EventRules) -> bool:
    """A noun that names a gathering only with a date, place or count beside it: a weak head, and a bare
    generic one ("Treffen", "Veranstaltung"), whose compounds name a gathering by themselves
    ("Netzwerktreffen", "Fachveranstaltung")."""
    if head in rules.weak:
        return True
    return head in rules.weak_bare and word.lstrip("-\"'„“") in (head, head + "s", head + "es")


def _source(facts: _DocFacts, k: int, ref, head: str, used_frames: set[int], word: str = "") -> Context | None:
    """The sentence telling of the gathering named in sentence k (its own or a neighbour); None for a bare
    weak noun or a subheading nothing dates or places."""
    ctx = facts.contexts[k]
    source = ctx
    if not ctx.dates and not ref:
        source = borrow(facts.contexts, k, facts.lead, used_frames, facts.rules.link_window, facts.text) or ctx
    if _weak(word or head, head, facts.rules) and not ref and not _has_evidence(source, facts.rules):
        return None
    if head in facts.rules.placed_heads and not ref and not (source.places or source.frame or ctx.places):
        return None  # "Zum Weltfrauentag am 8. März veröffentlichte das Ministerium eine Studie": a date only
    if source is ctx and k > 0 and not _has_evidence(ctx, facts.rules) and heading(ctx.span, facts.text):
        return None  # a subheading whose lines tell of no gathering names a topic ("Neuerungen und Infoabend")
    return source


def _head_candidate(facts: _DocFacts, found: tuple[int, int, str, str], named: set[str], used_frames: set[int]) -> _Candidate | None:
    """The event an event noun names, with its date, place and attendance; None when it names none."""
    start, end, head, etype = found
    reading = _reading(facts, start, end, head, named)
    if reading is None:
        return None
    k, quoted, ref, kind = reading
    v, text, rules = facts.v, facts.text, facts.rules
    start_char, end_char = v.idx[start], v.ends[end - 1]
    ctx = facts.contexts[k]
    etype = links.typed(v.lowers[start], etype, rules.links)
    if etype == "other" and start and v.lowers[start - 1] in rules.online_words:
        etype = "webinar"  # "eine digitale Sprechstunde", "ein virtueller Infoabend"
    source = _source(facts, k, ref, head, used_frames, v.lowers[start])
    if source is None:
        return None
    if source is ctx:
        source = ctx = own_clause(ctx, start_char, text, lambda w: event_head(w, rules))
    if (etype == "other" or head in merging.VAGUE_HEADS) and source.frame in merging.TELLING_FRAMES:
        # "Veranstaltung", "Feierstunde" say only that something is held; the verb of the sentence that dates
        # it tells what ("hat am Montag die Gewinner ausgezeichnet" … "eröffnete die Bilanzveranstaltung")
        etype = source.frame
    venue, town = facts.venues.of(facts.contexts, k, source)
    # a named building makes a streamed gathering one with a place ("aus der Kalkscheune in Berlin")
    online = not venue and (etype == "webinar" or (
        (source.online or (source is not ctx and ctx.online)) and not (_placed(text, source, rules) or _placed(text, ctx, rules))))
    date = _pick_date(source.dates, start_char, rules, text, end_char if source is ctx else -1)
    place = None if online else head_place(text, source.places or ctx.places, ref, town, start_char, rules.places, end_char)
    if place is None and not online and not ref:
        # "beim Kieler Fachtag", else "auf dem Sommerfest der Caritas Dortmund"
        name = (start and links.town_of_adjective(v.texts[start - 1], rules.links, known_place)) or facts.org_towns.get(k)
        place = PlaceMention(name, 0, 0, name, "city", "rule:event-town") if name else None
    count = attendance.pick_count(attendance.head_counts(facts.contexts, k, source, rules.link_window), start_char)
    if source is ctx and ctx.frame and ctx.dates:
        used_frames.add(k)
    span_text = text[start_char:end_char]
    name = text[quoted[0] : quoted[1]] if quoted else span_text
    return _candidate(span_text, start_char, end_char, etype, name, date, place, count, facts.organisers_of.get(k, ()),
                      f"rule:event-{kind}:{head}", ctx.span.text.strip(), venue)


def _head_candidates(facts: _DocFacts, heads: list[tuple[int, int, str, str]], used_frames: set[int]) -> list[_Candidate]:
    """The events named by event nouns, in text order; marks the verb reports they take their date from."""
    # a dated report naming its own gathering ("Die Fachtagung findet am 3. Mai statt") lends no date
    for h in heads:
        k = facts.sent_index.get(facts.index.sentence_start_token(h[0]), 0)
        if facts.contexts[k].frame and facts.contexts[k].dates:
            used_frames.add(k)
    named: set[str] = set()  # compound gathering nouns met so far ("bundeskongress")
    candidates = []
    for found in heads:
        candidate = _head_candidate(facts, found, named, used_frames)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _frame_candidates(facts: _DocFacts, used_frames: set[int]) -> list[_Candidate]:
    """The events reported by a gathering verb alone, in dated sentences no event noun took a date from."""
    rules, text = facts.rules, facts.text
    candidates = []
    for k, ctx in enumerate(facts.contexts):
        if not ctx.frame or k in used_frames:
            continue
        plural = event_series.counted_plural(facts.v, ctx.span.start, ctx.span.end, lambda w: event_head(w, rules))
        date = _frame_date(text, ctx, rules, plural is not None)
        if date is None:
            continue
        venue, town = facts.venues.of(facts.contexts, k, ctx)
        online = ctx.online and not _placed(text, ctx, rules)
        place = None if online else head_place(text, ctx.places, False, town, date.start_char, rules.places)
        if place is None and not online and k in facts.org_towns:
            place = PlaceMention(facts.org_towns[k], 0, 0, facts.org_towns[k], "city", "rule:organisation-town")
        count = attendance.pick_count(attendance.head_counts(facts.contexts, k, ctx, rules.link_window), date.start_char)
        sentence = ctx.span.text.strip()
        etype, name = (links.typed(plural[0].lower(), plural[2], rules.links), plural[0]) if plural else (ctx.frame, None)
        if online and etype == "other":
            etype = "webinar"  # "lädt am 7. Februar zu einem digitalen Austausch ein": held online
        # a counted plural is a series of gatherings, which a single one of them inside its span does not date
        rule = f"rule:event-series:{plural[1]}" if plural else "rule:event-frame"
        # "fanden in Halle und Magdeburg zwei Workshops statt": one gathering per place of a series
        places = event_series.joined_places(text, ctx.places) if plural and not online else []
        for place in places or [place]:
            candidates.append(_candidate(sentence, place.start_char if places else ctx.span.start_char, ctx.span.end_char, etype,
                                         name, date, place, count, facts.organisers_of.get(k, ()), rule, sentence, venue))
        # "finden am 3. März und am 17. März statt": one per day (days with places of their own are a series)
        days = [d for d in ctx.dates if d.granularity == "day"] if plural and len(ctx.places) < 2 else []
        for day in days[1:] if len(days) > 1 else ():
            candidates[-1] = candidates[-1]._replace(start=days[0].start, end=days[0].end)
            candidates.append(candidates[-1]._replace(start_char=day.start_char, start=day.start, end=day.end))
    return candidates


def _placed(text: str, ctx: Context, rules: EventRules) -> bool:
    """The sentence names a town after a preposition: a gathering streamed or hybrid ("fand in Berlin
    statt und wurde online übertragen") still takes place there."""
    return any(town(p, rules.places) and after_preposition(text, p, rules.places) for p in ctx.places)


def _frame_date(text: str, ctx: Context, rules: EventRules, counted: bool = False) -> DateMention | None:
    """The date of a gathering told by a verb alone: a day or a few days ("Vom 19.08. bis 30.09. findet …
    statt" is a period); a month or season only for a meeting verb with the town it meets in ("Im April
    trafen sich die Projektleitungen in Rostock"). A counted plural gathering noun (`counted`: "fanden
    zehn Online-Werkstätten statt") is dated by any day, span of days, month or season of the sentence."""
    if counted:
        return _pick_date([d for d in ctx.dates if d.granularity in ("day", "days", "month", "season")], ctx.span.start_char, rules)
    days = [d for d in ctx.dates if d.granularity in ("day", "days") and (d.end - d.start).days < rules.links.max_frame_days]
    if not days and ctx.frame in rules.links.period_frames:
        if any(town(p, rules.places) and after_preposition(text, p, rules.places) for p in ctx.places):
            days = [d for d in ctx.dates if d.granularity in ("month", "season")]
    return _pick_date(days, ctx.span.start_char, rules) if days else None


def _merged_events(doc: Doc, candidates: list[_Candidate], contexts: list[Context], text: str, rules: EventRules,
                   lead: int | None = None) -> tuple[EventMention, ...]:
    """The candidates merged into one event per gathering; the first (the article's main one) takes the
    town the title names and the attendance an undated lead gives, and a local story's dateline places the
    unplaced ones."""
    candidates.sort(key=lambda e: e.start_char)
    kinds = {p.name: p.kind for p in doc._.places} if any("event-ref" in c.rule or "event-def" in c.rule for c in candidates) else {}
    parts = rules.links.part_heads
    events = merging.kind_of_the_article(merging.keep(merging.merge(merging.wholes(candidates, parts), kinds), parts))
    if events and events[0].type != "webinar":
        # the article's gathering is where its title says, unless the text names its town; a Land or country
        # of the text is its scope ("… des ESF Plus in Nordrhein-Westfalen" under "… in Bochum")
        first = events[0].location
        if first is None or not any(p.name == first and town(p, rules.places) for p in doc._.places):
            title = title_town(text, contexts[0].places, rules.places)
            if title and (first is None or any(p.name == first and p.kind in _AREA_KINDS for p in doc._.places)):
                events[0] = events[0]._replace(location=title)
    if lead is not None and lead + 1 < len(contexts) and not contexts[lead].dates:
        events = attendance.lead_attendance(events, contexts[lead].counts, contexts[lead + 1].span.end_char)
    limits = [c for c in doc._.participant_counts if attendance.says_any(c.sentence, rules.links.capacity_words)]
    if limits:
        events = attendance.capacity(events, limits, doc._.published if isinstance(doc._.published, dt.date) else None)
    home = links.dateline(text, known_place) if any(e.location is None for e in events) else None
    if home:  # a local news story's gatherings take place in the town it reports from
        events = [e._replace(location=home) if e.location is None and e.type != "webinar" else e for e in events]
    return tuple(EventMention(*c) for c in events)


def find_events(doc: Doc, rules: EventRules) -> tuple[EventMention, ...]:
    """Events named by a gathering noun or reported by a gathering verb, with date, place and attendance.

    The noun's own sentence is read first; a noun whose sentence has no date borrows the date, place
    and attendance of a neighbouring sentence that reports a gathering ("80 Fachleute trafen sich am
    25. September in Bonn. In einer Werkstatt …"). Reports no noun claims become events of their own.
    Mentions of the same gathering are merged into one event.
    """
    v = view(doc)
    words = doc_lower_words(doc)
    nouns, positions, contexts, called_off, buildings = _scan(doc, v, words, rules)
    if not contexts:
        return ()
    facts = _doc_facts(doc, v, words, contexts, rules, called_off, buildings)
    used_frames: set[int] = set()  # sentences reporting a gathering whose date an event took already
    candidates = _head_candidates(facts, list(heads(v, positions, nouns, rules)), used_frames)
    candidates.extend(_series(v, contexts, rules, facts.text, used_frames))
    candidates.extend(_frame_candidates(facts, used_frames))
    return _merged_events(doc, candidates, contexts, facts.text, rules, facts.lead)


find = find_events
