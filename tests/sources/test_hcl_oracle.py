"""Differential test: our tree-sitter parser and python-hcl2 agree on every literal value.

Every ``.tf`` file under ``tests/``, ``stacks/`` and ``policies/`` is parsed by both. Where our side has a
literal (a string without interpolation, a number, a bool, null, or a list/map of those), the oracle's
value at the same place must be equal. Files the oracle cannot parse, or that are deliberately broken
(our parser reports a syntax error), are skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scanner.sources.terraform_hcl.structure import Block, Expr, ParsedFile
from scanner.sources.terraform_hcl.syntax import parse_hcl

hcl2 = pytest.importorskip("hcl2")

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for top in ("tests", "stacks", "policies") for p in (ROOT / top).rglob("*.tf"))
_SKIP = object()
_META = frozenset(["__is_block__", "__start_line__", "__end_line__"])


def _unquote(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] == '"':
        try:
            return str(json.loads(key))
        except ValueError:
            return key[1:-1]
    return key


def _literal(expr: Expr) -> Any:
    """Our literal value, or _SKIP when the expression is not a plain literal."""
    tag = expr[0]
    if tag == "lit":
        return expr[1]
    if tag == "un" and expr[1] == "-" and expr[2][0] == "lit" and isinstance(expr[2][1], (int, float)):
        return -expr[2][1]
    return _SKIP  # templates (and heredocs, which the oracle keeps raw) are not literals


def _compare(oracle: Any, expr: Expr, where: str, checked: list[str]) -> None:
    tag = expr[0]
    if tag == "tuple":
        if not isinstance(oracle, list):
            return
        assert len(oracle) == len(expr[1]), f"{where}: list length"
        for i, (o, e) in enumerate(zip(oracle, expr[1], strict=True)):
            _compare(o, e, f"{where}[{i}]", checked)
        return
    if tag == "object":
        if not isinstance(oracle, dict):
            return
        okeys = {_unquote(k): v for k, v in oracle.items() if k not in _META}
        for kexpr, vexpr in expr[1]:
            key = _literal(kexpr)
            if isinstance(key, str) and key in okeys:
                _compare(okeys[key], vexpr, f"{where}.{key}", checked)
        return
    ours = _literal(expr)
    if ours is _SKIP:
        return
    if isinstance(ours, str):
        if not isinstance(oracle, str) or "${" in oracle or "%{" in oracle or oracle.startswith('"<<'):
            return
        if not (oracle.startswith('"') and oracle.endswith('"')):
            return
        try:
            decoded = json.loads(oracle)
        except ValueError:
            return
        assert decoded == ours, f"{where}: {decoded!r} != {ours!r}"
    else:
        assert (oracle == ours and type(oracle) is type(ours)) or (
            isinstance(ours, (int, float)) and not isinstance(ours, bool) and oracle == ours
        ), f"{where}: {oracle!r} != {ours!r}"
    checked.append(where)


def _body(oracle: dict[str, Any], ours: Block | ParsedFile, where: str, checked: list[str]) -> None:
    for key, oval in oracle.items():
        if key in _META:
            continue
        if key in ours.attrs:
            _compare(oval, ours.attrs[key].expr, f"{where}.{key}", checked)
            continue
        blocks = [b for b in ours.blocks if b.type == key]
        if not isinstance(oval, list) or not blocks:
            continue
        assert len(oval) == len(blocks), f"{where}.{key}: block count {len(oval)} != {len(blocks)}"
        for i, (ob, blk) in enumerate(zip(oval, blocks, strict=True)):
            body = ob
            for label in blk.labels:
                assert isinstance(body, dict) and len(body) == 1, f"{where}.{key}[{i}]: labels"
                ((olabel, body),) = body.items()
                assert _unquote(olabel) == label, f"{where}.{key}[{i}]: label {olabel} != {label}"
            _body(body, blk, f"{where}.{key}[{i}]", checked)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_literals_agree_with_python_hcl2(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    ours = parse_hcl(text.encode())
    if ours.errors:
        pytest.skip("deliberately broken file")
    try:
        oracle = hcl2.loads(text)
    except Exception:
        pytest.skip("python-hcl2 cannot parse this file")
    checked: list[str] = []
    _body(oracle, ours, path.name, checked)


@pytest.mark.slow
def test_the_oracle_test_compares_many_literals() -> None:
    checked: list[str] = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        ours = parse_hcl(text.encode())
        if ours.errors:
            continue
        try:
            oracle = hcl2.loads(text)
        except Exception:
            continue
        _body(oracle, ours, path.name, checked)
    assert len(checked) >= 100
