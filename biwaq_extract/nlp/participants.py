"""Find participants in a German spaCy Doc (placeholder until its finder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def load_resources(nlp: Language) -> None:
    return None


def find(doc: Doc, resources: None) -> tuple:
    return ()
