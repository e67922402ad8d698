"""Normalisers: pure functions that make equal things compare equal and nothing more."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from scanner.drift.diff import compare
from scanner.drift.normalise import canonical_json, generic
from scanner.drift.normalisers import atomise_rules, normalise
from scanner.model import Sensitive, Unknown

POLICY: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]}
    ],
}


def same(tf_type: str, iac: Mapping[str, Any], live: Mapping[str, Any]) -> bool:
    return compare(tf_type, normalise(tf_type, iac), normalise(tf_type, live)) == []


def test_canonical_json_ignores_key_order_whitespace_and_single_item_lists() -> None:
    reordered = {
        "Statement": {
            "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
            "Action": "s3:GetObject",
            "Effect": "Allow",
        },
        "Version": "2012-10-17",
    }
    assert canonical_json(json.dumps(POLICY)) == canonical_json(json.dumps(reordered, indent=4))
    changed = {**POLICY, "Statement": [{**POLICY["Statement"][0], "Effect": "Deny"}]}
    assert canonical_json(json.dumps(POLICY)) != canonical_json(json.dumps(changed))


def test_canonical_json_keeps_unparsable_text_and_markers() -> None:
    assert canonical_json("  not json ") == "not json"
    assert canonical_json("") is None
    assert canonical_json(Unknown) is Unknown


def test_generic_folds_tags_all_and_drops_one_sided_attributes() -> None:
    iac = {
        "id": "x",
        "tags": {"Name": "a"},
        "tags_all": {"Name": "a", "Env": "t"},
        "force_destroy": True,
        "timeouts": None,
    }
    assert generic(iac) == {"tags": {"Env": "t", "Name": "a"}}
    assert generic({"tags": None, "tags_all": {}}) == {"tags": None}
    assert generic({"_region": "us-east-1", "arn": "a"}) == {"arn": "a"}


def test_generic_treats_empty_values_alike_and_sorts_plain_lists() -> None:
    assert generic({"a": "", "b": [], "c": {}, "d": None}) == {"a": None, "b": None, "c": None, "d": None}
    assert generic({"ids": ["sg-2", "sg-1"]}) == {"ids": ["sg-1", "sg-2"]}


def test_input_is_not_mutated() -> None:
    attrs = {
        "tags": {"b": "1"},
        "ingress": [{"protocol": "tcp", "from_port": 1, "to_port": 1, "cidr_blocks": ["b", "a"]}],
    }
    before = json.dumps(attrs, sort_keys=True)
    normalise("aws_security_group", attrs)
    assert json.dumps(attrs, sort_keys=True) == before


def test_security_group_rules_compare_as_sets_of_single_source_rules() -> None:
    grouped = [
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}
    ]
    split = [
        {"protocol": "6", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "description": ""},
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"], "self": False},
    ]
    assert atomise_rules(grouped) == atomise_rules(split)
    assert same("aws_security_group", {"ingress": grouped}, {"ingress": list(reversed(split))})
    assert not same("aws_security_group", {"ingress": grouped}, {"ingress": split[:1]})
    all_traffic = [{"protocol": "all", "from_port": 5, "to_port": 9, "cidr_blocks": ["0.0.0.0/0"]}]
    assert atomise_rules(all_traffic) == [
        {"protocol": "-1", "from_port": 0, "to_port": 0, "description": None, "cidr_blocks": "0.0.0.0/0"}
    ]


def test_s3_bucket_defaults_and_policy() -> None:
    iac = {"versioning": [], "server_side_encryption_configuration": [], "policy": json.dumps(POLICY)}
    live = {
        "versioning": [{"enabled": False, "mfa_delete": False}],
        "server_side_encryption_configuration": [
            {
                "rule": [
                    {
                        "apply_server_side_encryption_by_default": [
                            {"sse_algorithm": "AES256", "kms_master_key_id": ""}
                        ],
                        "bucket_key_enabled": False,
                    }
                ]
            }
        ],
        "policy": json.dumps(POLICY, indent=2),
    }
    assert same("aws_s3_bucket", iac, live)
    assert not same("aws_s3_bucket", {**iac, "versioning": [{"enabled": True}]}, live)


def test_versioning_split_resource_defaults() -> None:
    iac = {"versioning_configuration": [{"status": "Enabled", "mfa_delete": ""}]}
    live = {"versioning_configuration": [{"status": "Enabled", "mfa_delete": "Disabled"}]}
    assert same("aws_s3_bucket_versioning", iac, live)


def test_iam_documents_and_loose_engine_version() -> None:
    assert same(
        "aws_iam_role",
        {"assume_role_policy": json.dumps(POLICY)},
        {"assume_role_policy": json.dumps(POLICY, indent=1)},
    )
    assert same("aws_db_instance", {"engine_version": "15"}, {"engine_version": "15.4"})
    assert not same("aws_db_instance", {"engine_version": "15"}, {"engine_version": "16.1"})
    assert not same("aws_db_instance", {"engine_version": "1"}, {"engine_version": "15.4"})


def test_maps_compare_every_key_blocks_only_shared_keys() -> None:
    changes = compare(
        "aws_vpc",
        normalise("aws_vpc", {"tags": {"a": "1"}}),
        normalise("aws_vpc", {"tags": {"a": "1", "b": "2"}}),
    )
    assert changes == [("tags.b", None, "2")]
    iac = {"metadata_options": [{"http_tokens": "required", "http_protocol_ipv6": "disabled"}]}
    live = {"metadata_options": [{"http_tokens": "required"}]}
    assert same("aws_instance", iac, live)


def test_unknown_and_sensitive_values_are_not_compared() -> None:
    assert same("aws_vpc", {"cidr_block": Unknown}, {"cidr_block": "10.0.0.0/16"})
    assert same("aws_db_instance", {"username": Sensitive}, {"username": "admin"})


def test_none_and_false_or_zero_are_the_same_unset_value() -> None:
    assert same(
        "aws_instance",
        {"monitoring": None, "ebs_optimized": False},
        {"monitoring": False, "ebs_optimized": None},
    )
    assert same("aws_cloudwatch_log_group", {"retention_in_days": None}, {"retention_in_days": 0})
    assert not same("aws_cloudwatch_log_group", {"retention_in_days": 30}, {"retention_in_days": 0})
