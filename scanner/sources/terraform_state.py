"""Terraform state v4 (``terraform.tfstate``) → Inventory.

One ``Resource`` per resource instance, addressed as Terraform does (``module.net.aws_subnet.a[0]``),
with ``origin=STATE`` and ``cloud_id`` = ``attributes.id``. Values listed in an instance's
``sensitive_attributes`` are replaced by ``Sensitive``. Outputs are never read (they may be secret).

Instance status, decided so that ``attrs`` stay exactly the provider's attributes:

- **tainted** instances are kept (the object exists in the cloud and policies apply to it) and a
  ``note`` notification says it will be replaced on the next apply;
- **deposed** instances (an old object left behind by a create-before-destroy replacement) are
  skipped with a ``note``: they share the address of the current object and are about to be
  destroyed, so reporting on them would duplicate findings.

Unknown extra fields anywhere are ignored; a malformed resource entry becomes a warning and the
rest of the file is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.model import Inventory, Mode, Notification, Origin, Resource, Sensitive
from scanner.sources.json_lines import Located
from scanner.sources.terraform_values import (
    as_list,
    cloud_id,
    display_path,
    join_path,
    parse_json,
    read_text,
    resource_address,
    sorted_unique,
    span_ref,
)

SUPPORTED_VERSION = 4
_REGION = re.compile(r"^(?:[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)$")


def load_state(path: Path, *, base_dir: Path) -> Inventory:
    display = display_path(path, base_dir)
    return parse_state(read_text(path, display), display)


def parse_state(text: str, display: str) -> Inventory:
    return state_inventory(parse_json(text, display), display)


def is_state(data: Any) -> bool:
    """True for a Terraform state document of any version (by content, not by file name)."""
    return (
        isinstance(data, dict)
        and "version" in data
        and ("terraform_version" in data or "lineage" in data)
        and ("resources" in data or "modules" in data or "serial" in data)
    )


def check_version(data: Mapping[str, Any], display: str) -> None:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SourceError("state has no integer 'version'", display)
    if version < SUPPORTED_VERSION:
        raise SourceError(
            f"unsupported state version {version}; run terraform 0.12+ once to upgrade it", display
        )
    if version > SUPPORTED_VERSION:
        raise SourceError(f"unsupported state version {version}; iacscan reads version 4", display)


def state_inventory(located: Located, display: str, origin: Origin = Origin.STATE) -> Inventory:
    data = located.value
    if not isinstance(data, dict):
        raise SourceError("not a Terraform state: the top level is not a JSON object", display)
    check_version(data, display)
    resources: list[Resource] = []
    notes: list[Notification] = []
    for i, entry in enumerate(as_list(data.get("resources"))):
        _read_resource(entry, i, located, display, origin, resources, notes)
    resources.sort(key=lambda r: r.address)
    return Inventory(tuple(resources), tuple(notes), (display,))


def _read_resource(
    entry: Any,
    i: int,
    located: Located,
    display: str,
    origin: Origin,
    out: list[Resource],
    notes: list[Notification],
) -> None:
    where = span_ref(display, located.spans.get(("resources", i)))
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("type", "name")):
        notes.append(Notification("warning", f"resources[{i}] has no type or name; skipped", where))
        return
    mode = entry.get("mode", "managed")
    module = entry.get("module") if isinstance(entry.get("module"), str) else ""
    instances = as_list(entry.get("instances"))
    # One instance (nearly all resources): located at the resource object, which also shows the
    # type and name. Several (count / for_each): each at its own instance object.
    inner = located.inner_spans(("resources", i)) if len(instances) > 1 else {}
    for j, inst in enumerate(instances):
        ref = span_ref(display, inner.get(("resources", i, "instances", j))) or where
        if not isinstance(inst, dict):
            notes.append(Notification("warning", f"resources[{i}].instances[{j}] is not an object", ref))
            continue
        address = resource_address(module or "", mode, entry["type"], entry["name"], inst.get("index_key"))
        if inst.get("deposed"):
            notes.append(
                Notification(
                    "note",
                    f"{address}: deposed object {inst['deposed']} skipped (destroyed on the next apply)",
                    ref,
                    kind="state",
                )
            )
            continue
        if inst.get("status") == "tainted":
            notes.append(
                Notification("note", f"{address}: tainted, replaced on the next apply", ref, kind="state")
            )
        raw = inst.get("attributes")
        if raw is None and isinstance(inst.get("attributes_flat"), dict):
            raw = dict(inst["attributes_flat"])
        attrs, sensitive = redact(raw if isinstance(raw, dict) else {}, inst.get("sensitive_attributes"))
        out.append(
            Resource(
                address=address,
                type=entry["type"],
                attrs=attrs,
                origin=origin,
                source=ref,
                cloud_id=cloud_id(attrs) if mode == "managed" else None,
                mode=Mode.DATA if mode == "data" else Mode.MANAGED,
                name=entry["name"],
                module=module or "",
                sensitive_paths=frozenset(sensitive),
            )
        )


def redact(attrs: dict[str, Any], paths: Any) -> tuple[dict[str, Any], list[str]]:
    """Replace every value named by a ``sensitive_attributes`` path with ``Sensitive``.

    Each path is a list of steps, ``{"type": "get_attr", "value": "password"}`` or
    ``{"type": "index", "value": {"value": 0, "type": "number"}}``. Paths to values that are not
    there are ignored. The input is not modified.
    """
    if not isinstance(paths, list) or not paths:
        return attrs, []
    result = dict(attrs)
    found: list[str] = []
    for steps in paths:
        keys = _steps(steps)
        if keys:
            dotted = _set_sensitive(result, keys)
            if dotted is not None:
                found.append(dotted)
    return result, sorted(set(found))


def _steps(steps: Any) -> list[str | int] | None:
    if not isinstance(steps, list):
        return None
    keys: list[str | int] = []
    for step in steps:
        if not isinstance(step, dict):
            return None
        value = step.get("value")
        if step.get("type") == "index" and isinstance(value, dict):
            value = value.get("value")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return None
        keys.append(int(value) if isinstance(value, float) else value)
    return keys


def _set_sensitive(root: dict[str, Any], keys: list[str | int]) -> str | None:
    """Replace the value at ``keys`` with Sensitive, copying only the containers on the way."""
    node: Any = root
    dotted = ""
    for n, key in enumerate(keys):
        in_dict = isinstance(node, dict) and isinstance(key, str) and key in node
        in_list = isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
        if not (in_dict or in_list):
            return None
        dotted = join_path(dotted, key)
        if n == len(keys) - 1:
            node[key] = Sensitive
            return dotted
        child = node[key]
        if isinstance(child, (dict, list)):
            child = dict(child) if isinstance(child, dict) else list(child)
            node[key] = child
        node = child
    return None


def provider_regions(data: Any) -> tuple[str, ...]:
    """AWS regions a raw state (or plan ``prior_state``) uses, for choosing where to read live.

    From provider aliases named like regions (``provider["registry.terraform.io/hashicorp/aws"].us-west-2``),
    else from each instance's ``region`` attribute (AWS provider v6) and its ``arn``.
    """
    aliases: list[str] = []
    seen: list[str] = []
    for entry in as_list(data.get("resources") if isinstance(data, dict) else None):
        if not isinstance(entry, dict):
            continue
        provider = entry.get("provider")
        if isinstance(provider, str) and "/aws" in provider:
            alias = provider.rsplit("]", 1)[-1].lstrip(".")
            if _REGION.match(alias):
                aliases.append(alias)
        for inst in as_list(entry.get("instances")):
            if isinstance(inst, dict) and isinstance(inst.get("attributes"), dict):
                seen.extend(_attribute_regions([inst["attributes"]]))
    return sorted_unique(aliases + seen)


def inventory_regions(resources: Iterable[Resource]) -> tuple[str, ...]:
    """The regions named by the ``region`` / ``arn`` attributes of an inventory's resources."""
    return sorted_unique(_attribute_regions(r.attrs for r in resources))


def _attribute_regions(all_attrs: Iterable[Mapping[str, Any]]) -> list[str]:
    found: list[str] = []
    for attrs in all_attrs:
        region = attrs.get("region")
        if isinstance(region, str) and _REGION.match(region):
            found.append(region)
        arn = attrs.get("arn")
        if isinstance(arn, str) and arn.startswith("arn:"):
            parts = arn.split(":", 5)
            if len(parts) > 3 and _REGION.match(parts[3]):
                found.append(parts[3])
    return found


def state_regions(path: Path) -> tuple[str, ...]:
    """``provider_regions`` of a state file (empty on an unreadable file)."""
    try:
        located = parse_json(read_text(path, path.as_posix()), path.as_posix())
    except SourceError:
        return ()
    return provider_regions(located.value)
