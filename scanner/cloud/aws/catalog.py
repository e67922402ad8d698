"""What to call to read each supported Terraform type, described as data.

One ``Listing`` is one list/describe operation of one service. It says which response key holds the
records, which field is the record's id, whether it is paginated and global or regional, and which
extra per-record calls are needed where the API has no batch form (S3 bucket settings, tags of
services whose list call omits them). A listing may emit several Terraform types: the S3 bucket
listing also emits the v4 split resources (``aws_s3_bucket_versioning``...), the IAM role listing
also emits ``aws_iam_role_policy_attachment``.

The generic lister (``lister.py``) reads any listing; the converter named by ``converter`` (see
``readers.py``) turns a record and its extra results into Terraform-shaped resources.
"""

from __future__ import annotations

from collections.abc import Iterable

from scanner.cloud.aws.catalog_app import APP_LISTINGS
from scanner.cloud.aws.catalog_net import NET_LISTINGS
from scanner.cloud.aws.catalog_types import GLOBAL, REGIONAL, ExtraCall, Listing, Parent

__all__ = [
    "GLOBAL",
    "LISTINGS",
    "REGIONAL",
    "ExtraCall",
    "Listing",
    "Parent",
    "listings_for",
    "supported_types",
]


def _tags(op: str, param: str, field_: str, key: str = "Tags", missing: tuple[str, ...] = ()) -> ExtraCall:
    return ExtraCall("tags", op, {param: field_}, key, missing)


_S3_EXTRAS = (
    ExtraCall("versioning", "get_bucket_versioning", {"Bucket": "Name"}),
    ExtraCall(
        "encryption",
        "get_bucket_encryption",
        {"Bucket": "Name"},
        "ServerSideEncryptionConfiguration",
        ("ServerSideEncryptionConfigurationNotFoundError",),
    ),
    ExtraCall(
        "public_access_block",
        "get_public_access_block",
        {"Bucket": "Name"},
        "PublicAccessBlockConfiguration",
        ("NoSuchPublicAccessBlockConfiguration",),
    ),
    ExtraCall("policy", "get_bucket_policy", {"Bucket": "Name"}, "Policy", ("NoSuchBucketPolicy",)),
    ExtraCall("logging", "get_bucket_logging", {"Bucket": "Name"}, "LoggingEnabled"),
    ExtraCall(
        "tags", "get_bucket_tagging", {"Bucket": "Name"}, "TagSet", ("NoSuchTagSet", "NoSuchTagSetError")
    ),
)

LISTINGS: tuple[Listing, ...] = (
    Listing(
        "s3_buckets",
        "s3",
        "list_buckets",
        "Buckets",
        "Name",
        emits=(
            "aws_s3_bucket",
            "aws_s3_bucket_versioning",
            "aws_s3_bucket_server_side_encryption_configuration",
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_policy",
            "aws_s3_bucket_logging",
        ),
        converter="s3_bucket",
        scope=GLOBAL,
        page_size=1000,
        extras=_S3_EXTRAS,
    ),
    Listing("vpcs", "ec2", "describe_vpcs", "Vpcs", "VpcId", ("aws_vpc",), "vpc", page_size=1000),
    Listing(
        "subnets", "ec2", "describe_subnets", "Subnets", "SubnetId", ("aws_subnet",), "subnet", page_size=1000
    ),
    Listing(
        "security_groups",
        "ec2",
        "describe_security_groups",
        "SecurityGroups",
        "GroupId",
        ("aws_security_group",),
        "security_group",
        page_size=1000,
    ),
    Listing(
        "security_group_rules",
        "ec2",
        "describe_security_group_rules",
        "SecurityGroupRules",
        "SecurityGroupRuleId",
        (
            "aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule",
        ),
        "security_group_rule",
        page_size=1000,
    ),
    Listing(
        "instances",
        "ec2",
        "describe_instances",
        "Reservations[].Instances[]",
        "InstanceId",
        ("aws_instance",),
        "instance",
        page_size=1000,
    ),
    Listing(
        "volumes",
        "ec2",
        "describe_volumes",
        "Volumes",
        "VolumeId",
        ("aws_ebs_volume",),
        "ebs_volume",
        page_size=500,
    ),
    Listing(
        "db_instances",
        "rds",
        "describe_db_instances",
        "DBInstances",
        "DBInstanceIdentifier",
        ("aws_db_instance",),
        "db_instance",
        page_size=100,
    ),
    Listing(
        "iam_roles",
        "iam",
        "list_roles",
        "Roles",
        "RoleName",
        ("aws_iam_role", "aws_iam_role_policy_attachment"),
        "iam_role",
        scope=GLOBAL,
        page_size=1000,
        extras=(
            _tags("list_role_tags", "RoleName", "RoleName"),
            ExtraCall(
                "attached", "list_attached_role_policies", {"RoleName": "RoleName"}, "AttachedPolicies"
            ),
        ),
    ),
    Listing(
        "iam_policies",
        "iam",
        "list_policies",
        "Policies",
        "Arn",
        ("aws_iam_policy",),
        "iam_policy",
        scope=GLOBAL,
        page_size=1000,
        params={"Scope": "Local"},
        extras=(
            ExtraCall(
                "version",
                "get_policy_version",
                {"PolicyArn": "Arn", "VersionId": "DefaultVersionId"},
                "PolicyVersion",
            ),
            _tags("list_policy_tags", "PolicyArn", "Arn"),
        ),
    ),
    Listing(
        "iam_users",
        "iam",
        "list_users",
        "Users",
        "UserName",
        ("aws_iam_user",),
        "iam_user",
        scope=GLOBAL,
        page_size=1000,
        extras=(_tags("list_user_tags", "UserName", "UserName"),),
    ),
    Listing(
        "lambda_functions",
        "lambda",
        "list_functions",
        "Functions",
        "FunctionName",
        ("aws_lambda_function",),
        "lambda_function",
        page_size=50,
        extras=(ExtraCall("tags", "list_tags", {"Resource": "FunctionArn"}, "Tags"),),
    ),
    Listing(
        "kms_keys",
        "kms",
        "list_keys",
        "Keys",
        "KeyId",
        ("aws_kms_key",),
        "kms_key",
        page_size=1000,
        extras=(
            ExtraCall("metadata", "describe_key", {"KeyId": "KeyId"}, "KeyMetadata"),
            ExtraCall(
                "rotation",
                "get_key_rotation_status",
                {"KeyId": "KeyId"},
                "KeyRotationEnabled",
                ("UnsupportedOperationException", "KMSInvalidStateException"),
            ),
            ExtraCall(
                "policy", "get_key_policy", {"KeyId": "KeyId"}, "Policy", static={"PolicyName": "default"}
            ),
            _tags("list_resource_tags", "KeyId", "KeyId"),
        ),
    ),
    Listing(
        "trails",
        "cloudtrail",
        "describe_trails",
        "trailList",
        "TrailARN",
        ("aws_cloudtrail",),
        "cloudtrail",
        paginated=False,
        params={"includeShadowTrails": False},
        extras=(
            ExtraCall("status", "get_trail_status", {"Name": "TrailARN"}),
            ExtraCall(
                "tags",
                "list_tags",
                {"ResourceIdList": "TrailARN"},
                "ResourceTagList[0].TagsList",
                as_list=("ResourceIdList",),
            ),
        ),
    ),
    Listing(
        "dynamodb_tables",
        "dynamodb",
        "list_tables",
        "TableNames",
        "@",
        ("aws_dynamodb_table",),
        "dynamodb_table",
        page_size=100,
        extras=(
            ExtraCall("table", "describe_table", {"TableName": "@"}, "Table"),
            ExtraCall(
                "pitr",
                "describe_continuous_backups",
                {"TableName": "@"},
                "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus",
            ),
            ExtraCall("tags", "list_tags_of_resource", {"ResourceArn": "extras.table.TableArn"}, "Tags"),
        ),
    ),
    Listing(
        "sqs_queues",
        "sqs",
        "list_queues",
        "QueueUrls",
        "@",
        ("aws_sqs_queue",),
        "sqs_queue",
        page_size=1000,
        extras=(
            ExtraCall(
                "attributes",
                "get_queue_attributes",
                {"QueueUrl": "@"},
                "Attributes",
                static={"AttributeNames": ["All"]},
            ),
            ExtraCall("tags", "list_queue_tags", {"QueueUrl": "@"}, "Tags"),
        ),
    ),
    Listing(
        "sns_topics",
        "sns",
        "list_topics",
        "Topics",
        "TopicArn",
        ("aws_sns_topic",),
        "sns_topic",
        extras=(
            ExtraCall("attributes", "get_topic_attributes", {"TopicArn": "TopicArn"}, "Attributes"),
            _tags("list_tags_for_resource", "ResourceArn", "TopicArn"),
        ),
    ),
    Listing(
        "eks_clusters",
        "eks",
        "list_clusters",
        "clusters",
        "@",
        ("aws_eks_cluster",),
        "eks_cluster",
        page_size=100,
        extras=(ExtraCall("cluster", "describe_cluster", {"name": "@"}, "cluster"),),
    ),
    Listing(
        "ecr_repositories",
        "ecr",
        "describe_repositories",
        "repositories",
        "repositoryName",
        ("aws_ecr_repository",),
        "ecr_repository",
        page_size=1000,
        extras=(_tags("list_tags_for_resource", "resourceArn", "repositoryArn", key="tags"),),
    ),
    Listing(
        "log_groups",
        "logs",
        "describe_log_groups",
        "logGroups",
        "logGroupName",
        ("aws_cloudwatch_log_group",),
        "log_group",
        page_size=50,
        extras=(ExtraCall("tags", "list_tags_log_group", {"logGroupName": "logGroupName"}, "tags"),),
    ),
    Listing(
        "load_balancers",
        "elbv2",
        "describe_load_balancers",
        "LoadBalancers",
        "LoadBalancerArn",
        ("aws_lb",),
        "load_balancer",
        page_size=400,
        extras=(
            ExtraCall(
                "tags",
                "describe_tags",
                {"ResourceArns": "LoadBalancerArn"},
                "TagDescriptions[0].Tags",
                as_list=("ResourceArns",),
            ),
        ),
    ),
)


LISTINGS = (*LISTINGS, *NET_LISTINGS, *APP_LISTINGS)


def supported_types() -> frozenset[str]:
    return frozenset(t for listing in LISTINGS for t in listing.emits)


def listings_for(types: Iterable[str] | None) -> tuple[Listing, ...]:
    """The listings needed to read ``types`` (all listings when ``types`` is None)."""
    if types is None:
        return LISTINGS
    wanted = set(types)
    return tuple(listing for listing in LISTINGS if wanted.intersection(listing.emits))
