"""Terraform plan JSON (``terraform show -json plan.out``) → Inventory.

What the plan says each resource will be after apply:

- ``resource_changes[].change.after`` with ``after_unknown`` paths as ``Unknown`` and
  ``after_sensitive`` paths as ``Sensitive``; a resource whose actions are only ``delete`` (or
  ``forget``) is leaving and is not in the inventory, nor are deposed objects;
- ``planned_values`` (root module and child modules, recursively) for any resource without a change
  entry;
- data resources from ``prior_state`` (read during planning) and from the changes (read during
  apply), with ``Mode.DATA``: they feed ``related`` conditions and are not reported on.

``load_plan(..., use_prior_state=True)`` gives instead what the plan saw deployed (``prior_state``),
with ``origin=STATE`` since it is a state snapshot; drift compares that with the live cloud.

Variables and outputs are never read: they may hold secrets.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.model import Inventory, Mode, Notification, Origin, Resource
from scanner.sources.json_lines import Located
from scanner.sources.terraform_values import (
    as_list,
    cloud_id,
    display_path,
    mark,
    parse_json,
    read_text,
    resource_address,
    span_ref,
    strip_indexes,
)

_LEAVING = ({"delete"}, {"forget"})

JsonPath = tuple[str | int, ...]


def load_plan(path: Path, *, base_dir: Path, use_prior_state: bool = False) -> Inventory:
    display = display_path(path, base_dir)
    located = parse_json(read_text(path, display), display)
    return plan_inventory(located, display, use_prior_state=use_prior_state)


def is_plan(data: Any) -> bool:
    """A plan, also without ``format_version`` (trimmed by hand or by other tools) when it has
    ``planned_values`` as an object or ``resource_changes`` as a list."""
    if not isinstance(data, dict):
        return False
    if "format_version" in data:
        return "planned_values" in data or "resource_changes" in data
    return isinstance(data.get("planned_values"), dict) or isinstance(data.get("resource_changes"), list)


def is_state_json(data: Any) -> bool:
    """``terraform show -json`` of a state (not a plan): ``format_version`` + ``values.root_module``."""
    return (
        isinstance(data, dict)
        and "format_version" in data
        and isinstance(data.get("values"), dict)
        and not is_plan(data)
    )


def state_json_inventory(located: Located, display: str) -> Inventory:
    """The resources of a ``terraform show -json`` state document, as a state (``origin=STATE``)."""
    found: dict[str, Resource] = {}
    for res in _module_resources(located.value, ("values",), located, display, Origin.STATE):
        found.setdefault(res.address, res)
    return _inventory(found, [], display)


def plan_inventory(located: Located, display: str, *, use_prior_state: bool = False) -> Inventory:
    data = located.value
    if not is_plan(data):
        raise SourceError("not a Terraform plan: no format_version and planned_values", display)
    notes: list[Notification] = []
    if "format_version" not in data:
        notes.append(
            Notification(
                "note",
                f"{display}: no format_version; read as a Terraform plan by its "
                "planned_values/resource_changes",
                kind="input",
            )
        )
    found: dict[str, Resource] = {}
    if use_prior_state:
        for prior in _module_resources(data, ("prior_state", "values"), located, display, Origin.STATE):
            found.setdefault(prior.address, prior)
        return _inventory(found, notes, display, config_references(data))

    for i, rc in enumerate(as_list(data.get("resource_changes"))):
        change = _from_change(rc, i, located, display, notes)
        if change is not None:
            found[change.address] = change
    leaving: set[str] = {
        rc["address"]
        for rc in as_list(data.get("resource_changes"))
        if isinstance(rc, dict) and isinstance(rc.get("address"), str) and _is_leaving(rc)
    }
    skip = set(found) | leaving
    for planned in _module_resources(data, ("planned_values",), located, display, Origin.PLAN, skip):
        found[planned.address] = planned
    read = set(found)
    for prior in _module_resources(data, ("prior_state", "values"), located, display, Origin.PLAN, read):
        if prior.mode is Mode.DATA:
            found[prior.address] = prior
    return _inventory(found, notes, display, config_references(data))


def _inventory(
    found: dict[str, Resource], notes: list[Notification], display: str, refs: _RefTable | None = None
) -> Inventory:
    ordered = [found[a] for a in sorted(found)]
    if refs:
        ordered = [_with_references(res, refs) for res in ordered]
    return Inventory(tuple(ordered), tuple(notes), (display,))


# config address (no instance keys) → top-level attribute → references relative to the module
_RefTable = dict[str, dict[str, tuple[str, ...]]]
_NOT_RESOURCES = ("var.", "local.", "count.", "each.", "path.", "self.", "module.", "terraform.")


def config_references(data: dict[str, Any]) -> _RefTable:
    """Which resources each attribute's expression refers to, from the plan's ``configuration``.

    Lets ``related`` conditions follow links whose values are still unknown in a creation plan
    (``bucket = aws_s3_bucket.logs.id``), as they do on HCL.
    """
    table: _RefTable = {}
    config = data.get("configuration")
    root = config.get("root_module") if isinstance(config, dict) else None
    if isinstance(root, dict):
        _config_module(root, "", table)
    return table


def _config_module(module: dict[str, Any], prefix: str, table: _RefTable) -> None:
    for res in as_list(module.get("resources")):
        if not isinstance(res, dict) or not isinstance(res.get("address"), str):
            continue
        exprs = res.get("expressions")
        attrs: dict[str, tuple[str, ...]] = {}
        for attr, expr in exprs.items() if isinstance(exprs, dict) else ():
            found = sorted({_ref_target(r) for r in _references(expr)} - {""})
            if found:
                attrs[attr] = tuple(found)
        if attrs:
            table[f"{prefix}{res['address']}"] = attrs
    calls = module.get("module_calls")
    for name, call in sorted(calls.items() if isinstance(calls, dict) else ()):
        child = call.get("module") if isinstance(call, dict) else None
        if isinstance(child, dict):
            _config_module(child, f"{prefix}module.{name}.", table)


def _references(expr: Any) -> Iterator[str]:
    if isinstance(expr, dict):
        refs = expr.get("references")
        if isinstance(refs, list):
            yield from (r for r in refs if isinstance(r, str))
        for key, value in expr.items():
            if key != "references" and isinstance(value, (dict, list)):
                yield from _references(value)
    elif isinstance(expr, list):
        for item in expr:
            yield from _references(item)


def _ref_target(ref: str) -> str:
    """``aws_s3_bucket.logs.id`` → ``aws_s3_bucket.logs``; ``data.x.y.json`` → ``data.x.y``; else ''."""
    if ref.startswith(_NOT_RESOURCES):
        return ""
    parts = ref.split(".")
    n = 3 if parts[0] == "data" else 2
    if len(parts) < n:
        return ""
    return ".".join(parts[:n])


def _with_references(res: Resource, refs: _RefTable) -> Resource:
    attrs = refs.get(strip_indexes(res.address))
    if not attrs:
        return res
    prefix = f"{res.module}." if res.module else ""
    return replace(res, references={k: tuple(f"{prefix}{r}" for r in v) for k, v in attrs.items()})


def _is_leaving(rc: dict[str, Any]) -> bool:
    change = rc.get("change")
    actions = change.get("actions") if isinstance(change, dict) else None
    return isinstance(actions, list) and all(isinstance(a, str) for a in actions) and set(actions) in _LEAVING


def _from_change(
    rc: Any, i: int, located: Located, display: str, notes: list[Notification]
) -> Resource | None:
    ref = span_ref(display, located.spans.get(("resource_changes", i)))
    if not isinstance(rc, dict) or not isinstance(rc.get("change"), dict):
        notes.append(Notification("warning", f"resource_changes[{i}] has no change; skipped", ref))
        return None
    if rc.get("deposed") or _is_leaving(rc):
        return None
    rtype, name, mode = rc.get("type"), rc.get("name"), rc.get("mode", "managed")
    if not isinstance(rtype, str) or not isinstance(name, str):
        notes.append(Notification("warning", f"resource_changes[{i}] has no type or name; skipped", ref))
        return None
    module = rc.get("module_address") if isinstance(rc.get("module_address"), str) else ""
    address = rc.get("address")
    if not isinstance(address, str):
        address = resource_address(module or "", mode, rtype, name, rc.get("index"))
    change = rc["change"]
    after = change.get("after")
    attrs, sensitive = mark(
        after if after is not None else {}, change.get("after_unknown"), change.get("after_sensitive")
    )
    if not isinstance(attrs, dict):
        attrs = {}
    return Resource(
        address=address,
        type=rtype,
        attrs=attrs,
        origin=Origin.PLAN,
        source=ref,
        cloud_id=cloud_id(attrs) if mode == "managed" else None,
        mode=Mode.DATA if mode == "data" else Mode.MANAGED,
        name=name,
        module=module or "",
        sensitive_paths=frozenset(sensitive),
    )


def _module_resources(
    data: dict[str, Any],
    prefix: JsonPath,
    located: Located,
    display: str,
    origin: Origin,
    skip: AbstractSet[str] = frozenset(),
) -> Iterator[Resource]:
    """The resources of a ``root_module`` tree, except those whose address is in ``skip``."""
    node: Any = data
    for key in prefix:
        node = node.get(key) if isinstance(node, dict) else None
    root = node.get("root_module") if isinstance(node, dict) else None
    if isinstance(root, dict):
        yield from _walk_module(root, (*prefix, "root_module"), "", located, display, origin, skip)


def _walk_module(
    module: dict[str, Any],
    path: JsonPath,
    module_addr: str,
    located: Located,
    display: str,
    origin: Origin,
    skip: AbstractSet[str],
) -> Iterator[Resource]:
    for i, res in enumerate(as_list(module.get("resources"))):
        if not isinstance(res, dict):
            continue
        rtype, name, mode = res.get("type"), res.get("name"), res.get("mode", "managed")
        if not isinstance(rtype, str) or not isinstance(name, str):
            continue
        address = res.get("address")
        if not isinstance(address, str):
            address = resource_address(module_addr, mode, rtype, name, res.get("index"))
        if address in skip:
            continue
        attrs, sensitive = mark(res.get("values") or {}, None, res.get("sensitive_values"))
        if not isinstance(attrs, dict):
            attrs = {}
        yield Resource(
            address=address,
            type=rtype,
            attrs=attrs,
            origin=origin,
            source=span_ref(display, located.spans.get((*path, "resources", i))),
            cloud_id=cloud_id(attrs) if mode == "managed" else None,
            mode=Mode.DATA if mode == "data" else Mode.MANAGED,
            name=name,
            module=module_addr,
            sensitive_paths=frozenset(sensitive),
        )
    for j, child in enumerate(as_list(module.get("child_modules"))):
        if isinstance(child, dict):
            addr = child["address"] if isinstance(child.get("address"), str) else module_addr
            yield from _walk_module(child, (*path, "child_modules", j), addr, located, display, origin, skip)
