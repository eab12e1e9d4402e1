"""Find organisations in a German Doc and link every mention to a canonical id, name and acronym.

Evidence, strongest first: the gazetteer (data/organisations.yaml, every name in all German case forms,
names resolved by the publication date), name patterns (Land ministries, universities, institutes,
foundations, local offices, "... e. V." / "... GmbH"), the shapes of other names (quoted names of
institutions, "Haus der …", "Amt für …", offices that run a programme, centres), acronym definitions in
the text itself ("Long Form (ACR)", "ACR (Long Form)", '"Long Form" (kurz: "ACR")') and, when the
pipeline has an `ner`, its ORG entities where they have an institution's shape. Photo credit lines
("© BMAS/...", "Foto: ...") and bylines are not article text and are skipped.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from biwaq_extract.nlp.german_case_forms import nominative
from biwaq_extract.nlp.organisations.acronyms import acronym_pairs, acronym_uses, long_form_uses
from biwaq_extract.nlp.organisations.candidates import (
    Candidate,
    bare_heads,
    merge_bare_names,
    merge_offices,
    merge_short_forms,
    not_cut_off,
    pick,
    resolve_document,
    without_logo_lines,
)
from biwaq_extract.nlp.organisations.gazetteer import gazetteer_candidates, local_branches
from biwaq_extract.nlp.organisations.line_hyphens import Mended, mend_line_hyphens
from biwaq_extract.nlp.organisations.name_rules import (
    body_candidates,
    legal_form_candidates,
    pattern_candidates,
    role_apposition_candidates,
    town_administrations,
    without_persons,
)
from biwaq_extract.nlp.organisations.person_ties import person_tied_names
from biwaq_extract.nlp.organisations.resources import OrgResources
from biwaq_extract.nlp.organisations.shapes import shape_candidates
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.text_helpers import (
    add_logo_ranges,
    ascii_slug,
    doc_credit_ranges,
    doc_pieces,
    in_spans,
    is_acronym,
    pieces,
)
from biwaq_extract.nlp.token_view import doc_text
from biwaq_extract.records import OrgMention


def _ner_candidates(doc: Doc, res: OrgResources, credits: list[tuple[int, int]], chosen: list[Candidate],
                    mended: Mended | None = None) -> list[Candidate]:
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
        if mended is not None:
            start, end = mended.to_mended(start, end)
        if in_spans(start, credits) or any(not (end <= c.start or start >= c.end) for c in chosen):
            continue
        if surface in res.generic or words[0] in res.units or surface in res.programme_names \
                or any(surface.startswith(p + "-") for p in res.programme_acronyms):
            continue
        if is_acronym(surface) and surface not in res.acronym_ids:
            continue  # bare capitals (BIWAQ, NIFA) are not organisations unless defined
        if not _institution_shaped(words, surface, res):
            continue  # the model's guess counts only where a rule's shape agrees
        known = res.acronym_ids.get(surface)
        if known:
            entry = res.entries[known]
            name, acronym = entry.canonical(doc._.published if doc.has_extension("published") else None)
            cands.append(Candidate(start, end, entry.id, name, acronym, "model:ner", entry.type, entry.level, 5))
        else:
            name = nominative(surface)
            cands.append(Candidate(start, end, f"text:{ascii_slug(name)}", name, None, "model:ner", None, None, 5))
    return cands


def _institution_shaped(words: list[str], surface: str, res: OrgResources) -> bool:
    """A model ORG our rules would call an institution: a known acronym, a legal form at its end, or a
    capitalised word ending in an institution's head ("Bildungsnetz", "Trägerverein"); a model's
    "Sommerfest Nord" is none of these."""
    if surface in res.acronym_ids or surface.endswith(tuple(" " + f for f in res.legal_forms.values())):
        return True
    return any(w[:1].isupper() and w.lower().strip(",.").endswith(res.noun_heads) for w in words)


@lru_cache(maxsize=8)
def _spellings(legal_forms: tuple[str, ...]) -> tuple[str, ...]:
    """Legal forms as spelled with and without blanks ("e. V.", "e.V."), built once per gazetteer."""
    return tuple(dict.fromkeys(f for form in legal_forms for f in (form, form.replace(" ", ""))))


def find(doc: Doc, resources: OrgResources) -> tuple[OrgMention, ...]:
    """Every organisation mention in `doc`, linked to a canonical id, in text order."""
    res = resources
    source = doc_text(doc)
    day = doc._.published if Doc.has_extension("published") else None
    credits = doc_credit_ranges(doc, res.credit_markers)
    mended = mend_line_hyphens(source)
    if mended is None:
        text, toks = source, doc_pieces(doc)
    else:  # names are read in the mended text; their mentions keep the original offsets
        text, toks = mended.text, pieces(mended.text)
        credits = [mended.to_mended(s, e) for s, e in credits]

    cands = gazetteer_candidates(text, toks, res, day)
    cands += local_branches(text, cands, res)
    cands += pattern_candidates(text, toks, res)
    cands += body_candidates(text, toks, res)
    cands += town_administrations(text, toks, res, cands)
    cands += legal_form_candidates(text, toks, res, cands)
    cands += role_apposition_candidates(text, toks, res)
    cands += [Candidate(s.start, s.end, f"text:{ascii_slug(s.name)}", s.name, None, "gazetteer:shape", s.org_type,
                        "other", 2, group=s.group, bare=s.bare)
              for s in shape_candidates(text, res.shapes, res.programme_names, res.acronym_ids, res.known_place)]
    cands = without_persons(text, cands, res.given_names)
    cands += person_tied_names(text, toks, res, res.given_names, cands)
    if credits:
        cands = [c for c in cands if not in_spans(c.start, credits)]
    pairs, defined = acronym_pairs(text, toks, res, pick(cands), day)
    cands += [c for c in pairs if not in_spans(c.start, credits)] if credits else pairs
    cands += acronym_uses(text, toks, defined, res)
    spellings = _spellings(tuple(res.legal_forms.values()))
    cands += long_form_uses(text, toks, [c for c in cands if c.rule == "text:acronym-pair" or c.legal], spellings)
    chosen = pick([c for c in cands if not in_spans(c.start, credits)] if credits else cands)
    if res.use_ner:
        chosen = pick(chosen + _ner_candidates(doc, res, credits, chosen, mended))
    chosen = bare_heads(text, merge_short_forms(merge_bare_names(chosen, spellings)), res.generic)
    chosen, logos = without_logo_lines(text, resolve_document(merge_offices(not_cut_off(text, chosen)), res))
    spans = [(c.start, c.end) for c in chosen]
    if mended is not None:
        logos = [(mended.start(s), mended.end(e)) for s, e in logos]
        spans = [(mended.start(s), mended.end(e)) for s, e in spans]
    if logos:
        add_logo_ranges(doc, logos)
    sentence = sentence_index(doc).text_at
    return tuple(
        OrgMention(text=source[s: e], start_char=s, end_char=e, org_id=c.org_id, name=c.name,
                   acronym=c.acronym, rule=c.rule, sentence=sentence(s, e),
                   org_type=c.org_type, level=c.level)
        for c, (s, e) in zip(chosen, spans)
    )
