"""Find funding programmes, funds and initiatives in a German Doc and name each by its short form.

Evidence: the programme gazetteer (data/programmes.yaml; longest match wins, so "ESF Plus" and
"ESF-Integrationsrichtlinie Bund" are not also "ESF") and programme names the text introduces in quotes
after a cue word ('im Rahmen des Programms "Vereinbarkeit von Familie und Beruf gestalten"').
A programme is named as the text names it (its short name when the text uses it, "rückenwind3" as
written), a bracketed short form after a title names it ('"…" ("StäM")'), a successor keeps its
generation suffix ("JOBSTARTER plus"). Photo credit lines and the quoted names of projects and units
('das Projekt "BBNE-Werkstatt"') are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from biwaq_extract.nlp.german_case_forms import inflected_variants
from biwaq_extract.nlp.programme_cues import compound_cue_hits, singular_cue_hits, singular_cue_pattern
from biwaq_extract.nlp.rule_data import load
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.text_helpers import (
    QUOTES,
    PhraseTrie,
    Pieces,
    add_logo_ranges,
    ascii_slug,
    compound_head_after,
    doc_credit_ranges,
    doc_pieces,
    in_spans,
    inside_compound_tail,
    pieces,
)
from biwaq_extract.nlp.token_view import doc_text
from biwaq_extract.records import ProgrammeMention
from biwaq_extract.steward.user_gazetteer import Entry, UserGazetteer


@dataclass(frozen=True)
class Programme:
    """A gazetteer programme."""

    id: str
    name: str
    compound: bool
    quoted_only: frozenset[str]
    standard: bool = False  # the short name stands for every variant ("Europäischer Sozialfonds" -> ESF)


@dataclass(frozen=True)
class ProgrammeResources:
    """Everything the finder needs, built once from programmes.yaml and programme_words.yaml."""

    programmes: dict[str, Programme]
    trie: PhraseTrie
    not_compounds: frozenset[str]
    cue: re.Pattern
    credit_markers: tuple[str, ...]
    cue_words: tuple[str, ...]  # every cue holds one of these (see `cue_words`)
    quoted_only_cue: re.Pattern  # a cue word right before a `quoted_only` variant
    own_name_before: re.Pattern  # a project or unit noun ending right before a quote
    suffix: re.Pattern  # a generation suffix right after a name (group "suffix")
    caps_after_cue: re.Pattern  # matched where a cue word starts: it, then a name in capitals (group "name")
    plural_cues: tuple[str, ...] = ()  # a plural cue lists several quoted names
    plural_cue_forms: tuple[str, ...] = ()  # the plural cues in lower and upper case
    singular_cue: re.Pattern | None = None  # a singular cue, then an unquoted name (group "name")
    singular_cue_words: tuple[str, ...] = ()
    not_cued_openers: frozenset[str] = frozenset()
    people_nouns: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())  # "… Beschäftigte": no name's end
    land_short_names: frozenset[str] = frozenset()  # "NRW": a Land named after a compound cue


def cue_pattern(cues: list[str]) -> re.Pattern:
    """A cue word (whole or as the end of a compound), optional "mit dem Namen", then a quoted name.

    >>> bool(cue_pattern(["Programms"]).search('im Rahmen des ESF-Programms "Perspektive Wiedereinstieg"'))
    True
    >>> cue_pattern(["Programm"]).search('das Programm „Zukunftszentren (KI)“ wurde').group("name")
    'Zukunftszentren (KI)'
    """
    alts = "|".join(sorted((re.escape(c) for c in cues), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?:[\w+]+[- ]?)??(?:{alts}|{alts.lower()})(?![\w])"
        rf"(?:[ \t]+(?:mit[ \t]+dem[ \t]+Namen|namens|zum[ \t]+Thema))?[ \t]*[{QUOTES}](?P<name>[^\n{QUOTES}]{{2,150}})"
        rf"[{QUOTES}]"
    )


def cue_words(cues: list[str]) -> tuple[str, ...]:
    """The fewest words of which every cue, capitalised or not, holds one: those not holding another.

    >>> cue_words(["Programm", "Bundesprogramms", "Initiative"])
    ('Programm', 'programm', 'Initiative', 'initiative')
    """
    forms = list(dict.fromkeys(f for c in cues for f in (c, c.lower())))
    return tuple(f for f in forms if not any(g != f and g in f for g in forms))


def build_resources(data: dict, words: dict) -> ProgrammeResources:
    """Resources from the parsed programmes.yaml (`data`) and programme_words.yaml (`words`)."""
    programmes: dict[str, Programme] = {}
    trie = PhraseTrie()
    for item in data["programmes"]:
        prog = Programme(item["id"], item["name"], bool(item.get("compound")), frozenset(item.get("quoted_only") or []),
                         bool(item.get("standard")))
        programmes[prog.id] = prog
        for variant in [item["name"], *(item.get("variants") or [])]:
            for form in inflected_variants(variant):
                trie.add(form, (prog.id, variant, False))
            hyphenated = hyphenated_form(variant)
            if hyphenated:
                trie.add(hyphenated, (prog.id, variant, True))
    cues = data["programme_cues"]
    assert all(re.fullmatch(r"\w+", c) for c in cues), cues  # `_cue_matches` relies on it
    own_nouns = "|".join(sorted(map(re.escape, words["own_name_nouns"]), key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in words["generation_suffixes"] if s != "+")
    return ProgrammeResources(
        programmes, trie, frozenset(data["not_programme_compounds"]), cue_pattern(cues),
        tuple(words["credit_markers"]), cue_words(cues),
        re.compile(rf"(?:{'|'.join(words['quoted_only_cues'])})\s+$"),
        re.compile(rf"(?<![\w-])(?:{own_nouns})[ \t]*$"),
        re.compile(rf"(?:[ \t]+(?P<suffix>{suffixes})|(?P<plus>\+))(?![\w+])"),
        caps_pattern(load("organisations")["laender"]),
        tuple(words["plural_cues"]),
        tuple(f for c in words["plural_cues"] for f in (c, c[:1].upper() + c[1:])),
        singular_cue_pattern(words["singular_cues"], words["cued_name_inner_words"],
                             [s for s in words["generation_suffixes"] if s != "+"]),
        cue_words(words["singular_cues"]),
        frozenset(words["not_cued_name_openers"]),
        (frozenset(load("participants")["nouns"]), tuple(load("participants")["suffixes"])),
        frozenset(words["land_short_names"]),
    )


def caps_pattern(laender) -> re.Pattern:
    """Matched where a cue word starts: the rest of the word, then an unquoted name in capitals with the
    Land it is for ("im ESF Plus-Programm TANDEM Sachsen"): programme names are often written in capitals.

    >>> caps_pattern(["Sachsen"]).match("Programms TANDEM Sachsen teilnehmen").group("name")
    'TANDEM Sachsen'
    """
    lands = "|".join(sorted(map(re.escape, laender), key=len, reverse=True))
    return re.compile(rf"\w+[ \t]+(?P<name>[A-ZÄÖÜ]{{3,}}[A-ZÄÖÜ0-9³+]*(?:[ \t]+(?:{lands}))?)(?![\w-])")


def hyphenated_form(variant: str) -> str | None:
    """The form a name of capitalised words takes as the first part of a compound ("Soziale-Stadt-Gebiet").

    >>> hyphenated_form("Soziale Stadt"), hyphenated_form("Stark im Beruf")
    ('Soziale-Stadt', None)
    """
    words = variant.split()
    if len(words) < 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return "-".join(words)


def with_user_programmes(data: dict, entries: tuple[Entry, ...]) -> dict:
    """programmes.yaml data with a user gazetteer's programmes: a new id is a new programme; a shipped id
    gains the entry's name and aliases as variants."""
    items = {item["id"]: item for item in data["programmes"]}
    for entry in entries:
        known = items.get(entry.id)
        if known is None:
            items[entry.id] = {"id": entry.id, "name": entry.name, "variants": list(entry.aliases)}
        else:
            names = [entry.name] if entry.name != known["name"] else []
            items[entry.id] = {**known, "variants": [*(known.get("variants") or []), *names, *entry.aliases]}
    return {**data, "programmes": list(items.values())}


def _programme_data(user: UserGazetteer | None) -> dict:
    data = load("programmes")
    return data if user is None else with_user_programmes(data, user.programmes)


def surface_names(user: UserGazetteer | None = None) -> frozenset[str]:
    """Every programme name and variant, a user gazetteer's too (the organisation finder must not take these
    for organisations)."""
    data = _programme_data(user)
    names = set()
    for item in data["programmes"]:
        names.add(item["name"])
        names.update(item.get("variants") or [])
    return frozenset(names)


def _quoted_before(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] in QUOTES


def _gazetteer(text: str, toks: Pieces, res: ProgrammeResources) -> list[tuple[int, int, Programme, str]]:
    """(start, end, programme, variant found) of every gazetteer hit; a hyphenated multi-word variant
    ("Soziale-Stadt") counts only as the first part of a compound."""
    found = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    after = 0  # a hit's pieces start no other hit
    last = len(words) - 1
    for i in res.trie.starts(toks):
        if i < after or words[i - 1] == "-" and inside_compound_tail(toks, i):
            continue
        for j, values in res.trie.matches_at(words, i):
            prog_id, variant, hyphenated = next((v for v in values if not v[2]), values[0])
            prog = res.programmes[prog_id]
            head = compound_head_after(toks, j) if j < last and words[j] == "-" else None
            if head is not None and ((not prog.compound and not hyphenated) or head in res.not_compounds):
                continue
            if hyphenated and head is None:
                continue
            if variant in prog.quoted_only and not _quoted_before(text, starts[i]) and \
                    not res.quoted_only_cue.search(text[:starts[i]]):
                continue
            found.append((starts[i], ends[j - 1], prog, variant))
            after = j
            break
    return found


def _closing_quote(text: str, start: int, end: int) -> int | None:
    """Where the quoted title that a name opens ends ('"Stärkung der Teilhabe Älterer - …"' -> after the
    closing quote); None when the name does not open a quote."""
    if not _quoted_before(text, start):
        return None
    line_end = text.find("\n", end)
    m = _QUOTE.search(text[end: line_end if line_end >= 0 else len(text)][:200])
    return end + m.end() if m else None


# A short form in brackets right after a name: ' "…" ("StäM")', "… (rückenwind+)".
_BRACKETED_SHORT = re.compile(rf"[ \t]*\([ \t]*(?:kurz:[ \t]*)?[{QUOTES}]?([^()\n{QUOTES}]{{2,40}}?)[{QUOTES}]?[ \t]*\)")


def _known(short: str, res: ProgrammeResources) -> tuple[Programme, str] | None:
    """The gazetteer programme, and the variant, that `short` names exactly."""
    short_words = pieces(short).words
    known = res.trie.matches_at(short_words, 0)
    if known and known[0][0] == len(short_words):
        prog_id, variant, _ = known[0][1][0]
        return res.programmes[prog_id], variant
    return None


def _as_used(prog: Programme, variant: str, text: str, cache: dict[str, bool]) -> str:
    """The name to report: the short name when the programme is a fund (`standard`) or the text uses the
    short name, else the variant found without its subtitle ("rückenwind3", "Integrationsrichtlinie Bund":
    the gold names a programme as the text does)."""
    if prog.standard or variant == prog.name:
        return prog.name
    used = cache.get(prog.id)
    if used is None:
        used = cache[prog.id] = _word_search(prog.name).search(text) is not None
    return prog.name if used else short_name(variant, "")


@lru_cache(maxsize=512)
def _word_search(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.I)


# a unit of an administration named right before (its name unquoted): "des Referats Europäischer Sozialfonds"
_UNIT_BEFORE = re.compile(r"(?<![\w-])(?:Referat(?:e?s)?|(?:Unter)?[Aa]bteilung)[ \t]+$")
_QUOTED_NAME = re.compile(rf"[{QUOTES}](?P<name>[^{QUOTES}\n]{{1,150}})[{QUOTES}]")


def _own_names(text: str, res: ProgrammeResources) -> list[tuple[int, int]]:
    """Spans of the quoted names of projects and units ('das Projekt "BBNE-Werkstatt"'): a programme named
    inside one is not a mention of the programme. (Searched from the quotes: far fewer places than the
    text's every position.)"""
    return [m.span("name") for m in _QUOTED_NAME.finditer(text)
            if res.own_name_before.search(text, max(0, m.start() - 20), m.start())]


def short_name(quoted: str, after: str) -> str:
    """The short form of a programme introduced in quotes.

    >>> short_name("Berufsbildung für nachhaltige Entwicklung", ' (BBNE) erstellt')
    'BBNE'
    >>> short_name("Win-Win - Durch Kooperation zur Integration", " startete")
    'Win-Win'
    >>> short_name("Bildung, Wirtschaft, Arbeit im Quartier - BIWAQ", "")
    'BIWAQ'
    """
    m = re.match(r"\s*\((?:kurz:\s*)?[\"„“]?([^()\"„“”]{2,40}?)[\"“”]?\)", after)
    if m:
        return m.group(1).strip()
    parts = re.split(r"\s+[-–]\s+", quoted.strip(), maxsplit=1)
    if len(parts) == 2 and re.fullmatch(r"[A-ZÄÖÜ][\wäöü+³]*", parts[1]) and sum(ch.isupper() for ch in parts[1]) >= 2:
        return parts[1]
    return parts[0].strip(" ,.")


_QUOTE = re.compile(f"[{re.escape(QUOTES)}]")
_NOT_BEFORE_QUOTE = re.compile(r"[^\w+\- \t]")  # no cue match holds one of these before its opening quote
_MATCH_START = re.compile(r"(?<![\w])[\w+]")  # where a cue match can start


def _cue_matches(text: str, res: ProgrammeResources) -> list[re.Match]:
    """`res.cue.finditer(text)`, tried only where a match can start.

    A match is word characters, "+", "-", blanks and the cue up to its opening quote, so it starts within
    the run of such characters right before a quote mark, and that run holds a cue word. The first quote
    after a start is the match's opening quote, so each quote's run is tried in text order.
    """
    found: list[re.Match] = []
    if not any(word in text for word in res.cue_words):
        return found
    reverse = text[::-1]  # the run before a quote is found by searching backwards
    pos = 0  # every match starting before pos is found
    for quote in _QUOTE.finditer(text):
        q = quote.start()
        if q < pos:
            continue
        other = _NOT_BEFORE_QUOTE.search(reverse, len(text) - q)
        run_start = max(pos, len(text) - other.start() if other else 0)
        if not any(text.find(word, run_start, q) >= 0 for word in res.cue_words):
            continue
        for start in _MATCH_START.finditer(text, run_start, q):
            m = res.cue.match(text, start.start())
            if m:
                found.append(m)
                pos = m.end()
                break
    return found


def _gazetteer_hits(text: str, toks, res: ProgrammeResources, own_names, used: dict[str, bool]) -> list[tuple]:
    """Hits of the gazetteer's programmes, settled by a bracketed short form or a "+" successor after them."""
    hits = []
    for s, e, prog, variant in _gazetteer(text, toks, res):
        if own_names and in_spans(s, own_names) or _UNIT_BEFORE.search(text, max(0, s - 12), s):
            continue  # "Leiter des Referats Europäischer Sozialfonds": the unit's own name
        close = _closing_quote(text, s, e)
        after = close if close is not None else e
        # (most hits have neither a bracket nor a suffix after them: a look at the next characters first)
        bracketed = _BRACKETED_SHORT.match(text, after) if "(" in text[after: after + 3] else None
        known = _known(bracketed.group(1).strip(), res) if bracketed else None
        if known is not None and known[0].id != prog.id:
            prog, variant = known  # "rückenwind - Für die Beschäftigten …" (rückenwind+): the bracket decides
        following = text[e: e + 2]
        suffix = res.suffix.match(text, e) if following[:1] == "+" or following[1:] in ("p", "P") else None
        if suffix and not known:  # a successor the gazetteer does not list
            name = _as_used(prog, variant, text, used) + (" " + suffix.group("suffix") if suffix.group("suffix") else "+")
            hits.append((s, suffix.end(), f"{prog.id}-plus", name, "gazetteer"))
            continue
        hits.append((s, e, prog.id, _as_used(prog, variant, text, used), "gazetteer"))
    return hits


def _quoted_hits(
    text: str, res: ProgrammeResources, own_names, starts: set[int], used: dict[str, bool]
) -> tuple[list[tuple], dict[str, tuple[str, str]]]:
    """Hits of quoted names after a programme cue word, and the names they teach (name -> (id, name))."""
    hits = []
    learned: dict[str, tuple[str, str]] = {}
    for m in _cue_matches(text, res):
        for name_start, quoted, after in _listed_names(text, m, res):
            _quoted_hit(text, res, own_names, starts, used, name_start, quoted, after, hits, learned)
    return hits, learned


# a further quoted name in a list: ', "…"', ' und "…"', ', sowie „…“', ' sowie der „…“'
_NEXT_QUOTED = re.compile(rf"[ \t]*(?:,[ \t]*)?(?:(?:und|sowie|oder)[ \t]+(?:(?:der|die|das|den|dem)[ \t]+)?)?"
                          rf"[{QUOTES}](?P<name>[^\n{QUOTES}]{{2,150}})[{QUOTES}]")


def _listed_names(text: str, m: re.Match, res: ProgrammeResources) -> list[tuple[int, str, int]]:
    """(start, quoted name, end) of the name a cue match quotes and, after a plural cue ("die Programme"),
    of the names listed with it."""
    names = [(m.start("name"), m.group("name"), m.end())]
    cue = text[m.start(): m.start("name") - 1].rstrip(f" \t{QUOTES}").lower()
    if not cue.endswith(res.plural_cues):
        return names
    end = m.end()
    while (nxt := _NEXT_QUOTED.match(text, end)) is not None:
        if not text[end: nxt.start("name")].strip(f" \t{QUOTES}"):
            break  # two quotes with nothing between: no list
        names.append((nxt.start("name"), nxt.group("name"), nxt.end()))
        end = nxt.end()
    return names


def _quoted_hit(text: str, res: ProgrammeResources, own_names, starts: set[int], used: dict[str, bool],
                name_start: int, quoted: str, after: int, hits: list, learned: dict) -> None:
    """Add the hit of one quoted name after a cue word, and the name it teaches."""
    if name_start in starts or quoted.rstrip().endswith("?") or len(quoted.split()) > 16:
        return  # a gazetteer programme, or a question/motto rather than a name
    if own_names and in_spans(name_start, own_names):
        return
    short = short_name(quoted, text[after: after + 60])
    known = _known(short, res)
    if known is not None:
        prog_id, name = known[0].id, _as_used(known[0], known[1], text, used)
    else:
        prog_id, name = f"text:{ascii_slug(short)}", short
    learned[name] = (prog_id, name)
    hits.append((name_start, name_start + len(quoted.rstrip()), prog_id, name, "text:quoted-programme"))


def _caps_hits(text: str, res: ProgrammeResources) -> list[tuple]:
    """Hits of capitalised names right after a programme cue word."""
    hits = []
    for word in res.cue_words:  # (a search from each cue word: far fewer places than the whole text)
        at = text.find(word)
        while at >= 0:
            space = text.find(" ", at, at + 40)
            m = res.caps_after_cue.match(text, at) if space > 0 and text[space + 1: space + 4].isupper() else None
            if m:
                name = m.group("name")
                hits.append((m.start("name"), m.end("name"), f"text:{ascii_slug(name)}", name, "text:caps-programme"))
            at = text.find(word, at + len(word))
    return hits


# "die Programme des BMFSFJ, wie die Frühen Hilfen, Elternbegleitung und die Mehrgenerationenhäuser."
_ITEM_WORDS = r"[A-ZÄÖÜ][\w³+-]*(?:[ \t]+[A-ZÄÖÜ][\w³+-]*){0,3}"
_LIST_ITEM = re.compile(rf"(?:(?:die|den|der|das|dem)[ \t]+)?(?P<item>{_ITEM_WORDS})")
_LIST_INTRO = re.compile(r"(?:,[ \t]*)?(?:\bwie(?:[ \t]+(?:etwa|zum Beispiel))?|:)[ \t]+")
_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:und|sowie)?|und|sowie)[ \t]*")


def _unquoted_list_hits(text: str, res: ProgrammeResources) -> list[tuple]:
    """Names listed without quotes after a plural cue word and "wie" or a colon, in their sentence ("die
    Programme des Ministeriums, wie die Frühen Hilfen, Elternbegleitung und die Mehrgenerationenhäuser."):
    capitalised words, an article before each allowed; the list must end its sentence or clause. An
    adjective before a plural head is named in its plain form ("Frühe Hilfen")."""
    hits = []
    ends = set()
    for cue in res.plural_cue_forms:  # (a search for each cue: cheaper than a pattern over the text)
        at = text.find(cue)
        while at >= 0:
            end = at + len(cue)
            if not text[end: end + 1].isalnum():
                ends.add(end)
            at = text.find(cue, end)
    for end in sorted(ends):
        stop = min((k for k in (text.find(".", end), text.find("\n", end)) if k >= 0), default=len(text))
        m = _LIST_INTRO.search(text, end, stop)
        if m is not None and m.start() - end <= 80:
            hits += _list_items(text, m.end(), stop)
    return hits


def _list_items(text: str, pos: int, stop: int) -> list[tuple]:
    """The items of a list from `pos` when it runs up to `stop` (its sentence's end) or a comma."""
    items = []
    while True:
        m = _LIST_ITEM.match(text, pos)
        if m is None:
            return []
        items.append((m.start("item"), m.end("item"), m.group("item")))
        pos = m.end()
        join = _LIST_JOIN.match(text, pos)
        if join is None or join.end() == pos or join.end() >= stop:
            break
        pos = join.end()
    if text[pos: stop].strip(" \t)") or len(items) < 2:
        return []  # the list does not end its sentence: its extent is not clear
    return [(s, e, f"text:{ascii_slug(name)}", _plain_plural(name), "text:listed-programme") for s, e, name in items]


def _plain_plural(name: str) -> str:
    """ "Frühen Hilfen" -> "Frühe Hilfen": an adjective before a plural head, as a name is cited alone."""
    words = name.split()
    if len(words) == 2 and words[0].endswith("en") and words[1].endswith(("en", "er", "e")) \
            and words[0][:-2].isalpha():
        return f"{words[0][:-1]} {words[1]}"
    return name


def _learned_hits(text: str, learned: dict[str, tuple[str, str]]) -> list[tuple]:
    """Later plain uses of a learned short name ("Quereinstieg" after its full title)."""
    hits = []
    for name, (prog_id, _) in learned.items():
        if prog_id.startswith("text:"):
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
                hits.append((m.start(), m.end(), prog_id, name, "text:quoted-programme"))
    return hits


def _choose(hits: list[tuple], credits) -> list[tuple]:
    """The longest hits first, each kept unless it overlaps one kept already or lies in a credit line."""
    chosen = []
    starts, ends = [], []  # chosen spans, sorted and never overlapping: one look each side
    for s, e, pid, name, rule in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        at = bisect_right(starts, s)
        if (at and ends[at - 1] > s) or (at < len(starts) and starts[at] < e) or in_spans(s, credits):
            continue
        starts.insert(at, s)
        ends.insert(at, e)
        chosen.append((s, e, pid, name, rule))
    return chosen


def _without_logo_lines(text: str, chosen: list[tuple]) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Drop programmes named only on lines of their own below the title (the fund's logo above a
    newsletter): a logo is not article text. A programme the text also names elsewhere stays. Returns the
    hits kept and the spans dropped."""
    title_end = text.find("\n", len(text) - len(text.lstrip()))
    if title_end < 0:
        return chosen, []
    alone = set()
    for n, (s, e, *_) in enumerate(chosen):
        line_start = text.rfind("\n", max(0, s - 3), s)
        if s > title_end and line_start >= 0 and not text[line_start + 1: s].strip():
            line_end = text.find("\n", e)
            if not text[e: len(text) if line_end < 0 else line_end].strip():
                alone.add(n)
    if not alone:
        return chosen, []
    named = {h[2] for n, h in enumerate(chosen) if n not in alone}
    return ([h for n, h in enumerate(chosen) if n not in alone or h[2] in named],
            [h[:2] for n, h in enumerate(chosen) if n in alone and h[2] not in named])


def find(doc: Doc, resources: ProgrammeResources) -> tuple[ProgrammeMention, ...]:
    """Every programme mention in `doc`, in text order, named by its short form."""
    res = resources
    text = doc_text(doc)
    toks = doc_pieces(doc)
    credits = doc_credit_ranges(doc, res.credit_markers)
    own_names = _own_names(text, res)
    used: dict[str, bool] = {}
    hits = _gazetteer_hits(text, toks, res, own_names, used)
    quoted, learned = _quoted_hits(text, res, own_names, {s for s, *_ in hits}, used)
    hits += quoted
    # a name the gazetteer or a quote gives is read there, with its known extent
    hits += [h for h in compound_cue_hits(text, res.land_short_names)
             if not any(s < h[1] and h[0] < e for s, e, *_ in hits)]
    hits += _caps_hits(text, res)
    hits += [h for h in singular_cue_hits(text, res.singular_cue, res.singular_cue_words, res.not_cued_openers,
                                          res.people_nouns)
             if not any(s < h[1] and h[0] < e for s, e, *_ in hits)]
    hits += _unquoted_list_hits(text, res)
    hits += _learned_hits(text, learned)
    chosen, logos = _without_logo_lines(text, _choose(hits, credits))
    if logos:
        add_logo_ranges(doc, logos)
    sentence = sentence_index(doc).text_at
    return tuple(
        ProgrammeMention(text=text[s:e], start_char=s, end_char=e, programme_id=pid, name=name, rule=rule,
                         sentence=sentence(s, e))
        for s, e, pid, name, rule in sorted(chosen)
    )


@lru_cache(maxsize=4)
def load_resources(user: UserGazetteer | None = None) -> ProgrammeResources:
    """Read programmes.yaml and programme_words.yaml once per process (and user gazetteer); `user`: a user
    gazetteer whose programmes join the shipped ones."""
    return build_resources(_programme_data(user), load("programme_words"))
