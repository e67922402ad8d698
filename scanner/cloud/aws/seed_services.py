"""Creators for compute, data, IAM and storage types (see ``seed_types`` for the contract)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from scanner.cloud.aws.seed_types import Clients, ec2_tags, id_map, policy_text, sval, tag_list

DUMMY_PASSWORD = "iacscan-demo-password-1"  # the state never holds the real one (it is sensitive)


def instance(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    kwargs: dict[str, Any] = {
        "ImageId": sval(a.get("ami")) or "ami-12c6146b",
        "InstanceType": sval(a.get("instance_type")) or "t3.micro",
        "MinCount": 1,
        "MaxCount": 1,
        "EbsOptimized": bool(a.get("ebs_optimized")),
        "Monitoring": {"Enabled": bool(a.get("monitoring"))},
    }
    if sval(a.get("subnet_id")):
        kwargs["SubnetId"] = a["subnet_id"]
    if a.get("vpc_security_group_ids"):
        kwargs["SecurityGroupIds"] = list(a["vpc_security_group_ids"])
    if sval(a.get("iam_instance_profile")):
        kwargs["IamInstanceProfile"] = {"Name": a["iam_instance_profile"]}
    if sval(a.get("private_ip")):
        kwargs["PrivateIpAddress"] = a["private_ip"]
    if sval(a.get("key_name")):
        with contextlib.suppress(ClientError):
            ec2.create_key_pair(KeyName=a["key_name"])
        kwargs["KeyName"] = a["key_name"]
    meta = (a.get("metadata_options") or [None])[0]
    if isinstance(meta, Mapping) and sval(meta.get("http_tokens")):
        kwargs["MetadataOptions"] = {
            "HttpTokens": meta["http_tokens"],
            "HttpEndpoint": meta.get("http_endpoint") or "enabled",
            "HttpPutResponseHopLimit": int(meta.get("http_put_response_hop_limit") or 1),
        }
    tags = ec2_tags(a, "instance")
    if tags:
        kwargs["TagSpecifications"] = tags
    out = ec2.run_instances(**kwargs)["Instances"][0]
    return {
        **id_map(a.get("id"), out["InstanceId"]),
        **id_map(a.get("private_ip"), out.get("PrivateIpAddress")),
    }


def ebs_volume(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kwargs: dict[str, Any] = {
        "AvailabilityZone": a["availability_zone"],
        "Size": int(a.get("size") or 8),
        "VolumeType": sval(a.get("type")) or "gp2",
        "Encrypted": bool(a.get("encrypted")),
    }
    if sval(a.get("kms_key_id")):
        kwargs["KmsKeyId"] = a["kms_key_id"]
    tags = ec2_tags(a, "volume")
    out = c("ec2").create_volume(**kwargs, **({"TagSpecifications": tags} if tags else {}))
    return id_map(a.get("id"), out["VolumeId"])


def db_subnet_group(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    c("rds").create_db_subnet_group(
        DBSubnetGroupName=a["name"],
        DBSubnetGroupDescription=sval(a.get("description")) or "Managed by Terraform",
        SubnetIds=list(a.get("subnet_ids") or []),
        Tags=tag_list(a),
    )
    return {}


def db_instance(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kwargs: dict[str, Any] = {
        "DBInstanceIdentifier": a["identifier"],
        "DBInstanceClass": a["instance_class"],
        "Engine": a["engine"],
        "AllocatedStorage": int(a.get("allocated_storage") or 20),
        "MasterUsername": sval(a.get("username")) or "admin",
        "MasterUserPassword": DUMMY_PASSWORD,
        "StorageEncrypted": bool(a.get("storage_encrypted")),
        "PubliclyAccessible": bool(a.get("publicly_accessible")),
        "MultiAZ": bool(a.get("multi_az")),
        "BackupRetentionPeriod": int(a.get("backup_retention_period") or 0),
        "DeletionProtection": bool(a.get("deletion_protection")),
        "Tags": tag_list(a),
    }
    optional = {
        "EngineVersion": "engine_version",
        "DBName": "db_name",
        "StorageType": "storage_type",
        "DBSubnetGroupName": "db_subnet_group_name",
        "KmsKeyId": "kms_key_id",
    }
    for param, attr in optional.items():
        if sval(a.get(attr)):
            kwargs[param] = a[attr]
    if a.get("vpc_security_group_ids"):
        kwargs["VpcSecurityGroupIds"] = list(a["vpc_security_group_ids"])
    if a.get("iam_database_authentication_enabled"):
        kwargs["EnableIAMDatabaseAuthentication"] = True
    out = c("rds").create_db_instance(**kwargs)["DBInstance"]
    new = out.get("DbiResourceId", "")
    return {
        **id_map(a.get("resource_id"), new),
        **id_map(a.get("id"), new if a.get("id") != a["identifier"] else ""),
    }


def iam_policy(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    out = c("iam").create_policy(
        PolicyName=a["name"],
        Path=sval(a.get("path")) or "/",
        PolicyDocument=policy_text(a["policy"]),
        Description=sval(a.get("description")),
        Tags=tag_list(a),
    )["Policy"]
    return {**id_map(a.get("arn"), out["Arn"]), **id_map(a.get("policy_id"), out.get("PolicyId"))}


def iam_role(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kwargs: dict[str, Any] = {
        "RoleName": a["name"],
        "Path": sval(a.get("path")) or "/",
        "AssumeRolePolicyDocument": policy_text(a["assume_role_policy"]),
        "Tags": tag_list(a),
    }
    if sval(a.get("description")):
        kwargs["Description"] = a["description"]
    if a.get("max_session_duration"):
        kwargs["MaxSessionDuration"] = int(a["max_session_duration"])
    out = c("iam").create_role(**kwargs)["Role"]
    return {**id_map(a.get("arn"), out["Arn"]), **id_map(a.get("unique_id"), out.get("RoleId"))}


def iam_role_policy_attachment(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    c("iam").attach_role_policy(RoleName=a["role"], PolicyArn=a["policy_arn"])
    return {}


def iam_instance_profile(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    iam = c("iam")
    out = iam.create_instance_profile(
        InstanceProfileName=a["name"], Path=sval(a.get("path")) or "/", Tags=tag_list(a)
    )["InstanceProfile"]
    if sval(a.get("role")):
        iam.add_role_to_instance_profile(InstanceProfileName=a["name"], RoleName=a["role"])
    return {**id_map(a.get("arn"), out["Arn"]), **id_map(a.get("unique_id"), out.get("InstanceProfileId"))}


def iam_user(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    out = c("iam").create_user(UserName=a["name"], Path=sval(a.get("path")) or "/", Tags=tag_list(a))["User"]
    return {**id_map(a.get("arn"), out["Arn"]), **id_map(a.get("unique_id"), out.get("UserId"))}


def kms_key(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kms = c("kms")
    kwargs: dict[str, Any] = {
        "Description": sval(a.get("description")),
        "KeyUsage": sval(a.get("key_usage")) or "ENCRYPT_DECRYPT",
        "KeySpec": sval(a.get("customer_master_key_spec")) or "SYMMETRIC_DEFAULT",
        "MultiRegion": bool(a.get("multi_region")),
        "Tags": tag_list(a, "TagKey", "TagValue"),
    }
    if sval(a.get("policy")):
        kwargs["Policy"] = a["policy"]
    meta = kms.create_key(**kwargs)["KeyMetadata"]
    if a.get("enable_key_rotation"):
        kms.enable_key_rotation(KeyId=meta["KeyId"])
    if a.get("is_enabled") is False:
        kms.disable_key(KeyId=meta["KeyId"])
    return {**id_map(a.get("key_id") or a.get("id"), meta["KeyId"]), **id_map(a.get("arn"), meta["Arn"])}


def kms_alias(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    c("kms").create_alias(AliasName=a["name"], TargetKeyId=a["target_key_id"])
    return {}


def log_group(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    logs = c("logs")
    kwargs: dict[str, Any] = {"logGroupName": a["name"]}
    tags = a.get("tags_all") or a.get("tags")
    if tags:
        kwargs["tags"] = dict(tags)
    if sval(a.get("kms_key_id")):
        kwargs["kmsKeyId"] = a["kms_key_id"]
    logs.create_log_group(**kwargs)
    if a.get("retention_in_days"):
        logs.put_retention_policy(logGroupName=a["name"], retentionInDays=int(a["retention_in_days"]))
    return {}


def sqs_queue(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    attributes = {
        "VisibilityTimeout": "visibility_timeout_seconds",
        "MessageRetentionPeriod": "message_retention_seconds",
        "DelaySeconds": "delay_seconds",
        "ReceiveMessageWaitTimeSeconds": "receive_wait_time_seconds",
        "MaximumMessageSize": "max_message_size",
        "Policy": "policy",
        "KmsMasterKeyId": "kms_master_key_id",
    }
    attrs = {k: str(a[v]) for k, v in attributes.items() if a.get(v) not in (None, "")}
    if a.get("fifo_queue"):
        attrs["FifoQueue"] = "true"
    tags = a.get("tags_all") or a.get("tags") or {}
    out = c("sqs").create_queue(QueueName=a["name"], Attributes=attrs, tags=dict(tags))
    return {**id_map(a.get("url"), out["QueueUrl"]), **id_map(a.get("id"), out["QueueUrl"])}


def sns_topic(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    attrs = {"DisplayName": sval(a.get("display_name"))} if sval(a.get("display_name")) else {}
    if sval(a.get("kms_master_key_id")):
        attrs["KmsMasterKeyId"] = a["kms_master_key_id"]
    out = c("sns").create_topic(Name=a["name"], Attributes=attrs, Tags=tag_list(a))
    if sval(a.get("policy")):
        c("sns").set_topic_attributes(
            TopicArn=out["TopicArn"], AttributeName="Policy", AttributeValue=a["policy"]
        )
    return id_map(a.get("arn"), out["TopicArn"])


def dynamodb_table(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    keys = [{"AttributeName": a["hash_key"], "KeyType": "HASH"}]
    if sval(a.get("range_key")):
        keys.append({"AttributeName": a["range_key"], "KeyType": "RANGE"})
    kwargs: dict[str, Any] = {
        "TableName": a["name"],
        "KeySchema": keys,
        "AttributeDefinitions": [
            {"AttributeName": x["name"], "AttributeType": x["type"]} for x in a["attribute"]
        ],
        "BillingMode": sval(a.get("billing_mode")) or "PROVISIONED",
    }
    if kwargs["BillingMode"] == "PROVISIONED":
        kwargs["ProvisionedThroughput"] = {
            "ReadCapacityUnits": int(a.get("read_capacity") or 1),
            "WriteCapacityUnits": int(a.get("write_capacity") or 1),
        }
    if tag_list(a):
        kwargs["Tags"] = tag_list(a)
    out = c("dynamodb").create_table(**kwargs)["TableDescription"]
    return id_map(a.get("arn"), out.get("TableArn"))


def ecr_repository(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    scan = (a.get("image_scanning_configuration") or [{}])[0] or {}
    out = c("ecr").create_repository(
        repositoryName=a["name"],
        imageTagMutability=sval(a.get("image_tag_mutability")) or "MUTABLE",
        imageScanningConfiguration={"scanOnPush": bool(scan.get("scan_on_push"))},
        tags=tag_list(a),
    )["repository"]
    return {
        **id_map(a.get("arn"), out["repositoryArn"]),
        **id_map(a.get("repository_url"), out["repositoryUri"]),
    }
