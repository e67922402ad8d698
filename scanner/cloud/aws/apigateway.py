"""API Gateway records → ``aws_apigatewayv2_api`` and its integrations, routes and stages (listed per
API), and ``aws_api_gateway_rest_api``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, tag_map, text
from scanner.model import Resource


def _cors(c: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not c:
        return []
    return [
        {
            "allow_credentials": bool(c.get("AllowCredentials", False)),
            "allow_headers": sorted(c.get("AllowHeaders") or []),
            "allow_methods": sorted(c.get("AllowMethods") or []),
            "allow_origins": sorted(c.get("AllowOrigins") or []),
            "expose_headers": sorted(c.get("ExposeHeaders") or []),
            "max_age": c.get("MaxAge", 0),
        }
    ]


def convert_api(record: Record) -> list[Resource]:
    d = record.data
    aid = str(d["ApiId"])
    attrs: dict[str, Any] = {
        "name": text(d.get("Name")),
        "protocol_type": text(d.get("ProtocolType")),
        "description": text(d.get("Description")),
        "api_endpoint": text(d.get("ApiEndpoint")),
        "route_selection_expression": text(d.get("RouteSelectionExpression")),
        "api_key_selection_expression": text(d.get("ApiKeySelectionExpression")),
        "disable_execute_api_endpoint": bool(d.get("DisableExecuteApiEndpoint", False)),
        "version": text(d.get("Version")),
        "cors_configuration": _cors(d.get("CorsConfiguration")),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_apigatewayv2_api", aid, attrs, record.region)]


def convert_integration(record: Record) -> list[Resource]:
    api, d = record.data["Parent"], record.data["Item"]
    iid = str(d["IntegrationId"])
    attrs: dict[str, Any] = {
        "api_id": text(api.get("ApiId")),
        "integration_type": text(d.get("IntegrationType")),
        "integration_uri": text(d.get("IntegrationUri")),
        "integration_method": text(d.get("IntegrationMethod")),
        "connection_type": text(d.get("ConnectionType") or "INTERNET"),
        "connection_id": text(d.get("ConnectionId")),
        "credentials_arn": text(d.get("CredentialsArn")),
        "description": text(d.get("Description")),
        "payload_format_version": text(d.get("PayloadFormatVersion")),
        "timeout_milliseconds": d.get("TimeoutInMillis"),
        "request_parameters": dict(sorted((d.get("RequestParameters") or {}).items())),
    }
    return [live("aws_apigatewayv2_integration", iid, attrs, record.region)]


def convert_route(record: Record) -> list[Resource]:
    api, d = record.data["Parent"], record.data["Item"]
    rid = str(d["RouteId"])
    attrs: dict[str, Any] = {
        "api_id": text(api.get("ApiId")),
        "route_key": text(d.get("RouteKey")),
        "target": text(d.get("Target")),
        "authorization_type": text(d.get("AuthorizationType") or "NONE"),
        "authorizer_id": text(d.get("AuthorizerId")),
        "api_key_required": bool(d.get("ApiKeyRequired", False)),
        "operation_name": text(d.get("OperationName")),
        "authorization_scopes": sorted(d.get("AuthorizationScopes") or []),
    }
    return [live("aws_apigatewayv2_route", rid, attrs, record.region)]


def convert_stage(record: Record) -> list[Resource]:
    api, d = record.data["Parent"], record.data["Item"]
    name = str(d["StageName"])
    api_id = text(api.get("ApiId"))
    auto = bool(d.get("AutoDeploy", False))
    attrs: dict[str, Any] = {
        "api_id": api_id,
        "name": name,
        "auto_deploy": auto,
        "description": text(d.get("Description")),
        "stage_variables": dict(sorted((d.get("StageVariables") or {}).items())),
        "tags": tag_map(d.get("Tags")),
    }
    if not auto:  # with auto_deploy every change makes a new deployment: not drift
        attrs["deployment_id"] = text(d.get("DeploymentId"))
    return [live("aws_apigatewayv2_stage", name, attrs, record.region, cloud_id=f"{api_id}/{name}")]


def convert_rest_api(record: Record) -> list[Resource]:
    d = record.data
    rid = str(d["id"])
    endpoint = d.get("endpointConfiguration") or {}
    attrs: dict[str, Any] = {
        "name": text(d.get("name")),
        "description": text(d.get("description")),
        "api_key_source": text(d.get("apiKeySource") or "HEADER"),
        "binary_media_types": sorted(d.get("binaryMediaTypes") or []),
        "disable_execute_api_endpoint": bool(d.get("disableExecuteApiEndpoint", False)),
        "endpoint_configuration": [{"types": sorted(endpoint.get("types") or ["EDGE"])}],
        "root_resource_id": text(d.get("rootResourceId")),
        "policy": text(d.get("policy")).replace('\\"', '"'),
        "tags": tag_map(d.get("tags")),
    }
    if d.get("minimumCompressionSize") is not None:
        attrs["minimum_compression_size"] = str(d["minimumCompressionSize"])
    return [live("aws_api_gateway_rest_api", rid, attrs, record.region)]
