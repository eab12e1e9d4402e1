"""Organisation candidates named right after a person: "Anna Roth vom Lernladen Nord", "Tim Lenz (Kiezküche Ost)"."""

from __future__ import annotations

import re
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
_AFTER_ROLE = _LINK_ARTICLES | {"vom", "beim", "des"}
_INNER = frozenset({"für", "der", "des", "zur", "zum"})
_DASHES = frozenset({"-", "–"})
_MAX_PIECES = 12
_YEAR = re.compile(r"(?:19|20)\d\d")


def person_tied_names(text: str, toks: Pieces, res: OrgResources, given_names: frozenset[str],
                      taken: list[Candidate]) -> list[Candidate]:
    """Names of bodies the text ties to a person ("Given Family vom/von der/bei der …", "Given Family (…)")
    that no other rule knows: capitalised words, dashes, digits and inner words ("für", "der") up to a
    comma, bracket, stop or lower-case word. A single plain word ("von der Fachstelle") is too generic,
    a role word opens a role, not a name ("(Leiterin Amt für …)"), and a unit ("des Referats für …") is
    part of a body named elsewhere."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    spans = sorted((c.start, c.end) for c in taken)
    found = []
    n = len(words)
    # (the few given names the text holds, searched for: cheaper than a look-up per piece)
    for g in toks.positions_of_words(text, toks.word_set.intersection(given_names)):
        if g + 3 >= n or not words[g + 1][:1].isupper():
            continue
        i = g + 2
        while i + 1 < n and words[i] == "-" and words[i + 1][:1].isupper():
            i += 2  # "Weiß-Brandner"
        if i + 3 >= n:
            continue
        if words[i] == "," and words[i + 1].lower().endswith(res.role_endings) and words[i + 2] in _AFTER_ROLE:
            i += 2
            first = i + 1  # "Given Family, Leiterin der Stadtteilinitiative Nordstadt"
        elif words[i] == "(":
            first = i + 1
        elif words[i] in _LINKS:
            first = i + 1
            if _LINKS[words[i]] == 2:
                if first >= n or words[first] not in _LINK_ARTICLES:
                    continue
                first += 1
        else:
            continue
        last = _name_end(text, toks, first, given_names, res.time_words | res.function_words)
        if last <= first or any(s < ends[last - 1] and starts[first] < e for s, e in spans):
            continue
        if words[i] == "(" and not (last < len(words) and words[last] in {")", ","}):
            continue
        name_words = [w for w in words[first:last] if w.isalnum()]
        if not any(w.isalpha() for w in name_words):
            continue  # "(37)", "vom 12. März"
        if words[first] in res.role_nouns or words[first] in res.units or words[first].lower().endswith(res.role_endings) \
                or res.known_place(words[first]) and len(name_words) == 1:
            continue
        alpha = [w for w in name_words if not w.isdigit()]
        if len(alpha) < 2 and not any(ch.isupper() or ch.isdigit() for ch in words[first][1:]) \
                and (len(name_words) < 2 or any(_YEAR.fullmatch(w) for w in name_words)):
            continue  # one plain word, or one and a year ("(Jahrgang 1980)")
        if words[first].endswith(("ung", "tion")) and not words[first].endswith("stiftung"):
            continue  # an occasion or a staff ("bei der Eröffnung Zukunft Arbeit", "(Projektleitung …)")
        whole = text[starts[first]: ends[last - 1]]
        if " " not in whole and "-" in whole and res.known_place(whole.split("-")[0]):
            continue  # "(Hamburg-Mitte)": where the person lives or works
        if words[first].lower().endswith(res.occasion_endings):
            continue  # an occasion, a course or a project (no organisation: ANNOTATION_GUIDE)
        if words[i] in _AFTER_ROLE and words[i - 2] == "," \
                and " " not in text[starts[first]: ends[last - 1]]:
            continue  # after a role, one word ("Leiter der ESF-Verwaltungsbehörde") is mostly a unit
        surface = text[starts[first]: ends[last - 1]]
        name = nominative(surface)
        found.append(Candidate(starts[first], ends[last - 1], f"text:{ascii_slug(name)}", name, None,
                               "text:person-tie", "association", "other", 3))
    return found


def _name_end(text: str, toks: Pieces, first: int, given_names: Container[str], time_words: Container[str]) -> int:
    """Index after the last piece of the name opening at piece `first` (== first when none); a word of
    `time_words` ("Ende", "Mai", a capitalised "Mit") ends it."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    k = first
    while k < len(words) and k - first < _MAX_PIECES:
        w = words[k]
        if k > first and "\n" in text[ends[k - 1]: starts[k]]:
            break
        if w[:1].isupper() or w[:1].isdigit() or w == "²":
            if k > first and w in given_names or w in time_words and (
                    w != "Mitte" or k + 1 < len(words) and words[k + 1] in time_words):  # (Berlin Mitte: a place)
                break  # "… und Herr Tim Lenz": the next person; "Ende Mai": a time
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
