"""Faults while reading live AWS: denied or unsupported calls, throttling, an endpoint that dies.

AccessDenied and throttling come from botocore's Stubber on real clients (moto_server does not
enforce IAM); the dying endpoint is a real moto_server process stopped in the middle of a read.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from scanner.cloud.aws import SessionFactory, read_live
from scanner.drift.engine import compute_drift
from scanner.drift.run import drift_run
from scanner.model import DriftKind, Inventory, Origin, Resource
from tests.cloud.endpoints import StopAfter
from tests.drift.seeding import REGION, seed


class MixedFactory:
    """Real clients for the local endpoint, except the services given as stubbed clients."""

    def __init__(self, endpoint: str, stubbed: dict[str, Any]) -> None:
        self.real = SessionFactory(endpoint_url=endpoint, max_attempts=2)
        self.stubbed = stubbed

    def client(self, service: str, region: str) -> Any:
        return self.stubbed.get(service) or self.real.client(service, region)


def stubbed_client(service: str, endpoint: str) -> tuple[Any, Stubber]:
    client = boto3.client(service, endpoint_url=endpoint, region_name=REGION)
    return client, Stubber(client)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "AccessDenied",
            "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:ListRoles",
        ),
        ("InvalidAction", "The action ListRoles is not valid for this web service."),
    ],
)
def test_denied_or_unsupported_service_is_a_warning_and_the_rest_goes_on(
    aws_endpoint: str, code: str, message: str
) -> None:
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="still-read")
    iam, stub = stubbed_client("iam", aws_endpoint)
    stub.add_client_error(
        "list_roles", service_error_code=code, service_message=message, http_status_code=403
    )
    with stub:
        live = read_live(
            ["aws_iam_role", "aws_s3_bucket"], [REGION], MixedFactory(aws_endpoint, {"iam": iam})
        )
    assert [n.message for n in live.notifications] == [f"iam:ListRoles in {REGION}: {code} {message}"]
    assert all(n.level == "warning" and n.kind == "cloud" for n in live.notifications)
    assert [r.address for r in live.inventory.resources if r.type == "aws_s3_bucket"] == [
        "aws_s3_bucket.still-read"
    ]
    assert "aws_iam_role" in live.failed_types and "aws_s3_bucket" in live.read_types
    # A type that could not be read is not compared: its IaC resources are not "deleted".
    role = Resource(
        "aws_iam_role.app", "aws_iam_role", {"id": "app", "name": "app"}, Origin.STATE, cloud_id="app"
    )
    report = compute_drift(Inventory((role,)), live.inventory, checked_types=live.read_types)
    assert [(f.drift_kind, f.resource_address) for f in report.findings] == [
        (DriftKind.UNMANAGED, "aws_s3_bucket.still-read")
    ]
    assert report.summary["not_checked"] == {"aws_iam_role": 1}


def test_denied_extra_call_leaves_that_setting_out(aws_endpoint: str) -> None:
    s3 = boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION)
    s3.create_bucket(Bucket="denied-tags")
    stubbed, stub = stubbed_client("s3", aws_endpoint)
    stub.add_response("list_buckets", {"Buckets": [{"Name": "denied-tags"}], "Owner": {"ID": "x"}})
    stub.add_response("get_bucket_versioning", {"Status": "Enabled"})
    stub.add_client_error("get_bucket_encryption", "ServerSideEncryptionConfigurationNotFoundError")
    stub.add_client_error("get_public_access_block", "NoSuchPublicAccessBlockConfiguration")
    stub.add_client_error("get_bucket_policy", "NoSuchBucketPolicy")
    stub.add_response("get_bucket_logging", {})
    stub.add_client_error(
        "get_bucket_tagging", "AccessDenied", "no s3:GetBucketTagging", http_status_code=403
    )
    with stub:
        live = read_live(["aws_s3_bucket"], [REGION], MixedFactory(aws_endpoint, {"s3": stubbed}))
    bucket = live.inventory.by_address()["aws_s3_bucket.denied-tags"]
    assert "tags" not in bucket.attrs
    assert bucket.attrs["versioning"] == [{"enabled": True, "mfa_delete": False}]
    assert [n.message for n in live.notifications] == [
        f"s3:GetBucketTagging in {REGION}: AccessDenied no s3:GetBucketTagging"
    ]
    assert "aws_s3_bucket" in live.read_types


def test_throttling_then_success_is_retried(aws_endpoint: str) -> None:
    ec2, stub = stubbed_client("ec2", aws_endpoint)
    stub.add_client_error("describe_vpcs", "Throttling", "Rate exceeded", http_status_code=400)
    stub.add_client_error(
        "describe_vpcs", "RequestLimitExceeded", "Request limit exceeded.", http_status_code=503
    )
    stub.add_response(
        "describe_vpcs", {"Vpcs": [{"VpcId": "vpc-0123", "CidrBlock": "10.1.0.0/16", "IsDefault": False}]}
    )
    with stub:
        live = read_live(["aws_vpc"], [REGION], MixedFactory(aws_endpoint, {"ec2": ec2}))
    stub.assert_no_pending_responses()
    assert [r.address for r in live.inventory.resources] == ["aws_vpc.vpc-0123"]
    assert live.notifications == ()
    assert live.api_calls["aws_vpc"]["list"] == 3
    assert live.read_types == {"aws_vpc"}


def test_throttling_that_never_ends_becomes_a_warning(aws_endpoint: str) -> None:
    ec2, stub = stubbed_client("ec2", aws_endpoint)
    for _ in range(5):
        stub.add_client_error("describe_vpcs", "Throttling", "Rate exceeded", http_status_code=400)
    with stub:
        live = read_live(["aws_vpc"], [REGION], MixedFactory(aws_endpoint, {"ec2": ec2}))
    assert [n.message for n in live.notifications] == [
        f"ec2:DescribeVpcs in {REGION}: Throttling Rate exceeded"
    ]
    assert live.failed_types == {"aws_vpc"} and not live.unreachable


@pytest.mark.slow
def test_endpoint_dying_mid_scan_gives_a_partial_read_and_no_false_deletions(
    dying_server: tuple[str, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    url, proc = dying_server
    seeded = seed(url, tmp_path)
    factory = StopAfter(url, proc, calls=8)
    result = drift_run(seeded.inventory, regions=[REGION], session_factory=factory)
    assert proc.poll() is not None
    assert result.partial and result.summary["partial"] is True
    errors = [n for n in result.notifications if n.level == "error"]
    assert len(errors) == 1 and "stopped answering" in errors[0].message
    assert any("endpoint unreachable" in n.message for n in result.notifications if n.level == "warning")
    assert result.live.failed_types
    failed = result.live.failed_types
    deleted = [f for f in result.findings if f.drift_kind is DriftKind.DELETED]
    assert all(f.resource_type not in failed for f in deleted)
    assert deleted == []
