"""The German temporal grammar: one regular expression per rule family, built from temporal.yaml."""

from __future__ import annotations

import re
from typing import Any

DASH = "-\u2010\u2011\u2012\u2013\u2014"
WS = r"[^\S\n]"  # horizontal whitespace incl. no-break and thin spaces, but not a line break


def alternation(words: Any) -> str:
    """Regex alternation of literal words, longest first so that "sept" wins over "sep"."""
    escaped = sorted({re.escape(str(w)).replace(r"\ ", WS + "+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def prefix_tree(words: Any) -> str:
    """Regex for a set of literal words as a prefix tree, which `re` tries far faster than a flat
    alternation; like a longest-first alternation it matches the longest word it can.

    >>> prefix_tree(["mai", "märz", "mär"])
    'm(?:ai|är(?:z)?)'
    """
    words = set(words)
    if words == {""}:
        return ""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        branches.append(re.escape(first) + prefix_tree({w[1:] for w in words if w.startswith(first)}))
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


# ------------------------------------------------------------------------------------- rule families
# Each function returns the compiled pattern of one rule family. Digits are [0-9], not \d, so that
# other scripts' digits never become dates.

_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9]|2100)"
_YEAR_END = r"(?![0-9A-Za-zÄÖÜäöüß]|[.,][0-9])"  # not glued to a longer number or word


def _month_names(data: dict[str, Any]) -> str:
    """Month names; abbreviations ("Sept.", "Feb.") may carry their dot, full names ("Mai.") may not,
    so that a sentence's full stop stays outside the date."""
    abbreviations = {str(a).lower() for a in data["month_needs_anchor"]}
    full = [m for m in data["months"] if str(m).lower() not in abbreviations]
    return rf"(?:{alternation(abbreviations)}\.?(?!\w)|{alternation(full)}(?!\w))"


def numeric_date_pattern() -> re.Pattern:
    """Day-first numeric dates with a four-digit year.

    >>> bool(numeric_date_pattern().search("am 12.11.2019 in Bonn"))
    True

    Matches "12.11.2019", "1.5.2020", "01. 07. 2024"; not "1.243" or "2.000.000".
    """
    return re.compile(
        rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.{WS}?(?P<month>[01]?[0-9])\.{WS}?(?P<year>{_YEAR}){_YEAR_END}"
    )


def iso_date_pattern() -> re.Pattern:
    """ISO dates as some articles print them: "2019-11-12"."""
    return re.compile(rf"(?<![0-9.,\-])(?P<year>{_YEAR})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])")


def day_month_numeric_pattern() -> re.Pattern:
    """Day and month without a year, with the closing dot: "am 3.5.", "bis 12.11." (anchor needed)."""
    return re.compile(r"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.(?P<month>[01]?[0-9])\.(?![0-9]|\s?[0-9])")


def day_month_name_pattern(data: dict[str, Any]) -> re.Pattern:
    """Day with a month name and an optional year.

    Matches "25. September 2019", "01. Juli 2024", "3. Mai", "16. Sept. 2021", "1. Jänner 2020".
    """
    months = _month_names(data)
    return re.compile(
        rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.?{WS}{{0,3}}(?P<month>{months})(?!\w)"
        rf"(?:{WS}{{1,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def bare_day_pattern(data: dict[str, Any]) -> re.Pattern:
    """A day number left of a connector, whose month follows: "3." in "vom 3. bis 5. Mai",
    "10." in "10.–12. Mai 2022", "25." in "25. und 26. September" or "25./26. September"."""
    connectors = alternation(list(data["span_connectors"]) + list(data["pair_connectors"]) + [","])
    return re.compile(rf"(?<![0-9.,])(?P<day>[0-3]?[0-9])\.(?={WS}{{0,3}}{connectors})", re.I)


def month_pattern(data: dict[str, Any]) -> re.Pattern:
    """A month name, optionally qualified, with an optional year.

    Matches "März 2021", "im März", "Ende März", "Anfang Februar 2024", "Ende des Monats August",
    "Januar 2023"; a month without year counts only after an anchor word (checked in code).
    """
    months = _month_names(data)
    quals = alternation(data["qualifiers"])
    return re.compile(
        rf"(?<![\w.])(?:(?P<qual>{quals}){WS}{{1,3}}(?:des{WS}{{1,3}}Monats{WS}{{1,3}})?)?"
        rf"(?P<month>{months})(?![\w\-])"
        rf"(?:{WS}{{1,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def season_pattern(data: dict[str, Any]) -> re.Pattern:
    """A meteorological season with an optional year or year pair.

    Matches "Herbst 2020", "im Frühjahr", "Sommer 2023", "Winter 2022/2023", "Ende des Sommers 2021",
    "diesen Sommer" (relative), not "Sommerferien" or "Sommer-Akademie".
    """
    seasons = alternation(data["seasons"].keys())
    quals = alternation(data["qualifiers"])
    rel = alternation(data["season_relative"].keys())
    return re.compile(
        rf"(?<![\w.])(?:(?P<rel>{rel}){WS}{{1,3}})?"
        rf"(?:(?P<qual>{quals}){WS}{{1,3}}(?:des{WS}{{1,3}})?)?"
        rf"(?P<season>{seasons})(?:e?s)?(?![\w\-])"
        rf"(?:{WS}{{1,3}}(?P<year>{_YEAR})(?:{WS}?/{WS}?(?P<year2>{_YEAR}|[0-9]{{2}}))?{_YEAR_END})?",
        re.I,
    )


def quarter_pattern(data: dict[str, Any]) -> re.Pattern:
    """Quarters and half-years with an optional year.

    Matches "im zweiten Quartal 2022", "2. Quartal", "Q3 2021", "Q3/2021", "ersten Halbjahr 2023",
    "des dritten Quartals 2020".
    """
    ordinals = alternation(data["ordinals"].keys())
    periods = alternation(data["periods"].keys())
    return re.compile(
        rf"(?<![\w.])(?:(?P<ord>{ordinals}|[1-4]\.){WS}{{1,3}}(?P<period>{periods})(?!\w)|Q(?P<q>[1-4])(?!\w))"
        rf"(?:{WS}{{0,3}}/?{WS}{{0,3}}(?P<year>{_YEAR}){_YEAR_END})?",
        re.I,
    )


def year_pattern(data: dict[str, Any]) -> re.Pattern:
    """A year, optionally qualified: "2017", "seit 2008", "Ende 2018", "Mitte des Jahres 2020".

    Not "2.019", "12019", "2019,5" or "§ 2019"; counts and codes are filtered in code by their
    neighbouring words (temporal.yaml `not_year_before` / `not_year_after`).
    """
    quals = alternation(data["qualifiers"])
    return re.compile(
        rf"(?<![\w§])(?<![0-9][.,:/])"
        rf"(?:(?P<qual>{quals}){WS}{{1,3}}(?:(?:des|dieses){WS}{{1,3}}Jahres{WS}{{1,3}})?)?"
        rf"(?P<year>{_YEAR}){_YEAR_END}",
        re.I,
    )


def year_span_pattern() -> re.Pattern:
    """Two years joined by a dash or slash: "2019-2022", "2019–2022", "2021 - 2027", "2019/20"."""
    return re.compile(
        rf"(?<![\w§.,])(?P<year>{_YEAR}){WS}?[{DASH}/]{WS}?(?P<year2>{_YEAR}|[0-9]{{2}}){_YEAR_END}"
    )


def decade_pattern() -> re.Pattern:
    """A decade: "1990er Jahre", "in den 2010er-Jahren"."""
    return re.compile(r"(?<![\w.,])(?P<year>(?:19[5-9]|20[0-9])0)er[\s\-]{1,3}Jahren?(?!\w)", re.I)


def relative_pattern(data: dict[str, Any]) -> re.Pattern:
    """Relative expressions from temporal.yaml: "dieses Jahr", "im vergangenen Jahr", "heute"."""
    return re.compile(rf"(?<![\w])(?P<rel>{alternation(data['relative'].keys())})(?!\w)", re.I)


