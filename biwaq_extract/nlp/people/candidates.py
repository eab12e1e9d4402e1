"""Candidate people: given name + family name, title or role + name, quoted speakers, model entities, coreference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from biwaq_extract.nlp.people.resources import PeopleResources, is_name_token, is_role
from biwaq_extract.nlp.text_helpers import QUOTES, CharRanges, in_ranges
from biwaq_extract.nlp.token_view import TokenView, token_at_char, token_positions, view
from biwaq_extract.records import OrgMention

QUOTE_MARKS = frozenset(QUOTES)


@dataclass
class Candidate:
    """A possible person mention (token range) and the role and organisation found for it so far."""

    start: int  # token index of the first name token (after titles)
    end: int  # exclusive
    rule: str
    role: str | None = None
    org: OrgMention | str | None = None  # an OrgMention, or an org id from roles.yaml
    org_strength: int = 0  # 3 explicit, 2 from title or portfolio, 1 from context
    family: str | None = None  # a family name the given name shares with the next ("Igor und Vira Petrenko")
    tied_after: bool = False  # the organisation follows the name ("… von der X", "… aus der Kreisverwaltung")


def _surname_end(v: TokenView, i: int, res: PeopleResources) -> int | None:
    """Index after the family name starting at i (particles allowed: "von der Leyen"), or None."""
    texts, n = v.texts, v.n
    j = i
    while j < n and texts[j] in res.particles and j - i < 2:
        j += 1
    if j < n and is_name_token(texts[j], res):
        return j + 1
    return None


def first_name_candidates(v: TokenView, positions: list[int], res: PeopleResources,
                           blocked: CharRanges) -> list[Candidate]:
    """Given name(s) and family name; `positions` are the tokens that are given names."""
    found = []
    texts, n = v.texts, v.n
    resume = 0  # tokens of a found name are not looked at again
    for i in positions:
        if i < resume or i >= n - 1 or in_ranges(v.idx[i], v.ends[i], blocked):
            continue
        j = i + 1
        if texts[j] in res.first_names and j + 1 < n and is_name_token(texts[j + 1], res):
            j += 1  # second given name ("Hans Peter Müller")
        end = _surname_end(v, j, res)
        if end is not None and not in_ranges(v.idx[j], v.ends[end - 1], blocked):
            found.append(Candidate(i, end, "first_name"))
            resume = end
        elif texts[j] == "und" and j + 2 < n and texts[j + 1] in res.first_names:
            # "Igor und Vira Petrenko": two given names share the family name after the second
            shared = _surname_end(v, j + 2, res)
            if shared is not None and not in_ranges(v.idx[j + 2], v.ends[shared - 1], blocked):
                found.append(Candidate(i, i + 1, "first_name", family=" ".join(texts[j + 2: shared])))
    return found


def _after_titles(v: TokenView, i: int, res: PeopleResources) -> int:
    while i < v.n and v.texts[i] in res.titles:
        i += 1
    return i


def title_candidates(v: TokenView, positions: list[int], res: PeopleResources, blocked: CharRanges,
                      taken: set[int]) -> list[Candidate]:
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
        if k >= n or k in taken or not is_name_token(texts[k], res):
            continue
        if i > 1 and texts[i - 1] == "," and i - 2 in taken and texts[i] not in res.titles:
            continue  # "Lisa Brandt, Fachbereichsleiterin Arbeit": the role of the person just named
        end = k + 1
        if end < n and is_name_token(texts[end], res) and end - k < 2:
            end += 1
        if not in_ranges(v.idx[k], v.ends[end - 1], blocked):
            found.append(Candidate(k, end, "title"))
    return found


# A quote character with a comma right after it (or after spaces): where a quoted speaker may follow.
_QUOTE_COMMA = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + r"]\s*,")


def quote_candidates(v: TokenView, res: PeopleResources, blocked: CharRanges, taken: set[int]) -> list[Candidate]:
    """ '"…", sagt Name' and '"…", so Name'."""
    found = []
    texts, n = v.texts, v.n
    for match in _QUOTE_COMMA.finditer(v.text):  # a quote token, a comma token, then a speech verb
        c = token_at_char(v, match.end() - 1)  # the comma's token
        s = c + 1
        if c < 1 or s >= n or texts[c] != "," or v.lowers[s] not in res.speech_verbs or texts[c - 1] not in QUOTE_MARKS:
            continue
        i = _after_titles(v, s + 1, res)
        if i < n and i not in taken and is_name_token(texts[i], res):
            end = i + 1
            if end < n and is_name_token(texts[end], res):
                end += 1
            if not in_ranges(v.idx[i], v.ends[end - 1], blocked):
                found.append(Candidate(i, end, "quote"))
    return found


def model_candidates(doc: Doc, res: PeopleResources, blocked: CharRanges, taken: set[int]) -> list[Candidate]:
    """PER entities of a statistical model, trimmed of titles and role words."""
    found = []
    texts = view(doc).texts
    for ent in doc.ents:
        if ent.label_ not in {"PER", "PERSON"} or in_ranges(ent.start_char, ent.end_char, blocked):
            continue
        start, end = ent.start, ent.end
        while start < end and (texts[start] in res.titles or is_role(texts[start], res) or texts[start] in res.adjectives):
            start += 1
        names = [t for t in texts[start:end] if is_name_token(t, res) or t in res.particles]
        if len(names) < 2 or len(names) != end - start or any(i in taken for i in range(start, end)):
            continue  # the shape of a person's name: given name and family name, as our rules want it
        found.append(Candidate(start, end, "model_ent"))
    return found


def name_of(v: TokenView, cand: Candidate) -> str:
    """The candidate's tokens joined by single spaces (and the family name it shares)."""
    name = " ".join(v.texts[cand.start:cand.end])
    return f"{name} {cand.family}" if cand.family else name


def coreference(v: TokenView, words: set[str], cands: list[Candidate], blocked: CharRanges,
                res: PeopleResources) -> list[Candidate]:
    """Later (or earlier) mentions of a known family name alone: "Heil", "Dr. Schmachtenberg"."""
    surnames = {c.family.split()[-1] if c.family else v.texts[c.end - 1] for c in cands if is_full(v, c, res)}
    taken = {i for c in cands for i in range(c.start, c.end)}
    lowers = v.lowers
    found = []
    for i in token_positions(v.texts, words & surnames):
        if i not in taken and not in_ranges(v.idx[i], v.ends[i], blocked):
            start = i
            while start > 0 and lowers[start - 1] in res.particles and i - start < 2:
                start -= 1  # "Von der Leyen"
            found.append(Candidate(start, i + 1, "surname"))
    return found


def is_full(v: TokenView, c: Candidate, res: PeopleResources) -> bool:
    """Given name and family name, not a family name alone ("Von der Leyen" is alone)."""
    return bool(c.family) or c.end - c.start - sum(map(res.particles.__contains__, v.lowers[c.start:c.end])) >= 2


def full_names(v: TokenView, cands: list[Candidate], res: PeopleResources) -> dict[int, str]:
    """Map each candidate (by start) to the full name of its person: the nearest longer name with that surname."""
    full = {}
    by_surname: dict[str, list[Candidate]] = {}
    for c in cands:
        by_surname.setdefault(c.family.split()[-1] if c.family else v.texts[c.end - 1], []).append(c)
    for group in by_surname.values():
        longest = [c for c in group if is_full(v, c, res)]
        for c in group:
            if is_full(v, c, res) or not longest:
                full[c.start] = name_of(v, c)
                continue
            before = [g for g in longest if g.start < c.start]
            ref = before[-1] if before else longest[0]
            full[c.start] = name_of(v, ref)
    return full

