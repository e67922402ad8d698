"""``aws_cloudfront_distribution``, ``aws_cloudfront_origin_access_control``, ``aws_wafv2_web_acl``
and ``aws_elasticache_replication_group``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

ORIGIN = "assets.s3.us-east-1.amazonaws.com"


def _distribution_config(oac: str, comment: str = "assets") -> dict[str, Any]:
    return {
        "CallerReference": "iacscan",
        "Comment": comment,
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [
                {
                    "Id": "s3-assets",
                    "DomainName": ORIGIN,
                    "OriginAccessControlId": oac,
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                }
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "s3-assets",
            "ViewerProtocolPolicy": "redirect-to-https",
            "AllowedMethods": {
                "Quantity": 2,
                "Items": ["GET", "HEAD"],
                "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]},
            },
            "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
            "Compress": True,
        },
    }


def _oac(endpoint: str) -> str:
    oac = aws(endpoint, "cloudfront").create_origin_access_control(
        OriginAccessControlConfig={
            "Name": "assets",
            "Description": "assets bucket",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": "s3",
        }
    )
    return str(oac["OriginAccessControl"]["Id"])


def _oac_state(oid: str) -> tuple[str, str, dict[str, Any]]:
    return (
        "aws_cloudfront_origin_access_control",
        "assets",
        {
            "id": oid,
            "description": "assets bucket",
            "etag": "E1",
            "name": "assets",
            "origin_access_control_origin_type": "s3",
            "signing_behavior": "always",
            "signing_protocol": "sigv4",
        },
    )


def test_origin_access_control_in_sync_then_changed(aws_endpoint: str) -> None:
    oid = _oac(aws_endpoint)
    inv = state(_oac_state(oid))
    in_sync(aws_endpoint, inv, "aws_cloudfront_origin_access_control")
    cf = aws(aws_endpoint, "cloudfront")
    etag = cf.get_origin_access_control(Id=oid)["ETag"]
    cf.update_origin_access_control(
        Id=oid,
        IfMatch=etag,
        OriginAccessControlConfig={
            "Name": "assets",
            "Description": "assets bucket",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "no-override",
            "OriginAccessControlOriginType": "s3",
        },
    )
    assert drift(aws_endpoint, inv, "aws_cloudfront_origin_access_control") == [
        ("DRIFT-CHANGED", "aws_cloudfront_origin_access_control.assets", "signing_behavior")
    ]


def test_distribution_in_sync_then_changed(aws_endpoint: str) -> None:
    oid = _oac(aws_endpoint)
    cf = aws(aws_endpoint, "cloudfront")
    dist = cf.create_distribution(DistributionConfig=_distribution_config(oid))["Distribution"]
    did = dist["Id"]
    inv = state(
        (
            "aws_cloudfront_distribution",
            "assets",
            {
                "id": did,
                "aliases": [],
                "arn": f"arn:aws:cloudfront::{ACCOUNT}:distribution/{did}",
                "caller_reference": "iacscan",
                "comment": "assets",
                "custom_error_response": [],
                "default_cache_behavior": [
                    {
                        "allowed_methods": ["HEAD", "GET"],
                        "cache_policy_id": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                        "cached_methods": ["HEAD", "GET"],
                        "compress": True,
                        "default_ttl": 0,
                        "field_level_encryption_id": "",
                        "forwarded_values": [],
                        "function_association": [],
                        "lambda_function_association": [],
                        "max_ttl": 0,
                        "min_ttl": 0,
                        "origin_request_policy_id": "",
                        "realtime_log_config_arn": "",
                        "response_headers_policy_id": "",
                        "smooth_streaming": False,
                        "target_origin_id": "s3-assets",
                        "trusted_key_groups": [],
                        "trusted_signers": [],
                        "viewer_protocol_policy": "redirect-to-https",
                    }
                ],
                "default_root_object": "",
                "domain_name": dist["DomainName"],
                "enabled": True,
                "etag": "E2",
                "hosted_zone_id": "Z2FDTNDATAQYW2",
                "http_version": dist["DistributionConfig"].get("HttpVersion", "http2"),
                "is_ipv6_enabled": dist["DistributionConfig"].get("IsIPV6Enabled", False),
                "logging_config": [],
                "origin": [
                    {
                        "connection_attempts": 3,
                        "connection_timeout": 10,
                        "custom_header": [],
                        "custom_origin_config": [],
                        "domain_name": ORIGIN,
                        "origin_access_control_id": oid,
                        "origin_id": "s3-assets",
                        "origin_path": "",
                        "origin_shield": [],
                        "s3_origin_config": [],
                    }
                ],
                "price_class": dist["DistributionConfig"].get("PriceClass", "PriceClass_All"),
                "restrictions": [{"geo_restriction": [{"locations": [], "restriction_type": "none"}]}],
                "retain_on_delete": False,
                "status": "Deployed",
                "tags": {},
                "tags_all": {},
                "viewer_certificate": [
                    {
                        "acm_certificate_arn": "",
                        "cloudfront_default_certificate": True,
                        "iam_certificate_id": "",
                        "minimum_protocol_version": (
                            dist["DistributionConfig"].get("ViewerCertificate") or {}
                        ).get("MinimumProtocolVersion", "TLSv1"),
                        "ssl_support_method": "",
                    }
                ],
                "wait_for_deployment": True,
                "web_acl_id": "",
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_cloudfront_distribution")
    etag = cf.get_distribution_config(Id=did)["ETag"]
    cf.update_distribution(Id=did, IfMatch=etag, DistributionConfig=_distribution_config(oid, "edited"))
    assert drift(aws_endpoint, inv, "aws_cloudfront_distribution") == [
        ("DRIFT-CHANGED", "aws_cloudfront_distribution.assets", "comment")
    ]


def test_wafv2_web_acl_in_sync_then_default_action_changed(aws_endpoint: str) -> None:
    waf = aws(aws_endpoint, "wafv2")
    visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "api"}
    summary = waf.create_web_acl(
        Name="api",
        Scope="REGIONAL",
        DefaultAction={"Allow": {}},
        VisibilityConfig=visibility,
        Tags=[{"Key": "app", "Value": "api"}],
    )["Summary"]
    inv = state(
        (
            "aws_wafv2_web_acl",
            "api",
            {
                "id": summary["Id"],
                "arn": summary["ARN"],
                "association_config": [],
                "capacity": 0,
                "captcha_config": [],
                "custom_response_body": [],
                "default_action": [{"allow": [{"custom_request_handling": []}], "block": []}],
                "description": "",
                "lock_token": summary["LockToken"],
                "name": "api",
                "name_prefix": "",
                "rule": [],
                "scope": "REGIONAL",
                "tags": {"app": "api"},
                "tags_all": {"app": "api"},
                "token_domains": [],
                "visibility_config": [
                    {
                        "cloudwatch_metrics_enabled": True,
                        "metric_name": "api",
                        "sampled_requests_enabled": True,
                    }
                ],
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_wafv2_web_acl")
    acl = waf.get_web_acl(Name="api", Scope="REGIONAL", Id=summary["Id"])
    waf.update_web_acl(
        Name="api",
        Scope="REGIONAL",
        Id=summary["Id"],
        DefaultAction={"Block": {}},
        VisibilityConfig=visibility,
        LockToken=acl["LockToken"],
    )
    assert drift(aws_endpoint, inv, "aws_wafv2_web_acl") == [
        ("DRIFT-CHANGED", "aws_wafv2_web_acl.api", "default_action")
    ]


@pytest.mark.slow
def test_elasticache_replication_group_in_sync_then_changed(aws_endpoint: str) -> None:
    ec = aws(aws_endpoint, "elasticache")
    group = ec.create_replication_group(
        ReplicationGroupId="sessions",
        ReplicationGroupDescription="session store",
        Engine="redis",
        CacheNodeType="cache.t3.micro",
        NumCacheClusters=1,
        AtRestEncryptionEnabled=True,
        SnapshotRetentionLimit=5,
    )["ReplicationGroup"]
    inv = state(
        (
            "aws_elasticache_replication_group",
            "sessions",
            {
                "id": "sessions",
                "apply_immediately": None,
                "arn": group.get("ARN", f"arn:aws:elasticache:{REGION}:{ACCOUNT}:replicationgroup:sessions"),
                "at_rest_encryption_enabled": True,
                "auth_token": None,
                "automatic_failover_enabled": False,
                "description": "session store",
                "engine": "redis",
                "engine_version": "7.1",
                "engine_version_actual": "7.1.0",
                "kms_key_id": "",
                "multi_az_enabled": False,
                "node_type": "cache.t3.micro",
                "num_cache_clusters": 1,
                "num_node_groups": 1,
                "parameter_group_name": "default.redis7",
                "port": 6379,
                "replication_group_id": "sessions",
                "snapshot_retention_limit": 5,
                "snapshot_window": group.get("SnapshotWindow", ""),
                "tags": {},
                "tags_all": {},
                "transit_encryption_enabled": False,
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_elasticache_replication_group")
    # The local endpoint cannot modify a replication group: a tag added by hand instead.
    ec.add_tags_to_resource(ResourceName=inv.resources[0].attrs["arn"], Tags=[{"Key": "team", "Value": "x"}])
    assert drift(aws_endpoint, inv, "aws_elasticache_replication_group") == [
        ("DRIFT-CHANGED", "aws_elasticache_replication_group.sessions", "tags.team")
    ]
