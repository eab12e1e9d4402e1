"""Roles and organisations of people: role words before a name, appositions after it, copulas, context."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc

from biwaq_extract.nlp.people.candidates import QUOTE_MARKS, Candidate
from biwaq_extract.nlp.people.resources import PeopleResources, is_role, is_role_head
from biwaq_extract.nlp.people.ties import OPENING, funder, possessive_before
from biwaq_extract.nlp.sentences import SentenceIndex, sentence_index
from biwaq_extract.nlp.token_view import TokenView
from biwaq_extract.records import OrgMention


def _expanded_tokens(v: TokenView, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token range of `doc.char_span(start_char, end_char, alignment_mode="expand")`, without the Span."""
    idx, ends, spacy = v.idx, v.ends, v.spacy
    start = bisect_right(idx, start_char) - 1  # spaCy's token_by_char, as in `token_at_char`
    if start < 0 or start_char >= ends[start] + spacy[start]:
        return None
    end = bisect_right(idx, end_char - 1) - 1
    if end < 0 or end_char - 1 >= ends[end] + spacy[end]:
        return None
    if start_char == ends[start]:  # the trailing space is not part of the token before
        start += 1
    return start, end + 1


def org_index(v: TokenView, organisations) -> dict[int, tuple[OrgMention, int]]:
    """Token index of each organisation mention's first token -> (the mention, its end token)."""
    index = {}
    for org in organisations:
        tokens = _expanded_tokens(v, org.start_char, org.end_char)
        if tokens is not None:
            index[tokens[0]] = (org, tokens[1])
    return index


def _org_at(v: TokenView, i: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """The organisation starting at token i (an org mention or a ministry word), with its end token."""
    texts = v.texts
    if i < v.n and texts[i] in QUOTE_MARKS and i + 1 in orgs:
        i += 1  # 'von der "nordlicht - Gesellschaft für …"'
    if i in orgs:
        org, end = orgs[i]
        # "(BMAS)" right after the full name belongs to it
        if end + 2 < v.n and texts[end] == "(" and texts[end + 2] == ")" \
                and sum(ch.isupper() for ch in texts[end + 1]) >= 2:  # "(BMAS)", "(StMAS)"
            end += 3
        return org, end
    if i < v.n and texts[i] in res.org_words:
        return res.org_words[texts[i]], i + 1
    if i < v.n and texts[i].endswith("ministerium") and not texts[i].startswith("Bundes"):
        # "(Sozialministerium)", "im Arbeitsministerium": the one Land ministry the text names
        land = {o.org_id: o for o, _ in orgs.values() if o.org_type == "land-ministry"}
        if len(land) == 1:
            return next(iter(land.values())), i + 1
    return None


def org_after_link(v: TokenView, i: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """ "im BMAS", "beim Bundesfamilienministerium", "der AWO", "bei der Stadt X": link words then an org."""
    j = i
    while j < v.n and j - i < 2 and v.lowers[j] in res.org_links:
        j += 1
    if j == i or j >= v.n:
        return None
    if v.texts[j] in res.unit_orgs:  # "in der Generaldirektion …": a unit only one body has
        return res.unit_orgs[v.texts[j]], j
    if v.texts[j] in res.carrier_nouns and j + 1 < v.n and (j + 1 in orgs or v.texts[j + 1] in QUOTE_MARKS):
        j += 1  # "vom Träger Quartierswerk Elbinsel e.V."
    return _org_at(v, j, orgs, res)


def _link_cut(v: TokenView, k: int, res: PeopleResources) -> bool:
    """A role ends where "im/beim/vom/am" or "bei der/in der" introduces a named institution."""
    if k + 1 >= v.n:
        return False
    lowers = v.lowers
    if lowers[k] in {"am", "seit"} and v.texts[k + 1][:1].isdigit():
        return True  # "… des Frühstücks am 16.10.2024": a date, not part of the role
    if lowers[k] in {"im", "beim", "vom", "am"}:
        return v.texts[k + 1][:1].isupper()
    if lowers[k] in {"bei", "in", "an", "von"} and lowers[k + 1] in {"der", "dem"}:
        return k + 2 < v.n and v.texts[k + 2][:1].isupper()
    return False


def _role_org_from_title(role: str, res: PeopleResources, day: dt.date | None = None) -> str | None:
    """The organisation a title names: "Bundesbauministerin" the building ministry of the day `day`
    (the gazetteer's names over time), "EU-Kommissar" the Commission, "… für Arbeit und Soziales" the BMAS."""
    words = role.split()
    for word in words:
        lower = word.lower()
        stem = lower[:-2] if lower.endswith("ministerin") else lower
        named = res.ministry_titles.get(stem)
        if named:
            # the name valid at `day`; with no day, the newest
            return min(named, key=lambda n: (n[1].distance(day), -(n[1].valid_from or dt.date.min).toordinal()))[0]
        if not lower.startswith(res.title_prefixes):
            continue
        for prefix, org_id in res.title_orgs:
            if lower.startswith(prefix):
                return org_id
    match = re.search(r"\bfür (.+)$", role)
    if match and match.group(1) in res.portfolios:
        return res.portfolios[match.group(1)]
    return None


def _role_text(v: TokenView, start: int, end: int) -> str | None:
    text = v.span_text(start, end).strip(" ,")
    return text or None


_ROLE_STOPS = {".", ":", ";", "!", "?", "(", ")"} | QUOTE_MARKS


def role_before(doc: Doc, v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "Bundesarbeitsminister Hubertus Heil", "Staatssekretär im BMAS, Björn Böhning"."""
    texts, lowers = v.texts, v.lowers
    i = cand.start
    while i > 0 and texts[i - 1] in res.titles:
        i -= 1
    if i == 0:
        return
    if is_role(texts[i - 1], res) or (is_role_head(texts[i - 1], res) and i > 1 and lowers[i - 2] in res.articles):
        start = i - 1
        while start > 0 and texts[start - 1] in res.adjectives:
            start -= 1
        cand.role = _role_text(v, start, i)
        if start > 1 and texts[start - 1] == ",":
            # "Die Amtschefin des StMAS, Ministerialdirektorin Name": the function the sentence gives with
            # its organisation, not the rank before the name
            phrase = Candidate(cand.start, cand.end, cand.rule)
            _role_before_comma(doc, v, phrase, start - 1, orgs, res)
            if phrase.role and phrase.org is not None:
                cand.role, cand.org, cand.org_strength = phrase.role, phrase.org, phrase.org_strength
        return
    if texts[i - 1] == ",":
        _role_before_comma(doc, v, cand, i - 1, orgs, res)
        return
    _role_phrase_before(v, cand, i, orgs, res)


def _role_phrase_before(v: TokenView, cand: Candidate, i: int, orgs: dict, res: PeopleResources) -> None:
    """A role phrase glued to the name without a comma: "Staatssekretärin im BMAS Anna Müller" (role, link
    words, an organisation ending right before the name) or "Staatsministerin für Arbeit Ulrike Scharf"
    (role and portfolio). Nothing else may stand between the role word and the name."""
    texts, lowers = v.texts, v.lowers
    ends = {end: start for start, (_, end) in orgs.items()}
    org_start = ends.get(i)
    if org_start is not None:
        k = org_start
        while k > 0 and org_start - k < 2 and lowers[k - 1] in res.org_links:
            k -= 1
        if k == org_start or k == 0 or not is_role(texts[k - 1], res):
            return
        start = k - 1
        while start > 0 and texts[start - 1] in res.adjectives:
            start -= 1
        cand.role = _role_text(v, start, k)
        cand.org, cand.org_strength = orgs[org_start][0], 3
        return
    # "… für Arbeit, Soziales und Integration Name": capitalised items, commas and "und" back to "für"
    k = i - 1
    while k > 0 and i - k <= 8 and (texts[k][:1].isupper() or lowers[k] in {"und", ",", "-"}) \
            and texts[k] not in QUOTE_MARKS:
        k -= 1
    if k < i - 1 and lowers[k] == "für" and k > 0 and is_role(texts[k - 1], res) and texts[i - 1][:1].isupper():
        start = k - 1
        while start > 0 and texts[start - 1] in res.adjectives:
            start -= 1
        cand.role = _role_text(v, start, i)


def _role_before_comma(doc: Doc, v: TokenView, cand: Candidate, comma: int, orgs: dict, res: PeopleResources) -> None:
    """ "Staatssekretär im BMAS, Björn Böhning": a role phrase of the same sentence ending at the comma."""
    texts, lowers = v.texts, v.lowers
    j = _role_word_before(doc, v, comma, orgs, res)
    if j is None:
        return
    start = j
    while start > 0 and texts[start - 1] in res.adjectives:
        start -= 1
    end = comma
    for k in range(j + 1, comma):
        tied = org_after_link(v, k, orgs, res) if lowers[k] in res.org_links else None
        if tied is not None and tied[1] >= comma:
            cand.org, cand.org_strength = tied[0], 3
        if (tied is not None and tied[1] >= comma) or _link_cut(v, k, res):
            end = k
            break
    cand.role = _role_text(v, start, end)


def _role_word_before(doc: Doc, v: TokenView, comma: int, orgs: dict, res: PeopleResources) -> int | None:
    """The nearest role word within 15 tokens before the comma, in its sentence, with no stop mark or
    other comma (outside an organisation's name) between; else None."""
    texts = v.texts
    org_tokens: set[int] = set()
    for org_start, (_, org_end) in orgs.items():
        org_tokens.update(range(org_start, org_end))
        if org_end + 2 < v.n and texts[org_end] == "(" and texts[org_end + 2] == ")":
            org_tokens.update(range(org_end, org_end + 3))  # its acronym in brackets: "… Soziales (StMAS)"
    j = comma - 1
    in_quote = False
    while j >= 0 and comma - j <= 20:
        text = texts[j]
        if doc[j].is_sent_start and not is_role(text, res):  # (a few Tokens per candidate after a comma)
            return None
        if text in QUOTE_MARKS:
            in_quote = not in_quote  # 'die Leiterin der Abteilung "Europäische …, ESF", Name'
        elif in_quote:
            pass
        elif (text in _ROLE_STOPS and j not in org_tokens) or (text == "," and j not in org_tokens
                                                               and not _portfolio_before(v, j, res)):
            return None
        elif is_role(text, res):
            return j
        j -= 1
    return None


def _portfolio_before(v: TokenView, comma: int, res: PeopleResources) -> bool:
    """The comma lists a portfolio: "der EU-Kommissar für Beschäftigung, soziale Angelegenheiten und …"."""
    for k in range(comma - 1, max(0, comma - 8), -1):
        if v.texts[k] in _ROLE_STOPS:
            return False
        if v.lowers[k] == "für":
            return k > 0 and is_role(v.texts[k - 1], res)
    return False


def appositive(v: TokenView, cand: Candidate, orgs: dict, res: PeopleResources) -> None:
    """ "Name, Leiter des Referats … im BMAS", "Name (Leiterin …)", "Name von der Universität X"."""
    texts, lowers, n = v.texts, v.lowers, v.n
    i = cand.end
    if i < n and texts[i] in res.title_orgs_after:
        # "Anna Weiß MdEP, Schirmherrin …": the title names the institution, the apposition follows
        org = _role_org_from_title(texts[i], res)
        if org and cand.org_strength < 2:
            cand.org, cand.org_strength = org, 2
        i += 1
    if i >= n:
        return
    if lowers[i] in {"von", "vom", "aus"}:
        tied = org_after_link(v, i, orgs, res) or _org_at(v, i + 1, orgs, res) \
            or (org_after_link(v, i + 1, orgs, res) if lowers[i] == "aus" and i + 1 < n else None)
        if tied is None:  # "aus der Kreisverwaltung": the one Landkreis the text names
            j = i + 1 + (i + 1 < n and lowers[i + 1] in {"der", "dem"})
            local = _local_office(texts[j], [org for org, _ in orgs.values()], res) if j < n else None
            tied = (local, j + 1) if local is not None else None
        if tied is not None:
            cand.org, cand.org_strength, cand.tied_after = tied[0], 3, True
        return
    if texts[i] not in {",", "("}:
        return
    closing = ")" if texts[i] == "(" else None
    j = i + 1
    org_first = _org_at(v, j, orgs, res)
    if org_first is not None:  # "Name, Europäische Kommission, …"
        cand.org, cand.org_strength = org_first[0], 3
        return
    start = j
    while j < n and texts[j] in res.adjectives:
        j += 1
    if closing and j + 1 < n and texts[j + 1] == closing and j == start and _staff_noun(texts[j], res):
        cand.role = texts[j]  # "Name (Projektpersonal)": a staff noun alone in brackets is the role
        return
    if j >= n or not (is_role_head(texts[j], res) or _function_before_org(v, j, orgs, res)):
        return
    end = _apposition_end(v, cand, start, j, closing, orgs, res)
    if end is not None:
        cand.role = _role_text(v, start, end)


def _function_before_org(v: TokenView, j: int, orgs: dict, res: PeopleResources) -> bool:
    """ "Name, Willkommenslotse bei der Handwerkskammer Koblenz": a noun the role lists do not know heads the
    apposition when a link word and an organisation follow it."""
    word = v.texts[j]
    return (word[:1].isupper() and word.isalpha() and not word.isupper() and j + 1 < v.n
            and v.lowers[j + 1] in {"bei", "beim", "im", "vom", "von", "der", "des"}
            and org_after_link(v, j + 1, orgs, res) is not None)


def _staff_noun(word: str, res: PeopleResources) -> bool:
    """A capitalised noun naming a function in a team ("Projektpersonal", "Projektleitung", "Koordination")."""
    return word[:1].isupper() and word.isalpha() and not word.isupper() and word.lower().endswith(res.staff_endings)


def _apposition_end(v: TokenView, cand: Candidate, start: int, head: int, closing: str | None, orgs: dict,
                    res: PeopleResources) -> int | None:
    """End token of the role phrase from `start` whose role word is at `head` (None: no clear end within
    30 tokens); quoted stretches inside the phrase are skipped."""
    texts, lowers = v.texts, v.lowers
    in_quote = after_org = False
    k = head + 1
    while k < v.n and k - start <= 30:
        if texts[k] in QUOTE_MARKS:
            in_quote = not in_quote
        elif not in_quote and (tied := _org_within_role(v, k, orgs, res)) is not None:
            # "Vertreter der BAGFW im ESF-Bundesbegleitausschuss …": the phrase goes on after the
            # organisation, which stays in the role as written, with the committees it names
            cand.org, cand.org_strength = tied[0], 3
            k, after_org = tied[1], True
            continue
        elif after_org and lowers[k] in {"im", "in", "und"} and k + 1 < v.n \
                and lowers[k + 1 + (lowers[k + 1] in {"der", "im"})].endswith(res.unit_endings):
            pass
        elif not in_quote:
            end = _apposition_stop(v, cand, k, head, closing, orgs, res)
            if end is not None:
                return end
        k += 1
    return None


def _org_within_role(v: TokenView, k: int, orgs: dict, res: PeopleResources) -> tuple[OrgMention | str, int] | None:
    """The organisation that link words at k introduce when the role phrase goes on after it with "im"
    or "in der" (a committee, a unit); else None."""
    if v.lowers[k] not in res.org_links:
        return None
    tied = org_after_link(v, k, orgs, res)
    if tied is None or tied[1] + 1 >= v.n or v.lowers[tied[1]] not in {"im", "in"}:
        return None
    unit = tied[1] + 1 + (v.lowers[tied[1] + 1] in {"der", "dem"})
    if unit >= v.n or not v.lowers[unit].endswith(res.unit_endings):
        return None  # "… e.V. in Bremen": a place, not a committee the role names
    return tied


def _apposition_stop(v: TokenView, cand: Candidate, k: int, head: int, closing: str | None, orgs: dict,
                     res: PeopleResources) -> int | None:
    """Where the role phrase ends when token k ends it, else None; an organisation that ends it becomes
    the candidate's organisation."""
    texts, lowers, n = v.texts, v.lowers, v.n
    text = texts[k]
    if closing and text == closing:
        return k
    if text in {".", ":", ";", "!", "?"} or "\n" in text:
        return k
    if k in orgs:  # an organisation inside the phrase ends the role: "Leiterin der Geschäftsstelle DRK"
        cand.org, cand.org_strength = orgs[k][0], 3
        end = k
        while end > head + 1 and lowers[end - 1] in res.org_links:
            end -= 1
        return end
    if lowers[k] in res.org_links:
        tied = org_after_link(v, k, orgs, res)
        if tied is not None:
            cand.org, cand.org_strength = tied[0], 3
            if tied[1] < n and texts[tied[1]] in res.unit_orgs:
                return None  # "Referatsleiterin in der Generaldirektion …": the unit stays in the role
        if tied is not None or _link_cut(v, k, res) and not _unit_after(v, k, orgs, res):
            return k
    if text == "," and k + 1 < n:
        nxt = texts[k + 1]
        tied = _org_at(v, k + 1, orgs, res)
        if tied is not None:
            cand.org, cand.org_strength = tied[0], 3
            return k
        if not nxt[:1].isupper() or nxt in QUOTE_MARKS:
            return k
    return None


def _unit_after(v: TokenView, k: int, orgs: dict, res: PeopleResources) -> bool:
    """ "im Referat …", "in der Abteilung …": a unit of the organisation named next in the phrase belongs
    to the role ("Referentin im Referat Europäischer Sozialfonds des BMAS"); a unit with no organisation
    after it ends the role ("Referentin im Referat Z 2"), unless only one body has it ("Referatsleiterin in
    der Generaldirektion …": the Commission's, and the role as written)."""
    j = k + 1 + (k + 1 < v.n and v.lowers[k + 1] in {"der", "dem"})
    if j >= v.n or not v.lowers[j].endswith(res.unit_endings):
        return False
    for m in range(j + 1, min(v.n, j + 14)):
        if v.texts[m] in {",", ".", ";", ")", ":"}:
            return False
        if m in orgs and v.lowers[m - 1] in res.org_links:
            return True
    return False


def role_copula(doc: Doc, v: TokenView, cand: Candidate, res: PeopleResources) -> None:
    """ "Gastgeberin der Veranstaltung war Name": a role phrase opening the sentence, then a copula."""
    lowers = v.lowers
    i = cand.start
    if i < 2 or lowers[i - 1] not in res.copulas:
        return
    sent_start = sentence_index(doc).sentence_start_token(i - 1)
    start = sent_start
    while start < i - 1 and lowers[start] in {"der", "die", "das", "den", "dem"}:
        start += 1
    size = i - 1 - start
    if 0 < size <= 8 and is_role_head(v.texts[start], res) and not any(t in {",", ":"} for t in v.texts[start:i - 1]):
        cand.role = v.span_text(start, i - 1)


def context_org(v: TokenView, orgs: list[OrgMention], cand: Candidate, res: PeopleResources,
                day: dt.date | None = None, sentences: SentenceIndex | None = None,
                claimed: frozenset[str] = frozenset()) -> None:
    """Organisation from the title word, the portfolio, or the article around a role; `orgs` are the
    Doc's organisation mentions outside photo credits. A title's institution outranks a party in brackets
    ("Europaabgeordnete X (SPD)": the European Parliament). `claimed`: ids of organisations the text ties
    to another person ("… von der Hochschule X"), which the context gives no one else."""
    if not cand.role:
        return
    party = isinstance(cand.org, OrgMention) and cand.org.org_type == "party"
    if cand.org_strength >= 2 and not party:
        return
    from_title = _role_org_from_title(cand.role, res, day)
    if from_title:
        cand.org, cand.org_strength = from_title, 3 if party else 2
        return
    if cand.org_strength >= 2:
        return
    if cand.org_strength:
        return
    start_char = v.idx[cand.start]
    if possessive_before(v, cand, res):
        # "Die AWO Bremerhaven lädt ein. Unsere Projektleiterin Name": the body speaking as "we" in the
        # sentence before, opening it; else the publisher, whom the text does not name
        speaker = [o for o in orgs if o.end_char <= start_char and _sentence_before(sentences, o.end_char, start_char)
                   and OPENING.match(o.sentence[: max(0, o.sentence.find(o.text))])]
        if speaker:
            cand.org, cand.org_strength = speaker[-1], 1
        return
    if sentences is not None and _relative_before(v, cand):
        # "Deren Vizepräsidentin, Name": the body the sentence before names last
        sentence_start = sentences.bounds[sentences.index(start_char)][0]
        named = [o for o in orgs if o.end_char <= sentence_start and _sentence_before(sentences, o.end_char, start_char)]
        if named:
            cand.org, cand.org_strength = named[-1], 2
            return
    local = _local_office(cand.role, orgs, res)
    if local is not None:
        cand.org, cand.org_strength = local, 1
        return
    head = next((w for w in reversed(cand.role.split()) if w[:1].isupper()), cand.role).lower()
    head = cand.role.split()[0].lower() if not _ends_with(head, res.government + res.internal) else head
    if _ends_with(head, res.government) and " für " not in cand.role:
        ministries = [o for o in orgs if o.org_type in ("ministry", "land-ministry") or o.org_id.startswith("bm")]
        # a federal title belongs to a federal ministry, a Land title ("Staatsministerin", "Landesminister")
        # to a Land ministry
        level = "ministry" if head.startswith("bundes") else \
            "land-ministry" if head.startswith(("staatsminister", "landesminister")) else None
        if level:
            ministries = [o for o in ministries if o.org_type == level]
        if ministries:
            # the ministry named closest before the person (else after): "… vom Bayerischen
            # Staatsministerium (StMAS). Staatsministerin Scharf …" is not the BMAS named paragraphs earlier
            start_char = v.idx[cand.start]
            nearest = min(ministries, key=lambda o: (o.end_char > start_char, abs(start_char - o.end_char)))
            cand.org, cand.org_strength = nearest, 1
    elif _ends_with(head, res.internal):
        start_char = v.idx[cand.start]
        # the last organisation named in the 400 characters before ("Erste Station war das Jobcenter X.
        # Geschäftsführer Y …"); the EU as a whole employs no one
        # of its paragraph or the sentence just before: an organisation further back (a title line above a
        # caption) is not tied to the person by the text
        before = [o for o in orgs if o.end_char <= start_char and start_char - o.end_char <= 400 and o.org_id != "eu"
                  and o.org_id not in claimed and not funder(o, res)
                  and ("\n" not in v.text[o.end_char: start_char] or _sentence_before(sentences, o.end_char, start_char))]
        if before:
            cand.org, cand.org_strength = before[-1], 1


def _relative_before(v: TokenView, cand: Candidate) -> bool:
    """ "Deren/Dessen Vizepräsidentin, Name": a relative pronoun opens the role phrase before the name."""
    k = cand.start - 1
    while k > 0 and v.texts[k] in {",", "Dr.", "Prof."}:
        k -= 1
    while k > 0 and v.texts[k][:1].isupper() and v.lowers[k] not in {"deren", "dessen"}:
        k -= 1
    return k >= 0 and v.lowers[k] in {"deren", "dessen"} and cand.start - k <= 6


def _sentence_before(sentences: SentenceIndex | None, org_end: int, start_char: int) -> bool:
    """The organisation ends in the sentence just before the person's (blank lines between do not count)."""
    if sentences is None:
        return False
    first, last = sentences.index(org_end - 1), sentences.index(start_char)
    text = sentences.text
    return last - first >= 1 and all(not text[slice(*sentences.bounds[k])].strip() for k in range(first + 1, last))


_BACK_REFERENCE = re.compile(r"^(?P<role>[A-ZÄÖÜ][\w-]+)[ \t]+(?:des|der|vom|beim|im)[ \t]+(?P<noun>[A-ZÄÖÜ][\w-]+)$")
_ACRONYM_PREFIX = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}[a-z]?)-(\w.*)$")


def split_role_org(cand: Candidate, organisations, res: PeopleResources) -> None:
    """The role is the function, the organisation goes apart (ANNOTATION_GUIDE: "Staatssekretärin im BMAS"
    -> role "Staatssekretärin", organisation BMAS): "Geschäftsführer des Jobcenters Kreis Recklinghausen"
    -> "Geschäftsführer" + that Jobcenter; "ISG-Projektleiter" -> "Projektleiter" + ISG."""
    role = cand.role
    if not role:
        return
    orgs = organisations
    for org in sorted(orgs, key=lambda o: -len(o.text)):
        if len(org.text) < len(role) and role.endswith(org.text):
            head = role[: -len(org.text)].rstrip(" ,")
            words = head.split()
            for link in res.role_org_links:
                n = len(link.split())
                if len(words) > n and " ".join(words[-n:]).lower() == link:
                    cand.role = " ".join(words[:-n])
                    if cand.org is None or cand.org_strength < 3:
                        cand.org, cand.org_strength = org, 3
                    return
    m = _BACK_REFERENCE.match(role)
    if m:
        # "Vorsitzende des Landesverbandes": the one organisation of the text named with that head
        noun = m.group("noun")
        stems = {noun, noun[:-1] if noun.endswith("s") else noun, noun[:-2] if noun.endswith("es") else noun}
        named = {o.org_id: o for o in orgs if o.name.split()[0] in stems}
        if len(named) == 1:
            cand.role = m.group("role")
            if cand.org is None or cand.org_strength < 3:
                cand.org, cand.org_strength = next(iter(named.values())), 3
            return
    m = _ACRONYM_PREFIX.match(role)
    if m and not _role_org_from_title(role, res):  # "EU-Kommissar" names the Commission, not the EU
        acronym = m.group(1)
        for org in orgs:
            if org.acronym == acronym or org.text == acronym:
                cand.role = m.group(2)
                if cand.org is None:
                    cand.org, cand.org_strength = org, 3
                return
    head, dash, rest = role.partition("-")
    if dash and " " not in head and not head.isupper() and rest[:1].isupper() and is_role(rest.split()[0], res) \
            and not _role_org_from_title(role, res):
        # "Jobcenter-Teamleiter": the one organisation the text names with that head
        named = {o.org_id: o for o in orgs if o.text.split()[0].rstrip("s") == head or o.name.split()[0] == head}
        if len(named) == 1:
            if sum(ch.isupper() for ch in head) >= 2:
                cand.role = rest  # "BAuA-Präsident": an acronym names the body; "Jobcenter-" a kind, kept
            if cand.org is None or cand.org_strength < 3:
                cand.org, cand.org_strength = next(iter(named.values())), 3


def _local_office(role: str, orgs: list[OrgMention], res: PeopleResources) -> OrgMention | None:
    """The administration a head of local government heads: the one of its kind the text names, when it
    names one only ("Landrat" -> "Landkreis Gifhorn")."""
    heads = res.local_offices.get(role.split()[-1].lower())
    if not heads:
        return None
    named = {o.org_id: o for o in orgs if o.name.split()[0] in heads}
    return next(iter(named.values())) if len(named) == 1 else None


def _ends_with(word: str, endings: tuple[str, ...]) -> bool:
    return word.endswith(tuple(endings))


def org_label(org: OrgMention | str | None, organisations, res: PeopleResources, text: str = "",
              day: dt.date | None = None) -> tuple[str | None, str | None]:
    """(organisation as reported, org id): the acronym when the text uses it or the organisation is a
    federal ministry or agency (their acronyms are standard: BMAS, BAMF), else the canonical name
    ("Deutscher Caritasverband", not DCV)."""
    if org is None:
        return None, None
    if isinstance(org, str):
        for mention in organisations:
            if mention.org_id == org:
                return _label(mention.name, mention.acronym, mention.org_type, mention.level, text), org
        if org in res.ministries:
            entry = res.ministries[org]
            name, acronym = entry.canonical(day)
            return _label(name, acronym, entry.type, entry.level, text), org
        entry = res.organisations.get(org) or {}
        return entry.get("acronym") or entry.get("name") or org, org
    return _label(org.name, org.acronym, org.org_type, org.level, text), org.org_id


def _label(name: str, acronym: str | None, org_type: str | None, level: str | None, text: str) -> str:
    if acronym and (org_type in ("ministry", "agency") and level in (None, "federal")
                    or acronym in text and _word_search(acronym).search(text)):
        return acronym
    return name


@lru_cache(maxsize=1024)
def _word_search(word: str) -> re.Pattern:
    """The acronym used alone: "die AWO lädt ein", not only as the start of a branch's name ("AWO Bielefeld")."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w])(?![ \t]+[A-ZÄÖÜ])")


