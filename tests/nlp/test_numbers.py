"""Tests for biwaq_extract.nlp.numbers: German cardinal numbers in digits and words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biwaq_extract.nlp.numbers import may_be_number, parse_german_number

# Reference spelling of German number words below 1000, written independently of the parser.
_UNITS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
          "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
_TENS = {2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig", 8: "achtzig",
         9: "neunzig"}


def german_words(n: int) -> str:
    """ "einundzwanzig", "dreihundertzwölf", "einhundert": the standard spelling of 0..999."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] if unit == 0 else ("ein" if unit == 1 else _UNITS[unit]) + "und" + _TENS[tens]
    hundreds, rest = divmod(n, 100)
    return ("ein" if hundreds == 1 else _UNITS[hundreds]) + "hundert" + (german_words(rest) if rest else "")


def format_german(n: int) -> str:
    """Digits with "." as thousands separator: 1234567 -> "1.234.567"."""
    return f"{n:,}".replace(",", ".")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("8.000", 8000),
        ("98.900", 98900),
        ("1.243", 1243),
        ("80", 80),
        ("0", 0),
        ("1.000.000", 1_000_000),
        ("10\u202f000", 10000),
        ("1,5 Millionen", 1_500_000),
        ("2 Mio.", 2_000_000),
        ("2,25 Mio", 2_250_000),
        ("eine Million", 1_000_000),
        ("3 Tsd.", 3000),
        ("zwanzig", 20),
        ("zweihundert", 200),
        ("dreiundzwanzig", 23),
        ("zwölf", 12),
        ("Zwölf", 12),
        ("tausend", 1000),
        ("Tausend", 1000),
        ("zweitausend", 2000),
        ("dreitausendfünfhundert", 3500),
        ("hundert", 100),
        ("hunderteins", 101),
        ("ein Dutzend", 12),
        ("zwei Dutzend", 24),
        ("  80 ", 80),
    ],
)
def test_numbers_parses(text, expected):
    assert parse_german_number(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", " ", "3,5", "1.5", "12.34", "0,5", "abc", "Dutzende", "Hunderte", "Millionen", "2,5 Euro", "einsundzwanzig",
     "zehnhundertzehn", "80 Teilnehmende", "1,2345678 Mio", "-5", "5%", "1" * 200, "drei vier fünf", None],
)
def test_numbers_rejects(text):
    assert parse_german_number(text) is None


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=10_000_000))
def test_numbers_property_digits_round_trip(n):
    assert parse_german_number(format_german(n)) == n
    assert parse_german_number(str(n)) == n


@pytest.mark.parametrize("n", range(1000))
def test_numbers_words_round_trip(n):
    assert parse_german_number(german_words(n)) == n


@settings(max_examples=200, deadline=None)
@given(thousands=st.integers(min_value=1, max_value=999), rest=st.integers(min_value=0, max_value=999))
def test_numbers_property_thousands_words_round_trip(thousands, rest):
    words = ("ein" if thousands == 1 else german_words(thousands)) + "tausend" + (german_words(rest) if rest else "")
    assert parse_german_number(words) == thousands * 1000 + rest


@pytest.mark.parametrize("n", range(0, 1000, 7))
def test_numbers_pre_check_keeps_number_words(n):
    assert may_be_number(german_words(n))
    assert may_be_number(german_words(n).capitalize())


@pytest.mark.parametrize("text", ["Einrichtung", "Teilnehmende", "Dutzende", "einsx", "x" * 200])
def test_numbers_pre_check_drops_other_words(text):
    assert not may_be_number(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="einszwdrvfüfchbtalgßuhndrtaueNZE-0.,", max_size=30))
def test_numbers_property_pre_check_never_drops_a_number(text):
    if not may_be_number(text):
        assert parse_german_number(text) is None
