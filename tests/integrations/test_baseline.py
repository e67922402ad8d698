"""Baselines through the real commands: create, scan --baseline, update, and from a drift SARIF."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from tests.integrations.conftest import FIXTURES, SARIF_SCHEMA, run_iacscan


def _entries(path: Path) -> list[dict[str, str]]:
    doc = json.loads(path.read_text())
    assert doc["version"] == 1
    return doc["entries"]  # type: ignore[no-any-return]


def test_create_records_todays_failures_sorted_and_stable(repo: Path) -> None:
    done = run_iacscan(["baseline", "create", "-o", "b1.json", "bad", "good"], repo)
    assert done.returncode == 0, done.stderr
    run_iacscan(["baseline", "create", "-o", "b2.json", "good", "bad"], repo)
    text = (repo / "b1.json").read_text()
    assert text == (repo / "b2.json").read_text()  # same findings → byte-identical file
    entries = _entries(repo / "b1.json")
    assert [(e["rule"], e["resource"]) for e in entries] == [("AWS-EC2-001", "aws_security_group.admin")]
    assert entries[0]["since"] == date.today().isoformat()
    assert entries[0]["kind"] == "policy" and len(entries[0]["fingerprint"]) == 32
    assert text.endswith("}\n") and json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n" == text


def test_scan_with_baseline_suppresses_known_and_fails_on_new(repo: Path) -> None:
    assert run_iacscan(["baseline", "create", "-o", "base.json", "bad"], repo).returncode == 0
    done = run_iacscan(["scan", "bad", "--baseline", "base.json", "-f", "sarif", "-o", "out.sarif"], repo)
    assert done.returncode == 0, done.stderr
    doc = json.loads((repo / "out.sarif").read_text())
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(doc)
    [result] = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "AWS-EC2-001"]
    assert result["suppressions"] == [
        {"kind": "external", "justification": f"in baseline since {date.today().isoformat()}"}
    ]
    # a new module with the same mistake is a new finding (another resource address): it fails
    shutil.copytree(FIXTURES / "bad_sg", repo / "bad2")
    (repo / "bad2" / "main.tf").write_text(
        (repo / "bad2" / "main.tf").read_text().replace('"admin"', '"ops"', 1)
    )
    done = run_iacscan(["scan", "bad", "bad2", "--baseline", "base.json"], repo)
    assert done.returncode == 1
    assert "aws_security_group.ops" in done.stdout


def test_update_drops_fixed_entries_and_adds_only_when_asked(repo: Path) -> None:
    assert run_iacscan(["baseline", "create", "-o", "base.json", "bad"], repo).returncode == 0
    shutil.copytree(FIXTURES / "bad_sg", repo / "bad2")
    (repo / "bad2" / "main.tf").write_text(
        (repo / "bad2" / "main.tf").read_text().replace('"admin"', '"ops"', 1)
    )
    # fix the first module; the second one is new
    shutil.rmtree(repo / "bad")
    shutil.copytree(FIXTURES / "good_sg", repo / "bad")
    done = run_iacscan(["baseline", "update", "-b", "base.json", "bad", "bad2"], repo)
    assert done.returncode == 0, done.stderr
    assert _entries(repo / "base.json") == []
    done = run_iacscan(["baseline", "update", "-b", "base.json", "--add-new", "bad", "bad2"], repo)
    assert [e["resource"] for e in _entries(repo / "base.json")] == ["aws_security_group.ops"]


def test_drift_from_a_sarif_report_is_baselined(repo: Path) -> None:
    shutil.copy(FIXTURES / "drift.sarif", repo / "drift.sarif")
    done = run_iacscan(["baseline", "create", "-o", "base.json", "--from-sarif", "drift.sarif"], repo)
    assert done.returncode == 0, done.stderr
    entries = _entries(repo / "base.json")
    assert sorted(e["kind"] for e in entries) == ["changed", "unmanaged"]
    assert {e["attribute"] for e in entries} == {"", "versioning.enabled"}


def test_a_broken_baseline_is_one_clear_line(repo: Path) -> None:
    (repo / "base.json").write_text('{"version": 1, "entries": [\n')
    done = run_iacscan(["scan", "bad", "--baseline", "base.json"], repo)
    assert done.returncode == 2
    assert (
        done.stderr.strip().startswith("iacscan: error: base.json:2:") and len(done.stderr.splitlines()) == 1
    )


@pytest.mark.slow
def test_drift_read_live_is_baselined_and_config_ignore_rules_apply(
    repo: Path, tmp_path: Path, aws_endpoint: str
) -> None:
    import boto3

    from tests.drift.seeding import REGION, seed

    (tmp_path / "seed").mkdir()
    seeded = seed(aws_endpoint, tmp_path / "seed")
    s3 = boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION)
    s3.create_bucket(Bucket="made-by-hand")
    s3.create_bucket(Bucket="scratch-by-hand")
    (repo / ".iacscan.yaml").write_text("drift:\n  ignore: ['aws_s3_bucket.scratch-*']\n")
    args = [
        "baseline",
        "create",
        "-o",
        "base.json",
        "--drift",
        str(seeded.state),
        "--endpoint-url",
        aws_endpoint,
    ]
    done = run_iacscan(args, repo)
    assert done.returncode == 0, done.stderr
    entries = _entries(repo / "base.json")
    assert [(e["rule"], e["resource"], e["kind"]) for e in entries] == [
        ("DRIFT-UNMANAGED", "aws_s3_bucket.made-by-hand", "unmanaged")
    ]
