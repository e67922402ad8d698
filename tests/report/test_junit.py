"""JUnit XML: one suite per root, one case per (policy, resource), valid against the Jenkins xUnit
JUnit schema (tests/data/junit/junit-10.xsd)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from scanner.model import DriftKind, Finding, Notification, ScanResult, Severity, SourceRef, Status
from scanner.report import render
from tests.e2e.cli import iacscan

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "junit" / "junit-10.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def _finding(rule: str, address: str, status: Status, root: str = "", **kw: object) -> Finding:
    return Finding(
        rule_id=rule,
        status=status,
        severity=Severity.HIGH,
        resource_address=address,
        resource_type=address.rsplit(".", 1)[0],
        message=f"{address}: a title",
        source=SourceRef(f"{root or 'x'}/main.tf", 3, 9),
        root=root,
        **kw,  # type: ignore[arg-type]
    )


def test_one_suite_per_root_one_case_per_policy_and_resource(schema: xmlschema.XMLSchema) -> None:
    findings = (
        _finding("AWS-S3-004", "aws_s3_bucket.logs", Status.FAIL, "envs/dev", attribute_path="versioning"),
        _finding("AWS-S3-004", "aws_s3_bucket.logs", Status.PASS, "envs/prod"),
        _finding("AWS-S3-002", "aws_s3_bucket.logs", Status.UNKNOWN, "envs/prod", properties={"reason": "x"}),
        _finding("AWS-EC2-001", "aws_security_group.web", Status.FAIL, "envs/prod").suppressed(
            "inSource", "reviewed", "inline"
        ),
    )
    text = render(ScanResult(findings, ()), "junitxml")
    schema.validate(text)
    root = ET.fromstring(text)
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["envs/dev", "envs/prod"]
    dev = suites["envs/dev"]
    assert dev.get("tests") == "1" and dev.get("failures") == "1"
    case = dev.find("testcase")
    assert case is not None
    assert (case.get("classname"), case.get("name")) == ("AWS-S3-004", "aws_s3_bucket.logs")
    assert (case.get("file"), case.get("line")) == ("envs/dev/main.tf", "3")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "high"
    assert failure.get("message") == "aws_s3_bucket.logs: a title"
    assert "location: envs/dev/main.tf:3-9" in (failure.text or "")
    assert "attribute: versioning" in (failure.text or "")
    prod = suites["envs/prod"]
    assert prod.get("tests") == "3" and prod.get("failures") == "0" and prod.get("skipped") == "2"
    by_rule = {c.get("classname"): c for c in prod.findall("testcase")}
    assert list(by_rule["AWS-S3-004"]) == []  # a pass: a test case with no child
    skipped = by_rule["AWS-EC2-001"].find("skipped")
    assert skipped is not None and skipped.get("message") == "suppressed: reviewed"
    unknown = by_rule["AWS-S3-002"].find("skipped")
    assert unknown is not None and unknown.get("message") == "could not be decided: x"


def test_single_unnamed_root_drift_notifications_and_hostile_text(schema: xmlschema.XMLSchema) -> None:
    drift = _finding("IACSCAN-DRIFT-CHANGED", "aws_instance.app", Status.FAIL, drift_kind=DriftKind.CHANGED)
    hostile = _finding("AWS-EC2-001", 'aws_security_group.x["a\x1b[31m<&>\x00"]', Status.FAIL)
    note = Notification("error", "broken.tf:3: bad\x07 input")
    text = render(ScanResult((drift, hostile), (), (note,)), "junitxml")
    schema.validate(text)
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    root = ET.fromstring(text)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["iacscan"]
    names = [c.get("name") for c in suites[0].findall("testcase")]
    assert 'aws_security_group.x["a\\x1b[31m<&>\\x00"]' in names
    err = suites[0].find("system-err")
    assert err is not None and "broken.tf:3: bad\\x07 input" in (err.text or "")
    drift_case = next(
        c for c in suites[0].findall("testcase") if c.get("classname") == "IACSCAN-DRIFT-CHANGED"
    )
    failure = drift_case.find("failure")
    assert failure is not None and "drift: changed" in (failure.text or "")


def test_empty_result_is_valid(schema: xmlschema.XMLSchema) -> None:
    text = render(ScanResult((), ()), "junitxml")
    schema.validate(text)
    assert ET.fromstring(text).get("tests") == "0"


def test_junit_through_the_cli_is_valid(schema: xmlschema.XMLSchema, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    proc = iacscan("scan", "tests/e2e/fixtures/mixed", "-f", "junitxml", "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    schema.validate(str(out))
    root = ET.fromstring(out.read_text())
    cases = root.findall("testsuite/testcase")
    assert int(root.get("failures") or 0) >= 1 and len(cases) == int(root.get("tests") or 0)
    web = [
        c for c in cases if c.get("name") == "aws_security_group.web" and c.get("classname") == "AWS-EC2-001"
    ]
    assert len(web) == 1 and web[0].find("failure") is not None
    assert web[0].get("file") == "tests/e2e/fixtures/mixed/network.tf"
    bastion = [
        c
        for c in cases
        if c.get("name") == "aws_security_group.bastion" and c.get("classname") == "AWS-EC2-001"
    ]
    assert bastion[0].find("skipped") is not None
