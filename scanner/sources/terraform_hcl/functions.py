"""Terraform built-in functions over plain Python values.

Each function takes already-evaluated arguments. The caller (``evaluate.py``) handles ``Unknown`` and
``Sensitive`` arguments before calling, and turns any exception raised here into an evaluation error.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import math
import re
from collections.abc import Callable
from typing import Any

import yaml

from scanner.model import Unknown

from .values import EvalError, is_known_deep, to_number, to_str

Func = Callable[..., Any]


def _json_ready(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, dict):
        return {k: _json_ready(x) for k, x in sorted(v.items())}
    if isinstance(v, list):
        return [_json_ready(x) for x in v]
    return v


def _jsonencode(v: Any) -> str:
    return json.dumps(_json_ready(v), separators=(",", ":"), ensure_ascii=False)


def _yamlencode(v: Any) -> str:
    return str(yaml.safe_dump(_json_ready(v), sort_keys=True, default_flow_style=False))


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


_FMT = re.compile(r"%(%|[-+# 0]*\d*(?:\.\d+)?[sdvqtfeEgGxXob])")


def _format(spec: Any, *args: Any) -> str:
    it = iter(args)

    def repl(m: re.Match[str]) -> str:
        verb = m.group(1)
        if verb == "%":
            return "%"
        val = next(it)
        kind = verb[-1]
        flags = verb[:-1]
        if kind in "sv":
            if isinstance(val, (list, dict)):
                s = _jsonencode(val)
            else:
                s = to_str(val)
            return ("%" + flags + "s") % s
        if kind == "q":
            return json.dumps(to_str(val))
        if kind == "t":
            return "true" if val else "false"
        num = to_number(val)
        if kind in "dxXob":
            n = int(num)
            if kind == "b":
                return format(n, "b")
            return ("%" + flags + ("o" if kind == "o" else kind)) % n
        return ("%" + flags + kind) % float(num)

    return _FMT.sub(repl, to_str(spec))


def _formatlist(spec: Any, *args: Any) -> list[str]:
    n = max((len(a) for a in args if isinstance(a, list)), default=1)
    rows = []
    for i in range(n):
        rows.append(_format(spec, *[a[i] if isinstance(a, list) else a for a in args]))
    return rows


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


def _replace(s: Any, old: Any, new: Any) -> str:
    s, old, new = to_str(s), to_str(old), to_str(new)
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):
        repl = re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", new)
        return re.sub(old[1:-1], repl, s)
    return str(s.replace(old, new))


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


def _tonumber(v: Any) -> Any:
    return None if v is None else to_number(v)


def _tobool(v: Any) -> Any:
    if v is None or isinstance(v, bool):
        return v
    if v in ("true", "false"):
        return v == "true"
    raise EvalError("tobool: not a bool")


def _tostring(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, (list, dict)):
        raise EvalError("tostring of a collection")
    return to_str(v)


def _tolist(v: Any) -> list[Any]:
    if isinstance(v, list):
        return list(v)
    raise EvalError("tolist expects a list or set")


def _tomap(v: Any) -> dict[str, Any]:
    if isinstance(v, dict):
        return dict(v)
    raise EvalError("tomap expects a map")


def _substr(s: Any, off: Any, n: Any) -> str:
    s = to_str(s)
    o, ln = int(to_number(off)), int(to_number(n))
    if o < 0:
        o += len(s)
    return str(s[o:] if ln < 0 else s[o : o + ln])


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


def _cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
    net = ipaddress.ip_network(to_str(prefix), strict=False)
    newlen = net.prefixlen + int(to_number(newbits))
    size = 1 << (net.max_prefixlen - newlen)
    num = int(to_number(netnum))
    if num >= 1 << int(to_number(newbits)):
        raise EvalError("cidrsubnet: netnum too large")
    base = int(net.network_address) + num * size
    return str(ipaddress.ip_network((base, newlen)))


def _cidrhost(prefix: Any, hostnum: Any) -> str:
    net = ipaddress.ip_network(to_str(prefix), strict=False)
    n = int(to_number(hostnum))
    addr = int(net.broadcast_address) + 1 + n if n < 0 else int(net.network_address) + n
    if addr not in range(int(net.network_address), int(net.broadcast_address) + 1):
        raise EvalError("cidrhost: host number out of range")
    return str(ipaddress.ip_address(addr))


def _sort(v: Any) -> list[str]:
    return sorted(to_str(x) for x in v)


def _minmax(f: Callable[..., Any]) -> Func:
    def g(*a: Any) -> Any:
        return f(to_number(x) for x in a)

    return g


def _trim(s: Any, chars: Any) -> str:
    return str(to_str(s).strip(to_str(chars)))


def _trimprefix(s: Any, p: Any) -> str:
    s, p = to_str(s), to_str(p)
    return str(s[len(p) :] if p and s.startswith(p) else s)


def _trimsuffix(s: Any, p: Any) -> str:
    s, p = to_str(s), to_str(p)
    return str(s[: -len(p)] if p and s.endswith(p) else s)


def _title(s: Any) -> str:
    return re.sub(r"\b([a-z])", lambda m: m.group(1).upper(), to_str(s))


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


def _join(sep: Any, *lists: Any) -> str:
    return to_str(sep).join(to_str(x) for li in lists for x in li)


def _b64decode(s: Any) -> str:
    return base64.b64decode(to_str(s), validate=True).decode("utf-8")


def _ceil(x: Any) -> int:
    n: int = math.ceil(to_number(x))
    return n


def _floor(x: Any) -> int:
    n: int = math.floor(to_number(x))
    return n


def _abs(x: Any) -> Any:
    return abs(to_number(x))


def _split(sep: Any, s: Any) -> list[str]:
    return to_str(s).split(to_str(sep))


def _compact(li: Any) -> list[Any]:
    return [x for x in li if x not in (None, "")]


def _jsondecode(s: Any) -> Any:
    return json.loads(to_str(s))


def _known_strs(*a: Any) -> list[str]:
    return [to_str(x) for x in a]


def _lower(s: Any) -> str:
    return to_str(s).lower()


def _upper(s: Any) -> str:
    return to_str(s).upper()


def _trimspace(s: Any) -> str:
    return to_str(s).strip()


def _startswith(s: Any, p: Any) -> bool:
    return to_str(s).startswith(to_str(p))


def _endswith(s: Any, p: Any) -> bool:
    return to_str(s).endswith(to_str(p))


def _reverse(li: Any) -> list[Any]:
    return list(reversed(li))


def _b64encode(s: Any) -> str:
    return base64.b64encode(to_str(s).encode()).decode()


# Functions that may see Unknown inside their (list/map) arguments and keep known parts.
STRUCTURAL: dict[str, Func] = {
    "merge": _merge,
    "concat": _concat,
    "lookup": _lookup,
    "length": _length,
    "element": _element,
    "coalesce": _coalesce,
    "coalescelist": _coalescelist,
    "keys": _keys,
    "values": _values,
    "flatten": _flatten,
    "compact": _compact,
    "tolist": _tolist,
    "tomap": _tomap,
    "zipmap": _zipmap,
    "one": _one,
    "slice": _slice,
    "reverse": _reverse,
}

# Functions that need fully known arguments.
STRICT: dict[str, Func] = {
    "jsonencode": _jsonencode,
    "jsondecode": _jsondecode,
    "yamlencode": _yamlencode,
    "format": _format,
    "formatlist": _formatlist,
    "lower": _lower,
    "upper": _upper,
    "title": _title,
    "tostring": _tostring,
    "tonumber": _tonumber,
    "toset": _toset,
    "tobool": _tobool,
    "join": _join,
    "split": _split,
    "replace": _replace,
    "contains": _contains,
    "distinct": _distinct,
    "substr": _substr,
    "trimspace": _trimspace,
    "trim": _trim,
    "trimprefix": _trimprefix,
    "trimsuffix": _trimsuffix,
    "startswith": _startswith,
    "endswith": _endswith,
    "min": _minmax(min),
    "max": _minmax(max),
    "abs": _abs,
    "ceil": _ceil,
    "floor": _floor,
    "range": _range,
    "sort": _sort,
    "setunion": _setop("union"),
    "setintersection": _setop("inter"),
    "setsubtract": _setop("sub"),
    "base64encode": _b64encode,
    "base64decode": _b64decode,
    "cidrsubnet": _cidrsubnet,
    "cidrhost": _cidrhost,
}


def call_builtin(name: str, args: list[Any]) -> Any:
    """Call a built-in function; ``Unknown`` when it does not exist or an argument is unknown."""
    fn = STRUCTURAL.get(name)
    if fn is not None:
        if any(a is Unknown for a in args):
            return Unknown
        return fn(*args)
    fn = STRICT.get(name)
    if fn is None:
        return Unknown
    if not all(is_known_deep(a) for a in args):
        return Unknown
    return fn(*args)
