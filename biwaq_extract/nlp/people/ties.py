"""Roles several names share or the sentence gives: a group's plural role, moderators, "X leitet die …"."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from biwaq_extract.nlp.people.candidates import Candidate
from biwaq_extract.nlp.people.resources import PeopleResources, is_role
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import TokenView

# "Geschäftsführer*innen", "Referent:innen", "ReferentInnen", "Referent_innen": a role for people of any gender
_GENDERED_PLURAL = re.compile(r"^(?P<base>[A-ZÄÖÜ][\wäöüß-]*?)(?:\*|:|_|/)?[Ii]nnen$")
# adjectival role nouns in a plural or oblique form: "Europaabgeordneten", "Beauftragten", "Vorsitzenden"
_ADJECTIVAL = re.compile(r"^(?P<stem>[A-ZÄÖÜ][\wäöüß-]*(?:t|d))en$")


def gender(v: TokenView, cand: Candidate, res: PeopleResources) -> str | None:
    """ "f" or "m": from "Frau"/"Herr(n)" before the name (titles skipped), else from the given name."""
    i = cand.start
    while i > 0 and v.texts[i - 1] in res.titles:
        i -= 1
    if i > 0 and v.texts[i - 1] in res.salutations:
        return res.salutations[v.texts[i - 1]]
    return res.genders.get(v.texts[cand.start]) if cand.end - cand.start >= 2 else None


def singular_role(word: str, sex: str | None, res: PeopleResources) -> str | None:
    """The role one person of a group holds, in that person's form, or None when `word` is no role.

    "Geschäftsführer*innen" -> "Geschäftsführerin" / "Geschäftsführer"; "Europaabgeordneten" ->
    "Europaabgeordnete" / "Europaabgeordneter"; "Moderatorinnen" -> "Moderatorin"."""
    if not word.endswith(("nnen", "ten", "den")):  # most words: no regex needed
        return None
    m = _GENDERED_PLURAL.match(word)
    if m and is_role(m.group("base"), res):
        base = m.group("base")
        return base + "in" if sex == "f" else base if sex == "m" else None
    m = _ADJECTIVAL.match(word)
    if m and (is_role(m.group("stem") + "e", res) or is_role(m.group("stem") + "er", res)):
        return m.group("stem") + ("e" if sex == "f" else "er") if sex else None
    return None


def list_groups(v: TokenView, cands: list[Candidate]) -> list[list[Candidate]]:
    """Names listed together: only ",", "und", "sowie" or a bracket ("Name (SPD), Name") between them."""
    groups: list[list[Candidate]] = []
    for cand in cands:
        if groups and _only_list_marks(v, groups[-1][-1].end, cand.start):
            groups[-1].append(cand)
        else:
            groups.append([cand])
    return groups


def _only_list_marks(v: TokenView, start: int, end: int) -> bool:
    depth, seen = 0, False
    for k in range(start, end):
        text = v.texts[k]
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif depth == 0:
            if text not in {",", "und", "sowie"} and text not in ("Herr", "Herrn", "Frau", "Dr.", "Prof."):
                return False
            seen = True
    return depth == 0 and (seen or end > start)


def shared_roles(doc: Doc, v: TokenView, cands: list[Candidate], res: PeopleResources) -> None:
    """Roles for a group of listed names: a plural role before the first ("die Europaabgeordneten X (SPD),
    Y (…)"), or moderation ("Moderiert wurde der Tag von X und Y", "Unter der Moderation des Publizisten X",
    "X moderierte"); each person gets the role in his or her form, unless the text gives one of their own."""
    lowered = v.text.lower() if cands else ""
    moderation_in_text = any(stem in lowered for stem in res.moderation_stems)
    for group in list_groups(v, cands):
        first, last = group[0], group[-1]
        if last.tied_after:  # "Jana Lorenz und Eva Lind vom Klinikum X": the tie holds for all
            for cand in group[:-1]:
                if cand.org is None:
                    cand.org, cand.org_strength = last.org, last.org_strength
        plural = _plural_role_before(v, first, res)
        moderated = moderation_in_text and _moderation_around(doc, v, first, last, res)
        if plural is None and not moderated:
            continue
        for cand in group:
            if cand.role:
                continue
            sex = gender(v, cand, res)
            role = singular_role(plural, sex, res) if plural else None
            if role is None and moderated:
                role = {"f": "Moderatorin", "m": "Moderator"}.get(sex or "")
            cand.role = role


def _plural_role_before(v: TokenView, cand: Candidate, res: PeopleResources) -> str | None:
    i = cand.start
    while i > 0 and (v.texts[i - 1] in res.titles or v.texts[i - 1] in res.salutations):
        i -= 1
    if i == 0:
        return None
    word = v.texts[i - 1]
    return word if singular_role(word, "f", res) else None


def _moderation_around(doc: Doc, v: TokenView, first: Candidate, last: Candidate, res: PeopleResources) -> bool:
    """A moderation word in the sentence before the first name (within eight words), or "moderierte" /
    "moderiert" right after the last."""
    start = max(sentence_index(doc).sentence_start_token(first.start), first.start - 8)
    if any(v.lowers[k].startswith(res.moderation_stems) for k in range(start, first.start)):
        return True
    return last.end < v.n and v.lowers[last.end].startswith(res.moderation_stems)


def leads(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "X leitet die Fachstelle Querschnittsthemen": X is its Leiter or Leiterin."""
    k = cand.end
    if cand.role or k + 1 >= v.n or v.lowers[k] not in res.lead_verbs:
        return
    k += 1
    if v.lowers[k] in {"die", "das", "den", "seit"}:
        k += 1
    if k in orgs:
        sex = gender(v, cand, res)
        if sex:
            cand.role = "Leiterin" if sex == "f" else "Leiter"
            if cand.org_strength < 3:
                cand.org, cand.org_strength = orgs[k][0], 3


def document_day(doc: Doc) -> dt.date | None:
    """The day a title's ministry is read at: the publication date, else the first date the text gives
    (the "Datum" line of a portal article)."""
    published = doc._.published if Doc.has_extension("published") else None
    if published:
        return published
    for mention in getattr(doc._, "dates", ()) or ():
        start = getattr(mention, "start", None)
        if start:
            return start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
    return None
