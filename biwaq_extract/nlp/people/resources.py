"""The people finder's resources (given names, titles, roles, word lists) and its token classes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.de.stop_words import STOP_WORDS

from biwaq_extract.nlp.first_names import first_name_genders, first_names
from biwaq_extract.nlp.organisations.entries import NameRecord, OrgEntry, records
from biwaq_extract.nlp.rule_data import load


@dataclass(frozen=True)
class PeopleResources:
    """Everything the finder needs, built once from roles.yaml, people_words.yaml and the given names."""

    first_names: frozenset[str]
    titles: frozenset[str]
    role_words: frozenset[str]
    role_suffixes: tuple[str, ...]
    adjectives: frozenset[str]
    ranks: frozenset[str]  # civil-service ranks ("Ministerialdirektorin"): a function stated beside one wins
    government: tuple[str, ...]
    internal: tuple[str, ...]
    outside_government: tuple[str, ...]  # beginnings of roles no ministry has ("projektleiter", "geschäftsführer")
    organisations: dict
    title_orgs: tuple[tuple[str, str], ...]  # (lower-case title prefix, org id), longest first
    title_prefixes: tuple[str, ...]  # the prefixes of `title_orgs`, for one test per word
    org_words: dict
    unit_orgs: dict[str, str]  # a unit only one body has -> that body's id ("Generaldirektion" -> the Commission)
    carrier_nouns: frozenset[str]  # "vom Träger X": a noun between a link word and the organisation
    portfolios: dict
    particles: frozenset[str]
    speech_verbs: frozenset[str]
    articles: frozenset[str]
    surname_stop_words: frozenset[str]
    copulas: frozenset[str]
    org_links: frozenset[str]
    role_org_links: tuple[str, ...]  # longest first
    noun_endings: tuple[str, ...]
    agent_endings: tuple[str, ...]
    not_roles: tuple[str, ...]  # agent nouns that name no function ("teilnehmerin", "besucher")
    genders: dict[str, str]  # given name -> "f" / "m"
    salutations: dict[str, str]  # "Frau" -> "f"
    moderation_stems: tuple[str, ...]
    guide_verbs: frozenset[str]  # "führte" with "durch": the person moderates
    lead_verbs: frozenset[str]
    represent_verbs: frozenset[str]  # "X vertrat das BMAS": the person belongs to the body
    greetings: frozenset[str]  # "X überbrachte die Grüße der Stadt": the body whose greetings X brings
    staff_endings: tuple[str, ...]  # "Name (Projektpersonal)": nouns of a function, alone in brackets
    role_verbs: frozenset[str]  # "X ist Projektleiterin", "X arbeitet als …"
    work_verbs: frozenset[str]  # "X arbeitet beim Jobcenter": the workplace without a role
    clause_work_verbs: frozenset[str]  # "X, die das Projekt bei der AWO leitet": a relative clause's workplace
    pronouns: dict[str, str]  # "Sie" -> "f": a pronoun opening a sentence and the gender it stands for
    months: frozenset[str]  # "X ist seit Januar Projektleiterin": a month between verb and role
    byline_markers: tuple[str, ...]
    ministry_titles: dict  # "bundesbauminister" -> (entry id, name record) of the ministries so named
    ministries: dict  # gazetteer entry id -> OrgEntry, for the ministries a title names
    title_orgs_after: frozenset[str]  # titles written after a name that name an institution ("MdEP")
    unit_endings: tuple[str, ...]  # units and committees inside an organisation ("…ausschuss", "referat")
    local_offices: dict[str, tuple[str, ...]]  # "landrat" -> heads of the administrations a Landrat heads
    possessives: frozenset[str] = frozenset()  # "Unser Werkstattleiter X": the publisher's, not the last named
    funding_words: frozenset[str] = frozenset()  # "vom BMAS gefördert": a funder, no one's employer by context
    # words already tested for being a title or role word, and those that are: most words recur across
    # documents, so each is tested once
    words_seen: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)
    trigger_words: set[str] = field(default_factory=set, compare=False, hash=False, repr=False)
    name_tokens: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)  # memo


def load_resources() -> PeopleResources:
    """Read the role lists and word lists; the given names are read once per process."""
    roles = load("roles")
    words = load("people_words")
    return PeopleResources(
        first_names=first_names(),
        titles=frozenset(roles.get("titles") or ()),
        role_words=frozenset(roles.get("words") or ()),
        role_suffixes=tuple(roles.get("suffixes") or ()),
        # also lower case after an article: "die stellvertretende Geschäftsführerin"
        adjectives=frozenset(a for adj in roles.get("adjectives") or () for a in (adj, adj.lower())),
        ranks=frozenset(roles.get("ranks") or ()),
        government=tuple(roles.get("government") or ()),
        internal=tuple(roles.get("internal") or ()),
        outside_government=tuple(roles.get("outside_government") or ()),
        organisations=dict(roles.get("organisations") or {}),
        title_orgs=tuple(sorted(((k.lower(), v) for k, v in (roles.get("title_orgs") or {}).items()),
                                key=lambda kv: -len(kv[0]))),
        title_prefixes=tuple(k.lower() for k in (roles.get("title_orgs") or {})),
        org_words=dict(roles.get("org_words") or {}),
        unit_orgs=dict(roles.get("unit_orgs") or {}),
        carrier_nouns=frozenset(words["carrier_nouns"]),
        portfolios=dict(roles.get("portfolios") or {}),
        particles=frozenset(words["particles"]),
        speech_verbs=frozenset(words["speech_verbs"]),
        articles=frozenset(words["articles"]),
        surname_stop_words=frozenset(words["surname_stop_words"]),
        copulas=frozenset(words["copulas"]),
        org_links=frozenset(words["org_links"]),
        role_org_links=tuple(sorted(words["role_org_links"], key=lambda w: -len(w.split()))),
        noun_endings=tuple(words["noun_endings"]),
        agent_endings=tuple(words["agent_endings"]),
        not_roles=tuple(words["not_roles"]),
        genders=first_name_genders(),
        salutations=dict(words["salutations"]),
        moderation_stems=tuple(words["moderation_stems"]),
        guide_verbs=frozenset(words["guide_verbs"]),
        lead_verbs=frozenset(words["lead_verbs"]),
        represent_verbs=frozenset(words["represent_verbs"]),
        greetings=frozenset(words["greetings"]),
        staff_endings=tuple(words["staff_endings"]),
        role_verbs=frozenset(words["role_verbs"]),
        work_verbs=frozenset(words["work_verbs"]),
        clause_work_verbs=frozenset(words["clause_work_verbs"]),
        pronouns=dict(words["pronouns"]),
        months=frozenset(m.capitalize() for m in load("temporal")["months"] if len(m) > 3),
        byline_markers=tuple(words["byline_markers"]),
        **_ministries(load("organisations")),
        title_orgs_after=frozenset(words["titles_after_name"]),
        unit_endings=tuple(u.lower() for u in load("organisations")["units"]),
        # longest first: a "bezirksbürgermeister" is matched before a "bürgermeister"
        local_offices={k: tuple(v) for k, v in sorted((roles.get("local_offices") or {}).items(),
                                                       key=lambda kv: -len(kv[0]))},
        possessives=frozenset(words["possessives"]),
        funding_words=frozenset(words["funding_words"]),
    )


def _ministries(gazetteer: dict) -> dict[str, dict]:
    """`ministry_titles` and `ministries` from the organisation gazetteer: every one-word ministry name
    ("Bundesbauministerium") makes its title ("Bundesbauminister(in)") name that ministry, and as the same
    word named different ministries over the years, the name records carry their validity."""
    titles: dict[str, list[tuple[str, NameRecord]]] = {}
    entries: dict[str, OrgEntry] = {}
    for item in gazetteer["organisations"]:
        names = tuple(records(item))
        for rec in names:
            if " " not in rec.name and rec.name.endswith("ministerium"):
                titles.setdefault(rec.name[: -len("ium")].lower(), []).append((item["id"], rec))
                entries[item["id"]] = OrgEntry(item["id"], item["name"], item.get("acronym"), item.get("type"),
                                               item.get("level"), names)
    return {"ministry_titles": titles, "ministries": entries}


# The helpers below take a token's text (or a TokenView and token indices), not spaCy Tokens: building a
# Token object per access was most of this finder's time.

_NAME_SHAPE = re.compile(r"[A-ZÄÖÜ][\w'’-]*[a-zäöüßéèáóíúñç]")


def is_title(text: str, res: PeopleResources) -> bool:
    """ "Dr.", "Prof." ..."""
    return text in res.titles


def is_adjective(text: str, res: PeopleResources) -> bool:
    """An adjective of a role as roles.yaml lists it, also written in lower case inside a sentence
    ("die stellvertretende Leiterin")."""
    return text in res.adjectives or text[:1].islower() and text[:1].upper() + text[1:] in res.adjectives


def is_role(text: str, res: PeopleResources) -> bool:
    """A role word of roles.yaml, or a capitalised word ending like one ("Bundesarbeitsminister")."""
    if not text[:1].isupper() or not text.replace("-", "").isalpha():
        return False
    lower = text.lower()
    if text in res.role_words:
        return True
    # str.endswith with a tuple is one C call: this runs for every capitalised word
    return lower.endswith(res.role_suffixes) and any(lower.endswith(s) and len(lower) > len(s) for s in res.role_suffixes)


def is_role_head(text: str, res: PeopleResources) -> bool:
    """A role word, or an agent noun ("Gastgeberin", "Bestsellerautorin") heading a role phrase."""
    return is_role(text, res) or (
        text[:1].isupper() and text.isalpha() and len(text) > 5 and text.lower().endswith(res.agent_endings)
    )


def is_name_token(text: str, res: PeopleResources) -> bool:
    """Shaped like a family name: capitalised, not a stop word, role, title or abstract noun (memoised)."""
    memo = res.name_tokens
    known = memo.get(text)
    if known is None:
        if len(memo) > 500_000:  # a bound for very long runs
            memo.clear()
        known = memo[text] = _name_shaped(text, res)
    return known


def _name_shaped(text: str, res: PeopleResources) -> bool:
    if len(text) < 2 or not text[:1].isupper() or text.isupper():
        return False
    if not _NAME_SHAPE.fullmatch(text) or any(c.isdigit() for c in text):
        return False
    lower = text.lower()
    return (
        (lower not in STOP_WORDS or lower in res.surname_stop_words)
        and not is_role(text, res)
        and not is_title(text, res)
        and (lower in res.surname_stop_words or not lower.endswith(res.noun_endings))
    )


def title_or_role_words(words: set[str], res: PeopleResources) -> set[str]:
    """The distinct token texts that are a title, a salutation ("Frau Kowalski") or a role word."""
    seen, hits = res.words_seen, res.trigger_words
    if len(seen) > 500_000:  # a bound for very long runs
        seen.clear()
        hits.clear()
    new = words - seen
    if new:
        hits.update(w for w in new if w in res.titles or w in res.salutations or is_role(w, res))
        seen |= new
    return words & hits

