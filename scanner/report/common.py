"""Small helpers shared by the report formats."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from scanner.model import Finding, Sensitive, Severity, Status, Unknown
from scanner.report.escape import escape_line, json_visible

SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
}
SARIF_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
}
SEVERITY_ORDER = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)


def safe_value(value: Any) -> Any:
    """A JSON-able copy of a value with secrets redacted and unknowns spelled out."""
    if value is Sensitive:
        return "(sensitive)"
    if value is Unknown:
        return "(known after apply)"
    if isinstance(value, dict):
        return {str(k): safe_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [safe_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def reportable(findings: Iterable[Finding], show: Collection[Status] = ()) -> list[Finding]:
    """What reports list: failures and suppressed failures, plus the statuses in ``show``
    (``--show unknown``, ``--show passed``); otherwise passes and unknowns are counted only."""
    wanted = {Status.FAIL, Status.SUPPRESSED, *show}
    return [f for f in findings if f.status in wanted]


def unknown_reason(finding: Finding) -> str:
    """Why an UNKNOWN result could not be decided (which value, from which variable or attribute)."""
    reason = finding.properties.get("reason") if finding.properties else None
    return str(reason) if reason else "a value it depends on is unknown"


def counts(findings: Iterable[Finding]) -> dict[str, Any]:
    findings = list(findings)
    policy = [f for f in findings if not f.is_drift]
    drift = [f for f in findings if f.is_drift and f.status is Status.FAIL]
    status = Counter(f.status.value for f in policy)
    failing = Counter(f.severity.value for f in policy if f.status is Status.FAIL)
    return {
        "passed": status.get("pass", 0),
        "failed": status.get("fail", 0),
        "unknown": status.get("unknown", 0),
        "suppressed": status.get("suppressed", 0),
        "failed_by_severity": {s.value: failing.get(s.value, 0) for s in SEVERITY_ORDER},
        "drift": {
            kind: sum(1 for f in drift if f.drift_kind is not None and f.drift_kind.value == kind)
            for kind in ("changed", "deleted", "unmanaged")
        },
    }


def many_roots(findings: Iterable[Finding]) -> bool:
    """Whether the reported results come from more than one root (then reports name the root)."""
    return len({f.root for f in reportable(findings)}) > 1


def qualified(finding: Finding) -> str:
    """``root:address`` (SARIF's fullyQualifiedName), or the address for a result without a root."""
    return f"{finding.root}:{finding.resource_address}" if finding.root else finding.resource_address


def location_text(finding: Finding) -> str:
    """``file:line`` for display; a hostile file name's control characters shown as escapes."""
    src = finding.source
    if src is None:
        return "-"
    if src.end_line and src.end_line != src.start_line:
        return escape_line(f"{src.path}:{src.start_line}-{src.end_line}")
    return escape_line(f"{src.path}:{src.start_line}")


PRETTY_LIMIT = 500


def dump_json(document: Any, items: int) -> str:
    """Indented JSON for reports a person may read; compact past ``PRETTY_LIMIT`` items.

    Indentation forces Python's pure-Python encoder, several times slower than the C one: on a
    10,000-resource scan it would cost more than the scan itself.
    """
    if items <= PRETTY_LIMIT:
        return json_visible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    return json_visible(json.dumps(document, separators=(",", ":"), ensure_ascii=False)) + "\n"


def coverage_line(summary: Mapping[str, Any]) -> str | None:
    """``coverage 89.5% (17 of 19 managed resources compared)`` from a drift summary, if it has one."""
    managed, compared, percent = summary.get("managed"), summary.get("compared"), summary.get("coverage")
    if not isinstance(managed, int) or not isinstance(compared, int) or not isinstance(percent, (int, float)):
        return None
    return f"coverage {percent:g}% ({compared} of {managed} managed resources compared)"
