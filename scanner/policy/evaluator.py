"""Three-valued evaluation of policy conditions over one resource.

TRUE means compliant. A condition over an unknown value is UNKNOWN (``None``), never FAIL. Every
evaluation also returns its *witnesses*: the (resource address, attribute path) pairs that decided it,
so a failure can be located at the most specific line of the resource a user would fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scanner.model import Origin, PartialDocument, Resource, Sensitive, Unknown
from scanner.policy import iam
from scanner.policy.operators import OPERATORS, SEES_UNKNOWN, OpContext, OpResult
from scanner.policy.paths import MISSING, parse_path, resolve
from scanner.policy.related import IDENTITY_ATTRS, RelatedIndex

Tri = bool | None
Witness = tuple[str, str]  # (resource address, attribute path)


@dataclass(slots=True)
class Outcome:
    value: Tri
    witnesses: Sequence[Witness] = ()
    messages: Sequence[str] = ()
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
    if len(parts) == 1:
        part = parts[0]
        return part if part.value is value else Outcome(value, part.witnesses, part.messages, part.severity)
    witnesses: list[Witness] = []
    messages: list[str] = []
    severity = None
    for part in parts:
        witnesses.extend(part.witnesses)
        if part.messages:
            messages.extend(part.messages)
        if part.severity and not severity:
            severity = part.severity
    return Outcome(value, witnesses, messages, severity)


def _negate(inner: Outcome) -> Outcome:
    return Outcome(
        None if inner.value is None else not inner.value, inner.witnesses, inner.messages, inner.severity
    )


# A condition compiled once into a closure: (target, prefix, scope) → Outcome.
Check = Callable[[Any, str, EvalScope], Outcome]
_COMPILED: dict[int, tuple[Mapping[str, Any], Check]] = {}


def compile_condition(cond: Mapping[str, Any]) -> Check:
    """The closure for a condition, compiled on first use (the condition is kept alive with it)."""
    entry = _COMPILED.get(id(cond))
    if entry is not None and entry[0] is cond:
        return entry[1]
    check = _compile(cond)
    _COMPILED[id(cond)] = (cond, check)
    return check


def evaluate(cond: Mapping[str, Any], target: Any, prefix: str, scope: EvalScope) -> Outcome:
    """Evaluate ``cond`` against ``target`` (the resource attrs or an element of them)."""
    return compile_condition(cond)(target, prefix, scope)


def _compile(cond: Mapping[str, Any]) -> Check:
    if "attr" in cond:
        return _compile_leaf(cond)
    if "all" in cond:
        parts = [compile_condition(c) for c in cond["all"]]
        return lambda t, p, s: _all([c(t, p, s) for c in parts])
    if "any" in cond:
        alternatives = [compile_condition(c) for c in cond["any"]]
        return lambda t, p, s: _any([c(t, p, s) for c in alternatives])
    if "not" in cond:
        inner = compile_condition(cond["not"])
        return lambda t, p, s: _negate(inner(t, p, s))
    for quantifier in ("each", "some", "none"):
        if quantifier in cond:
            return _compile_quantifier(quantifier, cond)
    if "related" in cond:
        return _compile_related(cond["related"])
    if "fn" in cond:
        name, args = cond["fn"], cond.get("args", {})

        def call(t: Any, p: str, s: EvalScope) -> Outcome:
            check = FUNCTIONS.get(name)
            if check is None:
                return Outcome(None, messages=[f"unknown check function {name!r}"])
            return check(s.subject, args, s)

        return call
    if "const" in cond:
        constant = Outcome(bool(cond["const"]))
        return lambda t, p, s: constant
    raise ValueError(f"unsupported condition {sorted(cond)}")


def _compile_leaf(cond: Mapping[str, Any]) -> Check:
    op_name = cond["op"]
    attr = cond["attr"]
    expected = cond.get("value")
    has_default = "default" in cond
    default = cond.get("default")
    sees_unknown = op_name in SEES_UNKNOWN
    combine = _all if cond.get("match", "any") == "all" else _any
    steps = parse_path(attr)
    # Plain dotted names can be read with dict lookups; lists (blocks) and wildcards need resolve().
    simple = all(isinstance(step, str) and step != "*" for step in steps)

    def judge(actual: Any, path: str, scope: EvalScope) -> Outcome:
        op = OPERATORS.get(op_name)
        if op is None:
            return Outcome(None, messages=[f"unknown operator {op_name!r}"])
        if actual is MISSING and scope.subject.origin is Origin.LIVE:
            # A live reader records what it read (None for a setting that is absent); an attribute it
            # has no key for was not read, so it can't decide anything — and must not fall back to
            # the provider default, which would turn "not read" into a failure.
            return Outcome(None, [(scope.subject.address, path)])
        if has_default and (actual is MISSING or actual is None):
            actual = default
        if not sees_unknown:
            if isinstance(actual, PartialDocument):
                actual = Unknown  # its text can't be known; quantifiers with `as:` read its known parts
            if actual is Unknown or actual is Sensitive:
                return Outcome(None, [(scope.subject.address, path)])
        raw = op(actual, expected, scope.ctx)
        if isinstance(raw, OpResult):
            return Outcome(
                raw.value,
                [(scope.subject.address, path)],
                [raw.message] if raw.message else (),
                raw.severity,
            )
        return Outcome(raw, [(scope.subject.address, path)])

    def check(target: Any, prefix: str, scope: EvalScope) -> Outcome:
        if simple:
            value = target
            for step in steps:
                if not isinstance(value, dict):
                    break  # a block list, an unknown or a missing value midway: the general walk
                value = value.get(step, MISSING)
            else:
                return judge(value, f"{prefix}.{attr}" if prefix else attr, scope)
        return _general(target, prefix, scope)

    def _general(target: Any, prefix: str, scope: EvalScope) -> Outcome:
        results = [judge(actual, path, scope) for path, actual in resolve(target, attr, prefix)]
        return results[0] if len(results) == 1 else combine(results)

    return check


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


def _compile_quantifier(kind: str, cond: Mapping[str, Any]) -> Check:
    as_ = cond.get("as")
    where = compile_condition(cond["where"])
    target_path = cond[kind]

    def check(target: Any, prefix: str, scope: EvalScope) -> Outcome:
        address = scope.subject.address
        outcomes: list[Outcome] = []
        for path, value in resolve(target, target_path, prefix):
            elements = _elements(value, as_)
            if elements is Unknown:
                outcomes.append(Outcome(None, ((address, path),)))
                continue
            for n, element in enumerate(elements):
                if element is Unknown or element is Sensitive:
                    outcomes.append(Outcome(None, ((address, path),)))
                    continue
                # IAM statements and JSON documents have no lines of their own: point at the attribute.
                inner = where(element, path if as_ else f"{path}[{n}]", scope)
                if as_:
                    inner = Outcome(
                        inner.value,
                        [(a, path) for a, _ in inner.witnesses] or [(address, path)],
                        inner.messages,
                        inner.severity,
                    )
                outcomes.append(inner)
        if kind == "each":
            return _all(outcomes) if outcomes else Outcome(True)
        if kind == "some":
            return _any(outcomes) if outcomes else Outcome(False, ((address, target_path),))
        return _negate(_any(outcomes)) if outcomes else Outcome(True)

    return check


def _compile_related(spec: Mapping[str, Any]) -> Check:
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    via = spec["via"]
    match_on = spec.get("match_on", IDENTITY_ATTRS)
    require = spec.get("require", "some")
    where = compile_condition(spec["where"]) if "where" in spec else None

    def check(target: Any, prefix: str, scope: EvalScope) -> Outcome:
        linked, unresolved = scope.related.find(scope.subject, types, via, match_on)
        outcomes: list[Outcome] = []
        for res in linked:
            if where is None:
                outcomes.append(Outcome(True, [(res.address, "")]))
            else:
                outcomes.append(where(res.attrs, "", EvalScope(res, scope.related, scope.ctx)))
        if require == "each":
            return _all(outcomes) if outcomes else Outcome(True)
        why = [f"a {' or '.join(types)}'s {via} could not be resolved"] if unresolved else []
        found = _any(outcomes) if outcomes else Outcome(None if unresolved else False, messages=why)
        if require == "none":
            return _negate(found)
        if found.value is False and unresolved:
            return Outcome(None, found.witnesses, why)
        return found

    return check
