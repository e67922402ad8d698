"""Drift as Terraform itself saw it: the ``resource_drift`` of a plan JSON.

``terraform plan -refresh-only -out=tfplan && terraform show -json tfplan`` (and any refreshing plan
since Terraform 0.15.4) records, per managed resource the refresh found different from the state,
the state's object (``before``) and the object the provider read (``after``). That is the most exact
drift there is: every type the provider knows, compared with the provider's own reading rules. Each
entry gives:

- ``actions: ["delete"]`` or ``after: null``: DELETED (the provider found the object gone);
- ``actions: ["update"]``: CHANGED, one finding per differing attribute path (``tags.Env``,
  ``ingress[0].cidr_blocks``), ``before`` → ``after``.

Values marked in ``before_sensitive`` / ``after_sensitive`` (or holding such a value) are shown as
``(sensitive)`` and never copied into a finding. A malformed entry gives one warning naming the file
and line and is counted as not compared; the rest are reported.

Terraform omits ``resource_drift`` when the refresh found nothing, so a plan from 0.15.4 or later
without it is a plan with no drift (unless it was made with ``-refresh=false``, which the JSON does
not record). Terraform cannot see resources outside its state: UNMANAGED comes from the live read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from scanner.drift import matcher
from scanner.drift.coverage import IGNORED, MALFORMED, Coverage
from scanner.drift.ignore import IgnoreRules
from scanner.drift.rules import drift_finding
from scanner.model import DriftKind, Finding, Inventory, Notification, Origin, Resource, SourceRef
from scanner.sources.json_lines import Located
from scanner.sources.terraform_plan import is_plan, plan_inventory
from scanner.sources.terraform_values import cloud_id, join_path, mark, resource_address, span_ref

REDACTED = "(sensitive)"
MIN_VERSION = (0, 15, 4)
KEY = "resource_drift"
NEEDED = (
    "--offline needs a Terraform plan JSON that records drift (Terraform 0.15.4 or later): "
    "terraform plan -refresh-only -out=tfplan && terraform show -json tfplan > plan.json"
)

Locate = Callable[[Inventory], Inventory]


@dataclass(frozen=True)
class TerraformDrift:
    """CHANGED and DELETED findings from ``resource_drift``, and the state they apply to.

    ``state``: the plan's ``prior_state`` (the refreshed state) plus the objects found deleted, to
    match live resources by id when looking for UNMANAGED ones.
    """

    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    summary: dict[str, Any]
    state: Inventory


def _version(data: Mapping[str, Any]) -> tuple[int, ...] | None:
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", str(data.get("terraform_version") or ""))
    return tuple(int(p) for p in match.groups()) if match else None


def has_drift(data: Any) -> bool:
    """A plan that records the drift its refresh found (``resource_drift``)."""
    return is_plan(data) and KEY in data


def records_drift(data: Any) -> bool:
    """A plan that would record drift had there been any: it has ``resource_drift``, or was made by
    Terraform 0.15.4 or later (which omits an empty ``resource_drift``)."""
    if not is_plan(data):
        return False
    version = _version(data)
    return KEY in data or (version is not None and version >= MIN_VERSION)


@dataclass(frozen=True)
class _Entry:
    res: Resource
    before: dict[str, Any]
    after: dict[str, Any] | None
    sensitive: frozenset[str]


def terraform_drift(
    located: Located, display: str, *, locate: Locate, ignore: IgnoreRules | None = None, root: str = ""
) -> TerraformDrift:
    """Findings from the ``resource_drift`` of the plan in ``located`` (read from ``display``).

    ``locate`` attaches HCL locations to an inventory (identity when no source is at hand).
    """
    data = located.value
    ignore = ignore or IgnoreRules()
    notes: list[Notification] = []
    coverage = Coverage()
    raw = data.get(KEY, [])
    if not isinstance(raw, list):
        notes.append(_note(display, None, f"{KEY} is not a list; no drift read from it"))
        raw = []
    entries: list[_Entry] = []
    for i, item in enumerate(raw):
        ref = span_ref(display, located.spans.get((KEY, i)))
        entry = _entry(item, i, display, ref, root, notes)
        if isinstance(entry, _Entry):
            entries.append(entry)
        elif entry:
            coverage.skipped(entry[0], entry[1], MALFORMED)
    located_res = locate(Inventory(tuple(e.res for e in entries), inputs=(display,))).resources
    entries = [replace(e, res=r) for e, r in zip(entries, located_res, strict=True)]
    state = plan_inventory(located, display, use_prior_state=True)
    findings: list[Finding] = []
    changed: set[str] = set()
    deleted: list[Resource] = []
    for res in state.managed():
        coverage.compared(res.address, res.type)
    for entry in entries:
        res = entry.res
        ids = _ids(res)
        if ignore.ignores_resource(res.type, ids):
            coverage.skipped(res.address, res.type, IGNORED)
            continue
        coverage.compared(res.address, res.type)
        if entry.after is None:
            deleted.append(res)
            findings.append(_deleted(res, root))
            continue
        for path, before, after in _diff(entry.before, entry.after, ""):
            if ignore.ignores_attribute(res.type, ids, path):
                continue
            findings.append(_changed(res, path, before, after, _is_sensitive(path, entry.sensitive), root))
            changed.add(res.address)
    compared = coverage.n_compared
    summary: dict[str, Any] = {
        "mode": "terraform",
        "terraform_version": str(data.get("terraform_version") or ""),
        "in_sync": compared - len(changed) - len(deleted),
        "changed": len(changed),
        "changed_attributes": sum(1 for f in findings if f.drift_kind is DriftKind.CHANGED),
        "deleted": len(deleted),
        "unmanaged": 0,
        "ignored": sum(coverage.by_reason()[IGNORED].values()),
        **coverage.summary(),
    }
    known = Inventory(state.resources + tuple(deleted), state.notifications, state.inputs)
    findings.sort(key=lambda f: (f.rule_id, f.resource_address, f.attribute_path))
    return TerraformDrift(
        tuple(findings), (*state.notifications, *notes, *coverage.notifications()), summary, known
    )


# -- entries ---------------------------------------------------------------------------------------


def _note(display: str, ref: SourceRef | None, message: str) -> Notification:
    where = f"{display}:{ref.start_line}" if ref is not None else display
    return Notification("warning", f"{where}: {message}", ref, kind="input")


def _entry(
    item: Any, i: int, display: str, ref: SourceRef | None, root: str, notes: list[Notification]
) -> _Entry | tuple[str, str] | None:
    """An entry, or ``(address, type)`` of a malformed one (after its warning), or None to skip."""

    def bad(problem: str, address: str = "", rtype: str = "") -> tuple[str, str] | None:
        label = f"{KEY}[{i}]" + (f" ({address})" if address else "")
        notes.append(_note(display, ref, f"{label}: {problem}; skipped"))
        return (address, rtype) if address and rtype else None

    if not isinstance(item, dict):
        return bad("not a JSON object")
    rtype, name, mode = item.get("type"), item.get("name"), item.get("mode", "managed")
    if mode != "managed" or item.get("deposed"):
        return None  # data sources are read, not drifted; deposed objects are on their way out
    if not isinstance(rtype, str) or not rtype or not isinstance(name, str) or not name:
        return bad("no resource type or name", str(item.get("address") or ""))
    module = item.get("module_address") if isinstance(item.get("module_address"), str) else ""
    address = item.get("address")
    if not isinstance(address, str) or not address:
        address = resource_address(module or "", "managed", rtype, name, item.get("index"))
    change = item.get("change")
    if not isinstance(change, dict):
        return bad("no change object", address, rtype)
    actions = change.get("actions")
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        return bad("no list of actions", address, rtype)
    before, after = change.get("before"), change.get("after")
    if not isinstance(before, dict):
        return bad("no before object (the state's values)", address, rtype)
    if actions in (["no-op"], ["read"]):
        return None
    gone = actions == ["delete"] or after is None
    if not gone and (actions != ["update"] or not isinstance(after, dict)):
        return bad(f"unexpected actions {actions!r} for drift", address, rtype)
    _, before_paths = mark(before, None, change.get("before_sensitive"))
    _, after_paths = mark(after or {}, None, change.get("after_sensitive"))
    secret = frozenset(before_paths) | frozenset(after_paths)
    res = Resource(
        address=address,
        type=rtype,
        attrs=before,
        origin=Origin.PLAN,
        source=ref,
        cloud_id=None if _is_sensitive("id", secret) else cloud_id(before),
        name=name,
        module=module or "",
        sensitive_paths=secret,
        root=root,
    )
    return _Entry(res, before, None if gone else after, res.sensitive_paths)


# -- comparison --------------------------------------------------------------------------------------


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return bool(type(a) is type(b) and a == b)


def _diff(before: Any, after: Any, path: str) -> list[tuple[str, Any, Any]]:
    """Every differing path, as Terraform compares: all keys of both objects, lists by position."""
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[tuple[str, Any, Any]] = []
        for key in sorted(set(before) | set(after), key=str):
            out.extend(_diff(before.get(key), after.get(key), join_path(path, str(key))))
        return out
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        out = []
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            out.extend(_diff(b, a, join_path(path, i)))
        return out
    if isinstance(before, (dict, list)) or isinstance(after, (dict, list)):
        return [] if before == after else [(path, before, after)]
    return [] if _equal(before, after) else [(path, before, after)]


def _is_sensitive(path: str, sensitive: frozenset[str]) -> bool:
    """The value at ``path`` is, is inside, or holds a sensitive value."""
    for mark_path in sensitive:
        if not mark_path or mark_path == path:
            return True
        if path.startswith((mark_path + ".", mark_path + "[")):
            return True
        if not path or mark_path.startswith((path + ".", path + "[")):
            return True
    return False


# -- findings ----------------------------------------------------------------------------------------


def _ids(res: Resource) -> list[str]:
    names = [matcher.key_of(res) or "", str(res.attrs.get("id") or ""), res.address.rsplit(".", 1)[-1]]
    return sorted({n for n in names if n})


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=repr)
    return text if len(text) <= 120 else text[:117] + "..."


def _finding(kind: DriftKind, res: Resource, message: str, root: str, **extra: Any) -> Finding:
    path = str(extra.pop("attribute_path", ""))
    top = path.split(".", 1)[0].split("[", 1)[0]
    source = res.attr_sources.get(top) or res.source
    props = {"cloud_id": res.cloud_id or "", "drift": kind.value, "detected_by": "terraform"}
    return drift_finding(
        kind, res, message, source=source, path=path, origin=Origin.PLAN, properties=props, root=root, **extra
    )


def _deleted(res: Resource, root: str) -> Finding:
    ident = f" ({res.cloud_id})" if res.cloud_id else ""
    msg = f"{res.address}{ident} was deleted outside Terraform (Terraform's refresh found it gone)"
    return _finding(DriftKind.DELETED, res, msg, root)


def _changed(res: Resource, path: str, before: Any, after: Any, secret: bool, root: str) -> Finding:
    if secret:
        before = after = REDACTED
        msg = f"{res.address}: {path} changed outside Terraform (sensitive value)"
    else:
        msg = f"{res.address}: {path} changed outside Terraform: {_short(before)} → {_short(after)}"
    return _finding(DriftKind.CHANGED, res, msg, root, attribute_path=path, expected=before, actual=after)


def with_unmanaged(
    drift: TerraformDrift, findings: tuple[Finding, ...], summary: Mapping[str, Any]
) -> TerraformDrift:
    """Add the UNMANAGED findings of a live comparison (``compute_drift`` of ``drift.state``)."""
    unmanaged = tuple(f for f in findings if f.drift_kind is DriftKind.UNMANAGED)
    merged = dict(drift.summary)
    merged["unmanaged"] = len(unmanaged)
    merged["account_defaults"] = summary.get("account_defaults", 0)
    ordered = sorted(
        (*drift.findings, *unmanaged), key=lambda f: (f.rule_id, f.resource_address, f.attribute_path)
    )
    return TerraformDrift(tuple(ordered), drift.notifications, merged, drift.state)


__all__ = ["NEEDED", "TerraformDrift", "has_drift", "records_drift", "terraform_drift", "with_unmanaged"]
