"""Compare an IaC inventory with a live one: CHANGED, DELETED and UNMANAGED findings plus a summary.

Only types the live readers support (and that were read completely) are compared; the others are
counted by reason and type (``coverage``: ``compared / managed``, with one note per type not
compared). Resources are matched by
``(type, key)`` (``matcher``), both sides normalised by their type's normaliser, then diffed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.cloud.aws.catalog import GLOBAL, listings_for, supported_types
from scanner.cloud.aws.shapes import REGION_KEY
from scanner.drift import matcher
from scanner.drift.coverage import IGNORED, NO_ID, NO_READER, OTHER_REGION, READ_FAILED, Coverage
from scanner.drift.defaults import CHILD_TYPES, is_account_default
from scanner.drift.diff import SETS, compare
from scanner.drift.ignore import IgnoreRules
from scanner.drift.normalisers import normalise
from scanner.drift.rules import drift_finding, drift_rules
from scanner.model import (
    DriftKind,
    Finding,
    Inventory,
    Notification,
    Origin,
    Resource,
    Sensitive,
    SourceRef,
)

__all__ = ["DriftReport", "compute_drift", "drift_rules"]

REDACTED = "(sensitive)"
# A v4 split resource in the IaC carries the setting; the bucket's inline attribute is then skipped.
SPLIT_COVERS = {
    "aws_s3_bucket_versioning": "versioning",
    "aws_s3_bucket_server_side_encryption_configuration": "server_side_encryption_configuration",
    "aws_s3_bucket_logging": "logging",
    "aws_s3_bucket_policy": "policy",
}
RULE_FAMILIES = {
    "aws_security_group_rule": "classic",
    "aws_vpc_security_group_ingress_rule": "v5",
    "aws_vpc_security_group_egress_rule": "v5",
}


@dataclass(frozen=True)
class DriftReport:
    findings: tuple[Finding, ...]
    summary: Mapping[str, Any]
    notifications: tuple[Notification, ...] = field(default=())


def _region(res: Resource) -> str | None:
    region = res.attrs.get("region") or res.attrs.get(REGION_KEY)
    if isinstance(region, str) and region:
        return region
    arn = res.attrs.get("arn")
    if isinstance(arn, str) and arn.count(":") >= 4:
        return arn.split(":")[3] or None
    return None


def _ids(res: Resource) -> list[str]:
    """Names an ignore rule may use for a resource: its key, Terraform id and address name."""
    names = [matcher.key_of(res) or "", str(res.attrs.get("id") or ""), res.address.rsplit(".", 1)[-1]]
    return sorted({n for n in names if n})


def _sensitive(res: Resource | None, path: str) -> bool:
    if res is None:
        return False
    return any(path == p or path.startswith((p + ".", p + "[")) for p in res.sensitive_paths)


def _contains_sensitive(value: Any) -> bool:
    if value is Sensitive:
        return True
    if isinstance(value, Mapping):
        return any(_contains_sensitive(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_contains_sensitive(v) for v in value)
    return False


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=repr)
    return text if len(text) <= 120 else text[:117] + "..."


class _Engine:
    def __init__(
        self,
        iac: Inventory,
        live: Inventory,
        ignore: IgnoreRules,
        strict: bool,
        checked: Collection[str],
        regions: Collection[str] | None,
        failure_reasons: Mapping[str, str],
    ) -> None:
        self.iac, self.live, self.ignore, self.strict = iac, live, ignore, strict
        self.checked, self.regions = frozenset(checked), regions
        self.findings: list[Finding] = []
        self.counts: Counter[str] = Counter()
        self.coverage = Coverage(failure_reasons, tuple(sorted(regions or ())))
        self.input_ref = SourceRef(iac.inputs[0], 1, 1) if iac.inputs else None

    # -- IaC side --------------------------------------------------------------------------------

    def compared_iac(self) -> list[Resource]:
        out: list[Resource] = []
        supported = supported_types()
        # A resource that does not say its region (a security group rule) is in the IaC's region
        # when the IaC uses only one: else reading another region would report it deleted.
        known = {r for r in map(_region, self.iac.managed()) if r}
        default = next(iter(known)) if len(known) == 1 else None
        global_types = _GLOBAL_TYPES | {t for x in listings_for(None) if x.scope == GLOBAL for t in x.emits}
        for res in self.iac.managed():
            if res.origin is Origin.HCL:
                continue
            if res.type not in self.checked:
                reason = READ_FAILED if res.type in supported else NO_READER
                self.coverage.skipped(res.address, res.type, reason)
                continue
            region = _region(res) or default
            if self.regions and region and region not in self.regions and res.type not in global_types:
                self.coverage.skipped(res.address, res.type, OTHER_REGION)
                continue
            out.extend(matcher.explode(res))
        return out

    def run(self) -> DriftReport:
        iac = self.compared_iac()
        live_index = matcher.index(self.live.resources)
        covered = {(SPLIT_COVERS[r.type], str(r.attrs.get("bucket"))) for r in iac if r.type in SPLIT_COVERS}
        rule_sgs = {
            (str(r.attrs.get("security_group_id")), RULE_FAMILIES[r.type])
            for r in iac
            if r.type in RULE_FAMILIES
        }
        matched: set[tuple[str, str]] = set()
        deleted: set[tuple[str, str]] = set()  # (root, address): identity across roots
        changed: set[tuple[str, str]] = set()
        managed: set[tuple[str, str]] = set()
        for res in iac:
            key = matcher.key_of(res)
            if key is None:
                self.counts["unknown_id"] += 1
                self.coverage.skipped(res.address, res.type, NO_ID)
                continue
            managed.add((res.root, res.address))
            if self.ignore.ignores_resource(res.type, _ids(res)):
                self.counts["ignored"] += 1
                self.coverage.skipped(res.address, res.type, IGNORED)
                matched.add((res.type, key))
                continue
            self.coverage.compared(res.address, res.type)
            live = live_index.get((res.type, key))
            if live is None:
                if (res.root, res.address) not in deleted:
                    deleted.add((res.root, res.address))
                    self._deleted(res)
                continue
            matched.add((res.type, key))
            skip = {attr for attr, bucket in covered if res.type == "aws_s3_bucket" and bucket == key}
            if res.type == "aws_security_group" and any(sg == key for sg, _ in rule_sgs):
                skip |= {"ingress", "egress"}
            if self._changed(res, live, skip):
                changed.add((res.root, res.address))
        inline = {key for r in iac if r.type == "aws_security_group" for key in matcher.inline_rule_keys(r)}
        unmanaged = self._unmanaged(matched, iac, rule_sgs, inline)
        compared = managed - {a for a, r in self.coverage.reasons().items() if r == IGNORED}
        summary: dict[str, Any] = {
            "mode": "live",
            "in_sync": len(compared - deleted - changed),
            "changed": len(changed),
            "changed_attributes": self.counts["changed_attributes"],
            "deleted": len(deleted),
            "unmanaged": unmanaged,
            "ignored": self.counts["ignored"],
            "account_defaults": self.counts["defaults"],
            "unknown_id": self.counts["unknown_id"],
            **self.coverage.summary(),
        }
        findings = sorted(
            self.findings, key=lambda f: (f.rule_id, f.root, f.resource_address, f.attribute_path)
        )
        return DriftReport(
            tuple(findings), summary, self.ignore.notifications + self.coverage.notifications()
        )

    # -- findings --------------------------------------------------------------------------------

    def _finding(self, kind: DriftKind, res: Resource, message: str, **extra: Any) -> Finding:
        origin = Origin.LIVE if kind is DriftKind.UNMANAGED else res.origin
        path = str(extra.pop("attribute_path", ""))
        source = extra.pop("source", None)
        if source is None and kind is not DriftKind.UNMANAGED:
            top = path.split(".", 1)[0].split("[", 1)[0]
            source = res.attr_sources.get(top) or res.source
        elif source is None:
            source = self.input_ref
        props = {"cloud_id": res.cloud_id or matcher.key_of(res) or "", "drift": kind.value}
        region = _region(res)
        if region:
            props["region"] = region
        return drift_finding(
            kind,
            res,
            message,
            source=source,
            path=path,
            origin=origin,
            properties=props,
            root=res.root,
            **extra,
        )

    def _deleted(self, res: Resource) -> None:
        msg = f"{res.address} ({matcher.key_of(res)}) is in the IaC but no longer exists"
        self.findings.append(self._finding(DriftKind.DELETED, res, msg))

    def _changed(self, res: Resource, live: Resource, skip: set[str]) -> bool:
        expected = {k: v for k, v in normalise(res.type, res.attrs).items() if k not in skip}
        actual = normalise(live.type, live.attrs)
        found = False
        for path, exp, act in compare(res.type, expected, actual):
            if self.ignore.ignores_attribute(res.type, _ids(res), path):
                self.counts["ignored_attributes"] += 1
                continue
            if _sensitive(res, path) or _sensitive(live, path) or _contains_sensitive(exp):
                exp = act = REDACTED
                msg = f"{res.address}: {path} changed outside IaC (sensitive value)"
            elif (res.type, path) in SETS:
                msg = (
                    f"{res.address}: {path} changed outside IaC: {len(act)} added {_short(act)}, "
                    f"{len(exp)} removed {_short(exp)}"
                )
            else:
                msg = (
                    f"{res.address}: {path} changed outside IaC: expected {_short(exp)}, actual {_short(act)}"
                )
            self.findings.append(
                self._finding(DriftKind.CHANGED, res, msg, attribute_path=path, expected=exp, actual=act)
            )
            self.counts["changed_attributes"] += 1
            found = True
        return found

    def _unmanaged(
        self,
        matched: set[tuple[str, str]],
        iac: Iterable[Resource],
        rule_sgs: set[tuple[str, str]],
        inline: set[str],
    ) -> int:
        roles = {str(r.attrs.get("name") or r.attrs.get("id")): r for r in iac if r.type == "aws_iam_role"}
        instance_volumes = {
            v for r in self.live.resources if r.type == "aws_instance" for v in r.attrs.get("_volumes") or []
        }
        count = 0
        for res in self.live.resources:
            key = matcher.key_of(res)
            if res.type not in self.checked or key is None or (res.type, key) in matched:
                continue
            if not self._reportable(res, roles, rule_sgs) or matcher.rule_key(res) in inline:
                continue
            if res.attrs.get("_instance_volume") is True or res.cloud_id in instance_volumes:
                continue  # a root or DeleteOnTermination volume belongs to its instance
            if is_account_default(res) and not self.strict:
                self.counts["defaults"] += 1
                continue
            if self.ignore.ignores_resource(res.type, _ids(res)):
                self.counts["ignored"] += 1
                continue
            msg = f"{res.address} exists in the account but is not managed by the IaC"
            self.findings.append(self._finding(DriftKind.UNMANAGED, res, msg))
            count += 1
        return count

    @staticmethod
    def _reportable(res: Resource, roles: Mapping[str, Resource], rule_sgs: set[tuple[str, str]]) -> bool:
        if res.type in RULE_FAMILIES:
            return (str(res.attrs.get("security_group_id")), RULE_FAMILIES[res.type]) in rule_sgs
        if res.type in CHILD_TYPES:
            return False
        if res.type == "aws_iam_role_policy_attachment":
            role = roles.get(str(res.attrs.get("role")))
            if role is None:
                return False  # the unmanaged role itself is reported
            arns = role.attrs.get("managed_policy_arns")
            return not (isinstance(arns, list) and res.attrs.get("policy_arn") in arns)
        if res.type == "aws_iam_role_policy":  # inline policies may be the role's own inline_policy
            role = roles.get(str(res.attrs.get("role")))
            if role is None:
                return False  # the unmanaged role itself is reported
            inline = role.attrs.get("inline_policy")
            names = (
                {p.get("name") for p in inline if isinstance(p, dict)} if isinstance(inline, list) else set()
            )
            return res.attrs.get("name") not in names
        return True


_GLOBAL_TYPES = frozenset(
    {"aws_iam_role", "aws_iam_policy", "aws_iam_user", "aws_iam_role_policy_attachment", "aws_s3_bucket"}
)


def compute_drift(
    iac: Inventory,
    live: Inventory,
    *,
    ignore: IgnoreRules | None = None,
    strict: bool = False,
    checked_types: Collection[str] | None = None,
    regions: Collection[str] | None = None,
    failure_reasons: Mapping[str, str] | None = None,
) -> DriftReport:
    """Drift findings between ``iac`` (state/plan/Pulumi, with ids) and ``live``.

    ``checked_types``: the types read completely from the cloud (default: every supported type);
    IaC resources of other types are only counted in ``summary["not_checked"]``. ``regions``: the
    regions read; IaC resources known to live elsewhere are not checked either. ``failure_reasons``:
    per type whose read failed, why (for the coverage notes).
    """
    checked = supported_types() if checked_types is None else frozenset(checked_types) & supported_types()
    engine = _Engine(iac, live, ignore or IgnoreRules(), strict, checked, regions, failure_reasons or {})
    return engine.run()
