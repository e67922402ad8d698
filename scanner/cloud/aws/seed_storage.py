"""Creators for S3 (bucket and the v4 split settings), CloudTrail and load balancers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scanner.cloud.aws.seed_types import Clients, id_map, policy_text, sval, tag_list


def _first(value: Any) -> Mapping[str, Any]:
    if isinstance(value, list) and value and isinstance(value[0], Mapping):
        return value[0]
    return {}


def _sse_rules(rules: Any) -> list[dict[str, Any]]:
    out = []
    for rule in rules or []:
        default = _first(rule.get("apply_server_side_encryption_by_default"))
        by_default: dict[str, Any] = {"SSEAlgorithm": sval(default.get("sse_algorithm")) or "AES256"}
        if sval(default.get("kms_master_key_id")):
            by_default["KMSMasterKeyID"] = default["kms_master_key_id"]
        out.append(
            {
                "ApplyServerSideEncryptionByDefault": by_default,
                "BucketKeyEnabled": bool(rule.get("bucket_key_enabled")),
            }
        )
    return out


def _versioning(s3: Any, bucket: str, status: str) -> None:
    if status in ("Enabled", "Suspended"):
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": status})


def s3_bucket(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    """The bucket and its inline (v3-style) settings, when the state holds them."""
    s3 = c("s3")
    name = a.get("bucket") or a["id"]
    kwargs: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":
        kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**kwargs)
    if tag_list(a):
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": tag_list(a)})
    if _first(a.get("versioning")).get("enabled"):
        _versioning(s3, name, "Enabled")
    sse = _first(a.get("server_side_encryption_configuration"))
    if sse.get("rule"):
        rules = _sse_rules(sse["rule"])
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
    log = _first(a.get("logging"))
    if sval(log.get("target_bucket")):
        _logging(s3, name, log)
    if sval(a.get("policy")):
        s3.put_bucket_policy(Bucket=name, Policy=a["policy"])
    return {}


def _logging(s3: Any, bucket: str, log: Mapping[str, Any]) -> None:
    target = {"TargetBucket": log["target_bucket"], "TargetPrefix": sval(log.get("target_prefix"))}
    s3.put_bucket_logging(Bucket=bucket, BucketLoggingStatus={"LoggingEnabled": target})


def s3_bucket_versioning(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    _versioning(c("s3"), a["bucket"], sval(_first(a.get("versioning_configuration")).get("status")))
    return {}


def s3_bucket_sse(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    rules = _sse_rules(a.get("rule"))
    if rules:
        c("s3").put_bucket_encryption(Bucket=a["bucket"], ServerSideEncryptionConfiguration={"Rules": rules})
    return {}


def s3_bucket_public_access_block(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    config = {
        "BlockPublicAcls": bool(a.get("block_public_acls")),
        "IgnorePublicAcls": bool(a.get("ignore_public_acls")),
        "BlockPublicPolicy": bool(a.get("block_public_policy")),
        "RestrictPublicBuckets": bool(a.get("restrict_public_buckets")),
    }
    c("s3").put_public_access_block(Bucket=a["bucket"], PublicAccessBlockConfiguration=config)
    return {}


def s3_bucket_policy(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    c("s3").put_bucket_policy(Bucket=a["bucket"], Policy=policy_text(a["policy"]))
    return {}


def s3_bucket_logging(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    _logging(c("s3"), a["bucket"], a)
    return {}


def cloudtrail(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    trail = c("cloudtrail")
    kwargs: dict[str, Any] = {
        "Name": a["name"],
        "S3BucketName": a["s3_bucket_name"],
        "IncludeGlobalServiceEvents": bool(a.get("include_global_service_events", True)),
        "IsMultiRegionTrail": bool(a.get("is_multi_region_trail")),
        "EnableLogFileValidation": bool(a.get("enable_log_file_validation")),
        "TagsList": tag_list(a),
    }
    optional = {
        "S3KeyPrefix": "s3_key_prefix",
        "KmsKeyId": "kms_key_id",
        "SnsTopicName": "sns_topic_name",
        "CloudWatchLogsLogGroupArn": "cloud_watch_logs_group_arn",
        "CloudWatchLogsRoleArn": "cloud_watch_logs_role_arn",
    }
    kwargs.update({p: a[k] for p, k in optional.items() if sval(a.get(k))})
    out = trail.create_trail(**kwargs)
    if a.get("enable_logging", True):
        trail.start_logging(Name=a["name"])
    return id_map(a.get("arn"), out.get("TrailARN"))


def load_balancer(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kwargs: dict[str, Any] = {
        "Name": a["name"],
        "Subnets": list(a.get("subnets") or []),
        "Scheme": "internal" if a.get("internal") else "internet-facing",
        "Type": sval(a.get("load_balancer_type")) or "application",
        "IpAddressType": sval(a.get("ip_address_type")) or "ipv4",
        "Tags": tag_list(a),
    }
    if a.get("security_groups"):
        kwargs["SecurityGroups"] = list(a["security_groups"])
    out = c("elbv2").create_load_balancer(**kwargs)["LoadBalancers"][0]
    return {
        **id_map(a.get("arn"), out["LoadBalancerArn"]),
        **id_map(a.get("id"), out["LoadBalancerArn"]),
        **id_map(a.get("dns_name"), out.get("DNSName")),
        **id_map(a.get("zone_id"), out.get("CanonicalHostedZoneId")),
    }
