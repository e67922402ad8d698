"""Small helpers shared by the per-service converters: tags, resources, booleans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from scanner.model import Origin, Resource

LIVE_ROOT = "aws"
"""The root of live resources: one live read is one account (addresses are unique across its regions)."""
REGION_KEY = "_region"
DEFAULT_KEY = "_default"
"""Keys starting with ``_`` are metadata for the drift engine (region, account default), never compared."""


def tag_map(
    tags: Iterable[Mapping[str, Any]] | Mapping[str, Any] | None, key: str = "Key", value: str = "Value"
) -> dict[str, str]:
    """``[{"Key": k, "Value": v}]`` (or an already flat mapping) → ``{k: v}``, sorted."""
    if tags is None:
        return {}
    if isinstance(tags, Mapping):
        return {str(k): str(v) for k, v in sorted(tags.items())}
    pairs = {str(t[key]): str(t.get(value, "")) for t in tags if key in t}
    return dict(sorted(pairs.items()))


def live(
    tf_type: str,
    tf_id: str,
    attrs: dict[str, Any],
    region: str,
    *,
    cloud_id: str | None = None,
    default: bool = False,
    sensitive: Iterable[str] = (),
) -> Resource:
    """A live resource: ``id`` is the Terraform id; ``cloud_id`` defaults to it."""
    full = {"id": tf_id, **attrs, REGION_KEY: region}
    if default:
        full[DEFAULT_KEY] = True
    return Resource(
        address=f"{tf_type}.{tf_id}",
        type=tf_type,
        attrs=full,
        origin=Origin.LIVE,
        cloud_id=cloud_id or tf_id,
        name=tf_id,
        sensitive_paths=frozenset(sensitive),
        root=LIVE_ROOT,
    )


def present(extras: Mapping[str, Any], out: dict[str, Any], key: str, name: str, value: Any) -> None:
    """Set ``out[key]`` only when the extra call ``name`` was made (not denied)."""
    if name in extras:
        out[key] = value


def text(value: Any) -> str:
    return "" if value is None else str(value)


def truthy(value: Any) -> bool:
    return str(value).lower() == "true" if isinstance(value, str) else bool(value)
