"""Dotted attribute paths with ``[*]`` and ``[n]``: parsing and resolution over resource attrs.

A name step applied to a list maps over its elements, so ``versioning.enabled`` reads the block list
``versioning: [{enabled: true}]`` (Terraform, state) and the object ``versioning: {enabled: true}`` alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from scanner.model import Sensitive, Unknown


class _Missing:
    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
WILDCARD = "*"

_STEP = re.compile(r'([^.\[\]]+)|\[(\*|-?\d+|"[^"]*")\]')


@lru_cache(maxsize=4096)
def parse_path(path: str) -> tuple[str | int, ...]:
    steps: list[str | int] = []
    pos = 0
    for match in _STEP.finditer(path):
        if match.start() != pos and path[pos : match.start()] != ".":
            raise ValueError(f"bad attribute path {path!r}")
        name, index = match.groups()
        if name is not None:
            steps.append(name)
        elif index == WILDCARD:
            steps.append(WILDCARD)
        elif index.startswith('"'):
            steps.append(index[1:-1])
        else:
            steps.append(int(index))
        pos = match.end()
    if pos != len(path) or not steps:
        raise ValueError(f"bad attribute path {path!r}")
    return tuple(steps)


def _join(prefix: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{prefix}[{step}]"
    return f"{prefix}.{step}" if prefix else step


def resolve(root: Any, path: str, prefix: str = "") -> list[tuple[str, Any]]:
    """All (concrete path, value) pairs the path reaches. Absent values are ``MISSING``.

    ``Unknown``/``Sensitive`` met on the way are returned as the value at that point.
    """
    out: list[tuple[str, Any]] = []
    _walk(root, parse_path(path), 0, prefix, out)
    return out


def _walk(value: Any, steps: tuple[str | int, ...], i: int, where: str, out: list[tuple[str, Any]]) -> None:
    if i == len(steps):
        out.append((where, value))
        return
    if value is Unknown or value is Sensitive:
        out.append((where, value))
        return
    step = steps[i]
    if step == WILDCARD:
        if isinstance(value, Mapping):
            for key in sorted(value, key=str):
                _walk(value[key], steps, i + 1, f"{where}[{key!r}]", out)
        elif isinstance(value, (list, tuple)):
            if not value:
                out.append((where, MISSING))
            for n, item in enumerate(value):
                _walk(item, steps, i + 1, f"{where}[{n}]", out)
        else:
            out.append((where, MISSING))
        return
    if isinstance(step, int):
        if isinstance(value, (list, tuple)) and -len(value) <= step < len(value):
            _walk(value[step], steps, i + 1, _join(where, step), out)
        else:
            out.append((_join(where, step), MISSING))
        return
    if isinstance(value, Mapping):
        _walk(value.get(step, MISSING), steps, i + 1, _join(where, step), out)
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append((_join(where, step), MISSING))
        for n, item in enumerate(value):
            _walk(item, steps, i, f"{where}[{n}]", out)
    else:
        out.append((_join(where, step), MISSING))
