"""compute_drift on inventories built in memory."""

from __future__ import annotations

from typing import Any

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
    assert (s["managed"], s["in_sync"], s["deleted"], s["unmanaged"], s["coverage"]) == (2, 1, 1, 1, 50.0)


def test_only_supported_and_read_types_are_compared() -> None:
    route = iac("aws_route_table", "r", {"id": "rtb-1"})
    vpc = iac("aws_vpc", "v", {"id": "vpc-1"})
    report = drift([route, vpc], [], checked_types={"aws_s3_bucket"})
    assert report.findings == ()
    assert report.summary["not_checked"] == {"aws_route_table": 1, "aws_vpc": 1}


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
