"""Organisation candidates from name rules: name patterns, legal forms, role appositions, town administrations."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from biwaq_extract.nlp.german_case_forms import nominative
from biwaq_extract.nlp.organisations.candidates import Candidate
from biwaq_extract.nlp.organisations.name_patterns import (
    ADJECTIVES_BEFORE,
    BODY_FOR_TAIL,
    BODY_OF_TAIL,
    NamePattern,
)
from biwaq_extract.nlp.text_helpers import Pieces, ascii_slug, is_acronym

if TYPE_CHECKING:
    from biwaq_extract.nlp.organisations.resources import OrgResources


def _lines_with(text: str, keywords: Iterable[str]) -> set[tuple[int, int]]:
    """(start, end) of every line that holds one of the keywords."""
    lines = set()
    for keyword in keywords:
        at = text.find(keyword)
        while at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            lines.add((text.rfind("\n", 0, at) + 1, end))
            at = text.find(keyword, end)
    return lines


def _head_matches(text: str, regex: re.Pattern, head: str) -> Iterator[re.Match]:
    """`regex.finditer(text)` for a pattern whose every match starts with `head`: tried at those only."""
    at, starts = text.find(head), []
    while at >= 0:
        starts.append(at)
        at = text.find(head, at + 1)
    return _matches_at(text, regex, starts)


def _matches_at(text: str, regex: re.Pattern, starts: list[int]) -> Iterator[re.Match]:
    """`regex.finditer(text)` when every match starts at one of `starts` (ascending)."""
    pos = 0
    for at in starts:
        if at >= pos:
            m = regex.match(text, at)
            if m:
                pos = m.end()
                yield m


def pattern_matches(text: str, toks: Pieces, res: OrgResources) -> Iterator[tuple[NamePattern, re.Match]]:
    """Every pattern's `finditer(text)` matches, pattern by pattern, searched only where they can be.

    A pattern matches only within a line that holds a word of each of its keyword groups, so only those
    lines are searched (pos/endpos: lookbehinds still see the text before the line, and nothing a pattern
    matches can see past a line break). A local office pattern is tried where its head is, when the text
    has the head's first word.
    """
    present = [word for word in res.pattern_index if word in text]
    found = {n for word in present for n in res.pattern_index[word]}
    found.update(n for word in toks.word_set.intersection(res.head_index) for n in res.head_index[word])
    lines_of: dict[tuple[tuple[str, ...], ...], list[tuple[int, int]]] = {}  # per keyword groups
    for n in sorted(found):
        pattern = res.patterns[n]
        if pattern.head:
            yield from ((pattern, m) for m in _head_matches(text, pattern.regex, pattern.head))
            continue
        needs = pattern.needs
        lines = lines_of.get(needs)
        if lines is None:
            lines = lines_of.get(needs[:1])
            if lines is None:
                lines = lines_of[needs[:1]] = sorted(_lines_with(text, [w for w in needs[0] if w in present]))
            for group in needs[1:]:
                any_word = res.any_word[group]
                lines = [(start, end) for start, end in lines if any_word.search(text, start, end)]
            lines_of[needs] = lines
        yield from ((pattern, m) for start, end in lines for m in pattern.regex.finditer(text, start, end))


def pattern_candidates(text: str, toks: Pieces, res: OrgResources) -> list[Candidate]:
    """Candidates from the name patterns."""
    cands = []
    for (_, _, org_type, level, family, _), m in pattern_matches(text, toks, res):
        surface = _without_person(m.group().rstrip(" ,-"), res.given_names)
        start = m.start()
        if surface[:1].islower() and " für " in surface:
            # "des saarländischen Ministeriums für …": a lower-case adjective is not part of a name that
            # names itself ("das sächsische Kultusministerium" needs it)
            cut = surface.find(" ") + 1
            start, surface = start + cut, surface[cut:]
        if family.startswith("local:"):
            site = m.groupdict().get("site")
            if site and not (res.known_place(site) or all(map(res.known_place, site.split("-")))):
                continue  # "Handwerkskammer Mitglieder": no place after the head
            head = family.split(":", 1)[1]
            if head in _TERRITORY_HEADS and _PLACE_BEFORE.search(text, max(0, start - 12), start):
                continue  # "in der Stadt Leipzig", "im Landkreis X": the place, not the administration
            head_text = [h for h, i in res.local_heads.items() if i.get("nominative", h) == head and
                         surface.startswith(h)]
            rest = surface[max(map(len, head_text)):] if head_text else surface.split(None, 1)[1]
            if rest[:1].isalpha():
                rest = rest.split(None, 1)[1]  # after a genitive ending ("Landkreises Goslar")
            name = f"{head} {rest.strip()}"
            adjective = None
            if head in _INSTITUTION_HEADS:  # "Städtischen Klinikum Dresden"
                adjective = _ADJECTIVE_BEFORE.search(text, max(0, start - 30), start)
            if adjective:
                surface = text[adjective.start(): start] + surface
                start = adjective.start()
                name = nominative(surface)
        else:
            name = nominative(surface[:1].upper() + surface[1:])
        cands.append(Candidate(start, start + len(surface), f"text:{ascii_slug(name)}", name, None,
                               "gazetteer:pattern", org_type, level, 1))
    return cands


def _without_person(surface: str, given_names) -> str:
    """A remit list ends before a person named after it: "Ministerium für Arbeit, Soziales und Familie,
    Ines Feierabend", "Senatorin für Arbeit und Integration Anja Stahmann" (the person, not a portfolio)."""
    words = surface.split(" ")
    for k in range(1, len(words) - 1):
        if words[k] in given_names and words[k + 1][:1].isupper() and words[k - 1] not in ("für", "und", "der"):
            return " ".join(words[:k]).rstrip(" ,")
    return surface


def without_persons(text: str, cands: list[Candidate], given_names) -> list[Candidate]:
    """Names read by their shape cut before a person named at their end ("Zentrum für Arbeit und Bildung,
    Eva Kurz"); a known name (the gazetteer's) is left as it is."""
    out = []
    for c in cands:
        if c.rule != "gazetteer" and c.org_id.startswith("text:"):
            surface = _without_person(text[c.start: c.end], given_names)
            if len(surface) < c.end - c.start:
                if not surface or surface.split()[0] in ("Senator", "Senatorin"):
                    continue  # "Senatorin für Arbeit … Anja Stahmann": the person's title, not the authority
                name = nominative(surface)
                c = Candidate(c.start, c.start + len(surface), f"text:{ascii_slug(name)}", name, c.acronym, c.rule,
                              c.org_type, c.level, c.priority, c.kind, c.parent, c.group, c.bare, c.legal)
        out.append(c)
    return out


# Heads that name a territory as well as its administration, and institutions that take an adjective
_TERRITORY_HEADS = {"Stadt", "Hansestadt", "Landeshauptstadt", "Bezirk", "Landkreis", "Gemeinde"}
_PLACE_BEFORE = re.compile(r"\b(?:(?:in|aus|nach)\s+der|im|ins|in\s+den)\s+$", re.I)
_INSTITUTION_HEADS = {"Klinikum", "Universitätsklinikum", "Krankenhaus", "Volkshochschule"}
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß]*(?:isch|lich|ig)e[nmrs]?[ \t]+$")


_WORD = re.compile(r"[\w-]+")
_LIST_WORDS = frozenset({"und", "sowie", "oder"})
_LINK_AFTER_HEAD = re.compile(r"(?:e?s)?[ \t]+(?P<link>für|der|des)(?![\w])")


def body_candidates(text: str, toks: Pieces, res: OrgResources) -> list[Candidate]:
    """Bodies named by their remit or by whom they gather: "Zentrum für Arbeit und Bildung", "Deutsche
    Gesellschaft für Soziale Arbeit", "Kompetenzzentrums für …", "Landesverband der Volkshochschulen
    Sachsens". Read from each "für"/"der"/"des" after a word ending in a body's head; an indefinite
    article before the name ("ein Zentrum für Familien") makes it a kind of place, not a name."""
    cands = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    links = set()
    for head in res.body_head_forms:  # (a search for each head: far fewer places than every "der")
        at = text.find(head)
        while at >= 0:
            hit = _LINK_AFTER_HEAD.match(text, at + len(head))
            if hit:
                links.add(bisect_left(starts, hit.start("link")))
            at = text.find(head, at + len(head))
    for i in sorted(links):
        if i == 0 or i >= len(words) or not words[i - 1][:1].isupper():
            continue
        low = words[i - 1].lower()
        heads = res.body_heads[words[i]]
        if not (low.endswith(heads) or low.endswith("s") and low[:-1].endswith(heads)
                or low.endswith("es") and low[:-2].endswith(heads)):
            continue
        if low in res.body_head_common_nouns or low[:-1] in res.body_head_common_nouns \
                or low[:-2] in res.body_head_common_nouns:
            continue  # "Handwerk für Einsteiger"
        tail = (BODY_FOR_TAIL if words[i] == "für" else BODY_OF_TAIL).match(text, ends[i - 1])
        if tail is None:
            continue
        start = starts[i - 1]
        adjectives = ADJECTIVES_BEFORE.search(text, max(0, start - 60), start)
        if adjectives:
            start = adjectives.start()
        tail_end = tail.end()
        for w in _WORD.finditer(text, ends[i], tail_end):
            if w.group() in res.function_words:  # "Zentrum für Berufsorientierung Mit Herz": a slogan follows
                tail_end = w.start()
                break
        remit = [w for w in _WORD.findall(text, ends[i], tail_end) if w not in _LIST_WORDS]
        if not remit:
            continue
        bare = low in heads or low[:-1] in heads or low[:-2] in heads
        if not adjectives and bare and all(w in res.no_name_remits for w in remit):
            continue  # "an der Gesellschaft für Menschen mit …", "ein offenes Forum für Austausch"
        if words[i] != "für" and remit and remit[-1] in res.no_member_words:
            continue  # "Verband des Jahres", "Kammer der Zukunft"
        if sum(w[:1].isupper() for w in _WORD.findall(text, start, tail_end)) > res.body_name_max_words:
            continue  # a run of capitalised words this long is a list or a clause
        before = text[max(0, start - 14): start].split()
        if before and before[-1].lower() in res.indefinite_words:
            continue
        surface = text[start: tail_end].rstrip(" ,-")
        if low.startswith(("landes", "arbeitsgemeinschaft")):
            # a Land-wide body names its Land: "Arbeitsgemeinschaft der Jobcenter in Niedersachsen"
            land = _IN_PLACE.match(text, start + len(surface))
            if land and res.known_place(land.group(1)):
                surface = text[start: land.end()]
        name = nominative(surface)
        cands.append(Candidate(start, start + len(surface), f"text:{ascii_slug(name)}", name, None,
                               "gazetteer:pattern", "association", "other", 1))
    return cands


_IN_PLACE = re.compile(r"[ \t]+in[ \t]+([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)*)(?![\w-])")


def legal_form_candidates(text: str, toks: Pieces, res: OrgResources, known: list[Candidate]) -> list[Candidate]:
    """Names of associations and companies, read leftwards from "e. V.", "GmbH", "AG" ...

    "Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege e. V." / "Lernwerk gGmbH"; the scan stops at
    lower-case words, punctuation and line breaks and cuts at "und der" (a coordination of two names).
    """
    cands = []
    known_spans = [(c.start, c.end, c.org_id) for c in known]
    words, starts, ends = toks.words, toks.starts, toks.ends
    first_pieces = {key[0] for key in res.legal_forms}
    for i in toks.positions(first_pieces) if toks.has_any(first_pieces) else ():  # most texts have none
        for key, form in res.legal_forms.items():
            if tuple(words[i: i + len(key)]) != key:
                continue
            if form == "AG" and (i + 1 < len(words) and words[i + 1][:1].isupper()):
                continue  # "AG Sozialplanung" is a working group
            end = ends[i + len(key) - 1]
            # a name read by another rule and ending right before the form is this name without it
            spans = [(s, e, o) for s, e, o in known_spans if not (e == ends[i - 1] and o.startswith("text:"))]
            first, last = _name_start(text, toks, i, spans, res), i  # the name is pieces first .. last - 1
            if first >= last or (form == "AG" and last - first > 4):
                continue
            if last - first == 1 and words[first] in res.generic:
                continue
            # the legal form as the text spells it ("e.V." or "e. V."): the name the text gives
            name = nominative(text[starts[first]: ends[last - 1]]) + " " + " ".join(text[starts[i]: end].split())
            cands.append(Candidate(starts[first], end, f"text:{ascii_slug(name)}", name, None, "gazetteer:pattern",
                                   "company" if form != "e. V." else "association", "other", 2, legal=True))
            break
    return cands


_ARTICLES = frozenset({"der", "des", "dem", "den", "die"})
_PREPOSITIONS_BEFORE_NAME = frozenset({"mit", "bei", "von", "aus", "nach", "gegenüber"})


def _inner_adjective(words: list[str], k: int) -> bool:
    """A lower-case adjective between an article and a capitalised word inside a name ("Verband der
    deutschen Wohnungswirtschaft e. V.")."""
    w = words[k]
    return (w.endswith(("en", "er", "es", "e")) and w.isalpha() and 0 < k < len(words) - 1
            and words[k - 1] in _ARTICLES and words[k + 1][:1].isupper())


def _brand_inside(text: str, toks: Pieces, k: int, known_spans: list[tuple[int, int, str]]) -> bool:
    """A known one-word name opening a company's name ("Lebenshilfe Werkstätten gGmbH", "AWO Arbeit und
    Bildung gGmbH"): the company is its own organisation, named in full."""
    start, end = toks.starts[k], toks.ends[k]
    return any(s == start and e == end for s, e, _ in known_spans) and k + 1 < len(toks.words) \
        and toks.words[k + 1][:1].isupper() \
        and not text[end: toks.starts[k + 1]].strip()


def _heads_body(word: str, heads: tuple[str, ...]) -> bool:
    """The word ends in a body's head, also in the genitive ("Landesverbandes")."""
    return word.endswith(heads) or word.endswith("s") and word[:-1].endswith(heads) \
        or word.endswith("es") and word[:-2].endswith(heads)


def _name_start(text: str, toks: Pieces, i: int, known_spans: list[tuple[int, int, str]], res: OrgResources) -> int:
    """First piece of the name that ends before piece i (a legal form): read leftwards over capitalised
    words, digits and inner name words, at most 14 pieces, on one line, not into a known name; then cut
    at the last coordination of two names ("... und der Bundesarbeitsgemeinschaft ...") and drop openers."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    k = i - 1
    while k >= 0 and i - k <= 14:
        w = words[k]
        if "\n" in text[ends[k]: starts[k + 1]]:
            break
        if not (w[:1].isupper() or w.isdigit() or w in res.name_inner or _inner_adjective(words, k)):
            break
        if w == "." and ends[k] < starts[k + 1] and k + 1 < i:
            break  # "… Theater AG. Der Auftritt …": a sentence ends here
        if any(s <= starts[k] < e for s, e, _ in known_spans) and not _brand_inside(text, toks, k, known_spans):
            break
        k -= 1
    first = k + 1
    for n in range(i - 2, first - 1, -1):
        if words[n] in {"und", "sowie"} and words[n + 1] in {"der", "die", "das", "dem", "den", "des"}:
            first = n + 2
            break
    # "Geschäftsführer der Lernwerk Stiftung GmbH", "Auftritt des … e. V.": a noun that heads no
    # institution, then an article, stands before the name
    for n in range(first + 1, i - 1):
        if words[n] in {"der", "des", "dem", "den", "vom", "beim"} and words[n - 1][:1].isupper() \
                and not _heads_body(words[n - 1].lower(), res.noun_heads):
            first = n + 1
        elif words[n] in _ARTICLES and words[n - 1] in _PREPOSITIONS_BEFORE_NAME:
            first = n + 1  # "die Arbeit mit dem Lernhaus Süd e. V.": a preposition and article open the name
        elif words[n - 1] in res.role_nouns:
            first = n  # "… vom Träger Stadtteilwerk Nord e. V."
    # "Anna Berg von der Werkstatt Nord gGmbH", "Sozialarbeiterin in der …": a person or a role before a
    # link word is not part of the name
    for n in range(i - 2, first, -1):
        if words[n] in _PERSON_LINKS and (words[n - 1].lower().endswith(res.role_endings) or any(
                words[p] in res.given_names and words[p + 1][:1].isupper() for p in range(first, n - 1))):
            first = n + 1 + (words[n + 1] in {"der", "dem", "den"})
            break
    while first < i and (not words[first][:1].isupper() or words[first] in res.name_openers):
        first += 1
    if first + 1 < i and words[first] in res.kind_openers and words[first + 1][:1].isupper() \
            and not words[first + 1].endswith("er"):
        first += 1  # "der Verein Arbeit und Leben Ortenau e. V.": the kind of body, then its name
    return first


_PERSON_LINKS = frozenset({"von", "vom", "bei", "beim", "in", "im"})


def role_apposition_candidates(text: str, toks: Pieces, res: OrgResources) -> list[Candidate]:
    """All-caps names right after a role noun: "Projektträger KIDS & CO" (the text calls it a provider)."""
    cands = []
    words, starts, ends = toks.words, toks.starts, toks.ends
    for i in toks.positions(res.role_nouns) if toks.has_any(res.role_nouns) else ():
        if i + 1 >= len(words):
            continue
        k = i + 1
        while k < len(words) and (is_acronym(words[k]) or words[k].isupper() and len(words[k]) > 1
                                  or words[k] in {"&", "+"} and k > i + 1):
            k += 1
        while k > i + 1 and words[k - 1] in {"&", "+"}:
            k -= 1
        if k == i + 1:
            continue
        surface = text[starts[i + 1]: ends[k - 1]]
        if surface in res.programme_names or surface in res.acronym_ids:
            continue
        cands.append(Candidate(starts[i + 1], ends[k - 1], f"text:{ascii_slug(surface)}", surface, None,
                           "gazetteer:pattern", "association", "other", 3))
    return cands


def town_administrations(text: str, toks: Pieces, res: OrgResources, cands: list[Candidate]) -> list[Candidate]:
    """ "Stadt Marl", "Gemeinde X" for any town of the places gazetteer (the name patterns know only a
    short list of place hints). "in der Stadt X" is the place, not the administration."""
    out = []
    if not toks.has_any(res.town_heads):  # a match starts with a head word, a whole piece
        return out
    taken = [(c.start, c.end) for c in cands]
    for m in _matches_at(text, res.town_admin, [toks.starts[i] for i in toks.positions_of_words(text, res.town_heads)]):
        if any(s <= m.start() < e for s, e in taken) or not res.known_place(m.group(2)):
            continue
        if re.search(r"\b(?:in|aus|nach|zur|von)\s+der\s+$", text[max(0, m.start() - 12): m.start()], re.I):
            continue
        name = " ".join(m.group().split())  # "Stadt Halle (Saale)"
        out.append(Candidate(m.start(), m.end(), f"text:{ascii_slug(name)}", name, None, "gazetteer:pattern", "municipal",
                         "municipal", 1))
    return out

