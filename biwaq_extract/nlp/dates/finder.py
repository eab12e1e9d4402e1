"""Find German date expressions in a Doc and normalise each to an inclusive interval with a granularity.

Why regular expressions over `doc.text` and not a token Matcher: the spaCy German tokenizer keeps
"10.–12.", "25./26.", "3.5." and "2019–2022" as single tokens but splits "2019 - 2022" into three,
so a token grammar would need a pattern for every tokenisation of the same expression. A grammar over
characters sees them alike, gives exact character offsets, and does not depend on any model; tokens are
only used afterwards to find the evidence sentence.

How it works, in three passes:
1. atoms (atoms.py): each rule family (one function `<family>_pattern` each in grammar.py, examples in its docstring) finds
   expressions that name one day, month, season, quarter, year, or a relative expression; an atom may
   lack its month or year ("3." in "3. bis 5. Mai", "im März");
2. spans (spans.py): neighbouring atoms joined by a connector ("bis", "–", "und" for adjacent units, anything after
   "zwischen") become one interval; missing months and years are inherited from the right-hand side;
3. resolution (resolution.py): a year still missing comes from the publication date (see `resolve_year`), or
   without one from the text's other dates (`context_years`), invalid
   dates ("31. Februar") are dropped, and every record keeps surface offsets into the original text.

dateparser is deliberately not used: every span is normalised from the fields the grammar already
parsed, with `datetime`, which is exact, fast and never searches text.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from biwaq_extract.nlp.dates.atoms import in_url, match_atoms, select
from biwaq_extract.nlp.dates.neighbours import neighbour_days
from biwaq_extract.nlp.dates.resolution import context_years, granularity, span_interval
from biwaq_extract.nlp.dates.resources import TemporalResources
from biwaq_extract.nlp.dates.roles import cue_role
from biwaq_extract.nlp.dates.spans import join_spans
from biwaq_extract.nlp.sentences import sentence_index
from biwaq_extract.nlp.token_view import doc_text
from biwaq_extract.records import DateMention

# Characters that do not change meaning and are removed before matching (offsets are mapped back):
# soft hyphen, zero-width space/joiners, word joiner, byte-order mark.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# HTML remnants read as one space.
_ENTITY_SPACE = re.compile(r"&(?:nbsp|#160|#xa0);", re.I)


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """Remove invisible characters and read HTML space entities as spaces.

    Returns the text to match and, when it differs, the original offset of every character of it
    plus one trailing entry for the end.
    """
    if not any(c in text for c in _INVISIBLE) and "&" not in text:
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _INVISIBLE:
            i += 1
            continue
        if c == "&":
            m = _ENTITY_SPACE.match(text, i)
            if m:
                out.append(" ")
                offsets.append(i)
                i = m.end()
                continue
        out.append(c)
        offsets.append(i)
        i += 1
    offsets.append(n)
    norm = "".join(out)
    if len(norm) == n:
        return norm, None
    return norm, offsets


def _published(doc: Doc) -> dt.date | None:
    value = doc._.published if Doc.has_extension("published") else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def find(doc: Doc, resources: TemporalResources) -> tuple[DateMention, ...]:
    """Every date expression in the Doc as a DateMention, in text order (a pure function of the Doc)."""
    res = resources
    original = doc_text(doc)
    if not original.strip():
        return ()
    published = _published(doc)
    text, offsets = _normalise(original)
    atoms = select(match_atoms(text, published, res), text, res)
    sentences = sentence_index(doc).text_at
    out: list[DateMention] = []
    quiet: dict[str, bool] = {}  # sentences without a role cue (see `cue_role`)
    tenses: dict[str, tuple[bool, bool]] = {}  # each sentence's tense cues (see `resolve_year`)
    spans = [span for span in join_spans(text, atoms, res) if not in_url(text, span.start)]
    years = context_years(spans, text, res.bound_words) if published is None else [None] * len(spans)
    for span, context_year in zip(spans, years):
        start_char = offsets[span.start] if offsets else span.start
        end_char = offsets[span.end - 1] + 1 if offsets else span.end
        sentence = sentences(start_char, end_char)
        interval = span_interval(span, published, sentence, res, context_year, tenses)
        if interval is None:
            continue
        publication = span.right is None and span.left.publication
        out.append(
            DateMention(
                text=original[start_char:end_char],
                start_char=start_char,
                end_char=end_char,
                start=interval[0],
                end=interval[1],
                granularity=granularity(span),
                rule="publication_line" if publication else span.rule,
                sentence=sentence,
                role="publication" if publication else cue_role(original, start_char, end_char, sentence, res.role_cues, quiet),
            )
        )
    if any(t in original for t in res.neighbour_triggers):  # rare: most texts have no "am Vorabend"
        out.extend(neighbour_days(original, out, res.patterns["neighbour_day"], res.neighbour_days,
                                  res.neighbour_day_reach, sentences))
        out.sort(key=lambda d: d.start_char)
    return tuple(out)

