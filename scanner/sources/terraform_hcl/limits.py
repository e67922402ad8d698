"""Bounds on what evaluating hostile Terraform may cost, and the notes when one is reached.

Each bound stops a way to turn a few bytes of HCL into gigabytes or minutes: ``count = 1000000000``,
a 24-level module diamond (2^24 instances), ``formatlist("%99999999s", range(100))``, nested ``for``
expressions, nested ``jsonencode`` (each level escapes, doubling the text). When one is reached, what
was being computed becomes ``Unknown`` (a condition over it is UNKNOWN, never FAIL) and the run gets
one notification (kind ``limit``) naming the resource whose evaluation hit it.
"""

from __future__ import annotations

from typing import Any

from scanner.model import Notification, SourceRef

from .values import EvalError

MAX_INSTANCES = 10_000  # instances of one resource or module call (count / for_each)
MAX_RESOURCES = 100_000  # expanded resource instances per root module
MAX_MODULE_INSTANCES = 2_000  # module instances per root module
MAX_MODULE_DEPTH = 32  # module calls nested in module calls
MAX_STRING = 1_000_000  # characters in one string a function or template produces
MAX_CHARS = 50_000_000  # characters all functions and templates produce, per root module
MAX_FORMAT_WIDTH = 10_000  # width or precision in a format() verb
MAX_COLLECTION = 100_000  # elements of one list or map an expression produces
MAX_WEIGHT = 4_000_000  # elements plus characters of a function's arguments
MAX_STEPS = 5_000_000  # iterations of for expressions and templates per root module


class LimitExceeded(EvalError):
    """A bound was reached: the value is Unknown (``try`` and ``can`` do not hide it)."""


class Budget:
    """The bounds' counters for one root module, and the notes of the bounds reached."""

    __slots__ = ("chars", "modules", "notes", "resources", "seen", "steps", "where")

    def __init__(self, notes: list[Notification] | None = None) -> None:
        self.steps = 0
        self.chars = 0
        self.resources = 0
        self.modules = 0
        self.where: tuple[str, SourceRef | None] = ("", None)  # what is being evaluated
        self.notes: list[Notification] = notes if notes is not None else []
        self.seen: set[str] = set()

    def hit(
        self, message: str, where: tuple[str, SourceRef | None] | None = None, *, once: bool = False
    ) -> LimitExceeded:
        """Record that a bound was reached (once per message and place, or only once with ``once``);
        return the error to raise."""
        address, source = where or self.where
        prefix = f"{source.path}:{source.start_line}: " if source is not None else ""
        subject = f"{address}: " if address else ""
        text = f"{prefix}{subject}{message}; evaluated as unknown"
        key = message if once else text
        if key not in self.seen and len(self.seen) < 100:
            self.seen.add(key)
            self.notes.append(Notification("warning", text, source=source, kind="limit"))
        return LimitExceeded(message)

    def produced(self, chars: int, what: str) -> None:
        self.chars += chars
        if self.chars > MAX_CHARS:
            raise self.hit(f"{what}: functions and templates produced more than {MAX_CHARS:,} characters")

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise self.hit(f"more than {MAX_STEPS:,} iterations of for expressions")


def check_size(value: Any, budget: Budget, what: str) -> Any:
    """``value`` itself, unless it is a string or collection past its bound."""
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise budget.hit(f"{what} produced a string of more than {MAX_STRING:,} characters")
        if len(value) > 64:
            budget.produced(len(value), what)
    elif isinstance(value, (list, dict)):
        if len(value) > MAX_COLLECTION:
            raise budget.hit(f"{what} produced more than {MAX_COLLECTION:,} elements")
        items = value if isinstance(value, list) else value.values()
        budget.produced(sum(len(x) for x in items if isinstance(x, str)), what)
    return value


def weight_over(values: list[Any], limit: int = MAX_WEIGHT) -> bool:
    """True when the values hold more than ``limit`` elements and characters (shared parts count
    each time they are reached, as a function would walk them). Stops as soon as it knows."""
    total = 0
    stack: list[Any] = list(values)
    while stack:
        v = stack.pop()
        total += 1
        if isinstance(v, str):
            total += len(v)
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
            total += len(v)
        if total > limit:
            return True
    return False
