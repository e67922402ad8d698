"""Attribute-level comparison of two normalised attribute dicts.

Blocks (the top level and dicts inside lists) compare only the keys both sides have; maps (a dict
held by a key, such as ``tags``) compare every key, so an added or removed tag counts. Values the IaC
side cannot know (``Unknown``) or may not show (``Sensitive``) are not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from scanner.model import Sensitive, Unknown

Change = tuple[str, Any, Any]
Loose = Callable[[Any, Any], bool]


def _prefix_version(expected: Any, actual: Any) -> bool:
    """``engine_version = "15"`` is satisfied by a live ``15.4`` (AWS picks the minor version)."""
    return isinstance(expected, str) and isinstance(actual, str) and (actual + ".").startswith(expected + ".")


LOOSE: Mapping[tuple[str, str], Loose] = {
    ("aws_db_instance", "engine_version"): _prefix_version,
}


def scalar_equal(expected: Any, actual: Any) -> bool:
    if expected == actual and type(expected) is type(actual):
        return True
    if expected is None or actual is None:
        other = actual if expected is None else expected
        return other is False or other == 0
    if isinstance(expected, bool) or isinstance(actual, bool):
        return str(expected).lower() == str(actual).lower()
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return float(expected) == float(actual)
    if isinstance(expected, (int, float, str)) and isinstance(actual, (int, float, str)):
        return str(expected) == str(actual)
    return False


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def diff(expected: Any, actual: Any, path: str = "", *, block: bool = True) -> list[Change]:
    if expected is Unknown or actual is Unknown or expected is Sensitive or actual is Sensitive:
        return []
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        keys = set(expected) & set(actual) if block else set(expected) | set(actual)
        out: list[Change] = []
        for key in sorted(keys):
            out.extend(diff(expected.get(key), actual.get(key), _join(path, str(key)), block=False))
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [(path, expected, actual)]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out.extend(diff(e, a, f"{path}[{i}]", block=True))
        return out
    if isinstance(expected, (Mapping, list)) or isinstance(actual, (Mapping, list)):
        if isinstance(expected, Mapping) and actual is None and not block:
            return [(_join(path, str(k)), v, None) for k, v in sorted(expected.items())]
        if isinstance(actual, Mapping) and expected is None and not block:
            return [(_join(path, str(k)), None, v) for k, v in sorted(actual.items())]
        return [(path, expected, actual)]
    return [] if scalar_equal(expected, actual) else [(path, expected, actual)]


SETS = frozenset({("aws_security_group", "ingress"), ("aws_security_group", "egress")})
"""Attributes compared as sets: a change reports only the members missing (expected) and the
members added (actual), not the whole set."""


def _set_change(path: str, expected: Any, actual: Any) -> list[Change]:
    exp = [e for e in expected or [] if e not in (actual or [])]
    act = [a for a in actual or [] if a not in (expected or [])]
    return [(path, exp, act)] if exp or act else []


def compare(tf_type: str, expected: Mapping[str, Any], actual: Mapping[str, Any]) -> list[Change]:
    """Changes between two normalised resources: only attributes both sides have are compared."""
    changes: list[Change] = []
    for key in sorted(set(expected) & set(actual)):
        loose = LOOSE.get((tf_type, key))
        if loose is not None and loose(expected[key], actual[key]):
            continue
        if (tf_type, key) in SETS:
            changes.extend(_set_change(key, expected[key], actual[key]))
            continue
        changes.extend(diff(expected[key], actual[key], key, block=False))
    return changes
