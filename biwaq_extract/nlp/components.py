"""Register biwaq's spaCy components and Doc extensions; each runs one finder's `find(doc, resources)`.

Every finder module has the same contract: `load_resources(...)` builds its frozen resources once, from
the rule data and the plain values a factory's config passes in, and `find(doc, resources)` returns a
tuple of frozen records. A component stores them on one Doc extension. `requires` lists what a finder
reads from earlier components (named entities are read when the pipeline has an `ner`, never required).
The sentencizer of a pipeline without parser applies spaCy's rule to the shared token view.
"""

from __future__ import annotations

from itertools import compress
from typing import Any, Callable, Optional

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from biwaq_extract.nlp import dates, events, organisations, participants, people, places, programmes
from biwaq_extract.nlp.token_view import view
from biwaq_extract.steward.user_gazetteer import UserGazetteer, load_user_gazetteer

# Every extension holds a tuple of frozen records (see biwaq_extract.records).
for _name in ("dates", "organisations", "programmes", "places", "people", "participant_counts", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # datetime.date, set by the caller before the pipeline runs

_SENTENCES = "token.is_sent_start"  # the evidence sentence of every record


def _user_gazetteer(path: Optional[str]) -> UserGazetteer | None:
    """The user gazetteer a factory's `user_gazetteer` config names (a path; null or "": none)."""
    return load_user_gazetteer(path) if path else None


class _RecordSetter:
    """Call a finder on the Doc and store its records on one Doc extension."""

    def __init__(self, attr: str, find: Callable[[Doc, Any], tuple], resources: Any):
        self.attr = attr
        self.find = find
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attr, tuple(self.find(doc, self.resources)))
        return doc


@Language.factory("biwaq_dates", requires=["doc._.published", _SENTENCES], assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("dates", dates.find, dates.load_resources())


@Language.factory("biwaq_organisations", requires=["doc._.published", _SENTENCES], assigns=["doc._.organisations"],
                  default_config={"use_ner": None, "user_gazetteer": None})
def make_organisations(nlp: Language, name: str, use_ner: Optional[bool],  # noqa: ARG001
                       user_gazetteer: Optional[str]) -> _RecordSetter:
    """`use_ner`: also take the ORG entities of the pipeline's `ner` (null: when the pipeline has one);
    `user_gazetteer`: path of a user gazetteer whose organisations join the shipped ones."""
    use_ner = "ner" in nlp.pipe_names if use_ner is None else use_ner
    resources = organisations.load_resources(use_ner, _user_gazetteer(user_gazetteer))
    return _RecordSetter("organisations", organisations.find, resources)


@Language.factory("biwaq_programmes", requires=[_SENTENCES], assigns=["doc._.programmes"],
                  default_config={"user_gazetteer": None})
def make_programmes(nlp: Language, name: str, user_gazetteer: Optional[str]) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("programmes", programmes.find, programmes.load_resources(_user_gazetteer(user_gazetteer)))


@Language.factory("biwaq_places", requires=["doc._.organisations", "doc._.programmes", _SENTENCES],
                  assigns=["doc._.places"], default_config={"user_gazetteer": None})
def make_places(nlp: Language, name: str, user_gazetteer: Optional[str]) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("places", places.find, places.load_resources(_user_gazetteer(user_gazetteer)))


@Language.factory("biwaq_people", requires=["doc._.organisations", "doc._.programmes", _SENTENCES],
                  assigns=["doc._.people"])
def make_people(nlp: Language, name: str) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("people", people.find, people.load_resources())


@Language.factory("biwaq_participants", requires=["doc._.dates", _SENTENCES], assigns=["doc._.participant_counts"])
def make_participants(nlp: Language, name: str) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("participant_counts", participants.find, participants.load_resources())


@Language.factory(
    "biwaq_events",
    requires=["doc._.dates", "doc._.places", "doc._.participant_counts", "doc._.organisations", _SENTENCES],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> _RecordSetter:  # noqa: ARG001
    return _RecordSetter("events", events.find, events.load_resources())


def sentence_guesses(texts: list[str], is_punct: list[int], punct_chars: set[str]) -> list[bool]:
    """spaCy's Sentencizer rule over plain token columns: a sentence starts at the first token and at the
    first token after a sentence-final character ("." "!" "?" …) that is neither punctuation nor another
    such character. Only the few sentence ends are visited, not every token.

    >>> sentence_guesses(["Ja", ".", '"', "Nein", "!"], [0, 1, 1, 0, 1], {".", "!"})
    [True, False, False, True, False]
    """
    n = len(texts)
    guesses = [False] * n
    if n:
        guesses[0] = True
        after = 0  # the sentence ends before this token are settled
        for end in compress(range(n), map(punct_chars.__contains__, texts)):
            if end < after:
                continue
            after = end + 1
            while after < n and (is_punct[after] or texts[after] in punct_chars):
                after += 1
            if after < n:
                guesses[after] = True
    return guesses


class ColumnSentencizer(Sentencizer):
    """spaCy's Sentencizer with the same rule and settings, reading the shared token view instead of one
    Token object per token (which was most of its time: 0.2 s over the 2,000 benchmark articles)."""

    def predict(self, docs):
        guesses = []
        for doc in docs:
            tokens = view(doc)
            guesses.append(sentence_guesses(tokens.texts, tokens.is_punct, self.punct_chars))
        return guesses


@Language.factory("biwaq_sentencizer", assigns=["token.is_sent_start"],
                  default_config={"punct_chars": None, "overwrite": False})
def make_sentencizer(nlp: Language, name: str, punct_chars: Optional[list[str]], overwrite: bool) -> ColumnSentencizer:
    """The sentencizer of a pipeline without parser or senter; added under the name "sentencizer"."""
    return ColumnSentencizer(name, punct_chars=punct_chars, overwrite=overwrite)


@Language.component("biwaq_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, the "Datum" line and paragraphs stand alone."""
    tokens = view(doc)  # the shared token view: no Token objects (see nlp/token_view.py)
    texts = tokens.texts
    starts = [i + 1 for i in compress(range(tokens.n - 1), tokens.is_space) if "\n" in texts[i]]  # spaces only
    if not starts:
        return doc
    # One array write: setting Token.is_sent_start checks the whole Doc on every call (quadratic).
    array = doc.to_array([SENT_START])  # 1 = starts a sentence, -1 = does not, 0 = unset
    array[starts] = 1
    doc.from_array([SENT_START], array.reshape(-1, 1))
    return doc
