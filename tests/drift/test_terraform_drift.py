"""Drift from Terraform's own refresh (``resource_drift`` of a plan JSON), end to end.

The plan fixture is written by hand from Terraform's JSON output format: an update of tags, an
update with a sensitive password, an update with a sensitive value and a sensitive tag, a deletion of
a type iacscan has no live reader for, and one malformed entry.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import pytest

from scanner.drift.ignore import IgnoreRules
from scanner.drift.terraform_drift import terraform_drift
from scanner.sources.json_lines import parse_located
from tests.e2e.cli import ROOT, iacscan
from tests.sarif_schema import assert_valid_sarif

FIXTURE = Path(__file__).parent / "fixtures" / "refresh_only"
PLAN = FIXTURE / "plan.json"
SOURCE = FIXTURE / "src"
SECRETS = ("hunter2-old-Secret", "S3cr3t-NEW-value-xyz", "tok-ABC-old-0001", "tok-XYZ-new-0002")
EXPECTED = [
    ("DRIFT-CHANGED", "aws_db_instance.main", "allocated_storage"),
    ("DRIFT-CHANGED", "aws_db_instance.main", "password"),
    ("DRIFT-CHANGED", "aws_s3_bucket.assets", "tags.Env"),
    ("DRIFT-CHANGED", "aws_s3_bucket.assets", "tags_all.Env"),
    ("DRIFT-CHANGED", "aws_ssm_parameter.api_token", "description"),
    ("DRIFT-CHANGED", "aws_ssm_parameter.api_token", "tags.Rotation"),
    ("DRIFT-CHANGED", "aws_ssm_parameter.api_token", "value"),
    ("DRIFT-DELETED", "aws_lambda_permission.invoke", ""),
]


class _Recorder(BaseHTTPRequestHandler):
    seen: list[str]

    def _any(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_HEAD = _any

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    """An HTTP endpoint on 127.0.0.1 that records every request it gets."""
    seen: list[str] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def _json_findings(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((f["rule_id"], f["resource"], f["attribute"] or "") for f in doc["findings"])


@pytest.mark.slow
def test_offline_refresh_plan_in_every_format_hides_secrets_and_calls_no_aws(
    recorder: tuple[str, list[str]], tmp_path: Path
) -> None:
    endpoint, seen = recorder
    outputs: dict[str, str] = {}
    for fmt in ("json", "sarif", "text", "markdown", "html"):
        out = tmp_path / f"report.{fmt}"
        proc = iacscan(
            "drift", str(PLAN), "--offline", "--source", str(SOURCE), "--endpoint-url", endpoint,
            "-f", fmt, "-o", str(out),
        )  # fmt: skip
        assert proc.returncode == 3, proc.stderr
        outputs[fmt] = out.read_text() + proc.stdout + proc.stderr
    assert seen == []  # --offline: not one request reached the endpoint
    for fmt, text in outputs.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked into the {fmt} report"

    doc = json.loads((tmp_path / "report.json").read_text())
    assert _json_findings(doc) == EXPECTED
    summary = doc["summary"]["drift"]
    assert summary["mode"] == "terraform"
    assert (summary["managed"], summary["compared"], summary["coverage"]) == (6, 5, 83.3)
    assert (summary["changed"], summary["deleted"], summary["in_sync"]) == (3, 1, 1)
    assert summary["not_compared"]["malformed"] == {"aws_sqs_queue": 1}
    by_path = {(f["resource"], f["attribute"]): f["drift"] for f in doc["findings"]}
    assert by_path[("aws_s3_bucket.assets", "tags.Env")] == {
        "kind": "changed",
        "expected": "prod",
        "actual": "staging",
    }
    assert by_path[("aws_db_instance.main", "password")]["expected"] == "(sensitive)"
    warnings = [n["message"] for n in doc["notifications"] if n["level"] == "warning"]
    assert warnings == [
        "tests/drift/fixtures/refresh_only/plan.json:118: resource_drift[4] (aws_sqs_queue.jobs): "
        "no change object; skipped"
    ]

    sarif = assert_valid_sarif(json.loads((tmp_path / "report.sarif").read_text()))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(EXPECTED)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"tests/drift/fixtures/refresh_only/src/main.tf"}
    lines = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results)
    assert lines == [1, 4, 13, 15, 18, 21, 22, 25]  # tags_all is not written: the bucket block
    notes = [n["message"]["text"] for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
    assert (
        "not compared: aws_sqs_queue (1 resource): its resource_drift entry in the plan could not be read"
        in notes
    )
    assert "coverage 83.3% (5 of 6 managed resources compared)" in outputs["text"]
    assert "not compared: aws_sqs_queue (1 resource)" in outputs["markdown"]
    assert "not compared: aws_sqs_queue (1 resource)" in outputs["html"]


def test_without_source_findings_are_located_in_the_plan(tmp_path: Path) -> None:
    proc = iacscan("drift", str(PLAN), "--offline", "-f", "sarif")
    assert proc.returncode == 3, proc.stderr
    sarif = assert_valid_sarif(proc.stdout)
    where = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert where == {"tests/drift/fixtures/refresh_only/plan.json"}
    starts = sorted(
        {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif["runs"][0]["results"]}
    )
    assert starts == [8, 37, 68, 97]  # each resource_drift entry's own line
    for secret in SECRETS:
        assert secret not in proc.stdout + proc.stderr


def test_offline_without_recorded_drift_is_a_usage_error(tmp_path: Path) -> None:
    state = Path(__file__).parent / "fixtures" / "basic.tfstate"
    proc = iacscan("drift", str(state), "--offline")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "--offline needs a Terraform plan JSON that records drift" in proc.stderr
    assert "terraform plan -refresh-only" in proc.stderr
    old = json.loads(PLAN.read_text())
    del old["resource_drift"]
    old["terraform_version"] = "0.14.11"  # before resource_drift existed
    plan = tmp_path / "old.json"
    plan.write_text(json.dumps(old))
    proc = iacscan("drift", str(plan), "--offline", cwd=tmp_path)
    assert proc.returncode == 2 and "--offline needs" in proc.stderr


def test_a_recent_plan_without_resource_drift_has_no_drift(tmp_path: Path) -> None:
    clean = json.loads(PLAN.read_text())
    del clean["resource_drift"]  # Terraform omits it when the refresh found nothing
    plan = tmp_path / "clean.json"
    plan.write_text(json.dumps(clean))
    proc = iacscan("drift", str(plan), "--offline", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)["summary"]["drift"]
    assert (summary["managed"], summary["compared"], summary["coverage"], summary["in_sync"]) == (
        5,
        5,
        100.0,
        5,
    )


def test_malformed_entries_each_give_a_warning_and_the_rest_is_reported() -> None:
    data = json.loads(PLAN.read_text())
    good = data["resource_drift"][0]
    data["resource_drift"] = [
        "not an object",
        {"mode": "managed", "name": "x", "change": {}},
        {**good, "change": {**good["change"], "actions": "update"}},
        {**good, "address": "aws_s3_bucket.b", "name": "b", "change": {**good["change"], "before": None}},
        {
            **good,
            "address": "aws_s3_bucket.c",
            "name": "c",
            "change": {**good["change"], "actions": ["create"]},
        },
        good,
    ]
    located = parse_located(json.dumps(data, indent=1))
    found = terraform_drift(located, "plan.json", locate=lambda inv: inv, ignore=IgnoreRules())
    assert [(f.resource_address, f.attribute_path) for f in found.findings] == [
        ("aws_s3_bucket.assets", "tags.Env"),
        ("aws_s3_bucket.assets", "tags_all.Env"),
    ]
    warnings = [n.message.split(": ", 1)[1] for n in found.notifications if n.level == "warning"]
    assert warnings == [
        "resource_drift[0]: not a JSON object; skipped",
        "resource_drift[1]: no resource type or name; skipped",
        "resource_drift[2] (aws_s3_bucket.assets): no list of actions; skipped",
        "resource_drift[3] (aws_s3_bucket.b): no before object (the state's values); skipped",
        "resource_drift[4] (aws_s3_bucket.c): unexpected actions ['create'] for drift; skipped",
    ]
    assert all(
        n.source is not None and n.source.path == "plan.json"
        for n in found.notifications
        if n.level == "warning"
    )


def test_ignore_rules_apply_to_terraform_drift() -> None:
    located = parse_located(PLAN.read_text())
    ignore = IgnoreRules.from_patterns(["aws_s3_bucket.*.tags_all", "aws_lambda_permission.*"])
    found = terraform_drift(located, "plan.json", locate=lambda inv: inv, ignore=ignore)
    addresses = {(f.resource_address, f.attribute_path) for f in found.findings}
    assert ("aws_s3_bucket.assets", "tags.Env") in addresses
    assert ("aws_s3_bucket.assets", "tags_all.Env") not in addresses
    assert not any(a == "aws_lambda_permission.invoke" for a, _ in addresses)
    assert found.summary["not_compared"]["ignored"] == {"aws_lambda_permission": 1}


def test_live_read_adds_only_unmanaged_resources(aws_endpoint: str, tmp_path: Path) -> None:
    s3 = boto3.client("s3", endpoint_url=aws_endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket="made-by-hand")
    proc = iacscan("drift", str(PLAN), "--endpoint-url", aws_endpoint, "-f", "json", cwd=ROOT)
    assert proc.returncode == 3, proc.stderr
    doc = json.loads(proc.stdout)
    # Nothing of the plan exists in this endpoint: had it been compared live, all of it would be
    # DELETED. Terraform's view stands; the live read adds only what Terraform cannot see.
    assert _json_findings(doc) == sorted([*EXPECTED, ("DRIFT-UNMANAGED", "aws_s3_bucket.made-by-hand", "")])
    summary = doc["summary"]["drift"]
    assert summary["unmanaged"] == 1 and summary["regions"] == ["us-east-1"] and summary["coverage"] == 83.3
