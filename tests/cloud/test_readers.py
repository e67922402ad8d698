"""Live readers against a real local endpoint: Terraform-shaped attributes, one list call per type."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from scanner.cloud.aws import SessionFactory, read_live, supported_types
from scanner.cloud.aws.catalog import LISTINGS, listings_for
from scanner.cloud.aws.session import botocore_config
from scanner.model import Origin

REGION = "us-east-1"
REQUIRED = {
    "aws_s3_bucket",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_logging",
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
    "aws_vpc",
    "aws_subnet",
    "aws_instance",
    "aws_ebs_volume",
    "aws_db_instance",
    "aws_iam_role",
    "aws_iam_policy",
    "aws_iam_role_policy_attachment",
    "aws_iam_user",
    "aws_lambda_function",
    "aws_kms_key",
    "aws_cloudtrail",
    "aws_dynamodb_table",
    "aws_sqs_queue",
    "aws_sns_topic",
    "aws_eks_cluster",
    "aws_ecr_repository",
    "aws_cloudwatch_log_group",
    "aws_lb",
}


def test_catalog_covers_every_required_type_with_one_converter_each() -> None:
    assert supported_types() >= REQUIRED
    assert len({listing.name for listing in LISTINGS}) == len(LISTINGS)
    assert [listing.name for listing in listings_for(["aws_s3_bucket_versioning"])] == ["s3_buckets"]


def test_session_uses_adaptive_retries_and_timeouts() -> None:
    config = botocore_config()
    assert config.retries == {"mode": "adaptive", "max_attempts": 10}
    assert config.connect_timeout == 5 and config.read_timeout == 30


def client(endpoint: str, service: str) -> Any:
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION)


def test_s3_bucket_and_split_resources(aws_endpoint: str) -> None:
    s3 = client(aws_endpoint, "s3")
    s3.create_bucket(Bucket="reader-bucket")
    s3.put_bucket_versioning(Bucket="reader-bucket", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_tagging(Bucket="reader-bucket", Tagging={"TagSet": [{"Key": "team", "Value": "x"}]})
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::reader-bucket/*"}
        ],
    }
    s3.put_bucket_policy(Bucket="reader-bucket", Policy=json.dumps(policy))
    s3.put_public_access_block(
        Bucket="reader-bucket",
        PublicAccessBlockConfiguration={
            k: True
            for k in ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")
        },
    )
    live = read_live(
        [
            "aws_s3_bucket",
            "aws_s3_bucket_versioning",
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_policy",
        ],
        [REGION],
        SessionFactory(endpoint_url=aws_endpoint),
    )
    by = live.inventory.by_address()
    bucket = by["aws_s3_bucket.reader-bucket"]
    assert bucket.origin is Origin.LIVE and bucket.cloud_id == "reader-bucket"
    assert bucket.attrs["versioning"] == [{"enabled": True, "mfa_delete": False}]
    assert bucket.attrs["tags"] == {"team": "x"}
    assert json.loads(bucket.attrs["policy"]) == policy
    assert by["aws_s3_bucket_versioning.reader-bucket"].attrs["versioning_configuration"] == [
        {"status": "Enabled", "mfa_delete": "Disabled"}
    ]
    assert by["aws_s3_bucket_public_access_block.reader-bucket"].attrs["restrict_public_buckets"] is True
    assert live.api_calls["aws_s3_bucket"]["list"] == 1


@pytest.mark.slow
def test_security_groups_and_rules(aws_endpoint: str) -> None:
    ec2 = client(aws_endpoint, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.3.0.0/16")["Vpc"]["VpcId"]
    sg = ec2.create_security_group(GroupName="reader", Description="d", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "192.168.0.0/16"}],
                "UserIdGroupPairs": [{"GroupId": sg}],
            }
        ],
    )
    types = [
        "aws_security_group",
        "aws_vpc_security_group_ingress_rule",
        "aws_security_group_rule",
        "aws_vpc",
    ]
    live = read_live(types, [REGION], SessionFactory(endpoint_url=aws_endpoint))
    group = live.inventory.by_address()[f"aws_security_group.{sg}"]
    sources = sorted(
        (tuple(r["cidr_blocks"]), r["self"]) for r in group.attrs["ingress"] if r["from_port"] == 443
    )
    assert sources == [((), True), (("10.0.0.0/8",), False), (("192.168.0.0/16",), False)]
    v5 = [r for r in live.inventory.resources if r.type == "aws_vpc_security_group_ingress_rule"
          and r.attrs["security_group_id"] == sg]  # fmt: skip
    assert sorted(str(r.attrs["cidr_ipv4"]) for r in v5) == ["10.0.0.0/8", "192.168.0.0/16", "None"]
    assert live.inventory.by_address()[f"aws_vpc.{vpc}"].attrs["cidr_block"] == "10.3.0.0/16"
    defaults = [r for r in live.inventory.resources if r.type == "aws_vpc" and r.attrs.get("_default")]
    assert len(defaults) == 1  # moto's default VPC, marked for the account-defaults list


def test_iam_role_with_attachment_and_policy_document(aws_endpoint: str) -> None:
    iam = client(aws_endpoint, "iam")
    assume = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}
        ],
    }
    iam.create_role(
        RoleName="reader-role", AssumeRolePolicyDocument=json.dumps(assume), Tags=[{"Key": "a", "Value": "b"}]
    )
    doc = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
    }
    arn = iam.create_policy(PolicyName="reader-policy", PolicyDocument=json.dumps(doc))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName="reader-role", PolicyArn=arn)
    types = ["aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_policy"]
    live = read_live(types, [REGION], SessionFactory(endpoint_url=aws_endpoint))
    by = live.inventory.by_address()
    role = by["aws_iam_role.reader-role"]
    assert json.loads(role.attrs["assume_role_policy"]) == assume and role.attrs["tags"] == {"a": "b"}
    assert by[f"aws_iam_role_policy_attachment.reader-role/{arn}"].attrs == {
        "id": f"reader-role/{arn}",
        "role": "reader-role",
        "policy_arn": arn,
        "_region": REGION,
    }
    assert json.loads(by[f"aws_iam_policy.{arn}"].attrs["policy"]) == doc


@pytest.mark.slow
def test_queue_topic_log_group_table(aws_endpoint: str) -> None:
    client(aws_endpoint, "sqs").create_queue(QueueName="reader-q", Attributes={"VisibilityTimeout": "45"})
    client(aws_endpoint, "sns").create_topic(Name="reader-t", Tags=[{"Key": "k", "Value": "v"}])
    logs = client(aws_endpoint, "logs")
    logs.create_log_group(logGroupName="/reader", tags={"k": "v"})
    logs.put_retention_policy(logGroupName="/reader", retentionInDays=14)
    client(aws_endpoint, "dynamodb").create_table(
        TableName="reader-table",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    types = ["aws_sqs_queue", "aws_sns_topic", "aws_cloudwatch_log_group", "aws_dynamodb_table"]
    live = read_live(types, [REGION], SessionFactory(endpoint_url=aws_endpoint))
    found = {r.type: r.attrs for r in live.inventory.resources}
    assert (
        found["aws_sqs_queue"]["visibility_timeout_seconds"] == 45
        and found["aws_sqs_queue"]["name"] == "reader-q"
    )
    assert found["aws_sns_topic"]["tags"] == {"k": "v"}
    assert found["aws_cloudwatch_log_group"]["retention_in_days"] == 14
    assert found["aws_cloudwatch_log_group"]["tags"] == {"k": "v"}
    assert found["aws_dynamodb_table"]["billing_mode"] == "PAY_PER_REQUEST"
    assert found["aws_dynamodb_table"]["attribute"] == [{"name": "pk", "type": "S"}]
    assert live.notifications == ()
    assert all(calls["list"] == 1 for calls in live.api_calls.values())
