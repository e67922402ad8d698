"""Pulumi AWS names → Terraform AWS provider names, so every policy applies unchanged.

Pulumi's AWS provider is generated from Terraform's, so the mapping is mostly mechanical:

- type tokens ``aws:<module>/<camelName>:<TypeName>`` → ``aws_<module>_<type_name>``, with a table
  for the tokens the bridge renamed (``aws:ec2/securityGroup:SecurityGroup`` → ``aws_security_group``)
  and for whole modules whose Terraform types carry no module prefix (most of ``ec2``);
- property names camelCase → snake_case, with a table for the list blocks the bridge pluralised
  (``ingress`` stays, ``lifecycleRules`` → ``lifecycle_rule``, ``rules`` → ``rule``);
- blocks that Pulumi flattens to one object (``versioning: {enabled: true}``) become the one-element
  lists Terraform has (``versioning: [{enabled: true}]``); map-typed properties (``tags``) keep their
  keys and stay maps.
"""

from __future__ import annotations

import re
from typing import Any

# Exact type tokens whose Terraform name is not aws_<module>_<snake type>.
TYPE_EXCEPTIONS: dict[str, str] = {
    "aws:s3/bucket:Bucket": "aws_s3_bucket",
    "aws:s3/bucketV2:BucketV2": "aws_s3_bucket",
    "aws:s3/bucketObject:BucketObject": "aws_s3_bucket_object",
    "aws:s3/bucketObjectv2:BucketObjectv2": "aws_s3_object",
    "aws:ec2/instance:Instance": "aws_instance",
    "aws:rds/instance:Instance": "aws_db_instance",
    "aws:rds/subnetGroup:SubnetGroup": "aws_db_subnet_group",
    "aws:rds/parameterGroup:ParameterGroup": "aws_db_parameter_group",
    "aws:rds/optionGroup:OptionGroup": "aws_db_option_group",
    "aws:rds/snapshot:Snapshot": "aws_db_snapshot",
    "aws:rds/eventSubscription:EventSubscription": "aws_db_event_subscription",
    "aws:rds/proxy:Proxy": "aws_db_proxy",
    "aws:rds/clusterSnapshot:ClusterSnapshot": "aws_db_cluster_snapshot",
    "aws:rds/snapshotCopy:SnapshotCopy": "aws_db_snapshot_copy",
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": (
        "aws_db_instance_automated_backups_replication"
    ),
    "aws:cloudtrail/trail:Trail": "aws_cloudtrail",
    "aws:lb/loadBalancer:LoadBalancer": "aws_lb",
    "aws:alb/loadBalancer:LoadBalancer": "aws_alb",
    "aws:elb/loadBalancer:LoadBalancer": "aws_elb",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": "aws_iam_openid_connect_provider",
    "aws:cfg/recorder:Recorder": "aws_config_configuration_recorder",
    "aws:cfg/recorderStatus:RecorderStatus": "aws_config_configuration_recorder_status",
    "aws:cfg/deliveryChannel:DeliveryChannel": "aws_config_delivery_channel",
    "aws:cfg/rule:Rule": "aws_config_config_rule",
    "aws:cloudwatch/eventBus:EventBus": "aws_cloudwatch_event_bus",
    "aws:ec2/amiCopy:AmiCopy": "aws_ami_copy",
    "aws:ec2transitgateway/transitGateway:TransitGateway": "aws_ec2_transit_gateway",
    "aws:elasticsearch/domain:Domain": "aws_elasticsearch_domain",
    "aws:appsync/graphQLApi:GraphQLApi": "aws_appsync_graphql_api",
    "aws:elb/loadBalancerPolicy:LoadBalancerPolicy": "aws_load_balancer_policy",
}

# Pulumi module → Terraform prefix, where they differ.
MODULE_PREFIX: dict[str, str] = {
    "ec2": "",  # aws:ec2/vpc:Vpc → aws_vpc; the ec2_-prefixed types are listed below
    "apigateway": "api_gateway",
    "cfg": "config",
    "ec2transitgateway": "ec2_transit_gateway",
    "ec2clientvpn": "ec2_client_vpn",
    "cognito": "cognito",
    "directoryservice": "directory_service",
    "servicediscovery": "service_discovery",
    "elasticbeanstalk": "elastic_beanstalk",
    "secretsmanager": "secretsmanager",
    "cloudwatch": "cloudwatch",
}

# ec2 types whose Terraform name keeps the ec2_ prefix.
EC2_PREFIXED = frozenset(
    {
        "availabilityZoneGroup",
        "capacityReservation",
        "fleet",
        "host",
        "instanceMetadataDefaults",
        "managedPrefixList",
        "managedPrefixListEntry",
        "serialConsoleAccess",
        "tag",
        "trafficMirrorFilter",
        "trafficMirrorFilterRule",
        "trafficMirrorSession",
        "trafficMirrorTarget",
    }
)

# Pulumi property name → Terraform attribute name where snake_case alone is wrong (the bridge
# pluralises list blocks with more than one item allowed).
PROPERTY_EXCEPTIONS: dict[str, str] = {
    "loggings": "logging",
    "lifecycleRules": "lifecycle_rule",
    "corsRules": "cors_rule",
    "grants": "grant",
    "rules": "rule",
    "ebsBlockDevices": "ebs_block_device",
    "ephemeralBlockDevices": "ephemeral_block_device",
    "networkInterfaces": "network_interface",
    "encryptionConfigurations": "encryption_configuration",
    "eventSelectors": "event_selector",
    "advancedEventSelectors": "advanced_event_selector",
    "insightSelectors": "insight_selector",
    "fieldSelectors": "field_selector",
    "dataResources": "data_resource",
    "inlinePolicies": "inline_policy",
    "attributes": "attribute",
    "globalSecondaryIndexes": "global_secondary_index",
    "localSecondaryIndexes": "local_secondary_index",
    "subnetMappings": "subnet_mapping",
    "defaultActions": "default_action",
    "statements": "statement",
    "principals": "principals",
    "conditions": "condition",
    "routes": "route",
    "transitions": "transition",
    "noncurrentVersionTransitions": "noncurrent_version_transition",
    "expirations": "expiration",
    "filters": "filter",
    "destinations": "destination",
    "applyServerSideEncryptionByDefaults": "apply_server_side_encryption_by_default",
    "parameters": "parameter",
    "origins": "origin",
    "orderedCacheBehaviors": "ordered_cache_behavior",
    "actions": "action",
    "logSettings": "log_setting",
    # aws:s3/bucketV2 (pulumi-aws v6) lists its inline configuration blocks under plural names
    "versionings": "versioning",
    "serverSideEncryptionConfigurations": "server_side_encryption_configuration",
    "websites": "website",
    "replicationConfigurations": "replication_configuration",
    "targetFailovers": "target_failover",
    "targetHealthStates": "target_health_state",
    "listenerEndpoints": "listener_endpoint",
    "masterUserSecrets": "master_user_secret",
    "securityGroupRules": "security_group_rule",
}

# Map-typed properties: their keys are data (tag names...), never renamed, and they stay maps.
MAP_PROPERTIES = frozenset(
    {
        "tags",
        "tagsAll",
        "variables",
        "labels",
        "dimensions",
        "metadata",
        "defaultArguments",
        "advancedOptions",
        "requestParameters",
        "requestTemplates",
        "responseParameters",
        "responseTemplates",
        "stageVariables",
        "inputPaths",
        "outputs",
        "triggers",
        "environmentVariables",
    }
)

# Per-type: properties that hold a map although their name is a block list elsewhere.
TYPE_MAP_PROPERTIES: dict[str, frozenset[str]] = {
    "aws_cloudformation_stack": frozenset({"parameters"}),
    "aws_ssm_association": frozenset({"parameters"}),
    "aws_batch_job_definition": frozenset({"parameters"}),
}

_CAMEL_1 = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL_2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_IDENT = re.compile(r"^[a-z][a-zA-Z0-9]*$")


def snake_case(name: str) -> str:
    """``serverSideEncryptionConfiguration`` → ``server_side_encryption_configuration``."""
    return _CAMEL_1.sub(r"\1_\2", _CAMEL_2.sub(r"\1_\2", name)).lower()


def terraform_type(token: str) -> str | None:
    """The Terraform type of a Pulumi ``aws:`` type token; None for non-AWS tokens."""
    if token in TYPE_EXCEPTIONS:
        return TYPE_EXCEPTIONS[token]
    parts = token.split(":")
    if len(parts) != 3 or parts[0] != "aws":
        return None
    module, _, member = parts[1].partition("/")
    type_name = parts[2]
    snake = snake_case(type_name)
    # The split S3 resources are BucketXxxV2 in pulumi-aws v6 and BucketXxx in v7.
    if module == "s3" and snake.endswith("_v2"):
        snake = snake[:-3]
    if module == "ec2" and member in EC2_PREFIXED:
        return f"aws_ec2_{snake}"
    prefix = MODULE_PREFIX.get(module, module)
    return f"aws_{prefix}_{snake}" if prefix else f"aws_{snake}"


def property_name(name: str, value: Any = None) -> str:
    """Terraform name of a Pulumi property. The plural → singular table only applies to lists of
    blocks (``rules: [{...}]``), never to lists of strings or to maps."""
    if name in PROPERTY_EXCEPTIONS and isinstance(value, list) and (not value or isinstance(value[0], dict)):
        return PROPERTY_EXCEPTIONS[name]
    return snake_case(name)


def convert_properties(props: dict[str, Any], tf_type: str = "") -> dict[str, Any]:
    """Pulumi properties → Terraform-shaped attributes (recursively)."""
    maps = TYPE_MAP_PROPERTIES.get(tf_type, frozenset())
    out: dict[str, Any] = {}
    for key in sorted(props):
        if key.startswith("__"):  # __meta, __defaults: bridge bookkeeping
            continue
        value = props[key]
        out[property_name(key, value)] = _convert_value(key, value, maps)
    return out


def _convert_value(key: str, value: Any, maps: frozenset[str]) -> Any:
    if isinstance(value, dict):
        if key in MAP_PROPERTIES or key in maps or not all(_IDENT.match(k) for k in value):
            return value
        return [convert_properties(value)]
    if isinstance(value, list):
        return [convert_properties(v) if _is_block(v) else v for v in value]
    return value


def _is_block(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(_IDENT.match(k) for k in value)
