"""Normalisers of the types read since issue #12 (merged into ``normalisers.NORMALISERS``).

Each is a pure function ``attrs -> new attrs``, applied to both sides after ``normalise.generic``
(which already drops one-sided and metadata keys, folds ``tags_all`` and makes every empty value
``None``). Only attributes both sides have are compared, so these only fill provider defaults, put
sets of blocks in one order and bring values both sides spell differently to one form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from scanner.drift.keys import dns_name, function_name
from scanner.drift.normalise import canonical_json, sort_blocks

Normaliser = Callable[[dict[str, Any]], dict[str, Any]]
ROOT_PRINCIPAL = re.compile(r"^arn:aws[\w-]*:iam::(\d{12}):root$")


def compact(block: Any) -> Any:
    """A block without its unset scalars (``None``, ``False``, ``0``): they all mean "not set" to
    the comparison, but would put otherwise equal blocks of a set in a different order."""
    if not isinstance(block, dict):
        return block
    return {k: v for k, v in block.items() if v is not None and v is not False and v != 0}


def block_set(*keys: str, by: str | None = None) -> Normaliser:
    """``keys`` hold sets of blocks: compact each and sort them (by ``by`` when given)."""

    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        out = dict(attrs)
        for key in keys:
            blocks = out.get(key)
            if isinstance(blocks, list):
                items = [compact(b) for b in blocks]
                out[key] = (
                    sorted(items, key=lambda b: str(b.get(by) if isinstance(b, dict) else b))
                    if by
                    else sort_blocks(items)
                )
        return out

    return norm


def policies(*keys: str) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: canonical_json(v) if k in keys and isinstance(v, str) else v for k, v in attrs.items()}

    return norm


def defaults(**values: Any) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        return {**attrs, **{k: v for k, v in values.items() if k in attrs and attrs[k] is None}}

    return norm


def drop(*keys: str) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in attrs.items() if k not in keys}

    return norm


def chain(*steps: Normaliser) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        for step in steps:
            attrs = step(attrs)
        return attrs

    return norm


def _last(value: Any, sep: str) -> Any:
    return value.rsplit(sep, 1)[-1] if isinstance(value, str) else value


# -- per type ------------------------------------------------------------------------------------


def lambda_permission(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    if isinstance(out.get("function_name"), str):
        out["function_name"] = function_name(out["function_name"])
    principal = out.get("principal")
    if isinstance(principal, str) and (match := ROOT_PRINCIPAL.match(principal)):
        out["principal"] = match.group(1)  # AWS stores an account id principal as its root ARN
    out.pop("statement_id_prefix", None)
    return out


def route53_record(attrs: dict[str, Any]) -> dict[str, Any]:
    """``name`` may be short or fully qualified in the IaC: ``fqdn`` is compared instead."""
    out = dict(attrs)
    out.pop("name", None)
    if isinstance(out.get("fqdn"), str):
        out["fqdn"] = dns_name(out["fqdn"])
    alias = out.get("alias")
    if isinstance(alias, list):
        out["alias"] = [
            {**a, "name": dns_name(a["name"])}
            if isinstance(a, dict) and isinstance(a.get("name"), str)
            else a
            for a in alias
        ]
    return out


def route53_zone(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    if isinstance(out.get("name"), str):
        out["name"] = dns_name(out["name"])
    return out


def wafv2_web_acl(attrs: dict[str, Any]) -> dict[str, Any]:
    """``default_action`` → ``"allow"``/``"block"``; rules are compared by name and priority."""
    out = dict(attrs)
    action = out.get("default_action")
    if isinstance(action, list):
        first = action[0] if action and isinstance(action[0], dict) else {}
        out["default_action"] = "block" if first.get("block") else "allow"
    rules = out.get("rule")
    if isinstance(rules, list):
        out["rule"] = sorted(
            ({"name": r.get("name"), "priority": r.get("priority")} for r in rules if isinstance(r, dict)),
            key=lambda r: (int(r["priority"] or 0), str(r["name"])),
        )
    return out


def acm_certificate(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    sans = out.get("subject_alternative_names")
    if isinstance(sans, list):
        out["subject_alternative_names"] = [n for n in sans if n != out.get("domain_name")] or None
    return out


def _container(c: Any) -> Any:
    if not isinstance(c, dict):
        return c
    out = {k: v for k, v in c.items() if v not in (None, "", [], {})}
    if out.get("cpu") == 0:
        out.pop("cpu")
    if out.get("essential") is True:
        out.pop("essential")
    ports = []
    for p in out.get("portMappings") or []:
        p = {k: v for k, v in p.items() if v not in (None, "", [], {})}
        if p.get("protocol") == "tcp":
            p.pop("protocol")
        if p.get("hostPort") == p.get("containerPort"):
            p.pop("hostPort", None)
        ports.append(p)
    if ports:
        out["portMappings"] = ports
    for key in ("environment", "secrets"):
        if isinstance(out.get(key), list):
            out[key] = sorted(out[key], key=lambda e: str(e.get("name")) if isinstance(e, dict) else str(e))
    return out


def container_definitions(value: Any) -> Any:
    """The JSON both sides hold, without the defaults ECS fills in (empty lists, ``cpu: 0``,
    ``essential: true``, ``protocol: tcp``, a host port equal to the container port)."""
    if not isinstance(value, str):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return value.strip()
    if not isinstance(parsed, list):
        return canonical_json(value)
    containers = sorted(
        (_container(c) for c in parsed), key=lambda c: str(c.get("name")) if isinstance(c, dict) else ""
    )
    return canonical_json(containers)


def ecs_task_definition(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in attrs.items() if k not in ("track_latest", "arn_without_revision")}
    out["container_definitions"] = container_definitions(out.get("container_definitions"))
    return out


def _family_revision(value: Any) -> Any:
    """A task definition ARN → ``family:revision`` (the form Terraform keeps when given one)."""
    return _last(value, "/") if isinstance(value, str) and value.startswith("arn:") else value


def ecs_service(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    out["task_definition"] = _family_revision(out.get("task_definition"))
    out["cluster"] = _last(out.get("cluster"), "/")
    return block_set("load_balancer")(out)


def kms_alias(attrs: dict[str, Any]) -> dict[str, Any]:
    return {**attrs, "target_key_id": _last(attrs.get("target_key_id"), "/")}


def route_table(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    out.pop("instance_id", None)
    return block_set("route")(out)


TLS_PROTOCOLS = frozenset({"HTTPS", "TLS"})


def lb_listener(attrs: dict[str, Any]) -> dict[str, Any]:
    """Actions in ``order`` (which defaults to the position in the list); no TLS policy on a plain
    HTTP/TCP/UDP listener."""
    out = dict(attrs)
    actions = out.get("default_action")
    if isinstance(actions, list):
        blocks = [
            {**a, "order": a.get("order") or i} for i, a in enumerate(actions, start=1) if isinstance(a, dict)
        ]
        out["default_action"] = sorted(blocks, key=lambda a: (int(a["order"]), str(a.get("type"))))
    if isinstance(out.get("protocol"), str) and out["protocol"] not in TLS_PROTOCOLS:
        out.pop("ssl_policy", None)
    return out


def cloudfront_distribution(attrs: dict[str, Any]) -> dict[str, Any]:
    """Origins as a set; the ARN follows from the id (matched already) and is not compared; with
    CloudFront's default certificate the TLS settings do not apply (AWS may still answer some)."""
    out = block_set("origin", by="origin_id")(drop("arn")(attrs))
    certs = out.get("viewer_certificate")
    if isinstance(certs, list):
        out["viewer_certificate"] = [
            {k: v for k, v in c.items() if k not in ("ssl_support_method", "minimum_protocol_version")}
            if isinstance(c, dict) and c.get("cloudfront_default_certificate")
            else c
            for c in certs
        ]
    return out


MORE_NORMALISERS: Mapping[str, Normaliser] = {
    "aws_lambda_permission": lambda_permission,
    "aws_iam_role_policy": policies("policy"),
    "aws_s3_bucket_cors_configuration": block_set("cors_rule"),
    "aws_s3_bucket_lifecycle_configuration": block_set("rule", by="id"),
    "aws_route_table": route_table,
    # What an address is associated with is set by other resources (a NAT gateway, an
    # ``aws_eip_association``) after the address was written to the state: not compared.
    "aws_eip": chain(
        drop("association_id", "instance", "network_interface", "private_ip", "private_dns", "public_dns"),
        defaults(public_ipv4_pool="amazon", domain="vpc"),
    ),
    "aws_lb_listener": lb_listener,
    "aws_lb_target_group": chain(defaults(target_type="instance"), block_set("stickiness")),
    "aws_ecs_service": ecs_service,
    "aws_ecs_task_definition": ecs_task_definition,
    "aws_cloudwatch_metric_alarm": defaults(treat_missing_data="missing", actions_enabled=True),
    "aws_sns_topic_subscription": policies("filter_policy", "delivery_policy", "redrive_policy"),
    "aws_sqs_queue_policy": chain(drop("queue_url"), policies("policy")),
    "aws_kms_alias": kms_alias,
    "aws_route53_zone": route53_zone,
    "aws_route53_record": route53_record,
    "aws_ssm_parameter": chain(
        drop("value", "insecure_value", "overwrite"), defaults(tier="Standard", data_type="text")
    ),
    "aws_autoscaling_group": chain(
        block_set("tag", by="key"),
        defaults(health_check_type="EC2", default_cooldown=300, health_check_grace_period=300),
    ),
    "aws_nat_gateway": defaults(connectivity_type="public"),
    "aws_apigatewayv2_integration": defaults(connection_type="INTERNET", timeout_milliseconds=30000),
    "aws_apigatewayv2_route": defaults(authorization_type="NONE"),
    "aws_api_gateway_rest_api": chain(policies("policy"), defaults(api_key_source="HEADER")),
    "aws_eks_node_group": defaults(capacity_type="ON_DEMAND"),
    "aws_elasticache_replication_group": defaults(engine="redis"),
    "aws_cloudfront_distribution": chain(
        cloudfront_distribution, defaults(http_version="http2", price_class="PriceClass_All")
    ),
    "aws_acm_certificate": acm_certificate,
    "aws_wafv2_web_acl": wafv2_web_acl,
}
