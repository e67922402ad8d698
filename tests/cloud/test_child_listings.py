"""Child listings read through botocore's Stubber, for what the local endpoint cannot do: a denied
child call fails the type (never DELETED), a stage updated by hand, a parent that vanished between
the two calls."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.stub import Stubber

from scanner.cloud.aws import read_live

REGION = "us-east-1"
FUNCTION = {
    "FunctionName": "api-handler",
    "FunctionArn": f"arn:aws:lambda:{REGION}:123456789012:function:api-handler",
}


class Stubbed:
    """A client factory handing out one stubbed client per service (responses queued in order)."""

    def __init__(self, *services: str) -> None:
        self.clients = {s: boto3.client(s, region_name=REGION) for s in services}  # type: ignore[call-overload]
        self.stubs = {s: Stubber(c) for s, c in self.clients.items()}
        for stub in self.stubs.values():
            stub.activate()

    def client(self, service: str, region: str) -> Any:
        return self.clients[service]


def test_denied_child_call_fails_the_type_instead_of_reporting_deletions() -> None:
    factory = Stubbed("lambda")
    stub = factory.stubs["lambda"]
    stub.add_response("list_functions", {"Functions": [FUNCTION]})
    stub.add_client_error("get_policy", "AccessDeniedException", "not allowed", 403)
    read = read_live(["aws_lambda_permission"], [REGION], factory)
    assert read.failed_types == {"aws_lambda_permission"} and read.read_types == frozenset()
    assert [n.message for n in read.notifications] == [
        f"lambda:GetPolicy in {REGION}: AccessDeniedException not allowed"
    ]


def test_function_gone_between_the_calls_has_no_permissions() -> None:
    factory = Stubbed("lambda")
    stub = factory.stubs["lambda"]
    stub.add_response("list_functions", {"Functions": [FUNCTION, {**FUNCTION, "FunctionName": "other"}]})
    stub.add_client_error("get_policy", "ResourceNotFoundException", "Function not found", 404)
    policy = (
        '{"Version":"2012-10-17","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":'
        '"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:'
        '123456789012:function:other","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"}}}]}'
    )
    stub.add_response("get_policy", {"Policy": policy, "RevisionId": "1"})
    read = read_live(["aws_lambda_permission"], [REGION], factory)
    assert read.read_types == {"aws_lambda_permission"} and not read.notifications
    [permission] = read.inventory.resources
    assert permission.address == "aws_lambda_permission.s3"
    assert permission.cloud_id == "other/s3"
    assert {k: permission.attrs[k] for k in ("function_name", "principal", "source_account")} == {
        "function_name": "other",
        "principal": "s3.amazonaws.com",
        "source_account": "123456789012",
    }


def test_stage_settings_are_read_per_api() -> None:
    factory = Stubbed("apigatewayv2")
    stub = factory.stubs["apigatewayv2"]
    api = {
        "ApiId": "a1",
        "Name": "orders",
        "ProtocolType": "HTTP",
        "RouteSelectionExpression": "$request.method",
    }
    stub.add_response("get_apis", {"Items": [api]})
    stub.add_response(
        "get_stages",
        {
            "Items": [
                {
                    "StageName": "prod",
                    "AutoDeploy": False,
                    "DeploymentId": "d2",
                    "StageVariables": {"mode": "live"},
                    "Tags": {"app": "orders"},
                }
            ]
        },
    )
    read = read_live(["aws_apigatewayv2_stage"], [REGION], factory)
    [stage] = read.inventory.resources
    assert stage.cloud_id == "a1/prod"
    assert {
        k: stage.attrs[k] for k in ("api_id", "name", "auto_deploy", "deployment_id", "stage_variables")
    } == {
        "api_id": "a1",
        "name": "prod",
        "auto_deploy": False,
        "deployment_id": "d2",
        "stage_variables": {"mode": "live"},
    }


ISSUE_12_TYPES = {
    "aws_lambda_permission",
    "aws_iam_role_policy",
    "aws_iam_instance_profile",
    "aws_s3_bucket_cors_configuration",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_apigatewayv2_api",
    "aws_apigatewayv2_integration",
    "aws_apigatewayv2_route",
    "aws_apigatewayv2_stage",
    "aws_api_gateway_rest_api",
    "aws_cloudfront_distribution",
    "aws_cloudfront_origin_access_control",
    "aws_route_table",
    "aws_route_table_association",
    "aws_internet_gateway",
    "aws_nat_gateway",
    "aws_eip",
    "aws_lb_listener",
    "aws_lb_target_group",
    "aws_ecs_cluster",
    "aws_ecs_service",
    "aws_ecs_task_definition",
    "aws_cloudwatch_metric_alarm",
    "aws_sns_topic_subscription",
    "aws_sqs_queue_policy",
    "aws_kms_alias",
    "aws_route53_zone",
    "aws_route53_record",
    "aws_secretsmanager_secret",
    "aws_ssm_parameter",
    "aws_eks_node_group",
    "aws_autoscaling_group",
    "aws_launch_template",
    "aws_acm_certificate",
    "aws_elasticache_replication_group",
    "aws_wafv2_web_acl",
}


def test_at_least_sixty_types_each_with_a_registered_converter() -> None:
    from scanner.cloud.aws.catalog import LISTINGS, supported_types
    from scanner.cloud.aws.readers import CONVERTERS

    assert len(supported_types()) >= 60
    assert supported_types() >= ISSUE_12_TYPES
    assert all(listing.converter in CONVERTERS for listing in LISTINGS)
    assert len({listing.name for listing in LISTINGS}) == len(LISTINGS)
