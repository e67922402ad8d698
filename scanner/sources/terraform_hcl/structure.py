"""Plain declarations parsed from HCL or Terraform JSON: blocks, attributes and expression tuples."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Expr = tuple[Any, ...]


@dataclass(slots=True)
class Attribute:
    name: str
    expr: Expr
    start_line: int
    end_line: int


@dataclass(slots=True)
class Block:
    type: str
    labels: list[str]
    attrs: dict[str, Attribute]
    blocks: list[Block]
    start_line: int
    end_line: int


@dataclass(slots=True)
class ParsedFile:
    blocks: list[Block] = field(default_factory=list)
    attrs: dict[str, Attribute] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)
