"""Seed a real local endpoint with exactly a state's resources, then inject one drift at a time."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest

from scanner.cloud.aws.catalog import supported_types
from scanner.drift.ignore import IgnoreRules
from scanner.drift.run import DriftRun, drift_run
from scanner.model import DriftKind, Status
from tests.drift.seeding import REGION, STACKS, Seeded, seed

pytestmark = pytest.mark.slow  # every test here reads a seeded moto server


@pytest.fixture
def seeded(aws_endpoint: str, tmp_path: Path) -> Seeded:
    return seed(aws_endpoint, tmp_path)


def client(seeded: Seeded, service: str) -> Any:
    return boto3.client(service, endpoint_url=seeded.factory.endpoint_url, region_name=REGION)


def run(seeded: Seeded, **kwargs: Any) -> DriftRun:
    return drift_run(seeded.inventory, regions=[REGION], session_factory=seeded.factory, **kwargs)


def drift(result: DriftRun) -> list[tuple[str, str, str]]:
    assert all(f.status is Status.FAIL for f in result.findings)
    return [(f.rule_id, f.resource_address, f.attribute_path) for f in result.findings]


def new_id(seeded: Seeded, address: str) -> str:
    return str(seeded.inventory.by_address()[address].attrs["id"])


def test_seeded_state_has_zero_drift(seeded: Seeded) -> None:
    result = run(seeded)
    assert drift(result) == []
    # Coverage is compared / managed, and what has no reader comes from the catalog (so it shrinks
    # as readers are added): every managed resource is either compared or counted as not compared.
    managed = seeded.inventory.managed()
    no_reader = Counter(r.type for r in managed if r.type not in supported_types())
    s = result.summary
    assert s["managed"] == len(managed) == 19
    assert s["not_compared"]["no_reader"] == dict(sorted(no_reader.items()))
    assert s["compared"] == s["in_sync"] == len(managed) - sum(no_reader.values())
    assert s["coverage"] == round(100.0 * s["compared"] / s["managed"], 1)
    assert s["compared"] == 19 and s["coverage"] == 100.0  # every type of the seeded stack has a reader
    assert not result.partial
    assert [n for n in result.notifications if n.level != "note"] == []


def test_changed_tag(seeded: Seeded) -> None:
    client(seeded, "ec2").create_tags(
        Resources=[new_id(seeded, "aws_vpc.main")], Tags=[{"Key": "Env", "Value": "prod"}]
    )
    result = run(seeded)
    assert drift(result) == [("DRIFT-CHANGED", "aws_vpc.main", "tags.Env")]
    finding = result.findings[0]
    assert (finding.expected, finding.actual, finding.drift_kind) == ("test", "prod", DriftKind.CHANGED)
    assert finding.source is not None and finding.source.path.endswith("basic.tfstate")
    assert result.summary["changed"] == 1


def test_security_group_rule_added(seeded: Seeded) -> None:
    sg = new_id(seeded, "aws_security_group.web")
    client(seeded, "ec2").authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    result = run(seeded)
    assert drift(result) == [("DRIFT-CHANGED", "aws_security_group.web", "ingress")]
    finding = result.findings[0]
    assert finding.expected == []
    assert finding.actual == [
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": "0.0.0.0/0", "description": None}
    ]


def test_versioning_suspended(seeded: Seeded) -> None:
    client(seeded, "s3").put_bucket_versioning(
        Bucket="iacscan-fixture-assets", VersioningConfiguration={"Status": "Suspended"}
    )
    result = run(seeded)
    assert drift(result) == [
        ("DRIFT-CHANGED", "aws_s3_bucket_versioning.assets", "versioning_configuration[0].status")
    ]
    assert (result.findings[0].expected, result.findings[0].actual) == ("Enabled", "Suspended")


def test_instance_deleted(seeded: Seeded) -> None:
    client(seeded, "ec2").terminate_instances(InstanceIds=[new_id(seeded, "aws_instance.app")])
    result = run(seeded)
    assert drift(result) == [("DRIFT-DELETED", "aws_instance.app", "")]
    assert result.findings[0].severity.value == "high"
    assert result.summary["deleted"] == 1


def test_bucket_created_outside_iac(seeded: Seeded) -> None:
    client(seeded, "s3").create_bucket(Bucket="made-by-hand")
    result = run(seeded)
    assert drift(result) == [("DRIFT-UNMANAGED", "aws_s3_bucket.made-by-hand", "")]
    assert result.summary["unmanaged"] == 1
    assert result.summary["compared"] == result.summary["in_sync"]  # an unmanaged one changes no coverage


def test_bucket_policy_with_only_key_order_changed_is_not_drift(seeded: Seeded) -> None:
    s3 = client(seeded, "s3")
    policy = json.loads(s3.get_bucket_policy(Bucket="iacscan-fixture-assets")["Policy"])
    statement = policy["Statement"][0]
    reordered = {
        "Statement": [
            {
                "Condition": statement["Condition"],
                "Resource": list(reversed(statement["Resource"])),
                "Action": [statement["Action"]],  # a one-item list instead of the single string
                "Principal": statement["Principal"],
                "Effect": statement["Effect"],
                "Sid": statement["Sid"],
            }
        ],
        "Version": policy["Version"],
    }
    s3.put_bucket_policy(Bucket="iacscan-fixture-assets", Policy=json.dumps(reordered, indent=4))
    assert drift(run(seeded)) == []


def test_bucket_policy_really_changed_is_drift(seeded: Seeded) -> None:
    s3 = client(seeded, "s3")
    policy = json.loads(s3.get_bucket_policy(Bucket="iacscan-fixture-assets")["Policy"])
    policy["Statement"][0]["Effect"] = "Allow"
    s3.put_bucket_policy(Bucket="iacscan-fixture-assets", Policy=json.dumps(policy))
    assert drift(run(seeded)) == [("DRIFT-CHANGED", "aws_s3_bucket_policy.assets", "policy")]


def test_strict_reports_account_defaults(seeded: Seeded) -> None:
    result = run(seeded, strict=True)
    unmanaged = {f.resource_type for f in result.findings if f.drift_kind is DriftKind.UNMANAGED}
    assert {"aws_vpc", "aws_subnet", "aws_security_group"} <= unmanaged
    assert run(seeded).summary["account_defaults"] == result.summary["unmanaged"]


def test_ignore_rules_hide_resources_and_attributes(seeded: Seeded) -> None:
    ec2 = client(seeded, "ec2")
    ec2.create_tags(Resources=[new_id(seeded, "aws_vpc.main")], Tags=[{"Key": "Env", "Value": "prod"}])
    client(seeded, "s3").create_bucket(Bucket="scratch.example")
    rules = IgnoreRules.parse("aws_s3_bucket.scratch\\.example\naws_vpc.*.tags.Env\n")
    result = run(seeded, ignore=rules)
    assert drift(result) == []
    assert result.summary["ignored"] == 1


@pytest.mark.parametrize(
    "source",
    [
        STACKS / "terraform" / "webapp" / "terraform.tfstate",
        STACKS / "pulumi" / "webapp" / "stack-export.json",
    ],
    ids=["terraform-state", "pulumi-export"],
)
def test_example_stacks_have_zero_drift_then_one_tag_change(
    aws_endpoint: str, tmp_path: Path, source: Path
) -> None:
    seeded = seed(aws_endpoint, tmp_path, source)
    result = run(seeded)
    assert drift(result) == []
    assert result.summary["managed"] == len(seeded.inventory.managed())
    # Two types of the example stacks have no reader yet (a target-group attachment, a DB subnet group).
    no_reader = result.summary["not_compared"]["no_reader"]
    assert result.summary["compared"] == 33 and sum(no_reader.values()) == result.summary["managed"] - 33
    instance = next(r for r in seeded.inventory.resources if r.type == "aws_instance")
    client(seeded, "ec2").create_tags(Resources=[instance.attrs["id"]], Tags=[{"Key": "Owner", "Value": "x"}])
    assert drift(run(seeded)) == [("DRIFT-CHANGED", instance.address, "tags.Owner")]
