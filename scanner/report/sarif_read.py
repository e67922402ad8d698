"""Read SARIF back into a ScanResult: to render a merged nightly log as Markdown or HTML, or to
build a baseline from reports made elsewhere. Only what iacscan's SARIF carries comes back: failing
and suppressed results (passes are not in SARIF), rules with their framework tags, notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from scanner.errors import UsageError
from scanner.model import (
    DriftKind,
    Finding,
    Notification,
    Origin,
    RuleInfo,
    ScanResult,
    Severity,
    SourceRef,
    Status,
    Suppression,
)

_LEVEL_SEVERITY = {"error": Severity.HIGH, "warning": Severity.MEDIUM, "note": Severity.LOW}
_GENERIC_TAGS = {"security", "iac", "drift"}


def load_sarif(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise UsageError(f"{path}: not a SARIF log (no 'runs' list)")
    return doc


def _severity(value: Any, level: Any) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        return _LEVEL_SEVERITY.get(str(level), Severity.MEDIUM)


def _rule(raw: dict[str, Any]) -> RuleInfo:
    props = raw.get("properties", {})
    frameworks: dict[str, list[str]] = {}
    tags = []
    for tag in props.get("tags", []):
        if "/" in tag:
            framework, control = tag.split("/", 1)
            frameworks.setdefault(framework, []).append(control)
        elif tag not in _GENERIC_TAGS:
            tags.append(tag)
    return RuleInfo(
        id=raw["id"],
        title=raw.get("shortDescription", {}).get("text", raw["id"]),
        description=raw.get("fullDescription", {}).get("text", ""),
        severity=_severity(props.get("severity"), raw.get("defaultConfiguration", {}).get("level")),
        help_uri=raw.get("helpUri", ""),
        tags=tuple(tags),
        frameworks={k: tuple(v) for k, v in sorted(frameworks.items())},
        aliases=tuple(props.get("aliases", ())),
    )


def _source(result: dict[str, Any]) -> SourceRef | None:
    for location in result.get("locations", []):
        physical = location.get("physicalLocation", {})
        uri = physical.get("artifactLocation", {}).get("uri")
        if uri:
            region = physical.get("region", {})
            start = int(region.get("startLine", 1))
            return SourceRef(unquote(uri), start, int(region.get("endLine", start)))
    return None


def _finding(raw: dict[str, Any], rules: dict[str, RuleInfo]) -> Finding:
    props = raw.get("properties", {})
    rule_id = str(raw.get("ruleId", "unknown"))
    rule = rules.get(rule_id)
    severity = _severity(props.get("severity"), raw.get("level"))
    if rule is not None and "severity" not in props:
        severity = rule.severity
    suppression = None
    if raw.get("suppressions"):
        first = raw["suppressions"][0]
        suppression = Suppression(first.get("kind", "external"), first.get("justification", ""), "sarif")
    drift = props.get("driftKind")
    try:
        origin = Origin(props.get("origin", "hcl"))
    except ValueError:
        origin = Origin.HCL
    # --show passed / unknown write results of kind "pass" / "review": they are not failures.
    status = _KIND_STATUS.get(str(raw.get("kind", "fail")), Status.FAIL)
    return Finding(
        rule_id=rule_id,
        status=Status.SUPPRESSED if suppression and status is Status.FAIL else status,
        severity=severity,
        resource_address=str(props.get("resource") or _logical_name(raw) or ""),
        root=_root(raw, props),
        resource_type=str(props.get("resourceType", "")),
        message=str(raw.get("message", {}).get("text", "")),
        source=_source(raw),
        attribute_path=str(props.get("attribute", "")),
        origin=origin,
        suppression=suppression,
        drift_kind=DriftKind(drift) if drift in {k.value for k in DriftKind} else None,
        expected=props.get("expected"),
        actual=props.get("actual"),
        properties={"reason": str(props["reason"])} if props.get("reason") else {},
    )


_KIND_STATUS = {"pass": Status.PASS, "review": Status.UNKNOWN, "open": Status.UNKNOWN}


def _logical_name(raw: dict[str, Any]) -> str:
    for location in raw.get("locations", []):
        for logical in location.get("logicalLocations", []):
            name = logical.get("name") or logical.get("fullyQualifiedName")
            if name:
                return str(name)
    return ""


def _root(raw: dict[str, Any], props: dict[str, Any]) -> str:
    """The result's root: ``properties.root``, else the part of ``root:address`` before the address."""
    if isinstance(props.get("root"), str):
        return str(props["root"])
    for location in raw.get("locations", []):
        for logical in location.get("logicalLocations", []):
            name, full = str(logical.get("name") or ""), str(logical.get("fullyQualifiedName") or "")
            if name and full.endswith(":" + name):
                return full[: -len(name) - 1]
    return ""


def result_from_sarif(doc: dict[str, Any]) -> ScanResult:
    rules: dict[str, RuleInfo] = {}
    findings: list[Finding] = []
    notes: list[Notification] = []
    summary: dict[str, Any] = {}
    for run in doc.get("runs", []):
        for raw in run.get("tool", {}).get("driver", {}).get("rules", []):
            rules.setdefault(raw["id"], _rule(raw))
        findings.extend(_finding(r, rules) for r in run.get("results", []))
        for invocation in run.get("invocations", []):
            for note in invocation.get("toolExecutionNotifications", []):
                descriptor = str(note.get("descriptor", {}).get("id", "iacscan/sarif"))
                notes.append(
                    Notification(
                        str(note.get("level", "warning")),
                        str(note.get("message", {}).get("text", "")),
                        kind=descriptor.split("/", 1)[-1],
                    )
                )
        run_summary = run.get("properties", {}).get("summary")
        if isinstance(run_summary, dict):
            for key, value in run_summary.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    summary[key] = summary.get(key, 0) + value
    summary["source"] = "sarif"  # passes are not in SARIF: reports leave those counts out
    return ScanResult(
        findings=tuple(findings),
        rules=tuple(rules[k] for k in sorted(rules)),
        notifications=tuple(notes),
        summary=summary,
    )
