"""Parse German cardinal numbers ("8.000", "1,5 Millionen", "dreiundzwanzig") into integers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from biwaq_extract.nlp.rule_data import load

# The longest German number word below a million ("siebenhundertsiebenundsiebzigtausend...") has 65
# characters; anything longer is not a number span and not worth scanning.
MAX_CHARS = 100

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_PLAIN = re.compile(r"[0-9]+")
# German thousands separators: "8.000", "1.000.000", also a (thin/no-break) space: "10 000".
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+")
# A decimal with a comma, only meaningful before a scale word: "1,5 Millionen".
_DECIMAL = re.compile(r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})*|[0-9]+),(?P<frac>[0-9]+)")


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """The number words of number_words.yaml, lower-cased (read once per process)."""
    data = load("number_words")
    return {
        "units": {k.lower(): int(v) for k, v in data["units"].items()},
        "tens": {k.lower(): int(v) for k, v in data["tens"].items()},
        "hundred": str(data["hundred"]).lower(),
        "thousand": str(data["thousand"]).lower(),
        "scales": {k.lower(): int(v) for k, v in data["scales"].items()},
        "counting": {k.lower(): int(v) for k, v in data["counting_nouns"].items()},
    }


def _below_100(word: str) -> int | None:
    """ "zwölf" -> 12, "dreiundzwanzig" -> 23, "neunzig" -> 90; None if not a number word below 100."""
    w = _words()
    if word in w["units"]:
        return w["units"][word]
    if word in w["tens"]:
        return w["tens"][word]
    unit, sep, tens = word.partition("und")
    if sep and tens in w["tens"]:
        value = w["units"].get(unit)
        if value is not None and 1 <= value <= 9 and unit not in ("eins", "null"):
            return value + w["tens"][tens]
    return None


def _below_1000(word: str) -> int | None:
    """ "zweihundert" -> 200, "hunderteins" -> 101, "einhundertzwölf" -> 112."""
    hundred = _words()["hundred"]
    if hundred not in word:
        return _below_100(word)
    left, _, right = word.partition(hundred)
    right = right.removeprefix("und")  # "hundertundeins"
    factor = _below_100(left) if left else 1
    rest = _below_100(right) if right else 0
    if factor is None or rest is None or not 1 <= factor <= 9 or (right and rest == 0) or left == "eins":
        return None
    return factor * 100 + rest


def _word_number(word: str) -> int | None:
    """A number written as one German word below one million: "tausend", "zweitausenddreihundert"."""
    word = word.lower().replace("-", "").replace("\u00ad", "")
    thousand = _words()["thousand"]
    if thousand not in word:
        return _below_1000(word)
    left, _, right = word.partition(thousand)
    right = right.removeprefix("und")  # "tausendundeins"
    factor = _below_1000(left) if left else 1
    rest = _below_1000(right) if right else 0
    if factor is None or rest is None or factor == 0 or (right and rest == 0) or left == "eins":
        return None
    return factor * 1000 + rest


def _numeral(token: str) -> int | None:
    if _PLAIN.fullmatch(token) or _GROUPED.fullmatch(token):
        return int(re.sub(r"[. ]", "", token))
    return None


def _scaled(amount: str, scale: int) -> int | None:
    """ "1,5" x 1 000 000 -> 1 500 000; None when the product is not a whole number."""
    m = _DECIMAL.fullmatch(amount)
    if m:
        whole = int(m.group("int").replace(".", ""))
        frac = m.group("frac")
        numerator = (whole * 10 ** len(frac) + int(frac)) * scale
        value, remainder = divmod(numerator, 10 ** len(frac))
        return value if remainder == 0 else None
    base = _numeral(amount)
    if base is None:
        base = _word_number(amount)
    return None if base is None else base * scale


@lru_cache(maxsize=1)
def _word_shape() -> re.Pattern:
    """Words made only of number-word parts ("drei", "und", "zwanzig", "hundert", …): the only words
    `_word_number` can read."""
    w = _words()
    parts = sorted({*w["units"], *w["tens"], w["hundred"], w["thousand"], "und"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(p) for p in parts) + ")+")


def may_be_number(text: str) -> bool:
    """A cheap pre-check for token scans: False only when `parse_german_number(text)` is certainly None.

    A word of letters can only be a number when it is made of number-word parts; anything with other
    characters (digits, separators) is left to the parser.
    """
    if text.isalpha():
        return len(text) <= MAX_CHARS and _word_shape().fullmatch(text.lower()) is not None
    return True


def parse_german_number(text: str) -> int | None:
    """The integer a German number expression names, or None if it is not a whole number.

    >>> [parse_german_number(t) for t in ("8.000", "1,5 Millionen", "2 Mio.", "dreiundzwanzig", "3,5")]
    [8000, 1500000, 2000000, 23, None]

    Digits use "." (or a space) as thousands separator; a comma decimal only counts before a scale word
    ("Millionen", "Mio.", "Tsd."). "ein Dutzend" is 12 (an exact counting noun), "Dutzende" is None.
    """
    if not isinstance(text, str) or len(text) > MAX_CHARS:
        return None
    cleaned = _SPACES.sub(" ", text.replace("\u00ad", "")).strip()
    if not cleaned:
        return None
    # A digit group with spaces is one numeral ("10 000"), not a number and a scale.
    if _GROUPED.fullmatch(cleaned):
        return _numeral(cleaned)
    tokens = cleaned.split(" ")
    w = _words()
    if len(tokens) == 1:
        token = tokens[0]
        value = _numeral(token)
        return value if value is not None else _word_number(token)
    if len(tokens) == 2:
        amount, noun = tokens[0], tokens[1].lower().rstrip(".")
        scale = w["scales"].get(noun) or w["counting"].get(noun)
        if scale is None:
            return None
        return _scaled(amount, scale)
    return None
