"""End to end through the real `iacscan` process: formats, exit codes, suppressions, broken input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli import ROOT, iacscan
from tests.sarif_schema import assert_valid_sarif

FIXTURES = Path(__file__).parent / "fixtures"
MIXED = "tests/e2e/fixtures/mixed"
CLEAN = "tests/e2e/fixtures/clean"
ONLY_SSH = ("--no-builtin", "--policies", "policies/aws/AWS-EC2-001")


def test_sarif_is_valid_located_and_suppressed(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    proc = iacscan("scan", MIXED, *ONLY_SSH, "--format", "sarif", "--output", str(out))
    assert proc.returncode == 1, proc.stderr
    doc = assert_valid_sarif(out.read_text())
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["AWS-EC2-001"]
    by_resource = {r["properties"]["resource"]: r for r in run["results"]}
    web = by_resource["aws_security_group.web"]
    assert web["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f"{MIXED}/network.tf"
    assert web["locations"][0]["physicalLocation"]["region"]["startLine"] == 18
    assert web["level"] == "error"
    assert "aws_security_group.web" in web["message"]["text"]
    bastion = by_resource["aws_security_group.bastion"]
    assert bastion["suppressions"] == [
        {"kind": "inSource", "justification": "bastion host, access reviewed quarterly"}
    ]
    # The unknown variable neither fails nor appears as a result.
    assert "aws_security_group.admin" not in by_resource
    # The broken file: a notification naming file and line, and its good blocks still scanned.
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("broken.tf" in n["message"]["text"] for n in notes)
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.tf")
    assert "aws_security_group_rule.after_broken" in by_resource


def test_fingerprints_do_not_depend_on_lines(tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    moved.mkdir()
    text = (FIXTURES / "mixed" / "network.tf").read_text()
    (moved / "network.tf").write_text("\n\n\n# moved down\n" + text)
    first = iacscan("scan", MIXED, *ONLY_SSH, "-f", "sarif", "--base-dir", str(ROOT / MIXED))
    second = iacscan("scan", str(moved), *ONLY_SSH, "-f", "sarif", "--base-dir", str(moved), cwd=ROOT)

    def prints(stdout: str) -> dict[str, str]:
        results = json.loads(stdout)["runs"][0]["results"]
        return {r["properties"]["resource"]: r["partialFingerprints"]["iacscan/v1"] for r in results}

    a, b = prints(first.stdout), prints(second.stdout)
    assert a["aws_security_group.web"] == b["aws_security_group.web"]


def test_base_dir_makes_uris_relative_to_it() -> None:
    proc = iacscan("scan", MIXED, *ONLY_SSH, "-f", "sarif", "--base-dir", MIXED)
    doc = assert_valid_sarif(proc.stdout)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]
    }
    assert uris == {"network.tf", "broken.tf"}


def test_output_is_deterministic() -> None:
    runs = [iacscan("scan", MIXED, "-f", "json").stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])["findings"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((CLEAN, *ONLY_SSH), 0),
        ((MIXED, *ONLY_SSH), 1),
        ((MIXED, *ONLY_SSH, "--fail-on", "critical"), 0),
        ((MIXED, *ONLY_SSH, "--soft-fail"), 0),
        ((MIXED, *ONLY_SSH, "--skip", "CKV_AWS_24"), 0),
        (("does/not/exist",), 2),
    ],
)
def test_exit_codes(args: tuple[str, ...], code: int) -> None:
    proc = iacscan("scan", *args, "-f", "json")
    assert proc.returncode == code, proc.stderr


def test_missing_path_is_one_line_without_traceback() -> None:
    proc = iacscan("scan", "nope/missing")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "iacscan: error: nope/missing: no such file or directory"


def test_invalid_policy_names_file_and_json_path(tmp_path: Path) -> None:
    folder = tmp_path / "HOUSE-X-001"
    folder.mkdir()
    (folder / "HOUSE-X-001.yaml").write_text(
        "id: HOUSE-X-001\ntitle: A house policy\nseverity: urgent\ndescription: Checks a thing well.\n"
        "remediation: Fix the thing.\nresource_types: [aws_s3_bucket]\ncondition: {attr: acl, op: exists}\n"
    )
    proc = iacscan("scan", CLEAN, "--policies", str(tmp_path))
    assert proc.returncode == 2
    assert "HOUSE-X-001.yaml" in proc.stderr and "$.severity" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_text_report_has_no_colour_when_piped_and_names_findings() -> None:
    proc = iacscan("scan", MIXED, *ONLY_SSH)
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout
    assert "aws_security_group.web" in proc.stdout
    assert "broken.tf:7" in proc.stdout
    assert "2 failed" in proc.stdout


def test_output_file_is_replaced_atomically(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", str(out))
    assert proc.returncode == 0
    assert json.loads(out.read_text())["summary"]["passed"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
