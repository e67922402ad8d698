"""``aws_ecs_cluster``, ``aws_ecs_service`` (listed per cluster), ``aws_ecs_task_definition``,
``aws_eks_node_group`` (listed per cluster) and ``aws_autoscaling_group``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

ECS_TYPES = ("aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition")
CONTAINERS = [{"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 80}]}]
# What the provider writes to the state after reading the definition back (ECS fills the defaults).
STATE_CONTAINERS = json.dumps(
    [
        {
            "cpu": 0,
            "environment": [],
            "essential": True,
            "image": "nginx:1.27",
            "memory": 256,
            "mountPoints": [],
            "name": "web",
            "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
            "systemControls": [],
            "volumesFrom": [],
        }
    ]
)


def _ecs(endpoint: str) -> dict[str, Any]:
    ecs = aws(endpoint, "ecs")
    cluster = ecs.create_cluster(
        clusterName="apps",
        settings=[{"name": "containerInsights", "value": "enabled"}],
        tags=[{"key": "team", "value": "web"}],
    )["cluster"]["clusterArn"]
    td = ecs.register_task_definition(family="web", containerDefinitions=CONTAINERS, networkMode="bridge")[
        "taskDefinition"
    ]["taskDefinitionArn"]
    service = ecs.create_service(cluster="apps", serviceName="web", taskDefinition="web:1", desiredCount=2)[
        "service"
    ]["serviceArn"]
    return {"cluster": cluster, "td": td, "service": service}


def _ecs_state(ids: dict[str, Any]) -> Any:
    cluster = (
        "aws_ecs_cluster",
        "apps",
        {
            "id": ids["cluster"],
            "arn": ids["cluster"],
            "configuration": [],
            "name": "apps",
            "service_connect_defaults": [],
            "setting": [{"name": "containerInsights", "value": "enabled"}],
            "tags": {"team": "web"},
            "tags_all": {"team": "web"},
        },
    )
    td = (
        "aws_ecs_task_definition",
        "web",
        {
            "id": "web",
            "arn": ids["td"],
            "arn_without_revision": ids["td"].rsplit(":", 1)[0],
            "container_definitions": STATE_CONTAINERS,
            "cpu": "",
            "execution_role_arn": "",
            "family": "web",
            "memory": "",
            "network_mode": "bridge",
            "requires_compatibilities": [],
            "revision": 1,
            "skip_destroy": False,
            "tags": {},
            "tags_all": {},
            "task_role_arn": "",
            "track_latest": False,
        },
    )
    service = (
        "aws_ecs_service",
        "web",
        {
            "id": ids["service"],
            "cluster": ids["cluster"],
            "deployment_maximum_percent": 200,
            "deployment_minimum_healthy_percent": 100,
            "desired_count": 2,
            "enable_ecs_managed_tags": False,
            "enable_execute_command": False,
            "force_new_deployment": None,
            "health_check_grace_period_seconds": 0,
            "iam_role": "",
            "launch_type": "EC2",
            "load_balancer": [],
            "name": "web",
            "network_configuration": [],
            "platform_version": "",
            "propagate_tags": "NONE",
            "scheduling_strategy": "REPLICA",
            "tags": {},
            "tags_all": {},
            "task_definition": "web:1",
            "triggers": {},
            "wait_for_steady_state": False,
        },
    )
    return state(cluster, td, service)


@pytest.mark.slow
def test_ecs_in_sync_then_scaled_and_new_revision(aws_endpoint: str) -> None:
    ids = _ecs(aws_endpoint)
    inv = _ecs_state(ids)
    in_sync(aws_endpoint, inv, *ECS_TYPES)
    ecs = aws(aws_endpoint, "ecs")
    ecs.update_service(cluster="apps", service="web", desiredCount=5)
    ecs.deregister_task_definition(taskDefinition="web:1")
    ecs.register_task_definition(family="web", containerDefinitions=CONTAINERS, networkMode="bridge")
    assert drift(aws_endpoint, inv, *ECS_TYPES) == [
        ("DRIFT-CHANGED", "aws_ecs_service.web", "desired_count"),
        ("DRIFT-DELETED", "aws_ecs_task_definition.web", ""),
        ("DRIFT-UNMANAGED", "aws_ecs_task_definition.web:2", ""),
    ]


def test_service_of_a_deleted_cluster_is_deleted(aws_endpoint: str) -> None:
    ids = _ecs(aws_endpoint)
    inv = _ecs_state(ids)
    ecs = aws(aws_endpoint, "ecs")
    ecs.delete_service(cluster="apps", service="web", force=True)
    ecs.delete_cluster(cluster="apps")
    assert drift(aws_endpoint, inv, "aws_ecs_cluster", "aws_ecs_service") == [
        ("DRIFT-DELETED", "aws_ecs_cluster.apps", ""),
        ("DRIFT-DELETED", "aws_ecs_service.web", ""),
    ]


def _eks(endpoint: str) -> tuple[str, list[str]]:
    ec2, eks = aws(endpoint, "ec2"), aws(endpoint, "eks")
    vpc = ec2.create_vpc(CidrBlock="10.10.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.10.{i}.0/24")["Subnet"]["SubnetId"] for i in (1, 2)
    ]
    role = f"arn:aws:iam::{ACCOUNT}:role/eks"
    eks.create_cluster(name="main", roleArn=role, resourcesVpcConfig={"subnetIds": subnets})
    ng = eks.create_nodegroup(
        clusterName="main",
        nodegroupName="workers",
        nodeRole=f"arn:aws:iam::{ACCOUNT}:role/nodes",
        subnets=subnets,
        scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 2},
        instanceTypes=["t3.medium"],
        labels={"pool": "general"},
        tags={"team": "platform"},
    )["nodegroup"]
    return str(ng["nodegroupArn"]), subnets


@pytest.mark.slow
def test_eks_node_group_in_sync_then_resized(aws_endpoint: str) -> None:
    arn, subnets = _eks(aws_endpoint)
    ng = aws(aws_endpoint, "eks").describe_nodegroup(clusterName="main", nodegroupName="workers")["nodegroup"]
    inv = state(
        (
            "aws_eks_node_group",
            "workers",
            {
                "id": "main:workers",
                "ami_type": ng.get("amiType", ""),
                "arn": arn,
                "capacity_type": ng.get("capacityType", ""),
                "cluster_name": "main",
                "disk_size": ng.get("diskSize", 0),
                "force_update_version": None,
                "instance_types": ["t3.medium"],
                "labels": {"pool": "general"},
                "launch_template": [],
                "node_group_name": "workers",
                "node_group_name_prefix": "",
                "node_role_arn": f"arn:aws:iam::{ACCOUNT}:role/nodes",
                "release_version": ng.get("releaseVersion", ""),
                "remote_access": [],
                "resources": [],
                "scaling_config": [{"desired_size": 2, "max_size": 3, "min_size": 1}],
                "status": "ACTIVE",
                "subnet_ids": list(reversed(subnets)),
                "tags": {"team": "platform"},
                "tags_all": {"team": "platform"},
                "taint": [],
                "timeouts": None,
                "update_config": [],
                "version": ng.get("version", ""),
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_eks_node_group")
    aws(aws_endpoint, "eks").update_nodegroup_config(
        clusterName="main",
        nodegroupName="workers",
        scalingConfig={"minSize": 1, "maxSize": 6, "desiredSize": 2},
    )
    assert drift(aws_endpoint, inv, "aws_eks_node_group") == [
        ("DRIFT-CHANGED", "aws_eks_node_group.workers", "scaling_config[0].max_size")
    ]


def test_node_group_of_a_deleted_cluster_is_deleted(aws_endpoint: str) -> None:
    arn, _ = _eks(aws_endpoint)
    inv = state(("aws_eks_node_group", "workers", {"id": "main:workers", "arn": arn, "cluster_name": "main"}))
    eks = aws(aws_endpoint, "eks")
    eks.delete_nodegroup(clusterName="main", nodegroupName="workers")
    eks.delete_cluster(name="main")
    assert drift(aws_endpoint, inv, "aws_eks_node_group") == [
        ("DRIFT-DELETED", "aws_eks_node_group.workers", "")
    ]


def test_autoscaling_group_in_sync_then_changed(aws_endpoint: str) -> None:
    ec2 = aws(aws_endpoint, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.11.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.11.1.0/24", AvailabilityZone="us-east-1a")["Subnet"][
        "SubnetId"
    ]
    lt = ec2.create_launch_template(
        LaunchTemplateName="web", LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"}
    )["LaunchTemplate"]["LaunchTemplateId"]
    asg = aws(aws_endpoint, "autoscaling")
    asg.create_auto_scaling_group(
        AutoScalingGroupName="web",
        MinSize=1,
        MaxSize=4,
        DesiredCapacity=2,
        LaunchTemplate={"LaunchTemplateId": lt, "Version": "$Latest"},
        VPCZoneIdentifier=subnet,
        Tags=[{"Key": "app", "Value": "web", "PropagateAtLaunch": True}],
    )
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["web"])["AutoScalingGroups"][0]
    inv = state(
        (
            "aws_autoscaling_group",
            "web",
            {
                "id": "web",
                "arn": group["AutoScalingGroupARN"],
                "availability_zones": [f"{REGION}a"],
                "capacity_rebalance": False,
                "default_cooldown": 300,
                "desired_capacity": 2,
                "force_delete": False,
                "health_check_grace_period": 300,
                "health_check_type": "EC2",
                "launch_configuration": "",
                "launch_template": [{"id": lt, "name": "web", "version": "$Latest"}],
                "load_balancers": [],
                "max_instance_lifetime": 0,
                "max_size": 4,
                "min_size": 1,
                "name": "web",
                "name_prefix": "",
                "protect_from_scale_in": False,
                "service_linked_role_arn": group.get("ServiceLinkedRoleARN", ""),
                "tag": [{"key": "app", "propagate_at_launch": True, "value": "web"}],
                "target_group_arns": [],
                "termination_policies": group.get("TerminationPolicies", []),
                "vpc_zone_identifier": [subnet],
                "wait_for_capacity_timeout": "10m",
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_autoscaling_group")
    asg.update_auto_scaling_group(AutoScalingGroupName="web", MaxSize=10)
    assert drift(aws_endpoint, inv, "aws_autoscaling_group") == [
        ("DRIFT-CHANGED", "aws_autoscaling_group.web", "max_size")
    ]
