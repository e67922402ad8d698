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

from scanner.model import PartialDocument, Unknown

from .collection_functions import (
    _coalesce,
    _coalescelist,
    _compact,
    _concat,
    _contains,
    _distinct,
    _element,
    _flatten,
    _keys,
    _length,
    _lookup,
    _merge,
    _one,
    _range,
    _reverse,
    _setop,
    _slice,
    _sort,
    _tolist,
    _tomap,
    _toset,
    _values,
    _zipmap,
)
from .limits import MAX_FORMAT_WIDTH
from .values import EvalError, go_json, is_known_deep, to_number, to_str

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
    return go_json(json.dumps(_json_ready(v), separators=(",", ":"), ensure_ascii=False))


def _yamlencode(v: Any) -> str:
    return str(yaml.safe_dump(_json_ready(v), sort_keys=True, default_flow_style=False))


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
        if any(int(n) > MAX_FORMAT_WIDTH for n in re.findall(r"\d+", flags)):
            raise EvalError(f"format width or precision over {MAX_FORMAT_WIDTH:,}")
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


def _replace(s: Any, old: Any, new: Any) -> str:
    s, old, new = to_str(s), to_str(old), to_str(new)
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):
        repl = re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", new)
        return re.sub(old[1:-1], repl, s)
    return str(s.replace(old, new))


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


def _substr(s: Any, off: Any, n: Any) -> str:
    s = to_str(s)
    o, ln = int(to_number(off)), int(to_number(n))
    if o < 0:
        o += len(s)
    return str(s[o:] if ln < 0 else s[o : o + ln])


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


def _jsondecode(s: Any) -> Any:
    return json.loads(to_str(s))


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
        if name == "jsonencode" and len(args) == 1 and isinstance(args[0], dict):
            # The text is unknown, but the document's known parts can still be analysed.
            return PartialDocument(args[0])
        return Unknown
    return fn(*args)
