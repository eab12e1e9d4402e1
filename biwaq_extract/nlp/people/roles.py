"""Roles and organisations of people: role words before a name, appositions after it, copulas, context."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from biwaq_extract.nlp.people.candidates import QUOTE_MARKS, Candidate
from biwaq_extract.nlp.people.org_links import (
    acronym_like,
    local_office,
    offices_by_portfolio,
    org_after_link,
    org_at,
    role_org_from_title,
)
from biwaq_extract.nlp.people.resources import PeopleResources, is_adjective, is_role, is_role_head
from biwaq_extract.nlp.people.ties import OPENING, funder, possessive_before
from biwaq_extract.nlp.sentences import SentenceIndex, sentence_index
from biwaq_extract.nlp.token_view import TokenView
from biwaq_extract.records import OrgMention


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
    # an agent noun the role lists do not know is a role after an article or a lower-case word or mark
    # ("die Gastgeberin Name", "und Mentorin Name"), not after a capitalised word that may head it
    if is_role(texts[i - 1], res) or is_role_head(texts[i - 1], res) and (
            i > 1 and lowers[i - 2] in res.articles
            or (i == 1 or not texts[i - 2][:1].isupper()) and not lowers[i - 1].startswith(res.not_roles)):
        start = i - 1
        while start > 0 and is_adjective(texts[start - 1], res):
            start -= 1
        if start > 1 and lowers[start - 1] in {"und", "oder"} and len(texts[start - 2]) > 2 \
                and texts[start - 2].endswith("-"):
            start -= 2  # "Wirtschafts- und Arbeitsministerin": one office of both portfolios
        cand.role = _role_text(v, start, i)
        function = Candidate(cand.start, cand.end, cand.rule)
        if start > 1 and texts[start - 1] == ",":
            # "Die Amtschefin des Ministeriums (StMAS), Ministerialdirektorin Name": the function the sentence
            # gives before the comma, with its organisation, outranks a rank (or a bare title) by the name
            _role_before_comma(doc, v, function, start - 1, orgs, res)
        if function.role and (function.org is not None or texts[i - 1] in res.ranks):
            cand.role, cand.org, cand.org_strength = function.role, function.org, function.org_strength
        return
    if texts[i - 1] == ",":
        _role_before_comma(doc, v, cand, i - 1, orgs, res)
        return
    _role_phrase_before(v, cand, i, orgs, res)


def comma_before(v: TokenView, cand: Candidate, res: PeopleResources) -> bool:
    """A comma stands right before the name (titles skipped): "Die Vertreterin der Kommission, Name, …"."""
    i = cand.start
    while i > 0 and v.texts[i - 1] in res.titles:
        i -= 1
    return i > 0 and v.texts[i - 1] == ","


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
        while start > 0 and is_adjective(texts[start - 1], res):
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
        while start > 0 and is_adjective(texts[start - 1], res):
            start -= 1
        cand.role = _role_text(v, start, i)


def _role_before_comma(doc: Doc, v: TokenView, cand: Candidate, comma: int, orgs: dict, res: PeopleResources) -> None:
    """ "Staatssekretär im BMAS, Björn Böhning": a role phrase of the same sentence ending at the comma."""
    texts, lowers = v.texts, v.lowers
    j = _role_word_before(doc, v, comma, orgs, res)
    if j is None:
        return
    end = comma
    link = j - 1 if j > 0 and lowers[j - 1] == "beim" else \
        j - 2 if j > 1 and lowers[j - 2] == "bei" and lowers[j - 1] in {"der", "dem"} else None
    if link is not None and link > 0 and is_role(texts[link - 1], res):
        # "Der Parlamentarische Staatssekretär bei der Bundesministerin für Arbeit und Soziales, Name": the
        # person holds the office before "bei"; the office after it names the ministry
        served = role_org_from_title(v.span_text(j, comma), res)
        if served is not None:
            cand.org, cand.org_strength = served, 2
        j, end = link - 1, link
    start = j
    while start > 0 and is_adjective(texts[start - 1], res):
        start -= 1
    if start > 2 and texts[start - 1] == "," and texts[start - 3] in res.first_names and texts[start - 2][:1].isupper():
        return  # "Anna Roth, Referentin der …, Name": the apposition of the person named before
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
        if text == ")" and not in_quote and j >= 2 and texts[j - 2] == "(" and acronym_like(texts[j - 1]):
            j -= 3  # "… des Staatsministeriums (StMAS), Name": an acronym in brackets
            continue
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
    """The comma lists a portfolio: "der EU-Kommissar für Beschäftigung, soziale Angelegenheiten und …"
    (a remit of up to sixteen words)."""
    for k in range(comma - 1, max(0, comma - 16), -1):
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
        org = role_org_from_title(texts[i], res)
        if org and cand.org_strength < 2:
            cand.org, cand.org_strength = org, 2
        i += 1
    if i >= n:
        return
    if lowers[i] in {"von", "vom", "aus"}:
        tied = org_after_link(v, i, orgs, res) or org_at(v, i + 1, orgs, res) \
            or (org_after_link(v, i + 1, orgs, res) if lowers[i] == "aus" and i + 1 < n else None)
        if tied is None:  # "aus der Kreisverwaltung": the one Landkreis the text names
            j = i + 1 + (i + 1 < n and lowers[i + 1] in {"der", "dem"})
            local = local_office(texts[j], [org for org, _ in orgs.values()], res) if j < n else None
            tied = (local, j + 1) if local is not None else None
        if tied is None and _unit_after(v, i, orgs, res):
            tied = _body_of_unit(v, i, orgs, res)  # "aus dem Referat Europäischer Sozialfonds im BMAS"
        if tied is not None:
            cand.org, cand.org_strength, cand.tied_after = tied[0], 3, True
        return
    if texts[i] not in {",", "(", "–", "—"}:
        return
    # "Name (Leiterin …)", "Name – Leiterin … –"
    closing = ")" if texts[i] == "(" else texts[i] if texts[i] in {"–", "—"} else None
    j = i + 1
    # a short form alone in brackets names the one body of the text it heads: "Name (Kiezwerk)"
    org_first = org_at(v, j, orgs, res, linked=closing == ")" and j + 1 < n and texts[j + 1] == ")")
    if org_first is not None:  # "Name, Europäische Kommission, …"
        cand.org, cand.org_strength = org_first[0], 3
        end = org_first[1]
        if closing == ")" and end + 2 < n and texts[end] == ")" and texts[end + 1] == ",":
            # "Name (Bündnis 90/Die Grünen), Vorsitzende des Ausschusses …": the apposition goes on
            closing, j = None, end + 2
        elif closing == ")" and end + 1 < n and texts[end] == ",":
            j = end + 1  # "Name (Jobcenter Kiel, Teamleiterin)"
        else:
            return
    if j + 2 < n and lowers[j] == "seit" and texts[j + 1][:1].isdigit():
        j += 2  # "Name, seit 2020 Geschäftsführerin der …": the time is not part of the role
    start = j
    while j < n and is_adjective(texts[j], res):
        j += 1
    if closing and j + 1 < n and texts[j + 1] in {closing, ","} and j == start and _staff_noun(texts[j], res):
        cand.role = texts[j]  # "Name (Projektpersonal)": a staff noun alone in brackets is the role
        tied = org_at(v, j + 2, orgs, res) if texts[j + 1] == "," else None
        if tied is not None and cand.org_strength < 3:  # "Name (Projektleitung, Werkstatt Nord gGmbH)"
            cand.org, cand.org_strength = tied[0], 3
        return
    if j >= n:
        return
    if not is_role_head(texts[j], res):
        _noun_at_organisation(v, cand, start, j, orgs, res)
        return
    end = _apposition_end(v, cand, start, j, closing, orgs, res)
    if end is not None:
        cand.role = _role_text(v, start, end)


def _noun_at_organisation(v: TokenView, cand: Candidate, start: int, head: int, orgs: dict,
                          res: PeopleResources) -> None:
    """ "Name, Willkommenslotse bei der Handwerkskammer X, …", "Name, Expertin für Arbeitsmarktpolitik beim
    IAB": a noun the role lists do not know (with the field it works in) is the role when link words and a
    named organisation follow it and close the apposition."""
    texts, n = v.texts, v.n
    word = texts[head]
    if head + 1 >= n or not (word[:1].isupper() and word.isalpha() and len(word) > 4) or word in res.first_names \
            or word.lower().startswith(res.not_roles):  # "Kundin beim Jobcenter": no one it employs
        return
    end = head + 1
    if v.lowers[end] == "für":  # the field: capitalised words, hyphens and "und" up to the link word
        end += 1
        while end < n and end - head < 10 and (texts[end][:1].isupper() or texts[end] in {"-", "und"}):
            end += 1
    if end >= n or v.lowers[end] not in res.org_links:
        return
    tied = org_after_link(v, end, orgs, res)
    if tied is None or not isinstance(tied[0], OrgMention) \
            or tied[1] < n and texts[tied[1]] not in {",", ".", ")", ";"}:
        return
    cand.role = _role_text(v, start, end)
    cand.org, cand.org_strength = tied[0], 3


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
        host = _host_after(v, orgs[k], orgs, res)
        if host is not None:
            cand.org, cand.org_strength = host[0], 3
            return host[1]
        cand.org, cand.org_strength = orgs[k][0], 3
        end = k
        while end > head + 1 and lowers[end - 1] in res.org_links:
            end -= 1
        return end
    if lowers[k] in res.org_links:
        tied = org_after_link(v, k, orgs, res)
        host = _host_after(v, tied, orgs, res) if tied is not None else None
        if host is not None:
            cand.org, cand.org_strength = host[0], 3
            return host[1]
        if tied is not None and tied[1] < n and v.texts[tied[1]] in res.unit_orgs:
            # "Referatsleiterin in der Generaldirektion …": the unit stays in the role as written and
            # names the one body that has such units
            if cand.org_strength < 3:
                cand.org, cand.org_strength = tied[0], 3
            return None
        if tied is not None:
            cand.org, cand.org_strength = tied[0], 3
        if tied is not None or _link_cut(v, k, res) and not _unit_after(v, k, orgs, res):
            return k
    if text == "," and k + 1 < n:
        nxt = texts[k + 1]
        tied = org_at(v, k + 1, orgs, res)
        if tied is not None:
            cand.org, cand.org_strength = tied[0], 3
            return k
        if not nxt[:1].isupper() or nxt in QUOTE_MARKS:
            return k
    return None


def _host_after(v: TokenView, tied: tuple, orgs: dict, res: PeopleResources) -> tuple[OrgMention, int] | None:
    """(the body, the index where the role ends) when the organisation `tied` (mention, end) is followed by
    "beim/bei der/im" and another named organisation: "Leiterin der Koordinierungsstelle X beim Landkreis Y"
    names an office of Y, which employs the person, and the office stays in the role; else None."""
    org, end = tied
    if not isinstance(org, OrgMention) or end >= v.n or v.lowers[end] not in {"beim", "bei", "im"}:
        return None
    host = org_after_link(v, end, orgs, res)
    if host is None or not isinstance(host[0], OrgMention) or host[0].org_id == org.org_id:
        return None
    return host[0], end


def _body_of_unit(v: TokenView, k: int, orgs: dict, res: PeopleResources) -> tuple | None:
    """The organisation named by link words after the unit that the link at k introduces, before the
    clause ends: "aus dem Referat Europäischer Sozialfonds im BMAS" -> BMAS; else None."""
    for m in range(k + 2, min(v.n, k + 14)):
        if v.texts[m] in {",", ".", ";", ")", ":"}:
            return None
        if v.lowers[m] in res.org_links:
            tied = org_after_link(v, m, orgs, res)
            if tied is not None:
                return tied
    return None


def _unit_after(v: TokenView, k: int, orgs: dict, res: PeopleResources) -> bool:
    """ "im Referat …", "in der Abteilung …": a unit inside an organisation stays in the role as written
    ("Referentin im Referat Europäischer Sozialfonds des BMAS", "Referatsleiterin in der Abteilung …");
    the organisation named after it ends the role."""
    j = k + 1 + (k + 1 < v.n and v.lowers[k + 1] in {"der", "dem"})
    return j < v.n and v.lowers[j].endswith(res.unit_endings)


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
    from_title = role_org_from_title(cand.role, res, day)
    if from_title:
        cand.org, cand.org_strength = from_title, 3 if party else 2
        return
    by_portfolio = _office_of_title(cand.role, orgs)
    if by_portfolio is not None and (party or cand.org_strength < 2):
        cand.org, cand.org_strength = by_portfolio, 3 if party else 2
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
    local = local_office(cand.role, orgs, res)
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
        # a ministry has no Geschäftsführer or Projektleiterin: such a role skips the funders named before it
        no_ministry = cand.role.lower().startswith(res.outside_government)
        before = [o for o in orgs if o.end_char <= start_char and start_char - o.end_char <= 400 and o.org_id != "eu"
                  and o.org_id not in claimed and not funder(o, res)
                  and not (no_ministry and (o.org_type in ("ministry", "land-ministry")
                                            or "ministerium" in o.name.lower()))
                  and ("\n" not in v.text[o.end_char: start_char] or _sentence_before(sentences, o.end_char, start_char))]
        if before:
            cand.org, cand.org_strength = before[-1], 1


_PORTFOLIO_TITLE = re.compile(r"^(?P<stem>[a-zäöüß-]{3,})(?:minister|senator)(?:in)?$")


def _office_of_title(role: str, orgs: list[OrgMention]) -> OrgMention | None:
    """The one ministry or Senate department of the text whose portfolio the title names:
    "Sozialministerin" -> the "Ministerium für Arbeit, Soziales …", "Arbeitssenatorin" -> the
    "Senatsverwaltung für Arbeit, …"; None when the text names none or several."""
    for word in role.split():
        m = _PORTFOLIO_TITLE.match(word.lower())
        if m:
            found = {o.org_id: o for o in offices_by_portfolio(m.group("stem").rstrip("-"), orgs)}
            return next(iter(found.values())) if len(found) == 1 else None
    return None


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
_ACRONYM_PREFIX = re.compile(r"^([A-ZÄÖÜ][A-Za-zÄÖÜ0-9]{1,7})-(\w.*)$")  # "ISG-", "BAuA-", "StMAS-"


def split_role_org(cand: Candidate, organisations, res: PeopleResources) -> None:
    """The role is the function, the organisation goes apart (ANNOTATION_GUIDE: "Staatssekretärin im BMAS"
    -> role "Staatssekretärin", organisation BMAS): "Geschäftsführer des Jobcenters Kreis Recklinghausen"
    -> "Geschäftsführer" + that Jobcenter; "ISG-Projektleiter" -> "Projektleiter" + ISG; "Jobcenter-Teamleiter"
    stays the role and gives that Jobcenter."""
    role = cand.role
    if not role:
        return
    orgs = organisations
    # an office the role names of another body the text ties the person to stays in the role
    other = isinstance(cand.org, OrgMention) and cand.org_strength >= 3
    for org in sorted(orgs, key=lambda o: -len(o.text)):
        if len(org.text) < len(role) and role.endswith(org.text) and not (other and cand.org.org_id != org.org_id):
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
    # an acronym before a role names the organisation apart ("ISG-Projektleiter" -> "Projektleiter" + ISG);
    # a noun keeps its place in the role as written ("Jobcenter-Teamleiter") and names the organisation
    m = _ACRONYM_PREFIX.match(role)
    if m and acronym_like(m.group(1)) and not role_org_from_title(role, res):  # "EU-Kommissar": the Commission
        acronym = m.group(1)
        for org in orgs:
            if org.acronym == acronym or org.text == acronym:
                cand.role = m.group(2)
                if cand.org is None:
                    cand.org, cand.org_strength = org, 3
                return
    head, dash, rest = role.partition("-")
    if dash and " " not in head and not head.isupper() and rest[:1].isupper() and is_role(rest.split()[0], res) \
            and not role_org_from_title(role, res):
        # "Jobcenter-Teamleiter": the one organisation the text names with that head
        named = {o.org_id: o for o in orgs if o.text.split()[0].rstrip("s") == head or o.name.split()[0] == head}
        if len(named) == 1:
            if cand.org is None or cand.org_strength < 3:
                cand.org, cand.org_strength = next(iter(named.values())), 3


def _ends_with(word: str, endings: tuple[str, ...]) -> bool:
    return word.endswith(tuple(endings))
