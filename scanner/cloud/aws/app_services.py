"""Records of smaller application services → ``aws_cloudwatch_metric_alarm``,
``aws_sns_topic_subscription``, ``aws_sqs_queue_policy``, ``aws_kms_alias``,
``aws_secretsmanager_secret``, ``aws_ssm_parameter`` and ``aws_elasticache_replication_group``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text, truthy
from scanner.model import Resource

AWS_MANAGED_ALIAS = "alias/aws/"
PENDING = "PendingConfirmation"


def convert_metric_alarm(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["AlarmName"])
    attrs: dict[str, Any] = {
        "alarm_name": name,
        "arn": text(d.get("AlarmArn")),
        "alarm_description": text(d.get("AlarmDescription")),
        "comparison_operator": text(d.get("ComparisonOperator")),
        "evaluation_periods": d.get("EvaluationPeriods"),
        "datapoints_to_alarm": d.get("DatapointsToAlarm"),
        "metric_name": text(d.get("MetricName")),
        "namespace": text(d.get("Namespace")),
        "period": d.get("Period"),
        "statistic": text(d.get("Statistic")),
        "extended_statistic": text(d.get("ExtendedStatistic")),
        "threshold": d.get("Threshold"),
        "unit": text(d.get("Unit")),
        "treat_missing_data": text(d.get("TreatMissingData") or "missing"),
        "actions_enabled": bool(d.get("ActionsEnabled", True)),
        "alarm_actions": sorted(d.get("AlarmActions") or []),
        "ok_actions": sorted(d.get("OKActions") or []),
        "insufficient_data_actions": sorted(d.get("InsufficientDataActions") or []),
        "dimensions": {text(x.get("Name")): text(x.get("Value")) for x in d.get("Dimensions") or []},
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_cloudwatch_metric_alarm", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_sns_subscription(record: Record) -> list[Resource]:
    d = record.data
    arn = text(d.get("SubscriptionArn"))
    if not arn or arn == PENDING or arn == "Deleted":
        return []  # not confirmed yet: it has no ARN, so no Terraform id to match
    attrs: dict[str, Any] = {
        "arn": arn,
        "topic_arn": text(d.get("TopicArn")),
        "protocol": text(d.get("Protocol")),
        "endpoint": text(d.get("Endpoint")),
        "owner_id": text(d.get("Owner")),
    }
    a = record.extras.get("attributes")
    if a:
        attrs.update(
            {
                "raw_message_delivery": truthy(a.get("RawMessageDelivery", False)),
                "filter_policy": text(a.get("FilterPolicy")),
                "filter_policy_scope": text(a.get("FilterPolicyScope")),
                "delivery_policy": text(a.get("DeliveryPolicy")),
                "redrive_policy": text(a.get("RedrivePolicy")),
                "subscription_role_arn": text(a.get("SubscriptionRoleArn")),
            }
        )
    return [live("aws_sns_topic_subscription", arn, attrs, record.region)]


def convert_sqs_queue_policy(record: Record) -> list[Resource]:
    url = str(record.data)
    policy = text((record.extras.get("attributes") or {}).get("Policy"))
    if not policy:
        return []
    attrs = {"queue_url": url, "policy": policy}
    return [live("aws_sqs_queue_policy", url, attrs, record.region)]


def convert_kms_alias(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["AliasName"])
    if not d.get("TargetKeyId"):
        return []  # a reserved AWS alias not created yet (alias/aws/* before first use)
    attrs = {
        "name": name,
        "arn": text(d.get("AliasArn")),
        "target_key_id": text(d.get("TargetKeyId")),
    }
    default = name.startswith(AWS_MANAGED_ALIAS)
    return [live("aws_kms_alias", name, attrs, record.region, cloud_id=attrs["arn"] or name, default=default)]


def convert_secret(record: Record) -> list[Resource]:
    d = record.data
    arn = str(d["ARN"])
    if d.get("DeletedDate"):
        return []  # scheduled for deletion: Terraform treats it as gone
    attrs: dict[str, Any] = {
        "arn": arn,
        "name": text(d.get("Name")),
        "description": text(d.get("Description")),
        "kms_key_id": text(d.get("KmsKeyId")),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_secretsmanager_secret", arn, attrs, record.region)]


def convert_ssm_parameter(record: Record) -> list[Resource]:
    """Metadata only: the value is never read (DescribeParameters does not return it)."""
    d = record.data
    name = str(d["Name"])
    attrs: dict[str, Any] = {
        "name": name,
        "type": text(d.get("Type")),
        "description": text(d.get("Description")),
        "key_id": text(d.get("KeyId")),
        "tier": text(d.get("Tier") or "Standard"),
        "data_type": text(d.get("DataType") or "text"),
        "allowed_pattern": text(d.get("AllowedPattern")),
        "version": d.get("Version"),
    }
    if d.get("ARN"):  # only in newer DescribeParameters answers
        attrs["arn"] = text(d["ARN"])
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_ssm_parameter", name, attrs, record.region, cloud_id=attrs.get("arn") or name)]


def convert_replication_group(record: Record) -> list[Resource]:
    d = record.data
    if d.get("Status") in ("deleting", "deleted"):
        return []
    rid = str(d["ReplicationGroupId"])
    groups = d.get("NodeGroups") or []
    endpoint = d.get("ConfigurationEndpoint") or (groups[0].get("PrimaryEndpoint") if groups else None) or {}
    attrs: dict[str, Any] = {
        "replication_group_id": rid,
        "arn": text(d.get("ARN")),
        "description": text(d.get("Description")),
        "node_type": text(d.get("CacheNodeType")),
        "num_cache_clusters": len(d.get("MemberClusters") or []),
        "num_node_groups": len(groups),
        "automatic_failover_enabled": d.get("AutomaticFailover") in ("enabled", "enabling"),
        "multi_az_enabled": d.get("MultiAZ") == "enabled",
        "at_rest_encryption_enabled": bool(d.get("AtRestEncryptionEnabled", False)),
        "transit_encryption_enabled": bool(d.get("TransitEncryptionEnabled", False)),
        "auth_token_enabled": bool(d.get("AuthTokenEnabled", False)),
        "kms_key_id": text(d.get("KmsKeyId")),
        "snapshot_retention_limit": d.get("SnapshotRetentionLimit", 0),
        "snapshot_window": text(d.get("SnapshotWindow")),
        "port": endpoint.get("Port"),
        "engine": text(d.get("Engine") or "redis"),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_elasticache_replication_group", rid, attrs, record.region)]
