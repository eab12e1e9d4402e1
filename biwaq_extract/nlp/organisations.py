"""Find organisations in a German Doc and link every mention to a canonical id, name and acronym.

Evidence, strongest first: the gazetteer (data/organisations.yaml, every name in all German case forms,
names resolved by the publication date), name patterns (Land ministries, universities, institutes,
foundations, local offices, "... e. V." / "... GmbH"), acronym definitions in the text itself
("Long Form (ACR)", "ACR (Long Form)") and, when the pipeline has an `ner`, its ORG entities.
Photo credit lines ("© BMAS/...", "Foto: ...") are not article text and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from bisect import bisect_left
from functools import lru_cache
from importlib import resources as importlib_resources
from itertools import accumulate, compress, product
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from biwaq_extract.nlp.rule_data import load_yaml
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import doc_text
from biwaq_extract.records import OrgMention

DATA_FILE = "data/organisations.yaml"

# --- small text helpers shared with programmes.py ---------------------------------------------------

_PIECE = re.compile(r"\w+|[^\w\s]")
_PIECE_SPLIT = re.compile(r"(\w+|[^\w\s])")  # the same pieces, as separators of a split
QUOTES = "„\"“”‚‘’'«»"


class Pieces:
    """A text split into words and single punctuation marks, as three columns: `words[i]` and its
    character offsets `starts[i]`, `ends[i]` (plain lists: a document has thousands of pieces, and
    one object per piece was most of the finders' time)."""

    __slots__ = ("words", "starts", "ends", "_word_set")

    def __init__(self, text: str):
        # split() keeps the pieces between the gaps: [gap, piece, gap, piece, ..., gap]; the running
        # sum of their lengths gives every piece's start and end without a match object per piece
        parts = _PIECE_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self._word_set: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def positions(self, keys) -> list[int]:
        """Indices of the pieces in `keys` (a set or dict), ascending."""
        return list(compress(range(len(self.words)), map(keys.__contains__, self.words)))

    @property
    def word_set(self) -> frozenset[str]:
        if self._word_set is None:
            self._word_set = frozenset(self.words)
        return self._word_set

    def has_any(self, keys) -> bool:
        """Whether some piece is in `keys` (a look-up per key: cheaper than `positions` for a few keys)."""
        return not self.word_set.isdisjoint(keys)

    def positions_of_char(self, text: str, char: str) -> list[int]:
        """Indices of the pieces that are `char`, a punctuation character (always a piece of its own)."""
        at, found = text.find(char), []
        while at >= 0:
            found.append(bisect_left(self.starts, at))
            at = text.find(char, at + 1)
        return found

    def positions_of_words(self, text: str, words: Iterable[str]) -> list[int]:
        """Indices of the pieces in `words`, found by searching `text` for them (cheaper than `positions`
        for a few words the text has)."""
        found = []
        for word in self.word_set.intersection(words):
            at = text.find(word)
            while at >= 0:
                i = bisect_left(self.starts, at)
                if i < len(self.starts) and self.starts[i] == at and self.words[i] == word:
                    found.append(i)
                at = text.find(word, at + 1)
        return sorted(found)


def pieces(text: str) -> Pieces:
    """Split text into words and single punctuation marks; hyphens and dots are pieces of their own,
    so "ESF-Programm" is ESF, -, Programm and "e. V." equals "e.V." (whitespace is ignored).

    The last document's pieces are kept: the organisation and programme finders both read them.
    """
    cached = _LAST_PIECES.get(text)
    if cached is not None:
        return cached
    result = Pieces(text)
    if len(text) > 200:  # long texts only: short phrases are cheap and would evict the document
        _LAST_PIECES.clear()
        _LAST_PIECES[text] = result
    return result


_LAST_PIECES: dict[str, Pieces] = {}


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _PIECE.finditer(phrase))


class PhraseTrie:
    """Longest-match lookup of phrases over a piece sequence (fast on 1 MB texts, unlike big regexes)."""

    _END = object()

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, phrase: str, value) -> None:
        node = self.root
        for key in phrase_key(phrase):
            node = node.setdefault(key, {})
        values = node.setdefault(self._END, [])
        if value not in values:
            values.append(value)

    def starts(self, toks: Pieces) -> list[int]:
        """Indices of the pieces where `matches_at` may find a phrase: those whose word and the next
        begin one (most phrases that begin with "der" or "die" end there)."""
        root, end, words = self.root, self._END, toks.words
        last = len(words) - 1
        return [i for i in toks.positions(root) if end in root[words[i]] or i < last and words[i + 1] in root[words[i]]]

    def matches_at(self, words: list[str], i: int) -> list[tuple[int, list]]:
        """All (end index, values) of phrases starting at words[i], longest first."""
        node, found = self.root, []
        end = self._END
        for j in range(i, len(words)):
            node = node.get(words[j])
            if node is None:
                break
            if end in node:
                found.append((j + 1, node[end]))
        return found[::-1]


def is_word(piece: str) -> bool:
    return piece[0].isalnum() or piece[0] == "_"


def inside_compound_tail(toks: Pieces, i: int) -> bool:
    """Piece i is the second part of a hyphenated compound ("Pandemie-bedingt": True for "bedingt")."""
    if i < 2:
        return False
    words, starts, ends = toks.words, toks.starts, toks.ends
    return words[i - 1] == "-" and ends[i - 1] == starts[i] and ends[i - 2] == starts[i - 1] \
        and is_word(words[i - 2])


def compound_head_after(toks: Pieces, j: int) -> str | None:
    """The rest of a hyphenated compound that continues after piece j-1 ("ESF-Programm" -> "Programm")."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    if j + 1 < len(words) and words[j] == "-" and ends[j - 1] == starts[j] and ends[j] == starts[j + 1] \
            and is_word(words[j + 1]):
        k, parts = j + 1, [words[j + 1]]
        while k + 2 < len(words) and words[k + 1] == "-" and ends[k] == starts[k + 1] \
                and ends[k + 1] == starts[k + 2]:
            parts.append(words[k + 2])
            k += 2
        return "-".join(parts)
    return None


# every credit line holds "Foto", "Copyright" or "Bild" before a colon ("Bildung" is in most texts)
_CREDIT_BILD = re.compile(r"Bild(?:nachweis|quelle)?\s*:")
_CREDIT_LINE = re.compile(r"^[ \t•\-*]*(?:Foto|Fotos|Bild|Bildnachweis|Bildquelle|Copyright|Quelle Foto)\s*:", re.M)


def credit_spans(text: str, markers: Iterable[str] = ("©", "(c)", "Foto:", "Fotos:")) -> list[tuple[int, int]]:
    """Character ranges of photo credits: from a marker ("©", "Foto:") to the end of its line.

    >>> credit_spans("Das Glücksrad © BMAS\\nDer ESF")
    [(14, 20)]

    The last document's ranges per marker are kept: the organisation and programme finders both read them.
    """
    cache = _LAST_CREDITS.get(text)
    if cache is None:
        cache = {}
        if len(text) > 200:
            _LAST_CREDITS.clear()
            _LAST_CREDITS[text] = cache
    spans = []
    for marker in (*markers, None):  # None: the credit lines
        found = cache.get(marker)
        if found is None:
            found = cache[marker] = _credit_spans(text, marker)
        spans += found
    return sorted(set(spans))


_LAST_CREDITS: dict[str, dict[str | None, list[tuple[int, int]]]] = {}


def _credit_spans(text: str, marker: str | None) -> list[tuple[int, int]]:
    """Ranges from each `marker` to the end of its line; for None, the credit lines."""
    spans = []
    if marker is None:
        if "Foto" in text or "Copyright" in text or _CREDIT_BILD.search(text):
            for m in _CREDIT_LINE.finditer(text):
                end = text.find("\n", m.start())
                spans.append((m.start(), len(text) if end < 0 else end))
        return spans
    start = text.find(marker)
    while start >= 0:
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
        start = text.find(marker, start + len(marker))
    return spans


def in_spans(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def sentence_finder(doc: Doc) -> Callable[[int, int], str]:
    """A function giving the sentence that holds a character span (the shared per-Doc index)."""
    return sentence_index(doc).text_at


def sentence_text(doc: Doc, start: int, end: int) -> str:
    """The sentence holding one character span (use `sentence_finder` for many spans)."""
    return sentence_finder(doc)(start, end)


def slug(text: str) -> str:
    """Lowercase ASCII slug: "Evangelische Hochschule Berlin" -> "evangelische-hochschule-berlin"."""
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- German case forms --------------------------------------------------------------------------------

_ADJ = re.compile(r"^([A-ZÄÖÜ][\w-]*?(?:isch|sch|ig|lich|al|ell|iv|ar|frei|Frei|rot|Rot|neu|Neu|privat|Privat"
                  r"|vereint|Vereint))(e|en|er|es|em)$")
_FEMININE = ("ung", "ion", "heit", "keit", "schaft", "tät", "ei", "ie", "ur", "ik", "e", "anz", "enz", "union",
             "regierung", "hilfe", "caritas", "wohlfahrt", "kasse")
_MASCULINE = ("verband", "verein", "tag", "rat", "bund", "senat", "dienst", "fonds", "kreis", "ausschuss", "beirat",
              "träger", "ring", "hof")
_COORD = {"und", "sowie", "oder", "&", ","}


def _gender(head: str) -> str:
    low = head.lower()
    if low.endswith(_MASCULINE):
        return "m"
    if low.endswith(_FEMININE):
        return "f"
    return "n"


def _genitives(head: str) -> set[str]:
    """Genitive forms of a masculine or neuter head noun ("Amt" -> Amts, Amtes)."""
    if not head[:1].isupper() or head.isupper() or head[-1] in "sßxz" or _gender(head) == "f":
        return set()
    forms = {head + "s"}
    if head[-1] in "tdgkbp" and not head.lower().endswith(("um", "ent")):
        forms.add(head + "es")
    return forms


def _split_name(words: list[str]) -> tuple[int, int]:
    """(number of leading adjectives, index of the head noun) of a name's words."""
    n_adj = 0
    while n_adj + 1 < len(words) and _ADJ.match(words[n_adj]) and words[n_adj + 1][:1].isupper():
        n_adj += 1
    head = n_adj
    while head + 1 < len(words) and (words[head].endswith("-") or words[head] in _COORD or words[head + 1] in _COORD
                                     and words[head].endswith("-")):
        head += 1
    while head + 1 < len(words) and words[head] in _COORD:
        head += 1
    return n_adj, head


def inflected_variants(name: str) -> set[str]:
    """Every German case form of a name: weak/strong adjective endings and the genitive of the head noun.

    >>> sorted(inflected_variants("Bundesministerium für Arbeit und Soziales"))
    ['Bundesministerium für Arbeit und Soziales', 'Bundesministeriums für Arbeit und Soziales']
    >>> "Europäischen Kommission" in inflected_variants("Europäische Kommission")
    True
    >>> "Bayerischen Arbeits- und Sozialministeriums" in inflected_variants("Bayerisches Arbeits- und Sozialministerium")
    True
    >>> {"Deutschen Städtetages", "Deutschen Städtetag"} <= inflected_variants("Deutscher Städtetag")
    True
    >>> sorted(inflected_variants("BMAS"))
    ['BMAS']
    """
    words = name.split()
    if not words:
        return set()
    n_adj, head = _split_name(words)
    adj_forms = []
    for word in words[:n_adj]:
        stem = _ADJ.match(word).group(1)
        adj_forms.append([stem + ending for ending in ("e", "en", "er", "es", "em")])
    head_forms = [words[head], *sorted(_genitives(words[head]))] if head < len(words) else []
    variants = set()
    for adjs in product(*adj_forms):
        for h in head_forms or [None]:
            parts = list(adjs) + words[n_adj:head] + ([h] if h else []) + words[head + 1:]
            variants.add(" ".join(parts))
    variants.add(name)
    return variants


def nominative(name: str) -> str:
    """The nominative of an inflected name found in text.

    >>> nominative("Evangelischen Hochschule Berlin")
    'Evangelische Hochschule Berlin'
    >>> nominative("Bayerischen Arbeits- und Sozialministeriums")
    'Bayerisches Arbeits- und Sozialministerium'
    >>> nominative("Europabüros Nürnberg")
    'Europabüro Nürnberg'
    """
    words = name.split()
    if not words:
        return name
    n_adj, head = _split_name(words)
    if head < len(words):
        h = words[head]
        for suffix in ("iums", "ums"):
            if h.endswith(suffix):
                h = h[:-1]
                break
        else:
            if h.endswith("es") and _gender(h[:-2]) != "f" and h[-3:-2] in tuple("tdgkbp") and len(h) > 5 \
                    and not h.endswith(("ses", "zes")):
                h = h[:-2]
            elif h.endswith("s") and len(h) > 4 and _gender(h[:-1]) != "f" and h[:-1].lower().endswith(
                    ("amt", "ut", "um", "werk", "büro", "zentrum", "center", "verband", "verein", "tag", "rat",
                     "kolleg", "haus", "netzwerk", "ministerium", "bündnis", "forum")):
                h = h[:-1]
        words[head] = h
        ending = {"f": "e", "m": "er", "n": "es"}[_gender(h)]
        for k in range(n_adj):
            words[k] = _ADJ.match(words[k]).group(1) + ending
    return " ".join(words)


# --- gazetteer ----------------------------------------------------------------------------------------

def _as_date(value, end: bool) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    year = int(value)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


@dataclass(frozen=True)
class NameRecord:
    """One name of an organisation, with the acronym that went with it and when it was valid."""

    name: str
    acronym: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    official: bool = True

    def distance(self, day: dt.date | None) -> int:
        """Days between `day` and this name's validity (0 when valid or when either is unknown)."""
        if day is None:
            return 0
        if self.valid_from and day < self.valid_from:
            return (self.valid_from - day).days
        if self.valid_to and day > self.valid_to:
            return (day - self.valid_to).days
        return 0


@dataclass(frozen=True)
class OrgEntry:
    """A gazetteer organisation."""

    id: str
    name: str
    acronym: str | None
    type: str | None
    level: str | None
    names: tuple[NameRecord, ...] = ()
    acronyms: tuple[str, ...] = ()
    needs_definition: bool = False

    def canonical(self, day: dt.date | None) -> tuple[str, str | None]:
        """(name, acronym) current at `day`; the gazetteer's own when the day is unknown."""
        official = [r for r in self.names if r.official]
        if day is None or not official:
            return self.name, self.acronym
        best = min(official, key=lambda r: (r.distance(day), -(r.valid_from or dt.date.min).toordinal()))
        return best.name, best.acronym or self.acronym


@dataclass
class OrgResources:
    """Everything the finder needs, built once per pipeline from organisations.yaml."""

    entries: dict[str, OrgEntry]
    trie: PhraseTrie
    acronym_ids: dict[str, str]
    org_heads: tuple[str, ...]
    units: frozenset[str]
    generic: frozenset[str]
    credit_markers: tuple[str, ...]
    role_nouns: frozenset[str]
    name_openers: frozenset[str]
    patterns: list[NamePattern]
    place_re: str
    local_heads: dict
    programme_names: frozenset[str] = frozenset()
    use_ner: bool = False
    surfaces: dict[str, list] = field(default_factory=dict)
    # word of a pattern's first keyword group -> indices of those patterns (see NamePattern); for local
    # office patterns the first word of their head
    pattern_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    head_index: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, list[int]] = defaultdict(list)
        heads: dict[str, list[int]] = defaultdict(list)
        for n, pattern in enumerate(self.patterns):
            if pattern.head:
                heads[re.match(r"\w+", pattern.head).group()].append(n)
            else:
                for word in pattern.needs[0]:
                    index[word].append(n)
        self.pattern_index = {word: tuple(ns) for word, ns in index.items()}
        self.head_index = {word: tuple(ns) for word, ns in heads.items()}


def _records(item: dict) -> Iterator[NameRecord]:
    for rec in item.get("names") or []:
        yield NameRecord(rec["name"], rec.get("acronym"), _as_date(rec.get("valid_from"), False),
                         _as_date(rec.get("valid_to"), True), True)
    for alias in item.get("aliases") or []:
        if isinstance(alias, str):
            yield NameRecord(alias, None, None, None, False)
        else:
            yield NameRecord(alias["name"], alias.get("acronym"), _as_date(alias.get("valid_from"), False),
                             _as_date(alias.get("valid_to"), True), False)


def load_data(text: str | None = None) -> dict:
    if text is None:
        text = importlib_resources.files("biwaq_extract").joinpath(DATA_FILE).read_text("utf-8")
    return load_yaml(text)


def build_resources(data: dict, programme_names: Iterable[str] = (), use_ner: bool = False) -> OrgResources:
    entries: dict[str, OrgEntry] = {}
    trie = PhraseTrie()
    acronym_ids: dict[str, str] = {}
    for item in data["organisations"]:
        records = list(_records(item))
        if not any(r.name == item["name"] for r in records):
            records.insert(0, NameRecord(item["name"], item.get("acronym"), None, None, not item.get("names")))
        acronyms = tuple(dict.fromkeys([*(item.get("acronyms") or []), *([item["acronym"]] if item.get("acronym") else []),
                                        *(r.acronym for r in records if r.acronym)]))
        entry = OrgEntry(item["id"], item["name"], item.get("acronym"), item.get("type"), item.get("level"),
                         tuple(records), acronyms, bool(item.get("acronym_needs_definition")))
        entries[entry.id] = entry
        for rec in records:
            for form in inflected_variants(rec.name):
                trie.add(form, (entry.id, "name", rec))
        for acr in acronyms:
            acronym_ids.setdefault(acr, entry.id)
            rec = next((r for r in records if r.acronym == acr), NameRecord(entry.name, acr))
            trie.add(acr, (entry.id, "acronym", rec))
    patterns, place_re = name_patterns(data)
    return OrgResources(
        entries=entries,
        trie=trie,
        acronym_ids=acronym_ids,
        org_heads=tuple(h.lower() for h in data["org_heads"]),
        units=frozenset(data["units"]),
        generic=frozenset(data["generic_nouns"]),
        credit_markers=tuple(data["credit_markers"]),
        role_nouns=frozenset(data["role_nouns"]),
        name_openers=frozenset(data["name_openers"]),
        patterns=patterns,
        place_re=place_re,
        local_heads=data["local_heads"],
        programme_names=frozenset(programme_names),
        use_ner=use_ner,
    )


# --- name patterns (one function builds them all, examples in the docstring) ------------------------

_S = r"[ \t\xa0]+"
_UP = r"[A-ZÄÖÜ]"
_LOWER_DET = r"(?:der|des|dem|den|die|das|ein\w*|sein\w*|ihr\w*|unser\w*|dies\w*|jed\w*|alle\w*|viele\w*)"
_ITEM = (rf"(?:(?!{_LOWER_DET}{_S}){'[a-zäöüß]'}{{3,}}(?:e|en|er|es){_S})?"
         rf"{_UP}[\w]*(?:-{_UP}[\w]*)*-?")
_FUER_LIST = rf"für{_S}{_ITEM}(?:(?:{_S}|,{_S}?)(?:und{_S}|sowie{_S}|&{_S})?{_ITEM})*"
_PLACE_SHAPE = (r"[A-ZÄÖÜ][a-zäöüß]{2,}(?<!ungen)(?<!ionen)(?<!heiten)(?<!keiten)(?<!lichen)(?<!ischen)"
                r"(?:burg|berg|stadt|dorf|hausen|heim|ingen|feld|furt|hagen|bach|ow|itz|rode|hof|born|brücken|walde"
                r"|werder|lar|bruch|stedt|leben|brück|kirchen|büttel|münde|haven|kamp|tal|see)")


class NamePattern(NamedTuple):
    """A name pattern and what it finds. `needs` are groups of literal words: every match holds one word
    of each group, so only the lines that hold them all need a search (no pattern matches a line break).
    A local office pattern has `head`: every match starts with it, and its first word is a piece."""

    regex: re.Pattern
    needs: tuple[tuple[str, ...], ...]
    org_type: str
    level: str
    family: str
    head: str | None = None


# pattern syntax that could match a line break: \s \S \W \D \n, negated sets, ".", anchors
_MAY_MATCH_NEWLINE = re.compile(r"\\[sSWDnZA]|\[\^|(?<!\\)\.|\$|\^|\(\?[a-zA-Z]*s")


def name_patterns(data: dict) -> tuple[list[NamePattern], str]:
    """Regular expressions for organisation names the gazetteer cannot list, with (type, level, family).

    Land ministries:  "Bayerischen Staatsministerium für Familie, Arbeit und Soziales",
                      "Bayerischen Arbeits- und Sozialministerium", "NRW-Arbeitsministerium",
                      "Ministerium für Soziales, Gesundheit und Integration des Landes Baden-Württemberg",
                      "Senatsverwaltung für Integration, Arbeit und Soziales".
    Universities:     "Evangelischen Hochschule Berlin", "Humboldt-Universität zu Berlin",
                      "Hochschule für Wirtschaft und Recht Berlin", "Universität Hamburg".
    Institutes:       "Institut für Sozialforschung und Gesellschaftspolitik", "Fraunhofer-Institut".
    Foundations:      "Friedrich-Ebert-Stiftung", "Stiftung für Engagement und Ehrenamt".
    Local offices:    "Jobcenter Berlin Mitte", "Bezirksamt Neukölln", "Stadt Pforzheim", "Europabüro Nürnberg".
    """
    laender = data["laender"]
    land_names = "|".join(sorted((re.escape(n) for n in laender), key=len, reverse=True))
    adj_alts = []
    for stems in laender.values():
        for stem in stems:
            for s in {stem, stem[0].lower() + stem[1:]}:
                adj_alts.append(re.escape(s) if s.endswith("er") and not s.endswith("isch") else
                                rf"{re.escape(s)}(?:e[nmrs]?)")
    land_adj = "(?:" + "|".join(sorted(adj_alts, key=len, reverse=True)) + ")"
    land_qual = (rf"(?:{_S}(?:des{_S}Landes|des{_S}Freistaate?s|der{_S}Freien{_S}und{_S}Hansestadt|"
                 rf"der{_S}Freien{_S}Hansestadt){_S}(?:{land_names})|{_S}(?:{land_names})\b)")
    hints = "|".join(sorted((re.escape(p) for p in data["place_hints"]), key=len, reverse=True))
    place = (rf"(?:(?:{hints})(?![\w])|{_PLACE_SHAPE}(?![\w]))(?:-{_UP}[\w]+)*"
             rf"(?:{_S}(?:Mitte|Nord|Süd|Ost|West|am{_S}Main|an{_S}der{_S}{_UP}\w+|\(Oder\)))?")
    coord = rf"(?:{_UP}[\w]*-,?{_S})+(?:und|&){_S}"
    # Each pattern comes with groups of literal words: every match holds one word of each group (see
    # NamePattern), so a line without them is not searched.
    land_kw = tuple(laender)
    land_adj_kw = tuple(dict.fromkeys(stem[1:] for stems in laender.values() for stem in stems))  # any case
    ministry, ministry_kw = r"[Mm]inisteri(?:um|ums)", ("inisteri",)
    uadj = r"[A-ZÄÖÜ][\w]*(?:isch|ig|lich|al|frei|Frei|privat|Privat|Deutsch)e[nmrs]?"
    uni = r"(?:Universität|Hochschule|Fachhochschule|Kunsthochschule|Musikhochschule)"
    uni_kw = ("Universität", "ochschule")
    uni_tail = rf"(?:{_S}(?:zu|in){_S}{place}|{_S}{_FUER_LIST}(?:{_S}{place})?|{_S}{place})"
    inst, inst_kw = r"Institut(?:es|s)?", ("Institut",)
    senate, senate_kw = r"Senatsverwaltung(?:en)?", ("Senatsverwaltung",)
    foundation, foundation_kw = r"Stiftung", ("Stiftung",)
    patterns: list[tuple[str, tuple[tuple[str, ...], ...], str, str, str]] = [
        (rf"{land_adj}{_S}(?:Staats|Landes)?{ministry}{_S}{_FUER_LIST}(?:{land_qual})?", (ministry_kw, land_adj_kw),
         "land-ministry", "state", "land"),
        (rf"(?<![\w-])(?:Landes)?{ministry}{_S}{_FUER_LIST}{land_qual}", (ministry_kw, land_kw), "land-ministry",
         "state", "land"),
        (rf"{land_adj}{_S}(?:{coord})?{_UP}[\w]*{ministry}", (ministry_kw, land_adj_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-])(?:{land_names})-{_UP}[\w]*{ministry}", (ministry_kw, land_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-])(?!Bundes){_UP}[\w]*{ministry}{land_qual}", (ministry_kw, land_kw), "land-ministry", "state",
         "land"),
        (rf"(?<![\w-]){senate}{_S}{_FUER_LIST}(?:{_S}Berlin\b)?", (senate_kw,), "land-ministry", "state", "land"),
        (rf"(?:{uadj}{_S})+(?:{_UP}[\w]*-)*{uni}{uni_tail}?", (uni_kw,), "university", "other", "university"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{uni}{uni_tail}?", (uni_kw,), "university", "other",
         "university"),
        (rf"(?<![\w-]){uni}{uni_tail}", (uni_kw,), "university", "other", "university"),
        (rf"(?:{uadj}{_S})*(?:(?<![\w-]){_UP}[\w]*-)*{inst}{_S}{_FUER_LIST}(?:{_S}{place})?", (inst_kw,),
         "institute", "other", "institute"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{inst}", (inst_kw,), "institute", "other", "institute"),
        (rf"(?<![\w-]){_UP}[\w]*-(?:{_UP}[\w]*-)*{foundation}", (foundation_kw,), "foundation", "other",
         "foundation"),
        (rf"(?<![\w-]){foundation}{_S}{_FUER_LIST}", (foundation_kw,), "foundation", "other", "foundation"),
    ]
    for head, info in data["local_heads"].items():
        target = rf"{_UP}[\w]*(?:-{_UP}[\w]*)*(?:{_S}(?:Mitte|Nord|Süd|Ost|West))?" if info.get("any_name") else place
        region = rf"(?:(?:Landkreis|Kreis|Region|Städteregion|Stadt){_S}{_UP}[\w-]+)"
        assert re.match(r"\w", head), head  # after (?<![\w-]) its first word is a whole piece
        patterns.append((rf"(?<![\w-]){re.escape(head)}{_S}(?:{region}|{target})", ((head,),), info["type"],
                         info["level"], "local:" + (info.get("nominative") or head), head))
    for p, needs, *_ in patterns:
        # a keyword the pattern does not spell out would skip real matches, and `_patterns` searches
        # only the lines that hold the keywords: nothing may match a line break
        assert all(re.escape(k) in p for group in needs for k in group), (needs, p[:80])
        assert not _MAY_MATCH_NEWLINE.search(p.replace("\\\\", "")), p[:80]
    return [NamePattern(re.compile(p), needs, *rest) for p, needs, *rest in patterns], place


# --- the finder -------------------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    org_id: str
    name: str
    acronym: str | None
    rule: str
    org_type: str | None
    level: str | None
    priority: int  # lower wins on equal length
    kind: str = "name"  # name | acronym
    parent: str | None = None  # gazetteer id of the association a local branch belongs to


def _pick(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longer spans first, then stronger evidence, then earlier."""
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        start, end = c.start, c.end
        for s, e in taken:
            if end > s and start < e:
                break
        else:
            chosen.append(c)
            taken.append((start, end))
    return sorted(chosen, key=lambda c: c.start)


@lru_cache(maxsize=4096)
def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2 and " " not in text.strip()


def _gazetteer(text: str, toks: Pieces, res: OrgResources, day: dt.date | None) -> list[_Cand]:
    cands = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    canonical: dict[str, tuple[str, str | None]] = {}  # per entry: the day is the document's
    last = len(words) - 1
    for i in res.trie.starts(toks):
        if words[i - 1] == "-" and inside_compound_tail(toks, i):
            continue
        for j, values in res.trie.matches_at(words, i):
            if j < last and words[j] == "-" and compound_head_after(toks, j) is not None and not (
                    all(v[1] == "acronym" for v in values) and text[starts[i]: ends[j - 1]] != "EU"):
                continue
            entry_id, kind, _rec = values[0] if len(values) == 1 else min(values, key=lambda v: v[2].distance(day))
            entry = res.entries[entry_id]
            if entry_id not in canonical:
                canonical[entry_id] = entry.canonical(day)
            name, acronym = canonical[entry_id]
            end = ends[j - 1]
            # absorb a legal-form suffix written after a known name ("... Wohlfahrtspflege e. V.")
            if words[j: j + 4] == ["e", ".", "V", "."]:
                end = ends[j + 3]
            cands.append(_Cand(starts[i], end, entry_id, name, acronym, "gazetteer", entry.type, entry.level, 0,
                               kind))
            break
    return cands


def _lines_with(text: str, keywords: Iterable[str]) -> set[tuple[int, int]]:
    """(start, end) of every line that holds one of the keywords."""
    lines = set()
    for keyword in keywords:
        at = text.find(keyword)
        while at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            lines.add((text.rfind("\n", 0, at) + 1, end))
            at = text.find(keyword, end)
    return lines


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)))


def _head_matches(text: str, regex: re.Pattern, head: str) -> Iterator[re.Match]:
    """`regex.finditer(text)` for a pattern whose every match starts with `head`: tried at those only."""
    at, starts = text.find(head), []
    while at >= 0:
        starts.append(at)
        at = text.find(head, at + 1)
    return _matches_at(text, regex, starts)


def _matches_at(text: str, regex: re.Pattern, starts: list[int]) -> Iterator[re.Match]:
    """`regex.finditer(text)` when every match starts at one of `starts` (ascending)."""
    pos = 0
    for at in starts:
        if at >= pos:
            m = regex.match(text, at)
            if m:
                pos = m.end()
                yield m


def _pattern_matches(text: str, toks: Pieces, res: OrgResources) -> Iterator[tuple[NamePattern, re.Match]]:
    """Every pattern's `finditer(text)` matches, pattern by pattern, searched only where they can be.

    A pattern matches only within a line that holds a word of each of its keyword groups, so only those
    lines are searched (pos/endpos: lookbehinds still see the text before the line, and nothing a pattern
    matches can see past a line break). A local office pattern is tried where its head is, when the text
    has the head's first word.
    """
    present = [word for word in res.pattern_index if word in text]
    found = {n for word in present for n in res.pattern_index[word]}
    found.update(n for word in toks.word_set.intersection(res.head_index) for n in res.head_index[word])
    lines_of: dict[tuple[tuple[str, ...], ...], list[tuple[int, int]]] = {}  # per keyword groups
    for n in sorted(found):
        pattern = res.patterns[n]
        if pattern.head:
            yield from ((pattern, m) for m in _head_matches(text, pattern.regex, pattern.head))
            continue
        needs = pattern.needs
        lines = lines_of.get(needs)
        if lines is None:
            lines = lines_of.get(needs[:1])
            if lines is None:
                lines = lines_of[needs[:1]] = sorted(_lines_with(text, [w for w in needs[0] if w in present]))
            for group in needs[1:]:
                any_word = _any_word(group)
                lines = [(start, end) for start, end in lines if any_word.search(text, start, end)]
            lines_of[needs] = lines
        yield from ((pattern, m) for start, end in lines for m in pattern.regex.finditer(text, start, end))


def _patterns(text: str, toks: Pieces, res: OrgResources) -> list[_Cand]:
    """Candidates from the name patterns."""
    cands = []
    for (_, _, org_type, level, family, _), m in _pattern_matches(text, toks, res):
        surface = m.group().rstrip(" ,-")
        if family.startswith("local:"):
            head = family.split(":", 1)[1]
            before = text[max(0, m.start() - 12): m.start()]
            if head in {"Stadt", "Hansestadt"} and re.search(r"\b(?:in|aus|nach)\s+der\s+$", before, re.I):
                continue  # "in der Stadt Leipzig" is a place, not the administration
            head_text = [h for h, i in res.local_heads.items() if i.get("nominative", h) == head and
                         surface.startswith(h)]
            rest = surface[max(map(len, head_text)):].strip() if head_text else surface.split(None, 1)[1]
            name = f"{head} {rest}"
        else:
            name = nominative(surface[:1].upper() + surface[1:])  # "bayerische ..." opens a sentence-free name
        cands.append(_Cand(m.start(), m.start() + len(surface), f"text:{slug(name)}", name, None,
                           "gazetteer:pattern", org_type, level, 1))
    return cands


_LEGAL = {("e", ".", "V", "."): "e. V.", ("GmbH",): "GmbH", ("gGmbH",): "gGmbH", ("mbH",): "mbH", ("AG",): "AG",
          ("eG",): "eG", ("gUG",): "gUG", ("UG",): "UG", ("KGaA",): "KGaA", ("SE",): "SE"}
_LEGAL_FIRST = {key[0] for key in _LEGAL}
_NAME_INNER = {"für", "der", "des", "die", "und", "von", "vom", "zur", "zum", "im", "in", "am", "an", "auf", "mit",
               "den", "dem", "de", "gegen", "&", "-", "+", ".", "'"}


def _legal_forms(text: str, toks: Pieces, res: OrgResources, known: list[_Cand]) -> list[_Cand]:
    """Names of associations and companies, read leftwards from "e. V.", "GmbH", "AG" ...

    "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege e. V." / "Lernwerk gGmbH"; the scan stops at
    lower-case words, punctuation and line breaks and cuts at "und der" (a coordination of two names).
    """
    cands = []
    known_spans = [(c.start, c.end) for c in known]
    words, starts, ends = toks.words, toks.starts, toks.ends
    for i in toks.positions(_LEGAL_FIRST) if toks.has_any(_LEGAL_FIRST) else ():  # most texts have none
        for key, form in _LEGAL.items():
            if tuple(words[i: i + len(key)]) != key:
                continue
            if form == "AG" and (i + 1 < len(words) and words[i + 1][:1].isupper()):
                continue  # "AG Sozialplanung" is a working group
            end = ends[i + len(key) - 1]
            k = i - 1
            while k >= 0 and i - k <= 14:
                w = words[k]
                if "\n" in text[ends[k]: starts[k + 1]]:
                    break
                if not (w[:1].isupper() or w.isdigit() or w in _NAME_INNER):
                    break
                if any(s <= starts[k] < e for s, e in known_spans):
                    break
                k -= 1
            first, last = k + 1, i  # the name is pieces first .. last - 1
            # cut at the last coordination of two names ("... und der Bundesarbeitsgemeinschaft ...")
            for n in range(last - 2, first - 1, -1):
                if words[n] in {"und", "sowie"} and words[n + 1] in {"der", "die", "das", "dem", "den", "des"}:
                    first = n + 2
                    break
            while first < last and (not words[first][:1].isupper() or words[first] in res.name_openers):
                first += 1
            if first >= last or (form == "AG" and last - first > 4):
                continue
            if last - first == 1 and words[first] in res.generic:
                continue
            name = nominative(text[starts[first]: ends[last - 1]]) + " " + form
            cands.append(_Cand(starts[first], end, f"text:{slug(name)}", name, None, "gazetteer:pattern",
                               "company" if form != "e. V." else "association", "other", 2))
            break
    return cands


def _role_appositions(text: str, toks: Pieces, res: OrgResources) -> list[_Cand]:
    """All-caps names right after a role noun: "Projektträger KIDS & CO" (the text calls it a provider)."""
    cands = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    for i in toks.positions(res.role_nouns) if toks.has_any(res.role_nouns) else ():
        if i + 1 >= len(words):
            continue
        k = i + 1
        while k < len(words) and (_is_acronym(words[k]) or words[k].isupper() and len(words[k]) > 1
                                  or words[k] in {"&", "+"} and k > i + 1):
            k += 1
        while k > i + 1 and words[k - 1] in {"&", "+"}:
            k -= 1
        if k == i + 1:
            continue
        surface = text[starts[i + 1]: ends[k - 1]]
        if surface in res.programme_names or surface in res.acronym_ids:
            continue
        cands.append(_Cand(starts[i + 1], ends[k - 1], f"text:{slug(surface)}", surface, None,
                           "gazetteer:pattern", "association", "other", 3))
    return cands


def schwartz_hearst(acronym: str, candidate: str) -> str | None:
    """The shortest end of `candidate` whose letters spell `acronym` (Schwartz & Hearst 2003).

    >>> schwartz_hearst("BBSR", "das Bundesinstitut für Bau-, Stadt- und Raumforschung")
    'Bundesinstitut für Bau-, Stadt- und Raumforschung'
    >>> schwartz_hearst("EHB", "an der Evangelischen Hochschule Berlin")
    'Evangelischen Hochschule Berlin'
    """
    s_idx, l_idx = len(acronym) - 1, len(candidate) - 1
    while s_idx >= 0:
        c = acronym[s_idx].lower()
        if not c.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (candidate[l_idx].lower() != c or
                              (s_idx == 0 and l_idx > 0 and candidate[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = max(candidate.rfind(" ", 0, l_idx + 1), candidate.rfind("\n", 0, l_idx + 1)) + 1
    return candidate[start:]


_ACR = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{1,9}$")


def _has_org_head(long_form: str, res: OrgResources) -> bool:
    words = [w.strip(",.()") for w in long_form.split()]
    if not words or not words[0][:1].isupper() or words[0] in res.units:
        return False
    low = long_form.lower()
    return any(w.lower().endswith(res.org_heads) for w in words if w[:1].isupper()) or \
        low.endswith(("e. v.", "e.v.", "gmbh"))


def _acronym_pairs(text: str, toks: Pieces, res: OrgResources, cands: list[_Cand],
                   day: dt.date | None) -> tuple[list[_Cand], dict[str, _Cand]]:
    """Acronyms the text defines: "Long Form (ACR)" and "ACR (Long Form)".

    Returns new candidates and, per acronym, the candidate that carries its identity, so that later bare
    uses of the acronym link to the same organisation.
    """
    new: list[_Cand] = []
    defined: dict[str, _Cand] = {}
    by_end = {c.end: c for c in cands if c.kind == "name"}
    pw, starts, ends = toks.words, toks.starts, toks.ends
    # both forms need a "(" piece with a piece before it and two after it
    parens = [i for i in toks.positions_of_char(text, "(") if 1 <= i < len(pw) - 2]
    for i in parens:
        if pw[i + 2] != ")":
            continue
        acr = pw[i + 1]
        if not (_ACR.match(acr) and _is_acronym(acr)) or acr in res.programme_names:
            continue
        # the long form ends right before "(" on the same line
        line_start = text.rfind("\n", 0, starts[i]) + 1
        window_start = line_start
        words = text[line_start: starts[i]].split()
        if len(words) > 2 * len(acr) + 4:
            keep = words[-(2 * len(acr) + 4):]
            window_start = text.rfind(keep[0], line_start, starts[i])
        window = text[window_start: starts[i]].rstrip()
        prev = by_end.get(window_start + len(window))
        if prev is not None:
            # "Bundesministerium für Arbeit und Soziales (BMAS)": the acronym belongs to the known name
            defined[acr] = prev
            continue
        long_form = schwartz_hearst(acr, re.split(r"[:;!?\"„“”]|\.\s", window)[-1]) if window else None
        if not long_form or len(long_form.split()) > 12 or long_form in res.programme_names:
            continue
        if not _has_org_head(long_form, res):
            continue
        start = window_start + len(window) - len(long_form)
        if acr in res.acronym_ids:
            entry = res.entries[res.acronym_ids[acr]]
            name, acronym = entry.canonical(day)
            cand = _Cand(start, start + len(long_form), entry.id, name, acronym, "text:acronym-pair", entry.type,
                         entry.level, 1)
        else:
            name = nominative(long_form)
            cand = _Cand(start, start + len(long_form), f"text:{slug(name)}", name, acr, "text:acronym-pair",
                         None, "other", 1)
        new.append(cand)
        defined[acr] = cand
    # "ACR (Long Form)"
    for paren in parens:
        i = paren - 1
        acr = pw[i]
        if not (_ACR.match(acr) and _is_acronym(acr)) or acr in defined \
                or acr in res.programme_names or inside_compound_tail(toks, i):
            continue
        close = text.find(")", ends[paren])
        if close < 0 or close - ends[paren] > 120 or "\n" in text[ends[paren]: close]:
            continue
        inner = text[ends[paren]: close].strip()
        if schwartz_hearst(acr, inner) != inner or not _has_org_head(inner, res):
            continue
        name = nominative(inner)
        if acr in res.acronym_ids:
            entry = res.entries[res.acronym_ids[acr]]
            name, acronym = entry.canonical(day)
            cand = _Cand(starts[i], ends[i], entry.id, name, acronym, "text:acronym-pair", entry.type,
                         entry.level, 1, "acronym")
        else:
            cand = _Cand(starts[i], ends[i], f"text:{slug(name)}", name, acr, "text:acronym-pair", None,
                         "other", 1, "acronym")
        new.append(cand)
        defined[acr] = cand
    return new, defined


def _acronym_uses(text: str, toks: Pieces, defined: dict[str, _Cand], res: OrgResources) -> list[_Cand]:
    """Every use of an acronym the text defined, linked to its organisation (also "EHB-Studie")."""
    cands = []
    if not defined:
        return cands
    words, starts, ends = toks.words, toks.starts, toks.ends
    for i in toks.positions_of_words(text, defined):
        owner = defined[words[i]]
        if inside_compound_tail(toks, i):
            continue
        cands.append(_Cand(starts[i], ends[i], owner.org_id, owner.name, owner.acronym or words[i],
                           "text:acronym-pair", owner.org_type, owner.level, 4, "acronym"))
    return cands


def _long_form_uses(text: str, toks: Pieces, learned: list[_Cand]) -> list[_Cand]:
    trie = PhraseTrie()
    for c in learned:
        if c.org_id.startswith("text:") and c.kind == "name":
            for form in inflected_variants(c.name) | {text[c.start: c.end]}:
                trie.add(form, c)
    cands = []
    if not trie.root:
        return cands
    starts, ends = toks.starts, toks.ends
    for i in trie.starts(toks):
        for j, values in trie.matches_at(toks.words, i):
            c = values[0]
            cands.append(_Cand(starts[i], ends[j - 1], c.org_id, c.name, c.acronym, c.rule, c.org_type,
                               c.level, 4))
            break
    return cands


_CAP_WORD = r"[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*"
# Regional branches named by a qualifier after the association: "Diakonisches Werk an der Saar",
# "Diakonisches Werk im Kirchenkreis Recklinghausen", "Caritasverband für die Stadt Gladbeck",
# "AWO Unterbezirk Münsterland-Recklinghausen", "DRK Kreisverband Gifhorn".
_REGIONAL_QUALIFIER = re.compile(
    r"[ \t]+("
    r"(?:an der|an dem|am|im Kirchenkreis|im Bistum|im Erzbistum|im Landkreis|im Kreis|in der Region|"
    r"für die Stadt|für das Bistum|für das Erzbistum|für den Landkreis|für den Kreis|für die Region|für die Diözese)"
    rf"[ \t]+{_CAP_WORD}"
    r"|(?:Unterbezirk|Kreisverband|Bezirksverband|Landesverband|Ortsverein|Ortsverband|Stadtverband|Regionalverband)"
    rf"[ \t]+{_CAP_WORD}"
    r")"
)


_TOWN_HEADS = ("Stadt", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Kreisstadt")
_TOWN_ADMIN = re.compile(rf"(?<![\w-])({'|'.join(_TOWN_HEADS)})[ \t]+({_CAP_WORD})")


def _town_administrations(text: str, toks: Pieces, cands: list[_Cand]) -> list[_Cand]:
    """ "Stadt Marl", "Gemeinde X" for any town of the places gazetteer (the name patterns know only a
    short list of place hints). "in der Stadt X" is the place, not the administration."""
    from biwaq_extract.nlp.places import known_place

    out = []
    if not toks.has_any(_TOWN_HEADS):  # a match starts with a head word, a whole piece
        return out
    taken = [(c.start, c.end) for c in cands]
    for m in _matches_at(text, _TOWN_ADMIN, [toks.starts[i] for i in toks.positions_of_words(text, _TOWN_HEADS)]):
        if any(s <= m.start() < e for s, e in taken) or not known_place(m.group(2)):
            continue
        if re.search(r"\b(?:in|aus|nach|zur|von)\s+der\s+$", text[max(0, m.start() - 12): m.start()], re.I):
            continue
        name = f"{m.group(1)} {m.group(2)}"
        out.append(_Cand(m.start(), m.end(), f"text:{slug(name)}", name, None, "gazetteer:pattern", "municipal",
                         "municipal", 1))
    return out


@lru_cache(maxsize=4)
def _place_after(place_re: str) -> re.Pattern:
    return re.compile(rf"{_S}({place_re})")


def _local_branches(text: str, cands: list[_Cand], res: OrgResources) -> list[_Cand]:
    """A welfare association followed by its place is the local branch: "AWO Mönchengladbach"."""
    out = []
    for c in cands:
        if c.org_type != "welfare" or c.rule != "gazetteer":
            continue
        m = _place_after(res.place_re).match(text, c.end) or _REGIONAL_QUALIFIER.match(text, c.end)
        if not m:
            continue
        base = res.entries[c.org_id].name.split()[-1] if c.kind == "acronym" else nominative(text[c.start: c.end])
        if c.org_id == "awo":
            base = "Arbeiterwohlfahrt"
        name = f"{base} {m.group(1)}"
        acronym = c.acronym if c.kind == "acronym" or c.org_id == "awo" else None
        out.append(_Cand(c.start, m.end(), f"text:{slug(name)}", name, acronym, "gazetteer:pattern", "welfare",
                         "other", 0, c.kind, parent=c.org_id))
    return out


def _ner(doc: Doc, res: OrgResources, credits: list[tuple[int, int]], chosen: list[_Cand]) -> list[_Cand]:
    cands = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "ORGANIZATION"}:
            continue
        words = ent.text.split()
        while words and words[0] in res.name_openers:
            words = words[1:]
        if not words:
            continue
        surface = " ".join(words)
        start = ent.end_char - len(ent.text) + ent.text.find(words[0])
        end = ent.end_char
        if in_spans(start, credits) or any(not (end <= c.start or start >= c.end) for c in chosen):
            continue
        if surface in res.generic or words[0] in res.units or surface in res.programme_names \
                or any(surface.startswith(p + "-") for p in res.programme_names if _is_acronym(p)):
            continue
        if _is_acronym(surface) and surface not in res.acronym_ids:
            continue  # bare capitals (BIWAQ, NIFA) are not organisations unless defined
        known = res.acronym_ids.get(surface)
        if known:
            entry = res.entries[known]
            name, acronym = entry.canonical(doc._.published if doc.has_extension("published") else None)
            cands.append(_Cand(start, end, entry.id, name, acronym, "model:ner", entry.type, entry.level, 5))
        else:
            name = nominative(surface)
            cands.append(_Cand(start, end, f"text:{slug(name)}", name, None, "model:ner", None, None, 5))
    return cands


def find_organisations(doc: Doc, resources: OrgResources) -> tuple[OrgMention, ...]:
    """Every organisation mention in `doc`, linked to a canonical id, in text order."""
    res = resources
    text = doc_text(doc)
    day = doc._.published if Doc.has_extension("published") else None
    toks = pieces(text)
    credits = credit_spans(text, res.credit_markers)

    cands = _gazetteer(text, toks, res, day)
    cands += _local_branches(text, cands, res)
    cands += _patterns(text, toks, res)
    cands += _town_administrations(text, toks, cands)
    cands += _legal_forms(text, toks, res, cands)
    cands += _role_appositions(text, toks, res)
    if credits:
        cands = [c for c in cands if not in_spans(c.start, credits)]
    pairs, defined = _acronym_pairs(text, toks, res, _pick(cands), day)
    cands += [c for c in pairs if not in_spans(c.start, credits)] if credits else pairs
    cands += _acronym_uses(text, toks, defined, res)
    cands += _long_form_uses(text, toks, [c for c in cands if c.rule == "text:acronym-pair"])
    chosen = _pick([c for c in cands if not in_spans(c.start, credits)] if credits else cands)
    if res.use_ner:
        chosen = _pick(chosen + _ner(doc, res, credits, chosen))
    chosen = _resolve_document(chosen, res)
    sentence = sentence_finder(doc)
    return tuple(
        OrgMention(text=text[c.start: c.end], start_char=c.start, end_char=c.end, org_id=c.org_id, name=c.name,
                   acronym=c.acronym, rule=c.rule, sentence=sentence(c.start, c.end),
                   org_type=c.org_type, level=c.level)
        for c in chosen
    )


def _resolve_document(chosen: list[_Cand], res: OrgResources) -> list[_Cand]:
    """Document-level links: one name and acronym per id, ambiguous acronyms need the name, and a bare
    welfare acronym ("die AWO") means the one local branch the text names."""
    ids_named = {c.org_id for c in chosen if c.kind == "name"}
    chosen = [c for c in chosen if not (c.org_id in res.entries and res.entries[c.org_id].needs_definition
                                        and c.org_id not in ids_named)]
    branches: dict[str, set[str]] = defaultdict(set)
    branch_of: dict[str, _Cand] = {}
    for c in chosen:
        if c.parent:
            branches[c.parent].add(c.org_id)
            branch_of[c.parent] = c
    first: dict[str, _Cand] = {}
    out = []
    for c in chosen:
        if c.org_id in branches and len(branches[c.org_id]) == 1:
            b = branch_of[c.org_id]
            c = _Cand(c.start, c.end, b.org_id, b.name, b.acronym, c.rule, b.org_type, b.level, c.priority, c.kind,
                      b.parent)
        head = first.setdefault(c.org_id, c)
        if head is not c:
            c = _Cand(c.start, c.end, c.org_id, head.name, head.acronym or c.acronym, c.rule, head.org_type,
                      head.level, c.priority, c.kind, c.parent)
        out.append(c)
    # an acronym learned late still belongs to every mention of its id
    acronyms = {c.org_id: c.acronym for c in out if c.acronym}
    return [c if c.acronym or c.org_id not in acronyms else
            _Cand(c.start, c.end, c.org_id, c.name, acronyms[c.org_id], c.rule, c.org_type, c.level, c.priority,
                  c.kind, c.parent) for c in out]


def org_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the organisations already found on `doc` (for finders that must skip them)."""
    return [(m.start_char, m.end_char) for m in getattr(doc._, "organisations", ()) or ()]


@lru_cache(maxsize=4)
def _default_resources(use_ner: bool) -> OrgResources:
    from biwaq_extract.nlp.programmes import programme_surface_names

    return build_resources(load_data(), programme_surface_names(), use_ner)


def load_resources(nlp: Language | None = None) -> OrgResources:
    """Read organisations.yaml once; merge model ORG entities when the pipeline has an `ner`."""
    return _default_resources(bool(nlp is not None and "ner" in nlp.pipe_names))


def find(doc: Doc, resources: OrgResources) -> tuple[OrgMention, ...]:
    return find_organisations(doc, resources)
