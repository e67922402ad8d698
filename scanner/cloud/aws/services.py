"""Records of the smaller services → Terraform types: Lambda, KMS, CloudTrail, DynamoDB, SQS, SNS,
EKS, ECR, CloudWatch Logs, ELBv2 and RDS."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.iam import document
from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text, truthy
from scanner.model import Resource

KMS_GONE_STATES = frozenset({"PendingDeletion", "PendingReplicaDeletion"})


def convert_lambda(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["FunctionName"])
    env = (d.get("Environment") or {}).get("Variables")
    attrs: dict[str, Any] = {
        "function_name": name,
        "arn": text(d.get("FunctionArn")),
        "runtime": text(d.get("Runtime")),
        "handler": text(d.get("Handler")),
        "role": text(d.get("Role")),
        "memory_size": d.get("MemorySize", 128),
        "timeout": d.get("Timeout", 3),
        "description": text(d.get("Description")),
        "package_type": text(d.get("PackageType") or "Zip"),
        "architectures": list(d.get("Architectures") or ["x86_64"]),
        "environment": [{"variables": dict(sorted(env.items()))}] if env else [],
        "kms_key_arn": text(d.get("KMSKeyArn")),
        "tracing_config": [{"mode": text((d.get("TracingConfig") or {}).get("Mode") or "PassThrough")}],
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    # Environment variables often hold secrets: never print their values.
    return [live("aws_lambda_function", name, attrs, record.region, sensitive=("environment",))]


def convert_kms_key(record: Record) -> list[Resource]:
    meta = record.extras.get("metadata") or {}
    if meta.get("KeyState") in KMS_GONE_STATES:
        return []
    key_id = str(record.data["KeyId"])
    attrs: dict[str, Any] = {"key_id": key_id, "arn": text(record.data.get("KeyArn"))}
    if meta:
        attrs.update(
            {
                "description": text(meta.get("Description")),
                "key_usage": text(meta.get("KeyUsage")),
                "customer_master_key_spec": text(meta.get("KeySpec") or meta.get("CustomerMasterKeySpec")),
                "is_enabled": bool(meta.get("Enabled", True)),
                "multi_region": bool(meta.get("MultiRegion", False)),
            }
        )
    present(record.extras, attrs, "enable_key_rotation", "rotation", bool(record.extras.get("rotation")))
    present(record.extras, attrs, "policy", "policy", document(record.extras.get("policy")))
    tags = tag_map(record.extras.get("tags"), "TagKey", "TagValue")
    present(record.extras, attrs, "tags", "tags", tags)
    default = meta.get("KeyManager") == "AWS"
    return [
        live("aws_kms_key", key_id, attrs, record.region, cloud_id=attrs["arn"] or key_id, default=default)
    ]


def convert_trail(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["Name"])
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("TrailARN")),
        "s3_bucket_name": text(d.get("S3BucketName")),
        "s3_key_prefix": text(d.get("S3KeyPrefix")),
        "include_global_service_events": bool(d.get("IncludeGlobalServiceEvents", True)),
        "is_multi_region_trail": bool(d.get("IsMultiRegionTrail", False)),
        "is_organization_trail": bool(d.get("IsOrganizationTrail", False)),
        "enable_log_file_validation": bool(d.get("LogFileValidationEnabled", False)),
        "kms_key_id": text(d.get("KmsKeyId")),
        "cloud_watch_logs_group_arn": text(d.get("CloudWatchLogsLogGroupArn")),
        "cloud_watch_logs_role_arn": text(d.get("CloudWatchLogsRoleArn")),
        "sns_topic_name": text(d.get("SnsTopicName")),
        "home_region": text(d.get("HomeRegion")),
    }
    if record.extras.get("status") is not None:
        attrs["enable_logging"] = bool(record.extras["status"].get("IsLogging", False))
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_cloudtrail", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_dynamodb_table(record: Record) -> list[Resource]:
    table = record.extras.get("table")
    if not table:
        return []
    name = str(table["TableName"])
    keys = {k["KeyType"]: k["AttributeName"] for k in table.get("KeySchema", [])}
    billing = text((table.get("BillingModeSummary") or {}).get("BillingMode") or "PROVISIONED")
    stream = table.get("StreamSpecification") or {}
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(table.get("TableArn")),
        "billing_mode": billing,
        "hash_key": text(keys.get("HASH")),
        "range_key": text(keys.get("RANGE")),
        "attribute": sorted(
            (
                {"name": a["AttributeName"], "type": a["AttributeType"]}
                for a in table.get("AttributeDefinitions", [])
            ),
            key=lambda a: str(a["name"]),
        ),
        "stream_enabled": bool(stream.get("StreamEnabled", False)),
        "stream_view_type": text(stream.get("StreamViewType")),
    }
    if billing == "PROVISIONED":
        throughput = table.get("ProvisionedThroughput") or {}
        attrs["read_capacity"] = throughput.get("ReadCapacityUnits", 0)
        attrs["write_capacity"] = throughput.get("WriteCapacityUnits", 0)
    if "pitr" in record.extras:
        attrs["point_in_time_recovery"] = [{"enabled": record.extras["pitr"] == "ENABLED"}]
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_dynamodb_table", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_sqs_queue(record: Record) -> list[Resource]:
    url = str(record.data)
    a = record.extras.get("attributes")
    if a is None:
        return []
    attrs: dict[str, Any] = {
        "url": url,
        "name": url.rstrip("/").rsplit("/", 1)[-1],
        "arn": text(a.get("QueueArn")),
        "visibility_timeout_seconds": int(a.get("VisibilityTimeout", 30)),
        "message_retention_seconds": int(a.get("MessageRetentionPeriod", 345600)),
        "max_message_size": int(a.get("MaximumMessageSize", 262144)),
        "delay_seconds": int(a.get("DelaySeconds", 0)),
        "receive_wait_time_seconds": int(a.get("ReceiveMessageWaitTimeSeconds", 0)),
        "fifo_queue": truthy(a.get("FifoQueue", False)),
        "content_based_deduplication": truthy(a.get("ContentBasedDeduplication", False)),
        "policy": text(a.get("Policy")),
        "kms_master_key_id": text(a.get("KmsMasterKeyId")),
        "sqs_managed_sse_enabled": truthy(a.get("SqsManagedSseEnabled", False)),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_sqs_queue", url, attrs, record.region, cloud_id=url)]


def convert_sns_topic(record: Record) -> list[Resource]:
    arn = str(record.data["TopicArn"])
    a = record.extras.get("attributes") or {}
    attrs: dict[str, Any] = {"arn": arn, "name": arn.rsplit(":", 1)[-1]}
    if "attributes" in record.extras:
        attrs.update(
            {
                "display_name": text(a.get("DisplayName")),
                "policy": text(a.get("Policy")),
                "kms_master_key_id": text(a.get("KmsMasterKeyId")),
                "fifo_topic": truthy(a.get("FifoTopic", False)),
            }
        )
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_sns_topic", arn, attrs, record.region)]


def convert_eks_cluster(record: Record) -> list[Resource]:
    c = record.extras.get("cluster")
    if not c:
        return []
    name = str(c["name"])
    vpc = c.get("resourcesVpcConfig") or {}
    logging = [
        t
        for s in (c.get("logging") or {}).get("clusterLogging", [])
        if s.get("enabled")
        for t in s.get("types", [])
    ]
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(c.get("arn")),
        "role_arn": text(c.get("roleArn")),
        "version": text(c.get("version")),
        "enabled_cluster_log_types": sorted(logging),
        "vpc_config": [
            {
                "subnet_ids": sorted(vpc.get("subnetIds", [])),
                "security_group_ids": sorted(vpc.get("securityGroupIds", [])),
                "endpoint_private_access": bool(vpc.get("endpointPrivateAccess", False)),
                "endpoint_public_access": bool(vpc.get("endpointPublicAccess", True)),
                "public_access_cidrs": sorted(vpc.get("publicAccessCidrs", ["0.0.0.0/0"])),
            }
        ],
        "tags": tag_map(c.get("tags")),
    }
    return [live("aws_eks_cluster", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_ecr_repository(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["repositoryName"])
    enc = d.get("encryptionConfiguration") or {}
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("repositoryArn")),
        "registry_id": text(d.get("registryId")),
        "repository_url": text(d.get("repositoryUri")),
        "image_tag_mutability": text(d.get("imageTagMutability") or "MUTABLE"),
        "image_scanning_configuration": [
            {"scan_on_push": bool((d.get("imageScanningConfiguration") or {}).get("scanOnPush", False))}
        ],
        "encryption_configuration": [
            {
                "encryption_type": text(enc.get("encryptionType") or "AES256"),
                "kms_key": text(enc.get("kmsKey")),
            }
        ],
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_ecr_repository", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_log_group(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["logGroupName"])
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("arn")).removesuffix(":*"),
        "retention_in_days": int(d.get("retentionInDays", 0) or 0),
        "kms_key_id": text(d.get("kmsKeyId")),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_cloudwatch_log_group", name, attrs, record.region, cloud_id=attrs["arn"] or name)]


def convert_load_balancer(record: Record) -> list[Resource]:
    d = record.data
    arn = str(d["LoadBalancerArn"])
    attrs: dict[str, Any] = {
        "arn": arn,
        "name": text(d.get("LoadBalancerName")),
        "internal": d.get("Scheme") == "internal",
        "load_balancer_type": text(d.get("Type") or "application"),
        "security_groups": sorted(d.get("SecurityGroups", [])),
        "subnets": sorted(z["SubnetId"] for z in d.get("AvailabilityZones", []) if z.get("SubnetId")),
        "dns_name": text(d.get("DNSName")),
        "zone_id": text(d.get("CanonicalHostedZoneId")),
        "ip_address_type": text(d.get("IpAddressType") or "ipv4"),
        "vpc_id": text(d.get("VpcId")),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_lb", arn, attrs, record.region)]


def convert_db_instance(record: Record) -> list[Resource]:
    d = record.data
    identifier = str(d["DBInstanceIdentifier"])
    attrs: dict[str, Any] = {
        "identifier": identifier,
        "resource_id": text(d.get("DbiResourceId")),
        "arn": text(d.get("DBInstanceArn")),
        "engine": text(d.get("Engine")),
        "engine_version": text(d.get("EngineVersion")),
        "instance_class": text(d.get("DBInstanceClass")),
        "allocated_storage": d.get("AllocatedStorage"),
        "storage_type": text(d.get("StorageType")),
        "storage_encrypted": bool(d.get("StorageEncrypted", False)),
        "kms_key_id": text(d.get("KmsKeyId")),
        "publicly_accessible": bool(d.get("PubliclyAccessible", False)),
        "multi_az": bool(d.get("MultiAZ", False)),
        "backup_retention_period": d.get("BackupRetentionPeriod", 0),
        "deletion_protection": bool(d.get("DeletionProtection", False)),
        "iam_database_authentication_enabled": bool(d.get("IAMDatabaseAuthenticationEnabled", False)),
        "username": text(d.get("MasterUsername")),
        "db_name": text(d.get("DBName")),
        "vpc_security_group_ids": sorted(g["VpcSecurityGroupId"] for g in d.get("VpcSecurityGroups", [])),
        "tags": tag_map(d.get("TagList")),
    }
    tf_id = attrs["resource_id"] or identifier
    return [live("aws_db_instance", tf_id, attrs, record.region, cloud_id=attrs["arn"] or identifier)]
