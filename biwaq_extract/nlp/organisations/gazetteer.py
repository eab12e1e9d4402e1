"""Organisation candidates from the gazetteer: known names and acronyms, and the local branches they open."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from biwaq_extract.nlp.german_case_forms import nominative
from biwaq_extract.nlp.organisations.candidates import Candidate
from biwaq_extract.nlp.text_helpers import Pieces, ascii_slug, compound_head_after, inside_compound_tail

if TYPE_CHECKING:
    from biwaq_extract.nlp.organisations.resources import OrgResources


def gazetteer_candidates(text: str, toks: Pieces, res: OrgResources, day: dt.date | None) -> list[Candidate]:
    """Longest gazetteer names and acronyms, named as they were at the publication day `day`."""
    cands = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    canonical: dict[str, tuple[str, str | None]] = {}  # per entry: the day is the document's
    last = len(words) - 1
    for i in res.trie.starts(toks):
        if words[i - 1] == "-" and inside_compound_tail(toks, i):
            continue
        for j, values in res.trie.matches_at(words, i):
            if j < last and words[j] == "-" and compound_head_after(toks, j) is not None:
                continue  # "DGB-Verbindungsstelle", "EU-Mittel": the compound names something else
            entry_id, kind, _rec = values[0] if len(values) == 1 else min(values, key=lambda v: v[2].distance(day))
            entry = res.entries[entry_id]
            if entry_id not in canonical:
                canonical[entry_id] = entry.canonical(day)
            name, acronym = canonical[entry_id]
            end = ends[j - 1]
            # absorb a legal-form suffix written after a known name ("... Wohlfahrtspflege e. V.")
            if words[j: j + 4] == ["e", ".", "V", "."]:
                end = ends[j + 3]
            cands.append(Candidate(starts[i], end, entry_id, name, acronym, "gazetteer", entry.type, entry.level, 0,
                               kind))
            break
    return cands


_ADJECTIVE_END = re.compile(r"[A-ZÄÖÜ][\w]*(?:isch|ig|lich|al)e[nmrs]?$")
_WORD_AFTER = re.compile(r"[ \t]+([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)*)(?![\w-])")


def local_branches(text: str, cands: list[Candidate], res: OrgResources) -> list[Candidate]:
    """An association followed by its place is the local branch: "AWO Mönchengladbach", "ver.di
    Niedersachsen-Bremen", "DRK Kreisverband Gifhorn"."""
    out = []
    for c in cands:
        if c.org_type not in ("welfare", "association") or c.rule != "gazetteer":
            continue
        m = res.place_after.match(text, c.end) or res.regional_qualifier.match(text, c.end)
        if m and _ADJECTIVE_END.search(text, c.start, c.end) and not res.place_after.match(text, c.end):
            continue  # "Der Paritätische Wohlfahrtsverband": the noun after an adjective is the name's head
        if not m:
            m = _WORD_AFTER.match(text, c.end)  # a place the places gazetteer knows: "Diakonie Mitteldeutschland"
            if not m or not res.known_place(m.group(1)):
                continue
        one_word = " " not in res.entries[c.org_id].name  # "Arbeiterwohlfahrt": the branch goes by it
        if c.org_type == "welfare":
            base = res.entries[c.org_id].name.split()[-1] if c.kind == "acronym" or one_word \
                else nominative(text[c.start: c.end])
        else:  # unions and chambers keep their short name: "ver.di Niedersachsen-Bremen"
            base = text[c.start: c.end] if c.kind == "acronym" else nominative(text[c.start: c.end])
        name = f"{base} {m.group(1)}"
        # a welfare branch goes by the association's acronym ("AWO Köln" is the AWO there); a union's or
        # chamber's branch is named in full ("ver.di Niedersachsen-Bremen")
        acronym = c.acronym if c.org_type == "welfare" and (c.kind == "acronym" or one_word) else None
        out.append(Candidate(c.start, m.end(), f"text:{ascii_slug(name)}", name, acronym, "gazetteer:pattern",
                             c.org_type, "other", 0, c.kind, parent=c.org_id))
    return out

