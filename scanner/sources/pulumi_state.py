"""Pulumi stack exports and file-backend checkpoints → Inventory.

Reads ``pulumi stack export`` output (``{"version": 3, "deployment": {...}}``), a checkpoint file
(``{"version": 3, "checkpoint": {"stack": ..., "latest": {...deployment}}}``) and a file backend
folder (``<dir>/.pulumi/stacks/<project>/<stack>.json``, or the older ``<dir>/.pulumi/stacks/<stack>.json``).

Each custom ``aws:*`` resource becomes a ``Resource`` in the Terraform vocabulary (see
``pulumi_types``), addressed ``<terraform type>.<urn name>``, with ``origin=PULUMI`` and
``cloud_id`` = its ``id``. Attributes come from ``outputs``, with ``inputs`` filling any property the
outputs lack. Provider resources, the ``pulumi:pulumi:Stack`` root, component resources
(``custom: false``) and non-AWS resources are skipped. Secrets (objects carrying Pulumi's secret
signature, with ``ciphertext`` or ``plaintext``) become ``Sensitive``: never decrypted, never shown.

``Inventory.inputs`` holds the file shown to the user and ``pulumi-stack:<stack>``.
"""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.model import Inventory, Mode, Notification, Origin, Resource, Sensitive
from scanner.sources.decoding import decode_json_bytes
from scanner.sources.json_lines import Located
from scanner.sources.pulumi_types import convert_properties, property_name, terraform_type
from scanner.sources.terraform_values import as_list, display_path, parse_json, span_ref

SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270"


def is_export(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("deployment"), dict) and "version" in data


def is_checkpoint(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("checkpoint"), dict)


def load_export(path: Path, *, base_dir: Path) -> Inventory:
    """A ``pulumi stack export`` file or a checkpoint file (``.json`` or ``.json.gz``)."""
    display = display_path(path, base_dir)
    return pulumi_inventory(parse_json(read_json_text(path, display), display), display)


def pulumi_inventory(located: Located, display: str, stack: str = "") -> Inventory:
    data = located.value
    prefix: tuple[str, ...]
    if is_export(data):
        _check_version(data, display)
        deployment, prefix = data["deployment"], ("deployment",)
    elif is_checkpoint(data):
        _check_version(data, display)
        checkpoint = data["checkpoint"]
        own = checkpoint.get("stack")
        stack = own if isinstance(own, str) and own else stack
        deployment = checkpoint.get("latest") if isinstance(checkpoint.get("latest"), dict) else {}
        prefix = ("checkpoint", "latest")
    else:
        raise SourceError("not a Pulumi stack export or checkpoint", display)
    resources: dict[str, Resource] = {}
    notes: list[Notification] = []
    for i, raw in enumerate(as_list(deployment.get("resources"))):
        ref = span_ref(display, located.spans.get((*prefix, "resources", i)))
        if not isinstance(raw, dict) or not isinstance(raw.get("urn"), str):
            notes.append(Notification("warning", f"resources[{i}] has no urn; skipped", ref))
            continue
        if not stack:
            urn_stack, project = _urn_parts(raw["urn"])[:2]
            stack = f"{project}/{urn_stack}" if project else urn_stack
        res = _resource(raw, ref)
        if res is None:
            continue
        address = res.address
        n = 1
        while address in resources:  # same name and type under two different parents
            address = f"{res.address}[{n}]"
            n += 1
        if address != res.address:
            notes.append(Notification("note", f"{raw['urn']}: address taken, named {address}", ref))
            res = _with_address(res, address)
        resources[address] = res
    inputs: tuple[str, ...] = (display, f"pulumi-stack:{stack}") if stack else (display,)
    ordered = tuple(resources[a] for a in sorted(resources))
    return Inventory(ordered, tuple(notes), inputs)


def _check_version(data: dict[str, Any], display: str) -> None:
    version = data.get("version")
    if version not in (1, 2, 3):
        raise SourceError(f"unsupported Pulumi deployment version {version!r}; iacscan reads 3", display)


def _urn_parts(urn: str) -> tuple[str, str, str, str]:
    """``urn:pulumi:<stack>::<project>::<qualified type>::<name>`` → (stack, project, type, name)."""
    head, _, rest = urn.partition("::")
    project, _, rest = rest.partition("::")
    qualified, _, name = rest.partition("::")
    stack = head.split(":", 2)[2] if head.count(":") >= 2 else ""
    return stack, project, qualified.rsplit("$", 1)[-1], name


def _resource(raw: dict[str, Any], ref: Any) -> Resource | None:
    token = raw.get("type")
    if not isinstance(token, str):
        token = _urn_parts(raw["urn"])[2]
    if raw.get("custom") is False or token.startswith(("pulumi:", "pulumi:providers:")) or raw.get("delete"):
        return None
    tf_type = terraform_type(token)
    if tf_type is None:
        return None
    merged: dict[str, Any] = {}
    for key in ("inputs", "outputs"):  # outputs win
        if isinstance(raw.get(key), dict):
            merged.update(raw[key])
    sensitive: list[str] = []
    props = _redact(merged, "", sensitive)
    attrs = convert_properties(props, tf_type)
    rid = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else None
    if rid is not None and "id" not in attrs:
        attrs["id"] = rid
    name = _urn_parts(raw["urn"])[3]
    return Resource(
        address=f"{tf_type}.{name}",
        type=tf_type,
        attrs=attrs,
        origin=Origin.PULUMI,
        source=ref,
        cloud_id=rid,
        # read with .get() (external): like a Terraform data source, linked to but not reported on
        mode=Mode.DATA if raw.get("external") else Mode.MANAGED,
        name=name,
        sensitive_paths=frozenset(snake_path(p) for p in sensitive),
    )


def is_secret(value: Any) -> bool:
    return isinstance(value, dict) and value.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE


def _redact(value: Any, path: str, found: list[str]) -> Any:
    if is_secret(value):
        found.append(path)
        return Sensitive
    if isinstance(value, dict):
        return {k: _redact(v, f"{path}.{k}" if path else k, found) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v, f"{path}[{i}]", found) for i, v in enumerate(value)]
    return value


def snake_path(path: str) -> str:
    """A Pulumi property path (``serverSideEncryption.rules``) in Terraform's names."""
    return ".".join(property_name(part) if part and part[0].islower() else part for part in path.split("."))


def _with_address(res: Resource, address: str) -> Resource:
    return replace(res, address=address)


def read_json_text(path: Path, display: str) -> str:
    """A file's text, gunzipped when it is gzip (Pulumi backends may gzip checkpoints)."""
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as exc:
        raise SourceError(f"cannot read file: {exc}", display) from exc
    return decode_json_bytes(raw, display)


# --- file backend -------------------------------------------------------------------------------


def backend_stacks(root: Path) -> dict[str, Path]:
    """``project/stack`` (or ``stack`` for the old unscoped layout) → checkpoint file."""
    base = root / ".pulumi" / "stacks"
    found: dict[str, Path] = {}
    if not base.is_dir():
        return found
    for file in sorted(base.rglob("*")):
        name = file.name
        if not file.is_file() or not (name.endswith(".json") or name.endswith(".json.gz")):
            continue
        stem = name[: -len(".json.gz")] if name.endswith(".gz") else name[: -len(".json")]
        rel = file.parent.relative_to(base).as_posix()
        found[f"{rel}/{stem}" if rel != "." else stem] = file
    return found


def choose_stack(available: list[str], stack: str, where: str) -> str:
    """Pick the stack named ``stack`` (``dev``, ``project/dev`` or ``org/project/dev``)."""
    if not available:
        raise SourceError("no Pulumi stacks found under .pulumi/stacks", where)
    if stack:
        wanted = stack.split("/")[-2:]
        matches = [s for s in available if s.split("/")[-len(wanted) :] == wanted]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise SourceError(f"no Pulumi stack {stack!r}; available: {', '.join(available)}", where)
    elif len(available) == 1:
        return available[0]
    else:
        matches = available
    raise SourceError(f"several Pulumi stacks; choose one with --stack: {', '.join(matches)}", where)


def load_file_backend(root: Path, *, base_dir: Path, stack: str = "") -> Inventory:
    stacks = backend_stacks(root)
    chosen = choose_stack(sorted(stacks), stack, display_path(root, base_dir) or ".")
    return load_export(stacks[chosen], base_dir=base_dir)
