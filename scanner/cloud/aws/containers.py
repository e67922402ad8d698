"""Container and compute-fleet records → ``aws_ecs_cluster``, ``aws_ecs_service`` (listed per
cluster), ``aws_ecs_task_definition``, ``aws_eks_node_group`` (listed per cluster) and
``aws_autoscaling_group``."""

from __future__ import annotations

import json
from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, tag_map, text
from scanner.model import Resource

ECS_GONE = frozenset({"INACTIVE"})


def _ecs_tags(raw: Any) -> dict[str, str]:
    return tag_map(raw, "key", "value")


def convert_ecs_cluster(record: Record) -> list[Resource]:
    found = record.extras.get("cluster") or []
    if not found or found[0].get("status") in ECS_GONE:
        return []
    c = found[0]
    arn = str(c["clusterArn"])
    attrs: dict[str, Any] = {
        "arn": arn,
        "name": text(c.get("clusterName")),
        "setting": sorted(
            ({"name": text(s.get("name")), "value": text(s.get("value"))} for s in c.get("settings") or []),
            key=lambda s: s["name"],
        ),
        "tags": _ecs_tags(c.get("tags")),
    }
    return [live("aws_ecs_cluster", arn, attrs, record.region)]


def convert_ecs_service(record: Record) -> list[Resource]:
    found = record.extras.get("service") or []
    if not found or found[0].get("status") in ECS_GONE:
        return []
    s = found[0]
    arn = str(s["serviceArn"])
    net = (s.get("networkConfiguration") or {}).get("awsvpcConfiguration") or {}
    deploy = s.get("deploymentConfiguration") or {}
    attrs: dict[str, Any] = {
        "name": text(s.get("serviceName")),
        "cluster": text(s.get("clusterArn")),
        "task_definition": text(s.get("taskDefinition")),
        "desired_count": s.get("desiredCount"),
        "launch_type": text(s.get("launchType")),
        "platform_version": text(s.get("platformVersion")),
        "scheduling_strategy": text(s.get("schedulingStrategy") or "REPLICA"),
        "propagate_tags": text(s.get("propagateTags") or "NONE"),
        "enable_ecs_managed_tags": bool(s.get("enableECSManagedTags", False)),
        "enable_execute_command": bool(s.get("enableExecuteCommand", False)),
        "health_check_grace_period_seconds": s.get("healthCheckGracePeriodSeconds", 0),
        "deployment_maximum_percent": deploy.get("maximumPercent", 200),
        "deployment_minimum_healthy_percent": deploy.get("minimumHealthyPercent", 100),
        "network_configuration": (
            [
                {
                    "subnets": sorted(net.get("subnets") or []),
                    "security_groups": sorted(net.get("securityGroups") or []),
                    "assign_public_ip": net.get("assignPublicIp") == "ENABLED",
                }
            ]
            if net
            else []
        ),
        "load_balancer": sorted(
            (
                {
                    "target_group_arn": text(lb.get("targetGroupArn")),
                    "elb_name": text(lb.get("loadBalancerName")),
                    "container_name": text(lb.get("containerName")),
                    "container_port": lb.get("containerPort"),
                }
                for lb in s.get("loadBalancers") or []
            ),
            key=lambda lb: (lb["target_group_arn"], lb["container_name"]),
        ),
        "tags": _ecs_tags(s.get("tags")),
    }
    return [live("aws_ecs_service", arn, attrs, record.region)]


def convert_ecs_task_definition(record: Record) -> list[Resource]:
    found = record.extras.get("definition") or {}
    td = found.get("taskDefinition")
    if not td or td.get("status") in ECS_GONE:
        return []
    arn = str(td["taskDefinitionArn"])
    attrs: dict[str, Any] = {
        "arn": arn,
        "arn_without_revision": arn.rsplit(":", 1)[0],
        "family": text(td.get("family")),
        "revision": td.get("revision"),
        "container_definitions": json.dumps(td.get("containerDefinitions") or []),
        "cpu": text(td.get("cpu")),
        "memory": text(td.get("memory")),
        "network_mode": text(td.get("networkMode")),
        "requires_compatibilities": sorted(td.get("requiresCompatibilities") or []),
        "execution_role_arn": text(td.get("executionRoleArn")),
        "task_role_arn": text(td.get("taskRoleArn")),
        "tags": _ecs_tags(found.get("tags")),
    }
    # Terraform's id is the family, shared by every ACTIVE revision: the key is the ARN and the live
    # address names the revision (``aws_ecs_task_definition.web:3``).
    name = f"{attrs['family']}:{td.get('revision')}"
    return [live("aws_ecs_task_definition", name, attrs, record.region, cloud_id=arn)]


def convert_eks_node_group(record: Record) -> list[Resource]:
    ng = record.extras.get("nodegroup")
    if not ng:
        return []
    cluster, name = text(ng.get("clusterName")), text(ng.get("nodegroupName"))
    scaling = ng.get("scalingConfig") or {}
    template = ng.get("launchTemplate") or {}
    attrs: dict[str, Any] = {
        "arn": text(ng.get("nodegroupArn")),
        "cluster_name": cluster,
        "node_group_name": name,
        "node_role_arn": text(ng.get("nodeRole")),
        "subnet_ids": sorted(ng.get("subnets") or []),
        "instance_types": list(ng.get("instanceTypes") or []),
        "ami_type": text(ng.get("amiType")),
        "capacity_type": text(ng.get("capacityType")),
        "disk_size": ng.get("diskSize"),
        "version": text(ng.get("version")),
        "release_version": text(ng.get("releaseVersion")),
        "labels": dict(sorted((ng.get("labels") or {}).items())),
        "scaling_config": [
            {
                "desired_size": scaling.get("desiredSize"),
                "max_size": scaling.get("maxSize"),
                "min_size": scaling.get("minSize"),
            }
        ],
        "launch_template": (
            [
                {
                    "id": text(template.get("id")),
                    "name": text(template.get("name")),
                    "version": text(template.get("version")),
                }
            ]
            if template
            else []
        ),
        "tags": dict(sorted((ng.get("tags") or {}).items())),
    }
    return [
        live("aws_eks_node_group", f"{cluster}:{name}", attrs, record.region, cloud_id=attrs["arn"] or None)
    ]


def convert_autoscaling_group(record: Record) -> list[Resource]:
    d = record.data
    if d.get("Status") == "Delete in progress":
        return []
    name = str(d["AutoScalingGroupName"])
    template = d.get("LaunchTemplate") or {}
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("AutoScalingGroupARN")),
        "min_size": d.get("MinSize"),
        "max_size": d.get("MaxSize"),
        "desired_capacity": d.get("DesiredCapacity"),
        "default_cooldown": d.get("DefaultCooldown", 300),
        "health_check_type": text(d.get("HealthCheckType") or "EC2"),
        "health_check_grace_period": d.get("HealthCheckGracePeriod", 300),
        "availability_zones": sorted(d.get("AvailabilityZones") or []),
        "vpc_zone_identifier": sorted(z for z in text(d.get("VPCZoneIdentifier")).split(",") if z),
        "launch_configuration": text(d.get("LaunchConfigurationName")),
        "launch_template": (
            [
                {
                    "id": text(template.get("LaunchTemplateId")),
                    "name": text(template.get("LaunchTemplateName")),
                    "version": text(template.get("Version")),
                }
            ]
            if template
            else []
        ),
        "target_group_arns": sorted(d.get("TargetGroupARNs") or []),
        "load_balancers": sorted(d.get("LoadBalancerNames") or []),
        "termination_policies": list(d.get("TerminationPolicies") or []),
        "capacity_rebalance": bool(d.get("CapacityRebalance", False)),
        "max_instance_lifetime": d.get("MaxInstanceLifetime", 0),
        "protect_from_scale_in": bool(d.get("NewInstancesProtectedFromScaleIn", False)),
        "service_linked_role_arn": text(d.get("ServiceLinkedRoleARN")),
        "tag": sorted(
            (
                {
                    "key": text(t.get("Key")),
                    "value": text(t.get("Value")),
                    "propagate_at_launch": bool(t.get("PropagateAtLaunch", False)),
                }
                for t in d.get("Tags") or []
            ),
            key=lambda t: t["key"],
        ),
    }
    return [live("aws_autoscaling_group", name, attrs, record.region, cloud_id=attrs["arn"] or name)]
