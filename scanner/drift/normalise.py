"""Generic normalisation applied to both sides before comparing, and the canonical JSON form.

All functions are pure: they return new values and never mutate their input.

Rules (every type):
- keys starting with ``_`` are reader metadata (region, account default) and are dropped;
- attributes that only one side ever has (``id``, ``force_destroy``, ``timeouts``...) are dropped;
- ``tags_all`` (tags + provider ``default_tags``, what AWS really holds) replaces ``tags``;
- empty values (``None``, ``""``, ``[]``, ``{}``) are all the same "unset" value, ``None``;
- lists of plain values are sets in the AWS provider (ids, CIDRs): they are sorted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from scanner.model import Sensitive, Unknown

ONE_SIDED = frozenset(
    {
        "id",  # matching already used it; some types' Terraform ids are synthetic
        "force_destroy",
        "force_detach_policies",
        "timeouts",
        "skip_destroy",
        "deletion_window_in_days",
        "bypass_policy_lockout_safety_check",
        "apply_immediately",
        "skip_final_snapshot",
        "final_snapshot_identifier",
        "delete_automated_backups",
        "revoke_rules_on_delete",
        "name_prefix",
        "password",
        "expected_bucket_owner",
        "source_code_hash",
        "filename",
        "publish",
        "user_data_replace_on_change",
    }
)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def canonical_json(text: Any) -> Any:
    """A JSON document (string or parsed) in canonical form: key order, whitespace, a single item vs a
    one-item list and the order of plain lists never count. Unparsable text is returned stripped."""
    if isinstance(text, str):
        if not text.strip():
            return None
        try:
            parsed = json.loads(text)
        except ValueError:
            return text.strip()
    elif isinstance(text, (Mapping, list)):
        parsed = text
    else:
        return text
    return json.dumps(_canon(parsed), sort_keys=True, separators=(",", ":"))


def _canon(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _canon(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canon(v) for v in value]
        if len(items) == 1:
            return items[0]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def generic(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The rules every type shares (see the module docstring)."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if key.startswith("_") or key in ONE_SIDED or key == "tags_all":
            continue
        out[key] = clean(value)
    tags_all = attrs.get("tags_all")
    if isinstance(tags_all, Mapping) and tags_all:
        out["tags"] = clean(dict(tags_all))
    elif "tags" in attrs or "tags_all" in attrs:
        out["tags"] = clean(attrs.get("tags"))
    return out


def clean(value: Any) -> Any:
    """Empty → None; nested empties removed from blocks; plain lists sorted; markers kept."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value or None
    if value is Unknown or value is Sensitive:
        return value
    if isinstance(value, (dict, Mapping)):
        inner = {str(k): clean(v) for k, v in value.items()}
        return inner or None
    if isinstance(value, (list, tuple)):
        items = [clean(v) for v in value]
        items = [v for v in items if v is not None]
        if not items:
            return None
        if all(isinstance(v, (str, int, float, bool)) for v in items):
            return sorted(items, key=lambda v: (type(v).__name__, v))
        return items
    if value == "":
        return None
    return value


def sort_blocks(blocks: Any) -> Any:
    """A set of nested blocks (security group rules, table attributes) in a stable order."""
    if not isinstance(blocks, list):
        return blocks
    return sorted(blocks, key=lambda b: json.dumps(b, sort_keys=True, default=repr))
