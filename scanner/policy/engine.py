"""Evaluating a PolicySet over an Inventory → Findings (PASS / FAIL / UNKNOWN), located and suppressed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from scanner.model import Finding, Inventory, Mode, Resource, Severity, SourceRef, Status
from scanner.policy.evaluator import EvalScope, Outcome, Witness, compile_condition
from scanner.policy.loader import PolicySet
from scanner.policy.model import Policy
from scanner.policy.operators import OpContext
from scanner.policy.related import RelatedIndex


def _locate(
    witnesses: Iterable[Witness], resources: dict[tuple[str, str], Resource], subject: Resource
) -> tuple[SourceRef | None, str]:
    """Where to point a failure: the first deciding witness, at its most specific written place.

    An attribute that is written points at its line (or its enclosing block element's); one that is
    missing points at the block of the resource it belongs in, since that is where it must be added.
    A witness on a related resource points into that resource, which is what must change.
    """
    for address, path in witnesses:
        res = resources.get((subject.root, address))  # witnesses are in the subject's root
        if res is None:
            continue
        probe = path
        while probe:
            ref = res.attr_sources.get(probe)
            if ref is not None:
                return ref, path
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return res.source or subject.source, path
    return subject.source, ""


def _message(policy: Policy, resource: Resource, outcome: Outcome, status: Status) -> str:
    base = f"{resource.address}: {policy.title}"
    if status is Status.UNKNOWN:
        base += " (could not be decided: a value is unknown)"
    extra = "; ".join(dict.fromkeys(m for m in outcome.messages if m))
    return f"{base}. {extra}" if extra else base


_STATUS = {True: Status.PASS, False: Status.FAIL, None: Status.UNKNOWN}


def evaluate_inventory(
    inventory: Inventory,
    policies: PolicySet,
    *,
    as_of: date | None = None,
) -> list[Finding]:
    """Every applicable (policy, managed resource) pair → one Finding, sorted deterministically."""
    related = RelatedIndex(inventory.resources)
    by_address = {(r.root, r.address): r for r in inventory.resources}
    today = as_of or date.today()
    findings: list[Finding] = []
    alias_map = policies.alias_map()
    contexts = {policy.id: OpContext(today, policy.options) for policy in policies.policies}
    checks = {
        (policy.id, rtype): compile_condition(cond)
        for policy in policies.policies
        for rtype in policy.resource_types
        if (cond := policy.condition_for(rtype)) is not None
    }
    for resource in inventory.resources:
        if resource.mode is not Mode.MANAGED:
            continue
        for policy in policies.by_type.get(resource.type, ()):
            if policy.origins and resource.origin.value not in policy.origins:
                continue
            check = checks.get((policy.id, resource.type))
            if check is None:
                continue
            outcome = check(resource.attrs, "", EvalScope(resource, related, contexts[policy.id]))
            status = _STATUS[outcome.value]
            source, path = (resource.source, "")
            if status is Status.FAIL:
                source, path = _locate(outcome.witnesses, by_address, resource)
            finding = Finding(
                rule_id=policy.id,
                status=status,
                severity=Severity(outcome.severity) if outcome.severity else policy.severity,
                resource_address=resource.address,
                resource_type=resource.type,
                message=_message(policy, resource, outcome, status),
                source=source,
                attribute_path=path,
                origin=resource.origin,
                root=resource.root,
            )
            if status is Status.FAIL and resource.suppressions:
                finding = _apply_inline(finding, resource, alias_map)
            findings.append(finding)
    return sorted(findings, key=sort_key)


def _apply_inline(finding: Finding, resource: Resource, alias_map: dict[str, str]) -> Finding:
    for sup in resource.suppressions:
        if alias_map.get(sup.policy_id, sup.policy_id) == finding.rule_id:
            return finding.suppressed("inSource", sup.reason or "suppressed inline", "inline")
    return finding


def sort_key(finding: Finding) -> tuple[str, str, int, str, str, str]:
    src = finding.source
    return (
        finding.root,
        src.path if src else "~",
        src.start_line if src else 0,
        finding.resource_address,
        finding.rule_id,
        finding.attribute_path,
    )
