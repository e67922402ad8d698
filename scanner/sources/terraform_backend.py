"""Read a root module's ``terraform { backend "<type>" { ... } }`` settings (literal values only).

Backend blocks cannot use variables or expressions, so a literal read is enough: strings, numbers
and booleans. Works on ``*.tf`` (tree-sitter-hcl) and ``*.tf.json`` files; the first backend block
found, in file-name order, wins (Terraform allows only one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tree_sitter_hcl
from tree_sitter import Language, Node, Parser


def backend_config(root: Path) -> dict[str, Any] | None:
    """``{"type": "s3", "bucket": ..., "key": ..., ...}`` of the root module's backend, or None."""
    for path in sorted(root.glob("*.tf")) + sorted(root.glob("*.tf.json")):
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        found = _from_json(raw) if path.name.endswith(".json") else _from_hcl(raw)
        if found is not None:
            return found
    return None


def _from_json(raw: bytes) -> dict[str, Any] | None:
    try:
        doc = json.loads(raw)
    except ValueError:
        return None
    blocks = doc.get("terraform") if isinstance(doc, dict) else None
    for block in blocks if isinstance(blocks, list) else [blocks]:
        backend = block.get("backend") if isinstance(block, dict) else None
        if isinstance(backend, dict):
            for btype, body in backend.items():
                settings = body[0] if isinstance(body, list) and body else body
                if isinstance(settings, dict):
                    return {"type": btype, **{k: v for k, v in settings.items() if _literal(v)}}
    return None


def _literal(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


_PLAIN_STRING = ("quoted_template_start", "quoted_template_end", "template_literal")


def _from_hcl(raw: bytes) -> dict[str, Any] | None:
    tree = Parser(Language(tree_sitter_hcl.language())).parse(raw)
    body = _child(tree.root_node, "body")
    for block in _blocks(body, "terraform"):
        for backend in _blocks(_child(block, "body"), "backend"):
            labels = [c for c in backend.children if c.type == "string_lit"]
            if not labels:
                continue
            settings: dict[str, Any] = {"type": _string(labels[0])}
            for attr in (_child(backend, "body") or backend).children:
                if attr.type == "attribute":
                    value = _value(attr)
                    if value is not None:
                        settings[_text(attr.children[0])] = value
            return settings
    return None


def _child(node: Node | None, kind: str) -> Node | None:
    if node is None:
        return None
    return next((c for c in node.children if c.type == kind), None)


def _blocks(body: Node | None, name: str) -> list[Node]:
    if body is None:
        return []
    return [c for c in body.children if c.type == "block" and c.children and _text(c.children[0]) == name]


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8")


def _string(node: Node) -> str:
    return "".join(_text(c) for c in node.children if c.type == "template_literal")


def _value(attr: Node) -> Any:
    expr = _child(attr, "expression")
    literal = _child(expr, "literal_value")
    if literal is None or not literal.children:
        return None
    node = literal.children[0]
    if node.type == "string_lit":
        if any(
            c.type not in ("quoted_template_start", "quoted_template_end", "template_literal")
            for c in node.children
        ):
            return None  # an interpolation: not a literal
        return _string(node)
    if node.type == "bool_lit":
        return _text(node) == "true"
    if node.type == "numeric_lit":
        text = _text(node)
        try:
            return int(text)
        except ValueError:
            return float(text)
    return None
