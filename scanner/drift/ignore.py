"""Ignore rules in the ``.driftignore`` syntax, plus ``--ignore`` patterns.

One rule a line: ``type.id`` ignores a resource, ``type.id.attribute.path`` one attribute (and
everything under it), ``*`` matches any text, a leading ``!`` re-includes what an earlier rule
ignored, ``#`` starts a comment, and ``\\.`` is a literal dot inside an id (``aws_s3_bucket.my\\.bucket``).
The last matching rule wins; ``--ignore`` patterns come after the file's rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from scanner.model import Notification, SourceRef

_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    segments: tuple[str, ...]
    negate: bool
    text: str

    def matches(self, tf_type: str, ids: Sequence[str], path: Sequence[str]) -> bool:
        segs = self.segments
        if segs == ("*",):
            return True
        if len(segs) < 2 or not fnmatchcase(tf_type, segs[0]):
            return False
        if not any(fnmatchcase(i, segs[1]) for i in ids):
            return False
        attr = segs[2:]
        if len(attr) > len(path):
            return False
        return all(fnmatchcase(p, a) for p, a in zip(path, attr, strict=False))


def split_escaped(text: str) -> tuple[str, ...]:
    """Split on dots not preceded by a backslash; ``\\.`` becomes a literal dot."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] == ".":
            current.append(".")
            i += 2
            continue
        if char == ".":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return tuple(parts)


def attribute_segments(path: str) -> tuple[str, ...]:
    """``versioning[0].enabled`` → ``("versioning", "enabled")`` (list indexes do not count)."""
    return tuple(p for p in _INDEX.sub("", path).split(".") if p)


@dataclass(frozen=True)
class IgnoreRules:
    rules: tuple[IgnoreRule, ...] = ()
    notifications: tuple[Notification, ...] = field(default=())

    @classmethod
    def parse(cls, text: str, source: str = "--ignore") -> IgnoreRules:
        rules: list[IgnoreRule] = []
        notes: list[Notification] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            body = line[1:].strip() if negate else line
            segments = split_escaped(body)
            if segments != ("*",) and (len(segments) < 2 or not all(segments[:2])):
                notes.append(
                    Notification(
                        level="warning",
                        message=f"{source}:{number}: ignore rule {line!r} is not type.id[.attr]; skipped",
                        source=SourceRef(source, number, number),
                        kind="config",
                    )
                )
                continue
            rules.append(IgnoreRule(segments, negate, line))
        return cls(tuple(rules), tuple(notes))

    @classmethod
    def load(cls, path: Path) -> IgnoreRules:
        return cls.parse(path.read_text(encoding="utf-8"), path.as_posix())

    @classmethod
    def from_patterns(cls, patterns: Iterable[str]) -> IgnoreRules:
        return cls.parse("\n".join(patterns), "--ignore")

    def merged(self, later: IgnoreRules) -> IgnoreRules:
        return IgnoreRules(self.rules + later.rules, self.notifications + later.notifications)

    def _decide(self, tf_type: str, ids: Sequence[str], path: Sequence[str], resource_only: bool) -> bool:
        ignored = False
        for rule in self.rules:
            if resource_only and len(rule.segments) > 2:
                continue
            if rule.matches(tf_type, ids, path):
                ignored = not rule.negate
        return ignored

    def ignores_resource(self, tf_type: str, ids: Iterable[str]) -> bool:
        return self._decide(tf_type, [i for i in ids if i], (), resource_only=True)

    def ignores_attribute(self, tf_type: str, ids: Iterable[str], path: str) -> bool:
        return self._decide(tf_type, [i for i in ids if i], attribute_segments(path), resource_only=False)
