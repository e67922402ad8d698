"""`iacscan policies list | show | test` through the real process, on the documented worked example."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.e2e.cli import ROOT, iacscan

HOUSE = Path(__file__).parent / "fixtures" / "house-policies"


def test_worked_example_in_policies_readme_is_the_tested_one() -> None:
    readme = (ROOT / "policies" / "README.md").read_text()
    match = re.search(r"```yaml\n(id: HOUSE-S3-001.*?)\n```\n\n## Conditions", readme, re.S)
    assert match, "policies/README.md lost its worked example"
    assert match.group(1) + "\n" == (HOUSE / "HOUSE-S3-001" / "HOUSE-S3-001.yaml").read_text()


def test_policies_test_passes_on_good_fixtures() -> None:
    proc = iacscan("policies", "test", str(HOUSE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed, 0 failed" in proc.stdout


def test_policies_test_reports_a_wrong_fixture(tmp_path: Path) -> None:
    copy = tmp_path / "house"
    shutil.copytree(HOUSE, copy)
    (copy / "HOUSE-S3-001" / "fail_wrong.tf").write_text(
        'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = { owner = "a", purpose = "logs" }\n}\n'
    )
    proc = iacscan("policies", "test", str(copy))
    assert proc.returncode == 1
    assert "FAIL HOUSE-S3-001" in proc.stdout and "fail_wrong.tf" in proc.stdout


def test_house_framework_selects_and_tags(tmp_path: Path) -> None:
    listing = iacscan(
        "policies", "list", "--policies", str(HOUSE), "--framework", "house-baseline", "-f", "json"
    )
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    assert [r["id"] for r in rows] == ["HOUSE-S3-001"]
    assert rows[0]["frameworks"] == {"house-baseline": ["S3.1"]}
    fail_dir = tmp_path / "stack"
    fail_dir.mkdir()
    shutil.copy(HOUSE / "HOUSE-S3-001" / "fail.tf", fail_dir / "main.tf")
    scan = iacscan(
        "scan", str(fail_dir), "--policies", str(HOUSE), "--framework", "house-baseline", "-f", "sarif"
    )
    assert scan.returncode == 1
    rule = json.loads(scan.stdout)["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "HOUSE-S3-001"
    assert "house-baseline/S3.1" in rule["properties"]["tags"]


def test_show_renders_policy_and_accepts_checkov_id() -> None:
    proc = iacscan("policies", "show", "CKV_AWS_24")
    assert proc.returncode == 0
    assert "AWS-EC2-001" in proc.stdout and "Remediation" in proc.stdout
    missing = iacscan("policies", "show", "NOPE-1")
    assert missing.returncode == 2 and "no policy" in missing.stderr
