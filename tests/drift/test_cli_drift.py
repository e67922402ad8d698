"""`iacscan drift` end to end against a real local endpoint (click's runner, in process)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import boto3
import pytest
from click.testing import CliRunner

from scanner.cli import main_group
from scanner.commands import drift as drift_command
from tests.aws_endpoint import free_port
from tests.cloud.endpoints import StopAfter
from tests.drift.seeding import REGION, seed


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main_group, ["drift", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow
def test_no_drift_exits_0_with_a_summary(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    code, out, err = invoke(str(seeded.state), "--endpoint-url", aws_endpoint, "--format", "json")
    assert code == 0, err
    summary = json.loads(out)["summary"]["drift"]
    assert summary["managed"] == 19 and summary["changed"] == summary["deleted"] == summary["unmanaged"] == 0
    assert summary["compared"] == 19 and summary["coverage"] == 100.0
    assert summary["regions"] == [REGION]  # found in the state's ARNs


@pytest.mark.slow
def test_drift_exits_3_and_writes_sarif(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="made-by-hand")
    out_file = tmp_path / "drift.sarif"
    code, _, err = invoke(
        str(seeded.state), "--endpoint-url", aws_endpoint, "-f", "sarif", "-o", str(out_file)
    )
    assert code == 3, err
    sarif = json.loads(out_file.read_text())
    run = sarif["runs"][0]
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {"DRIFT-CHANGED", "DRIFT-DELETED", "DRIFT-UNMANAGED"} <= rules
    assert [r["ruleId"] for r in run["results"]] == ["DRIFT-UNMANAGED"]


@pytest.mark.slow
def test_ignore_option_and_driftignore_file(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="made-by-hand")
    args = (str(seeded.state), "--endpoint-url", aws_endpoint, "-f", "json")
    assert invoke(*args, "--ignore", "aws_s3_bucket.made-*")[0] == 0
    ignore_file = tmp_path / "drift.ignore"
    ignore_file.write_text("# hand-made buckets are fine\naws_s3_bucket.*\n!aws_s3_bucket.made-by-hand\n")
    assert invoke(*args, "--driftignore", str(ignore_file))[0] == 3


@pytest.mark.slow
def test_text_report_shows_a_drift_table(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    vpc = seeded.inventory.by_address()["aws_vpc.main"].attrs["id"]
    ec2 = boto3.client("ec2", endpoint_url=aws_endpoint, region_name=REGION)
    ec2.create_tags(Resources=[vpc], Tags=[{"Key": "Env", "Value": "prod"}])
    code, out, _ = invoke(str(seeded.state), "--endpoint-url", aws_endpoint)
    assert code == 3
    assert "Drift" in out and "aws_vpc.main" in out and "tags.Env" in out and "prod" in out


def test_missing_input_exits_2(tmp_path: Path) -> None:
    code, _, err = invoke(str(tmp_path / "nope.tfstate"))
    assert code == 2
    assert "nope.tfstate: no such file or directory" in err


@pytest.mark.slow
def test_unreachable_endpoint_exits_2_with_a_clear_error(tmp_path: Path) -> None:
    state = Path(__file__).parent / "fixtures" / "basic.tfstate"
    dead = f"http://127.0.0.1:{free_port()}"
    code, _, err = invoke(str(state), "--endpoint-url", dead, "--max-attempts", "1", "-f", "json")
    assert code == 2
    assert "could not read AWS" in err and "endpoint unreachable" in err


@pytest.mark.slow
def test_endpoint_dying_mid_scan_exits_2_with_a_partial_report(
    dying_server: tuple[str, subprocess.Popen[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, proc = dying_server
    seeded = seed(url, tmp_path)

    def factory(**kwargs: Any) -> StopAfter:
        return StopAfter(kwargs["endpoint_url"], proc, calls=8)

    monkeypatch.setattr(drift_command, "SessionFactory", factory)
    out_file = tmp_path / "partial.json"
    code, _, err = invoke(str(seeded.state), "--endpoint-url", url, "-f", "json", "-o", str(out_file))
    assert proc.poll() is not None
    assert code == 2
    assert "the report is partial" in err
    report = json.loads(out_file.read_text())
    assert report["summary"]["drift"]["partial"] is True
    assert any(n["level"] == "error" and "stopped answering" in n["message"] for n in report["notifications"])
    assert [f for f in report["findings"] if f["drift"]["kind"] == "deleted"] == []


def test_terraform_source_without_state_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n')
    code, _, err = invoke(str(tmp_path), "--regions", REGION)
    assert code == 2
    assert "drift needs resource ids" in err


@pytest.mark.slow
def test_baseline_and_config_apply_to_drift(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="made-by-hand")
    sarif = tmp_path / "drift.sarif"
    args = (str(seeded.state), "--endpoint-url", aws_endpoint)
    assert invoke(*args, "-f", "sarif", "-o", str(sarif))[0] == 3
    base = tmp_path / "baseline.json"
    made = CliRunner().invoke(main_group, ["baseline", "create", "--from-sarif", str(sarif), "-o", str(base)])
    assert made.exit_code == 0, made.output
    code, out, err = invoke(*args, "--baseline", str(base), "-f", "json")
    assert code == 0, err
    [finding] = json.loads(out)["findings"]
    assert finding["status"] == "suppressed" and finding["suppression"]["source"] == "baseline"
    config = tmp_path / "iacscan.yaml"
    config.write_text("drift:\n  ignore:\n    - aws_s3_bucket.made-by-hand\n")
    code, out, err = invoke(*args, "--config", str(config), "-f", "json")
    assert code == 0, err + out
