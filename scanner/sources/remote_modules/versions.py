"""Module version constraints with Terraform's rules (hashicorp/go-version, as the module installer uses it).

Operators ``=`` (or none), ``!=``, ``>``, ``>=``, ``<``, ``<=``, ``~>``; terms separated by commas, all
must hold. The newest matching version wins. A prerelease (``1.2.0-beta1``) is selected only when a term
names it exactly (``= 1.2.0-beta1`` or ``1.2.0-beta1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering

_VERSION = re.compile(
    r"^v?(?P<num>[0-9]+(?:\.[0-9]+)*)"
    r"(?:-?(?P<pre>[0-9A-Za-z~-]+(?:\.[0-9A-Za-z~-]+)*))?"
    r"(?:\+(?P<meta>[0-9A-Za-z~-]+(?:\.[0-9A-Za-z~-]+)*))?$"
)
_TERM = re.compile(r"^\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*(?P<ver>\S+)\s*$")


class ConstraintError(ValueError):
    pass


@total_ordering
@dataclass(frozen=True, slots=True)
class Version:
    segments: tuple[int, ...]  # always at least 3
    specified: int  # how many segments were written
    prerelease: str = ""
    original: str = ""

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _VERSION.match(text.strip())
        if m is None:
            raise ConstraintError(f"{text!r} is not a version")
        nums = tuple(int(n) for n in m["num"].split("."))
        padded = nums + (0,) * (3 - len(nums)) if len(nums) < 3 else nums
        return cls(padded, len(nums), m["pre"] or "", text.strip())

    def _key(self) -> tuple[tuple[int, ...], int, tuple[tuple[int, int | str], ...]]:
        if not self.prerelease:
            return self.segments, 1, ()
        parts: list[tuple[int, int | str]] = []
        for p in self.prerelease.split("."):
            parts.append((0, int(p)) if p.isdigit() else (1, p))
        return self.segments, 0, tuple(parts)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return self.original or ".".join(map(str, self.segments)) + (
            f"-{self.prerelease}" if self.prerelease else ""
        )


@dataclass(frozen=True, slots=True)
class Term:
    op: str
    version: Version

    def check(self, v: Version) -> bool:
        c = self.version
        if self.op == "~>":
            return _pessimistic(v, c)
        if not _prerelease_ok(v, c):
            return False
        if self.op == "=":
            return v == c
        if self.op == "!=":
            return v != c
        if self.op == ">":
            return v > c
        if self.op == ">=":
            return v >= c
        if self.op == "<":
            return v < c
        return v <= c

    @property
    def exact(self) -> bool:
        return self.op == "="


def _prerelease_ok(v: Version, c: Version) -> bool:
    if v.prerelease and c.prerelease:
        return v.segments == c.segments
    return not v.prerelease


def _pessimistic(v: Version, c: Version) -> bool:
    if bool(c.prerelease) != bool(v.prerelease):
        return False
    if v < c:
        return False
    return all(v.segments[i] == c.segments[i] for i in range(c.specified - 1))


def parse_constraints(text: str) -> tuple[Term, ...]:
    terms = []
    for raw in text.split(","):
        m = _TERM.match(raw)
        if m is None:
            raise ConstraintError(f"{raw.strip()!r} is not a version constraint")
        terms.append(Term(m["op"] or "=", Version.parse(m["ver"])))
    return tuple(terms)


def select(versions: Iterable[str], constraint: str | None) -> str | None:
    """The newest of ``versions`` satisfying ``constraint`` (None: the newest release).

    Raises ConstraintError on a malformed constraint."""
    terms = parse_constraints(constraint) if constraint and constraint.strip() else ()
    exact_pre = {t.version for t in terms if t.exact and t.version.prerelease}
    best: Version | None = None
    for text in versions:
        try:
            v = Version.parse(text)
        except ConstraintError:
            continue
        if v.prerelease and v not in exact_pre:
            continue
        if all(t.check(v) for t in terms) and (best is None or v > best):
            best = v
    return best.original if best is not None else None
