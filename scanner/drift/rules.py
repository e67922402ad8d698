"""The three drift rules, described for reports (SARIF ``rules``).

Severities: a deleted resource is ``high`` (what the code declares is gone: an outage or a control
that no longer exists); a changed attribute is ``medium`` (the code no longer describes reality and
the next apply will revert it); an unmanaged resource is ``low`` (it may be legitimate, but nobody
reviews it).
"""

from __future__ import annotations

from scanner.model import DriftKind, RuleInfo, Severity

CHANGED = "DRIFT-CHANGED"
DELETED = "DRIFT-DELETED"
UNMANAGED = "DRIFT-UNMANAGED"

RULE_IDS = {DriftKind.CHANGED: CHANGED, DriftKind.DELETED: DELETED, DriftKind.UNMANAGED: UNMANAGED}
SEVERITIES = {
    DriftKind.CHANGED: Severity.MEDIUM,
    DriftKind.DELETED: Severity.HIGH,
    DriftKind.UNMANAGED: Severity.LOW,
}


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
