"""`iacscan scan --live` and `--drift` through the real process, against a real local AWS endpoint."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest

from tests.drift.seeding import REGION, seed
from tests.e2e.cli import iacscan
from tests.sarif_schema import assert_valid_sarif


@pytest.mark.slow
def test_live_scan_runs_policies_on_deployed_resources(aws_endpoint: str, tmp_path: Path) -> None:
    s3 = boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION)
    s3.create_bucket(Bucket="made-by-hand")
    out = tmp_path / "live.sarif"
    proc = iacscan(
        "scan", "--live", "--regions", REGION, "--endpoint-url", aws_endpoint, "-f", "sarif", "-o", str(out)
    )
    assert proc.returncode == 1, proc.stderr
    doc = assert_valid_sarif(out.read_text())
    live = [r for r in doc["runs"][0]["results"] if r["properties"]["resource"].endswith("made-by-hand")]
    assert {r["properties"]["origin"] for r in live} == {"live"}
    # An unversioned, unencrypted-by-choice bucket made by hand fails the versioning policy.
    assert "AWS-S3-004" in {r["ruleId"] for r in live}


@pytest.mark.slow
def test_scan_with_drift_reports_findings_and_drift_together(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="made-by-hand")
    proc = iacscan("scan", str(seeded.state), "--drift", "--endpoint-url", aws_endpoint, "-f", "json")
    report = json.loads(proc.stdout)
    drift = [f for f in report["findings"] if "drift" in f]
    assert [(f["rule_id"], f["drift"]["kind"]) for f in drift] == [("DRIFT-UNMANAGED", "unmanaged")]
    assert report["summary"]["drift"]["unmanaged"] == 1
    policy = [f for f in report["findings"] if "drift" not in f and f["status"] == "fail"]
    assert proc.returncode == (4 if policy else 3), proc.stderr


def test_live_needs_no_paths_but_drift_does() -> None:
    proc = iacscan("scan", "--drift")
    assert proc.returncode == 2 and "--drift needs" in proc.stderr
    proc = iacscan("scan")
    assert proc.returncode == 2 and "nothing to scan" in proc.stderr
