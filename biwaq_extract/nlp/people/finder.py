"""Find named people in a German Doc, with the role and organisation the text ties them to."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc

from biwaq_extract.nlp.people.candidates import (
    Candidate,
    coreference,
    first_name_candidates,
    full_names,
    model_candidates,
    quote_candidates,
    title_candidates,
)
from biwaq_extract.nlp.people.resources import PeopleResources, title_or_role_words
from biwaq_extract.nlp.people.org_links import org_after_link, org_index, org_label
from biwaq_extract.nlp.people.roles import (
    appositive,
    comma_before,
    context_org,
    role_before,
    role_copula,
    split_role_org,
)
from biwaq_extract.nlp.people.ties import (
    document_day,
    label_role,
    leads,
    next_sentence_ties,
    relative_clause_tie,
    role_after_verb,
    shared_roles,
    spoken_for,
)
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.text_helpers import CREDIT_LINES_ANY_CASE, CharRanges, doc_credit_ranges, in_ranges, mention_ranges
from biwaq_extract.nlp.token_view import TokenView, doc_words, token_positions, view
from biwaq_extract.records import OrgMention, PersonMention


def find(doc: Doc, resources: PeopleResources) -> tuple[PersonMention, ...]:
    """One PersonMention per mention; all mentions of a person share its full name, role and organisation."""
    res = resources
    v = view(doc)
    organisations = getattr(doc._, "organisations", ()) or ()
    credits = doc_credit_ranges(doc, ("©", *res.byline_markers), CREDIT_LINES_ANY_CASE)
    # names inside organisations, programmes and places ("Abu Dhabi": a given name and a word) are not people
    blocked = CharRanges(credits + mention_ranges(organisations) + mention_ranges(getattr(doc._, "programmes", ()))
                         + mention_ranges(getattr(doc._, "places", ())))
    cands = _candidates(doc, v, res, blocked)
    orgs = org_index(v, organisations) if cands else {}
    orgs_in_text = [o for o in organisations if not in_ranges(o.start_char, o.end_char, credits)]
    day = document_day(doc)
    for cand in cands:
        _attach_role(doc, v, cand, orgs, organisations, orgs_in_text, res, day)
    shared_roles(doc, v, cands, res)
    next_sentence_ties(doc, v, cands, orgs, res, org_after_link)
    sentences = sentence_index(doc) if cands else None
    for cand in cands:
        claimed = frozenset(o.org_id for c in cands if c is not cand and c.org_strength >= 3
                            and isinstance(o := c.org, OrgMention))
        context_org(v, orgs_in_text, cand, res, day, sentences, claimed)
    return _mentions(doc, v, cands, organisations, res, day)


def _candidates(doc: Doc, v: TokenView, res: PeopleResources, blocked: CharRanges) -> list[Candidate]:
    """Every candidate name in text order; each finder skips the tokens that the ones before took."""
    texts = v.texts
    words = doc_words(doc)
    given_names = words.intersection(res.first_names)
    triggers = title_or_role_words(words, res)
    positions = token_positions(texts, given_names | triggers)  # one pass for both finders
    cands = first_name_candidates(v, [i for i in positions if texts[i] in given_names], res, blocked)
    taken = {i for c in cands for i in range(c.start, c.end)}

    def add(found: list[Candidate]) -> None:
        for cand in found:
            if not any(i in taken for i in range(cand.start, cand.end)):
                cands.append(cand)
                taken.update(range(cand.start, cand.end))

    add(title_candidates(v, [i for i in positions if texts[i] in triggers], res, blocked, taken))
    add(quote_candidates(v, res, blocked, taken))
    add(model_candidates(doc, res, blocked, taken))
    cands += coreference(v, words, cands, blocked, res)
    cands.sort(key=lambda c: c.start)
    return cands


def _attach_role(doc: Doc, v: TokenView, cand: Candidate, orgs: dict, organisations, orgs_in_text: list,
                 res: PeopleResources, day) -> None:
    """The candidate's role and organisation: before the name, in an apposition, by copula, from context."""
    role_before(doc, v, cand, orgs, res)
    # "Die Vertreterin der Kommission, Name, Referatsleiterin in …": the apposition after the name says
    # what the person is; the phrase before the comma may only say whom he or she speaks for
    before_comma = cand.role is not None and comma_before(v, cand, res)
    if cand.role is None or cand.org is None or before_comma:
        role_found, org_found, strength = cand.role, cand.org, cand.org_strength
        cand.role = None
        appositive(v, cand, orgs, res)
        cand.role = cand.role if before_comma and cand.role else role_found or cand.role
        if org_found is not None:
            cand.org, cand.org_strength = org_found, strength
    if cand.role is None:
        role_copula(doc, v, cand, res)
    if cand.role is None or cand.org is None:
        role_after_verb(v, cand, orgs, res, org_after_link)
    relative_clause_tie(v, cand, orgs, res, org_after_link)
    leads(v, cand, orgs, res)
    label_role(v, cand, res, orgs_in_text)
    if cand.role and cand.org is None:
        spoken = spoken_for(v, cand, orgs, res)
        if spoken is not None:
            cand.org, cand.org_strength = spoken, 2
    split_role_org(cand, organisations, res)


def _one_spelling(full: dict[int, str]) -> dict[int, str]:
    """Names written with and without their diacritics ("Pavel"/"Pável Dvořak") are one person,
    named with the diacritics."""
    if all(name.isascii() for name in full.values()):
        return full
    spellings: dict[str, str] = {}
    for name in full.values():
        key = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
        known = spellings.get(key)
        if known is None or sum(not ch.isascii() for ch in name) > sum(not ch.isascii() for ch in known):
            spellings[key] = name
    return {start: spellings[unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()]
            for start, name in full.items()}


def _mentions(doc: Doc, v: TokenView, cands: list[Candidate], organisations,
              res: PeopleResources, day) -> tuple[PersonMention, ...]:
    """The records: per person the most specific role stated and the organisation most strongly tied."""
    full = _one_spelling(full_names(v, cands, res))
    best_role: dict[str, str] = {}
    best_org: dict[str, Candidate] = {}
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
        organisation, org_id = org_label(org_cand.org if org_cand else None, organisations, res, v.text, day)
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
