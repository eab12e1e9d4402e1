"""HTML building blocks the report's sections share: escaping, in-page links, tables and their cells."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import quote

import pandas as pd


def missing(value) -> bool:
    """True for None, NaN/NA and the empty string: a cell with nothing to show."""
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def esc(value) -> str:
    """The value as escaped text (quotes too, so it is safe in attributes); missing values become ""."""
    return html.escape("" if missing(value) else str(value), quote=True)


def frag(prefix: str, value: str) -> str:
    """A fragment link target; ids are percent-encoded in hrefs, browsers decode them before matching."""
    return f"#{prefix}{quote(str(value), safe='')}"


def table(headers: Sequence[str], rows: Iterable[str], cls: str = "") -> str:
    """A <table> with a header row; `rows` are finished <tr> strings."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    cls_attr = f' class="{cls}"' if cls else ""
    return f"<table{cls_attr}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def cell(value) -> str:
    """A <td>; a missing value shows as a muted dash, a whole float without its ".0"."""
    if missing(value):
        return '<td class="muted">–</td>'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"<td>{esc(value)}</td>"


def doc_link(document_id: str, shown: bool) -> str:
    """A link to the document's section when the page shows it, else its id as muted text."""
    if not shown:
        return f'<span class="muted">{esc(document_id)}</span>'
    return f'<a class="doc-link" href="{frag("doc-", document_id)}">{esc(document_id)}</a>'
