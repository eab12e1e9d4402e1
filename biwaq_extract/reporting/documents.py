"""The report's document sections: each document's text with its mentions highlighted beside their table rows,
and the sample of a run's results those sections are drawn from."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Mapping

from biwaq_extract.records import DocumentResult
from biwaq_extract.reporting.highlight import KINDS, Span, highlight
from biwaq_extract.reporting.markup import cell, doc_link, esc, frag, missing, table

# Documents shown with their text. A steward reads a few hundred articles at most in one sitting, and a
# browser stays responsive up to a page of ~10 MB: 200 generated newsletter articles (~200 words each) make
# 3 MB and take 1 s to render, so 500 stay under 8 MB and 3 s. Larger runs count the rest; every row stays
# in the tables.
MAX_DOCUMENTS = 500
STEWARD_RULE = "steward"
STEWARD_BADGE = '<span class="badge steward">corrected by steward</span>'
NOT_IN_GAZETTEER = "not in the gazetteer"


def record_info(kind: str, row: Mapping) -> list[str]:
    """Facts shown on a record that ask for no action (the name is simply not in the shipped lists).

    >>> record_info("org", {"org_id": "text:stadtteilbuero-nord"})
    ['not in the gazetteer']
    >>> record_info("org", {"org_id": "bmas"})
    []
    """
    if kind == "org" and str(row.get("org_id") or "").startswith("text:"):
        return [NOT_IN_GAZETTEER]
    if kind == "place" and str(row.get("place_id") or "").startswith("place:"):
        return [NOT_IN_GAZETTEER]
    return []


def is_steward_row(row: Mapping) -> bool:
    """Was the row set or added by a steward's decision (rule "steward")?"""
    return str(row.get("rule") or "") == STEWARD_RULE


def legend() -> str:
    marks = "".join(f'<mark class="entity k-{k.name}">{k.name}<span class="label">{k.label}</span></mark>' for k in KINDS)
    return (f'<p class="legend">{marks} <mark class="entity flag">needs review</mark> '
            f'<mark class="entity steward">corrected by steward</mark> '
            "Click a label to jump to its row, a row's text to its highlight.</p>")


def _notes(reason: str | None, info: list[str], steward: bool) -> str:
    parts = [f'<span class="reasons">{esc(reason)}</span>'] if reason else []
    parts += [f'<span class="info">{esc(i)}</span>' for i in info]
    if steward:
        parts.append(STEWARD_BADGE)
    return f'<td class="notes">{" ".join(parts)}</td>'


def document_section(result: DocumentResult, rows_by_kind: Mapping[str, list[Mapping]],
                     review: Mapping[str, str]) -> tuple[str, int]:
    """One document's section and how many of its records need review. `review` maps the record ids of open
    review items to why they are open."""
    doc = result.document
    spans, record_html, n_flags = [], [], 0
    for kind in KINDS:
        rows = rows_by_kind.get(kind.name, [])
        if not rows:
            continue
        trs = []
        for row in sorted(rows, key=lambda r: (int(r["start_char"]), int(r["end_char"]))):
            rid = str(row[kind.id_column])
            reason, info, steward = review.get(rid), record_info(kind.name, row), is_steward_row(row)
            n_flags += bool(reason)
            page = [] if missing(row.get("page")) else [f"page {int(row['page'])}"]  # PDF documents only
            title = "; ".join(page + [f"{c}: {row.get(c)}" for c in kind.columns if not missing(row.get(c))]
                              + ([reason] if reason else []) + info + (["corrected by steward"] if steward else []))
            spans.append(Span(int(row["start_char"]), int(row["end_char"]), kind, rid, bool(reason), title, steward))
            classes = " ".join(c for c, on in (("flag", reason), ("steward", steward)) if on)
            cls_attr = f' class="{classes}"' if classes else ""
            trs.append(
                f'<tr id="row-{esc(rid)}"{cls_attr} data-kind="{kind.name}">'
                f'<td><a href="{frag("m-", rid)}">{esc(row["text"])}</a> {doc_link(doc.id, True)}</td>'
                + "".join(cell(row.get(c)) for c in kind.columns)
                + _notes(reason, info, steward) + "</tr>"
            )
        record_html.append(f"<h4>{kind.label} · {esc(kind.table)} ({len(rows)})</h4>"
                           + table(("text", *kind.columns, "notes"), trs, f"records {kind.table}"))
    classes = "document" + (" failed" if result.error else "") + (" has-flags" if n_flags else "")
    meta = " · ".join(esc(v) for v in (doc.published, doc.url) if not missing(v))
    title = esc(doc.title) if doc.title else esc(doc.id)
    head = (f'<h3>{title}</h3><p class="muted">{esc(doc.id)}{" · " + meta if meta else ""}'
            f"{f' · {n_flags} to review' if n_flags else ''}</p>")
    if result.error:
        body = f'<p class="error">quarantined ({esc(result.error_stage)}): {esc(result.error)}</p>'
    else:
        body = (f'<div class="doc-grid"><div class="entities">{highlight(doc.text, spans)}</div>'
                f'<div class="records">{"".join(record_html) or "<p>No records.</p>"}</div></div>')
    return f'<section class="{classes}" id="doc-{esc(doc.id)}" data-document-id="{esc(doc.id)}">{head}{body}</section>', n_flags


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
