"""Event nouns: which words are, or end in, a gathering noun; the answers remembered across Docs."""

from __future__ import annotations

import pytest

from biwaq_extract.nlp import event_nouns
from biwaq_extract.nlp.events import load_rules


@pytest.mark.parametrize(
    "words",
    [
        {"entwicklungswerkstatt", "fachtages", "haus", "2024", "der", "kooperationspartnerinnen", "tag", "ab"},
        {"konferenzen", "workshops", "berlin", "", "-"},
    ],
)
def test_event_nouns_suffix_memo_same_as_endswith(words):
    groups = (("werkstatt", "tag", "tages", "workshop", "workshops", "konferenz"), ("haus", "zentrum"))
    memo = event_nouns.SuffixMemo(*groups)
    expected = tuple({w for w in words if w.endswith(g)} for g in groups)
    assert memo.matching(words) == expected
    assert memo.matching(words) == expected  # the second time from what it remembers


@pytest.mark.parametrize(
    "word, genitive, head",
    [
        ("Entwicklungswerkstatt", False, ("werkstatt", "workshop")),
        ("Kongresses", True, ("kongress", "conference")),
        ("Kongresses", False, None),  # without a genitive article no genitive ending is cut
        ("Nachmittag", False, None),
    ],
)
def test_event_nouns_event_head_remembered(word, genitive, head, monkeypatch):
    rules = load_rules()
    assert event_nouns.event_head(word, rules, genitive) == head
    assert event_nouns.event_head(word, rules, genitive) == head
    monkeypatch.setattr(event_nouns, "MAX_HEAD_WORDS", -1)  # forget all answers before every word
    assert event_nouns.event_head(word, rules, genitive) == head


@pytest.mark.parametrize("word, head", [("Werkstätten", ("werkstatt", "workshop")), ("Seminare", ("seminar", "seminar"))])
def test_event_nouns_plural_head_of_a_plural(word, head):
    rules = load_rules()
    assert event_nouns.plural_head(word, rules) == head
    assert event_nouns.plural_head(word, rules) == head
