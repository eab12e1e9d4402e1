"""Given names for the people and place finders: the gender-guesser dictionary plus our own list."""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources

from spacy.lang.de.stop_words import STOP_WORDS

from biwaq_extract.nlp.rule_data import load


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names: the gender-guesser dictionary plus our additions, minus ordinary German words.

    gender-guesser was chosen over names-dataset because it is 0.4 MB instead of 56 MB, lists about
    45,000 European and world given names (German, Turkish, Arabic, Nordic, Slavic ones included) and
    parses in a few hundredths of a second; names-dataset would dominate pipeline load time.
    """
    data = load("first_names")
    names: set[str] = set(data.get("additions") or ())
    for _code, name in _dictionary_entries():
        names.update(name.replace("+", sep) for sep in ("-", " ") if "+" in name)
        if "+" not in name:
            names.add(name)
    blocked = set(data.get("not_first_names") or ())
    return frozenset(n for n in names if n not in blocked and n.lower() not in STOP_WORDS and n[:1].isupper())


def _dictionary_entries() -> list[tuple[str, str]]:
    """(gender code, name) of every entry of gender-guesser's dictionary; none when it is not installed
    (the dictionary is optional: our own additions still work)."""
    entries = []
    try:
        path = importlib_resources.files("gender_guesser") / "data" / "nam_dict.txt"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line[:1] in "#=" or len(line) < 30:
                    continue
                code, name = line.split()[:2]
                entries.append((code, name))
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    return entries


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given name -> "f" or "m", as the gender-guesser dictionary lists it first ("Hanna" f, "Ken" m);
    names it lists only as unisex are left out. Roles written for a group ("die Geschäftsführer*innen
    X und Y") are given to each person in that person's form."""
    genders: dict[str, str] = {}
    for code, name in _dictionary_entries():
        if name not in genders and code[-1:] in ("F", "M"):
            genders[name.replace("+", "-")] = code[-1].lower()
    return genders
