"""A readable terminal report: findings and drift two lines each, warnings, and a summary line.

Plain lines with a few ANSI codes (only on a terminal): they read well in CI logs and pre-commit
output, never fold, and cost microseconds a finding where a rich table costs a millisecond.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection

from scanner.model import Finding, ScanResult, Status
from scanner.report.common import (
    SEVERITY_ORDER,
    counts,
    coverage_line,
    location_text,
    many_roots,
    qualified,
    reportable,
    safe_value,
    unknown_reason,
)
from scanner.report.escape import escape_line

_ANSI = {
    "critical": "1;37;41",
    "high": "1;31",
    "medium": "33",
    "low": "36",
    "bold": "1",
    "dim": "2",
    "resource": "35",
    "error": "31",
    "warning": "33",
    "note": "2",
    "ok": "32",
}
_DRIFT_STYLE = {"DELETED": "high", "CHANGED": "medium", "UNMANAGED": "low"}
_INDENT = " " * 11

Paint = Callable[[str, str], str]


def _painter(color: bool) -> Paint:
    """Every piece of text goes through the painter, which escapes what came from scanned files."""
    if not color:
        return lambda text, style: escape_line(text)
    return lambda text, style: f"\x1b[{_ANSI[style]}m{escape_line(text)}\x1b[0m"


def _suppressed(f: Finding, paint: Paint) -> str:
    if f.status is Status.SUPPRESSED and f.suppression is not None:
        return paint(f"  suppressed: {f.suppression.justification}", "dim")
    return ""


def _policy_lines(findings: list[Finding], paint: Paint, roots: bool) -> list[str]:
    lines = [paint("Policy findings", "bold")]
    order = sorted(
        findings,
        key=lambda f: (
            f.status is Status.SUPPRESSED,
            -f.severity.rank,
            f.rule_id,
            f.root,
            f.resource_address,
        ),
    )
    for f in order:
        if f.status is Status.SUPPRESSED:
            label = paint(f"{'SUPPRESSED':<11}", "dim")
        else:
            label = paint(f"{f.severity.value.upper():<11}", f.severity.value)
        title = f.message.split(": ", 1)[-1]
        lines.append(f"{label}{paint(f.rule_id, 'bold')}  {escape_line(title)}")
        name = escape_line(qualified(f) if roots else f.resource_address)
        where = f"{paint(name, 'resource')}  {paint(location_text(f), 'dim')}"
        lines.append(f"{_INDENT}{where}{_suppressed(f, paint)}")
    return lines


def _shown_lines(findings: list[Finding], status: Status, paint: Paint, roots: bool) -> list[str]:
    """``--show unknown`` / ``--show passed``: one entry per result, unknowns with their reason."""
    heading = "Unknown (could not be decided)" if status is Status.UNKNOWN else "Passed"
    lines = [paint(heading, "bold")]
    for f in sorted(findings, key=lambda f: (f.rule_id, f.root, f.resource_address)):
        title = f.message.split(": ", 1)[-1]
        if status is Status.UNKNOWN:
            title = title.split(" (could not be decided: ", 1)[0]
        label = paint(f"{status.value.upper():<11}", "warning" if status is Status.UNKNOWN else "ok")
        lines.append(f"{label}{paint(f.rule_id, 'bold')}  {escape_line(title)}")
        name = escape_line(qualified(f) if roots else f.resource_address)
        where = f"{paint(name, 'resource')}  {paint(location_text(f), 'dim')}"
        if status is Status.UNKNOWN:
            where += paint(f"  unknown: {escape_line(unknown_reason(f))}", "dim")
        lines.append(f"{_INDENT}{where}")
    return lines


def _drift_lines(findings: list[Finding], paint: Paint, roots: bool) -> list[str]:
    lines = [paint("Drift", "bold")]
    for f in findings:
        kind = f.drift_kind.value.upper() if f.drift_kind else "?"
        style = "dim" if f.status is Status.SUPPRESSED else _DRIFT_STYLE.get(kind, "bold")
        name = escape_line(qualified(f) if roots else f.resource_address)
        line = f"{paint(f'{kind:<11}', style)}{paint(name, 'resource')}"
        if f.attribute_path:
            expected, actual = _short(safe_value(f.expected)), _short(safe_value(f.actual))
            line += escape_line(f"  {f.attribute_path}: {expected} (IaC) → {actual} (cloud)")
        lines.append(line)
        lines.append(f"{_INDENT}{paint(location_text(f), 'dim')}{_suppressed(f, paint)}")
    return lines


def _summary(result: ScanResult) -> str:
    c = counts(result.findings)
    sev = ", ".join(f"{c['failed_by_severity'][s.value]} {s.value}" for s in SEVERITY_ORDER)
    line = (
        f"{c['failed']} failed ({sev}), {c['passed']} passed, {c['unknown']} unknown, "
        f"{c['suppressed']} suppressed"
    )
    drift = c["drift"]
    if any(drift.values()) or result.summary.get("drift"):
        line += (
            f"; drift: {drift['changed']} changed, {drift['deleted']} deleted, {drift['unmanaged']} unmanaged"
        )
    covered = coverage_line(result.summary.get("drift") or {})
    if covered:
        line += f"; {covered}"
    return line


def render_text(
    result: ScanResult, *, color: bool = False, width: int = 120, show: Collection[Status] = ()
) -> str:
    """``width`` is accepted for symmetry with the other renderers; lines are never folded."""
    paint = _painter(color)
    shown = reportable(result.findings)
    blocks: list[list[str]] = []
    policy = [f for f in shown if not f.is_drift]
    drift = [f for f in shown if f.is_drift]
    roots = many_roots(shown)  # several roots: each resource is shown as root:address
    for status in (Status.PASS, Status.UNKNOWN):
        extra = [f for f in result.findings if status in show and f.status is status and not f.is_drift]
        if extra:
            blocks.append(_shown_lines(extra, status, paint, roots))
    if policy:
        blocks.append(_policy_lines(policy, paint, roots))
    if drift:
        blocks.append(_drift_lines(drift, paint, roots))
    tail = [
        paint(f"{n.level}: {n.message}", n.level if n.level in _ANSI else "warning")
        for n in result.notifications
    ]
    if not shown:
        tail.append(paint("No findings.", "ok"))
    tail.append(_summary(result))
    blocks.append(tail)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _short(value: object, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"
