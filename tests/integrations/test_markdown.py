"""Markdown for job summaries and PR comments: counts, top findings with help links, drift, suppressions."""

from __future__ import annotations

from scanner.model import (
    DriftKind,
    Finding,
    Origin,
    RuleInfo,
    ScanResult,
    Sensitive,
    Severity,
    SourceRef,
    Status,
    Suppression,
)
from scanner.report.markdown import LIMIT, TOP, render_markdown

RULE = RuleInfo(
    "AWS-EC2-001",
    "No SSH from the internet",
    "d",
    Severity.HIGH,
    help_uri="https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
)


def _fail(address: str, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(
        "AWS-EC2-001",
        Status.FAIL,
        severity,
        address,
        "aws_security_group",
        "m",
        SourceRef("net/main.tf", 4, 12),
    )


def test_counts_top_findings_links_drift_and_suppressions() -> None:
    drift = Finding(
        "DRIFT-CHANGED",
        Status.FAIL,
        Severity.MEDIUM,
        "aws_db_instance.main",
        "aws_db_instance",
        "m",
        None,
        attribute_path="password",
        origin=Origin.STATE,
        drift_kind=DriftKind.CHANGED,
        expected=Sensitive,
        actual=Sensitive,
    )
    quiet = Finding(
        "AWS-EC2-001",
        Status.SUPPRESSED,
        Severity.HIGH,
        "aws_security_group.vpn",
        "t",
        "m",
        suppression=Suppression("external", "in baseline since 2026-01-02", "baseline"),
    )
    text = render_markdown(ScanResult((_fail("aws_security_group.a|b"), drift, quiet), (RULE,)))
    assert "❌ **1 failing finding** and **1 drifted resource**." in text
    assert "| 🔴 high | 1 |" in text
    assert f"[AWS-EC2-001]({RULE.help_uri})" in text
    assert "`aws_security_group.a\\|b`" in text and "`net/main.tf:4-12`" in text
    assert "### Drift" in text and "`(sensitive)`" in text
    assert "1 suppressed</summary>" in text and "in baseline since 2026-01-02" in text


def test_clean_result() -> None:
    text = render_markdown(ScanResult((), (RULE,)))
    assert "✅ **No failing findings and no drift.**" in text and "### Top findings" not in text


def test_long_lists_fold_and_fit_a_comment() -> None:
    many = tuple(_fail(f"aws_security_group.sg{n:05d}<b>", Severity.LOW) for n in range(5000))
    text = render_markdown(ScanResult(many, (RULE,)))
    assert len(text) <= LIMIT + 200
    assert f"{5000 - TOP} more findings</summary>" in text
    assert "<b>" not in text
