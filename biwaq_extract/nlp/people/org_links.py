"""Organisations a person's words point to: mentions after link words, short forms, titles, labels."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from biwaq_extract.nlp.people.candidates import QUOTE_MARKS
from biwaq_extract.nlp.people.resources import PeopleResources
from biwaq_extract.nlp.token_view import TokenView
from biwaq_extract.records import OrgMention


def _expanded_tokens(v: TokenView, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token range of `doc.char_span(start_char, end_char, alignment_mode="expand")`, without the Span."""
    idx, ends, spacy = v.idx, v.ends, v.spacy
    start = bisect_right(idx, start_char) - 1  # spaCy's token_by_char, as in `token_at_char`
    if start < 0 or start_char >= ends[start] + spacy[start]:
        return None
    end = bisect_right(idx, end_char - 1) - 1
    if end < 0 or end_char - 1 >= ends[end] + spacy[end]:
        return None
    if start_char == ends[start]:  # the trailing space is not part of the token before
        start += 1
    return start, end + 1


def org_index(v: TokenView, organisations) -> dict[int, tuple[OrgMention, int]]:
    """Token index of each organisation mention's first token -> (the mention, its end token)."""
    index = {}
    for org in organisations:
        tokens = _expanded_tokens(v, org.start_char, org.end_char)
        if tokens is not None:
            index[tokens[0]] = (org, tokens[1])
    return index


def org_at(v: TokenView, i: int, orgs: dict, res: PeopleResources,
           linked: bool = False) -> tuple[OrgMention | str, int] | None:
    """The organisation starting at token i (an org mention or a ministry word), with its end token;
    `linked`: a link word stands before ("bei der Bundesagentur"), so a head word alone may name one."""
    texts = v.texts
    if i < v.n and texts[i] in QUOTE_MARKS and i + 1 in orgs:
        i += 1  # 'von der "nordlicht - Gesellschaft für …"'
    if i in orgs:
        org, end = orgs[i]
        # "(BMAS)" right after the full name belongs to it
        if end + 2 < v.n and texts[end] == "(" and texts[end + 2] == ")" and acronym_like(texts[end + 1]):
            end += 3
        return org, end
    if i < v.n and texts[i] in res.org_words:
        return res.org_words[texts[i]], i + 1
    if i < v.n:
        named = _org_by_head(texts[i], orgs, linked)
        if named is not None:
            return named, i + 1
    return None


def acronym_like(word: str) -> bool:
    """ "BMAS", "StMAS", "BMVg": an acronym in brackets after a name."""
    return word.isalnum() and word[:1].isupper() and sum(ch.isupper() for ch in word) >= 2


def _org_by_head(word: str, orgs: dict, linked: bool) -> OrgMention | None:
    """The one organisation of the text a short form names: its head word ("bei der Bundesagentur" ->
    Bundesagentur für Arbeit, "beim Jobcenter" -> the one Jobcenter named) or, for a ministry, its
    portfolio ("(Sozialministerium)" -> the ministry "für Arbeit, Soziales …" the text names); None when
    the text names none or several such organisations."""
    if len(word) < 5 or not word[:1].isupper() or not word.replace("-", "").isalpha() or word.isupper():
        return None
    mentions = {org.org_id: org for org, _ in orgs.values() if isinstance(org, OrgMention)}
    lower = word.lower()
    if lower.endswith(("ministerium", "ministeriums")):
        found = offices_by_portfolio(lower[: lower.rindex("ministerium")], mentions.values())
        if not found and not lower.startswith("bundes"):
            # "im Arbeitsministerium" where the text names one Land ministry, under another portfolio
            found = [o for o in mentions.values() if o.org_type == "land-ministry"]
    elif not linked:
        return None  # "Name, Hamburg, …": a word alone after a comma is more often a place than a body
    else:
        forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
        found = [o for o in mentions.values() if " " in o.name and o.name.split()[0] in forms
                 or " " in o.text and o.text.split()[0] in forms]
    found = list({o.org_id: o for o in found}.values())
    return found[0] if len(found) == 1 else None


_FUNCTION_WORDS = frozenset({"und", "für", "des", "der", "den"})
_OFFICES = re.compile(r"ministerium|senatsverwaltung|senatorin für|senator für", re.I)


def offices_by_portfolio(stem: str, mentions) -> list[OrgMention]:
    """Ministries (and a city state's Senate departments) whose name holds the portfolio a compound's
    first part names ("sozial" -> "Soziales", "arbeits" -> "Arbeit", "familien" -> "Familie"); a "bundes"
    compound names a federal ministry, a "landes" or "staats" compound a Land's."""
    ministries = [o for o in mentions if _OFFICES.search(o.name)]
    if stem.startswith("bundes"):
        ministries, stem = [o for o in ministries if o.name.startswith("Bundes")], stem[len("bundes"):]
    elif stem.startswith(("landes", "staats")):
        ministries = [o for o in ministries if not o.name.startswith("Bundes")]
        stem = stem[len("landes"):] if stem.startswith("landes") else stem[len("staats"):]
    stem = stem.rstrip("s")
    if not stem:
        return ministries
    if len(stem) < 3:
        return []
    return [o for o in ministries
            if any(len(w) >= 3 and w not in _FUNCTION_WORDS and (w.startswith(stem) or stem.startswith(w))
                   for w in re.findall(r"[a-zäöüß]+", _OFFICES.split(o.name, 1)[-1].lower()))]


def org_after_link(v: TokenView, i: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """ "im BMAS", "beim Bundesfamilienministerium", "der AWO", "bei der Stadt X": link words then an org."""
    j = i
    while j < v.n and j - i < 2 and v.lowers[j] in res.org_links:
        j += 1
    if j == i or j >= v.n:
        return None
    if v.texts[j] in res.unit_orgs:  # "in der Generaldirektion …": a unit only one body has
        return res.unit_orgs[v.texts[j]], j
    if v.texts[j] in res.carrier_nouns and j + 1 < v.n and (j + 1 in orgs or v.texts[j + 1] in QUOTE_MARKS):
        j += 1  # "vom Träger Quartierswerk Elbinsel e.V."
    return org_at(v, j, orgs, res, linked=True)


def role_org_from_title(role: str, res: PeopleResources, day: dt.date | None = None) -> str | None:
    """The organisation a title names: "Bundesbauministerin" the building ministry of the day `day`
    (the gazetteer's names over time), "EU-Kommissar" the Commission, "… für Arbeit und Soziales" the BMAS."""
    words = role.split()
    for word in words:
        lower = word.lower()
        stem = lower[:-2] if lower.endswith("ministerin") else lower
        named = res.ministry_titles.get(stem)
        if named:
            # the name valid at `day`; with no day, the newest
            return min(named, key=lambda n: (n[1].distance(day), -(n[1].valid_from or dt.date.min).toordinal()))[0]
        if not lower.startswith(res.title_prefixes):
            continue
        for prefix, org_id in res.title_orgs:
            if lower.startswith(prefix):
                return org_id
    match = re.search(r"\bfür (.+)$", role)
    if match and match.group(1) in res.portfolios:
        return res.portfolios[match.group(1)]
    return None


def local_office(role: str, orgs: list[OrgMention], res: PeopleResources) -> OrgMention | None:
    """The administration a head of local government heads: the one of its kind the text names, when it
    names one only ("Landrat" -> "Landkreis Gifhorn")."""
    word = role.split()[-1].lower()
    # "Oberbürgermeisterin" is a "bürgermeister" of roles.yaml's `local_offices`
    heads = next((heads for office, heads in res.local_offices.items()
                  if word.endswith((office, office + "in"))), None)
    if not heads:
        return None
    named = {o.org_id: o for o in orgs if o.name.split()[0] in heads}
    return next(iter(named.values())) if len(named) == 1 else None


def org_label(org: OrgMention | str | None, organisations, res: PeopleResources, text: str = "",
              day: dt.date | None = None) -> tuple[str | None, str | None]:
    """(organisation as reported, org id): the acronym when the text uses it or the organisation is a
    federal ministry or agency (their acronyms are standard: BMAS, BAMF), else the canonical name
    ("Deutscher Caritasverband", not DCV)."""
    if org is None:
        return None, None
    if isinstance(org, str):
        for mention in organisations:
            if mention.org_id == org:
                return _label(mention.name, mention.acronym, mention.org_type, mention.level, text), org
        if org in res.ministries:
            entry = res.ministries[org]
            name, acronym = entry.canonical(day)
            return _label(name, acronym, entry.type, entry.level, text), org
        entry = res.organisations.get(org) or {}
        return entry.get("acronym") or entry.get("name") or org, org
    return _label(org.name, org.acronym, org.org_type, org.level, text), org.org_id


def _label(name: str, acronym: str | None, org_type: str | None, level: str | None, text: str) -> str:
    if acronym and (org_type in ("ministry", "agency") and level in (None, "federal")
                    or acronym in text and _word_search(acronym).search(text)):
        return acronym
    return name


@lru_cache(maxsize=1024)
def _word_search(word: str) -> re.Pattern:
    """The acronym used alone: "die AWO lädt ein", not only as the start of a branch's name ("AWO Bielefeld")."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w])(?![ \t]+[A-ZÄÖÜ])")
