"""Synthesise the ``json`` of a ``data "aws_iam_policy_document"`` the way the AWS provider renders it."""

from __future__ import annotations

import json
from typing import Any

from scanner.model import Unknown

from .values import go_json, is_known_deep

_UNSUPPORTED = ("source_policy_documents", "override_policy_documents", "source_json", "override_json")


def _set(values: Any) -> Any:
    """A string set attribute: the provider sorts it (descending) and unwraps a single item."""
    items = sorted((str(v) for v in values), reverse=True)
    return items[0] if len(items) == 1 else items


def _principals(blocks: list[dict[str, Any]]) -> Any:
    merged: dict[str, list[str]] = {}
    for p in blocks:
        ptype = str(p.get("type"))
        merged.setdefault(ptype, []).extend(str(i) for i in p.get("identifiers") or [])
    if "*" in merged and len(merged) == 1:
        return "*"
    return {k: _set(v) for k, v in sorted(merged.items())}


def _conditions(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, dict[str, list[str]]] = {}
    for c in blocks:
        test = str(c.get("test"))
        var = str(c.get("variable"))
        out.setdefault(test, {}).setdefault(var, []).extend(str(v) for v in c.get("values") or [])
    return {t: {v: _set(vals) for v, vals in sorted(m.items())} for t, m in sorted(out.items())}


def _statement(st: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if st.get("sid"):
        out["Sid"] = st["sid"]
    out["Effect"] = st.get("effect") or "Allow"
    for key, name in (("actions", "Action"), ("not_actions", "NotAction")):
        if st.get(key):
            out[name] = _set(st[key])
    for key, name in (("resources", "Resource"), ("not_resources", "NotResource")):
        if st.get(key):
            out[name] = _set(st[key])
    for key, name in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        if st.get(key):
            out[name] = _principals(st[key])
    if st.get("condition"):
        out["Condition"] = _conditions(st["condition"])
    return out


def policy_document(attrs: dict[str, Any]) -> tuple[Any, Any]:
    """``(json, minified_json)`` strings, or ``(Unknown, Unknown)`` when any part is unknown."""
    if any(attrs.get(k) not in (None, [], "") for k in _UNSUPPORTED):
        return Unknown, Unknown
    statements = attrs.get("statement", [])
    if not is_known_deep(statements) or not is_known_deep(attrs.get("version")):
        return Unknown, Unknown
    doc: dict[str, Any] = {"Version": attrs.get("version") or "2012-10-17"}
    if attrs.get("policy_id"):
        if not is_known_deep(attrs["policy_id"]):
            return Unknown, Unknown
        doc["Id"] = attrs["policy_id"]
    try:
        doc["Statement"] = [_statement(st) for st in statements]
    except (TypeError, AttributeError):
        return Unknown, Unknown
    return (
        go_json(json.dumps(doc, indent=2, ensure_ascii=False)),
        go_json(json.dumps(doc, separators=(",", ":"), ensure_ascii=False)),
    )
