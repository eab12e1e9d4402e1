"""The report's steward sections, drawn from the verdict (`steward.verdict.assess(...).as_dict()`): the verdict
with its reasons, the crawl facts, what changed since the previous run, the open review items with the
commands that settle them, the steward's decisions and corrected rows, and documents gone from the source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from biwaq_extract.reporting.documents import STEWARD_BADGE
from biwaq_extract.reporting.highlight import KIND_BY_TABLE
from biwaq_extract.reporting.markup import cell, doc_link, esc, frag, missing, table
from biwaq_extract.steward.verdict import CRAWL_FACTS, READY

# Rows of the "needs review", quarantine, corrected and withdrawn lists; `biwaq review --json` and the tables
# have them all.
MAX_LISTED = 2000
# Document ids listed per group of the change summary (new, changed, ...); the counts cover them all.
MAX_IDS = 200
DOCUMENT_GROUPS = (("new", "new"), ("changed", "changed"), ("unchanged", "unchanged"), ("gone", "gone from the source"))


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def verdict_section(verdict: Mapping | None, problem: str = "") -> str:
    """The verdict and its reasons, first thing on the page; without a verdict, why there is none."""
    if verdict is None:
        return ('<section id="verdict" class="verdict unknown" data-verdict="unknown"><h2>Verdict: not assessed</h2>'
                f'<p class="error">{esc(problem or "the dataset could not be assessed")}</p>'
                "<p>Run <code>biwaq review DIR</code> on the dataset for the verdict and the items to review.</p></section>")
    status = verdict["verdict"]
    cls = "ready" if status == READY else "attention"
    if verdict["reasons"]:
        why = "<ul class=\"reasons\">" + "".join(f"<li>{esc(r)}</li>" for r in verdict["reasons"]) + "</ul>"
        then = ("<p>Settle each item below with the command shown beside it (accept what is right, reject or fix "
                "what is wrong), then run again; archiving is refused until then.</p>")
    else:
        why = "<p>No quarantined documents, failed fetches, lost records or open high-risk review items.</p>"
        then = f"<p>Archive it with <code>biwaq archive {esc(verdict['dataset'])} --output archive/</code>.</p>"
    return (f'<section id="verdict" class="verdict {cls}" data-verdict="{esc(status)}">'
            f"<h2>Verdict: {esc(status)}</h2>{why}{then}"
            f'<p class="muted">run {esc(verdict.get("run_id"))} · biwaq-extract {esc(verdict.get("package_version"))}'
            f" · model {esc(verdict.get('model'))}</p></section>")


def crawl_section(crawl: Mapping[str, int] | None) -> str:
    """Pages fetched, unchanged, failed, refused by robots.txt, ... as `crawl/crawl_summary.json` counts them."""
    if crawl is None:
        body = "<p>This run read files; it did not crawl.</p>"
    else:
        items = "".join(f'<dt>{esc(label)}</dt><dd data-fact="{esc(key)}">{crawl.get(key, 0)}</dd>'
                        for key, label in CRAWL_FACTS)
        body = f'<dl class="facts">{items}</dl>'
    return f'<section id="crawl"><h2>Crawl</h2>{body}</section>'


def _ids(ids: Sequence[str], shown: set[str]) -> str:
    if not ids:
        return ""
    listed = " ".join(doc_link(i, i in shown) for i in ids[:MAX_IDS])
    more = f" … and {len(ids) - MAX_IDS} more" if len(ids) > MAX_IDS else ""
    return f"<details><summary>which</summary>{listed}{more}</details>"


def changes_section(changes: Mapping, shown: set[str]) -> str:
    """Documents new / changed / unchanged / gone since the previous run, rows per table before → after, and
    the documents that lost records."""
    previous = changes.get("previous_run")
    intro = (f"<p>Since the previous run, {esc(previous)}.</p>" if previous
             else "<p>No previous version to compare with: everything this run read counts as new.</p>")
    docs = changes["documents"]
    doc_rows = [f'<tr data-change="{key}"><td>{esc(label)}</td><td>{len(docs[key])}</td><td>{_ids(docs[key], shown)}</td></tr>'
                for key, label in DOCUMENT_GROUPS]
    row_rows = []
    for name, counts in changes["rows"].items():
        before, after = counts["before"], counts["after"]
        delta = after - before
        cls = ' class="changed"' if delta else ""
        row_rows.append(f'<tr data-table="{esc(name)}"{cls}><td>{esc(name)}</td><td>{before}</td><td>{after}</td>'
                        f"<td>{'+' if delta > 0 else ''}{delta if delta else ''}</td></tr>")
    lost = changes.get("lost_records") or []
    lost_html = ""
    if lost:
        lost_rows = [f'<tr class="lost"><td>{doc_link(x["document_id"], x["document_id"] in shown)}</td><td>{esc(x["table"])}</td>'
                     f'<td>{x["before"]}</td><td>{x["after"]}</td></tr>' for x in lost[:MAX_LISTED]]
        lost_html = ("<h3>Documents that lost records</h3>"
                     + table(("document", "table", "rows before", "rows after"), lost_rows, "lost"))
    return ('<section id="changes"><h2>Changes since the previous run</h2>' + intro
            + table(("documents", "count", ""), doc_rows, "change-documents")
            + table(("table", "rows before", "rows after", "change"), row_rows, "change-rows")
            + lost_html + "</section>")


def _commands(commands: Mapping[str, str]) -> str:
    return "".join(f'<div class="command" data-action="{esc(name)}"><span class="action">{esc(name)}</span> '
                   f"<code>{esc(command)}</code></div>" for name, command in commands.items())


def review_section(verdict: Mapping, shown: set[str]) -> str:
    """The open review items, most likely wrong first, each with the `biwaq correct` commands that settle it."""
    items = verdict["open_items"]
    listed = items[:MAX_LISTED]
    count = f"{len(listed)}" if len(listed) == len(items) else f"{len(listed)} listed of {len(items)}"
    notes = []
    if verdict.get("settled_items"):
        notes.append(f"{verdict['settled_items']} more were accepted or settled by the steward's decisions.")
    if verdict.get("not_in_gazetteer"):
        notes.append(f"{verdict['not_in_gazetteer']} organisation mentions are not in the gazetteer: shown as "
                     "information on their records, not as review items.")
    rows = []
    for n, item in enumerate(listed, 1):
        doc_id, rid = item["document_id"], item.get("record_id") or ""
        text = esc(item["text"])
        if rid and doc_id in shown:
            text = f'<a href="{frag("m-", rid)}">{text}</a>'
        at = "" if item.get("start_char") is None else f' <span class="muted">@{item["start_char"]}</span>'
        detail = " ".join([esc(item["detail"])] if item.get("detail") else [])
        info = "".join(f' <span class="info">{esc(i)}</span>' for i in item.get("info") or ())
        rows.append(
            f'<tr class="review-item risk-{esc(item["risk"])}" data-risk="{esc(item["risk"])}" data-reason="{esc(item["reason"])}"'
            f' data-kind="{esc(item["kind"])}"><td>{n}</td><td class="risk">{esc(item["risk"])}</td>'
            f'<td class="reasons">{esc(item["explanation"])}</td><td>{doc_link(doc_id, doc_id in shown)}</td>'
            f"<td>{esc(item['kind'])}</td><td>{text}{at}</td><td>{detail}{info}</td>"
            f'<td class="commands">{_commands(item["commands"])}</td></tr>')
    body = (table(("#", "risk", "why", "document", "kind", "text", "detail", "settle it with"), rows, "review")
            if rows else "<p>Nothing is open.</p>")
    more = (f"<p>{len(items) - len(listed)} more: <code>biwaq review {esc(verdict['dataset'])}</code> lists them all.</p>"
            if len(items) > len(listed) else "")
    note_html = "".join(f'<p class="muted">{esc(n)}</p>' for n in notes)
    return f'<section id="needs-review"><h2>Needs review ({count})</h2>{note_html}{body}{more}</section>'


def decisions_section(verdict: Mapping | None, corrected: Sequence[tuple[str, Mapping]], shown: set[str]) -> str:
    """The steward's decisions (applied, stale, digest) and the rows they corrected or added, marked."""
    parts = []
    if verdict is not None:
        d = verdict["decisions"]
        parts.append(f"<p>{_n(len(d['applied']), 'decision')} applied, {len(d['stale'])} stale"
                     + (f", digest <code>sha256:{esc(d['digest'][:16])}</code>" if d.get("digest") else "") + ".</p>")
        if d["stale"]:
            stale = [f'<tr class="stale"><td>{esc(s["decision"])}</td><td>{esc(s["action"])}</td>'
                     f'<td>{doc_link(s["document"], s["document"] in shown)}</td><td>{esc(s["kind"])}</td>'
                     f'<td>{esc(s["text"])}</td><td class="reasons">{esc(s["why_stale"])}</td></tr>' for s in d["stale"]]
            parts.append("<p>A stale decision's target is no longer in the dataset; it stays in the decisions file.</p>"
                         + table(("decision", "action", "document", "kind", "text", "why stale"), stale, "stale"))
    rows = []
    for name, row in corrected[:MAX_LISTED]:
        kind = KIND_BY_TABLE[name]
        rid = str(row[kind.id_column])
        doc_id = str(row["document_id"])
        text = (f'<a href="{frag("m-", rid)}">{esc(row["text"])}</a>' if doc_id in shown else esc(row["text"]))
        now = "; ".join(f"{c}: {row.get(c)}" for c in kind.columns if c != "rule" and not missing(row.get(c)))
        rows.append(f'<tr class="steward" data-kind="{kind.name}"><td>{doc_link(doc_id, doc_id in shown)}</td>'
                    f"<td>{kind.label}</td><td>{text}</td>{cell(now)}<td>{STEWARD_BADGE}</td></tr>")
    if rows:
        parts.append(table(("document", "kind", "text", "now", ""), rows, "corrected"))
    elif verdict is not None and verdict["decisions"]["applied"]:
        parts.append('<p class="muted">The stored tables hold the extractor\'s rows; the decisions above are applied '
                     "when the dataset is reviewed and archived.</p>")
    return (f'<section id="decisions"><h2>Corrected by steward ({len(corrected)})</h2>{"".join(parts)}</section>')


def withdrawn_section(gone: Sequence[str], withdrawn: Sequence[Mapping], run_id: str) -> str:
    """Documents gone from the source: those this run noticed, and those the documents table marks withdrawn.
    Their rows stay in the dataset."""
    rows, seen = [], set()
    for doc_id in gone:
        seen.add(doc_id)
        rows.append(f'<tr class="withdrawn"><td>{esc(doc_id)}</td><td>this run ({esc(run_id)})</td></tr>')
    for row in withdrawn:
        doc_id = str(row["document_id"])
        if doc_id in seen:
            continue
        seen.add(doc_id)
        noticed = row.get("withdrawn_in_run")
        marks = (f"run {noticed}" if not missing(noticed)
                 else "; ".join(f"{k}: {v}" for k, v in row.items() if k != "document_id" and not missing(v)))
        rows.append(f'<tr class="withdrawn"><td>{esc(doc_id)}</td><td>{esc(marks)}</td></tr>')
    body = ("<p>Read by an earlier run, no longer found at the source; their rows are kept.</p>"
            + table(("document", "noticed by"), rows[:MAX_LISTED], "withdrawn") if rows
            else "<p>No document has gone from the source.</p>")
    return f'<section id="withdrawn"><h2>Withdrawn from the source ({len(rows)})</h2>{body}</section>'

