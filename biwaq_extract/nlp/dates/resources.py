"""The date finder's resources: the rule families' patterns, start rules and word lists of temporal.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from biwaq_extract.nlp.dates.grammar import (
    WS,
    alternation,
    bare_day_pattern,
    day_month_name_pattern,
    day_month_numeric_pattern,
    decade_pattern,
    iso_date_pattern,
    month_pattern,
    numeric_date_pattern,
    quarter_pattern,
    relative_pattern,
    season_pattern,
    year_pattern,
    year_span_pattern,
)
from biwaq_extract.nlp.dates.neighbours import neighbour_pattern, neighbour_triggers
from biwaq_extract.nlp.dates.roles import RoleCues
from biwaq_extract.nlp.dates.start_positions import StartRules, start_rules
from biwaq_extract.nlp.rule_data import load

@dataclass(frozen=True)
class TemporalResources:
    """Compiled patterns and lookup tables built once from temporal.yaml."""

    year_min: int
    year_max: int
    months: dict[str, int]
    month_needs_anchor: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    periods: dict[str, int]
    relative: dict[str, tuple[str, int]]
    season_relative: dict[str, int]
    anchor_words: frozenset[str]
    weekdays: frozenset[str]
    relative_skip_before: frozenset[str]
    relative_skip_after: frozenset[str]
    relative_contrast: frozenset[str]
    not_year_after: frozenset[str]
    not_year_before: frozenset[str]
    year_prepositions: frozenset[str]
    past_cues: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    future_cues: frozenset[str]
    bound_words: frozenset[str]
    neighbour_days: dict[str, int]
    neighbour_day_reach: int
    neighbour_triggers: tuple[str, ...]
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    span_connector: re.Pattern | None = None
    pair_connector: re.Pattern | None = None
    list_connector: re.Pattern | None = None
    prefix: re.Pattern | None = None
    any_connector: re.Pattern | None = None  # a span, pair or list connector (in `fullmatch`)
    starts: StartRules | None = None  # None: data the start rules cannot describe, scan everything
    role_cues: RoleCues = field(default_factory=RoleCues)


@lru_cache(maxsize=1)
def load_resources() -> TemporalResources:
    """Read temporal.yaml and compile every rule family's pattern (once per process)."""
    data = load("temporal")
    lower = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    res = TemporalResources(
        year_min=int(data["year_range"][0]),
        year_max=int(data["year_range"][1]),
        months={k.lower(): int(v) for k, v in data["months"].items()},
        month_needs_anchor=lower(data["month_needs_anchor"]),
        seasons={k.lower(): (int(v[0]), int(v[1])) for k, v in data["seasons"].items()},
        ordinals={k.lower(): int(v) for k, v in data["ordinals"].items()},
        periods={k.lower(): int(v) for k, v in data["periods"].items()},
        relative={re.sub(r"\s+", " ", k.lower()): (v[0], int(v[1])) for k, v in data["relative"].items()},
        season_relative={re.sub(r"\s+", " ", k.lower()): int(v) for k, v in data["season_relative"].items()},
        anchor_words=lower(data["anchor_words"]),
        weekdays=lower(data["weekdays"]),
        relative_skip_before=lower(data["relative_skip_before"]),
        relative_skip_after=lower(data["relative_skip_after"]),
        relative_contrast=lower(data["relative_contrast"]),
        not_year_after=lower(data["not_year_after"]),
        not_year_before=lower(data["not_year_before"]),
        year_prepositions=lower(data["year_prepositions"]),
        past_cues=lower(data["past_cues"]),
        perfect_auxiliaries=lower(data["perfect_auxiliaries"]),
        future_cues=lower(data["future_cues"]),
        role_cues=RoleCues.from_data(data.get("roles") or {}),
        bound_words=lower(data["bound_words"]),
        neighbour_days={str(k).lower(): int(v) for k, v in data["neighbour_days"].items()},
        neighbour_day_reach=int(data["neighbour_day_reach"]),
        neighbour_triggers=neighbour_triggers(data["neighbour_days"]),
    )
    patterns = {
        "numeric_date": numeric_date_pattern(),
        "iso_date": iso_date_pattern(),
        "day_month_numeric": day_month_numeric_pattern(),
        "day_month_name": day_month_name_pattern(data),
        "bare_day": bare_day_pattern(data),
        "month": month_pattern(data),
        "season": season_pattern(data),
        "quarter": quarter_pattern(data),
        "year": year_pattern(data),
        "year_span": year_span_pattern(),
        "decade": decade_pattern(),
        "relative": relative_pattern(data),
        "neighbour_day": neighbour_pattern(data["neighbour_days"]),
        "publication_line": re.compile(r"(?m)^[^\S\n]*Datum[^\S\n]*:?\s{0,20}(?=[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})"),
    }
    span_words = (
        rf"(?:{alternation(data['span_connectors'])}"
        rf"(?:{WS}+{alternation(data['span_connector_adverbs'])})?"
        rf"(?:{WS}+{alternation(data['span_connector_articles'])})?)"
    )
    span_connector = re.compile(rf"{WS}*,?{WS}*{span_words}(?:{WS}+(?:Jahre?|Monat))?{WS}*", re.I)
    pair_connector = re.compile(rf"{WS}*{alternation(data['pair_connectors'])}{WS}*", re.I)
    list_connector = re.compile(rf"{WS}*,{WS}*", re.I)
    return replace(
        res,
        patterns=patterns,
        starts=start_rules(data),
        # "bis zum Jahr 2031": the noun after the connector belongs to the connector. Connectors never
        # cross a line break: the "Datum" line and the next paragraph's "Bis zum ..." are two things.
        span_connector=span_connector,
        pair_connector=pair_connector,
        list_connector=list_connector,
        # (fullmatch of the alternation: one of the three fullmatches)
        any_connector=re.compile("|".join(f"(?:{p.pattern})" for p in (span_connector, pair_connector, list_connector)), re.I),
        prefix=re.compile(rf"(?<!\w){alternation(data['span_prefixes'])}{WS}+$", re.I),
    )

