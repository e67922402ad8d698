"""Parse a JSON document once and record where its resource objects are written.

Plans, states and Pulumi exports can hold tens of thousands of resources; a finding on one of them,
when no HCL is at hand, is located at the line of that resource's object in the file itself. Rather
than re-scanning the text per resource, ``parse_located`` walks the document once: the containers on
the way to a resource object (``resources``, ``resource_changes``, ``deployment.resources``,
``planned_values.root_module.child_modules[*]``...) are walked here, everything else (the bulk of the
bytes: each resource's attributes) is decoded by the C JSON scanner in one call per value. The result
is the same value ``json.loads`` gives, plus a span for every resource object.

Paths are tuples of keys and indexes: ``("resources", 3, "instances", 0)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Span:
    """Where a JSON value is written: 1-based lines and columns, end inclusive."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Located:
    """A decoded document, the spans of its resource objects, and what is needed to find more."""

    value: Any
    spans: dict[Path, Span]
    text: str = field(default="", repr=False)
    offsets: dict[Path, tuple[int, int]] = field(default_factory=dict, repr=False)

    def inner_spans(self, path: Path) -> dict[Path, Span]:
        """Spans of the objects nested in the one at ``path`` (a state resource's instances).

        Found on demand by walking that object's text again: the first pass records only each
        state resource, since nearly all have one instance and are located by the resource.
        """
        if path not in self.offsets:
            return {}
        start = self.offsets[path][0]
        inner: dict[Path, tuple[int, int]] = {}
        _parse(self.text, start, path, _classify_nested, inner)
        inner.pop(path, None)
        span = self.spans[path]
        return _spans(self.text, inner, (start, span.start_line, start - span.start_column + 1))


def _is_index(step: str | int) -> bool:
    return isinstance(step, int)


def _module_tail(path: Path, i: int) -> int:
    """Skip any number of ``child_modules, <n>`` pairs from ``path[i]``; return the new index."""
    while i + 1 < len(path) and path[i] == "child_modules" and _is_index(path[i + 1]):
        i += 2
    return i


def _module_path(path: Path, i: int) -> str:
    """Classify ``path[i:]`` below a ``root_module``: 'walk', 'record' or ''."""
    i = _module_tail(path, i)
    rest = path[i:]
    if not rest or rest == ("child_modules",) or rest == ("resources",):
        return "walk"
    if len(rest) == 2 and rest[0] == "resources" and _is_index(rest[1]):
        return "record"
    return ""


def _classify(path: Path) -> str:
    """'walk' to descend into a container, 'record' to note its span, '' to decode it whole.

    Covers every format iacscan reads, so the document's kind need not be known in advance.
    """
    n = len(path)
    if n == 0:
        return "walk"
    head = path[0]
    if head == "resources":  # Terraform state v4: each resource, whole (see Located.inner_spans)
        if n == 1:
            return "walk"
        return "record" if n == 2 and _is_index(path[1]) else ""
    if head in ("resource_changes", "resource_drift"):  # plan: changes, and drift seen by refresh
        if n == 1:
            return "walk"
        return "record" if n == 2 and _is_index(path[1]) else ""
    if head in ("planned_values", "prior_state", "values"):  # plan; `terraform show -json` of a state
        i = 1
        if head == "prior_state":
            if n == 1:
                return "walk"
            if path[1] != "values":
                return ""
            i = 2
        if n == i:
            return "walk"
        if path[i] != "root_module":
            return ""
        return _module_path(path, i + 1)
    if head == "deployment":  # pulumi stack export
        if n == 1 or path == ("deployment", "resources"):
            return "walk"
        return "record" if n == 3 and path[1] == "resources" and _is_index(path[2]) else ""
    if head == "checkpoint":  # pulumi file-backend checkpoint
        if n <= 2 and path[1:] in ((), ("latest",)):
            return "walk"
        if path[1:] == ("latest", "resources"):
            return "walk"
        return "record" if n == 4 and path[1:3] == ("latest", "resources") and _is_index(path[3]) else ""
    return ""


def _classify_nested(path: Path) -> str:
    """Inside one state resource: walk it and its instances, record each instance."""
    n = len(path)
    if n == 2 or (n == 3 and path[2] == "instances"):
        return "walk"
    return "record" if n == 4 and path[2] == "instances" and _is_index(path[3]) else ""


def parse_located(text: str, classify: Callable[[Path], str] = _classify) -> Located:
    """Decode ``text`` (raises ``json.JSONDecodeError`` with line and column on bad input)."""
    offsets: dict[Path, tuple[int, int]] = {}
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    value, end = _parse(text, pos, (), classify, offsets)
    end = _WS.match(text, end).end()  # type: ignore[union-attr]
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return Located(value, _spans(text, offsets), text, offsets)


def _parse(
    text: str,
    pos: int,
    path: Path,
    classify: Callable[[Path], str],
    offsets: dict[Path, tuple[int, int]],
) -> tuple[Any, int]:
    kind = classify(path)
    if "walk" not in kind:
        value, end = _DECODER.raw_decode(text, pos)
    elif text.startswith("{", pos):
        value, end = _parse_object(text, pos, path, classify, offsets)
    elif text.startswith("[", pos):
        value, end = _parse_array(text, pos, path, classify, offsets)
    else:
        value, end = _DECODER.raw_decode(text, pos)
    if "record" in kind:
        offsets[path] = (pos, end - 1)
    return value, end


# A key with the whitespace and colon around it, in one match; keys with escapes go through json.
_KEY = re.compile(r'[ \t\n\r]*"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')
_ESCAPED_KEY = re.compile(r'[ \t\n\r]*("(?:[^"\\]|\\.)*")[ \t\n\r]*:[ \t\n\r]*')
# The separator after a value: a comma or the closing bracket, with whitespace around.
_AFTER = re.compile(r"[ \t\n\r]*([,}\]])[ \t\n\r]*")


def _parse_object(
    text: str,
    pos: int,
    path: Path,
    classify: Callable[[Path], str],
    offsets: dict[Path, tuple[int, int]],
) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    after = _AFTER.match(text, pos + 1)
    if after is not None and after.group(1) == "}":
        return result, after.end()
    while True:
        match = _KEY.match(text, pos + 1)
        if match is not None:
            key = match.group(1)
        else:
            match = _ESCAPED_KEY.match(text, pos + 1)
            if match is None:
                at = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
            key = json.loads(match.group(1))
        result[key], pos = _parse(text, match.end(), (*path, key), classify, offsets)
        after = _AFTER.match(text, pos)
        if after is None or after.group(1) == "]":
            at = _WS.match(text, pos).end()  # type: ignore[union-attr]
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        if after.group(1) == "}":
            return result, after.end()
        pos = after.end() - 1  # at the comma's end: the next key follows


def _parse_array(
    text: str,
    pos: int,
    path: Path,
    classify: Callable[[Path], str],
    offsets: dict[Path, tuple[int, int]],
) -> tuple[list[Any], int]:
    result: list[Any] = []
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return result, pos + 1
    while True:
        item, pos = _parse(text, pos, (*path, len(result)), classify, offsets)
        result.append(item)
        after = _AFTER.match(text, pos)
        if after is None or after.group(1) == "}":
            at = _WS.match(text, pos).end()  # type: ignore[union-attr]
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        if after.group(1) == "]":
            return result, after.end()
        pos = after.end()


def _spans(
    text: str, offsets: dict[Path, tuple[int, int]], anchor: tuple[int, int, int] = (0, 1, 0)
) -> dict[Path, Span]:
    """Turn character offsets into lines and columns in one forward pass over the text.

    ``anchor`` is a known (offset, line, offset of that line's start) at or before every offset.
    """
    points = sorted({p for pair in offsets.values() for p in pair})
    where: dict[int, tuple[int, int]] = {}
    last, line, line_start = anchor
    for point in points:
        newlines = text.count("\n", last, point)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, point) + 1
        last = point
        where[point] = (line, point - line_start + 1)
    spans: dict[Path, Span] = {}
    for path, (start, end) in offsets.items():
        (sl, sc), (el, ec) = where[start], where[end]
        spans[path] = Span(sl, sc, el, ec)
    return spans


def line_of(text: str, offset: int) -> int:
    """The 1-based line of a character offset (for one-off lookups)."""
    return text.count("\n", 0, offset) + 1
