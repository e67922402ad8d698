"""A plain JSON report: summary, findings (failures and suppressed), notifications."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from scanner import __version__
from scanner.model import Finding, ScanResult, Status
from scanner.report.common import counts, dump_json, reportable, safe_value, unknown_reason


def finding_dict(finding: Finding) -> dict[str, Any]:
    src = finding.source
    out: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "root": finding.root,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "resource": finding.resource_address,
        "resource_type": finding.resource_type,
        "origin": finding.origin.value,
        "message": finding.message,
        "file": src.path if src else None,
        "start_line": src.start_line if src else None,
        "end_line": src.end_line if src else None,
        "attribute": finding.attribute_path or None,
        "fingerprint": finding.fingerprint(),
    }
    if finding.status is Status.UNKNOWN:
        out["reason"] = unknown_reason(finding)
    if src is not None and src.inner is not None:  # written in a module downloaded outside the repository
        out["module_file"] = {"path": src.inner.path, "line": src.inner.start_line}
    if finding.suppression is not None:
        out["suppression"] = {
            "kind": finding.suppression.kind,
            "justification": finding.suppression.justification,
            "source": finding.suppression.source,
        }
    if finding.drift_kind is not None:
        out["drift"] = {
            "kind": finding.drift_kind.value,
            "expected": safe_value(finding.expected),
            "actual": safe_value(finding.actual),
        }
    return out


def json_document(result: ScanResult, show: Collection[Status] = ()) -> dict[str, Any]:
    return {
        "tool": "iacscan",
        "version": __version__,
        "inputs": list(result.inputs),
        "summary": {**counts(result.findings), **safe_value(dict(result.summary))},
        "findings": [finding_dict(f) for f in reportable(result.findings, show)],
        "notifications": [
            {
                "level": n.level,
                "kind": n.kind,
                "message": n.message,
                "file": n.source.path if n.source else None,
                "line": n.source.start_line if n.source else None,
            }
            for n in result.notifications
        ],
    }


def render_json(result: ScanResult, show: Collection[Status] = ()) -> str:
    document = json_document(result, show)
    return dump_json(document, len(document["findings"]))
