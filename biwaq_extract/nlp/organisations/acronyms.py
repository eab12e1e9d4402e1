"""Acronyms a text defines ("Long Form (ACR)", "ACR (Long Form)") and their later uses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from biwaq_extract.nlp.german_case_forms import inflected_variants, nominative
from biwaq_extract.nlp.organisations.candidates import Candidate
from biwaq_extract.nlp.text_helpers import QUOTES, PhraseTrie, Pieces, ascii_slug, inside_compound_tail, is_acronym

if TYPE_CHECKING:
    from biwaq_extract.nlp.organisations.resources import OrgResources


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
# an acronym some bodies write in lower case, maybe hyphenated: "(f-bb)", "(ehs)"; its long form must spell it
_LOWER_ACR = re.compile(r"\(([a-zäöü]{2,5}|[a-zäöü]{1,4}-[a-zäöü]{1,4})\)")


def _has_org_head(long_form: str, res: OrgResources) -> bool:
    words = [w.strip(",.()") for w in long_form.split()]
    if not words or not words[0][:1].isupper() or words[0] in res.units:
        return False
    low = long_form.lower()
    return any(w.lower().endswith(res.org_heads) for w in words if w[:1].isupper()) or \
        low.endswith(("e. v.", "e.v.", "gmbh"))


def acronym_pairs(text: str, toks: Pieces, res: OrgResources, cands: list[Candidate],
                  day: dt.date | None) -> tuple[list[Candidate], dict[str, Candidate]]:
    """Acronyms the text defines: "Long Form (ACR)" and "ACR (Long Form)".

    Returns new candidates and, per acronym, the candidate that carries its identity, so that later bare
    uses of the acronym link to the same organisation.
    """
    defined: dict[str, Candidate] = {}
    # both forms need a "(" piece with a piece before it and two after it
    parens = [i for i in toks.positions_of_char(text, "(") if 1 <= i < len(toks.words) - 2]
    new = _long_forms_before(text, toks, res, cands, day, parens, defined)
    new += _long_forms_inside(text, toks, res, day, parens, defined)
    return new, defined


def _pair_candidate(start: int, end: int, acr: str, long_form: str, res: OrgResources, day: dt.date | None,
                    kind: str) -> Candidate:
    """The organisation an acronym pair names: the gazetteer's when it knows the acronym."""
    if acr in res.acronym_ids:
        entry = res.entries[res.acronym_ids[acr]]
        name, acronym = entry.canonical(day)
        return Candidate(start, end, entry.id, name, acronym, "text:acronym-pair", entry.type, entry.level, 1, kind)
    name = nominative(long_form)
    return Candidate(start, end, f"text:{ascii_slug(name)}", name, acr, "text:acronym-pair", None, "other", 1, kind)


def _long_forms_before(text: str, toks: Pieces, res: OrgResources, cands: list[Candidate], day: dt.date | None,
                       parens: list[int], defined: dict[str, Candidate]) -> list[Candidate]:
    """ "Long Form (ACR)": the long form ends right before "(" on the same line; adds to `defined`."""
    new: list[Candidate] = []
    by_end = {c.end: c for c in cands if c.kind == "name"}
    pw, starts = toks.words, toks.starts
    for i in parens:
        at = _bracketed_acronym(pw, i)
        place = None
        if at is None and i + 3 < len(pw) and pw[i + 3] == ")" and pw[i + 2][:1].isupper() and res.known_place(pw[i + 2]):
            at, place = i + 1, pw[i + 2]  # "(HTW Dresden)": an acronym with its town
        lower = _LOWER_ACR.match(text, starts[i]) if at is None else None
        if at is None and lower is None:
            continue
        acr = lower.group(1) if lower else pw[at]
        if not (lower or _ACR.match(acr) and is_acronym(acr)) or acr in res.programme_names:
            continue
        line_start = text.rfind("\n", 0, starts[i]) + 1
        window_start = line_start
        words = text[line_start: starts[i]].split()
        if len(words) > 2 * len(acr) + 4:
            keep = words[-(2 * len(acr) + 4):]
            window_start = text.rfind(keep[0], line_start, starts[i])
        window = text[window_start: starts[i]].rstrip().rstrip(QUOTES).rstrip()  # '"…" (kurz: "FAQT")'
        prev = by_end.get(window_start + len(window))
        if prev is not None:
            # "Bundesministerium für Arbeit und Soziales (BMAS)": the acronym belongs to the known name
            if prev.acronym is None:
                prev.acronym = f"{acr} {place}" if place else acr
            defined[acr] = prev
            continue
        long_form = schwartz_hearst(acr, re.split(r"[:;!?\"„“”]|\.\s", window)[-1]) if window else None
        if not long_form or len(long_form.split()) > 12 or long_form in res.programme_names:
            continue
        if not _has_org_head(long_form, res):
            continue
        start = window_start + len(window) - len(long_form)
        cand = _pair_candidate(start, start + len(long_form), acr, long_form, res, day, "name")
        if place and cand.org_id.startswith("text:"):
            cand.acronym = f"{acr} {place}"
        new.append(cand)
        defined[acr] = cand
    return new


def _long_forms_inside(text: str, toks: Pieces, res: OrgResources, day: dt.date | None, parens: list[int],
                       defined: dict[str, Candidate]) -> list[Candidate]:
    """ "ACR (Long Form)": the whole bracket spells the acronym; adds to `defined`."""
    new: list[Candidate] = []
    pw, starts, ends = toks.words, toks.starts, toks.ends
    for paren in parens:
        i = paren - 1
        acr = pw[i]
        if not (_ACR.match(acr) and is_acronym(acr)) or acr in defined \
                or acr in res.programme_names or inside_compound_tail(toks, i):
            continue
        close = text.find(")", ends[paren])
        if close < 0 or close - ends[paren] > 120 or "\n" in text[ends[paren]: close]:
            continue
        inner = text[ends[paren]: close].strip()
        if schwartz_hearst(acr, inner) != inner or not _has_org_head(inner, res):
            continue
        cand = _pair_candidate(starts[i], ends[i], acr, inner, res, day, "acronym")
        new.append(cand)
        defined[acr] = cand
    return new


def acronym_uses(text: str, toks: Pieces, defined: dict[str, Candidate], res: OrgResources) -> list[Candidate]:
    """Every use of an acronym the text defined, linked to its organisation (also "EHB-Studie")."""
    cands = []
    if not defined:
        return cands
    words, starts, ends = toks.words, toks.starts, toks.ends
    for i in toks.positions_of_words(text, defined):
        owner = defined[words[i]]
        if inside_compound_tail(toks, i):
            continue
        # the text's own definition outranks a gazetteer entry with that acronym (a renamed ministry)
        priority = -1 if owner.org_id.startswith("text:") else 4
        cands.append(Candidate(starts[i], ends[i], owner.org_id, owner.name, owner.acronym or words[i],
                           "text:acronym-pair", owner.org_type, owner.level, priority, "acronym"))
    return cands


def _bracketed_acronym(words: list[str], i: int) -> int | None:
    """Index of the acronym in the bracket opening at piece i: "(FAQT)", '(kurz: "FAQT")'; else None."""
    k = i + 1
    if words[k: k + 2] == ["kurz", ":"]:
        k += 2
    quoted = k < len(words) and words[k] in QUOTES
    k += quoted
    close = k + 1 + quoted
    if close < len(words) and words[close] == ")" and (not quoted or words[k + 1] in QUOTES):
        return k
    return None


def long_form_uses(text: str, toks: Pieces, learned: list[Candidate],
                   legal_forms: Iterable[str] = ()) -> list[Candidate]:
    """Uses of the names the text defined, in any case form ("der Evangelischen Hochschule Berlin"): long
    forms of its acronyms, and names of associations and companies without their legal form ("Gesellschaft
    für Ausbildung und Beschäftigung" beside "… Beschäftigung GmbH")."""
    trie = PhraseTrie()
    suffixes = tuple(" " + form for form in legal_forms)
    for c in learned:
        if c.org_id.startswith("text:") and c.kind == "name":
            forms = inflected_variants(c.name) | {text[c.start: c.end]}
            if c.legal and c.name.endswith(suffixes):
                bare = c.name.rsplit(" ", 2 if c.name.endswith(" e. V.") else 1)[0]  # ("e.V." is one word)
                if len(bare.split()) >= 2:
                    forms |= inflected_variants(bare)
            for form in forms:
                trie.add(form, c)
    cands = []
    if not trie.root:
        return cands
    starts, ends = toks.starts, toks.ends
    for i in trie.starts(toks):
        for j, values in trie.matches_at(toks.words, i):
            c = values[0]
            cands.append(Candidate(starts[i], ends[j - 1], c.org_id, c.name, c.acronym, c.rule, c.org_type,
                               c.level, 4))
            break
    return cands

