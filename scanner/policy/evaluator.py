"""Three-valued evaluation of policy conditions over one resource.

TRUE means compliant. A condition over an unknown value is UNKNOWN (``None``), never FAIL. Every
evaluation also returns its *witnesses*: the (resource address, attribute path) pairs that decided it,
so a failure can be located at the most specific line of the resource a user would fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scanner.model import PartialDocument, Resource, Sensitive, Unknown
from scanner.policy import iam
from scanner.policy.operators import OPERATORS, SEES_UNKNOWN, OpContext, OpResult
from scanner.policy.paths import MISSING, resolve
from scanner.policy.related import IDENTITY_ATTRS, RelatedIndex

Tri = bool | None
Witness = tuple[str, str]  # (resource address, attribute path)


@dataclass(slots=True)
class Outcome:
    value: Tri
    witnesses: list[Witness] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    severity: str | None = None


FunctionCheck = Callable[[Resource, Mapping[str, Any], "EvalScope"], Outcome]
FUNCTIONS: dict[str, FunctionCheck] = {}


def register_function(name: str, check: FunctionCheck) -> None:
    """Register a Python check for the rare condition that cannot be data (``{fn: name}``)."""
    FUNCTIONS[name] = check


@dataclass(slots=True)
class EvalScope:
    subject: Resource
    related: RelatedIndex
    ctx: OpContext


def _all(outcomes: Sequence[Outcome]) -> Outcome:
    false = [o for o in outcomes if o.value is False]
    if false:
        return _merge(False, false)
    unknown = [o for o in outcomes if o.value is None]
    if unknown:
        return _merge(None, unknown)
    return _merge(True, outcomes)


def _any(outcomes: Sequence[Outcome]) -> Outcome:
    true = [o for o in outcomes if o.value is True]
    if true:
        return _merge(True, true)
    unknown = [o for o in outcomes if o.value is None]
    if unknown:
        return _merge(None, unknown)
    # Every alternative failed: the first one (by convention the requirement; exceptions and
    # applicability guards follow it) says what to fix, so its witnesses come first.
    return _merge(False, outcomes)


def _merge(value: Tri, parts: Sequence[Outcome]) -> Outcome:
    out = Outcome(value)
    for part in parts:
        out.witnesses.extend(part.witnesses)
        out.messages.extend(part.messages)
        if part.severity and not out.severity:
            out.severity = part.severity
    return out


def evaluate(cond: Mapping[str, Any], target: Any, prefix: str, scope: EvalScope) -> Outcome:
    """Evaluate ``cond`` against ``target`` (the resource attrs or an element of them)."""
    if "attr" in cond:
        return _leaf(cond, target, prefix, scope)
    if "all" in cond:
        return _all([evaluate(c, target, prefix, scope) for c in cond["all"]])
    if "any" in cond:
        return _any([evaluate(c, target, prefix, scope) for c in cond["any"]])
    if "not" in cond:
        inner = evaluate(cond["not"], target, prefix, scope)
        return Outcome(
            None if inner.value is None else not inner.value, inner.witnesses, inner.messages, inner.severity
        )
    for quantifier in ("each", "some", "none"):
        if quantifier in cond:
            return _quantify(quantifier, cond, target, prefix, scope)
    if "related" in cond:
        return _related(cond["related"], scope)
    if "fn" in cond:
        check = FUNCTIONS.get(cond["fn"])
        if check is None:
            return Outcome(None, messages=[f"unknown check function {cond['fn']!r}"])
        return check(scope.subject, cond.get("args", {}), scope)
    if "const" in cond:
        return Outcome(bool(cond["const"]))
    raise ValueError(f"unsupported condition {sorted(cond)}")


def _leaf(cond: Mapping[str, Any], target: Any, prefix: str, scope: EvalScope) -> Outcome:
    op_name = cond["op"]
    op = OPERATORS.get(op_name)
    if op is None:
        return Outcome(None, messages=[f"unknown operator {op_name!r}"])
    expected = cond.get("value")
    has_default = "default" in cond
    matches = resolve(target, cond["attr"], prefix)
    results: list[Outcome] = []
    address = scope.subject.address
    for path, actual in matches:
        if has_default and (actual is MISSING or actual is None):
            actual = cond["default"]
        if isinstance(actual, PartialDocument) and op_name not in SEES_UNKNOWN:
            actual = Unknown  # its text can't be known; quantifiers with `as:` read its known parts
        if (actual is Unknown or actual is Sensitive) and op_name not in SEES_UNKNOWN:
            results.append(Outcome(None, [(address, path)]))
            continue
        raw = op(actual, expected, scope.ctx)
        if isinstance(raw, OpResult):
            results.append(
                Outcome(raw.value, [(address, path)], [raw.message] if raw.message else [], raw.severity)
            )
        else:
            results.append(Outcome(raw, [(address, path)]))
    if cond.get("match", "any") == "all":
        return _all(results)
    return _any(results)


def _elements(value: Any, as_: str | None) -> Any:
    """The elements a quantifier iterates over; ``Unknown`` when they can't be known."""
    if value is Unknown or value is Sensitive:
        return Unknown
    if value is MISSING or value is None:
        return []
    if as_ == "iam_statements":
        return iam.statements(value)
    if as_ == "json" and isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _quantify(kind: str, cond: Mapping[str, Any], target: Any, prefix: str, scope: EvalScope) -> Outcome:
    as_ = cond.get("as")
    where = cond["where"]
    outcomes: list[Outcome] = []
    for path, value in resolve(target, cond[kind], prefix):
        elements = _elements(value, as_)
        if elements is Unknown:
            outcomes.append(Outcome(None, [(scope.subject.address, path)]))
            continue
        for n, element in enumerate(elements):
            if element is Unknown or element is Sensitive:
                outcomes.append(Outcome(None, [(scope.subject.address, path)]))
                continue
            # IAM statements and JSON documents have no lines of their own: point at the attribute.
            element_prefix = path if as_ else f"{path}[{n}]"
            inner = evaluate(where, element, element_prefix, scope)
            if as_:
                inner.witnesses[:] = [(a, path) for a, _ in inner.witnesses] or [
                    (scope.subject.address, path)
                ]
            outcomes.append(inner)
    if kind == "each":
        return _all(outcomes) if outcomes else Outcome(True)
    if kind == "some":
        return _any(outcomes) if outcomes else Outcome(False, [(scope.subject.address, cond[kind])])
    found = _any(outcomes) if outcomes else Outcome(False)
    return Outcome(
        None if found.value is None else not found.value, found.witnesses, found.messages, found.severity
    )


def _related(spec: Mapping[str, Any], scope: EvalScope) -> Outcome:
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    match_on = spec.get("match_on", IDENTITY_ATTRS)
    linked, unresolved = scope.related.find(scope.subject, types, spec["via"], match_on)
    require = spec.get("require", "some")
    where = spec.get("where")
    outcomes: list[Outcome] = []
    for res in linked:
        if where is None:
            outcomes.append(Outcome(True, [(res.address, "")]))
            continue
        sub = EvalScope(subject=res, related=scope.related, ctx=scope.ctx)
        outcomes.append(evaluate(where, res.attrs, "", sub))
    if require == "each":
        return _all(outcomes) if outcomes else Outcome(True)
    found = _any(outcomes) if outcomes else Outcome(None if unresolved else False)
    if require == "none":
        return Outcome(
            None if found.value is None else not found.value, found.witnesses, found.messages, found.severity
        )
    if found.value is False and unresolved:
        return Outcome(None, found.witnesses)
    return found
