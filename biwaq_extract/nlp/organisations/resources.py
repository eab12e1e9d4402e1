"""The organisation finder's resources: the gazetteer trie (with a user gazetteer's organisations), name patterns and word lists, built once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from biwaq_extract.nlp.first_names import first_names
from biwaq_extract.nlp.german_case_forms import inflected_variants
from biwaq_extract.nlp.organisations.entries import NameRecord, OrgEntry, records
from biwaq_extract.nlp.organisations.name_patterns import (
    CAP_WORD,
    NamePattern,
    name_patterns,
    place_after_pattern,
    regional_qualifier_pattern,
)
from biwaq_extract.nlp.organisations.shapes import ShapeRules, build_shape_rules
from biwaq_extract.nlp.places import place_forms
from biwaq_extract.nlp.programmes import surface_names
from biwaq_extract.nlp.rule_data import load
from biwaq_extract.nlp.text_helpers import PhraseTrie, is_acronym, phrase_key
from biwaq_extract.steward.user_gazetteer import Entry, UserGazetteer


@dataclass(frozen=True)
class OrgResources:
    """Everything the finder needs, built once per pipeline from organisations.yaml and organisation_words.yaml."""

    entries: dict[str, OrgEntry]
    trie: PhraseTrie
    acronym_ids: dict[str, str]
    org_heads: tuple[str, ...]
    noun_heads: tuple[str, ...]  # the org heads that are nouns ("verband"), not legal forms ("ag")
    units: frozenset[str]
    generic: frozenset[str]
    credit_markers: tuple[str, ...]
    role_nouns: frozenset[str]
    name_openers: frozenset[str]
    kind_openers: frozenset[str]
    patterns: list[NamePattern]
    place_re: str
    place_after: re.Pattern  # a place right after an organisation (its local branch)
    regional_qualifier: re.Pattern  # "an der Saar", "Kreisverband Gifhorn" after an organisation
    local_heads: dict
    # word of a pattern's first keyword group -> indices of those patterns (see NamePattern); for local
    # office patterns the first word of their head
    pattern_index: dict[str, tuple[int, ...]]
    head_index: dict[str, tuple[int, ...]]
    any_word: dict[tuple[str, ...], re.Pattern]  # a pattern's later keyword group -> a search for its words
    legal_forms: dict[tuple[str, ...], str]  # pieces of a legal form -> the form as reported
    name_inner: frozenset[str]
    town_heads: tuple[str, ...]
    town_admin: re.Pattern
    known_place: Callable[[str], bool]  # a town, district, Land or country of the places gazetteer
    shapes: ShapeRules
    given_names: frozenset[str]  # a given name and a capitalised word before a link or bracket: a person
    role_endings: tuple[str, ...]  # roles.yaml's role words and endings, lower case: they open a role, not a name
    indefinite_words: frozenset[str]  # before a body's head: it names no body ("ein Zentrum für …")
    body_heads: dict[str, tuple[str, ...]]  # "für"/"der"/"des" -> heads of bodies named so, lower case
    body_head_forms: tuple[str, ...]  # those heads as written in compounds and alone ("zentrum", "Zentrum")
    body_head_common_nouns: frozenset[str] = frozenset()  # "handwerk": ends in a head, names no body
    no_name_remits: frozenset[str] = frozenset()  # "für Menschen", "für Austausch" after a bare head: no name
    no_member_words: frozenset[str] = frozenset()  # "des Jahres", "der Stadt" after a head: no members
    body_name_max_words: int = 8
    function_words: frozenset[str] = frozenset()  # "Mit", "Für" capitalised: a title's or slogan's, ends a name
    occasion_endings: tuple[str, ...] = ()  # "fest", "kurs": a first word after a person naming no body
    time_words: frozenset[str] = frozenset()  # "Ende", "Mai": a name tied to a person ends before them
    programme_names: frozenset[str] = frozenset()
    programme_acronyms: tuple[str, ...] = ()  # the programme names that are acronyms ("BIWAQ")
    use_ner: bool = False


def _pattern_indexes(patterns: list[NamePattern]) -> tuple[dict, dict, dict]:
    """The pattern index, the head index and the keyword searches of `OrgResources`."""
    index: dict[str, list[int]] = defaultdict(list)
    heads: dict[str, list[int]] = defaultdict(list)
    any_word: dict[tuple[str, ...], re.Pattern] = {}
    for n, pattern in enumerate(patterns):
        if pattern.head:
            heads[re.match(r"\w+", pattern.head).group()].append(n)
        else:
            for word in pattern.needs[0]:
                index[word].append(n)
        for group in pattern.needs[1:]:
            any_word.setdefault(group, re.compile("|".join(map(re.escape, group))))
    return ({word: tuple(ns) for word, ns in index.items()}, {word: tuple(ns) for word, ns in heads.items()},
            any_word)


def _gazetteer_trie(data: dict) -> tuple[dict[str, OrgEntry], PhraseTrie, dict[str, str]]:
    """The gazetteer entries, a trie of all case forms of their names and acronyms, and acronym -> id."""
    entries: dict[str, OrgEntry] = {}
    trie = PhraseTrie()
    acronym_ids: dict[str, str] = {}
    for item in data["organisations"]:
        names = list(records(item))
        if not any(r.name == item["name"] for r in names):
            names.insert(0, NameRecord(item["name"], item.get("acronym"), None, None, not item.get("names")))
        acronyms = tuple(dict.fromkeys([*(item.get("acronyms") or []), *([item["acronym"]] if item.get("acronym") else []),
                                        *(r.acronym for r in names if r.acronym)]))
        entry = OrgEntry(item["id"], item["name"], item.get("acronym"), item.get("type"), item.get("level"),
                         tuple(names), acronyms, bool(item.get("acronym_needs_definition")))
        entries[entry.id] = entry
        for rec in names:
            for form in inflected_variants(rec.name):
                trie.add(form, (entry.id, "name", rec))
        for acr in acronyms:
            acronym_ids.setdefault(acr, entry.id)
            rec = next((r for r in names if r.acronym == acr), NameRecord(entry.name, acr))
            trie.add(acr, (entry.id, "acronym", rec))
    return entries, trie, acronym_ids


def build_resources(data: dict, words: dict, programme_names: Iterable[str] = (), use_ner: bool = False,
                    is_known_place: Callable[[str], bool] | None = None) -> OrgResources:
    """Resources from the parsed organisations.yaml (`data`) and organisation_words.yaml (`words`)."""
    entries, trie, acronym_ids = _gazetteer_trie(data)
    programme_names = frozenset(programme_names)
    patterns, place_re = name_patterns(data)
    pattern_index, head_index, any_word = _pattern_indexes(patterns)
    town_heads = tuple(words["town_heads"])
    roles = load("roles")
    return OrgResources(
        entries=entries,
        trie=trie,
        acronym_ids=acronym_ids,
        org_heads=tuple(h.lower() for h in data["org_heads"]),
        noun_heads=tuple(h.lower() for h in data["org_heads"]
                         if h.lower() not in {f.lower() for f in words["legal_forms"]} | {"e.v.", "ggmbh"}),
        units=frozenset(data["units"]),
        generic=frozenset(data["generic_nouns"]),
        credit_markers=tuple(data["credit_markers"]),
        role_nouns=frozenset(data["role_nouns"]),
        name_openers=frozenset(data["name_openers"]),
        kind_openers=frozenset(data["kind_openers"]),
        patterns=patterns,
        place_re=place_re,
        place_after=place_after_pattern(place_re),
        regional_qualifier=regional_qualifier_pattern(words["regional_phrases"], words["regional_units"]),
        local_heads=data["local_heads"],
        pattern_index=pattern_index,
        head_index=head_index,
        any_word=any_word,
        legal_forms={phrase_key(form): form for form in words["legal_forms"]},
        name_inner=frozenset(words["name_inner_words"]),
        town_heads=town_heads,
        town_admin=re.compile(rf"(?<![\w-])({'|'.join(town_heads)})[ \t]+({CAP_WORD})"
                              rf"(?:[ \t]?\([A-ZÄÖÜ][a-zäöüß]+\))?"),
        known_place=is_known_place or place_forms().__contains__,
        shapes=build_shape_rules(words),
        given_names=first_names(),
        role_endings=tuple(w.lower() for w in (*roles.get("words", ()), *roles.get("suffixes", ()))),
        indefinite_words=frozenset(words["indefinite_words"]),
        body_heads={"für": tuple(words["body_heads"]["for"]), "der": tuple(words["body_heads"]["of"]),
                    "des": tuple(words["body_heads"]["of"])},
        body_head_forms=tuple(sorted({f for group in words["body_heads"].values() for h in group
                                      for f in (h, h[:1].upper() + h[1:])})),
        body_head_common_nouns=frozenset(words["body_head_common_nouns"]),
        no_name_remits=frozenset(words["no_name_remits"]),
        no_member_words=frozenset(words["no_member_words"]),
        body_name_max_words=int(words["body_name_max_words"]),
        time_words=frozenset(words["time_words"]),
        function_words=frozenset(words["capitalised_function_words"]),
        occasion_endings=tuple(words["occasion_endings"]),
        programme_names=programme_names,
        programme_acronyms=tuple(sorted(p for p in programme_names if is_acronym(p))),
        use_ner=use_ner,
    )


def with_user_organisations(data: dict, entries: Iterable[Entry]) -> dict:
    """organisations.yaml data with a user gazetteer's organisations: an entry with a new id is a new
    organisation; one with a shipped id adds its name, acronym and aliases to that organisation's.

    >>> data = {"organisations": [{"id": "bmas", "name": "Bundesministerium für Arbeit und Soziales"}]}
    >>> [o["id"] for o in with_user_organisations(data, [Entry("organisations", "qnb", "Quartiersnetz")])["organisations"]]
    ['bmas', 'qnb']
    """
    items = {item["id"]: item for item in data["organisations"]}
    for entry in entries:
        known = items.get(entry.id)
        if known is None:
            items[entry.id] = {"id": entry.id, "name": entry.name, "acronym": entry.acronym,
                               "aliases": list(entry.aliases)}
            continue
        names = [entry.name] if entry.name != known["name"] else []
        items[entry.id] = {**known, "aliases": [*(known.get("aliases") or []), *names, *entry.aliases],
                           "acronyms": [*(known.get("acronyms") or []), *([entry.acronym] if entry.acronym else [])]}
    return {**data, "organisations": list(items.values())}


@lru_cache(maxsize=4)
def load_resources(use_ner: bool = False, user: UserGazetteer | None = None) -> OrgResources:
    """Read the rule data once per setting; `use_ner`: also take the pipeline's ORG entities; `user`: a user
    gazetteer whose organisations join the shipped ones (its programmes and places are not organisations)."""
    data = load("organisations")
    if user is None:
        return build_resources(data, load("organisation_words"), surface_names(), use_ner)
    return build_resources(with_user_organisations(data, user.organisations), load("organisation_words"),
                           surface_names(user), use_ner, place_forms(user).__contains__)
