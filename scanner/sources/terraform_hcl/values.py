"""Value helpers shared by the evaluator and the functions: conversions and known-ness checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scanner.model import Sensitive, Unknown

_SCALARS = frozenset([str, int, float, bool, type(None)])


class EvalError(Exception):
    """An expression that Terraform itself would reject (missing key, bad type): ``try`` catches it."""


class LazyObject:
    """A resource or module instance whose attributes are computed on first access."""

    __slots__ = ("_get", "address")

    def __init__(self, address: str, get: Callable[[str], Any]) -> None:
        self.address = address
        self._get = get

    def get(self, name: str) -> Any:
        return self._get(name)

    def __repr__(self) -> str:
        return f"<{self.address}>"


def is_known_deep(v: Any) -> bool:
    if v is Unknown or v is Sensitive or isinstance(v, LazyObject):
        return False
    if isinstance(v, list):
        return all(is_known_deep(x) for x in v)
    if isinstance(v, dict):
        return all(is_known_deep(x) for x in v.values())
    return True


def has_sensitive(v: Any) -> bool:
    if type(v) in _SCALARS:
        return False
    if v is Sensitive:
        return True
    if isinstance(v, list):
        return any(has_sensitive(x) for x in v)
    if isinstance(v, dict):
        return any(has_sensitive(x) for x in v.values())
    return False


def norm_number(x: Any) -> Any:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e16:
        return int(x)
    return x


def to_number(v: Any) -> Any:
    if isinstance(v, bool):
        raise EvalError("a bool is not a number")
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        try:
            return int(v)
        except ValueError:
            try:
                return norm_number(float(v))
            except ValueError as exc:
                raise EvalError(f"not a number: {v!r}") from exc
    raise EvalError("not a number")


def to_str(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        v = norm_number(v)
        return repr(v) if isinstance(v, float) else str(v)
    raise EvalError("not a string")


def to_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if v == "true":
        return True
    if v == "false":
        return False
    raise EvalError("not a bool")


_GO_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def go_json(text: str) -> str:
    """JSON text as Go's encoder writes it (Terraform's jsonencode, the AWS provider): HTML-safe escapes."""
    return text.translate(_GO_ESCAPES)
