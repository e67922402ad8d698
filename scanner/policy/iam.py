"""IAM policy documents, wherever they appear, normalised to a list of statements.

Each statement is a dict with list-valued ``Action``, ``NotAction``, ``Resource``, ``NotResource``,
a ``Principal``/``NotPrincipal`` mapping of principal type to a list of identifiers (``"*"`` becomes
``{"*": ["*"]}``), ``Effect`` and ``Condition``. Single strings and one-item lists are the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from scanner.model import Sensitive, Unknown

_LIST_KEYS = ("Action", "NotAction", "Resource", "NotResource")


def parse_document(value: Any) -> Any:
    """A JSON string or a mapping → the document mapping; ``Unknown`` stays; junk → ``None``."""
    if value is Unknown or value is Sensitive:
        return Unknown
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
    return value if isinstance(value, Mapping) else None


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if value is Unknown:
        return Unknown
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _principal(value: Any) -> Any:
    if value is None:
        return None
    if value is Unknown:
        return Unknown
    if value == "*":
        return {"*": ["*"]}
    if isinstance(value, Mapping):
        return {str(k): _as_list(v) for k, v in value.items()}
    return {"AWS": _as_list(value)}


def statements(document: Any) -> Any:
    """The normalised statements of a document, ``Unknown`` if it can't be known, [] if not a policy."""
    doc = parse_document(document)
    if doc is Unknown:
        return Unknown
    if doc is None:
        return []
    raw = doc.get("Statement", [])
    if raw is Unknown:
        return Unknown
    if isinstance(raw, Mapping):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        return []
    out: list[Any] = []
    for stmt in raw:
        if stmt is Unknown:
            out.append(Unknown)
            continue
        if not isinstance(stmt, Mapping):
            continue
        norm: dict[str, Any] = {"Effect": stmt.get("Effect", "Allow"), "Sid": stmt.get("Sid", "")}
        for key in _LIST_KEYS:
            if key in stmt:
                norm[key] = _as_list(stmt[key])
        for key in ("Principal", "NotPrincipal"):
            if key in stmt:
                norm[key] = _principal(stmt[key])
        if "Condition" in stmt:
            norm["Condition"] = stmt["Condition"]
        out.append(norm)
    return out
