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
    words = toks.words
    spans = sorted((c.start, c.end) for c in taken)
    found = []
    n = len(words)
    # (the few given names the text holds, searched for: cheaper than a look-up per piece)
    given_at = toks.positions_of_words(text, toks.word_set.intersection(given_names))
    for g in given_at:
        if g + 3 >= n or not words[g + 1][:1].isupper():
            continue
        i = g + 2
        while i + 1 < n and words[i] == "-" and words[i + 1][:1].isupper():
            i += 2  # "Weiß-Brandner"
        if i + 3 >= n:
            continue
        link = _link_after_role(words, i, res) if words[i] == "," else None
        if link is not None:
            # "Given Family, Leiterin der Stadtteilinitiative Nordstadt", "…, Referentin für Bildung bei
            # der Kammer X"
            i, first = link
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
        last = _name_end(text, toks, first, given_names, res.time_words | res.function_words, res.known_place)
        if words[i] == "(" and not (last < len(words) and words[last] in {")", ","}):
            continue
        one_word_unit = words[i] in _AFTER_ROLE and words[i - 2] == ","
        tied = _tied_name(text, toks, res, first, last, spans, one_word_unit)
        if tied is not None:
            found.append(tied)
    for _, first, last in _role_phrases_before_names(text, toks, res, given_names, given_at):
        # "Die Leiterin des Kinderhauses Sonnenschein, Given Family, …"
        tied = _tied_name(text, toks, res, first, last, spans, True)
        if tied is not None:
            found.append(tied)
    return found


def _tied_name(text: str, toks: Pieces, res: OrgResources, first: int, last: int, spans: list[tuple[int, int]],
               one_word_unit: bool) -> Candidate | None:
    """The body named by pieces first..last, or None when they name none (a number, a role, a unit, a
    place, an occasion) or overlap a name another rule found; `one_word_unit`: after a role, one word
    ("Leiter der ESF-Verwaltungsbehörde") is mostly a unit."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    if last <= first or any(s < ends[last - 1] and starts[first] < e for s, e in spans):
        return None
    name_words = [w for w in words[first:last] if w.isalnum()]
    if not any(w.isalpha() for w in name_words):
        return None  # "(37)", "vom 12. März"
    if words[first] in res.role_nouns or words[first] in res.units or words[first].lower().endswith(res.role_endings) \
            or res.known_place(words[first]) and len(name_words) == 1:
        return None
    alpha = [w for w in name_words if not w.isdigit()]
    if len(alpha) < 2 and not any(ch.isupper() or ch.isdigit() for ch in words[first][1:]) \
            and (len(name_words) < 2 or any(_YEAR.fullmatch(w) for w in name_words)):
        return None  # one plain word, or one and a year ("(Jahrgang 1980)")
    if words[first].endswith(("ung", "tion")) and not words[first].lower().endswith("stiftung"):
        return None  # an occasion or a staff ("bei der Eröffnung Zukunft Arbeit", "(Projektleitung …)")
    surface = text[starts[first]: ends[last - 1]]
    if " " not in surface and "-" in surface and res.known_place(surface.split("-")[0]):
        return None  # "(Hamburg-Mitte)": where the person lives or works
    if words[first].lower().endswith(res.occasion_endings):
        return None  # an occasion, a course or a project (no organisation: ANNOTATION_GUIDE)
    if one_word_unit and " " not in surface:
        return None
    here = starts[first] > 0 and text[starts[first] - 1] == "("
    if " " not in surface and text.count(f"({surface})") > here:
        return None  # "bei der HWK" after "Handwerkskammer … (HWK)": the acronym rules name it
    name = nominative(surface)
    return Candidate(starts[first], ends[last - 1], f"text:{ascii_slug(name)}", name, None,
                     "text:person-tie", "association", "other", 3)


def _role_phrases_before_names(text: str, toks: Pieces, res: OrgResources, given_names: frozenset[str],
                               given_at: list[int] | None = None) -> list[tuple[int, int, int]]:
    """(given name, first piece, end piece) of each "<role> der/des/vom/beim <name>, [Dr.] Given Family":
    the name runs from after the link word up to the comma before the person. `given_at`: the pieces
    that are given names, when the caller has found them already."""
    words = toks.words
    found = []
    if given_at is None:
        given_at = toks.positions_of_words(text, toks.word_set.intersection(given_names))
    for g in given_at:
        comma = g - 1
        while comma > 0 and words[comma] in {"Dr.", "Prof.", "Dr", "Prof", "."}:
            comma -= 1
        if comma < 3 or words[comma] != "," or g + 1 >= len(words) or not words[g + 1][:1].isupper():
            continue
        for link in range(comma - 2, max(0, comma - _MAX_PIECES) - 1, -1):
            if words[link] in {",", ".", ";", ":", "(", ")"}:
                break
            if words[link] in _AFTER_ROLE and link > 0 and words[link - 1].lower().endswith(res.role_endings):
                end = _name_end(text, toks, link + 1, given_names, res.time_words | res.function_words,
                                res.known_place)
                if end == comma:
                    found.append((g, link + 1, comma))
                break
    return found


def _link_after_role(words: list[str], comma: int, res: OrgResources) -> tuple[int, int] | None:
    """(index of the link word, index of the name's first piece) when a role follows the comma and a
    link word the role: "…, Leiterin der X", "…, Projektleiterin bei der X", "…, Referent für
    Fachkräftesicherung bei der X"; else None."""
    n = len(words)
    k = comma + 1
    if k + 2 >= n or not words[k].lower().endswith(res.role_endings):
        return None
    k += 1
    if words[k] == "für":  # a portfolio: capitalised words, hyphens and "und" up to the link word
        k += 1
        while k < n and k - comma < 10 and (words[k][:1].isupper() or words[k] in _DASHES or words[k] == "und"):
            k += 1
    if k + 1 >= n:
        return None
    if words[k] in _AFTER_ROLE:
        return k, k + 1
    if words[k] in _LINKS and _LINKS[words[k]] == 2 and words[k + 1] in _LINK_ARTICLES and k + 2 < n:
        return k + 1, k + 2
    return None


def _name_end(text: str, toks: Pieces, first: int, given_names: Container[str], time_words: Container[str],
              known_place=lambda word: False) -> int:
    """Index after the last piece of the name opening at piece `first` (== first when none); a word of
    `time_words` ("Ende", "Mai", a capitalised "Mit") ends it; "zu" before a known place goes on
    ("Industrie- und Handelskammer zu Köln")."""
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
        elif w == "zu" and k > first and k + 1 < len(words) and known_place(words[k + 1]):
            k += 1
        elif w == "und" and k > first and words[k - 1] in _DASHES and k + 1 < len(words) \
                and words[k + 1][:1].isupper():
            k += 1  # "Projekt- und Akteurskoordination"
        else:
            break
    while k > first and (words[k - 1] in _DASHES or words[k - 1] in _INNER):
        k -= 1
    return k
