"""The named operators of policy leaves: ``{attr, op, value}``.

Each operator takes the actual value (never ``Unknown``/``MISSING`` handling aside from ``exists``;
the evaluator deals with those first unless the operator opts in) and the policy's value, and returns
True, False or None (unknown). Operators may also return an ``OpResult`` to add a message or a
severity (patch-level policies use that).
"""

from __future__ import annotations

import fnmatch
import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from packaging.version import InvalidVersion, Version

from scanner.model import Sensitive, Unknown
from scanner.policy.paths import MISSING


@dataclass(frozen=True, slots=True)
class OpResult:
    value: bool | None
    message: str = ""
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class OpContext:
    """What an operator may need besides the two values: the evaluation date and policy options."""

    as_of: date
    options: Mapping[str, Any] = field(default_factory=dict)


Tri = bool | None
Operator = Callable[[Any, Any, OpContext], "Tri | OpResult"]


def _is_unknown(value: Any) -> bool:
    return value is Unknown or value is Sensitive


def _norm_scalar(value: Any) -> Any:
    """Terraform converts between strings, numbers and bools: compare them the same way."""
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "false"):
            return low == "true"
        try:
            return float(low) if any(c in low for c in ".e") else int(low)
        except ValueError:
            return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    return value


_PLAIN = (str, int, bool)


def _equal(actual: Any, expected: Any) -> Tri:
    if type(actual) is type(expected) and type(actual) in _PLAIN:
        return bool(actual == expected)  # the common case, without conversions
    if _is_unknown(actual):
        return None
    if actual is MISSING:
        return expected is None
    if isinstance(actual, (list, tuple)) and isinstance(expected, (list, tuple)):
        if len(actual) != len(expected):
            return False
        results = [_equal(a, e) for a, e in zip(actual, expected, strict=True)]
        if False in results:
            return False
        return None if None in results else True
    if isinstance(expected, str) and isinstance(actual, str):
        return actual == expected
    a, e = _norm_scalar(actual), _norm_scalar(expected)
    if isinstance(a, bool) != isinstance(e, bool):
        return False
    return bool(a == e)


def _not(value: Tri) -> Tri:
    return None if value is None else not value


def _items(actual: Any) -> list[Any] | None:
    if actual is MISSING or actual is None:
        return []
    if isinstance(actual, (list, tuple, set, frozenset)):
        return list(actual)
    if isinstance(actual, Mapping):
        return list(actual.keys())
    return None


def _length(actual: Any) -> int:
    """How many items a list or map holds. (Terraform 0.11's ``["${aws_subnet.a.*.id}"]`` arrives
    flattened: the HCL source reads it as Terraform 0.11 did.)"""
    return len(_items(actual) or [])


def _contains(actual: Any, expected: Any) -> Tri:
    if _is_unknown(actual):
        return None
    if isinstance(actual, str):
        return isinstance(expected, str) and expected in actual
    items = _items(actual)
    if items is None:
        return _equal(actual, expected)
    unknown = False
    for item in items:
        result = _equal(item, expected)
        if result:
            return True
        unknown = unknown or result is None
    return None if unknown else False


def _contains_any(actual: Any, expected: Any) -> Tri:
    results = [_contains(actual, e) for e in _as_list(expected)]
    if True in results:
        return True
    return None if None in results else False


def _contains_all(actual: Any, expected: Any) -> Tri:
    results = [_contains(actual, e) for e in _as_list(expected)]
    if False in results:
        return False
    return None if None in results else True


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _in(actual: Any, expected: Any) -> Tri:
    if _is_unknown(actual):
        return None
    return _contains(_as_list(expected), actual)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _compare(check: Callable[[float, float], bool]) -> Operator:
    def op(actual: Any, expected: Any, ctx: OpContext) -> Tri:
        if _is_unknown(actual):
            return None
        a, e = _number(actual), _number(expected)
        if a is None or e is None:
            return False
        return check(a, e)

    return op


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _match_regex(actual: Any, expected: Any) -> Tri:
    if _is_unknown(actual):
        return None
    if actual is MISSING or actual is None:
        return False
    return _regex(str(expected)).search(str(actual)) is not None


def _exists(actual: Any) -> bool:
    return actual is not MISSING and actual is not None


def _empty(actual: Any) -> Tri:
    if _is_unknown(actual):
        return None
    if actual is MISSING or actual is None:
        return True
    if isinstance(actual, (str, list, tuple, dict, set)):
        return len(actual) == 0
    return False


@lru_cache(maxsize=1024)
def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _version_cmp(check: Callable[[Version, Version], bool]) -> Operator:
    def op(actual: Any, expected: Any, ctx: OpContext) -> Tri:
        if _is_unknown(actual):
            return None
        if actual is MISSING or actual is None:
            return False
        a, e = _version(str(actual)), _version(str(expected))
        if a is None or e is None:
            return None
        return check(a, e)

    return op


WORLD_CIDRS = frozenset({"0.0.0.0/0", "::/0"})


def _is_world(cidr: Any) -> Tri:
    if _is_unknown(cidr):
        return None
    if not isinstance(cidr, str):
        return False
    try:
        net = ipaddress.ip_network(cidr.strip(), strict=False)
    except ValueError:
        return cidr.strip() in ("*", "0.0.0.0", "::")
    return net.prefixlen == 0


def _any_world(actual: Any, expected: Any, ctx: OpContext) -> Tri:
    """True when the value (a CIDR or a list of CIDRs) opens to the whole internet."""
    if _is_unknown(actual):
        return None
    items = _items(actual) if not isinstance(actual, str) else [actual]
    if items is None:
        return False
    results = [_is_world(item) for item in items]
    if True in results:
        return True
    return None if None in results else False


def _glob_any(actual: Any, expected: Any, ctx: OpContext) -> Tri:
    """True when any item of the value matches any of the glob patterns (case-insensitive)."""
    if _is_unknown(actual):
        return None
    items = _items(actual) if not isinstance(actual, str) else [actual]
    if items is None:
        items = [actual]
    unknown = False
    for item in items:
        if _is_unknown(item):
            unknown = True
            continue
        for pattern in _as_list(expected):
            if fnmatch.fnmatchcase(str(item).lower(), str(pattern).lower()):
                return True
    return None if unknown else False


# part B: IAM-style wildcard coverage and mapping-key patterns.
@lru_cache(maxsize=1024)
def _iam_pattern(pattern: str) -> re.Pattern[str]:
    """An IAM wildcard (``*`` any run, ``?`` one character) as a case-insensitive regex."""
    parts = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _wildcard_match(pattern: str, name: str) -> bool:
    """IAM wildcard matching; plain ``*`` patterns (nearly all) without building a regex per value."""
    if "?" in pattern:
        return _iam_pattern(pattern).fullmatch(name) is not None
    pattern, name = pattern.lower(), name.lower()
    if "*" not in pattern:
        return pattern == name
    first, *middle, last = pattern.split("*")
    if not name.startswith(first) or not name.endswith(last) or len(name) < len(first) + len(last):
        return False
    pos, end = len(first), len(name) - len(last)
    for part in middle:
        found = name.find(part, pos, end)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def _covers(actual: Any, expected: Any, ctx: OpContext) -> Tri:
    """True when an item of the value, read as an IAM wildcard pattern, matches any expected name.

    ``Action: ["iam:Pass*"]`` covers ``iam:PassRole``; ``"*"`` covers everything.
    """
    if _is_unknown(actual):
        return None
    items = [actual] if isinstance(actual, str) else _items(actual)
    if items is None:
        return False
    unknown = False
    for item in items:
        if _is_unknown(item):
            unknown = True
            continue
        if not isinstance(item, str):
            continue
        for name in _as_list(expected):
            if _wildcard_match(item, str(name)):
                return True
    return None if unknown else False


def _key_regex(actual: Any, expected: Any, ctx: OpContext) -> Tri:
    """True when a key of the mapping matches the regular expression (searched, as ``regex`` does)."""
    if _is_unknown(actual):
        return None
    if not isinstance(actual, Mapping):
        return False
    return any(_regex(str(expected)).search(str(key)) is not None for key in actual)


def _is_set(actual: Any, expected: Any, ctx: OpContext) -> bool:
    """True when the attribute has a value: not absent, null or an empty string.

    An unknown value counts as set: in HCL it is almost always a reference to another resource's
    computed attribute (``kms_key_id = aws_kms_key.k.arn``). State files write unset strings as "".
    """
    if _is_unknown(actual):
        return True
    return _exists(actual) and actual != ""


OPERATORS: dict[str, Operator] = {
    "eq": lambda a, e, c: _equal(a, e),
    "ne": lambda a, e, c: _not(_equal(a, e)),
    "in": lambda a, e, c: _in(a, e),
    "not_in": lambda a, e, c: _not(_in(a, e)),
    "contains": lambda a, e, c: _contains(a, e),
    "not_contains": lambda a, e, c: _not(_contains(a, e)),
    "contains_any": lambda a, e, c: _contains_any(a, e),
    "contains_all": lambda a, e, c: _contains_all(a, e),
    "not_contains_any": lambda a, e, c: _not(_contains_any(a, e)),
    "gt": _compare(lambda a, e: a > e),
    "ge": _compare(lambda a, e: a >= e),
    "lt": _compare(lambda a, e: a < e),
    "le": _compare(lambda a, e: a <= e),
    "regex": lambda a, e, c: _match_regex(a, e),
    "not_regex": lambda a, e, c: _not(_match_regex(a, e)),
    "starts_with": lambda a, e, c: None if _is_unknown(a) else isinstance(a, str) and a.startswith(e),
    "ends_with": lambda a, e, c: None if _is_unknown(a) else isinstance(a, str) and a.endswith(e),
    "exists": lambda a, e, c: _exists(a),
    "not_exists": lambda a, e, c: not _exists(a),
    "empty": lambda a, e, c: _empty(a),
    "not_empty": lambda a, e, c: _not(_empty(a)),
    "length_ge": lambda a, e, c: None if _is_unknown(a) else _length(a) >= int(e),
    "length_le": lambda a, e, c: None if _is_unknown(a) else _length(a) <= int(e),
    "version_lt": _version_cmp(lambda a, e: a < e),
    "version_ge": _version_cmp(lambda a, e: a >= e),
    "is_world": _any_world,
    "not_world": lambda a, e, c: _not(_any_world(a, e, c)),
    "glob": _glob_any,
    "not_glob": lambda a, e, c: _not(_glob_any(a, e, c)),
    # part B
    "covers": _covers,
    "not_covers": lambda a, e, c: _not(_covers(a, e, c)),
    "key_regex": _key_regex,
    "not_key_regex": lambda a, e, c: _not(_key_regex(a, e, c)),
    "is_set": _is_set,
    "not_set": lambda a, e, c: not _is_set(a, e, c),
}

# Operators that see Unknown/Sensitive values themselves instead of the evaluator answering UNKNOWN.
SEES_UNKNOWN = frozenset({"exists", "not_exists", "is_set", "not_set"})  # is_set/not_set: part B


def register_operator(name: str, op: Operator) -> None:
    """Add an operator (called explicitly by an extension's setup, never at import time)."""
    OPERATORS[name] = op
