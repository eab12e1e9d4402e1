"""Reporting: one self-contained `report.html` per run for the data steward who checks it before archiving.

The page holds the run's facts (input, model, versions, duration), row counts per table, the quarantine with
reasons, a "needs review" list, and every document's text with its extracted mentions highlighted in
displaCy's entity style next to the table rows they became. Rows link to their document (`#doc-<id>`) and to
their highlight (`#m-<row id>`); highlights link back to their row.

Why not `spacy.displacy.render(style="ent")` itself: its entity renderer assumes non-overlapping spans, and
ours overlap (a place inside an organisation's name, a date inside a count's phrase). The markup below is
displaCy's (`<mark class="entity">` + label, its colours and spacing) with proper nesting; everything is
escaped, CSS is inline, and there is no script and no external asset, so the page opens offline.

`build_report` is pure (records and tables in, a string out); `write_report` reads the tables the run just
wrote and writes the page atomically.
"""

from __future__ import annotations

import datetime as dt
import html
import platform
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from bisect import insort
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from biwaq_extract.atomic import atomic_write_text
from biwaq_extract.records import DocumentResult, QuarantineRecord, RunSummary

REPORT_FILE = "report.html"

# Documents shown with their text. A steward reads a few hundred articles at most in one sitting, and a
# browser stays responsive up to a page of ~10 MB: 200 generated newsletter articles (~200 words each) make
# 3 MB and take 1 s to render, so 500 stay under 8 MB and 3 s. Larger runs count the rest; every row stays
# in the tables.
MAX_DOCUMENTS = 500
# Rows of the "needs review" and quarantine lists; the tables have them all.
MAX_LISTED = 2000
ROWS_PER_SLICE = 5000


@dataclass(frozen=True)
class Kind:
    """One kind of highlighted mention: the table it lives in, its id column, label, colour and shown columns."""

    name: str
    table: str
    id_column: str
    label: str
    colour: str  # displaCy's default colour for the closest spaCy label
    columns: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("date", "dates", "date_id", "DATE", "#bfe1d9", ("start_date", "end_date", "granularity", "role", "rule")),
    Kind("org", "org_mentions", "mention_id", "ORG", "#7aecec", ("org_id", "rule")),
    Kind("programme", "programme_mentions", "mention_id", "PROG", "#bfeeb7", ("programme_id", "rule")),
    Kind("person", "person_mentions", "mention_id", "PER", "#aa9cfc", ("role", "organisation", "org_id")),
    Kind("place", "place_mentions", "mention_id", "LOC", "#feca74", ("place_id", "rule")),
    Kind("event", "events", "event_id", "EVENT", "#ffeb80",
         ("type", "name", "start_date", "end_date", "location", "participants", "organisers")),
    Kind("count", "participant_counts", "count_id", "COUNT", "#e4e7d2", ("count", "qualifier", "who", "event_id")),
)
KIND_BY_TABLE = {k.table: k for k in KINDS}


# --- what needs review ----------------------------------------------------------------------------------


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def review_reasons(kind: str, row: Mapping) -> list[str]:
    """Why a table row needs a steward's look; empty when it does not.

    >>> review_reasons("org", {"org_id": "text:stadtteilbuero-nord"})
    ['organisation not in the gazetteer']
    >>> review_reasons("event", {"start_date": None})
    ['event without a date']
    >>> review_reasons("person", {"role": None, "organisation": "BMAS"})
    ['person without a role']
    """
    reasons = []
    if kind == "org" and str(row.get("org_id") or "").startswith("text:"):
        reasons.append("organisation not in the gazetteer")
    elif kind == "event" and _missing(row.get("start_date")):
        reasons.append("event without a date")
    elif kind == "person":
        if _missing(row.get("role")):
            reasons.append("person without a role")
        if _missing(row.get("organisation")):
            reasons.append("person without an organisation")
    elif kind == "place" and str(row.get("place_id") or "").startswith("place:"):
        reasons.append("place not in the gazetteer")
    return reasons


# --- highlighting ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A highlight: character range, kind, the row id it came from and whether that row is flagged."""

    start: int
    end: int
    kind: Kind
    row_id: str
    flagged: bool
    title: str = ""


def _esc(value) -> str:
    return html.escape("" if _missing(value) else str(value), quote=True)


def _frag(prefix: str, value: str) -> str:
    """A fragment link target; ids are percent-encoded in hrefs, browsers decode them before matching."""
    return f"#{prefix}{quote(str(value), safe='')}"


def _open(span: Span, first: bool) -> str:
    flag = " flag" if span.flagged else ""
    anchor = f' id="m-{_esc(span.row_id)}"' if first else ""
    return (f'<mark class="entity k-{span.kind.name}{flag}"{anchor} data-kind="{span.kind.name}"'
            f' title="{_esc(span.title)}">')


def _close(span: Span, last: bool) -> str:
    if not last:
        return "</mark>"
    return (f'<a class="label" href="{_frag("row-", span.row_id)}">{span.kind.label}</a></mark>')


def highlight(text: str, spans: Iterable[Span]) -> str:
    """The text, escaped, with every span as a displaCy-style <mark>; overlapping spans nest.

    Crossing spans (neither inside the other) are closed and reopened at the crossing so the HTML stays
    well-formed; the label and the id appear once per span (label at its end, id at its start).

    >>> k = KINDS[0]
    >>> highlight("am 3. Mai", [Span(3, 9, k, "d1", False)])  # doctest: +ELLIPSIS
    'am <mark class="entity k-date" id="m-d1" ...>3. Mai<a class="label" href="#row-d1">DATE</a></mark>'
    """
    valid = sorted(
        {s for s in spans if 0 <= s.start < s.end <= len(text)},
        key=lambda s: (s.start, -s.end, s.kind.name, s.row_id),
    )
    bounds = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    starting: dict[int, list[Span]] = defaultdict(list)
    for s in valid:
        starting[s.start].append(s)  # already longest first
    out: list[str] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for i, pos in enumerate(bounds):
        # close what ends here; spans above one that ends are closed and reopened (continuations)
        ending = [s for s in stack if s.end == pos]
        if ending:
            lowest = min(stack.index(s) for s in ending)
            above = stack[lowest:]
            for s in reversed(above):
                out.append(_close(s, last=s.end == pos))
            stack = stack[:lowest]
            reopen = [s for s in above if s.end != pos]
            for s in reopen:
                out.append(_open(s, first=False))
                stack.append(s)
        for s in starting.get(pos, ()):
            # a span opening inside one that ends earlier than it would cross it: fine, handled at that end
            out.append(_open(s, first=s not in opened))
            opened.add(s)
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(html.escape(text[pos : bounds[i + 1]], quote=False))
    return "".join(out)


# --- the page ----------------------------------------------------------------------------------------------


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;color:#222}
h1{font-size:1.5rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
section.document{border:1px solid #ccc;border-radius:.4rem;padding:.6rem 1rem;margin:1.2rem 0}
section.document.has-flags{border-left:6px solid #e8a33d}section.document.failed{border-left:6px solid #c0392b}
.doc-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
.entities{line-height:2.5;white-space:pre-wrap;font-size:.95rem}
mark.entity{padding:.45em .6em;margin:0 .25em;line-height:1;border-radius:.35em}
mark.entity .label{font-size:.8em;font-weight:bold;line-height:1;border-radius:.35em;vertical-align:middle;margin-left:.5rem;color:#222;text-decoration:none}
mark.entity mark.entity{padding:.2em .3em}
mark.flag{outline:2px dashed #c0392b;outline-offset:1px}
tr.flag td{background:#fdecea}.reasons{color:#c0392b;font-weight:bold}
.error{color:#c0392b;font-weight:bold}.muted{color:#777}
.legend mark{margin-right:.5rem}
.records{overflow-x:auto}.records h4{margin:.6rem 0 .1rem;font-size:.9rem}
a.doc-link{font-size:.8em;white-space:nowrap}
""" + "".join(f"mark.k-{k.name}{{background:{k.colour}}}\n" for k in KINDS)


def _table(headers: Sequence[str], rows: Iterable[str], cls: str = "") -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    cls_attr = f' class="{cls}"' if cls else ""
    return f"<table{cls_attr}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cell(value) -> str:
    if _missing(value):
        return '<td class="muted">–</td>'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"<td>{_esc(value)}</td>"


def _duration(summary: RunSummary) -> str:
    try:
        seconds = (dt.datetime.fromisoformat(summary.finished_at) - dt.datetime.fromisoformat(summary.started_at)).total_seconds()
    except (TypeError, ValueError):
        return "unknown"
    return f"{seconds:.0f} s"


def _facts(summary: RunSummary) -> str:
    m = summary.model
    model = f"{m.name} {m.version}" + (" (statistical)" if m.statistical else " (rule-only: no trained model)")
    extra = summary.extra or {}
    facts = [
        ("run id", summary.run_id),
        ("input", extra.get("input", "")),
        ("started", summary.started_at),
        ("finished", summary.finished_at),
        ("duration", _duration(summary)),
        ("documents", f"{summary.documents_in} in, {summary.documents_ok} extracted, {summary.documents_failed} quarantined"),
        ("model", model),
        ("pipeline components", ", ".join(m.components)),
        ("versions", f"biwaq-extract {summary.package_version}, spaCy {m.spacy_version}, Python {platform.python_version()}"),
        ("settings hash", summary.settings_hash),
    ] + [(str(k), str(v)) for k, v in sorted(extra.items()) if k != "input"]
    items = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in facts)
    return f'<section id="run"><h2>Run</h2><dl class="facts">{items}</dl></section>'


def _counts(run_counts: Mapping[str, int], dataset_counts: Mapping[str, int]) -> str:
    rows = [
        f'<tr data-table="{_esc(name)}"><td>{_esc(name)}</td><td>{run_counts.get(name, "")}</td>'
        f"<td>{dataset_counts.get(name, '')}</td></tr>"
        for name in dict.fromkeys(list(run_counts) + list(dataset_counts))
    ]
    total = sum(n for name, n in run_counts.items() if name != "runs")
    return ('<section id="tables"><h2>Tables</h2><p>Rows from this run\'s documents, and in the whole dataset '
            "after the run (tables/*.parquet, csv/, dataset.duckdb).</p>"
            + _table(("table", "this run", "dataset"), rows)
            + f'<p class="run-rows">This run: {total} rows (the runs table\'s rows_out).</p></section>')


def _doc_link(document_id: str, shown: bool) -> str:
    if not shown:
        return f'<span class="muted">{_esc(document_id)}</span>'
    return f'<a class="doc-link" href="{_frag("doc-", document_id)}">{_esc(document_id)}</a>'


def _quarantine(quarantine: Sequence[QuarantineRecord], shown: set[str]) -> str:
    rows = [
        f'<tr class="quarantined"><td>{_doc_link(q.document_id, q.document_id in shown)}</td><td>{_esc(q.stage)}</td>'
        f'<td class="reason">{_esc(q.reason)}</td>{_cell(q.source)}</tr>'
        for q in list(quarantine)[:MAX_LISTED]
    ]
    body = (_table(("document", "stage", "reason", "source"), rows, "quarantine") if rows
            else "<p>No document was quarantined.</p>")
    more = (f"<p>{len(quarantine) - MAX_LISTED} more in the quarantine table.</p>" if len(quarantine) > MAX_LISTED else "")
    return f'<section id="quarantine"><h2>Quarantine ({len(quarantine)})</h2>{body}{more}</section>'


class Flagged:
    """Rows that need review: counts by reason for all, the rows themselves only for the first MAX_LISTED
    (by document, position, kind), so a run with many flags does not hold them all."""

    def __init__(self) -> None:
        self.total = 0
        self.by_reason: dict[str, int] = defaultdict(int)
        self._rows: list[tuple[tuple, Kind, Mapping, list[str]]] = []

    def add(self, kind: Kind, row: Mapping, reasons: list[str]) -> None:
        self.total += 1
        for r in reasons:
            self.by_reason[r] += 1
        self._rows.append(((str(row["document_id"]), int(row["start_char"]), kind.name), kind, row, reasons))
        if len(self._rows) >= 2 * MAX_LISTED:
            self._trim()

    def _trim(self) -> None:
        self._rows.sort(key=lambda f: f[0])
        del self._rows[MAX_LISTED:]

    def listed(self) -> list[tuple[Kind, Mapping, list[str]]]:
        self._trim()
        return [(kind, row, reasons) for _, kind, row, reasons in self._rows]


def _review(flagged: Flagged, shown: set[str]) -> str:
    summary = "".join(f"<li>{_esc(r)}: {n}</li>" for r, n in sorted(flagged.by_reason.items()))
    rows = []
    for kind, row, reasons in flagged.listed():
        rid = str(row[kind.id_column])
        doc_id = str(row["document_id"])
        target = (f'<a href="{_frag("m-", rid)}">{_esc(row["text"])}</a>' if doc_id in shown else _esc(row["text"]))
        rows.append(f'<tr class="flag" data-kind="{kind.name}"><td>{_doc_link(doc_id, doc_id in shown)}</td>'
                    f"<td>{kind.label}</td><td>{target}</td><td class=\"reasons\">{_esc('; '.join(reasons))}</td></tr>")
    body = (f"<ul>{summary}</ul>" + _table(("document", "kind", "text", "why"), rows, "review")
            if rows else "<p>Nothing flagged.</p>")
    more = f"<p>{flagged.total - MAX_LISTED} more not listed.</p>" if flagged.total > MAX_LISTED else ""
    return f'<section id="needs-review"><h2>Needs review ({flagged.total})</h2>{body}{more}</section>'


def _legend() -> str:
    marks = "".join(f'<mark class="entity k-{k.name}">{k.name}<span class="label">{k.label}</span></mark>' for k in KINDS)
    return (f'<p class="legend">{marks} <mark class="entity flag">flagged</mark> '
            "Click a label to jump to its row, a row's text to its highlight.</p>")


def _document_section(result: DocumentResult, rows_by_kind: Mapping[str, list[Mapping]]) -> tuple[str, int]:
    doc = result.document
    spans, record_html, n_flags = [], [], 0
    for kind in KINDS:
        rows = rows_by_kind.get(kind.name, [])
        if not rows:
            continue
        trs = []
        for row in sorted(rows, key=lambda r: (int(r["start_char"]), int(r["end_char"]))):
            reasons = review_reasons(kind.name, row)
            n_flags += bool(reasons)
            rid = str(row[kind.id_column])
            page = [] if _missing(row.get("page")) else [f"page {int(row['page'])}"]  # PDF documents only
            title = "; ".join(page + [f"{c}: {row.get(c)}" for c in kind.columns if not _missing(row.get(c))] + reasons)
            spans.append(Span(int(row["start_char"]), int(row["end_char"]), kind, rid, bool(reasons), title))
            cls = ' class="flag"' if reasons else ""
            trs.append(
                f'<tr id="row-{_esc(rid)}"{cls} data-kind="{kind.name}">'
                f'<td><a href="{_frag("m-", rid)}">{_esc(row["text"])}</a> {_doc_link(doc.id, True)}</td>'
                + "".join(_cell(row.get(c)) for c in kind.columns)
                + f'<td class="reasons">{_esc("; ".join(reasons))}</td></tr>'
            )
        record_html.append(f"<h4>{kind.label} · {_esc(kind.table)} ({len(rows)})</h4>"
                           + _table(("text", *kind.columns, "review"), trs, f"records {kind.table}"))
    classes = "document" + (" failed" if result.error else "") + (" has-flags" if n_flags else "")
    meta = " · ".join(_esc(v) for v in (doc.published, doc.url) if not _missing(v))
    title = _esc(doc.title) if doc.title else _esc(doc.id)
    head = (f'<h3>{title}</h3><p class="muted">{_esc(doc.id)}{" · " + meta if meta else ""}'
            f"{f' · {n_flags} flagged' if n_flags else ''}</p>")
    if result.error:
        body = f'<p class="error">quarantined ({_esc(result.error_stage)}): {_esc(result.error)}</p>'
    else:
        body = (f'<div class="doc-grid"><div class="entities">{highlight(doc.text, spans)}</div>'
                f'<div class="records">{"".join(record_html) or "<p>No records.</p>"}</div></div>')
    return f'<section class="{classes}" id="doc-{_esc(doc.id)}" data-document-id="{_esc(doc.id)}">{head}{body}</section>', n_flags


class ReportSample:
    """What the report needs of a run's results, collected as they stream in: every document id, and the
    results of the `max_documents` documents it shows (the first by id; a repeated id keeps its last result)."""

    def __init__(self, max_documents: int = MAX_DOCUMENTS) -> None:
        self.max_documents = max_documents
        self.ids: set[str] = set()
        self._shown: dict[str, DocumentResult] = {}
        self._order: list[str] = []  # sorted ids of _shown

    @classmethod
    def of(cls, results: Iterable[DocumentResult], max_documents: int = MAX_DOCUMENTS) -> ReportSample:
        sample = cls(max_documents)
        for result in results:
            sample.add(result)
        return sample

    def add(self, result: DocumentResult) -> None:
        doc_id = result.document.id
        self.ids.add(doc_id)
        if doc_id in self._shown:
            self._shown[doc_id] = result
            return
        if len(self._order) >= self.max_documents:
            if not self._order or doc_id > self._order[-1]:
                return
            del self._shown[self._order.pop()]
        insort(self._order, doc_id)
        self._shown[doc_id] = result

    def shown(self) -> list[DocumentResult]:
        """The shown documents' results, sorted by id like the tables."""
        return [self._shown[k] for k in self._order]


def build_report(
    summary: RunSummary,
    results: Iterable[DocumentResult],
    quarantine: Sequence[QuarantineRecord],
    tables: Mapping[str, pd.DataFrame | Iterable[pd.DataFrame]],
    dataset_counts: Mapping[str, int] | None = None,
    max_documents: int = MAX_DOCUMENTS,
    run_rows: Mapping[str, int] | None = None,
) -> str:
    """The report page for one run. `tables` hold (at least) this run's rows; rows of other documents are ignored.
    `run_rows`: the run's rows per table as the runs table counts them (tables.run_row_counts); without, the
    rows of `tables` that belong to this run's documents."""
    sample = results if isinstance(results, ReportSample) else ReportSample.of(results, max_documents)
    run_ids = sample.ids
    shown_docs = sample.shown()[:max_documents]
    shown = {r.document.id for r in shown_docs}

    rows: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))  # doc -> kind -> rows
    flagged = Flagged()
    run_counts: dict[str, int] = {}
    from biwaq_extract.dataset.outofcore import as_batches

    for name, batches in tables.items():
        run_counts[name] = 0
        kind = KIND_BY_TABLE.get(name)
        for frame in as_batches(batches):
            if "document_id" in frame.columns:
                frame = frame[frame["document_id"].isin(run_ids)]
            run_counts[name] += len(frame)
            if kind is None:
                continue
            for start in range(0, len(frame), ROWS_PER_SLICE):  # row dicts for a slice at a time, not the whole table
                part = frame.iloc[start: start + ROWS_PER_SLICE]
                for row in part.astype(object).where(part.notna(), None).to_dict("records"):
                    reasons = review_reasons(kind.name, row)
                    if reasons:
                        flagged.add(kind, row, reasons)
                    if row["document_id"] in shown:
                        rows[row["document_id"]][kind.name].append(row)

    sections = [_document_section(r, rows[r.document.id])[0] for r in shown_docs]
    hidden = len(run_ids) - len(shown_docs)
    more = (f'<p class="muted">{hidden} more documents are not shown here (at most {max_documents}); '
            f"their rows are in the tables.</p>" if hidden else "")
    index = " ".join(_doc_link(r.document.id, True) for r in shown_docs)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="de"><head><meta charset="utf-8"><title>biwaq run {_esc(summary.run_id)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head><body>'
        f"<h1>biwaq-extract run report <small class=\"muted\">{_esc(summary.run_id)}</small></h1>"
        + _facts(summary)
        + _counts(dict(run_rows) if run_rows is not None else run_counts, dataset_counts or {})
        + _quarantine(quarantine, shown)
        + _review(flagged, shown)
        + f'<section id="documents"><h2>Documents ({len(run_ids)})</h2>{_legend()}<p>{index}</p>{more}'
        + "".join(sections)
        + "</section></body></html>\n"
    )


def write_report(
    output_dir: Path,
    results: Iterable[DocumentResult],
    quarantine: Sequence[QuarantineRecord],
    summary: RunSummary,
    max_documents: int = MAX_DOCUMENTS,
    run_rows: Mapping[str, int] | None = None,
) -> Path:
    """Write OUTPUT_DIR/report.html for a run whose tables were just written into OUTPUT_DIR; return its path."""
    from biwaq_extract.dataset.datapackage import parquet_path
    from biwaq_extract.dataset.outofcore import file_frames
    from biwaq_extract.dataset.schemas import TABLES
    from biwaq_extract.dataset.storage import check_parquet, dataset_counts

    output_dir = Path(output_dir)
    for table in TABLES.values():
        check_parquet(output_dir / parquet_path(table), table)
    # Read in batches, never whole: the dataset may be far larger than this run.
    tables = {name: file_frames(output_dir / parquet_path(table), table) for name, table in TABLES.items()}
    dataset_counts = {name: n for name, n in dataset_counts(output_dir).items() if name in TABLES}
    page = build_report(summary, results, quarantine, tables, dataset_counts, max_documents, run_rows)
    path = output_dir / REPORT_FILE
    atomic_write_text(path, page)
    return path
