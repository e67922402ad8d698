"""Evaluating a PolicySet over an Inventory → Findings (PASS / FAIL / UNKNOWN), located and suppressed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from scanner.model import Finding, InlineSuppression, Inventory, Mode, Resource, Severity, SourceRef, Status
from scanner.policy.evaluator import EvalScope, Outcome, Witness, compile_condition
from scanner.policy.loader import PolicySet
from scanner.policy.model import Policy
from scanner.policy.operators import OpContext
from scanner.policy.related import RelatedIndex
from scanner.policy.unknown_reason import unknown_reason


def _written(res: Resource, path: str) -> bool:
    return path in res.attr_sources


def _pick(
    witnesses: Sequence[Witness], resources: Mapping[str, Resource], subject: Resource
) -> Witness | None:
    """The deciding witness that names what to fix.

    The first witness, by the convention that a condition's requirement comes first — except that a
    setting absent from the subject gives way to a linked resource that exists and holds the setting
    (``aws_s3_bucket_versioning`` with ``status = "Suspended"``): that resource is what must change,
    and a value written there beats one missing there.
    """
    usable = [w for w in witnesses if w[0] in resources]
    if not usable:
        return None
    first = usable[0]
    if first[0] != subject.address or _written(subject, first[1]):
        return first
    linked = [w for w in usable if w[0] != subject.address]
    if not linked:
        return first
    return next((w for w in linked if _written(resources[w[0]], w[1])), linked[0])


def _locate(res: Resource, path: str, subject: Resource) -> SourceRef | None:
    """A written attribute points at its line (or its enclosing block element's); a missing one at
    the block of the resource it belongs in, since that is where it must be added."""
    probe = path
    while probe:
        ref = res.attr_sources.get(probe)
        if ref is not None:
            return ref
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return res.source or subject.source


def _message(
    policy: Policy, resource: Resource, outcome: Outcome, status: Status, holder: Resource, reason: str = ""
) -> str:
    base = f"{holder.address}: {policy.title}"
    if holder is not resource:
        base += f" (for {resource.address})"
    if status is Status.UNKNOWN:
        return f"{base} (could not be decided: {reason or 'a value is unknown'})"
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
    by_root: dict[str, dict[str, Resource]] = defaultdict(dict)
    for res in inventory.resources:
        by_root[res.root][res.address] = res
    today = as_of or date.today()
    findings: list[Finding] = []
    seen: set[tuple[str, str, str, str]] = set()
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
            holder, source, path = resource, resource.source, ""
            if status is Status.FAIL:
                local = by_root[resource.root]
                picked = _pick(outcome.witnesses, local, resource)
                if picked is not None:
                    holder, path = local[picked[0]], picked[1]
                    source = _locate(holder, path, resource)
                if holder is not resource:
                    # The linked resource holding the value is the result's subject; one such result
                    # for all the resources it serves, so its fingerprint stays (rule, root, it, path).
                    key = (policy.id, holder.root, holder.address, path)
                    if key in seen:
                        continue
                    seen.add(key)
            reason = ""
            if status is Status.UNKNOWN:
                reason = unknown_reason(outcome.witnesses, outcome.messages, by_root[resource.root], resource)
            message = _message(policy, resource, outcome, status, holder, reason)
            if source is not None and source.inner is not None:  # in a module outside the repository
                message += f" (in module file {source.inner.path}:{source.inner.start_line})"
            finding = Finding(
                rule_id=policy.id,
                status=status,
                severity=Severity(outcome.severity) if outcome.severity else policy.severity,
                resource_address=holder.address,
                resource_type=holder.type,
                message=message,
                source=source,
                attribute_path=path,
                origin=resource.origin,
                root=resource.root,
                properties={"reason": reason} if reason else {},
            )
            if status is Status.FAIL and (resource.suppressions or holder.suppressions):
                finding = _apply_inline(finding, (*resource.suppressions, *holder.suppressions), alias_map)
            findings.append(finding)
    return sorted(findings, key=sort_key)


def _apply_inline(
    finding: Finding, suppressions: Sequence[InlineSuppression], alias_map: dict[str, str]
) -> Finding:
    for sup in suppressions:
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
