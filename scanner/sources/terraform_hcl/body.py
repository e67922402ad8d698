"""Evaluate a block body into state-shaped attrs, attribute sources and references."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.model import SourceRef, Unknown

from .evaluate import Evaluator
from .structure import Block
from .values import has_sensitive

RESOURCE_META = frozenset(
    ["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"]
)
MODULE_META = frozenset(["source", "version", "count", "for_each", "depends_on", "providers"])


@dataclass(slots=True)
class BodyResult:
    attrs: dict[str, Any] = field(default_factory=dict)
    sources: SourceMap = field(default_factory=lambda: SourceMap(""))
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sensitive: set[str] = field(default_factory=set)
    unknown_from: dict[str, tuple[str, ...]] = field(default_factory=dict)


def eval_top(ev: Evaluator, block: Block, path: str, skip: frozenset[str]) -> BodyResult:
    """The top level of a resource/data/module block: attrs plus per-attribute references."""
    res = BodyResult(sources=SourceMap(path))
    for name, attr in block.attrs.items():
        if name in skip:
            continue
        res.sources.add(name, attr.start_line, attr.end_line)
        expr = attr.expr
        if expr[0] == "lit":  # most attributes: no evaluation, references or secrets
            res.attrs[name] = expr[1]
            continue
        ev.refs = set()
        ev.unknowns = set()
        val = ev.eval_safe(expr)
        res.attrs[name] = val
        if ev.refs:
            res.references[name] = tuple(sorted(ev.refs))
        if ev.unknowns:
            res.unknown_from[name] = tuple(sorted(ev.unknowns))
        if has_sensitive(val):
            res.sensitive.add(name)
    counters: dict[str, int] = {}
    for blk in block.blocks:
        btype = blk.type
        if btype in skip:
            continue
        ev.refs = set()
        ev.unknowns = set()
        if btype == "dynamic" and blk.labels:
            btype = blk.labels[0]
            items = _dynamic(ev, blk, path, btype, counters, res.sources)
        else:
            items = [_nested(ev, blk, path, f"{btype}[{counters.get(btype, 0)}]", res.sources)]
            counters[btype] = counters.get(btype, 0) + 1
        res.attrs.setdefault(btype, []).extend(items)
        if ev.refs:
            old = res.references.get(btype, ())
            res.references[btype] = tuple(sorted(set(old) | ev.refs))
        if ev.unknowns:
            res.unknown_from[btype] = tuple(sorted(set(res.unknown_from.get(btype, ())) | ev.unknowns))
        if any(has_sensitive(x) for x in items):
            res.sensitive.add(btype)
    ev.refs = set()
    return res


def _nested(ev: Evaluator, block: Block, path: str, key: str, sources: SourceMap) -> dict[str, Any]:
    sources.add(key, block.start_line, block.end_line)
    out: dict[str, Any] = {}
    for name, attr in block.attrs.items():
        expr = attr.expr
        out[name] = expr[1] if expr[0] == "lit" else ev.eval_safe(expr)
        sources.add(f"{key}.{name}", attr.start_line, attr.end_line)
    counters: dict[str, int] = {}
    for blk in block.blocks:
        btype = blk.type
        if btype == "dynamic" and blk.labels:
            btype = blk.labels[0]
            items = _dynamic(ev, blk, path, btype, counters, sources, prefix=key + ".")
        else:
            idx = counters.get(btype, 0)
            counters[btype] = idx + 1
            items = [_nested(ev, blk, path, f"{key}.{btype}[{idx}]", sources)]
        out.setdefault(btype, []).extend(items)
    return out


def _dynamic(
    ev: Evaluator,
    blk: Block,
    path: str,
    btype: str,
    counters: dict[str, int],
    sources: SourceMap,
    prefix: str = "",
) -> list[Any]:
    content = next((b for b in blk.blocks if b.type == "content"), None)
    fe = blk.attrs.get("for_each")
    if content is None or fe is None:
        return []
    coll = ev.eval_safe(fe.expr)
    iterator = btype
    it_attr = blk.attrs.get("iterator")
    if it_attr is not None and it_attr.expr[0] in ("trav", "lit") and isinstance(it_attr.expr[1], str):
        iterator = it_attr.expr[1]
    if isinstance(coll, list):
        pairs: list[tuple[Any, Any]] = list(enumerate(coll))
    elif isinstance(coll, dict):
        pairs = sorted(coll.items())
    else:
        saved = ev.env
        ev.env = {**saved, iterator: {"key": Unknown, "value": Unknown}}
        try:
            _nested(ev, content, path, f"{prefix}{btype}[?]", SourceMap(path))
        finally:
            ev.env = saved
        return [Unknown]
    items: list[Any] = []
    saved = ev.env
    try:
        for k, v in pairs:
            ev.env = {**saved, iterator: {"key": k, "value": v}}
            idx = counters.get(btype, 0)
            counters[btype] = idx + 1
            items.append(_nested(ev, content, path, f"{prefix}{btype}[{idx}]", sources))
    finally:
        ev.env = saved
    return items


class SourceMap(Mapping[str, SourceRef]):
    """``attr_sources`` that builds each ``SourceRef`` only when it is looked up."""

    __slots__ = ("_lines", "_path")

    def __init__(self, path: str) -> None:
        self._path = path
        self._lines: dict[str, tuple[int, int]] = {}

    def add(self, key: str, start: int, end: int) -> None:
        self._lines[key] = (start, end)

    def __getitem__(self, key: str) -> SourceRef:
        start, end = self._lines[key]
        return SourceRef(self._path, start, end)

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __repr__(self) -> str:
        return f"SourceMap({dict(self)!r})"
