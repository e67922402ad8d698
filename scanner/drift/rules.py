"""The three drift rules, described for reports (SARIF ``rules``).

Severities: a deleted resource is ``high`` (what the code declares is gone: an outage or a control
that no longer exists); a changed attribute is ``medium`` (the code no longer describes reality and
the next apply will revert it); an unmanaged resource is ``low`` (it may be legitimate, but nobody
reviews it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scanner.model import DriftKind, Finding, Origin, Resource, RuleInfo, Severity, SourceRef, Status

CHANGED = "DRIFT-CHANGED"
DELETED = "DRIFT-DELETED"
UNMANAGED = "DRIFT-UNMANAGED"

RULE_IDS = {DriftKind.CHANGED: CHANGED, DriftKind.DELETED: DELETED, DriftKind.UNMANAGED: UNMANAGED}
SEVERITIES = {
    DriftKind.CHANGED: Severity.MEDIUM,
    DriftKind.DELETED: Severity.HIGH,
    DriftKind.UNMANAGED: Severity.LOW,
}


def drift_finding(
    kind: DriftKind,
    res: Resource,
    message: str,
    *,
    source: SourceRef | None,
    path: str,
    origin: Origin,
    properties: Mapping[str, Any],
    root: str,
    **extra: Any,
) -> Finding:
    """One drift result: the rule and severity of its kind, failed, on RES (the IaC's or the cloud's)."""
    return Finding(
        rule_id=RULE_IDS[kind],
        status=Status.FAIL,
        severity=SEVERITIES[kind],
        resource_address=res.address,
        resource_type=res.type,
        message=message,
        source=source,
        attribute_path=path,
        origin=origin,
        drift_kind=kind,
        properties=properties,
        root=root,
        **extra,
    )


def drift_rules() -> tuple[RuleInfo, ...]:
    return (
        RuleInfo(
            id=CHANGED,
            title="Resource changed outside IaC",
            description="A live attribute differs from the value in the Terraform state or Pulumi export.",
            severity=SEVERITIES[DriftKind.CHANGED],
            remediation="Apply the IaC again to restore the declared value, or change the code to adopt the "
            "live value (then refresh the state).",
            tags=("drift",),
        ),
        RuleInfo(
            id=DELETED,
            title="Resource deleted outside IaC",
            description="A resource in the Terraform state or Pulumi export no longer exists in the account.",
            severity=SEVERITIES[DriftKind.DELETED],
            remediation="Apply the IaC to recreate it, or remove it from the code and the state.",
            tags=("drift",),
        ),
        RuleInfo(
            id=UNMANAGED,
            title="Resource not managed by IaC",
            description="A live resource of a supported type is in no Terraform state or Pulumi export.",
            severity=SEVERITIES[DriftKind.UNMANAGED],
            remediation="Import it into the IaC (terraform import / pulumi import), delete it, or list it in "
            ".driftignore if it is managed elsewhere.",
            tags=("drift",),
        ),
    )
