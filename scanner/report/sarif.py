"""SARIF 2.1.0 as GitHub code scanning accepts it."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from scanner import __version__
from scanner.model import Finding, Notification, RuleInfo, ScanResult, SourceRef, Status
from scanner.report.common import (
    SARIF_LEVEL,
    SECURITY_SEVERITY,
    dump_json,
    qualified,
    reportable,
    safe_value,
    unknown_reason,
)
from scanner.report.escape import escape_deep, escape_line, sarif_uri

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/iacscan/iacscan"
FINGERPRINT_KEY = "iacscan/v1"
_NOT_FAILED = {Status.UNKNOWN: "review", Status.PASS: "pass"}


def _rule_name(title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Rule"


def _rule(rule: RuleInfo) -> dict[str, Any]:
    tags = ["security", "iac", *rule.tags]
    for framework, controls in sorted(rule.frameworks.items()):
        tags.extend(f"{framework}/{c}" for c in controls)
    markdown = f"**{rule.title}**\n\n{rule.description}"
    text = f"{rule.title}\n\n{rule.description}"
    if rule.remediation:
        markdown += f"\n\n### Remediation\n\n{rule.remediation}"
        text += f"\n\nRemediation:\n{rule.remediation}"
    if rule.help_uri:
        markdown += f"\n\n[Reference]({rule.help_uri})"
    out: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "severity": rule.severity.value,
            "precision": "high",
            "tags": sorted(dict.fromkeys(tags)),
        },
    }
    if rule.help_uri:
        out["helpUri"] = rule.help_uri
    if rule.aliases:
        out["properties"]["aliases"] = list(rule.aliases)
    return out


def _physical(src: SourceRef) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, src.start_line)}
    if src.end_line and src.end_line >= src.start_line:
        region["endLine"] = src.end_line
    return {"physicalLocation": {"artifactLocation": {"uri": sarif_uri(src.path)}, "region": region}}


def _related(inner: SourceRef) -> dict[str, Any]:
    """Where a finding in a downloaded module is written in that module (outside the repository)."""
    location = _physical(inner)
    location["id"] = 1
    location["message"] = {"text": f"written in the module at {inner.path}:{inner.start_line}"}
    return location


def _fallback_source(result: ScanResult) -> SourceRef:
    return SourceRef(result.inputs[0] if result.inputs else ".", 1, 1)


def _result(finding: Finding, index: int, fallback: SourceRef) -> dict[str, Any]:
    location = _physical(finding.source or fallback)
    address = escape_line(finding.resource_address)
    location["logicalLocations"] = [
        {"name": address, "fullyQualifiedName": escape_line(qualified(finding)), "kind": "resource"}
    ]
    props: dict[str, Any] = {
        "root": escape_line(finding.root),
        "resource": address,
        "resourceType": finding.resource_type,
        "origin": finding.origin.value,
        "severity": finding.severity.value,
    }
    if finding.attribute_path:
        props["attribute"] = escape_line(finding.attribute_path)
    if finding.drift_kind is not None:
        props["driftKind"] = finding.drift_kind.value
        props["expected"] = escape_deep(safe_value(finding.expected))
        props["actual"] = escape_deep(safe_value(finding.actual))
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": escape_line(finding.message)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint()},
        "properties": props,
    }
    if finding.status in _NOT_FAILED:
        # --show unknown / --show passed: SARIF's own result kinds, at level "none" as the spec requires
        # for any kind but "fail". GitHub code scanning lists them without failing the check.
        out["kind"], out["level"] = _NOT_FAILED[finding.status], "none"
        if finding.status is Status.UNKNOWN:
            props["reason"] = unknown_reason(finding)
    if finding.source is not None and finding.source.inner is not None:
        out["relatedLocations"] = [_related(finding.source.inner)]
    if finding.suppression is not None:
        out["suppressions"] = [
            {
                "kind": finding.suppression.kind,
                "justification": escape_line(finding.suppression.justification),
            }
        ]
    return out


def _notification(note: Notification) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level": note.level,
        "message": {"text": escape_line(note.message)},
        "descriptor": {"id": f"iacscan/{note.kind}"},
    }
    if note.source is not None:
        out["locations"] = [_physical(note.source)]
    return out


def sarif_document(result: ScanResult, show: Collection[Status] = ()) -> dict[str, Any]:
    rules = sorted(result.rules, key=lambda r: r.id)
    index = {rule.id: n for n, rule in enumerate(rules)}
    fallback = _fallback_source(result)
    results = [
        _result(f, index[f.rule_id], fallback)
        for f in reportable(result.findings, show)
        if f.rule_id in index
    ]
    notes = [_notification(n) for n in result.notifications]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "iacscan",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not any(
                    n.level == "error" and n.kind == "fatal" for n in result.notifications
                ),
                "toolExecutionNotifications": notes,
            }
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"summary": safe_value(dict(result.summary))},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(result: ScanResult, show: Collection[Status] = ()) -> str:
    document = sarif_document(result, show)
    return dump_json(document, len(document["runs"][0]["results"]))
