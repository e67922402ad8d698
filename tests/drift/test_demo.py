"""`iacscan demo`: no account, no network beyond 127.0.0.1, exactly the four drifts it applies."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from scanner.cli import main_group


@pytest.mark.slow
def test_demo_reports_policy_findings_and_exactly_the_applied_drifts() -> None:
    result = CliRunner().invoke(main_group, ["demo", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    drift = sorted(
        (f["drift"]["kind"], f["resource"], f["attribute"] or "")
        for f in report["findings"]
        if f.get("drift")
    )
    assert drift == [
        ("changed", "aws_instance.app", "tags.Owner"),
        ("changed", "aws_s3_bucket_versioning.assets", "versioning_configuration[0].status"),
        ("changed", "aws_security_group.db", "ingress"),
        ("unmanaged", "aws_s3_bucket.webapp-staging-scratch", ""),
    ]
    changed_tag = next(f for f in report["findings"] if f.get("attribute") == "tags.Owner")
    assert changed_tag["file"] == "stacks/terraform/webapp/compute.tf"
    assert any(not f.get("drift") for f in report["findings"])  # the static scan ran too
    assert report["summary"]["drift"]["deleted"] == 0
