"""Edge and DNS records → ``aws_route53_zone``, ``aws_route53_record``, ``aws_cloudfront_distribution``,
``aws_cloudfront_origin_access_control``, ``aws_acm_certificate`` and ``aws_wafv2_web_acl``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text
from scanner.model import Resource

QUOTED_TYPES = frozenset({"TXT", "SPF"})
ZONE_OWN_TYPES = frozenset({"NS", "SOA"})


def zone_id(raw: Any) -> str:
    return text(raw).rsplit("/", 1)[-1]


def dns_name(raw: Any) -> str:
    """A DNS name as Terraform keeps it: lower case, no trailing dot, ``\\052`` (``*``) unescaped."""
    return text(raw).replace("\\052", "*").rstrip(".").lower()


def record_id(zone: str, fqdn: str, rtype: str, set_id: str) -> str:
    """The Terraform id of a record: ``ZONEID_NAME_TYPE`` (``_SETID`` for routing policies)."""
    return "_".join(p for p in (zone, fqdn, rtype, set_id) if p)


def convert_route53_zone(record: Record) -> list[Resource]:
    d = record.data
    zid = zone_id(d["Id"])
    config = d.get("Config") or {}
    attrs: dict[str, Any] = {
        "zone_id": zid,
        "arn": f"arn:aws:route53:::hostedzone/{zid}",
        "name": dns_name(d.get("Name")),
        "comment": text(config.get("Comment")),
        "_private": bool(config.get("PrivateZone", False)),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_route53_zone", zid, attrs, record.region)]


def _records(rtype: str, values: list[dict[str, Any]]) -> list[str]:
    out = []
    for v in values:
        value = text(v.get("Value"))
        if rtype in QUOTED_TYPES and len(value) >= 2 and value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace(
                '" "', ""
            )  # Terraform keeps TXT values unquoted, 255-char parts joined
        out.append(value)
    return sorted(out)


def convert_route53_record(record: Record) -> list[Resource]:
    zone, d = record.data["Parent"], record.data["Item"]
    zid = zone_id(zone.get("Id"))
    fqdn = dns_name(d.get("Name"))
    rtype = text(d.get("Type"))
    set_id = text(d.get("SetIdentifier"))
    alias = d.get("AliasTarget")
    attrs: dict[str, Any] = {
        "zone_id": zid,
        "name": fqdn,
        "fqdn": fqdn,
        "type": rtype,
        "set_identifier": set_id,
        "ttl": d.get("TTL"),
        "records": _records(rtype, d.get("ResourceRecords") or []),
        "health_check_id": text(d.get("HealthCheckId")),
        "alias": (
            [
                {
                    "name": dns_name(alias.get("DNSName")),
                    "zone_id": text(alias.get("HostedZoneId")),
                    "evaluate_target_health": bool(alias.get("EvaluateTargetHealth", False)),
                }
            ]
            if alias
            else []
        ),
    }
    if d.get("Weight") is not None:
        attrs["weighted_routing_policy"] = [{"weight": d["Weight"]}]
    if d.get("Failover"):
        attrs["failover_routing_policy"] = [{"type": text(d["Failover"])}]
    # The NS and SOA records of the zone apex are created with the zone itself.
    own = rtype in ZONE_OWN_TYPES and fqdn == dns_name(zone.get("Name"))
    rid = record_id(zid, fqdn, rtype, set_id)
    return [live("aws_route53_record", rid, attrs, record.region, default=own)]


def _items(block: Any) -> list[Any]:
    return list((block or {}).get("Items") or [])


def convert_cloudfront_distribution(record: Record) -> list[Resource]:
    summary = record.data
    did = str(summary["Id"])
    d = record.extras.get("config") or summary
    behavior = d.get("DefaultCacheBehavior") or {}
    methods = behavior.get("AllowedMethods") or {}
    cert = d.get("ViewerCertificate") or {}
    restriction = (d.get("Restrictions") or {}).get("GeoRestriction") or {}
    attrs: dict[str, Any] = {
        "arn": text(summary.get("ARN")),
        "domain_name": text(summary.get("DomainName")),
        "default_root_object": text(d.get("DefaultRootObject")),
        "hosted_zone_id": "Z2FDTNDATAQYW2",  # every CloudFront distribution's zone
        "enabled": bool(d.get("Enabled", False)),
        "comment": text(d.get("Comment")),
        "price_class": text(d.get("PriceClass")),
        "http_version": text(d.get("HttpVersion")),
        "is_ipv6_enabled": bool(d.get("IsIPV6Enabled", False)),
        "aliases": sorted(_items(d.get("Aliases"))),
        "web_acl_id": text(d.get("WebACLId")),
        "origin": sorted(
            (
                {
                    "origin_id": text(o.get("Id")),
                    "domain_name": text(o.get("DomainName")),
                    "origin_path": text(o.get("OriginPath")),
                    "origin_access_control_id": text(o.get("OriginAccessControlId")),
                }
                for o in _items(d.get("Origins"))
            ),
            key=lambda o: str(o["origin_id"]),
        ),
        "default_cache_behavior": [
            {
                "target_origin_id": text(behavior.get("TargetOriginId")),
                "viewer_protocol_policy": text(behavior.get("ViewerProtocolPolicy")),
                "allowed_methods": sorted(_items(methods)),
                "cached_methods": sorted(_items(methods.get("CachedMethods"))),
                "compress": bool(behavior.get("Compress", False)),
                "cache_policy_id": text(behavior.get("CachePolicyId")),
            }
        ],
        "viewer_certificate": [
            {
                "cloudfront_default_certificate": bool(cert.get("CloudFrontDefaultCertificate", False)),
                "acm_certificate_arn": text(cert.get("ACMCertificateArn")),
                "ssl_support_method": text(cert.get("SSLSupportMethod")),
                "minimum_protocol_version": text(cert.get("MinimumProtocolVersion")),
            }
        ],
        "restrictions": [
            {
                "geo_restriction": [
                    {
                        "restriction_type": text(restriction.get("RestrictionType") or "none"),
                        "locations": sorted(_items(restriction)),
                    }
                ]
            }
        ],
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_cloudfront_distribution", did, attrs, record.region, cloud_id=did)]


def convert_cloudfront_oac(record: Record) -> list[Resource]:
    d = record.data
    oid = str(d["Id"])
    attrs = {
        "name": text(d.get("Name")),
        "description": text(d.get("Description")),
        "origin_access_control_origin_type": text(d.get("OriginAccessControlOriginType")),
        "signing_behavior": text(d.get("SigningBehavior")),
        "signing_protocol": text(d.get("SigningProtocol")),
    }
    return [live("aws_cloudfront_origin_access_control", oid, attrs, record.region)]


def convert_acm_certificate(record: Record) -> list[Resource]:
    c = record.extras.get("certificate")
    if not c:
        return []  # deleted between the list and the describe call
    arn = str(c["CertificateArn"])
    domain = text(c.get("DomainName"))
    options = c.get("DomainValidationOptions") or []
    attrs: dict[str, Any] = {
        "arn": arn,
        "domain_name": domain,
        # Terraform leaves the domain name itself out of the alternative names.
        "subject_alternative_names": sorted(n for n in c.get("SubjectAlternativeNames") or [] if n != domain),
        "key_algorithm": text(c.get("KeyAlgorithm")),
        "options": [
            {
                "certificate_transparency_logging_preference": text(
                    (c.get("Options") or {}).get("CertificateTransparencyLoggingPreference") or "ENABLED"
                )
            }
        ],
    }
    if c.get("Type") == "AMAZON_ISSUED" and options:
        attrs["validation_method"] = text(options[0].get("ValidationMethod"))
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_acm_certificate", arn, attrs, record.region)]


def convert_wafv2_web_acl(record: Record) -> list[Resource]:
    acl = record.extras.get("acl")
    if not acl:
        return []
    aid = str(acl["Id"])
    vis = acl.get("VisibilityConfig") or {}
    action = acl.get("DefaultAction") or {}
    attrs: dict[str, Any] = {
        "arn": text(acl.get("ARN")),
        "name": text(acl.get("Name")),
        "description": text(acl.get("Description")),
        "scope": "REGIONAL",
        "default_action": "block" if "Block" in action else "allow",
        "visibility_config": [
            {
                "cloudwatch_metrics_enabled": bool(vis.get("CloudWatchMetricsEnabled", False)),
                "metric_name": text(vis.get("MetricName")),
                "sampled_requests_enabled": bool(vis.get("SampledRequestsEnabled", False)),
            }
        ],
        "rule": sorted(
            ({"name": text(r.get("Name")), "priority": r.get("Priority")} for r in acl.get("Rules") or []),
            key=lambda r: (r["priority"] or 0, r["name"]),
        ),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_wafv2_web_acl", aid, attrs, record.region, cloud_id=aid)]
