"""``aws_apigatewayv2_api`` and its integrations, routes and stages (listed per API), and
``aws_api_gateway_rest_api``."""

from __future__ import annotations

from typing import Any

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

V2_TYPES = (
    "aws_apigatewayv2_api",
    "aws_apigatewayv2_integration",
    "aws_apigatewayv2_route",
    "aws_apigatewayv2_stage",
)
FN_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:api-handler"


def _http_api(endpoint: str) -> tuple[dict[str, str], Any]:
    api = aws(endpoint, "apigatewayv2")
    created = api.create_api(
        Name="orders", ProtocolType="HTTP", Description="orders API", Tags={"app": "orders"}
    )
    api_id = created["ApiId"]
    integration = api.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationUri=FN_ARN, PayloadFormatVersion="2.0"
    )
    route = api.create_route(
        ApiId=api_id, RouteKey="GET /orders", Target=f"integrations/{integration['IntegrationId']}"
    )
    api.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    ids = {"api": api_id, "integration": integration["IntegrationId"], "route": route["RouteId"]}
    return ids, _state(ids, created, integration)


def _state(ids: dict[str, str], created: dict[str, Any], integration: dict[str, Any]) -> Any:
    api_id = ids["api"]
    api = (
        "aws_apigatewayv2_api",
        "orders",
        {
            "id": api_id,
            "api_endpoint": created.get("ApiEndpoint", ""),
            "api_key_selection_expression": created.get("ApiKeySelectionExpression", ""),
            "arn": f"arn:aws:apigateway:{REGION}::/apis/{api_id}",
            "body": None,
            "cors_configuration": [],
            "credentials_arn": None,
            "description": "orders API",
            "disable_execute_api_endpoint": False,
            "execution_arn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api_id}",
            "fail_on_warnings": None,
            "name": "orders",
            "protocol_type": "HTTP",
            "route_key": None,
            "route_selection_expression": created.get("RouteSelectionExpression", ""),
            "tags": {"app": "orders"},
            "tags_all": {"app": "orders"},
            "target": None,
            "version": "",
        },
    )
    integ = (
        "aws_apigatewayv2_integration",
        "lambda",
        {
            "id": ids["integration"],
            "api_id": api_id,
            "connection_id": "",
            "connection_type": "INTERNET",
            "content_handling_strategy": "",
            "credentials_arn": "",
            "description": "",
            "integration_method": integration.get("IntegrationMethod", ""),
            "integration_response_selection_expression": "",
            "integration_subtype": "",
            "integration_type": "AWS_PROXY",
            "integration_uri": FN_ARN,
            "passthrough_behavior": "",
            "payload_format_version": "2.0",
            "request_parameters": {},
            "request_templates": {},
            "response_parameters": [],
            "template_selection_expression": "",
            "timeout_milliseconds": integration.get("TimeoutInMillis", 30000),
            "tls_config": [],
        },
    )
    route = (
        "aws_apigatewayv2_route",
        "orders",
        {
            "id": ids["route"],
            "api_id": api_id,
            "api_key_required": False,
            "authorization_scopes": [],
            "authorization_type": "NONE",
            "authorizer_id": "",
            "model_selection_expression": "",
            "operation_name": "",
            "request_models": {},
            "request_parameter": [],
            "route_key": "GET /orders",
            "route_response_selection_expression": "",
            "target": f"integrations/{ids['integration']}",
        },
    )
    stage = (
        "aws_apigatewayv2_stage",
        "default",
        {
            "id": "$default",
            "access_log_settings": [],
            "api_id": api_id,
            "arn": f"arn:aws:apigateway:{REGION}::/apis/{api_id}/stages/$default",
            "auto_deploy": True,
            "client_certificate_id": "",
            "default_route_settings": [],
            "deployment_id": "",
            "description": "",
            "execution_arn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api_id}/$default",
            "invoke_url": f"https://{api_id}.execute-api.{REGION}.amazonaws.com/",
            "name": "$default",
            "route_settings": [],
            "stage_variables": {},
            "tags": {},
            "tags_all": {},
        },
    )
    return state(api, integ, route, stage)


def test_http_api_in_sync_then_each_part_changed(aws_endpoint: str) -> None:
    ids, inv = _http_api(aws_endpoint)
    in_sync(aws_endpoint, inv, *V2_TYPES)
    api = aws(aws_endpoint, "apigatewayv2")
    api.update_api(ApiId=ids["api"], Description="edited in the console")
    api.update_integration(ApiId=ids["api"], IntegrationId=ids["integration"], TimeoutInMillis=5000)
    api.update_route(ApiId=ids["api"], RouteId=ids["route"], RouteKey="GET /all-orders")
    api.delete_stage(ApiId=ids["api"], StageName="$default")  # the endpoint cannot update a stage
    assert drift(aws_endpoint, inv, *V2_TYPES) == [
        ("DRIFT-CHANGED", "aws_apigatewayv2_api.orders", "description"),
        ("DRIFT-CHANGED", "aws_apigatewayv2_integration.lambda", "timeout_milliseconds"),
        ("DRIFT-CHANGED", "aws_apigatewayv2_route.orders", "route_key"),
        ("DRIFT-DELETED", "aws_apigatewayv2_stage.default", ""),
    ]


def test_children_of_a_deleted_api_are_deleted(aws_endpoint: str) -> None:
    ids, inv = _http_api(aws_endpoint)
    aws(aws_endpoint, "apigatewayv2").delete_api(ApiId=ids["api"])
    assert drift(aws_endpoint, inv, *V2_TYPES) == [
        ("DRIFT-DELETED", "aws_apigatewayv2_api.orders", ""),
        ("DRIFT-DELETED", "aws_apigatewayv2_integration.lambda", ""),
        ("DRIFT-DELETED", "aws_apigatewayv2_route.orders", ""),
        ("DRIFT-DELETED", "aws_apigatewayv2_stage.default", ""),
    ]


def test_rest_api_in_sync_then_changed(aws_endpoint: str) -> None:
    apigw = aws(aws_endpoint, "apigateway")
    api = apigw.create_rest_api(
        name="legacy",
        description="v1 API",
        endpointConfiguration={"types": ["REGIONAL"]},
        tags={"app": "legacy"},
    )
    inv = state(
        (
            "aws_api_gateway_rest_api",
            "legacy",
            {
                "id": api["id"],
                "api_key_source": "HEADER",
                "arn": f"arn:aws:apigateway:{REGION}::/restapis/{api['id']}",
                "binary_media_types": [],
                "body": None,
                "created_date": "2026-01-01T00:00:00Z",
                "description": "v1 API",
                "disable_execute_api_endpoint": False,
                "endpoint_configuration": [{"types": ["REGIONAL"], "vpc_endpoint_ids": []}],
                "execution_arn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api['id']}",
                "fail_on_warnings": None,
                "minimum_compression_size": "",
                "name": "legacy",
                "parameters": None,
                "policy": "",
                "put_rest_api_mode": None,
                "root_resource_id": api.get("rootResourceId", ""),
                "tags": {"app": "legacy"},
                "tags_all": {"app": "legacy"},
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_api_gateway_rest_api")
    apigw.update_rest_api(
        restApiId=api["id"], patchOperations=[{"op": "replace", "path": "/description", "value": "edited"}]
    )
    assert drift(aws_endpoint, inv, "aws_api_gateway_rest_api") == [
        ("DRIFT-CHANGED", "aws_api_gateway_rest_api.legacy", "description")
    ]
