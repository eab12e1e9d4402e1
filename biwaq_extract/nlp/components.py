"""Register biwaq's spaCy components and Doc extensions; each wraps one pure finder function."""

from __future__ import annotations

from typing import Any, Callable

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from biwaq_extract.nlp import dates, events, organisations, participants, people, places, programmes
from biwaq_extract.nlp.token_view import view

# Every extension holds a tuple of frozen records (see biwaq_extract.records).
for _name in ("dates", "organisations", "programmes", "places", "people", "participant_counts", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # datetime.date, set by the caller before the pipeline runs


class _RecordSetter:
    """Call a finder on the Doc and store its records on one Doc extension."""

    def __init__(self, attr: str, finder: Callable[[Doc], tuple]):
        self.attr = attr
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attr, tuple(self.finder(doc)))
        return doc


def _factory(name: str, attr: str, module: Any, requires: list[str]) -> None:
    @Language.factory(name, requires=requires, assigns=[f"doc._.{attr}"])
    def make(nlp: Language, name: str) -> _RecordSetter:  # noqa: ARG001
        resources = module.load_resources(nlp)
        return _RecordSetter(attr, lambda doc: module.find(doc, resources))


_factory("biwaq_dates", "dates", dates, ["doc._.published"])
_factory("biwaq_organisations", "organisations", organisations, [])
_factory("biwaq_programmes", "programmes", programmes, [])
_factory("biwaq_places", "places", places, ["doc._.organisations"])
_factory("biwaq_people", "people", people, ["doc._.organisations"])
_factory("biwaq_participants", "participant_counts", participants, ["doc._.dates"])
_factory(
    "biwaq_events",
    "events",
    events,
    ["doc._.dates", "doc._.places", "doc._.participant_counts", "doc._.organisations"],
)


@Language.component("biwaq_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, the "Datum" line and paragraphs stand alone."""
    tokens = view(doc)  # the shared token view: no Token objects (see nlp/token_view.py)
    texts = tokens.texts
    starts = [i + 1 for i, space in enumerate(tokens.is_space[:-1]) if space and "\n" in texts[i]]
    if not starts:
        return doc
    # One array write: setting Token.is_sent_start checks the whole Doc on every call (quadratic).
    array = doc.to_array([SENT_START])  # 1 = starts a sentence, -1 = does not, 0 = unset
    array[starts] = 1
    doc.from_array([SENT_START], array.reshape(-1, 1))
    return doc
