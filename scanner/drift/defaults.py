"""Account defaults: resources AWS creates by itself, never reported as unmanaged unless ``strict``.

Each entry says why. The readers mark what they can recognise from the API (``_default``): the
default VPC (``IsDefault``), its default subnets (``DefaultForAz``), every VPC's security group named
``default``, service-linked roles and AWS-managed KMS keys. Types that hold only child settings of
another resource (bucket settings, security group rules) are never unmanaged on their own: their
parent carries them.
"""

from __future__ import annotations

from scanner.cloud.aws.shapes import DEFAULT_KEY
from scanner.model import Resource

ACCOUNT_DEFAULTS: dict[str, str] = {
    # The default VPC AWS creates in every region (``IsDefault``); ``aws_default_vpc`` adopts it.
    "aws_vpc": "default VPC (IsDefault)",
    # Its one subnet per availability zone (``DefaultForAz``); ``aws_default_subnet`` adopts them.
    "aws_subnet": "default subnet of the default VPC (DefaultForAz)",
    # Every VPC gets a security group named "default" it cannot delete; ``aws_default_security_group``.
    "aws_security_group": "a VPC's default security group (named 'default')",
    # Service-linked roles (path /aws-service-role/) are created and owned by AWS services.
    "aws_iam_role": "service-linked role (/aws-service-role/)",
    "aws_iam_role_policy_attachment": "policy attached to a service-linked role",
    # AWS-managed keys (KeyManager AWS, aliases alias/aws/*) are created by services on first use.
    "aws_kms_key": "AWS-managed KMS key (alias/aws/*)",
    # Each VPC's main route table, created with the VPC (``aws_default_route_table`` adopts it).
    "aws_route_table": "a VPC's main route table",
    # The NS and SOA records at a hosted zone's apex, created with the zone.
    "aws_route53_record": "a hosted zone's own NS/SOA record",
    # Aliases of AWS-managed keys (alias/aws/*).
    "aws_kms_alias": "alias of an AWS-managed KMS key (alias/aws/*)",
    # Inline policies of service-linked roles.
    "aws_iam_role_policy": "inline policy of a service-linked role",
    # Also account defaults, not read by iacscan today (so never reported): each VPC's default
    # network ACL and the default DHCP option set. The default VPC's internet gateway is read and
    # not recognised yet (``--strict`` or not, it shows as unmanaged).
}

CHILD_TYPES = frozenset(
    {
        "aws_s3_bucket_versioning",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_policy",
        "aws_s3_bucket_logging",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
        # The bucket (v3 inline ``cors_rule``/``lifecycle_rule``) or the queue (``policy``) may
        # carry these settings instead.
        "aws_s3_bucket_cors_configuration",
        "aws_s3_bucket_lifecycle_configuration",
        "aws_sqs_queue_policy",
    }
)
"""Settings of a parent resource: a change shows on the parent (bucket, security group rules as
sets), so they are compared when the IaC declares them but never reported as unmanaged."""


def is_account_default(res: Resource) -> bool:
    return res.type in ACCOUNT_DEFAULTS and res.attrs.get(DEFAULT_KEY) is True


def why_default(res: Resource) -> str:
    return ACCOUNT_DEFAULTS.get(res.type, "")
