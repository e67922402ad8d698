"""Inline suppression comments: ``# iacscan:ignore=ID[,ID] reason`` and ``#checkov:skip=ID:reason``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.model import InlineSuppression

_IGNORE = re.compile(
    r"(?:#|//|/\*)\s*iacscan:ignore\s*=\s*(?P<ids>[\w.\-]+(?:\s*,\s*[\w.\-]+)*)(?P<reason>[^\n]*)"
)
_CHECKOV = re.compile(r"(?:#|//|/\*)\s*checkov:skip\s*=\s*(?P<id>[\w.\-]+)(?::(?P<reason>[^\n]*))?")
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|/\*|\*)")


@dataclass(frozen=True, slots=True)
class FileComments:
    """Suppression comments of one file and which lines are comment-only lines."""

    items: tuple[InlineSuppression, ...]
    comment_lines: frozenset[int]

    def for_block(self, start: int, end: int) -> tuple[InlineSuppression, ...]:
        if not self.items:
            return ()
        first = start
        while first - 1 in self.comment_lines:
            first -= 1
        return tuple(s for s in self.items if first <= s.line <= end)


NO_COMMENTS = FileComments((), frozenset())


def scan_comments(text: str) -> FileComments:
    if "iacscan:ignore" not in text and "checkov:skip" not in text:
        return NO_COMMENTS
    items: list[InlineSuppression] = []
    comment_lines: set[int] = set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if _COMMENT_LINE.match(line):
            comment_lines.add(lineno)
        for m in _IGNORE.finditer(line):
            reason = _clean_reason(m.group("reason"))
            for pid in m.group("ids").split(","):
                items.append(InlineSuppression(pid.strip(), reason, lineno))
        for m in _CHECKOV.finditer(line):
            items.append(InlineSuppression(m.group("id"), _clean_reason(m.group("reason") or ""), lineno))
    return FileComments(tuple(items), frozenset(comment_lines))


def _clean_reason(reason: str) -> str:
    reason = reason.strip()
    if reason.endswith("*/"):
        reason = reason[:-2].rstrip()
    return reason.lstrip(":- ").strip()
