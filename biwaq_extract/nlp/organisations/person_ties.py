"""Organisation candidates named right after a person: "Anna Roth vom Lernladen Nord", "Tim Lenz (Kiezküche Ost)"."""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from biwaq_extract.nlp.german_case_forms import nominative
from biwaq_extract.nlp.organisations.candidates import Candidate
from biwaq_extract.nlp.text_helpers import Pieces, ascii_slug

if TYPE_CHECKING:
    from biwaq_extract.nlp.organisations.resources import OrgResources

# link words after a name that tie the person to the body named next ("von der", "vom", "bei der")
_LINKS = {"vom": 1, "beim": 1, "von": 2, "bei": 2}
_LINK_ARTICLES = frozenset({"der", "dem"})
_INNER = frozenset({"für", "der", "des", "zur", "zum"})
_DASHES = frozenset({"-", "–"})
_MAX_PIECES = 12


def person_tied_names(text: str, toks: Pieces, res: OrgResources, given_names: Container[str],
                      taken: list[Candidate]) -> list[Candidate]:
    """Names of bodies the text ties to a person ("Given Family vom/von der/bei der …", "Given Family (…)")
    that no other rule knows: capitalised words, dashes, digits and inner words ("für", "der") up to a
    comma, bracket, stop or lower-case word. A single plain word ("von der Fachstelle") is too generic,
    and a role word opens a role, not a name ("(Leiterin Amt für …)")."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    keys = set(_LINKS) | {"("} | _LINK_ARTICLES
    if not toks.has_any(keys):
        return []
    spans = sorted((c.start, c.end) for c in taken)
    found = []
    for i in toks.positions(keys):
        if i >= 4 and words[i - 1].lower().endswith(res.role_endings) and words[i - 2] == "," \
                and words[i - 4] in given_names and words[i] in {"vom", "beim"} | _LINK_ARTICLES:
            first = i + 1  # "Given Family, Leiterin der Stadtteilinitiative Nordstadt"
        elif i < 2 or not words[i - 1][:1].isupper() or words[i - 2] not in given_names:
            continue
        elif words[i] == "(":
            first = i + 1
        else:
            first = i + 1
            if words[i] in _LINK_ARTICLES:
                continue  # an article after a name alone ties nothing
            if _LINKS[words[i]] == 2:
                if first >= len(words) or words[first] not in _LINK_ARTICLES:
                    continue
                first += 1
        last = _name_end(text, toks, first, given_names)
        if last <= first or any(s < ends[last - 1] and starts[first] < e for s, e in spans):
            continue
        if words[i] == "(" and not (last < len(words) and words[last] in {")", ","}):
            continue
        name_words = [w for w in words[first:last] if w.isalnum()]
        if not any(w.isalpha() for w in name_words):
            continue  # "(37)", "vom 12. März"
        if words[first] in res.role_nouns or words[first].lower().endswith(res.role_endings) \
                or res.known_place(words[first]) and len(name_words) == 1:
            continue
        if len(name_words) < 2 and not any(ch.isupper() or ch.isdigit() for ch in words[first][1:]):
            continue
        if words[i] in _LINK_ARTICLES | {"vom", "beim"} and words[i - 2] == "," \
                and " " not in text[starts[first]: ends[last - 1]]:
            continue  # after a role, one word ("Leiter der ESF-Verwaltungsbehörde") is mostly a unit
        surface = text[starts[first]: ends[last - 1]]
        name = nominative(surface)
        found.append(Candidate(starts[first], ends[last - 1], f"text:{ascii_slug(name)}", name, None,
                               "text:person-tie", "association", "other", 3))
    return found


def _name_end(text: str, toks: Pieces, first: int, given_names: Container[str]) -> int:
    """Index after the last piece of the name opening at piece `first` (== first when none)."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    k = first
    while k < len(words) and k - first < _MAX_PIECES:
        w = words[k]
        if k > first and "\n" in text[ends[k - 1]: starts[k]]:
            break
        if w[:1].isupper() or w[:1].isdigit() or w == "²":
            if k > first and w in given_names:
                break  # "… und Herr Tim Lenz": the next person
            k += 1
        elif w in _DASHES and k + 1 < len(words) and (words[k + 1][:1].isupper() or words[k + 1] == "und"):
            k += 1  # "Campus Nord – Projektbüro", "Projekt-"
        elif w in _INNER and k > first and k + 1 < len(words) and words[k + 1][:1].isupper():
            k += 1
        elif w == "und" and k > first and words[k - 1] in _DASHES and k + 1 < len(words) \
                and words[k + 1][:1].isupper():
            k += 1  # "Projekt- und Akteurskoordination"
        else:
            break
    while k > first and (words[k - 1] in _DASHES or words[k - 1] in _INNER):
        k -= 1
    return k
