"""``aws_lb_target_group`` and ``aws_lb_listener`` (listed per load balancer)."""

from __future__ import annotations

from typing import Any

from scanner.model import Inventory
from tests.drift.types.harness import aws, drift, in_sync, state

HEALTH = {
    "enabled": True,
    "healthy_threshold": 3,
    "interval": 30,
    "matcher": "200",
    "path": "/health",
    "port": "traffic-port",
    "protocol": "HTTP",
    "timeout": 5,
    "unhealthy_threshold": 3,
}


def _stack(endpoint: str) -> tuple[dict[str, str], Inventory]:
    ec2, elb = aws(endpoint, "ec2"), aws(endpoint, "elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.9.{i}.0/24", AvailabilityZone=f"us-east-1{az}")["Subnet"][
            "SubnetId"
        ]
        for i, az in ((1, "a"), (2, "b"))
    ]
    lb = elb.create_load_balancer(Name="web", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    tg = elb.create_target_group(
        Name="web",
        Protocol="HTTP",
        Port=8080,
        VpcId=vpc,
        HealthCheckPath="/health",
        HealthyThresholdCount=3,
        UnhealthyThresholdCount=3,
        Matcher={"HttpCode": "200"},
    )["TargetGroups"][0]["TargetGroupArn"]
    listener = elb.create_listener(
        LoadBalancerArn=lb,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}],
    )["Listeners"][0]["ListenerArn"]
    group = (
        "aws_lb_target_group",
        "web",
        {
            "id": tg,
            "arn": tg,
            "arn_suffix": tg.split(":")[-1],
            "connection_termination": None,
            "deregistration_delay": "300",
            "health_check": [HEALTH],
            "ip_address_type": "ipv4",
            "lambda_multi_value_headers_enabled": False,
            "load_balancer_arns": [lb],
            "load_balancing_algorithm_type": "round_robin",
            "name": "web",
            "name_prefix": "",
            "port": 8080,
            "protocol": "HTTP",
            "protocol_version": "HTTP1",
            "slow_start": 0,
            "stickiness": [
                {"cookie_duration": 86400, "cookie_name": "", "enabled": False, "type": "lb_cookie"}
            ],
            "tags": {},
            "tags_all": {},
            "target_type": "instance",
            "vpc_id": vpc,
        },
    )
    action = {
        "authenticate_cognito": [],
        "authenticate_oidc": [],
        "fixed_response": [],
        "forward": [],
        "order": 1,
        "redirect": [],
        "target_group_arn": tg,
        "type": "forward",
    }
    http = (
        "aws_lb_listener",
        "http",
        {
            "id": listener,
            "alpn_policy": None,
            "arn": listener,
            "certificate_arn": None,
            "default_action": [action],
            "load_balancer_arn": lb,
            "mutual_authentication": [],
            "port": 80,
            "protocol": "HTTP",
            "ssl_policy": "",
            "tags": {},
            "tags_all": {},
            "timeouts": None,
        },
    )
    return {"lb": lb, "tg": tg, "listener": listener}, state(group, http)


def test_target_group_and_listener_in_sync_then_changed(aws_endpoint: str) -> None:
    ids, inv = _stack(aws_endpoint)
    in_sync(aws_endpoint, inv, "aws_lb_target_group", "aws_lb_listener")
    elb: Any = aws(aws_endpoint, "elbv2")
    elb.modify_target_group(TargetGroupArn=ids["tg"], HealthCheckPath="/")
    elb.modify_listener(
        ListenerArn=ids["listener"],
        DefaultActions=[
            {
                "Type": "fixed-response",
                "FixedResponseConfig": {
                    "StatusCode": "503",
                    "ContentType": "text/plain",
                    "MessageBody": "down",
                },
            }
        ],
    )
    assert drift(aws_endpoint, inv, "aws_lb_target_group", "aws_lb_listener") == [
        ("DRIFT-CHANGED", "aws_lb_listener.http", "default_action[0].fixed_response"),
        ("DRIFT-CHANGED", "aws_lb_listener.http", "default_action[0].target_group_arn"),
        ("DRIFT-CHANGED", "aws_lb_listener.http", "default_action[0].type"),
        ("DRIFT-CHANGED", "aws_lb_target_group.web", "health_check[0].path"),
    ]


def test_listener_of_a_deleted_load_balancer_is_deleted(aws_endpoint: str) -> None:
    ids, inv = _stack(aws_endpoint)
    aws(aws_endpoint, "elbv2").delete_load_balancer(LoadBalancerArn=ids["lb"])
    assert drift(aws_endpoint, inv, "aws_lb_listener") == [("DRIFT-DELETED", "aws_lb_listener.http", "")]
