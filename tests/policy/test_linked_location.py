"""A failure whose offending value sits in a linked resource names that resource and the value's line;
an unresolved link decides nothing for the other resources. Real HCL through the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.model import Finding, Status
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies
from scanner.sources.terraform_hcl import load_terraform_dir

DATA = Path(__file__).parent / "data" / "linked"
WANTED = {"AWS-S3-002", "AWS-S3-004", "AWS-S3-008"}


@pytest.fixture(scope="module")
def findings() -> dict[tuple[str, str], Finding]:
    policies = [p for p in load_policies([builtin_policy_root()]) if p.id in WANTED]
    inventory = load_terraform_dir(DATA, base_dir=DATA)
    result = evaluate_inventory(inventory, PolicySet.of(policies))
    return {(f.rule_id, f.resource_address): f for f in result}


def _line_of(text: str) -> int:
    lines = (DATA / "main.tf").read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("rule", "holder", "attribute", "line_text"),
    [
        ("AWS-S3-004", "aws_s3_bucket_versioning.data", "versioning_configuration[0].status", '"Suspended"'),
        ("AWS-S3-002", "aws_s3_bucket_public_access_block.data", "block_public_acls", "block_public_acls"),
        ("AWS-S3-008", "aws_s3_bucket_policy.data", "policy", "policy = jsonencode"),
    ],
)
def test_value_in_a_linked_resource_is_reported_there(
    findings: dict[tuple[str, str], Finding], rule: str, holder: str, attribute: str, line_text: str
) -> None:
    finding = findings[(rule, holder)]
    assert finding.status is Status.FAIL
    assert finding.resource_type == holder.split(".")[0]
    assert finding.attribute_path == attribute
    assert finding.source is not None and finding.source.start_line == _line_of(line_text)
    assert "(for aws_s3_bucket.data)" in finding.message
    # One result per (rule, bucket): not a second one on the bucket as well.
    assert (rule, "aws_s3_bucket.data") not in findings


def test_absent_setting_lands_on_the_parent_block(findings: dict[tuple[str, str], Finding]) -> None:
    finding = findings[("AWS-S3-002", "aws_s3_bucket.logs")]
    assert finding.status is Status.FAIL
    assert finding.source is not None and finding.source.start_line == _line_of('"aws_s3_bucket" "logs"')


def test_unresolved_link_is_named_not_silencing(findings: dict[tuple[str, str], Finding]) -> None:
    logs = findings[("AWS-S3-004", "aws_s3_bucket.logs")]
    assert logs.status is Status.FAIL
    assert "aws_s3_bucket_versioning.x's bucket is unknown" in logs.message
    assert not [f for f in findings.values() if f.status is Status.UNKNOWN]


def test_fingerprint_follows_the_holder(findings: dict[tuple[str, str], Finding]) -> None:
    finding = findings[("AWS-S3-004", "aws_s3_bucket_versioning.data")]
    from scanner.fingerprint import fingerprint

    assert finding.fingerprint() == fingerprint(
        "AWS-S3-004", finding.root, "aws_s3_bucket_versioning.data", "versioning_configuration[0].status"
    )


def test_sarif_through_the_cli_points_at_the_linked_resource(tmp_path: Path) -> None:
    import json
    import shutil

    from tests.e2e.cli import iacscan
    from tests.sarif_schema import assert_valid_sarif

    stack = tmp_path / "stack"
    shutil.copytree(DATA, stack)
    out = tmp_path / "out.sarif"
    proc = iacscan("scan", str(stack), "--format", "sarif", "--output", str(out), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = assert_valid_sarif(json.loads(out.read_text()))
    results = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "AWS-S3-004"]
    by_resource = {r["properties"]["resource"]: r for r in results}
    child = by_resource["aws_s3_bucket_versioning.data"]
    region = child["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == _line_of('"Suspended"')
    assert "aws_s3_bucket.data" not in by_resource
    assert (
        "aws_s3_bucket_versioning.x's bucket is unknown"
        in by_resource["aws_s3_bucket.logs"]["message"]["text"]
    )
