"""Terraform JSON syntax (``.tf.json``) → the same ``Block``s that ``syntax.py`` produces for HCL."""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any

from .structure import Attribute, Block, Expr, ParsedFile
from .syntax import parse_template

# Attribute names whose JSON object value is a map attribute, not a nested block.
_MAP_ATTRS = frozenset(
    ["tags", "tags_all", "labels", "variables", "environment", "parameters", "triggers", "metadata"]
)
_LITERAL_BLOCKS = frozenset(["variable"])
_ATTRS_ONLY = frozenset(["variable", "locals", "module", "output"])


class _PosDict(dict[str, Any]):
    """A JSON object that remembers the character offsets where it starts and ends."""

    start = 0
    end = 0


def _make_decoder() -> json.JSONDecoder:
    dec = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        pairs, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        obj = _PosDict(pairs) if isinstance(pairs, dict) else _PosDict(dict(pairs))
        obj.start = s_and_end[1] - 1
        obj.end = end
        return obj, end

    dec.parse_object = parse_object  # type: ignore[attr-defined]
    dec.scan_once = json.scanner.py_make_scanner(dec)  # type: ignore[attr-defined]
    return dec


def parse_tf_json(text: str) -> ParsedFile:
    """Raises ``json.JSONDecodeError`` (with a line number) on bad JSON."""
    root = _make_decoder().decode(text)
    result = ParsedFile()
    if not isinstance(root, dict):
        result.errors.append((1, "top level of a .tf.json file must be an object"))
        return result
    lines = _LineIndex(text)
    for btype, content in root.items():
        if btype == "//":
            continue
        depth = {"resource": 2, "data": 2, "locals": 0}.get(btype, 1)
        for obj in _as_list(content):
            _blocks_at(btype, [], obj, depth, lines, result)
    return result


def _as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


def _blocks_at(
    btype: str, labels: list[str], obj: Any, depth: int, lines: _LineIndex, out: ParsedFile
) -> None:
    if not isinstance(obj, dict):
        return
    if depth == 0:
        out.blocks.append(_block(btype, labels, obj, lines))
        return
    for key, val in obj.items():
        for item in _as_list(val):
            _blocks_at(btype, [*labels, key], item, depth - 1, lines, out)


def _block(btype: str, labels: list[str], obj: dict[str, Any], lines: _LineIndex) -> Block:
    start, end = lines.span(obj)
    blk = Block(btype, labels, {}, [], start, end)
    literal = btype in _LITERAL_BLOCKS
    nested_ok = not labels or btype not in _ATTRS_ONLY
    if btype == "locals":
        nested_ok = False
    for key, val in obj.items():
        if key == "//":
            continue
        if nested_ok and key == "dynamic" and isinstance(val, dict):
            for label, body in val.items():
                for item in _as_list(body):
                    if isinstance(item, dict):
                        blk.blocks.append(_block("dynamic", [label], item, lines))
            continue
        if nested_ok and key not in _MAP_ATTRS and _is_block_value(val):
            for item in _as_list(val):
                blk.blocks.append(_block(key, [], item, lines))
            continue
        expr = ("lit", val) if literal else _expr(val)
        blk.attrs[key] = Attribute(key, expr, start, end)
    return blk


def _is_block_value(val: Any) -> bool:
    if isinstance(val, dict):
        return True
    return isinstance(val, list) and bool(val) and all(isinstance(x, dict) for x in val)


def _expr(val: Any) -> Expr:
    if isinstance(val, str):
        return parse_template(val)
    if isinstance(val, list):
        return ("tuple", [_expr(x) for x in val])
    if isinstance(val, dict):
        return ("object", [(("lit", k), _expr(v)) for k, v in val.items()])
    return ("lit", val)


class _LineIndex:
    def __init__(self, text: str) -> None:
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line(self, offset: int) -> int:
        import bisect

        return bisect.bisect_left(self.newlines, offset) + 1

    def span(self, obj: Any) -> tuple[int, int]:
        if isinstance(obj, _PosDict):
            return self.line(obj.start), self.line(max(obj.end - 1, obj.start))
        return 1, 1
