"""The bounded tokenizer: crafted runs are cut so spaCy never sees a long one; the Doc keeps the text and offsets."""

from __future__ import annotations

import pytest
import spacy

from biwaq_extract.nlp.model import pipeline_from
from biwaq_extract.nlp.tokenizer import MAX_MARK_RUN, MAX_RUN, BoundedTokenizer

CRAFTED = {
    "quotes": '"' * 10_000,
    "brackets": "()" * 10_000,
    "low quotes": "„" * 50_000,
    "mixed marks": '"(„' * 10_000,
    "underscores": "_" * 20_000,
    "letters": "ä" * 5_000,
    "emoji and umlauts": "Grüße aus Köln 😀" + "😀„ü" * 3_000 + " Ende.",
    "runs inside prose": "Fachtag in Leipzig: " + '"' * 3_000 + " am 12. Mai 2022 " + "(" * 40 + "Bonn) 😀 Straße",
    "one letter over the run bound": "Text " + "a" * (MAX_RUN + 1) + " Ende",
    "one mark over the mark bound": "Text x" + "»" * (MAX_MARK_RUN + 1) + " Ende",
}
NORMAL = [
    "Fachtag in Leipzig am 12. Mai 2022: rund 120 Teilnehmende (u. a. aus Köln) kamen – z. B. zur „Werkstatt“.",
    "Siehe https://www.esf.de/portal/SharedDocs/Meldungen/DE/2022/fachtag.html?nn=123&x=1 😀 Grüße, Jörg!",
    "Technik-Diversity-Chancengleichheit\n\n" + "-" * MAX_MARK_RUN + "\nEnde... ?\".",
    # a special case first: spaCy caches no chunk after it, the wrapper has cached them before
    "Dr. Anna Berg (Caritas e.V.) und Prof. Jörg Roth: „Werkstatt“, 12.05.2022, 3.000 Euro, Köln-Mülheim.",
]


class Recording:
    """spaCy's tokenizer, remembering every text it was given."""

    def __init__(self, tokenizer):
        self.tokenizer, self.seen = tokenizer, []

    def __call__(self, text):
        self.seen.append(text)
        return self.tokenizer(text)

    def __getattr__(self, name):  # max_cache_size, add_special_case, ...
        return getattr(self.tokenizer, name)


def bounded():
    nlp = spacy.blank("de")
    recording = Recording(nlp.tokenizer)
    return BoundedTokenizer(recording), recording


def longest(pattern: str, texts) -> int:
    import re

    return max((len(m.group()) for t in texts for m in re.finditer(pattern, t)), default=0)


@pytest.mark.parametrize("name", list(CRAFTED))
def test_tokenizer_crafted_runs_reach_spacy_only_in_bounded_pieces(name):
    tokenizer, recording = bounded()
    tokenizer(CRAFTED[name])
    assert longest(r"\S+", recording.seen) <= MAX_RUN
    assert longest(r"(?:[^\w\s]|_)+", recording.seen) <= MAX_MARK_RUN


@pytest.mark.parametrize("name", list(CRAFTED))
def test_tokenizer_doc_keeps_text_and_offsets(name):
    text = CRAFTED[name]
    doc = bounded()[0](text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert "".join(t.text_with_ws for t in doc) == text


@pytest.mark.parametrize("text", NORMAL)
def test_tokenizer_normal_text_is_tokenized_exactly_as_by_spacy(text):
    tokenizer, recording = bounded()
    ours = tokenizer(text)
    theirs = spacy.blank("de").tokenizer(text)
    assert recording.seen[-1] == text  # the Doc is spaCy's for the whole text; before it, only its words
    assert set(recording.seen[:-1]) == set(text.split())
    assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [(t.text, t.whitespace_, t.norm_) for t in theirs]


@pytest.mark.parametrize("texts", [NORMAL[:2], [NORMAL[3], NORMAL[3] + " Dr. Berg"]])
def test_tokenizer_splits_each_word_on_its_own_once(texts):
    tokenizer, recording = bounded()
    for text in texts:
        tokenizer(text)
    words = [seen for seen in recording.seen if seen not in texts]
    assert sorted(words) == sorted({word for text in texts for word in text.split()})


@pytest.mark.parametrize("text", [NORMAL[3]])
def test_tokenizer_tokens_stay_spacys_when_pickled_or_given_a_special_case(text):
    import pickle

    tokenizer = pickle.loads(pickle.dumps(BoundedTokenizer(spacy.blank("de").tokenizer)))
    tokenizer(text)
    tokenizer.add_special_case("Berg", [{"ORTH": "Be"}, {"ORTH": "rg"}])
    reference = spacy.blank("de").tokenizer
    reference.add_special_case("Berg", [{"ORTH": "Be"}, {"ORTH": "rg"}])
    assert [t.text for t in tokenizer(text)] == [t.text for t in reference(text)]
    assert "Be" in [t.text for t in tokenizer(text)]


@pytest.mark.parametrize("text", [CRAFTED["runs inside prose"]])
def test_tokenizer_prose_around_a_crafted_run_is_tokenized_as_before(text):
    doc = bounded()[0](text)
    words = [t.text for t in doc]
    assert words[:4] == ["Fachtag", "in", "Leipzig", ":"]
    assert words[-5:] == ["(", "Bonn", ")", "😀", "Straße"]


@pytest.mark.parametrize("text", [CRAFTED["runs inside prose"] + " Hubertus Heil besuchte das Bundesverwaltungsamt in Köln."])
def test_tokenizer_works_in_a_trained_pipeline(text):
    from test_model import tiny_ner_pipeline

    nlp, info = pipeline_from(tiny_ner_pipeline())
    assert info.statistical and isinstance(nlp.tokenizer, BoundedTokenizer)
    doc = nlp(text)
    assert doc.text == text
    assert {e.label_ for e in doc.ents} <= {"ORG", "PER", "LOC"}
    assert nlp.tokenizer.to_bytes()  # serialisation is the wrapped tokenizer's


@pytest.mark.parametrize("model", ["blank"])
def test_tokenizer_is_installed_once_by_the_loader(model):
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.tokenizer import bound_tokenizer

    nlp, _ = load_pipeline(model)
    wrapped = nlp.tokenizer
    assert isinstance(wrapped, BoundedTokenizer)
    assert bound_tokenizer(nlp).tokenizer is wrapped


@pytest.mark.parametrize("size", [50])
def test_tokenizer_warms_no_more_words_than_spacy_caches(size):
    tokenizer, recording = bounded()
    recording.tokenizer.max_cache_size = size
    text = " ".join(f"Wort{i}" for i in range(3 * size))
    doc = tokenizer(text)
    assert len(recording.seen) == size + 1 and len(tokenizer.warmed) == size
    assert [t.text for t in doc] == text.split()


@pytest.mark.parametrize("copy", ["loaded", "pickled"])
def test_tokenizer_caches_the_words_of_a_long_run(copy):
    import pickle

    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.nlp.tokenizer import CHUNK_CACHE

    nlp, _ = load_pipeline("blank")
    tokenizer = nlp.tokenizer if copy == "loaded" else pickle.loads(pickle.dumps(nlp.tokenizer))
    assert tokenizer.tokenizer.max_cache_size == CHUNK_CACHE > 10_000  # spaCy's default is 10,000
    text = " ".join(f"Wort{i}" for i in range(12_000))
    tokenizer(text)
    assert len(tokenizer.warmed) == 12_000
