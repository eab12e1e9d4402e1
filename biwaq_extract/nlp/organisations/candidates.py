"""Organisation candidates and how they merge: the longest wins, and every mention of an id gets one name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from biwaq_extract.nlp.organisations.resources import OrgResources


@dataclass
class Candidate:
    """A possible organisation mention: its span, identity, the rule that found it and how strong that is."""

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
    group: str | None = None  # offices of one head in a document are one office ("Regiestelle")
    bare: bool = False  # an office head without its name: kept only beside a named one
    legal: bool = False  # found by its legal form: its name without the form is the same organisation


def pick(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer spans first, then stronger evidence, then earlier."""
    chosen: list[Candidate] = []
    starts: list[int] = []  # the chosen spans, kept sorted: they never overlap, so one look each side
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        at = bisect_right(starts, c.start)
        if (at and ends[at - 1] > c.start) or (at < len(starts) and starts[at] < c.end):
            continue
        starts.insert(at, c.start)
        ends.insert(at, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def merge_offices(chosen: list[Candidate]) -> list[Candidate]:
    """Offices of one head in a text are one office, named as first named ("ESF-Regiestelle rückenwind³",
    later "die ESF-Regiestelle in der BAGFW"); a bare head with no named office is dropped."""
    first: dict[str, Candidate] = {}
    for c in chosen:
        if c.group and not c.bare:
            first.setdefault(c.group, c)
    out = []
    for c in chosen:
        if c.group:
            head = first.get(c.group)
            if head is None:
                continue
            c = Candidate(c.start, c.end, head.org_id, head.name, head.acronym, c.rule, head.org_type, head.level,
                          c.priority, c.kind, group=c.group)
        out.append(c)
    return out


def merge_bare_names(chosen: list[Candidate], legal_forms: tuple[str, ...]) -> list[Candidate]:
    """A name read without its legal form is the company or association named with it ("Gesellschaft für
    Ausbildung und Beschäftigung" beside "… Beschäftigung GmbH"): one organisation, named in full."""
    full: dict[str, Candidate] = {}
    suffixes = tuple(" " + form for form in legal_forms)
    for c in chosen:
        if c.name.endswith(suffixes):  # (one C call for most names, which end in none)
            form = next(f for f in suffixes if c.name.endswith(f))
            full.setdefault(c.name[: -len(form)], c)
    if not full:
        return chosen
    out = []
    for c in chosen:
        owner = full.get(c.name) if c.org_id.startswith("text:") else None
        if owner is not None:
            c = Candidate(c.start, c.end, owner.org_id, owner.name, owner.acronym or c.acronym, c.rule,
                          owner.org_type, owner.level, c.priority, c.kind)
        out.append(c)
    return out


def merge_short_forms(chosen: list[Candidate]) -> list[Candidate]:
    """A name read from the text that opens the one longer name the text gives ("Evangelische Akademie"
    beside "Evangelische Akademie Loccum") is that organisation, named shortly: one organisation."""
    longer = [c for c in chosen if c.org_id.startswith("text:") and " " in c.name]
    if len(longer) < 2:
        return chosen
    out = []
    for c in chosen:
        if c.org_id.startswith("text:"):
            owners = {o.org_id: o for o in longer if o.name.startswith(c.name + " ")}
            if len(owners) == 1:
                o = next(iter(owners.values()))
                c = Candidate(c.start, c.end, o.org_id, o.name, o.acronym or c.acronym, c.rule, o.org_type, o.level,
                              c.priority, c.kind)
        out.append(c)
    return out


def bare_heads(text: str, chosen: list[Candidate], generic: frozenset[str] | set[str]) -> list[Candidate]:
    """Later mentions of a named association by the compound that heads its name, after an article ("das
    Diakoniewerk" after "Diakoniewerk Oberharz"), when one body of the text has that head; a generic noun
    ("Jobcenter"), a plain word ("Verein") and an office of a place ("Landkreis") refer to too many."""
    heads: dict[str, list[Candidate]] = defaultdict(list)
    for c in chosen:
        first = c.name.split()[0]
        if c.org_id.startswith("text:") and c.org_type == "association" and " " in c.name and len(first) >= 9 \
                and first.isalpha() and first not in generic and first[1:].islower():
            heads[first].append(c)
    found = []
    for head, owners in heads.items():
        if len({o.org_id for o in owners}) != 1:
            continue
        owner = owners[0]
        # after an article, and not opening another name: "das Diakoniewerk lädt", not "Landkreis Gifhorn"
        for m in re.finditer(rf"(?<![\w-])(?:[Dd](?:as|er|es|em|ie)[ \t]+){re.escape(head)}(?:e?s)?(?![\w-])"
                             rf"(?![ \t]+[A-ZÄÖÜ])", text):
            start = m.end() - len(m.group().split()[-1])
            if not any(c.start <= start < c.end for c in chosen):
                found.append(Candidate(start, m.end(), owner.org_id, owner.name, owner.acronym, owner.rule,
                                       owner.org_type, owner.level, owner.priority))
    return sorted(chosen + found, key=lambda c: c.start) if found else chosen


_LINE_ARTICLES = ("Die ", "Der ", "Das ")


def without_logo_lines(text: str, chosen: list[Candidate]) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Drop organisations named only on lines of their own below the title ("Die Bundesregierung" above a
    newsletter, the logos of a funding banner): a logo is not article text. A name the text also uses in
    a sentence stays, with all its mentions. Returns the candidates kept and the spans dropped."""
    title_end = len(text) - len(text.lstrip())
    title_end = text.find("\n", title_end)
    alone: set[int] = set()
    for n, c in enumerate(chosen):
        if c.start < title_end or title_end < 0:
            continue
        line_start = text.rfind("\n", max(0, c.start - 5), c.start) + 1
        if not line_start:
            continue  # more than an article before it on its line
        line_end = text.find("\n", c.end)
        before = text[line_start: c.start].strip()
        after = text[c.end: len(text) if line_end < 0 else line_end].strip()
        if not after and (not before or before + " " in _LINE_ARTICLES):
            alone.add(n)
    if not alone:
        return chosen, []
    in_text = {c.org_id for n, c in enumerate(chosen) if n not in alone}
    return ([c for n, c in enumerate(chosen) if n not in alone or c.org_id in in_text],
            [(c.start, c.end) for n, c in enumerate(chosen) if n in alone and c.org_id not in in_text])


def not_cut_off(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Drop names read from the text that run into its cut-off end ("… Kooperationspartner: Institut für
    Ange"): an expression cut in the middle is not annotated."""
    end = len(text.rstrip())
    if not end or text[end - 1] in ".!?\"“”)»":
        return chosen
    return [c for c in chosen if c.end < end or c.rule == "gazetteer"]


def resolve_document(chosen: list[Candidate], res: OrgResources) -> list[Candidate]:
    """Document-level links: one name and acronym per id, ambiguous acronyms need the name, and a bare
    welfare acronym ("die AWO") means the one local branch the text names."""
    ids_named = {c.org_id for c in chosen if c.kind == "name"}
    chosen = [c for c in chosen if not (c.org_id in res.entries and res.entries[c.org_id].needs_definition
                                        and c.org_id not in ids_named)]
    branches: dict[str, set[str]] = defaultdict(set)
    branch_of: dict[str, Candidate] = {}
    for c in chosen:
        if c.parent:
            branches[c.parent].add(c.org_id)
            branch_of[c.parent] = c
    first: dict[str, Candidate] = {}
    out = []
    for c in chosen:
        if c.org_id in branches and len(branches[c.org_id]) == 1:
            b = branch_of[c.org_id]
            c = Candidate(c.start, c.end, b.org_id, b.name, b.acronym, c.rule, b.org_type, b.level, c.priority, c.kind,
                      b.parent)
        head = first.setdefault(c.org_id, c)
        if head is not c:
            c = Candidate(c.start, c.end, c.org_id, head.name, head.acronym or c.acronym, c.rule, head.org_type,
                      head.level, c.priority, c.kind, c.parent)
        out.append(c)
    # an acronym learned late still belongs to every mention of its id
    acronyms = {c.org_id: c.acronym for c in out if c.acronym}
    return [c if c.acronym or c.org_id not in acronyms else
            Candidate(c.start, c.end, c.org_id, c.name, acronyms[c.org_id], c.rule, c.org_type, c.level, c.priority,
                  c.kind, c.parent) for c in out]

