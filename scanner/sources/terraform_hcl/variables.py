"""Root module variable values: tfvars files, ``*.auto.tfvars``, ``--var-file`` and ``--var``."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.model import Notification, SourceRef, Unknown

from ..decoding import MAX_NESTING, decode_json_bytes, decode_utf8, nesting_depth_over
from .config import rel_posix
from .evaluate import Evaluator
from .structure import Expr
from .syntax import parse_expression, parse_hcl

_LOOKS_TYPED = re.compile(r"^\s*(\[|\{|-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$|true\s*$|false\s*$|null\s*$)")


class LiteralScope:
    """A scope where every reference is unknown: for tfvars and ``--var`` values."""

    def var(self, name: str) -> tuple[Any, frozenset[str]]:
        return Unknown, frozenset()

    local = module = var

    def module_output(self, name: str, key: Any, out: str) -> tuple[Any, frozenset[str]]:
        return Unknown, frozenset()

    def resource(self, mode: str, rtype: str, name: str) -> tuple[Any, str]:
        return Unknown, ""

    def file_function(self, name: str, args: list[Any]) -> Any:
        return Unknown


def literal_value(expr: Expr) -> Any:
    return Evaluator(LiteralScope(), {}).eval_safe(expr)


def root_variable_values(
    root: Path,
    base_dir: Path,
    var_files: Sequence[Path],
    variables: Mapping[str, str],
    notes: list[Notification],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    auto: list[Path] = []
    for name in ("terraform.tfvars", "terraform.tfvars.json"):
        if (root / name).is_file():
            auto.append(root / name)
    with contextlib.suppress(OSError):
        suffixes = (".auto.tfvars", ".auto.tfvars.json")
        auto += sorted(p for p in root.iterdir() if p.name.endswith(suffixes) and p.is_file())
    for f in [*auto, *var_files]:
        values.update(_read_var_file(Path(f), base_dir, notes))
    for key, raw in variables.items():
        values[key] = parse_cli_value(raw)
    return values


def parse_cli_value(raw: str) -> Any:
    if _LOOKS_TYPED.match(raw):
        expr = parse_expression(raw)
        if expr[0] != "bad":
            return literal_value(expr)
    return raw


def _read_var_file(path: Path, base_dir: Path, notes: list[Notification]) -> dict[str, Any]:
    rel = rel_posix(path, base_dir)
    try:
        data = path.read_bytes()
    except OSError as exc:
        notes.append(_note(rel, 1, f"cannot read variables file: {exc.strerror or exc}"))
        return {}
    if path.name.endswith(".json"):
        if nesting_depth_over(data) is not None:
            notes.append(_note(rel, 1, f"variables file nested deeper than {MAX_NESTING} levels; skipped"))
            return {}
        try:
            obj = json.loads(decode_json_bytes(data, rel))
        except SourceError as exc:
            notes.append(_note(rel, exc.line or 1, f"variables file: {exc.reason}"))
            return {}
        except json.JSONDecodeError as exc:
            notes.append(_note(rel, exc.lineno, f"invalid JSON: {exc.msg}"))
            return {}
        except (ValueError, RecursionError) as exc:
            notes.append(_note(rel, 1, f"invalid JSON: {type(exc).__name__}"))
            return {}
        if not isinstance(obj, dict):
            notes.append(_note(rel, 1, "a variables JSON file must hold an object"))
            return {}
        return dict(obj)
    text, bad_line = decode_utf8(data)
    if bad_line is not None:
        notes.append(_note(rel, bad_line, "file is not valid UTF-8; invalid bytes read as U+FFFD"))
        data = text.encode("utf-8")
    parsed = parse_hcl(data)
    for line, msg in parsed.errors:
        notes.append(_note(rel, line, msg))
    return {name: literal_value(attr.expr) for name, attr in parsed.attrs.items()}


def _note(rel: str, line: int, msg: str) -> Notification:
    return Notification(
        level="error", kind="parse", message=f"{rel}:{line}: {msg}", source=SourceRef(rel, line, line)
    )
