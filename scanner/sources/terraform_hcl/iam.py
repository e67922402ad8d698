"""Synthesise the ``json`` of a ``data "aws_iam_policy_document"`` the way the AWS provider renders it."""

from __future__ import annotations

import json
from typing import Any

from scanner.model import PartialDocument, Unknown

from .values import go_json, is_known_deep

_UNSUPPORTED = ("source_policy_documents", "override_policy_documents", "source_json", "override_json")


def _set(values: Any) -> Any:
    """A string set attribute: the provider sorts it (descending) and unwraps a single item.

    Unknown items stay unknown (at the end), so the known ones can still be analysed.
    """
    if values is Unknown:
        return Unknown
    items: list[Any] = sorted((str(v) for v in values if v is not Unknown), reverse=True)
    if any(v is Unknown for v in values):
        return [*items, Unknown]
    return items[0] if len(items) == 1 else items


def _principals(blocks: list[dict[str, Any]]) -> Any:
    if blocks is Unknown:
        return Unknown
    merged: dict[str, list[Any]] = {}
    for p in blocks:
        if p is Unknown or p.get("type") is Unknown:
            return Unknown
        ptype = str(p.get("type"))
        identifiers = p.get("identifiers") or []
        if identifiers is Unknown:
            merged.setdefault(ptype, []).append(Unknown)
            continue
        merged.setdefault(ptype, []).extend(i if i is Unknown else str(i) for i in identifiers)
    if "*" in merged and len(merged) == 1:
        return "*"
    return {k: _set(v) for k, v in sorted(merged.items())}


def _conditions(blocks: Any) -> Any:
    if blocks is Unknown:
        return Unknown
    out: dict[str, dict[str, list[Any]]] = {}
    for c in blocks:
        if c is Unknown or c.get("test") is Unknown or c.get("variable") is Unknown:
            return Unknown
        if c.get("values") is Unknown:
            out.setdefault(str(c.get("test")), {}).setdefault(str(c.get("variable")), []).append(Unknown)
            continue
        test = str(c.get("test"))
        var = str(c.get("variable"))
        out.setdefault(test, {}).setdefault(var, []).extend(
            v if v is Unknown else str(v) for v in c.get("values") or []
        )
    return {t: {v: _set(vals) for v, vals in sorted(m.items())} for t, m in sorted(out.items())}


def _statement(st: Any) -> Any:
    if st is Unknown:
        return Unknown
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
    """``(json, minified_json)`` strings; a ``PartialDocument`` for each when some parts are unknown."""
    if any(attrs.get(k) not in (None, [], "") for k in _UNSUPPORTED):
        return Unknown, Unknown
    statements = attrs.get("statement", [])
    if statements is Unknown:
        return Unknown, Unknown
    version = attrs.get("version") or "2012-10-17"
    doc: dict[str, Any] = {"Version": version}
    if attrs.get("policy_id"):
        doc["Id"] = attrs["policy_id"]
    try:
        doc["Statement"] = [_statement(st) for st in statements]
    except (TypeError, AttributeError):
        return Unknown, Unknown
    if not is_known_deep(doc):
        partial = PartialDocument(doc)
        return partial, partial
    return (
        go_json(json.dumps(doc, indent=2, ensure_ascii=False)),
        go_json(json.dumps(doc, separators=(",", ":"), ensure_ascii=False)),
    )
