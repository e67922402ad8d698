"""ELBv2 records → ``aws_lb_listener`` (listed per load balancer) and ``aws_lb_target_group``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text
from scanner.model import Resource


def _action(a: dict[str, Any]) -> dict[str, Any]:
    kind = text(a.get("Type"))
    out: dict[str, Any] = {
        "type": kind,
        "order": a.get("Order"),
        "target_group_arn": text(a.get("TargetGroupArn")),
    }
    redirect = a.get("RedirectConfig")
    if kind == "redirect" and redirect:
        out["redirect"] = [
            {
                "host": text(redirect.get("Host")),
                "path": text(redirect.get("Path")),
                "port": text(redirect.get("Port")),
                "protocol": text(redirect.get("Protocol")),
                "query": text(redirect.get("Query")),
                "status_code": text(redirect.get("StatusCode")),
            }
        ]
    fixed = a.get("FixedResponseConfig")
    if kind == "fixed-response" and fixed:
        out["fixed_response"] = [
            {
                "content_type": text(fixed.get("ContentType")),
                "message_body": text(fixed.get("MessageBody")),
                "status_code": text(fixed.get("StatusCode")),
            }
        ]
    return out


def convert_listener(record: Record) -> list[Resource]:
    d = record.data["Item"]
    arn = str(d["ListenerArn"])
    certs = d.get("Certificates") or []
    attrs: dict[str, Any] = {
        "arn": arn,
        "load_balancer_arn": text(d.get("LoadBalancerArn")),
        "port": d.get("Port"),
        "protocol": text(d.get("Protocol")),
        "ssl_policy": text(d.get("SslPolicy")),
        "certificate_arn": text(certs[0].get("CertificateArn")) if certs else "",
        "alpn_policy": text((d.get("AlpnPolicy") or [""])[0]),
        "default_action": sorted(
            (_action(a) for a in d.get("DefaultActions", [])), key=lambda a: (a["order"] or 0, a["type"])
        ),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_lb_listener", arn, attrs, record.region)]


def convert_target_group(record: Record) -> list[Resource]:
    d = record.data
    arn = str(d["TargetGroupArn"])
    matcher = d.get("Matcher") or {}
    attrs: dict[str, Any] = {
        "arn": arn,
        "name": text(d.get("TargetGroupName")),
        "port": d.get("Port"),
        "protocol": text(d.get("Protocol")),
        "protocol_version": text(d.get("ProtocolVersion")),
        "target_type": text(d.get("TargetType") or "instance"),
        "vpc_id": text(d.get("VpcId")),
        "ip_address_type": text(d.get("IpAddressType")),
        "load_balancer_arns": sorted(d.get("LoadBalancerArns") or []),
        "health_check": [
            {
                "enabled": bool(d.get("HealthCheckEnabled", True)),
                "healthy_threshold": d.get("HealthyThresholdCount"),
                "unhealthy_threshold": d.get("UnhealthyThresholdCount"),
                "interval": d.get("HealthCheckIntervalSeconds"),
                "timeout": d.get("HealthCheckTimeoutSeconds"),
                "path": text(d.get("HealthCheckPath")),
                "port": text(d.get("HealthCheckPort")),
                "protocol": text(d.get("HealthCheckProtocol")),
                "matcher": text(matcher.get("HttpCode") or matcher.get("GrpcCode")),
            }
        ],
    }
    settings = {a["Key"]: a.get("Value") for a in record.extras.get("attributes") or [] if "Key" in a}
    if "deregistration_delay.timeout_seconds" in settings:
        attrs["deregistration_delay"] = text(settings["deregistration_delay.timeout_seconds"])
    if "stickiness.enabled" in settings:
        attrs["stickiness"] = [
            {
                "enabled": settings["stickiness.enabled"] == "true",
                "type": text(settings.get("stickiness.type")),
            }
        ]
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_lb_target_group", arn, attrs, record.region)]
