"""The end-of-life checks: each product's dates from both sides, the warning window's edges, unknowns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import pytest

from scanner.model import Origin, Resource, Severity, Unknown
from scanner.policy.eol import (
    assess,
    check_ami_age,
    check_engine_eol,
    check_pinning,
    eol_operator,
    register,
)
from scanner.policy.eol_data import eol_data
from scanner.policy.evaluator import EvalScope, evaluate
from scanner.policy.operators import OpContext
from scanner.policy.related import RelatedIndex

DATA = eol_data()
AS_OF = date(2026, 11, 27)


def _ctx(as_of: date = AS_OF, **options: Any) -> OpContext:
    return OpContext(as_of, options)


def _resource(rtype: str, **attrs: Any) -> Resource:
    return Resource(address=f"{rtype}.x", type=rtype, attrs=attrs, origin=Origin.HCL)


def _scope(resource: Resource, as_of: date = AS_OF, **options: Any) -> EvalScope:
    return EvalScope(resource, RelatedIndex((resource,)), _ctx(as_of, **options))


def _dated() -> list[tuple[str, str, str, date]]:
    """(product, cycle, phase kind, date) for every dated phase of the shipped data."""
    out = []
    for name, product in DATA.products.items():
        for cycle in product.cycles:
            for kind, when in cycle.dates.items():
                out.append((name, cycle.name, kind, when))
    return out


@pytest.mark.parametrize(("product", "cycle", "kind", "when"), _dated(), ids=lambda v: str(v))
def test_both_sides_of_every_date(product: str, cycle: str, kind: str, when: date) -> None:
    prod = DATA.products[product]
    phase = next(p for p in prod.phases if p.kind == kind)
    on = assess(prod, cycle, when, 0)
    assert on.value is False
    assert on.severity is not None
    assert Severity(on.severity).rank >= Severity(phase.severity).rank
    assert str(when) in on.message or "since" in on.message
    before = assess(prod, cycle, when - timedelta(days=1), 0)
    earlier = [d for d in prod.find(cycle).dates.values() if d < when]  # type: ignore[union-attr]
    if not earlier:
        assert before.value is True
    else:
        assert before.value is False
        assert before.severity is not None and Severity(before.severity).rank <= Severity(on.severity).rank


def _first_dates() -> list[tuple[str, str, date]]:
    out = []
    for name, product in DATA.products.items():
        for cycle in product.cycles:
            if cycle.dates:
                out.append((name, cycle.name, min(cycle.dates.values())))
    return out


@pytest.mark.parametrize(("product", "cycle", "first"), _first_dates(), ids=lambda v: str(v))
def test_warning_window_edges(product: str, cycle: str, first: date) -> None:
    prod = DATA.products[product]
    inside = assess(prod, cycle, first - timedelta(days=90), 90)
    assert (inside.value, inside.severity) == (False, "medium")
    assert "90 days left" in inside.message and str(first) in inside.message
    outside = assess(prod, cycle, first - timedelta(days=91), 90)
    assert outside.value is True
    last_day = assess(prod, cycle, first - timedelta(days=1), 90)
    assert "1 day left" in last_day.message


@pytest.mark.parametrize(
    ("product", "version", "as_of", "expected"),
    [
        ("aws-lambda", "python3.13", AS_OF, (True, None)),
        ("aws-lambda", "python3.8", AS_OF, (False, "high")),
        ("aws-lambda", "nodejs12.x", AS_OF, (False, "critical")),
        ("aws-lambda", "dotnet8", date(2026, 11, 9), (False, "medium")),
        ("aws-lambda", "dotnet8", date(2026, 11, 10), (False, "high")),
        ("aws-lambda", "dotnet8", date(2027, 1, 11), (False, "critical")),
        ("eks", "1.35", AS_OF, (True, None)),
        ("eks", "1.34", AS_OF, (False, "medium")),
        ("eks", "1.32", AS_OF, (False, "high")),
        ("eks", "1.31", date(2026, 11, 25), (False, "high")),
        ("eks", "1.31", date(2026, 11, 26), (False, "critical")),
        ("rds-mysql", "8.0.39", date(2026, 7, 30), (False, "medium")),
        ("rds-mysql", "8.0.39", date(2026, 7, 31), (False, "high")),
        ("rds-mysql", "8.4.3", AS_OF, (True, None)),
        ("rds-mysql", "5.7.44", date(2027, 2, 28), (False, "critical")),
        ("rds-postgresql", "14.12", AS_OF, (True, None)),
        ("rds-postgresql", "13.15", AS_OF, (False, "high")),
        ("rds-postgresql", "11.22", date(2027, 3, 31), (False, "critical")),
        ("rds-mariadb", "10.6.18", date(2026, 7, 31), (False, "high")),
        ("rds-mariadb", "10.11.8", AS_OF, (True, None)),
        ("aurora-mysql", "8.0.mysql_aurora.3.08.0", AS_OF, (True, None)),
        ("aurora-mysql", "5.7.mysql_aurora.2.12.3", AS_OF, (False, "high")),
        ("aurora-postgresql", "16.6", AS_OF, (True, None)),
        ("aurora-postgresql", "12.20", AS_OF, (False, "high")),
        ("elasticache-redis", "7.1", AS_OF, (True, None)),
        ("elasticache-redis", "6.x", AS_OF, (False, "medium")),
        ("elasticache-redis", "6.2", date(2027, 1, 31), (False, "high")),
        ("elasticache-redis", "5.0.6", AS_OF, (False, "high")),
        ("elasticache-valkey", "8.0", AS_OF, (True, None)),
        ("elasticache-memcached", "1.6.22", AS_OF, (True, None)),
        ("opensearch", "OpenSearch_2.19", AS_OF, (True, None)),
        ("opensearch", "OpenSearch_2.11", AS_OF, (True, None)),
        ("opensearch", "OpenSearch_2.9", date(2025, 11, 6), (False, "medium")),
        ("opensearch", "OpenSearch_2.9", date(2025, 11, 7), (False, "high")),
        ("opensearch", "Elasticsearch_7.10", AS_OF, (True, None)),
        ("opensearch", "Elasticsearch_7.1", AS_OF, (False, "high")),
        ("msk-kafka", "3.8.x", AS_OF, (True, None)),
        ("msk-kafka", "3.5.1", AS_OF, (False, "high")),
        ("msk-kafka", "2.8.2.tiered", AS_OF, (False, "high")),
        ("mq-activemq", "5.18", AS_OF, (True, None)),
        ("mq-activemq", "5.17.6", date(2025, 6, 15), (False, "medium")),
        ("mq-activemq", "5.17.6", date(2025, 6, 16), (False, "high")),
        ("mq-rabbitmq", "3.13", AS_OF, (True, None)),
        ("mq-rabbitmq", "3.12.13", AS_OF, (False, "high")),
        ("documentdb", "5.0.0", AS_OF, (True, None)),
        ("documentdb", "3.6.0", date(2026, 3, 29), (False, "medium")),
        ("documentdb", "3.6.0", date(2026, 3, 30), (False, "high")),
    ],
)
def test_product_versions(product: str, version: str, as_of: date, expected: tuple[bool, str | None]) -> None:
    result = assess(DATA.products[product], version, as_of, 90)
    assert (result.value, result.severity) == expected, result.message


@pytest.mark.parametrize(
    ("product", "version"),
    [
        ("aws-lambda", "nodejs26.x"),
        ("eks", "1.19"),
        ("rds-mysql", "9.1.0"),
        ("rds-postgresql", "8.4"),
        ("elasticache-redis", "3.2.10"),
        ("elasticache-memcached", "1.5.16"),
        ("opensearch", "OpenSearch_9.0"),
        ("msk-kafka", "1.1.1"),
        ("mq-rabbitmq", "3.8.6"),
        ("documentdb", "2.0.0"),
    ],
)
def test_versions_not_in_the_data_are_unknown_not_fail(product: str, version: str) -> None:
    result = assess(DATA.products[product], version, AS_OF, 90)
    assert result.value is None
    assert "not in the" in result.message


def test_message_says_which_date_and_how_many_days() -> None:
    passed = assess(DATA.products["eks"], "1.32", AS_OF, 90)
    assert "end of standard support" in passed.message and "since 2026-03-23 (249 days ago)" in passed.message
    assert (
        "next: end of extended support" in passed.message and "on 2027-03-23 (in 116 days)" in passed.message
    )
    window = assess(DATA.products["eks"], "1.34", AS_OF, 90)
    assert "on 2026-12-02 (5 days left, within the 90-day warning window)" in window.message


def test_operator_reads_policy_and_run_warn_days() -> None:
    spec = {"product": "eks"}
    assert eol_operator("1.34", spec, _ctx()).severity == "medium"
    assert eol_operator("1.34", spec, _ctx(warn_days=3)).value is True
    assert eol_operator("1.34", spec, _ctx(warn_days="bad")).severity == "medium"


def test_operator_absent_value_is_provider_default_and_odd_values_unknown() -> None:
    spec = {"product": "aws-lambda"}
    from scanner.policy.paths import MISSING

    assert eol_operator(MISSING, spec, _ctx()).value is True
    assert eol_operator(None, spec, _ctx()).value is True
    assert eol_operator("", spec, _ctx()).value is True  # live reader: image functions have no runtime
    assert eol_operator(["python3.8"], spec, _ctx()).value is None
    assert eol_operator("python3.8", {"product": "nope"}, _ctx()).value is None


def test_operator_prefix_for_elasticsearch_domains() -> None:
    spec = {"product": "opensearch", "prefix": "Elasticsearch_"}
    assert eol_operator("7.10", spec, _ctx()).value is True
    assert eol_operator("6.4", spec, _ctx()).severity == "high"
    assert eol_operator("Elasticsearch_6.4", spec, _ctx()).severity == "high"


def test_numbers_written_without_quotes() -> None:
    assert eol_operator(14, {"product": "rds-postgresql"}, _ctx()).value is True
    assert eol_operator(1.32, {"product": "eks"}, _ctx()).severity == "high"


RDS_ARGS: Mapping[str, Any] = {"family": "rds", "engine_attr": "engine", "version_attr": "engine_version"}


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"engine": "postgres", "engine_version": "16.4"}, True),
        ({"engine": "postgres", "engine_version": "13.4"}, False),
        ({"engine": "POSTGRES", "engine_version": "13.4"}, False),
        ({"engine": "aurora-postgresql", "engine_version": "11.21"}, False),
        ({"engine": "postgres"}, True),
        ({"engine": "postgres", "engine_version": Unknown}, None),
        ({"engine": Unknown, "engine_version": "13.4"}, None),
        ({"engine": "sqlserver-ex", "engine_version": "15.00"}, True),
        ({"engine_version": "13.4"}, True),
        ({"engine": "postgres", "engine_version": "7.4"}, None),
    ],
)
def test_engine_check(attrs: dict[str, Any], expected: bool | None) -> None:
    resource = _resource("aws_db_instance", **attrs)
    assert check_engine_eol(resource, RDS_ARGS, _scope(resource)).value is expected


def test_engine_check_untracked_engine_can_be_unknown() -> None:
    resource = _resource("aws_db_instance", engine="oracle-ee", engine_version="19")
    args = {**RDS_ARGS, "unknown_engine": "unknown"}
    assert check_engine_eol(resource, args, _scope(resource)).value is None


def test_engine_default_for_replication_groups() -> None:
    args = {"family": "elasticache", "engine_attr": "engine", "engine_default": "redis"}
    resource = _resource("aws_elasticache_replication_group", engine_version="5.0.6")
    outcome = check_engine_eol(resource, args, _scope(resource))
    assert (outcome.value, outcome.severity) == (False, "high")
    assert outcome.witnesses == [(resource.address, "engine_version")]


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"engine": "postgres", "engine_version": "14", "auto_minor_version_upgrade": False}, False),
        ({"engine": "postgres", "engine_version": "14", "auto_minor_version_upgrade": "false"}, False),
        ({"engine": "postgres", "engine_version": "14.12", "auto_minor_version_upgrade": False}, True),
        ({"engine": "postgres", "engine_version": "14"}, True),
        ({"engine": "mysql", "engine_version": "8.0", "auto_minor_version_upgrade": False}, False),
        ({"engine": "mysql", "engine_version": "8.0.39", "auto_minor_version_upgrade": False}, True),
        ({"engine": "postgres", "engine_version": "14", "auto_minor_version_upgrade": Unknown}, None),
        ({"engine": "oracle-ee", "engine_version": "19", "auto_minor_version_upgrade": False}, True),
    ],
)
def test_pinning(attrs: dict[str, Any], expected: bool | None) -> None:
    resource = _resource("aws_db_instance", **attrs)
    args = {**RDS_ARGS, "auto_upgrade_attr": "auto_minor_version_upgrade"}
    outcome = check_pinning(resource, args, _scope(resource))
    assert outcome.value is expected
    if expected is False:
        assert outcome.severity == "low"


@pytest.mark.parametrize(
    ("attrs", "options", "expected"),
    [
        ({"ami_creation_date": "2026-05-31T00:00:00.000Z"}, {}, (True, None)),
        ({"ami_creation_date": "2026-05-30T00:00:00.000Z"}, {}, (False, None)),
        ({"ami_creation_date": "2026-05-30T00:00:00.000Z"}, {"max_age_days": 365}, (True, None)),
        (
            {"ami_creation_date": "2026-10-01", "ami_deprecation_time": "2026-11-27T00:00:00Z"},
            {},
            (False, "high"),
        ),
        (
            {"ami_creation_date": "2026-10-01", "ami_deprecation_time": "2026-11-28T00:00:00Z"},
            {},
            (True, None),
        ),
        ({}, {}, (None, None)),
        ({"ami_creation_date": Unknown}, {}, (None, None)),
        ({"ami_creation_date": "yesterday"}, {}, (None, None)),
    ],
)
def test_ami_age(
    attrs: dict[str, Any], options: dict[str, Any], expected: tuple[bool | None, str | None]
) -> None:
    resource = _resource("aws_instance", ami="ami-0abc", **attrs)
    outcome = check_ami_age(resource, {}, _scope(resource, **options))
    assert (outcome.value, outcome.severity) == expected


def test_leaf_through_the_evaluator_unknown_and_severity() -> None:
    register()
    cond = {"attr": "runtime", "op": "eol", "value": {"product": "aws-lambda"}}
    unknown = _resource("aws_lambda_function", runtime=Unknown)
    assert evaluate(cond, unknown.attrs, "", _scope(unknown)).value is None
    old = _resource("aws_lambda_function", runtime="python3.6")
    outcome = evaluate(cond, old.attrs, "", _scope(old))
    assert (outcome.value, outcome.severity) == (False, "critical")
    assert outcome.witnesses == [(old.address, "runtime")]
    fn = {"fn": "eol", "args": dict(RDS_ARGS)}
    db = _resource("aws_db_instance", engine="mysql", engine_version="5.7.44")
    assert evaluate(fn, db.attrs, "", _scope(db)).severity == "high"
