"""Terraform built-in functions over lists, sets and maps (plain Python values)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scanner.model import Unknown

from .values import EvalError, to_number, to_str

Func = Callable[..., Any]


def _merge(*maps: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in maps:
        if m is None:
            continue
        if not isinstance(m, dict):
            raise EvalError("merge expects maps")
        out.update(m)
    return out


def _concat(*lists: Any) -> list[Any]:
    out: list[Any] = []
    for li in lists:
        if not isinstance(li, list):
            raise EvalError("concat expects lists")
        out.extend(li)
    return out


def _lookup(m: Any, key: Any, *default: Any) -> Any:
    if not isinstance(m, dict):
        raise EvalError("lookup expects a map")
    k = to_str(key)
    if k in m:
        return m[k]
    if default:
        return default[0]
    raise EvalError(f"lookup: no key {k!r}")


def _length(v: Any) -> int:
    if isinstance(v, (list, dict, str)):
        return len(v)
    raise EvalError("length of a non-collection")


def _element(li: Any, i: Any) -> Any:
    if not isinstance(li, list) or not li:
        raise EvalError("element expects a non-empty list")
    return li[int(to_number(i)) % len(li)]


def _coalesce(*vals: Any) -> Any:
    for v in vals:
        if v is Unknown:
            return Unknown
        if v is not None and v != "":
            return v
    raise EvalError("coalesce: no non-null argument")


def _coalescelist(*vals: Any) -> Any:
    for v in vals:
        if v is Unknown:
            return Unknown
        if isinstance(v, list) and v:
            return v
    return []


def _flatten(v: Any) -> list[Any]:
    out: list[Any] = []
    for x in v:
        if isinstance(x, list):
            out.extend(_flatten(x))
        else:
            out.append(x)
    return out


def _distinct(v: Any) -> list[Any]:
    out: list[Any] = []
    for x in v:
        if x not in out:
            out.append(x)
    return out


def _toset(v: Any) -> list[Any]:
    d = _distinct(v)
    try:
        return sorted(d)
    except TypeError:
        return d


def _tolist(v: Any) -> list[Any]:
    if isinstance(v, list):
        return list(v)
    raise EvalError("tolist expects a list or set")


def _tomap(v: Any) -> dict[str, Any]:
    if isinstance(v, dict):
        return dict(v)
    raise EvalError("tomap expects a map")


def _range(*a: Any) -> list[Any]:
    nums = [to_number(x) for x in a]
    if len(nums) == 1:
        start, stop, step = 0, nums[0], 1
    elif len(nums) == 2:
        start, stop, step = nums[0], nums[1], 1 if nums[1] >= nums[0] else -1
    else:
        start, stop, step = nums
    if step == 0:
        raise EvalError("range step 0")
    out: list[Any] = []
    x = start
    while (step > 0 and x < stop) or (step < 0 and x > stop):
        out.append(x)
        x += step
        if len(out) > 1024:
            raise EvalError("range too long")
    return out


def _one(v: Any) -> Any:
    if not v:
        return None
    if len(v) == 1:
        return v[0]
    raise EvalError("one: more than one element")


def _slice(li: Any, a: Any, b: Any) -> list[Any]:
    return list(li[int(to_number(a)) : int(to_number(b))])


def _setop(op: str) -> Func:
    def f(*sets: Any) -> list[Any]:
        acc = _distinct(sets[0])
        for s in sets[1:]:
            if op == "union":
                acc += [x for x in s if x not in acc]
            elif op == "inter":
                acc = [x for x in acc if x in s]
            else:
                acc = [x for x in acc if x not in s]
        return _toset(acc)

    return f


def _sort(v: Any) -> list[str]:
    return sorted(to_str(x) for x in v)


def _contains(li: Any, v: Any) -> bool:
    if not isinstance(li, list):
        raise EvalError("contains expects a list")
    return v in li


def _keys(m: Any) -> list[str]:
    return sorted(m)


def _values(m: Any) -> list[Any]:
    return [m[k] for k in sorted(m)]


def _zipmap(k: Any, v: Any) -> dict[str, Any]:
    return {to_str(a): b for a, b in zip(k, v, strict=False)}


def _compact(li: Any) -> list[Any]:
    return [x for x in li if x not in (None, "")]


def _reverse(li: Any) -> list[Any]:
    return list(reversed(li))
