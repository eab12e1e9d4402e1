"""Find named people in a German spaCy Doc, with the role and organisation the text ties them to."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

from spacy.language import Language
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from biwaq_extract.nlp.places import (CharRanges, doc_words, in_ranges, photo_credit_ranges, token_at_char,
                                   token_positions)
from biwaq_extract.nlp.rule_data import load_yaml
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import TokenView, view
from biwaq_extract.records import OrgMention, PersonMention

# Words between first name and family name that belong to the family name ("von der Leyen").
_PARTICLES = {"von", "van", "de", "der", "den", "zu", "zur", "vom", "ter", "da", "di", "del", "du", "le", "la"}
# Verbs that introduce a quoted speaker after the closing quote ('"…", sagt Name').
_SPEECH = {"sagt", "sagte", "so", "betont", "betonte", "erklärt", "erklärte", "meint", "meinte", "ergänzt",
           "ergänzte", "berichtet", "berichtete", "resümiert", "resümierte", "unterstreicht", "unterstrich",
           "fasst", "sagen", "erläutert", "erläuterte", "beschreibt", "beschrieb", "findet", "fand", "weiß"}
_QUOTES = {'"', "“", "”", "„", "«", "»", "'", "‚", "‘", "’"}
_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "unser", "unsere"}
# Stop words that are also common family names ("Marion Lange", "Max Ernst").
_SURNAME_STOP_WORDS = {"lange", "ernst", "gross", "groß", "jung", "klein", "neu", "gut", "hoch", "lang", "recht",
                       "weit", "ganz", "kurz", "ehrlich", "richter"}
_COPULA = {"war", "ist", "sind", "waren", "wird", "wurde"}
# Prepositions (with their article) that tie a role to the organisation that follows.
_ORG_LINK = {"im", "beim", "vom", "am", "des", "der", "bei", "in", "an", "von", "für", "dem"}
# Family names never end like abstract nouns; such a token after a first name is not a person.
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "bnis", "ndnis", "tnis", "tum", "ierung", "programm",
                 "projekt", "konferenz", "werkstatt", "preis", "ministerium", "amt", "verband", "stiftung")
# Agent nouns that can head a role in an apposition even when the role lists do not know them.
_AGENT_ENDINGS = ("erin", "orin", "entin", "antin", "istin", "eurin", "ärin", "ende", "ender")


def _data(name: str) -> dict:
    path = importlib_resources.files("biwaq_extract") / "data" / name
    return load_yaml(path.read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names: the gender-guesser dictionary plus our additions, minus ordinary German words.

    gender-guesser was chosen over names-dataset because it is 0.4 MB instead of 56 MB, lists about
    45,000 European and world given names (German, Turkish, Arabic, Nordic, Slavic ones included) and
    parses in a few hundredths of a second; names-dataset would dominate pipeline load time.
    """
    data = _data("first_names.yaml")
    names: set[str] = set(data.get("additions") or ())
    try:
        path = importlib_resources.files("gender_guesser") / "data" / "nam_dict.txt"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line[:1] in "#=" or len(line) < 30:
                    continue
                name = line.split()[1]
                names.update(name.replace("+", sep) for sep in ("-", " ") if "+" in name)
                if "+" not in name:
                    names.add(name)
    except (ModuleNotFoundError, FileNotFoundError):  # the dictionary is optional; our additions still work
        pass
    blocked = set(data.get("not_first_names") or ())
    return frozenset(n for n in names if n not in blocked and n.lower() not in STOP_WORDS and n[:1].isupper())


@dataclass(frozen=True)
class PeopleResources:
    first_names: frozenset[str]
    titles: frozenset[str]
    role_words: frozenset[str]
    role_suffixes: tuple[str, ...]
    adjectives: frozenset[str]
    government: tuple[str, ...]
    internal: tuple[str, ...]
    organisations: dict
    title_orgs: tuple[tuple[str, str], ...]  # (lower-case title prefix, org id), longest first
    org_words: dict
    portfolios: dict
    # words already tested for being a title or role word, and those that are: most words recur across
    # documents, so each is tested once
    words_seen: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)
    trigger_words: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)
    name_tokens: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)  # memo


def load_resources(nlp: Language | None = None) -> PeopleResources:  # noqa: ARG001
    roles = _data("roles.yaml")
    return PeopleResources(
        first_names=first_names(),
        titles=frozenset(roles.get("titles") or ()),
        role_words=frozenset(roles.get("words") or ()),
        role_suffixes=tuple(roles.get("suffixes") or ()),
        adjectives=frozenset(roles.get("adjectives") or ()),
        government=tuple(roles.get("government") or ()),
        internal=tuple(roles.get("internal") or ()),
        organisations=dict(roles.get("organisations") or {}),
        title_orgs=tuple(sorted(((k.lower(), v) for k, v in (roles.get("title_orgs") or {}).items()),
                                key=lambda kv: -len(kv[0]))),
        org_words=dict(roles.get("org_words") or {}),
        portfolios=dict(roles.get("portfolios") or {}),
    )


# --- token classes ------------------------------------------------------------------------------------
# The helpers below take a token's text (or a TokenView and token indices), not spaCy Tokens: building a
# Token object per access was most of this finder's time.

_NAME_SHAPE = re.compile(r"[A-ZÄÖÜ][\w'’-]*[a-zäöüßéèáóíúñç]")


def _is_title(text: str, res: PeopleResources) -> bool:
    return text in res.titles


def _is_role(text: str, res: PeopleResources) -> bool:
    if not text[:1].isupper() or not text.replace("-", "").isalpha():
        return False
    lower = text.lower()
    if text in res.role_words:
        return True
    # str.endswith with a tuple is one C call: this runs for every capitalised word
    return lower.endswith(res.role_suffixes) and any(lower.endswith(s) and len(lower) > len(s) for s in res.role_suffixes)


def _is_role_head(text: str, res: PeopleResources) -> bool:
    """A role word, or an agent noun ("Gastgeberin", "Bestsellerautorin") heading a role phrase."""
    return _is_role(text, res) or (
        text[:1].isupper() and text.isalpha() and len(text) > 5 and text.lower().endswith(_AGENT_ENDINGS)
    )


def _is_name_token(text: str, res: PeopleResources) -> bool:
    memo = res.name_tokens
    known = memo.get(text)
    if known is None:
        if len(memo) > 500_000:  # a bound for very long runs
            memo.clear()
        known = memo[text] = _name_shaped(text, res)
    return known


def _name_shaped(text: str, res: PeopleResources) -> bool:
    if len(text) < 2 or not text[:1].isupper() or text.isupper():
        return False
    if not _NAME_SHAPE.fullmatch(text) or any(c.isdigit() for c in text):
        return False
    lower = text.lower()
    return (
        (lower not in STOP_WORDS or lower in _SURNAME_STOP_WORDS)
        and not _is_role(text, res)
        and not _is_title(text, res)
        and not lower.endswith(_NOUN_ENDINGS)
    )


def _title_or_role_words(words: set[str], res: PeopleResources) -> set[str]:
    """The distinct token texts that are a title or a role word."""
    seen, hits = res.words_seen, res.trigger_words
    if len(seen) > 500_000:  # a bound for very long runs
        seen.clear()
        hits.clear()
    new = words - seen
    if new:
        hits.update(w for w in new if w in res.titles or _is_role(w, res))
        seen |= new
    return words & hits


# --- candidate names ----------------------------------------------------------------------------------

@dataclass
class _Candidate:
    start: int  # token index of the first name token (after titles)
    end: int  # exclusive
    rule: str
    role: str | None = None
    org: OrgMention | str | None = None  # an OrgMention, or an org id from roles.yaml
    org_strength: int = 0  # 3 explicit, 2 from title or portfolio, 1 from context


def _surname_end(v: TokenView, i: int, res: PeopleResources) -> int | None:
    """Index after the family name starting at i (particles allowed: "von der Leyen"), or None."""
    texts, n = v.texts, v.n
    j = i
    while j < n and texts[j] in _PARTICLES and j - i < 2:
        j += 1
    if j < n and _is_name_token(texts[j], res):
        return j + 1
    return None


def _first_name_candidates(v: TokenView, positions: list[int], res: PeopleResources,
                           blocked: CharRanges) -> list[_Candidate]:
    """Given name(s) and family name; `positions` are the tokens that are given names."""
    found = []
    texts, n = v.texts, v.n
    resume = 0  # tokens of a found name are not looked at again
    for i in positions:
        if i < resume or i >= n - 1 or in_ranges(v.idx[i], v.ends[i], blocked):
            continue
        j = i + 1
        if texts[j] in res.first_names and j + 1 < n and _is_name_token(texts[j + 1], res):
            j += 1  # second given name ("Hans Peter Müller")
        end = _surname_end(v, j, res)
        if end is not None and not in_ranges(v.idx[j], v.ends[end - 1], blocked):
            found.append(_Candidate(i, end, "first_name"))
            resume = end
    return found


def _after_titles(v: TokenView, i: int, res: PeopleResources) -> int:
    while i < v.n and v.texts[i] in res.titles:
        i += 1
    return i


def _title_candidates(v: TokenView, positions: list[int], res: PeopleResources, blocked: CharRanges,
                      taken: set[int]) -> list[_Candidate]:
    """ "Bundesminister Heil", "Dr. Schmachtenberg", "Staatssekretärin Xenia Ypsilon"; `positions` are the
    tokens that are a title or role word."""
    found = []
    texts, n = v.texts, v.n
    for i in positions:
        if i + 1 >= n:
            continue
        if texts[i] in res.titles and i > 0 and texts[i - 1] in res.titles:
            continue
        k = _after_titles(v, i + 1, res)
        if k >= n or k in taken or not _is_name_token(texts[k], res):
            continue
        end = k + 1
        if end < n and _is_name_token(texts[end], res) and end - k < 2:
            end += 1
        if not in_ranges(v.idx[k], v.ends[end - 1], blocked):
            found.append(_Candidate(k, end, "title"))
    return found


# A quote character with a comma right after it (or after spaces): where a quoted speaker may follow.
_QUOTE_COMMA = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + r"]\s*,")


def _quote_candidates(v: TokenView, res: PeopleResources, blocked: CharRanges, taken: set[int]) -> list[_Candidate]:
    """ '"…", sagt Name' and '"…", so Name'."""
    found = []
    texts, n = v.texts, v.n
    for match in _QUOTE_COMMA.finditer(v.text):  # a quote token, a comma token, then a speech verb
        c = token_at_char(v, match.end() - 1)  # the comma's token
        s = c + 1
        if c < 1 or s >= n or texts[c] != "," or v.lowers[s] not in _SPEECH or texts[c - 1] not in _QUOTES:
            continue
        i = _after_titles(v, s + 1, res)
        if i < n and i not in taken and _is_name_token(texts[i], res):
            end = i + 1
            if end < n and _is_name_token(texts[end], res):
                end += 1
            if not in_ranges(v.idx[i], v.ends[end - 1], blocked):
                found.append(_Candidate(i, end, "quote"))
    return found


def _model_candidates(doc: Doc, res: PeopleResources, blocked: CharRanges, taken: set[int]) -> list[_Candidate]:
    """PER entities of a statistical model, trimmed of titles and role words."""
    found = []
    texts = view(doc).texts
    for ent in doc.ents:
        if ent.label_ not in {"PER", "PERSON"} or in_ranges(ent.start_char, ent.end_char, blocked):
            continue
        start, end = ent.start, ent.end
        while start < end and (texts[start] in res.titles or _is_role(texts[start], res) or texts[start] in res.adjectives):
            start += 1
        names = [t for t in texts[start:end] if _is_name_token(t, res) or t in _PARTICLES]
        if not names or len(names) != end - start or any(i in taken for i in range(start, end)):
            continue
        found.append(_Candidate(start, end, "model_ent"))
    return found


# --- roles and organisations --------------------------------------------------------------------------

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


def _org_index(v: TokenView, organisations) -> dict[int, tuple[OrgMention, int]]:
    """Token index of each organisation mention's first token -> (the mention, its end token)."""
    index = {}
    for org in organisations:
        tokens = _expanded_tokens(v, org.start_char, org.end_char)
        if tokens is not None:
            index[tokens[0]] = (org, tokens[1])
    return index


def _org_at(v: TokenView, i: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """The organisation starting at token i (an org mention or a ministry word), with its end token."""
    texts = v.texts
    if i in orgs:
        org, end = orgs[i]
        # "(BMAS)" right after the full name belongs to it
        if end + 2 < v.n and texts[end] == "(" and texts[end + 2] == ")" and texts[end + 1].isupper():
            end += 3
        return org, end
    if i < v.n and texts[i] in res.org_words:
        return res.org_words[texts[i]], i + 1
    return None


def _org_after_link(v: TokenView, i: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """ "im BMAS", "beim Bundesfamilienministerium", "der AWO", "bei der Stadt X": link words then an org."""
    j = i
    while j < v.n and j - i < 2 and v.lowers[j] in _ORG_LINK:
        j += 1
    if j == i:
        return None
    return _org_at(v, j, orgs, res)


def _link_cut(v: TokenView, k: int) -> bool:
    """A role ends where "im/beim/vom/am" or "bei der/in der" introduces a named institution."""
    if k + 1 >= v.n:
        return False
    lowers = v.lowers
    if lowers[k] in {"im", "beim", "vom", "am"}:
        return v.texts[k + 1][:1].isupper()
    if lowers[k] in {"bei", "in", "an", "von"} and lowers[k + 1] in {"der", "dem"}:
        return k + 2 < v.n and v.texts[k + 2][:1].isupper()
    return False


def _role_org_from_title(role: str, res: PeopleResources) -> str | None:
    words = role.split()
    for word in words:
        lower = word.lower()
        for prefix, org_id in res.title_orgs:
            if lower.startswith(prefix):
                return org_id
    match = re.search(r"\bfür (.+)$", role)
    if match and match.group(1) in res.portfolios:
        return res.portfolios[match.group(1)]
    return None


def _role_text(v: TokenView, start: int, end: int) -> str | None:
    text = v.span_text(start, end).strip(" ,")
    return text or None


_ROLE_STOPS = {".", ":", ";", "!", "?", "(", ")"} | _QUOTES


def _role_before(doc: Doc, v: TokenView, cand: _Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "Bundesarbeitsminister Hubertus Heil", "Staatssekretär im BMAS, Björn Böhning"."""
    texts, lowers = v.texts, v.lowers
    i = cand.start
    while i > 0 and texts[i - 1] in res.titles:
        i -= 1
    if i == 0:
        return
    if _is_role(texts[i - 1], res) or (_is_role_head(texts[i - 1], res) and i > 1 and lowers[i - 2] in _ARTICLES):
        start = i - 1
        while start > 0 and texts[start - 1] in res.adjectives:
            start -= 1
        cand.role = _role_text(v, start, i)
        return
    if texts[i - 1] != ",":
        return
    comma = i - 1
    org_tokens: set[int] = set()
    for org_start, (_, org_end) in orgs.items():
        org_tokens.update(range(org_start, org_end))
    j = comma - 1
    while j >= 0 and comma - j <= 15:
        text = texts[j]
        if doc[j].is_sent_start and not _is_role(text, res):  # (a few Tokens per candidate after a comma)
            return
        if text in _ROLE_STOPS or (text == "," and j not in org_tokens):
            return
        if _is_role(text, res):
            break
        j -= 1
    else:
        return
    if j < 0:
        return
    start = j
    while start > 0 and texts[start - 1] in res.adjectives:
        start -= 1
    end = comma
    for k in range(j + 1, comma):
        tied = _org_after_link(v, k, orgs, res) if lowers[k] in _ORG_LINK else None
        if tied is not None and tied[1] >= comma:
            cand.org, cand.org_strength = tied[0], 3
        if (tied is not None and tied[1] >= comma) or _link_cut(v, k):
            end = k
            break
    cand.role = _role_text(v, start, end)


def _appositive(v: TokenView, cand: _Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "Name, Leiter des Referats … im BMAS", "Name (Leiterin …)", "Name von der Universität X"."""
    texts, lowers, n = v.texts, v.lowers, v.n
    i = cand.end
    if i >= n:
        return
    if lowers[i] in {"von", "vom", "aus"}:
        tied = _org_after_link(v, i, orgs, res) or _org_at(v, i + 1, orgs, res)
        if tied is not None:
            cand.org, cand.org_strength = tied[0], 3
        return
    if texts[i] not in {",", "("}:
        return
    closing = ")" if texts[i] == "(" else None
    j = i + 1
    org_first = _org_at(v, j, orgs, res)
    if org_first is not None:  # "Name, Europäische Kommission, …"
        cand.org, cand.org_strength = org_first[0], 3
        return
    start = j
    while j < n and texts[j] in res.adjectives:
        j += 1
    if j >= n or not _is_role_head(texts[j], res):
        return
    in_quote = False
    end = None
    k = j + 1
    while k < n and k - start <= 30:
        text = texts[k]
        if text in _QUOTES:
            in_quote = not in_quote
        elif not in_quote:
            if closing and text == closing:
                end = k
                break
            if text in {".", ":", ";", "!", "?"} or "\n" in text:
                end = k
                break
            if k in orgs:  # an organisation inside the phrase ends the role: "Leiterin der Geschäftsstelle DRK"
                cand.org, cand.org_strength = orgs[k][0], 3
                end = k
                while end > j + 1 and lowers[end - 1] in _ORG_LINK:
                    end -= 1
                break
            if lowers[k] in _ORG_LINK:
                tied = _org_after_link(v, k, orgs, res)
                if tied is not None:
                    cand.org, cand.org_strength = tied[0], 3
                if tied is not None or _link_cut(v, k):
                    end = k
                    break
            if text == "," and k + 1 < n:
                nxt = texts[k + 1]
                tied = _org_at(v, k + 1, orgs, res)
                if tied is not None:
                    cand.org, cand.org_strength = tied[0], 3
                    end = k
                    break
                if not nxt[:1].isupper() or nxt in _QUOTES:
                    end = k
                    break
        k += 1
    if end is None:
        return
    cand.role = _role_text(v, start, end)


def _role_copula(doc: Doc, v: TokenView, cand: _Candidate, res: PeopleResources) -> None:
    """ "Gastgeberin der Veranstaltung war Name": a role phrase opening the sentence, then a copula."""
    lowers = v.lowers
    i = cand.start
    if i < 2 or lowers[i - 1] not in _COPULA:
        return
    sent_start = sentence_index(doc).sentence_start_token(i - 1)
    start = sent_start
    while start < i - 1 and lowers[start] in {"der", "die", "das", "den", "dem"}:
        start += 1
    size = i - 1 - start
    if 0 < size <= 8 and _is_role_head(v.texts[start], res) and not any(t in {",", ":"} for t in v.texts[start:i - 1]):
        cand.role = v.span_text(start, i - 1)


def _context_org(v: TokenView, orgs: list[OrgMention], cand: _Candidate, res: PeopleResources) -> None:
    """Organisation from the title word, the portfolio, or the article around a role; `orgs` are the
    Doc's organisation mentions outside photo credits."""
    if cand.org_strength >= 2 or not cand.role:
        return
    from_title = _role_org_from_title(cand.role, res)
    if from_title:
        cand.org, cand.org_strength = from_title, 2
        return
    if cand.org_strength:
        return
    head = next((w for w in reversed(cand.role.split()) if w[:1].isupper()), cand.role).lower()
    head = cand.role.split()[0].lower() if not _ends_with(head, res.government + res.internal) else head
    if _ends_with(head, res.government) and " für " not in cand.role:
        ministries = [o for o in orgs if o.org_type in ("ministry", "land-ministry") or o.org_id.startswith("bm")]
        if ministries:
            # the ministry named closest before the person (else after): "… vom Bayerischen
            # Staatsministerium (StMAS). Staatsministerin Scharf …" is not the BMAS named paragraphs earlier
            start_char = v.idx[cand.start]
            nearest = min(ministries, key=lambda o: (o.end_char > start_char, abs(start_char - o.end_char)))
            cand.org, cand.org_strength = nearest, 1
    elif _ends_with(head, res.internal):
        start_char = v.idx[cand.start]
        before = [o for o in orgs if o.end_char <= start_char and start_char - o.end_char <= 400]
        if before:
            cand.org, cand.org_strength = before[-1], 1


_ROLE_ORG_LINKS = ("des", "der", "im", "beim", "bei", "vom", "von", "am", "in", "bei der", "beim", "im")
_ACRONYM_PREFIX = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}[a-z]?)-(\w.*)$")


def _split_role_org(cand: _Candidate, organisations) -> None:
    """The role is the function, the organisation goes apart (ANNOTATION_GUIDE: "Staatssekretärin im BMAS"
    -> role "Staatssekretärin", organisation BMAS): "Geschäftsführer des Jobcenters Kreis Recklinghausen"
    -> "Geschäftsführer" + that Jobcenter; "ISG-Projektleiter" -> "Projektleiter" + ISG."""
    role = cand.role
    if not role:
        return
    orgs = organisations
    for org in sorted(orgs, key=lambda o: -len(o.text)):
        if len(org.text) < len(role) and role.endswith(org.text):
            head = role[: -len(org.text)].rstrip(" ,")
            words = head.split()
            for link in sorted(_ROLE_ORG_LINKS, key=lambda w: -len(w.split())):
                n = len(link.split())
                if len(words) > n and " ".join(words[-n:]).lower() == link:
                    cand.role = " ".join(words[:-n])
                    if cand.org is None or cand.org_strength < 3:
                        cand.org, cand.org_strength = org, 3
                    return
    m = _ACRONYM_PREFIX.match(role)
    if m:
        acronym = m.group(1)
        for org in orgs:
            if org.acronym == acronym or org.text == acronym:
                cand.role = m.group(2)
                if cand.org is None:
                    cand.org, cand.org_strength = org, 3
                return


def _ends_with(word: str, endings: tuple[str, ...]) -> bool:
    return word.endswith(tuple(endings))


def _org_label(org: OrgMention | str | None, organisations, res: PeopleResources) -> tuple[str | None, str | None]:
    """(organisation as reported: acronym or canonical name, org id)."""
    if org is None:
        return None, None
    if isinstance(org, str):
        for mention in organisations:
            if mention.org_id == org:
                return mention.acronym or mention.name, org
        entry = res.organisations.get(org) or {}
        return entry.get("acronym") or entry.get("name") or org, org
    return org.acronym or org.name, org.org_id


# --- assembling people --------------------------------------------------------------------------------

def _name_of(v: TokenView, cand: _Candidate) -> str:
    return " ".join(v.texts[cand.start:cand.end])


def _coreference(v: TokenView, words: set[str], cands: list[_Candidate], blocked: CharRanges) -> list[_Candidate]:
    """Later (or earlier) mentions of a known family name alone: "Heil", "Dr. Schmachtenberg"."""
    surnames = {v.texts[c.end - 1] for c in cands if _is_full(v, c)}
    taken = {i for c in cands for i in range(c.start, c.end)}
    lowers = v.lowers
    found = []
    for i in token_positions(v.texts, words & surnames):
        if i not in taken and not in_ranges(v.idx[i], v.ends[i], blocked):
            start = i
            while start > 0 and lowers[start - 1] in _PARTICLES and i - start < 2:
                start -= 1  # "Von der Leyen"
            found.append(_Candidate(start, i + 1, "surname"))
    return found


def _is_full(v: TokenView, c: _Candidate) -> bool:
    """Given name and family name, not a family name alone ("Von der Leyen" is alone)."""
    return c.end - c.start - sum(map(_PARTICLES.__contains__, v.lowers[c.start:c.end])) >= 2


def _full_names(v: TokenView, cands: list[_Candidate]) -> dict[int, str]:
    """Map each candidate (by start) to the full name of its person: the nearest longer name with that surname."""
    full = {}
    by_surname: dict[str, list[_Candidate]] = {}
    for c in cands:
        by_surname.setdefault(v.texts[c.end - 1], []).append(c)
    for group in by_surname.values():
        longest = [c for c in group if _is_full(v, c)]
        for c in group:
            if _is_full(v, c) or not longest:
                full[c.start] = _name_of(v, c)
                continue
            before = [g for g in longest if g.start < c.start]
            ref = before[-1] if before else longest[0]
            full[c.start] = _name_of(v, ref)
    return full


def find_people(doc: Doc, res: PeopleResources) -> tuple[PersonMention, ...]:
    """One PersonMention per mention; all mentions of a person share its full name, role and organisation."""
    v = view(doc)
    organisations = getattr(doc._, "organisations", ()) or ()
    credits = photo_credit_ranges(v.text)
    org_ranges = [(o.start_char, o.end_char) for o in organisations]
    prog_ranges = [(p.start_char, p.end_char) for p in getattr(doc._, "programmes", ()) or ()]
    blocked = CharRanges(credits + org_ranges + prog_ranges)
    texts = v.texts
    words = doc_words(doc)
    given_names = words.intersection(res.first_names)
    triggers = _title_or_role_words(words, res)
    positions = token_positions(texts, given_names | triggers)  # one pass for both finders
    cands = _first_name_candidates(v, [i for i in positions if texts[i] in given_names], res, blocked)
    taken = {i for c in cands for i in range(c.start, c.end)}

    def add(found: list[_Candidate]) -> None:
        for cand in found:
            if not any(i in taken for i in range(cand.start, cand.end)):
                cands.append(cand)
                taken.update(range(cand.start, cand.end))

    # one after the other: each finder skips the tokens that the ones before took
    add(_title_candidates(v, [i for i in positions if texts[i] in triggers], res, blocked, taken))
    add(_quote_candidates(v, res, blocked, taken))
    add(_model_candidates(doc, res, blocked, taken))
    cands += _coreference(v, words, cands, blocked)
    cands.sort(key=lambda c: c.start)
    orgs = _org_index(v, organisations) if cands else {}
    orgs_in_text = [o for o in organisations if not in_ranges(o.start_char, o.end_char, credits)]
    for cand in cands:
        _role_before(doc, v, cand, orgs, res)
        if cand.role is None or cand.org is None:
            role_before, org_before = cand.role, cand.org
            _appositive(v, cand, orgs, res)
            cand.role = role_before or cand.role
            if org_before is not None:
                cand.org = org_before
        if cand.role is None:
            _role_copula(doc, v, cand, res)
        _split_role_org(cand, organisations)
        _context_org(v, orgs_in_text, cand, res)
    full = _full_names(v, cands)
    # person-level role (the most specific stated) and organisation (the strongest tie)
    best_role: dict[str, str] = {}
    best_org: dict[str, _Candidate] = {}
    for cand in cands:
        name = full[cand.start]
        if cand.role and len(cand.role) > len(best_role.get(name, "")):
            best_role[name] = cand.role
        if cand.org is not None and cand.org_strength > getattr(best_org.get(name), "org_strength", 0):
            best_org[name] = cand
    mentions = []
    sentences = sentence_index(doc) if cands else None
    for cand in cands:
        name = full[cand.start]
        start_char, end_char = v.idx[cand.start], v.ends[cand.end - 1]
        org_cand = best_org.get(name)
        organisation, org_id = _org_label(org_cand.org if org_cand else None, organisations, res)
        mentions.append(PersonMention(
            text=v.span_text(cand.start, cand.end),
            start_char=start_char,
            end_char=end_char,
            name=name,
            role=best_role.get(name),
            organisation=organisation,
            org_id=org_id,
            rule=cand.rule,
            sentence=sentences.text_at(start_char, end_char),
        ))
    return tuple(mentions)


def find(doc: Doc, resources: PeopleResources) -> tuple[PersonMention, ...]:
    return find_people(doc, resources)


__all__ = ["PeopleResources", "find", "find_people", "first_names", "load_resources"]
