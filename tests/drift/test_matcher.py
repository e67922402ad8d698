"""Matching IaC and live resources by (type, key)."""

from __future__ import annotations

from typing import Any

from scanner.drift.matcher import explode, index, inline_rule_keys, key_of, rule_key
from scanner.model import Origin, Resource


def res(
    tf_type: str, attrs: dict[str, Any], origin: Origin = Origin.STATE, cloud_id: str | None = None
) -> Resource:
    return Resource(f"{tf_type}.x", tf_type, attrs, origin, cloud_id=cloud_id)


def test_default_key_is_the_terraform_id_then_cloud_id() -> None:
    assert key_of(res("aws_vpc", {"id": "vpc-1"})) == "vpc-1"
    assert key_of(res("aws_vpc", {}, cloud_id="vpc-2")) == "vpc-2"
    assert key_of(res("aws_vpc", {})) is None


def test_types_whose_terraform_id_differs_from_the_api() -> None:
    assert key_of(res("aws_db_instance", {"id": "db-RESOURCEID", "identifier": "main"})) == "main"
    assert (
        key_of(res("aws_iam_role_policy_attachment", {"id": "r-2026", "role": "r", "policy_arn": "arn:p"}))
        == "r/arn:p"
    )
    assert key_of(res("aws_sqs_queue", {"id": "https://sqs/1/q", "name": "q"})) == "q"
    assert key_of(res("aws_cloudtrail", {"id": "arn:aws:cloudtrail:...:trail/t", "name": "t"})) == "t"


def test_security_group_rule_with_two_sources_is_two_rules() -> None:
    rule = res(
        "aws_security_group_rule",
        {
            "id": "sgrule-1",
            "type": "ingress",
            "security_group_id": "sg-1",
            "protocol": "tcp",
            "from_port": 22,
            "to_port": 22,
            "cidr_blocks": ["10.0.0.0/8", "192.168.0.0/16"],
            "self": False,
        },
    )
    parts = explode(rule)
    assert [key_of(p) for p in parts] == [
        "sg-1|ingress|tcp|22-22|cidr_blocks=10.0.0.0/8",
        "sg-1|ingress|tcp|22-22|cidr_blocks=192.168.0.0/16",
    ]
    assert all(p.address == rule.address for p in parts)


def test_self_rule_keys_alike_whether_written_as_self_or_own_group() -> None:
    base = {"type": "ingress", "security_group_id": "sg-1", "protocol": "-1", "from_port": 0, "to_port": 0}
    as_self = res("aws_security_group_rule", {**base, "self": True})
    as_group = res("aws_security_group_rule", {**base, "source_security_group_id": "sg-1"})
    assert key_of(as_self) == key_of(as_group) == "sg-1|ingress|-1|0-0|self"


def test_v5_rule_and_inline_rules_share_the_content_key() -> None:
    v5 = res(
        "aws_vpc_security_group_ingress_rule",
        {
            "id": "sgr-1",
            "security_group_id": "sg-1",
            "ip_protocol": "tcp",
            "from_port": 443,
            "to_port": 443,
            "cidr_ipv4": "0.0.0.0/0",
        },
        Origin.LIVE,
    )
    sg = res(
        "aws_security_group",
        {
            "id": "sg-1",
            "ingress": [
                {
                    "protocol": "tcp",
                    "from_port": 443,
                    "to_port": 443,
                    "cidr_blocks": ["0.0.0.0/0"],
                    "security_groups": ["sg-9"],
                }
            ],
        },
    )
    assert rule_key(v5) in inline_rule_keys(sg)
    assert "sg-1|ingress|tcp|443-443|sg=sg-9" in inline_rule_keys(sg)


def test_index_skips_resources_without_key_and_keeps_the_first() -> None:
    a, b = res("aws_vpc", {"id": "vpc-1", "n": 1}), res("aws_vpc", {"id": "vpc-1", "n": 2})
    assert index([a, b, res("aws_vpc", {})]) == {("aws_vpc", "vpc-1"): a}
