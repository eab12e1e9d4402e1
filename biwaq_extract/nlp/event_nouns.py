"""Find the nouns that name gatherings in a Doc's tokens: single and multi-word heads, compounds included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from biwaq_extract.nlp.event_series import singular_head
from biwaq_extract.nlp.token_view import TokenView

if TYPE_CHECKING:
    from biwaq_extract.nlp.events import EventRules


_MISSING = object()
MAX_HEAD_WORDS = 200_000  # forget the remembered answers beyond this many words (bounded memory on long runs)


def event_head(word: str, rules: EventRules, genitive: bool = False) -> tuple[str, str] | None:
    """(head, type) when the word is, or ends in, an event noun: "Entwicklungswerkstatt" -> ("werkstatt", "workshop").

    The answers are remembered across Docs (`rules.head_cache`, one dict per value of `genitive`): the same
    nouns recur in every article, and the suffix pattern is the costly part of the test."""
    cache = rules.head_cache[1 if genitive else 0]
    found = cache.get(word, _MISSING)
    if found is _MISSING:
        if len(cache) > MAX_HEAD_WORDS:
            cache.clear()
        found = cache[word] = _event_head(word, rules, genitive)
    return found


def plural_head(word: str, rules: EventRules) -> tuple[str, str] | None:
    """(head, type) of a plural gathering noun (`event_series.singular_head`), remembered across Docs."""
    cache = rules.head_cache[2]
    found = cache.get(word, _MISSING)
    if found is _MISSING:
        if len(cache) > MAX_HEAD_WORDS:
            cache.clear()
        found = cache[word] = singular_head(word, lambda w: event_head(w, rules))
    return found


def _event_head(word: str, rules: EventRules, genitive: bool) -> tuple[str, str] | None:
    w = word.lower().lstrip("-\"'„“")
    if not w[:1].isalpha() and not w[:1].isdigit():
        return None
    if w in rules.not_events:
        return None
    # the word itself, then its genitive singular ("des Bürgerdialogs", "des Kongresses")
    # (only after a genitive article: a bare "Workshops" is a plural, usually parts of a gathering)
    forms = [w] + [w[: -len(end)] for end in ("es", "s") if genitive and w.endswith(end) and len(w) > len(end) + 3]
    for form in forms:
        # the earliest match of "(head1|head2|…)$" is the longest head the word ends with; a compound
        # needs at least three letters before its head ("Fachtag" yes, "Xtag" no)
        m = rules.head_suffix.search(form)
        if m and 0 < m.start() <= 2:
            m = rules.head_suffix.search(form, 3)
        if m:
            head = m.group(0)
            if head in _DAY_HEADS and (form.endswith(rules.not_day_endings) or _names_gathering(form[: m.start()], rules)):
                return None  # "Nachmittag", "Landtag"; "Kongresstag", "Veranstaltungstag": a day of a gathering, a part of it
            return head, rules.head_types[head]
    return None


_DAY_HEADS = frozenset({"tag"})


def _names_gathering(modifier: str, rules: EventRules) -> bool:
    """The first part of a compound is itself a gathering noun, perhaps with a joint "s" ("Kongress", "Veranstaltungs")."""
    m = modifier.rstrip("-")
    return any(rules.head_suffix.search(f) is not None for f in (m, m[:-1] if m.endswith("s") else m) if len(f) > 3)


_GENITIVE_ARTICLES = frozenset({"des", "eines", "dieses", "jenes"})


class SuffixMemo:
    """Which words end in one of each group of suffixes, remembered across Docs: most words of a Doc were
    seen before, so a Doc costs a few set operations instead of a suffix test per word, and one look-up of
    its words among those seen serves every group.

    Safe to share between threads: a word is marked seen only after its answers are stored, and the
    sets are replaced together (never cleared in place) when they grow too large.
    """

    MAX_WORDS = 200_000  # forget everything beyond this many words (bounded memory on long runs)

    def __init__(self, *groups: tuple[str, ...]):
        self.groups = groups
        # the last letters every suffix of a group ends with, as long as its shortest suffix: a set look-up of
        # a word's last letters rules out most words before `str.endswith` tries the hundreds of suffixes
        self.tails = tuple(_tails(g) for g in groups)
        self.sets: tuple[set[str], tuple[set[str], ...]] = self._empty()  # (seen words, the seen words ending in each group)

    def _empty(self) -> tuple[set[str], tuple[set[str], ...]]:
        return set(), tuple(set() for _ in self.groups)

    def matching(self, words: set[str]) -> tuple[set[str], ...]:
        """The words ending in a suffix of each group, in the groups' order."""
        if len(self.sets[0]) > self.MAX_WORDS:
            self.sets = self._empty()
        seen, found = self.sets
        new = words - seen
        if new:
            for yes, suffixes, (n, tails) in zip(found, self.groups, self.tails):
                if n:
                    yes |= {w for w in new if w[-n:] in tails and w.endswith(suffixes)}
                else:
                    yes |= {w for w in new if w.endswith(suffixes)}
            seen |= new
        return tuple(words & yes for yes in found)


def _tails(suffixes: tuple[str, ...]) -> tuple[int, frozenset[str]]:
    n = min(map(len, suffixes), default=0)
    return n, frozenset(s[len(s) - n :] for s in suffixes)


def noun_words(words: set[str], rules: EventRules) -> tuple[set[str], set[str]]:
    """The words that may be or start an event noun: first words of multi-word heads and words ending in
    a single-word head, or in a head + "s"/"es" (a genitive: "des Kongresses"); and the words ending in a
    venue noun ("kulturzentrum", "kalkscheune")."""
    heads, venues = rules.word_memo.matching(words)
    return heads.union(ws[0] for ws, _ in rules.multiword if ws[0] in words), venues


def heads(v: TokenView, positions: list[int], head_words: set[str], rules: EventRules):
    """Yield (start token, end token, head, type) for every event noun, single or multi-word.

    Only the tokens at `positions` whose word is in `head_words` can start one.
    """
    lowers, texts = v.lowers, v.texts
    first_words = {words[0] for words, _ in rules.multiword}
    head_ends = tuple(rules.head_types)
    free = 0  # tokens before this belong to a head already yielded
    for i in positions:
        w = lowers[i]
        if i < free or w not in head_words:
            continue
        found = None
        if w in first_words:
            for words, etype in rules.multiword:
                n = len(words)
                if tuple(lowers[i : i + n]) == words:
                    found = (i, i + n, " ".join(words), etype)
                    break
        if found is None:
            # event_head only matches words ending in a head, or after a genitive article a head + "s"/"es"
            genitive = i > 0 and lowers[i - 1] in _GENITIVE_ARTICLES
            if genitive or w.endswith(head_ends):
                first = texts[i].lstrip("-\"'„“")[:1]
                if first.isupper() or first.isdigit():
                    hit = event_head(texts[i], rules, genitive)
                    if hit:
                        found = (i, i + 1, hit[0], hit[1])
        if found is not None:
            yield found
            free = found[1]
