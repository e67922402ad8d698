"""Match keys and normalisers of the types added for issue 12 (pure functions, no endpoint)."""

from __future__ import annotations

from typing import Any

from scanner.drift.matcher import key_of
from scanner.drift.normalisers import normalise
from scanner.model import Origin, Resource


def res(tf_type: str, attrs: dict[str, Any]) -> Resource:
    return Resource(address=f"{tf_type}.x", type=tf_type, attrs=attrs, origin=Origin.STATE, source=None)


def test_route53_record_key_ignores_case_trailing_dot_and_escaped_wildcard() -> None:
    iac = res("aws_route53_record", {"zone_id": "Z1", "name": "*.Example.com.", "fqdn": "", "type": "A"})
    live = res("aws_route53_record", {"zone_id": "Z1", "fqdn": "\\052.example.com", "type": "A"})
    assert key_of(iac) == key_of(live) == "Z1_*.example.com_A"
    weighted = res(
        "aws_route53_record", {"zone_id": "Z1", "fqdn": "a.example.com", "type": "A", "set_identifier": "b"}
    )
    assert key_of(weighted) == "Z1_a.example.com_A_b"


def test_lambda_permission_key_and_principal_accept_arns_and_account_ids() -> None:
    arn = "arn:aws:lambda:us-east-1:123456789012:function:api:live"
    iac = res(
        "aws_lambda_permission", {"function_name": arn, "statement_id": "s", "principal": "123456789012"}
    )
    live = res(
        "aws_lambda_permission",
        {"function_name": "api", "statement_id": "s", "principal": "arn:aws:iam::123456789012:root"},
    )
    assert key_of(iac) == key_of(live) == "api/s"
    assert normalise(iac.type, iac.attrs) == normalise(live.type, live.attrs)


def test_stage_and_queue_policy_keys() -> None:
    assert key_of(res("aws_apigatewayv2_stage", {"api_id": "a1", "name": "$default"})) == "a1/$default"
    url = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
    assert key_of(res("aws_sqs_queue_policy", {"queue_url": url})) == "jobs"


def test_task_definition_containers_compare_without_ecs_defaults() -> None:
    written = '[{"name":"web","image":"nginx","memory":256,"portMappings":[{"containerPort":80}]}]'
    returned = (
        '[{"cpu":0,"environment":[],"essential":true,"image":"nginx","memory":256,"mountPoints":[],'
        '"name":"web","portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}],"volumesFrom":[]}]'
    )
    a = normalise("aws_ecs_task_definition", {"container_definitions": written})
    b = normalise("aws_ecs_task_definition", {"container_definitions": returned})
    assert a == b


def test_waf_default_action_and_listener_order() -> None:
    state = {"default_action": [{"allow": [{"custom_request_handling": []}], "block": []}]}
    assert normalise("aws_wafv2_web_acl", state)["default_action"] == "allow"
    listener = {"protocol": "HTTP", "ssl_policy": "x", "default_action": [{"type": "forward", "order": None}]}
    out = normalise("aws_lb_listener", listener)
    assert "ssl_policy" not in out and out["default_action"] == [{"type": "forward", "order": 1}]
