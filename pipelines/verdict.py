"""What a scheduled run tells whoever watches it: the steward's verdict as an artifact, an event and the flow
run's final state message.

*Needs attention* never fails the run: the data was written and published, and a failed state would read as
"nothing to look at, rerun it". The verdict is made visible instead: in the state message (the flow runs list
shows it), in the `biwaq-verdict` artifact, and as an event a Prefect automation can notify on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.events import emit_event
from prefect.logging import get_run_logger

from biwaq_extract.steward.verdict import READY, verdict_message

# Fixed key: the Artifacts page keeps one history of verdicts across runs.
VERDICT_KEY = "biwaq-verdict"
# Events an automation can match on ("biwaq.dataset.*" for both).
EVENT_READY = "biwaq.dataset.ready-to-archive"
EVENT_ATTENTION = "biwaq.dataset.needs-attention"
EVENT_UNKNOWN = "biwaq.dataset.not-assessed"
# Review items named in the markdown; `biwaq review DATASET` and report.html list them all.
MAX_ITEMS_LISTED = 10


@dataclass(frozen=True)
class RunVerdict:
    """The verdict as a run reports it: status ("ready to archive", "needs attention", or "not assessed" when
    the dataset could not be judged), its reasons, and the counts the artifact shows."""

    status: str
    reasons: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """One line for the flow run's state message: 'needs attention: 1 quarantined document; ...'."""
        return verdict_message(self.status, self.reasons)


def dataset_resource(output: Path) -> dict[str, str]:
    """The event's resource: the dataset, named by its absolute folder (two datasets never share an id)."""
    folder = Path(output).resolve()
    return {"prefect.resource.id": f"biwaq.dataset.{folder}", "prefect.resource.name": folder.name}


def _counts(verdict: Mapping[str, Any]) -> dict[str, int]:
    items = verdict["open_items"]
    docs = verdict["changes"]["documents"]
    counts = {
        "open high-risk review items": sum(1 for i in items if i["risk"] == "high"),
        "open medium-risk review items": sum(1 for i in items if i["risk"] == "medium"),
        "items settled by decisions": verdict["settled_items"],
        "stale decisions": len(verdict["decisions"]["stale"]),
        "organisation mentions not in the gazetteer": verdict["not_in_gazetteer"],
    }
    counts |= {f"documents {label}": len(docs[key]) for key, label in
               (("new", "new"), ("changed", "changed"), ("unchanged", "unchanged"), ("gone", "gone from the source"))}
    for key, value in (verdict.get("crawl") or {}).items():
        counts[f"crawl: {key.replace('_', ' ')}"] = value
    return counts


def verdict_markdown(verdict: Mapping[str, Any], run_verdict: RunVerdict) -> str:
    """The verdict artifact: status and reasons, the counts, the first open items with the command to settle
    each, and where the rest is."""
    dataset = verdict["dataset"]
    lines = [f"# Verdict: {run_verdict.status}", "", f"Dataset `{dataset}`, run {verdict.get('run_id')}.", ""]
    if run_verdict.reasons:
        lines += [f"- {r}" for r in run_verdict.reasons] + [""]
    lines += ["| count | |", "| --- | ---: |"] + [f"| {k} | {v} |" for k, v in run_verdict.counts.items()] + [""]
    items = verdict["open_items"][:MAX_ITEMS_LISTED]
    if items:
        lines += ["## Open review items, most likely wrong first", "", "| risk | why | document | text | accept with |",
                  "| --- | --- | --- | --- | --- |"]
        for i in items:
            cells = (i["risk"], i["explanation"], i["document_id"], i["text"], f"`{i['commands']['accept']}`")
            lines.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
        lines.append("")
    lines.append(f"All items with their commands: `biwaq review {dataset}`, or `report.html` in the dataset.")
    return "\n".join(lines) + "\n"


def assess_output(output: Path) -> tuple[RunVerdict, dict[str, Any] | None]:
    """The verdict on the published dataset in `output`; "not assessed" with the reason when it cannot be made."""
    from biwaq_extract.steward.verdict import assess

    try:
        verdict = assess(Path(output)).as_dict()
    except Exception as exc:  # noqa: BLE001 - the data is written; a verdict that cannot be made is reported, not raised
        return RunVerdict("not assessed", (f"{type(exc).__name__}: {exc}",)), None
    return RunVerdict(verdict["verdict"], tuple(verdict["reasons"]), _counts(verdict)), verdict


@task(name="verdict", cache_policy=NO_CACHE)
def publish_verdict(output: Path) -> RunVerdict:
    """Judge the dataset the run just published, and tell: a markdown artifact and an event naming the dataset."""
    logger = get_run_logger()
    run_verdict, verdict = assess_output(output)
    if verdict is None:
        logger.warning("no verdict on %s: %s", output, run_verdict.reasons[0])
        markdown = f"# Verdict: not assessed\n\n{run_verdict.reasons[0]}\n\nRun `biwaq review {output}`.\n"
        event = EVENT_UNKNOWN
    else:
        markdown = verdict_markdown(verdict, run_verdict)
        event = EVENT_READY if run_verdict.status == READY else EVENT_ATTENTION
        log = logger.info if event == EVENT_READY else logger.warning
        log("verdict on %s: %s", output, run_verdict.message)
    create_markdown_artifact(markdown, key=VERDICT_KEY, description="the steward's verdict on the dataset")
    emit_event(event, resource=dataset_resource(output),
               payload={"verdict": run_verdict.status, "reasons": list(run_verdict.reasons), "counts": run_verdict.counts})
    return run_verdict
