"""Recorded Pulumi registrations → ``Resource``s in the Terraform vocabulary.

Each custom ``aws:*`` registration becomes a resource through the same type and property mapping as
stack exports (``pulumi_types``). Its attributes are what the program passed (plus the mock's ``id``
and ``arn``, so references between resources link as they do in a state); a value the program could
not know is ``Unknown``; a secret configuration value, or any string built from one, is
``Sensitive``. The address carries the chain of component resources above it
(``component.network.aws_subnet.network-public-0``), and the source is the program's line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from scanner.model import Mode, Notification, Origin, Resource, Sensitive, SourceRef, Unknown
from scanner.sources.pulumi_state import is_secret, snake_path
from scanner.sources.pulumi_types import convert_properties, terraform_type

from .project import SECRET_PLACEHOLDER

_MARK = "__iacscan__"


def _value(value: Any, path: str, sensitive: list[str]) -> Any:
    if isinstance(value, str):
        if SECRET_PLACEHOLDER in value:
            sensitive.append(path)
            return Sensitive
        return value
    if is_secret(value):  # pulumi.Output.secret(...) or a secret config value
        sensitive.append(path)
        return Sensitive
    if isinstance(value, dict):
        mark = value.get(_MARK)
        if mark == "asset":
            return value.get("path") if isinstance(value.get("path"), str) else Unknown
        if mark is not None:
            return Unknown
        return {str(k): _value(v, f"{path}.{k}" if path else str(k), sensitive) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v, f"{path}[{i}]", sensitive) for i, v in enumerate(value)]
    return value


def _component_chain(record: dict[str, Any], by_urn: dict[str, dict[str, Any]]) -> list[str]:
    chain: list[str] = []
    seen: set[str] = set()
    parent = record.get("parent")
    while isinstance(parent, str) and parent and parent not in seen:
        seen.add(parent)
        rec = by_urn.get(parent)
        if rec is None:
            break
        if not rec.get("custom"):
            chain.append(str(rec.get("name", "")))
        parent = rec.get("parent")
    return list(reversed(chain))


def to_resources(
    records: list[dict[str, Any]], *, folder_display: str, root: str
) -> tuple[list[Resource], list[Notification]]:
    by_urn = {str(r.get("urn")): r for r in records if isinstance(r.get("urn"), str)}
    out: dict[str, Resource] = {}
    notes: list[Notification] = []
    skipped: set[str] = set()
    for record in records:
        token = record.get("type")
        name = record.get("name")
        if not isinstance(token, str) or not isinstance(name, str) or not record.get("custom"):
            continue
        if token.startswith("pulumi:"):
            continue
        tf_type = terraform_type(token)
        if tf_type is None:
            skipped.add(token.split(":")[0])
            continue
        sensitive: list[str] = []
        inputs = record.get("inputs") if isinstance(record.get("inputs"), dict) else {}
        props = _value(inputs, "", sensitive)
        attrs = convert_properties(props, tf_type)
        if isinstance(record.get("id"), str) and record["id"]:
            attrs.setdefault("id", record["id"])
        chain = _component_chain(record, by_urn)
        prefix = "".join(f"component.{c}." for c in chain)
        source = None
        if isinstance(record.get("file"), str) and record["file"] and isinstance(record.get("line"), int):
            rel = Path(record["file"]).as_posix()
            path = f"{folder_display}/{rel}" if folder_display not in ("", ".") else rel
            source = SourceRef(path, record["line"], record["line"])
        res = Resource(
            address=f"{prefix}{tf_type}.{name}",
            type=tf_type,
            attrs=attrs,
            origin=Origin.PULUMI,
            source=source,
            mode=Mode.MANAGED,
            name=name,
            module=prefix.rstrip("."),
            sensitive_paths=frozenset(snake_path(p) for p in sensitive),
            root=root,
        )
        address, n = res.address, 1
        while address in out:  # same type and name under parents that are not components
            address = f"{res.address}[{n}]"
            n += 1
        out[address] = res if address == res.address else replace(res, address=address)
    for package in sorted(skipped):
        notes.append(
            Notification(
                "note",
                f"{folder_display or '.'}: resources of the Pulumi package {package!r} are not read "
                "(iacscan reads aws:* resources)",
                kind="input",
            )
        )
    return [out[a] for a in sorted(out)], notes
