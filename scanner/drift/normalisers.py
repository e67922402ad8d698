"""One normaliser per resource type, applied to both sides after ``normalise.generic``.

Each is a pure function ``attrs -> new attrs``. ``normalise(type, attrs)`` runs the generic rules
then the type's own; a type without an entry needs only the generic rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from scanner.drift.normalise import canonical_json, clean, generic, sort_blocks
from scanner.drift.normalisers_more import MORE_NORMALISERS

Normaliser = Callable[[dict[str, Any]], dict[str, Any]]

PROTOCOLS = {"all": "-1", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}
AES256_DEFAULT = [
    {
        "rule": [
            {
                "apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}],
                "bucket_key_enabled": None,
            }
        ]
    }
]


def protocol(value: Any) -> str:
    text = str(value if value is not None else "-1").lower()
    return PROTOCOLS.get(text, text)


def _policies(*keys: str) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: canonical_json(v) if k in keys and isinstance(v, str) else v for k, v in attrs.items()}

    return norm


def _chain(*steps: Normaliser) -> Normaliser:
    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        for step in steps:
            attrs = step(attrs)
        return attrs

    return norm


def _defaults(**values: Any) -> Normaliser:
    """Fill provider/AWS defaults where a side leaves the attribute unset."""

    def norm(attrs: dict[str, Any]) -> dict[str, Any]:
        return {**attrs, **{k: v for k, v in values.items() if k in attrs and attrs[k] is None}}

    return norm


def _false_if_empty_bool(block: Any, *keys: str) -> Any:
    if not isinstance(block, list):
        return block
    return [{**b, **{k: bool(b.get(k)) for k in keys if k in b}} if isinstance(b, dict) else b for b in block]


# -- S3 ----------------------------------------------------------------------------------------


def _sse_rules(rules: Any) -> Any:
    out = []
    for rule in rules or []:
        default = (rule.get("apply_server_side_encryption_by_default") or [{}])[0] or {}
        out.append(
            {
                "apply_server_side_encryption_by_default": [
                    {
                        "sse_algorithm": default.get("sse_algorithm"),
                        "kms_master_key_id": default.get("kms_master_key_id"),
                    }
                ],
                "bucket_key_enabled": rule.get("bucket_key_enabled") or None,
            }
        )
    return clean(out)


def s3_bucket(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    if "versioning" in out:
        ver = (out["versioning"] or [{}])[0] or {}
        out["versioning"] = [{"enabled": bool(ver.get("enabled")), "mfa_delete": bool(ver.get("mfa_delete"))}]
    if "server_side_encryption_configuration" in out:
        # Since January 2023 every bucket is encrypted with SSE-S3 (AES256) unless configured otherwise.
        sse = out["server_side_encryption_configuration"]
        rules = _sse_rules((sse or [{}])[0].get("rule") if sse else None)
        out["server_side_encryption_configuration"] = (
            clean([{"rule": rules}]) if rules else clean(AES256_DEFAULT)
        )
    if "policy" in out:
        out["policy"] = canonical_json(out["policy"])
    return out


def s3_versioning(attrs: dict[str, Any]) -> dict[str, Any]:
    conf = (attrs.get("versioning_configuration") or [{}])[0] or {}
    return {
        **attrs,
        "versioning_configuration": [
            {"status": conf.get("status") or "Disabled", "mfa_delete": conf.get("mfa_delete") or "Disabled"}
        ],
    }


def s3_sse(attrs: dict[str, Any]) -> dict[str, Any]:
    return {**attrs, "rule": _sse_rules(attrs.get("rule"))}


def s3_public_access_block(attrs: dict[str, Any]) -> dict[str, Any]:
    keys = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
    return {**attrs, **{k: bool(attrs.get(k)) for k in keys}}


# -- security groups -------------------------------------------------------------------------------


def atomise_rules(rules: Any) -> Any:
    """Inline rules → one rule per source, so that grouping (one block with two CIDRs or two blocks)
    never counts, then sorted: security group rules are compared as sets."""
    atoms: list[dict[str, Any]] = []
    for rule in rules or []:
        if not isinstance(rule, dict):
            continue
        proto = protocol(rule.get("protocol"))
        base = {
            "protocol": proto,
            "from_port": 0 if proto == "-1" else int(rule.get("from_port") or 0),
            "to_port": 0 if proto == "-1" else int(rule.get("to_port") or 0),
            "description": rule.get("description") or None,
        }
        for kind in ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups"):
            for source in rule.get(kind) or []:
                atoms.append({**base, kind: source})
        if rule.get("self"):
            atoms.append({**base, "self": True})
    unique = {repr(sorted(a.items())): a for a in atoms}
    return sort_blocks(list(unique.values())) or None


def security_group(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    for key in ("ingress", "egress"):
        if key in out:
            out[key] = atomise_rules(out[key])
    return out


def security_group_rule(attrs: dict[str, Any]) -> dict[str, Any]:
    proto = protocol(attrs.get("protocol"))
    out = {**attrs, "protocol": proto, "self": bool(attrs.get("self"))}
    if out.get("source_security_group_id") and out["source_security_group_id"] == out.get(
        "security_group_id"
    ):
        out["self"], out["source_security_group_id"] = True, None
    if proto == "-1":
        out["from_port"] = out["to_port"] = 0
    return out


def vpc_rule(attrs: dict[str, Any]) -> dict[str, Any]:
    proto = protocol(attrs.get("ip_protocol"))
    out = {**attrs, "ip_protocol": proto}
    if proto == "-1":
        out["from_port"] = out["to_port"] = None
    out.pop("security_group_rule_id", None)
    return out


# -- others ----------------------------------------------------------------------------------------


def db_instance(attrs: dict[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    out.pop("engine_version_actual", None)
    return out


def dynamodb_table(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {**attrs, "attribute": sort_blocks(attrs.get("attribute"))}
    if out.get("billing_mode") == "PAY_PER_REQUEST":
        out.pop("read_capacity", None)
        out.pop("write_capacity", None)
    out["point_in_time_recovery"] = _false_if_empty_bool(out.get("point_in_time_recovery"), "enabled")
    return out


def lambda_function(attrs: dict[str, Any]) -> dict[str, Any]:
    env = attrs.get("environment")
    if isinstance(env, list) and env and isinstance(env[0], dict) and env[0].get("variables") is None:
        env = None
    return {**attrs, "environment": env}


NORMALISERS: Mapping[str, Normaliser] = {
    "aws_s3_bucket": s3_bucket,
    "aws_s3_bucket_versioning": s3_versioning,
    "aws_s3_bucket_server_side_encryption_configuration": s3_sse,
    "aws_s3_bucket_public_access_block": s3_public_access_block,
    "aws_s3_bucket_policy": _policies("policy"),
    "aws_security_group": security_group,
    "aws_security_group_rule": security_group_rule,
    "aws_vpc_security_group_ingress_rule": vpc_rule,
    "aws_vpc_security_group_egress_rule": vpc_rule,
    "aws_iam_role": _policies("assume_role_policy"),
    "aws_iam_policy": _policies("policy"),
    "aws_kms_key": _chain(_policies("policy"), _defaults(is_enabled=True, key_usage="ENCRYPT_DECRYPT")),
    "aws_sqs_queue": _chain(
        _policies("policy"),
        _defaults(visibility_timeout_seconds=30, message_retention_seconds=345600, delay_seconds=0),
    ),
    "aws_sns_topic": _policies("policy"),
    "aws_db_instance": db_instance,
    "aws_dynamodb_table": dynamodb_table,
    "aws_lambda_function": lambda_function,
    "aws_instance": _defaults(monitoring=False, ebs_optimized=False),
    "aws_cloudwatch_log_group": _defaults(retention_in_days=0),
    "aws_ecr_repository": _defaults(image_tag_mutability="MUTABLE"),
    **MORE_NORMALISERS,
}


def normalise(tf_type: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Generic rules, then the type's own normaliser; always a new dict."""
    base = generic(attrs)
    norm = NORMALISERS.get(tf_type)
    return clean(norm(base)) or {} if norm else base
