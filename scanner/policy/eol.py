"""Patch-level policies: the ``eol`` operator and checks that look versions up in dated end-of-life data.

Semantics (TRUE = compliant):

* past a phase date of the version's cycle → FALSE, with the severity of the worst phase passed
  (``high`` past the end, ``critical`` where creation and updates are blocked);
* within the warning window before the next date (``warn_days``, default 90, from the policy's
  ``options`` or ``--eol-warn-days``) → FALSE, ``medium``;
* a version the data does not know, or an Unknown value → UNKNOWN, never FALSE.

Leaves: ``{attr: runtime, op: eol, value: {product: aws-lambda}}``. Where the product depends on an
engine attribute: ``{fn: eol, args: {family: rds, engine_attr: engine, version_attr: engine_version}}``.
Nothing is registered at import time: ``register()`` is called once by the policy loader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from scanner.model import Notification, Resource, Sensitive, Severity, Unknown
from scanner.policy.eol_data import EolData, Product, eol_data, version_tokens
from scanner.policy.evaluator import EvalScope, Outcome, register_function
from scanner.policy.loader import PolicySet
from scanner.policy.model import Policy
from scanner.policy.operators import OpContext, OpResult, register_operator
from scanner.policy.paths import MISSING, resolve

DEFAULT_WARN_DAYS = 90
DEFAULT_MAX_AMI_AGE_DAYS = 180
STALE_AFTER_DAYS = 180
CHECK_FUNCTIONS = ("eol", "eol_pinning", "ami_age")


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def warn_days(ctx: OpContext) -> int:
    value = ctx.options.get("warn_days", DEFAULT_WARN_DAYS)
    return int(value) if isinstance(value, (int, float, str)) and str(value).isdigit() else DEFAULT_WARN_DAYS


def assess(product: Product, version: str, as_of: date, window: int) -> OpResult:
    """The version's phase at ``as_of`` as a three-valued result with a message and a severity."""
    cycle = product.find(version)
    if cycle is None:
        return OpResult(None, f"{version!r} is not in the {product.title} end-of-life data")
    what = f"{product.title} {version}"
    dated = [(phase, cycle.dates[phase.kind]) for phase in product.phases if phase.kind in cycle.dates]
    passed = [(p, d) for p, d in dated if d <= as_of]
    upcoming = [(p, d) for p, d in dated if d > as_of]
    if passed:
        worst = max(passed, key=lambda pd: Severity(pd[0].severity).rank)
        phase, when = passed[-1]
        message = f"{what}: {phase.label} since {when} ({_days((as_of - when).days)} ago)"
        if upcoming:
            nxt, nwhen = upcoming[0]
            message += f"; next: {nxt.label} on {nwhen} (in {_days((nwhen - as_of).days)})"
        return OpResult(False, f"{message} [{cycle.source}]", worst[0].severity)
    if upcoming:
        phase, when = upcoming[0]
        left = (when - as_of).days
        if left <= window:
            message = (
                f"{what}: {phase.label} on {when} ({_days(left)} left, within the "
                f"{window}-day warning window) [{cycle.source}]"
            )
            return OpResult(False, message, Severity.MEDIUM.value)
    return OpResult(True)


def _version_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or value is MISSING:
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    return None


def eol_operator(actual: Any, expected: Any, ctx: OpContext) -> OpResult:
    """``value: {product: NAME, prefix: TEXT}``; an absent value means the provider default: compliant."""
    return _lookup(eol_data(), actual, expected, ctx)


def _lookup(data: EolData, actual: Any, expected: Any, ctx: OpContext) -> OpResult:
    spec = expected if isinstance(expected, Mapping) else {"product": expected}
    product = data.product(str(spec.get("product", "")))
    if product is None:
        return OpResult(None, f"unknown end-of-life product {spec.get('product')!r}")
    if actual is MISSING or actual is None or (isinstance(actual, str) and not actual.strip()):
        return OpResult(True)  # not set: the provider default (or a container image without a runtime)
    text = _version_text(actual)
    if text is None:
        return OpResult(None, f"{actual!r} is not a version")
    prefix = str(spec.get("prefix", ""))
    if prefix and not text.lower().startswith(prefix.lower()):
        text = prefix + text
    return assess(product, text, ctx.as_of, warn_days(ctx))


def _value(resource: Resource, attr: str) -> Any:
    matches = resolve(resource.attrs, attr, "")
    return matches[0][1] if matches else MISSING


def _engine_product(data: EolData, resource: Resource, args: Mapping[str, Any]) -> tuple[Product | None, Any]:
    """(product, engine value): the engine value is Unknown when it cannot be known."""
    engine = _value(resource, str(args.get("engine_attr", "engine")))
    if engine is MISSING or engine is None:
        engine = args.get("engine_default", MISSING)
    if engine is Unknown or engine is Sensitive or engine is MISSING or not isinstance(engine, str):
        return None, Unknown if engine is not MISSING else MISSING
    return data.for_engine(str(args.get("family", "")), engine), engine


def check_engine_eol(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    """``{fn: eol, args: {family, engine_attr, version_attr, engine_default, unknown_engine}}``."""
    version_attr = str(args.get("version_attr", "engine_version"))
    witness = [(resource.address, version_attr)]
    data = eol_data()
    product, engine = _engine_product(data, resource, args)
    if product is None:
        if engine is Unknown:
            return Outcome(None, witness)
        if engine is MISSING or args.get("unknown_engine", "pass") == "pass":
            return Outcome(True, witness)
        return Outcome(None, witness, [f"engine {engine!r} has no end-of-life data"])
    version = _value(resource, version_attr)
    if version is Unknown or version is Sensitive:
        return Outcome(None, witness)
    raw = _lookup(data, version, {"product": product.name, "prefix": args.get("prefix", "")}, scope.ctx)
    return Outcome(raw.value, witness, [raw.message] if raw.message else [], raw.severity)


def check_pinning(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    """FALSE (low) when only a major version is written and automatic minor upgrades are off."""
    version_attr = str(args.get("version_attr", "engine_version"))
    upgrade_attr = str(args.get("auto_upgrade_attr", "auto_minor_version_upgrade"))
    witness = [(resource.address, version_attr)]
    product, engine = _engine_product(eol_data(), resource, args)
    if product is None:
        return Outcome(None if engine is Unknown else True, witness)
    version = _value(resource, version_attr)
    upgrade = _value(resource, upgrade_attr)
    if upgrade is MISSING or upgrade is None:
        upgrade = bool(args.get("auto_upgrade_default", True))
    if any(v is Unknown or v is Sensitive for v in (version, upgrade)):
        return Outcome(None, witness)
    text = _version_text(version)
    if text is None or str(upgrade).lower() not in ("false", "0"):
        return Outcome(True, witness)
    if len(version_tokens(text)) > product.major_components:
        return Outcome(True, witness)
    message = (
        f"{product.title}: engine_version {text!r} names only the major version and "
        f"{upgrade_attr} is false, so the minor version is never patched"
    )
    return Outcome(
        False,
        [(resource.address, version_attr), (resource.address, upgrade_attr)],
        [message],
        Severity.LOW.value,
    )


def _when(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def check_ami_age(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    """An instance's AMI is deprecated, or older than ``options.max_age_days`` (default 180)."""
    created_attr = str(args.get("created_attr", "ami_creation_date"))
    deprecated_attr = str(args.get("deprecated_attr", "ami_deprecation_time"))
    created, deprecated = _value(resource, created_attr), _value(resource, deprecated_attr)
    as_of = scope.ctx.as_of
    gone = _when(deprecated)
    if gone is not None and gone <= as_of:
        msg = f"AMI {_value(resource, 'ami')} deprecated since {gone} ({_days((as_of - gone).days)} ago)"
        return Outcome(False, [(resource.address, deprecated_attr)], [msg], Severity.HIGH.value)
    born = _when(created)
    if born is None:
        return Outcome(None, [(resource.address, created_attr)])
    limit = int(scope.ctx.options.get("max_age_days", DEFAULT_MAX_AMI_AGE_DAYS))
    age = (as_of - born).days
    if age > limit:
        msg = f"AMI {_value(resource, 'ami')} created on {born} is {_days(age)} old (limit {limit})"
        return Outcome(False, [(resource.address, created_attr)], [msg])
    return Outcome(True, [(resource.address, created_attr)])


def register() -> None:
    """Add the ``eol`` operator and the check functions (called once by the policy loader)."""
    register_operator("eol", eol_operator)
    register_function("eol", check_engine_eol)
    register_function("eol_pinning", check_pinning)
    register_function("ami_age", check_ami_age)


def uses_eol(policy: Policy) -> bool:
    """Whether a policy reads the end-of-life data (an ``eol`` leaf or an ``eol`` check)."""

    def walk(node: Any) -> bool:
        if isinstance(node, Mapping):
            if node.get("op") == "eol" or node.get("fn") in ("eol", "eol_pinning"):
                return True
            return any(walk(v) for v in node.values())
        if isinstance(node, list):
            return any(walk(v) for v in node)
        return False

    return walk(policy.condition) or walk(dict(policy.conditions))


def with_warn_days(policies: PolicySet, days: int) -> PolicySet:
    """The per-run ``--eol-warn-days``: overrides the policies' own ``warn_days`` option."""
    return PolicySet.of(
        replace(p, options={**p.options, "warn_days": days}) if uses_eol(p) else p for p in policies.policies
    )


def eol_data_age(as_of: date, data: EolData | None = None) -> dict[str, int]:
    """Days since each product's data was last checked, at ``as_of``; sorted by product."""
    data = data or eol_data()
    return {name: (as_of - p.last_checked).days for name, p in sorted(data.products.items())}


def data_notifications(
    policies: Iterable[Policy], as_of: date, stale_after: int = STALE_AFTER_DAYS
) -> list[Notification]:
    """Warnings for a scan that runs end-of-life policies: stale data, a broken override file."""
    if not any(uses_eol(p) for p in policies):
        return []
    data = eol_data()
    notes = [Notification("warning", w, kind="eol-data") for w in data.warnings]
    stale = {k: v for k, v in eol_data_age(as_of, data).items() if v > stale_after}
    if stale:
        oldest = max(stale.values())
        names = ", ".join(sorted(stale))
        notes.append(
            Notification(
                "warning",
                f"end-of-life data is {oldest} days old at {as_of} (older than {stale_after} days) "
                f"for: {names}; run `iacscan eol refresh` or update iacscan",
                kind="eol-data",
            )
        )
    return notes


def policy_products(policy: Policy, data: EolData) -> list[str]:
    """The end-of-life products a policy reads: named by ``eol`` leaves, or by an engine family."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            value = node.get("value")
            if node.get("op") == "eol" and isinstance(value, Mapping):
                names.add(str(value.get("product", "")))
            args = node.get("args")
            if node.get("fn") in ("eol", "eol_pinning") and isinstance(args, Mapping):
                family = str(args.get("family", ""))
                names.update(n for n, p in data.products.items() if p.family == family)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(policy.condition)
    walk(dict(policy.conditions))
    return sorted(n for n in names if n in data.products)


def data_age_lines(policy: Policy, as_of: date) -> list[str]:
    """Markdown lines for ``iacscan policies show``: each product's last check and age at ``as_of``."""
    data = eol_data()
    products = policy_products(policy, data)
    if not products:
        return []
    ages = eol_data_age(as_of, data)
    lines = ["", "## End-of-life data", ""]
    for name in products:
        product = data.products[name]
        stale = " (stale: run `iacscan eol refresh`)" if ages[name] > STALE_AFTER_DAYS else ""
        lines.append(
            f"- {product.title} ({name}): last checked {product.last_checked}, {ages[name]} days ago{stale}"
        )
    if data.override:
        lines.append(f"- local override: {data.override}")
    return lines
