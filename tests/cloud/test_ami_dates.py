"""AMI dates on live EC2 instances (for the AMI-age policy): a real local endpoint, and a stubbed client
for what it does not model (deprecation times, a deregistered image, a denied call)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from scanner.cloud.aws.ami_dates import add_ami_dates
from scanner.cloud.aws.readers import read_live
from scanner.cloud.aws.session import SessionFactory
from scanner.cloud.aws.shapes import live
from scanner.model import Status
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policy_file


class _OneClient:
    def __init__(self, client: Any) -> None:
        self._client = client

    def client(self, service: str, region: str) -> Any:
        return self._client


def _instance(iid: str, ami: str, region: str = "us-east-1") -> Any:
    return live("aws_instance", iid, {"ami": ami, "instance_type": "t3.micro"}, region)


@pytest.mark.slow
def test_live_read_records_ami_creation_date(aws_endpoint: str) -> None:
    ec2 = boto3.client("ec2", endpoint_url=aws_endpoint, region_name="us-east-1")
    image_id = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro")
    read = read_live(["aws_instance"], ["us-east-1"], SessionFactory(endpoint_url=aws_endpoint))
    (instance,) = read.inventory.resources
    assert instance.attrs["ami"] == image_id
    created = instance.attrs["ami_creation_date"]
    assert date.fromisoformat(created[:10]) <= date.today()
    policy = load_policy_file(builtin_policy_root() / "aws" / "AWS-EOL-010" / "AWS-EOL-010.yaml")
    old = evaluate_inventory(read.inventory, PolicySet.of([policy]), as_of=date(2100, 1, 1))
    assert [f.status for f in old] == [Status.FAIL]
    assert "days old (limit 180)" in old[0].message


def test_deprecated_missing_and_denied_images() -> None:
    client = boto3.client("ec2", region_name="us-east-1")
    created = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with Stubber(client) as stub:
        stub.add_client_error("describe_images", service_error_code="InvalidAMIID.NotFound")
        stub.add_response(
            "describe_images",
            {
                "Images": [
                    {
                        "ImageId": "ami-0aaa",
                        "CreationDate": "2025-01-02T03:04:05.000Z",
                        "DeprecationTime": "2026-06-01T00:00:00.000Z",
                    }
                ]
            },
            {"ImageIds": ["ami-0aaa"], "IncludeDeprecated": True},
        )
        stub.add_client_error("describe_images", service_error_code="InvalidAMIID.NotFound")
        resources = [_instance("i-1", "ami-0aaa"), _instance("i-2", "ami-0bbb"), _instance("i-3", "ami-0aaa")]
        out, notes = add_ami_dates(resources, _OneClient(client))
    assert notes == []
    assert out[0].attrs["ami_creation_date"] == created.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert out[0].attrs["ami_deprecation_time"] == "2026-06-01T00:00:00.000Z"
    assert out[2].attrs["ami_creation_date"] == out[0].attrs["ami_creation_date"]
    assert "ami_creation_date" not in out[1].attrs

    with Stubber(client) as stub:
        stub.add_client_error("describe_images", service_error_code="UnauthorizedOperation")
        same, notes = add_ami_dates([_instance("i-1", "ami-0aaa", "eu-west-1")], _OneClient(client))
    assert "ami_creation_date" not in same[0].attrs
    assert [n.message for n in notes] == [
        "ec2:DescribeImages in eu-west-1: UnauthorizedOperation; AMI age not read"
    ]
