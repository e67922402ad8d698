from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scanner.model import Inventory, Origin, Resource, SourceRef, Status, Unknown
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, parse_policy
from scanner.policy.model import Policy


def policy(cond: Mapping[str, Any], types: list[str], pid: str = "T-X-001", key: str = "condition") -> Policy:
    doc = {
        "id": pid,
        "title": "A test policy",
        "severity": "high",
        "description": "Something to check.",
        "remediation": "Fix it properly.",
        "resource_types": types,
        key: cond,
    }
    return parse_policy(doc, Path(f"{pid}.yaml"))


def res(address: str, attrs: dict[str, Any], **kw: Any) -> Resource:
    rtype = address.split(".")[-2] if address.count(".") >= 1 else address
    kw.setdefault("source", SourceRef("main.tf", 1, 10))
    return Resource(address, rtype.split("[")[0], attrs, Origin.HCL, **kw)


def statuses(p: Policy, *resources: Resource) -> dict[str, Status]:
    findings = evaluate_inventory(Inventory(tuple(resources)), PolicySet.of([p]))
    return {f.resource_address: f.status for f in findings}


def test_leaf_default_and_unknown() -> None:
    p = policy(
        {"attr": "storage_encrypted", "op": "eq", "value": True, "default": False}, ["aws_db_instance"]
    )
    assert statuses(
        p,
        res("aws_db_instance.a", {"storage_encrypted": True}),
        res("aws_db_instance.b", {}),
        res("aws_db_instance.c", {"storage_encrypted": Unknown}),
    ) == {
        "aws_db_instance.a": Status.PASS,
        "aws_db_instance.b": Status.FAIL,
        "aws_db_instance.c": Status.UNKNOWN,
    }


def test_all_any_not_three_valued() -> None:
    unknown = {"attr": "x", "op": "eq", "value": 1}
    false = {"attr": "y", "op": "eq", "value": 1}
    attrs = {"x": Unknown, "y": 2}
    assert statuses(policy({"all": [unknown, false]}, ["t"]), res("t.a", attrs))["t.a"] is Status.FAIL
    assert statuses(policy({"any": [unknown, false]}, ["t"]), res("t.a", attrs))["t.a"] is Status.UNKNOWN
    assert statuses(policy({"not": unknown}, ["t"]), res("t.a", attrs))["t.a"] is Status.UNKNOWN
    assert statuses(policy({"not": false}, ["t"]), res("t.a", attrs))["t.a"] is Status.PASS


def test_quantifiers_and_location_of_offending_element() -> None:
    open_22 = {
        "all": [
            {"attr": "cidr_blocks", "op": "is_world"},
            {"attr": "from_port", "op": "le", "value": 22},
            {"attr": "to_port", "op": "ge", "value": 22},
        ]
    }
    p = policy({"none": "ingress", "where": open_22}, ["aws_security_group"])
    sg = res(
        "aws_security_group.web",
        {
            "ingress": [
                {"from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
                {"from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]},
            ]
        },
        attr_sources={
            "ingress[1]": SourceRef("main.tf", 7, 12),
            "ingress[1].cidr_blocks": SourceRef("main.tf", 9, 9),
        },
    )
    [finding] = evaluate_inventory(Inventory((sg,)), PolicySet.of([p]))
    assert finding.status is Status.FAIL
    assert finding.source == SourceRef("main.tf", 9, 9)
    assert finding.attribute_path.startswith("ingress[1]")
    partly_unknown = res(
        "aws_security_group.u",
        {"ingress": [{"from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}, Unknown]},
    )
    assert statuses(p, partly_unknown)["aws_security_group.u"] is Status.UNKNOWN
    assert statuses(p, res("aws_security_group.n", {}))["aws_security_group.n"] is Status.PASS
    some = policy({"some": "rule", "where": {"attr": "x", "op": "eq", "value": 1}}, ["t"])
    assert statuses(some, res("t.a", {}))["t.a"] is Status.FAIL


def test_iam_statements_from_json_string_and_object() -> None:
    star = {
        "none": "policy",
        "as": "iam_statements",
        "where": {
            "all": [
                {"attr": "Effect", "op": "eq", "value": "Allow"},
                {"attr": "Action", "op": "contains", "value": "*"},
                {"attr": "Resource", "op": "contains", "value": "*"},
            ]
        },
    }
    p = policy(star, ["aws_iam_policy"])
    admin = json.dumps(
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
    )
    scoped = {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}
    assert statuses(
        p,
        res("aws_iam_policy.admin", {"policy": admin}),
        res("aws_iam_policy.scoped", {"policy": scoped}),
        res("aws_iam_policy.unknown", {"policy": Unknown}),
    ) == {
        "aws_iam_policy.admin": Status.FAIL,
        "aws_iam_policy.scoped": Status.PASS,
        "aws_iam_policy.unknown": Status.UNKNOWN,
    }


def _pab(where_value: Any) -> dict[str, Any]:
    return {"block_public_acls": where_value}


def test_related_by_reference_value_and_unresolved() -> None:
    cond = {
        "related": {
            "type": "aws_s3_bucket_public_access_block",
            "via": "bucket",
            "where": {"attr": "block_public_acls", "op": "eq", "value": True},
        }
    }
    p = policy(cond, ["aws_s3_bucket"])
    by_ref = res(
        "aws_s3_bucket_public_access_block.a",
        {"bucket": Unknown, "block_public_acls": True},
        references={"bucket": ("aws_s3_bucket.a",)},
    )
    by_value = res(
        "aws_s3_bucket_public_access_block.b",
        {"bucket": "bucket-b", "block_public_acls": False},
        attr_sources={"block_public_acls": SourceRef("pab.tf", 4, 4)},
    )
    result = evaluate_inventory(
        Inventory(
            (
                res("aws_s3_bucket.a", {}),
                res("aws_s3_bucket.b", {"bucket": "bucket-b"}),
                res("aws_s3_bucket.c", {"bucket": "bucket-c"}),
                by_ref,
                by_value,
            )
        ),
        PolicySet.of([p]),
    )
    got = {f.resource_address: f for f in result}
    assert got["aws_s3_bucket.a"].status is Status.PASS
    # The thing to fix is the related resource's attribute: the finding names it and points there,
    # and says which bucket it was judged for.
    child = got["aws_s3_bucket_public_access_block.b"]
    assert child.status is Status.FAIL
    assert child.resource_type == "aws_s3_bucket_public_access_block"
    assert child.source == SourceRef("pab.tf", 4, 4)
    assert child.attribute_path == "block_public_acls"
    assert "(for aws_s3_bucket.b)" in child.message
    assert "aws_s3_bucket.b" not in got
    # Absent altogether: the bucket itself.
    assert got["aws_s3_bucket.c"].status is Status.FAIL


def test_an_unresolved_link_does_not_silence_other_resources() -> None:
    cond = {
        "related": {
            "type": "aws_s3_bucket_public_access_block",
            "via": "bucket",
            "where": {"attr": "block_public_acls", "op": "eq", "value": True},
        }
    }
    p = policy(cond, ["aws_s3_bucket"])
    dangling = res("aws_s3_bucket_public_access_block.d", {"bucket": Unknown, "block_public_acls": True})
    linked_bad = res(
        "aws_s3_bucket_public_access_block.e",
        {"bucket": "bucket-e", "block_public_acls": False},
        attr_sources={"block_public_acls": SourceRef("pab.tf", 9, 9)},
    )
    linked_good = res(
        "aws_s3_bucket_public_access_block.f", {"bucket": "bucket-f", "block_public_acls": True}
    )
    result = evaluate_inventory(
        Inventory(
            (
                res("aws_s3_bucket.c", {"bucket": "bucket-c"}),
                res("aws_s3_bucket.e", {"bucket": "bucket-e"}),
                res("aws_s3_bucket.f", {"bucket": "bucket-f"}),
                dangling,
                linked_bad,
                linked_good,
            )
        ),
        PolicySet.of([p]),
    )
    got = {f.resource_address: f for f in result}
    # No link of its own: decided, and the message names the candidate that might have been it.
    assert got["aws_s3_bucket.c"].status is Status.FAIL
    assert "aws_s3_bucket_public_access_block.d's bucket is unknown" in got["aws_s3_bucket.c"].message
    assert "no aws_s3_bucket_public_access_block references" in got["aws_s3_bucket.c"].message
    # Its own known link decides it.
    assert got["aws_s3_bucket_public_access_block.e"].status is Status.FAIL
    message = got["aws_s3_bucket_public_access_block.e"].message
    assert "aws_s3_bucket_public_access_block.d's bucket is unknown and not counted" in message
    assert got["aws_s3_bucket.f"].status is Status.PASS
    assert {f.status for f in result} == {Status.PASS, Status.FAIL}


def test_per_type_conditions_and_inline_suppression() -> None:
    from scanner.model import InlineSuppression

    p = policy(
        {"aws_a": {"attr": "x", "op": "eq", "value": 1}, "aws_b": {"attr": "y", "op": "eq", "value": 1}},
        ["aws_a", "aws_b"],
        key="conditions",
    )
    p = Policy(**{**{f: getattr(p, f) for f in p.__slots__}, "aliases": ("CKV_AWS_1",)})
    a = res("aws_a.one", {"x": 2}, suppressions=(InlineSuppression("CKV_AWS_1", "accepted risk", 3),))
    b = res("aws_b.one", {"y": 1})
    findings = {f.resource_address: f for f in evaluate_inventory(Inventory((a, b)), PolicySet.of([p]))}
    assert findings["aws_a.one"].status is Status.SUPPRESSED
    assert findings["aws_a.one"].suppression is not None
    assert findings["aws_a.one"].suppression.justification == "accepted risk"
    assert findings["aws_b.one"].status is Status.PASS


def test_a_live_attribute_that_was_not_read_is_unknown_not_the_default() -> None:
    p = policy(
        {"attr": "drop_invalid_header_fields", "op": "eq", "value": True, "default": False}, ["aws_lb"]
    )
    not_read = Resource("aws_lb.a", "aws_lb", {}, Origin.LIVE)
    read_absent = Resource("aws_lb.b", "aws_lb", {"drop_invalid_header_fields": None}, Origin.LIVE)
    written = res("aws_lb.c", {})
    assert statuses(p, not_read, read_absent, written) == {
        "aws_lb.a": Status.UNKNOWN,
        "aws_lb.b": Status.FAIL,
        "aws_lb.c": Status.FAIL,
    }


def test_inline_skip_in_the_linked_resource_suppresses_its_finding() -> None:
    from scanner.model import InlineSuppression

    cond = {
        "related": {
            "type": "aws_s3_bucket_versioning",
            "via": "bucket",
            "where": {"attr": "status", "op": "eq", "value": "Enabled"},
        }
    }
    p = policy(cond, ["aws_s3_bucket"])
    p = Policy(**{**{f: getattr(p, f) for f in p.__slots__}, "aliases": ("CKV_AWS_21",)})
    child = res(
        "aws_s3_bucket_versioning.v",
        {"bucket": "b", "status": "Suspended"},
        attr_sources={"status": SourceRef("main.tf", 7, 7)},
        suppressions=(InlineSuppression("CKV_AWS_21", "archive bucket", 6),),
    )
    findings = evaluate_inventory(
        Inventory((res("aws_s3_bucket.b", {"bucket": "b"}), child)), PolicySet.of([p])
    )
    assert [(f.resource_address, f.status) for f in findings] == [
        ("aws_s3_bucket_versioning.v", Status.SUPPRESSED)
    ]
    assert findings[0].suppression is not None and findings[0].suppression.justification == "archive bucket"
