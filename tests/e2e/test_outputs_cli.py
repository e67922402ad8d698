"""Several reports from one run, --show, --severity and the warnings about what a user asked for,
through the real `iacscan` process."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.cli import ROOT, iacscan
from tests.sarif_schema import assert_valid_sarif

MIXED = "tests/e2e/fixtures/mixed"
ONLY_SSH = ("--no-builtin", "--policies", "policies/aws/AWS-EC2-001")


def test_text_to_the_log_and_sarif_and_json_to_files_from_one_scan(tmp_path: Path) -> None:
    sarif, report = tmp_path / "out.sarif", tmp_path / "out.json"
    proc = iacscan(
        "scan", MIXED, *ONLY_SSH, "-f", "text", "-o", "-", "-f", "sarif", "-o", str(sarif),
        "--format", "json", "--output", str(report),
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Policy findings" in proc.stdout and "aws_security_group.web" in proc.stdout
    doc = assert_valid_sarif(sarif.read_text())
    resources = {r["properties"]["resource"] for r in doc["runs"][0]["results"]}
    assert {"aws_security_group.web", "aws_security_group.bastion"} <= resources
    summary = json.loads(report.read_text())["summary"]
    assert summary["failed"] + summary["suppressed"] == len(resources)


def test_all_reports_to_files_print_nothing(tmp_path: Path) -> None:
    proc = iacscan(
        "scan", MIXED, *ONLY_SSH, "-f", "sarif", "-o", str(tmp_path / "a.sarif"),
        "-f", "junitxml", "-o", str(tmp_path / "a.xml"),
    )  # fmt: skip
    assert proc.returncode == 1 and proc.stdout == ""
    assert_valid_sarif((tmp_path / "a.sarif").read_text())
    assert (tmp_path / "a.xml").read_text().startswith('<?xml version="1.0"')


def test_repeated_format_without_matching_outputs_is_one_line_usage_error(tmp_path: Path) -> None:
    for args in (
        ("-f", "text", "-f", "sarif"),
        ("-f", "text", "-f", "sarif", "-o", str(tmp_path / "x.sarif")),
        ("-f", "sarif", "-o", str(tmp_path / "a"), "-o", str(tmp_path / "b")),
        ("-f", "text", "-o", "-", "-f", "json", "-o", "-"),
        ("-f", "json", "-o", str(tmp_path / "same"), "-f", "sarif", "-o", str(tmp_path / "same")),
    ):
        proc = iacscan("scan", MIXED, *args)
        assert proc.returncode == 2, (args, proc.stdout)
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("iacscan: error: "), proc.stderr
    proc = iacscan("drift", "no-such.tfstate", "-f", "text", "-f", "sarif")
    assert proc.returncode == 2 and "-f given 2 times needs 2 -o" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_help_explains_the_pairing() -> None:
    proc = iacscan("scan", "--help")
    text = " ".join(proc.stdout.split())
    assert "give one -o per -f, in the same order" in text and "-o - is standard output" in text
    assert "junitxml" in text and "--severity" in text and "--show" in text


def test_show_unknown_names_the_variable_in_text_json_and_sarif(tmp_path: Path) -> None:
    sarif, report = tmp_path / "u.sarif", tmp_path / "u.json"
    proc = iacscan(
        "scan", MIXED, *ONLY_SSH, "--show", "unknown", "-f", "text", "-o", "-",
        "-f", "sarif", "-o", str(sarif), "-f", "json", "-o", str(report),
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Unknown (could not be decided)" in proc.stdout
    line = next(x for x in proc.stdout.splitlines() if "aws_security_group.admin" in x)
    assert "unknown: ingress[0].cidr_blocks is unknown (from var.admin_cidrs)" in line
    assert f"{MIXED}/network.tf:" in line  # located at the attribute a user would set

    found = [f for f in json.loads(report.read_text())["findings"] if f["status"] == "unknown"]
    assert [f["resource"] for f in found] == ["aws_security_group.admin"]
    assert found[0]["reason"] == "ingress[0].cidr_blocks is unknown (from var.admin_cidrs)"

    doc = assert_valid_sarif(sarif.read_text())
    review = [r for r in doc["runs"][0]["results"] if r.get("kind") == "review"]
    assert len(review) == 1 and review[0]["level"] == "none"
    assert "var.admin_cidrs" in review[0]["properties"]["reason"]
    assert "var.admin_cidrs" in review[0]["message"]["text"]
    failing = [r for r in doc["runs"][0]["results"] if "kind" not in r]
    assert failing and all(r["level"] == "error" for r in failing)


def test_show_passed_and_default_hides_both(tmp_path: Path) -> None:
    shown = iacscan("scan", MIXED, "--show", "passed,unknown", "-f", "json")
    statuses = {f["status"] for f in json.loads(shown.stdout)["findings"]}
    assert statuses == {"pass", "fail", "suppressed", "unknown"}
    text = iacscan("scan", MIXED, "--show", "passed")
    assert "Passed" in text.stdout.splitlines() and "Unknown (could not be decided)" not in text.stdout
    plain = iacscan("scan", MIXED, *ONLY_SSH, "-f", "json")
    assert {f["status"] for f in json.loads(plain.stdout)["findings"]} == {"fail", "suppressed"}
    markdown = iacscan("scan", MIXED, "--show", "unknown", "-f", "markdown")
    assert "--show lists more only in text, json, sarif and junitxml" in markdown.stderr
    bad = iacscan("scan", MIXED, "--show", "everything")
    assert bad.returncode == 2 and "'everything' is not one of passed, unknown" in bad.stderr


def test_severity_filters_what_is_shown_and_what_fails() -> None:
    everything = json.loads(iacscan("scan", MIXED, "-f", "json").stdout)["summary"]["failed_by_severity"]
    assert everything["high"] >= 1 and any(everything[s] for s in ("medium", "low"))
    low_only = iacscan("scan", MIXED, "--severity", "low,medium", "-f", "json")
    summary = json.loads(low_only.stdout)["summary"]
    assert summary["failed_by_severity"]["high"] == 0
    assert summary["failed"] == everything["medium"] + everything["low"]
    # Composes with --fail-on: what is left is below high, so a high threshold passes.
    assert iacscan("scan", MIXED, "--severity", "low,medium", "--fail-on", "high").returncode == 0
    assert iacscan("scan", MIXED, "--severity", "high", "--fail-on", "high").returncode == 1
    assert iacscan("scan", MIXED, "--severity", "high", "--severity", "critical").returncode == 1
    bad = iacscan("scan", MIXED, "--severity", "hihg")
    assert bad.returncode == 2 and "'hihg' is not a severity" in bad.stderr


def test_unknown_skip_ids_warn_with_the_closest_id(tmp_path: Path) -> None:
    proc = iacscan("scan", MIXED, "--skip", "AWSEC2-001,AWS-S3-004", "-f", "json")
    warnings = [n["message"] for n in json.loads(proc.stdout)["notifications"] if n["kind"] == "config"]
    assert warnings == ["--skip AWSEC2-001: no policy has this id; did you mean AWS-EC2-001?"]
    assert "did you mean AWS-EC2-001?" in proc.stderr  # not on a terminal's text report: said on stderr
    config = tmp_path / "iacscan.yaml"
    config.write_text("skip:\n  - id: ZZZ-NOTHING-LIKE-IT\n    reason: typo\n")
    proc = iacscan("scan", MIXED, "--config", str(config))
    assert (
        "warning: iacscan.yaml: skip ZZZ-NOTHING-LIKE-IT: no policy has this id; see `iacscan" in proc.stdout
    )
    assert proc.stderr.count("ZZZ-NOTHING-LIKE-IT") == 0  # the text report said it already


def test_results_outside_the_base_dir_warn_once(tmp_path: Path) -> None:
    proc = iacscan("scan", str(ROOT / MIXED), "-f", "sarif", cwd=tmp_path)
    doc = assert_valid_sarif(proc.stdout)
    notes = [n["message"]["text"] for n in doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]]
    outside = [n for n in notes if "--base-dir" in n]
    assert len(outside) == 1 and "outside the base directory" in outside[0]
    assert proc.stderr.count("--base-dir") == 1
    inside = iacscan("scan", str(ROOT / MIXED), "-f", "sarif", "--base-dir", str(ROOT), cwd=tmp_path)
    assert "--base-dir" not in inside.stderr


def test_framework_that_is_an_iac_kind_explains_itself() -> None:
    proc = iacscan("scan", MIXED, "--framework", "terraform")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "compliance framework" in lines[0] and "cis-aws-foundations" in lines[0]
    assert "detected automatically" in lines[0]


def test_policies_show_and_eol_show_read_well() -> None:
    shown = iacscan("policies", "show", "AWS-S3-002")
    assert shown.returncode == 0 and "_Defined in" not in shown.stdout
    assert re.search(r"Defined in .*AWS-S3-002\.yaml", shown.stdout)
    eol = iacscan("eol", "show")
    assert eol.returncode == 0
    for count, word in re.findall(r"\s(\d+) (versions?)\s", eol.stdout):
        assert word == ("version" if count == "1" else "versions")
    assert " 1 versions" not in eol.stdout and " 1 days old" not in eol.stdout


def test_sarif_with_shown_results_merges_and_counts_as_before(tmp_path: Path) -> None:
    shown, plain = tmp_path / "shown.sarif", tmp_path / "plain.sarif"
    iacscan("scan", MIXED, "--show", "passed,unknown", "-f", "sarif", "-o", str(shown))
    iacscan("scan", MIXED, "-f", "sarif", "-o", str(plain))
    merged = [json.loads(iacscan("merge", str(p), "-f", "json").stdout)["summary"] for p in (shown, plain)]
    assert merged[0]["failed"] == merged[1]["failed"] and merged[0]["suppressed"] == merged[1]["suppressed"]
    counts = ROOT / ".github" / "action" / "counts.py"
    out = [iacscan_counts(counts, p) for p in (shown, plain)]
    assert out[0] == out[1]


def iacscan_counts(script: Path, sarif: Path) -> str:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, str(script), str(sarif)], capture_output=True, text=True, check=True
    ).stdout
