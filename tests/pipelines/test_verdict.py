"""Tests of pipelines/verdict.py: the verdict as an artifact, an event naming the dataset, and the documented
automation that notifies on it."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import REPO

DEPLOYING = REPO / "docs" / "deploying.md"


def _documented_automation() -> dict:
    import yaml

    page = DEPLOYING.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(name: biwaq dataset needs attention\n.*?)```", page, re.S)
    assert block, "docs/deploying.md lost its automation example"
    return yaml.safe_load(block.group(1))


@pytest.mark.parametrize("folder", ["/srv/biwaq/outputs"])
def test_verdict_documented_automation_is_valid_and_fires_on_the_flows_event(folder):
    from prefect.events.schemas.automations import AutomationCore
    from prefect.events.schemas.events import Resource
    from prefect.server.events.actions import SendNotification

    from pipelines.verdict import EVENT_ATTENTION, EVENT_READY, dataset_resource

    data = _documented_automation()
    automation = AutomationCore.model_validate(data)  # what `prefect automation create --from-file` does
    SendNotification.model_validate(data["actions"][0])  # the server's check of the subject and body templates
    trigger = automation.trigger
    assert EVENT_ATTENTION in trigger.expect and EVENT_READY not in trigger.expect
    assert trigger.match.matches(Resource.model_validate(dataset_resource(folder)))
    assert not trigger.match.matches(Resource.model_validate({"prefect.resource.id": "prefect.flow-run.1"}))


@pytest.fixture
def flow_of_verdict(prefect_harness):
    """A flow that runs publish_verdict on a folder and returns its verdict and its flow run id."""
    from prefect import flow
    from prefect.runtime import flow_run

    from pipelines.verdict import publish_verdict

    @flow(name="verdict-test")
    def judge(output: str):
        return publish_verdict(output), flow_run.get_id()

    return judge


def _artifact(flow_run_id, key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return next(a.data for a in artifacts if a.key == key)


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("settle, event, status", [
    (False, "biwaq.dataset.needs-attention", "needs attention"),
    (True, "biwaq.dataset.ready-to-archive", "ready to archive"),
])
def test_verdict_published_as_artifact_and_event(flow_of_verdict, copy_dataset, monkeypatch, settle, event, status):
    from biwaq_extract.cli.main import main
    from biwaq_extract.steward.verdict import assess
    from pipelines import verdict as module

    dataset = copy_dataset("one_run")
    if settle:
        for item in [i for i in assess(dataset).open_items if i.risk == "high"]:
            assert main(shlex.split(item.commands(str(dataset))["accept"])[1:]) == 0
    expected = assess(dataset)
    sent = []
    monkeypatch.setattr(module, "emit_event", lambda name, **kw: sent.append((name, kw)))

    run_verdict, flow_run_id = flow_of_verdict(str(dataset))
    assert run_verdict.status == status and list(run_verdict.reasons) == expected.reasons
    assert run_verdict.message == (f"{status}: {'; '.join(expected.reasons)}" if expected.reasons else status)
    [(name, kw)] = sent
    assert name == event and kw["resource"]["prefect.resource.id"] == f"biwaq.dataset.{dataset.resolve()}"
    assert kw["payload"]["verdict"] == status and kw["payload"]["reasons"] == expected.reasons
    markdown = _artifact(flow_run_id, module.VERDICT_KEY)
    assert markdown.startswith(f"# Verdict: {status}\n")
    assert all(f"- {r}" in markdown for r in expected.reasons)
    high = sum(1 for i in expected.open_items if i.risk == "high")
    assert f"| open high-risk review items | {high} |" in markdown


@pytest.mark.parametrize("folder", ["no-dataset-here"])
def test_verdict_on_a_folder_without_a_run_is_not_assessed(tmp_path, folder):
    from pipelines.verdict import assess_output

    run_verdict, verdict = assess_output(tmp_path / folder)
    assert verdict is None and run_verdict.status == "not assessed"
    assert "no finished run" in run_verdict.message


@pytest.mark.parametrize("reasons", [["1 quarantined document", "3 open high-risk review items"]])
def test_verdict_documented_notification_names_dataset_and_reasons(reasons):
    """The automation's subject and body, rendered as the Prefect server renders them for the flow's event."""
    import asyncio
    import datetime as dt
    import uuid

    from prefect.server.events.jinja_filters import all_filters
    from prefect.server.events.schemas.events import ReceivedEvent
    from prefect.server.utilities.user_templates import register_user_template_filters, render_user_template

    from pipelines.verdict import EVENT_ATTENTION, dataset_resource

    register_user_template_filters(all_filters)
    action = _documented_automation()["actions"][0]
    event = ReceivedEvent(occurred=dt.datetime.now(dt.timezone.utc), event=EVENT_ATTENTION, id=uuid.uuid4(),
                          resource=dataset_resource("/srv/biwaq/outputs"), payload={"verdict": "needs attention", "reasons": reasons})
    context = {"event": event, "flow_run": {"name": "weekly-run"}}
    subject = asyncio.run(render_user_template(action["subject"], context))
    body = asyncio.run(render_user_template(action["body"], context))
    assert subject == "biwaq: outputs needs attention"
    assert "; ".join(reasons) in body and "weekly-run" in body
