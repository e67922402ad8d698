"""compute_drift on inventories built in memory."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.catalog import supported_types
from scanner.drift.engine import compute_drift
from scanner.drift.rules import drift_rules
from scanner.model import DriftKind, Inventory, Origin, Resource, Sensitive, Severity, SourceRef, Status

STATE = "stacks/x/terraform.tfstate"


def iac(tf_type: str, name: str, attrs: dict[str, Any], **kw: Any) -> Resource:
    kw.setdefault("source", SourceRef(STATE, 10, 20))
    return Resource(f"{tf_type}.{name}", tf_type, attrs, Origin.STATE, cloud_id=attrs.get("id"), **kw)


def live(tf_type: str, attrs: dict[str, Any], **kw: Any) -> Resource:
    ident = attrs["id"]
    return Resource(
        f"{tf_type}.{ident}", tf_type, {**attrs, "_region": "us-east-1"}, Origin.LIVE, cloud_id=ident, **kw
    )


def drift(iac_res: list[Resource], live_res: list[Resource], **kw: Any) -> Any:
    return compute_drift(Inventory(tuple(iac_res), inputs=(STATE,)), Inventory(tuple(live_res)), **kw)


def test_changed_finding_carries_path_values_severity_and_hcl_line() -> None:
    hcl = SourceRef("main.tf", 3, 9)
    vpc = iac(
        "aws_vpc", "main", {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}, attr_sources={"cidr_block": hcl}
    )
    report = drift([vpc], [live("aws_vpc", {"id": "vpc-1", "cidr_block": "10.9.0.0/16"})])
    (f,) = report.findings
    assert (f.rule_id, f.status, f.severity, f.drift_kind) == (
        "DRIFT-CHANGED",
        Status.FAIL,
        Severity.MEDIUM,
        DriftKind.CHANGED,
    )
    assert (f.attribute_path, f.expected, f.actual, f.source) == (
        "cidr_block",
        "10.0.0.0/16",
        "10.9.0.0/16",
        hcl,
    )
    assert "aws_vpc.main" in f.message and f.origin is Origin.STATE
    assert report.summary["changed"] == 1 and report.summary["in_sync"] == 0


def test_sensitive_values_are_redacted() -> None:
    db = iac(
        "aws_db_instance",
        "main",
        {"id": "db-1", "identifier": "main", "username": "app"},
        sensitive_paths=frozenset({"username"}),
    )
    report = drift([db], [live("aws_db_instance", {"id": "db-1", "identifier": "main", "username": "root"})])
    (f,) = report.findings
    assert f.expected == f.actual == "(sensitive)"
    assert "root" not in f.message and "app" not in f.message
    env = live(
        "aws_lambda_function",
        {"id": "fn", "environment": [{"variables": {"K": "new"}}]},
        sensitive_paths=frozenset({"environment"}),
    )
    fn = iac("aws_lambda_function", "fn", {"id": "fn", "environment": [{"variables": {"K": "old"}}]})
    (g,) = drift([fn], [env]).findings
    assert g.expected == g.actual == "(sensitive)" and "old" not in g.message
    marker = iac("aws_iam_user", "u", {"id": "u", "tags": {"token": Sensitive}})
    assert drift([marker], [live("aws_iam_user", {"id": "u", "tags": {"token": "abc"}})]).findings == ()


def test_deleted_unmanaged_and_summary() -> None:
    gone = iac("aws_sqs_queue", "jobs", {"id": "https://q/jobs", "name": "jobs"})
    kept = iac("aws_s3_bucket", "a", {"id": "a", "bucket": "a"})
    report = drift(
        [gone, kept],
        [
            live("aws_s3_bucket", {"id": "a", "bucket": "a"}),
            live("aws_s3_bucket", {"id": "b", "bucket": "b"}),
        ],
    )
    kinds = [(f.rule_id, f.resource_address, f.severity) for f in report.findings]
    assert kinds == [
        ("DRIFT-DELETED", "aws_sqs_queue.jobs", Severity.HIGH),
        ("DRIFT-UNMANAGED", "aws_s3_bucket.b", Severity.LOW),
    ]
    unmanaged = report.findings[1]
    assert unmanaged.origin is Origin.LIVE and unmanaged.source == SourceRef(STATE, 1, 1)
    s = report.summary
    # coverage is compared / managed: both IaC resources were compared (one found deleted)
    assert (s["managed"], s["compared"], s["in_sync"], s["deleted"], s["unmanaged"], s["coverage"]) == (
        2,
        2,
        1,
        1,
        1,
        100.0,
    )


def test_only_supported_and_read_types_are_compared() -> None:
    route = iac("aws_route_table", "r", {"id": "rtb-1"})
    vpc = iac("aws_vpc", "v", {"id": "vpc-1"})
    report = drift([route, vpc], [], checked_types={"aws_s3_bucket"})
    assert report.findings == ()
    assert report.summary["not_checked"] == {"aws_route_table": 1, "aws_vpc": 1}


def test_coverage_counts_each_resource_not_compared_by_reason_and_type() -> None:
    assert {"aws_gamelift_fleet", "aws_appmesh_mesh"}.isdisjoint(supported_types())
    resources = [
        iac("aws_s3_bucket", "a", {"id": "a", "bucket": "a"}),
        iac("aws_s3_bucket", "far", {"id": "far", "bucket": "far", "region": "eu-west-1"}),
        iac("aws_sqs_queue", "q", {"id": "https://q", "name": "q", "region": "us-east-1"}),
        iac("aws_vpc", "v", {"id": "vpc-1", "region": "eu-west-1"}),
        iac("aws_vpc", "gone", {}),
        iac("aws_gamelift_fleet", "f1", {"id": "f-1"}),
        iac("aws_gamelift_fleet", "f2", {"id": "f-2"}),
        iac("aws_appmesh_mesh", "m", {"id": "m"}),
    ]
    report = drift(
        resources,
        [
            live("aws_s3_bucket", {"id": "a", "bucket": "a"}),
            live("aws_s3_bucket", {"id": "far", "bucket": "far"}),
        ],
        checked_types={"aws_s3_bucket", "aws_vpc"},
        regions=["us-east-1"],
        failure_reasons={"aws_sqs_queue": "sqs:ListQueues in us-east-1: AccessDenied"},
    )
    s = report.summary
    assert (s["managed"], s["compared"], s["coverage"]) == (8, 2, 25.0)
    assert s["not_compared"] == {
        "no_reader": {"aws_appmesh_mesh": 1, "aws_gamelift_fleet": 2},
        "read_failed": {"aws_sqs_queue": 1},
        "other_region": {"aws_vpc": 1},
        "no_id": {"aws_vpc": 1},
        "malformed": {},
        "ignored": {},
    }
    notes = [(n.level, n.kind, n.message) for n in report.notifications]
    assert notes == [
        (
            "note",
            "coverage",
            "not compared: aws_appmesh_mesh (1 resource): iacscan has no live reader for this type",
        ),
        (
            "note",
            "coverage",
            "not compared: aws_gamelift_fleet (2 resources): iacscan has no live reader for this type",
        ),
        (
            "note",
            "coverage",
            "not compared: aws_sqs_queue (1 resource): the live read failed: "
            "sqs:ListQueues in us-east-1: AccessDenied",
        ),
        (
            "note",
            "coverage",
            "not compared: aws_vpc (1 resource): in a region that was not read (read: us-east-1)",
        ),
        ("note", "coverage", "not compared: aws_vpc (1 resource): no id in the IaC to match it by"),
    ]


def test_account_defaults_and_child_types_are_not_unmanaged() -> None:
    default_vpc = live("aws_vpc", {"id": "vpc-d", "_default": True})
    rule = live(
        "aws_security_group_rule",
        {
            "id": "sgr-1",
            "security_group_id": "sg-9",
            "type": "ingress",
            "protocol": "tcp",
            "from_port": 1,
            "to_port": 1,
            "cidr_blocks": ["0.0.0.0/0"],
        },
    )
    versioning = live("aws_s3_bucket_versioning", {"id": "b", "bucket": "b"})
    report = drift([], [default_vpc, rule, versioning])
    assert report.findings == () and report.summary["account_defaults"] == 1
    strict = drift([], [default_vpc, rule, versioning], strict=True)
    assert [f.resource_address for f in strict.findings] == ["aws_vpc.vpc-d"]


def test_split_resource_skips_the_buckets_inline_copy() -> None:
    bucket = iac("aws_s3_bucket", "a", {"id": "a", "bucket": "a", "versioning": [{"enabled": True}]})
    split = iac(
        "aws_s3_bucket_versioning",
        "a",
        {"id": "a", "bucket": "a", "versioning_configuration": [{"status": "Enabled"}]},
    )
    report = drift(
        [bucket, split],
        [
            live("aws_s3_bucket", {"id": "a", "bucket": "a", "versioning": [{"enabled": False}]}),
            live(
                "aws_s3_bucket_versioning",
                {"id": "a", "bucket": "a", "versioning_configuration": [{"status": "Suspended"}]},
            ),
        ],
    )
    assert [(f.resource_address, f.attribute_path) for f in report.findings] == [
        ("aws_s3_bucket_versioning.a", "versioning_configuration[0].status")
    ]


def test_attachment_added_to_a_managed_role_is_unmanaged() -> None:
    role = iac("aws_iam_role", "app", {"id": "app", "name": "app"})
    attached = live(
        "aws_iam_role_policy_attachment", {"id": "app/arn:p", "role": "app", "policy_arn": "arn:p"}
    )
    other = live("aws_iam_role_policy_attachment", {"id": "x/arn:p", "role": "x", "policy_arn": "arn:p"})
    report = drift([role], [live("aws_iam_role", {"id": "app", "name": "app"}), attached, other])
    assert [f.resource_address for f in report.findings] == ["aws_iam_role_policy_attachment.app/arn:p"]


def test_drift_rules_describe_the_three_kinds() -> None:
    rules = {r.id: r.severity for r in drift_rules()}
    assert rules == {
        "DRIFT-CHANGED": Severity.MEDIUM,
        "DRIFT-DELETED": Severity.HIGH,
        "DRIFT-UNMANAGED": Severity.LOW,
    }
