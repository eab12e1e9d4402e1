"""Roles several names share or the sentence gives: a group's plural role, moderators, "X leitet die …"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc

from biwaq_extract.nlp.people.candidates import Candidate
from biwaq_extract.nlp.people.org_links import org_at
from biwaq_extract.nlp.people.resources import PeopleResources, is_adjective, is_role, is_role_head
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import TokenView
from biwaq_extract.records import OrgMention

# "52-jährige", "34-jähriger": an age before a noun
_AGE = re.compile(r"^\d{1,3}-jährige[rn]?$")
# "Geschäftsführer*innen", "Referent:innen", "ReferentInnen", "Referent_innen": a role for people of any gender
_GENDERED_PLURAL = re.compile(r"^(?P<base>[A-ZÄÖÜ][\wäöüß-]*?)(?:\*|:|_|/)?[Ii]nnen$")
# adjectival role nouns in a plural or oblique form: "Europaabgeordneten", "Beauftragten", "Vorsitzenden"
_ADJECTIVAL = re.compile(r"^(?P<stem>[A-ZÄÖÜ][\wäöüß-]*(?:t|d))en$")


def gender(v: TokenView, cand: Candidate, res: PeopleResources) -> str | None:
    """ "f" or "m": from "Frau"/"Herr(n)" before the name (titles skipped), else from the given name."""
    i = cand.start
    while i > 0 and v.texts[i - 1] in res.titles:
        i -= 1
    if i > 0 and v.texts[i - 1] in res.salutations:
        return res.salutations[v.texts[i - 1]]
    return res.genders.get(v.texts[cand.start]) if cand.end - cand.start >= 2 else None


def singular_role(word: str, sex: str | None, res: PeopleResources) -> str | None:
    """The role one person of a group holds, in that person's form, or None when `word` is no role.

    "Geschäftsführer*innen" -> "Geschäftsführerin" / "Geschäftsführer"; "Europaabgeordneten" ->
    "Europaabgeordnete" / "Europaabgeordneter"; "Moderatorinnen" -> "Moderatorin"; "Bildungslotsen" ->
    "Bildungslotsin" / "Bildungslotse"."""
    if word.endswith("en") and not word.endswith(("nnen", "ten", "den")):
        base = word[:-1]  # a weak noun: "Lotse", "Pädagoge"
        if base.endswith("e") and is_role(base, res):
            return base[:-1] + "in" if sex == "f" else base if sex == "m" else None
        return None
    if not word.endswith(("nnen", "ten", "den")):  # most words: no regex needed
        return None
    m = _GENDERED_PLURAL.match(word)
    if m and is_role(m.group("base"), res):
        base = m.group("base")
        return base + "in" if sex == "f" else base if sex == "m" else None
    m = _ADJECTIVAL.match(word)
    if m and (is_role(m.group("stem") + "e", res) or is_role(m.group("stem") + "er", res)):
        return m.group("stem") + ("e" if sex == "f" else "er") if sex else None
    return None


def list_groups(v: TokenView, cands: list[Candidate]) -> list[list[Candidate]]:
    """Names listed together: only ",", "und", "sowie" or a bracket ("Name (SPD), Name") between them."""
    groups: list[list[Candidate]] = []
    for cand in cands:
        if groups and _only_list_marks(v, groups[-1][-1].end, cand.start):
            groups[-1].append(cand)
        else:
            groups.append([cand])
    return groups


def _only_list_marks(v: TokenView, start: int, end: int) -> bool:
    depth, seen = 0, False
    for k in range(start, end):
        text = v.texts[k]
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif depth == 0:
            if text not in {",", "und", "sowie"} and text not in ("Herr", "Herrn", "Frau", "Dr.", "Prof."):
                return False
            seen = True
    return depth == 0 and (seen or end > start)


def shared_roles(doc: Doc, v: TokenView, cands: list[Candidate], res: PeopleResources) -> None:
    """Roles for a group of listed names: a plural role before the first ("die Europaabgeordneten X (SPD),
    Y (…)"), or moderation ("Moderiert wurde der Tag von X und Y", "Unter der Moderation des Publizisten X",
    "X moderierte"); each person gets the role in his or her form, unless the text gives one of their own."""
    lowered = v.text.lower() if cands else ""
    moderation_in_text = any(stem in lowered for stem in res.moderation_stems) \
        or "durch" in lowered and any(verb in lowered for verb in res.guide_verbs)
    starts = [c.start for c in cands]
    for group in list_groups(v, cands):
        first, last = group[0], group[-1]
        if last.tied_after:  # "Jana Lorenz und Eva Lind vom Klinikum X": the tie holds for all
            for cand in group[:-1]:
                if cand.org is None:
                    cand.org, cand.org_strength = last.org, last.org_strength
        plural = _plural_role_before(v, first, res)
        loan = _loan_plural_before(v, first, res) if plural is None and len(group) > 1 else None
        moderated = moderation_in_text and _moderation_around(doc, v, first, last, res, starts)
        if plural is None and loan is None and not moderated:
            continue
        for cand in group:
            if cand.role:
                continue  # "von der Journalistin X": the role the text gives stays
            sex = gender(v, cand, res)
            role = singular_role(plural, sex, res) if plural else loan
            if role is None and moderated:
                role = {"f": "Moderatorin", "m": "Moderator"}.get(sex or "")
            cand.role = role


def _plural_role_before(v: TokenView, cand: Candidate, res: PeopleResources) -> str | None:
    i = cand.start
    while i > 0 and (v.texts[i - 1] in res.titles or v.texts[i - 1] in res.salutations):
        i -= 1
    if i == 0:
        return None
    word = v.texts[i - 1]
    return word if singular_role(word, "f", res) else None


def _loan_plural_before(v: TokenView, cand: Candidate, res: PeopleResources) -> str | None:
    """ "die beiden Jugendscouts X und Y", "die Jobcoaches X und Y": a borrowed role in its -s plural before
    listed names is each one's role, the same for women and men."""
    i = cand.start
    while i > 0 and v.texts[i - 1] in res.titles:
        i -= 1
    word = v.texts[i - 1] if i > 0 else ""
    for base in (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],) if word.endswith("s") else ():
        if len(base) > 3 and is_role(base, res):
            return base
    return None


def _moderation_around(doc: Doc, v: TokenView, first: Candidate, last: Candidate, res: PeopleResources,
                       starts: list[int]) -> bool:
    """A moderation word in the sentence before the first name (within eight words, no other person
    between: "Moderiert von X diskutierten Y und Z" makes X the moderator, not Y and Z), or "moderierte" /
    "moderiert" right after the last."""
    start = max(sentence_index(doc).sentence_start_token(first.start), first.start - 8)
    before = v.lowers[start: first.start]
    mark = next((k for k, word in enumerate(before) if word.startswith(res.moderation_stems)), None)
    if mark is None and "durch" in before and any(word in res.guide_verbs for word in before):
        # "Durch die Veranstaltung führte X", "X führte durch den Tag": guiding through a programme
        mark = before.index("durch")
    if mark is not None and not any(start + mark < s < first.start for s in starts):
        return True
    after = v.lowers[last.end: last.end + 2]
    return bool(after) and (after[0].startswith(res.moderation_stems)
                            or len(after) == 2 and after[0] in res.guide_verbs and after[1] == "durch")


def _led_organisation(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> int | None:
    """Where the organisation a role-less candidate leads starts ("X leitet die Fachstelle …"), or None."""
    k = cand.end
    if cand.role or k + 1 >= v.n or v.lowers[k] not in res.lead_verbs:
        return None
    k += 1
    if v.lowers[k] in {"die", "das", "den", "seit"}:
        k += 1
    return k if k in orgs else None


def leads(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "X leitet die Fachstelle Querschnittsthemen": X is its Leiter or Leiterin; "X vertrat das BMAS",
    "X überbrachte die Grüße der Stadt": X belongs to it."""
    k = cand.end
    if cand.org is None and k + 2 < v.n and v.lowers[k] in res.represent_verbs \
            and v.lowers[k + 1] in {"die", "das", "den"}:
        if k + 2 in orgs:
            cand.org, cand.org_strength = orgs[k + 2][0], 3
            return
        # "X überbrachte die Grüße des Magistrats der Stadt Bremerhaven"
        if k + 4 < v.n and v.texts[k + 2] in res.greetings and v.lowers[k + 3] in {"des", "der"} and k + 4 in orgs:
            cand.org, cand.org_strength = orgs[k + 4][0], 3
            return
    k = _led_organisation(v, cand, orgs, res)
    if k is not None:
        sex = gender(v, cand, res)
        if sex:
            cand.role = "Leiterin" if sex == "f" else "Leiter"
            if cand.org_strength < 3:
                cand.org, cand.org_strength = orgs[k][0], 3


def relative_clause_tie(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources,
                        org_at: Callable[[TokenView, int, dict, PeopleResources], tuple | None]) -> None:
    """ "Name, die das Projekt bei der AWO Kiel leitet, …", "Name, der beim Jobcenter Kiel arbeitet": a
    relative clause whose verb says where the person works, or that says "im Auftrag von …", ties the
    organisation it names."""
    texts, lowers, n = v.texts, v.lowers, v.n
    k = cand.end
    if cand.org is not None or k + 3 >= n or texts[k] != "," or lowers[k + 1] not in {"die", "der"}:
        return
    tied = None
    for m in range(k + 2, min(n, k + 20)):
        if texts[m] in {",", ".", ";", ":", "!", "?", "(", ")"}:
            if tied is not None and lowers[m - 1] in res.clause_work_verbs:
                cand.org, cand.org_strength, cand.tied_after = tied[0], 3, True
            return
        if tied is None and lowers[m] in res.org_links:
            tied = org_at(v, m, orgs, res)
            if tied is not None and lowers[m - 1] == "auftrag":
                # "Name, die 2014 im Auftrag von Lehe aktiv e. V. …": acting on the body's behalf
                cand.org, cand.org_strength, cand.tied_after = tied[0], 3, True
                return


def document_day(doc: Doc) -> dt.date | None:
    """The day a title's ministry is read at: the publication date, else the first date the text gives
    (the "Datum" line of a portal article)."""
    published = doc._.published if Doc.has_extension("published") else None
    if published:
        return published
    for mention in getattr(doc._, "dates", ()) or ():
        start = getattr(mention, "start", None)
        if start:
            return start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
    return None


def role_after_verb(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources,
                    org_at: Callable[[TokenView, int, dict, PeopleResources], tuple | None]) -> None:
    """A role or workplace the sentence gives after the name and a verb: "X ist neue Geschäftsführerin der
    AWO", "X ist seit 2019 Projektleiterin", "X arbeitet als Bildungsbegleiter beim Jobcenter Essen",
    "X arbeitet beim Jobcenter Essen". `org_at(v, k, orgs, res)` reads link words and an organisation at k.
    Up to four lower-case words, digits or months may stand between verb and role; a comma, colon or
    another capitalised word ends the search."""
    texts, lowers, n = v.texts, v.lowers, v.n
    k = cand.end
    if k + 1 >= n or lowers[k] not in res.role_verbs:
        return
    works = lowers[k] in res.work_verbs
    k += 1
    skipped = 0
    while k < n and skipped < 4 and (texts[k].isalpha() and texts[k].islower() and lowers[k] not in res.org_links
                                     or texts[k].isdigit() or texts[k] in res.months):
        k, skipped = k + 1, skipped + 1
    if k >= n:
        return
    if works and lowers[k] in res.org_links:  # "X arbeitet beim Jobcenter Essen"
        tied = org_at(v, k, orgs, res)
        if tied is not None and cand.org_strength < 3:
            cand.org, cand.org_strength = tied[0], 3
        return
    start = k
    while k < n and is_adjective(texts[k], res):
        k += 1
    if k >= n or not is_role(texts[k], res) or cand.role:
        return
    end = k + 1
    tied = org_at(v, end, orgs, res) if end < n and lowers[end] in res.org_links else None
    if tied is not None:
        if cand.org_strength < 3:
            cand.org, cand.org_strength = tied[0], 3
    elif end + 1 < n and lowers[end] in {"des", "der"}:
        # "Leiterin des Projekts.": a short phrase of capitalised words up to a stop mark is the role;
        # "Leiter des Fachbereichs Arbeit und Soziales der Stadt Essen": a unit, then its organisation
        stop = end + 1
        while stop < n and stop - end <= 8 and (texts[stop][:1].isupper() or lowers[stop] in {"und", "für"}
                                                and stop + 1 < n and texts[stop + 1][:1].isupper()):
            if stop in orgs:
                break
            stop += 1
        unit_tied = org_at(v, stop, orgs, res) if stop < n and lowers[stop] in res.org_links else None
        if stop > end + 1 and unit_tied is not None:
            end = stop
            if cand.org_strength < 3:
                cand.org, cand.org_strength = unit_tied[0], 3
        elif stop < n and stop > end + 1 and stop - end <= 5 and texts[stop] in {".", ",", ";", "!", "?"}:
            end = stop
    cand.role = v.span_text(start, end).strip(" ,")


def next_sentence_ties(doc: Doc, v: TokenView, cands: list[Candidate], orgs: dict, res: PeopleResources,
                       org_at: Callable[[TokenView, int, dict, PeopleResources], tuple | None]) -> None:
    """ "X ist neu im Team. Sie leitet die Fachstelle …": a pronoun opening the next sentence stands for
    the one person of its gender the sentence before names; its role and workplace are that person's."""
    if not cands:
        return
    sentences = sentence_index(doc)
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault(sentences.index(v.idx[cand.start]), []).append(cand)
    for number, group in by_sentence.items():
        if number + 1 >= len(sentences.token_starts):
            continue
        p = sentences.token_starts[number + 1]
        sex = res.pronouns.get(v.texts[p])
        back_role = None if sex else _definite_role(v, p, res)
        back_org = None
        if not sex and back_role is None:
            # "Die Geschäftsführerin der Lernwerk gGmbH leitet …": the role and the body it names
            back_role, back_org = _definite_role_at(v, p, orgs, res, org_at)
        if back_role:
            sex = "f" if back_role.split()[0].endswith("in") else "m"
        if sex is None or p + 1 >= v.n:
            continue
        named = {v.span_text(c.start, c.end): c for c in group if gender(v, c, res) == sex}
        if len(named) != 1:
            continue
        cand = next(iter(named.values()))
        if cand.role and cand.org is not None:
            continue
        if back_role:
            cand.role = cand.role or back_role
            if back_org is not None and cand.org_strength < 3:
                cand.org, cand.org_strength = back_org, 3
            continue
        stand_in = Candidate(p, p + 1, "pronoun")
        role_after_verb(v, stand_in, orgs, res, org_at)
        _lead_as(v, stand_in, orgs, res, sex)
        if stand_in.role and not cand.role:
            cand.role = stand_in.role
        if stand_in.org is not None and (cand.org is None or cand.org_strength < stand_in.org_strength):
            cand.org, cand.org_strength = stand_in.org, stand_in.org_strength


def _definite_role(v: TokenView, p: int, res: PeopleResources) -> str | None:
    """The role phrase of a sentence opening with a definite role noun and going on with a verb ("Die
    Referatsleiterin Kinder- und Jugendhilfe konnte berichten …"): it names the person just named."""
    texts, n = v.texts, v.n
    if p + 3 < n and v.lowers[p] in {"die", "der"} and _AGE.match(texts[p + 1]) and is_role_head(texts[p + 2], res) \
            and not v.lowers[p + 2].startswith(res.not_roles) and texts[p + 3].isalpha() and texts[p + 3].islower():
        return texts[p + 2]  # "Die 52-jährige Pflegehelferin gehört …": her occupation
    if p + 2 >= n or v.lowers[p] not in {"die", "der"} or not is_role(texts[p + 1], res):
        return None
    k = p + 2
    while k < n and k - p <= 14 and (texts[k][:1].isupper() and texts[k].replace("-", "").isalpha()
                                     or texts[k] in {"und", "sowie", ","}
                                     or texts[k - 1] in {"und", "sowie", ","} and texts[k].isalpha()
                                     and texts[k].islower() and k + 1 < n and texts[k + 1][:1].isupper()
                                     and texts[k].endswith(("e", "en", "er"))):
        k += 1
    if k >= n or not (texts[k].isalpha() and texts[k].islower()) or v.lowers[k] in res.org_links \
            or texts[k - 1] in {"und", "sowie", ","}:
        return None
    return v.span_text(p + 1, k)


def _definite_role_at(v: TokenView, p: int, orgs: dict, res: PeopleResources,
                      org_at: Callable[[TokenView, int, dict, PeopleResources], tuple | None]) -> tuple:
    """(role, organisation) of a sentence opening "Die/Der <role> der/des/beim <organisation>" and going
    on with a lower-case verb; (None, None) otherwise."""
    texts, n = v.texts, v.n
    if p + 3 >= n or v.lowers[p] not in {"die", "der"}:
        return None, None
    k = p + 1
    while k < n and is_adjective(texts[k], res):
        k += 1
    if k + 2 >= n or not is_role(texts[k], res) or v.lowers[k + 1] not in res.org_links:
        return None, None
    tied = org_at(v, k + 1, orgs, res)
    if tied is None or tied[1] >= n or not (texts[tied[1]].isalpha() and texts[tied[1]].islower()):
        return None, None
    return v.span_text(p + 1, k + 1), tied[0]


def _lead_as(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources, sex: str) -> None:
    """ "Sie leitet die X": `leads` for a stand-in whose gender the pronoun gives."""
    k = _led_organisation(v, cand, orgs, res)
    if k is not None:
        cand.role = "Leiterin" if sex == "f" else "Leiter"
        cand.org, cand.org_strength = orgs[k][0], 3


def label_role(v: TokenView, cand: Candidate, res: PeopleResources, orgs_in_text: list | tuple = ()) -> None:
    """ "Projektleitung: Prof. Dr. Name", "Wissenschaftliche Mitarbeit: Name, M.A.; Name": a label of a
    function opening the line of the name (a project's fact sheet or contact box) is the role, and the
    organisation heading the sheet (a line opening with its name, a few lines above) the organisation."""
    if cand.role is not None:
        return
    start_char = v.idx[cand.start]
    line_start = v.text.rfind("\n", 0, start_char) + 1
    m = _LABEL.match(v.text, line_start, start_char)
    if m is None or ";" in m.group("label") \
            or any(w[:1].islower() and w not in {"und", "sowie"} for w in v.text[m.end(): start_char].split()):
        return  # names only between the colon and this one, no sentence ("Projektleitung: Heute stellt …")
    last = m.group("label").split()[-1]
    if is_role(last, res) or last.isalpha() and last.lower().endswith(res.staff_endings):
        cand.role = m.group("label")
        heads = [o for o in orgs_in_text if o.end_char <= line_start and line_start - o.start_char <= 300
                 and (o.start_char == 0 or v.text[o.start_char - 1] == "\n")]
        if heads and cand.org is None:
            cand.org, cand.org_strength = heads[-1], 1


# one to three words and a colon opening a line ("Wissenschaftliche Mitarbeit:")
_LABEL = re.compile(r"[ \t]*(?P<label>[A-ZÄÖÜ][\w-]*(?:[ \t]+[\w-]+){0,2}):[ \t]")


# an article at most before a name opening its sentence
OPENING = re.compile(r"\s*(?:(?:Die|Der|Das)\s+)?$")


def funder(org: OrgMention, res: PeopleResources) -> bool:
    """The sentence names the organisation as a funder ("Das Projekt wird vom BMAS gefördert")."""
    rest = org.sentence.replace(org.text, " ")
    return not res.funding_words.isdisjoint(w.lower() for w in re.findall(r"\w+", rest))


def possessive_before(v: TokenView, cand: Candidate, res: PeopleResources) -> bool:
    """ "Unser Werkstattleiter Name", "unsere Projektleiterin, Name": a possessive opens the role phrase."""
    for k in range(cand.start - 1, max(-1, cand.start - 6), -1):
        if v.lowers[k] in res.possessives:
            return True
        if not (v.texts[k][:1].isupper() or v.texts[k] in {",", "Dr.", "Prof."}):
            return False
    return False


_REFERRING = frozenset({"ihr", "ihre", "sein", "seine", "deren", "dessen"})


def spoken_for(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> OrgMention | str | None:
    """ "Für die Stiftung sprach deren Vorstandsvorsitzende Name", "Für den Verband betonte sein Präsident
    Name": the body a sentence opens with speaks through the person its possessive names."""
    k = cand.start - 1
    while k > 0 and (v.texts[k][:1].isupper() or v.texts[k] in {",", "Dr.", "Prof."}) \
            and v.lowers[k] not in _REFERRING:
        k -= 1
    if k < 3 or v.lowers[k] not in _REFERRING or cand.start - k > 6:
        return None
    for j in range(k - 3, max(-1, k - 14), -1):
        if v.texts[j] == "Für" and v.lowers[j + 1] in {"die", "den", "das"}:
            found = org_at(v, j + 2, orgs, res, linked=True)
            # the organisation, one verb, the possessive
            return found[0] if found is not None and k - found[1] == 1 else None
    return None
