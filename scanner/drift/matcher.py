"""Match IaC resources to live ones by ``(type, key)``.

The key is the Terraform id for most types. Where the Terraform id is not what the API returns, a
per-type key function builds the same key from attributes both sides have:

- ``aws_security_group_rule``: Terraform's id is a synthetic hash, and one Terraform rule with two
  CIDRs is two API rules; IaC rules are split into one rule per source (``explode``) and keyed by
  content;
- ``aws_iam_role_policy_attachment``: the Terraform id is random; key ``role/policy_arn``;
- ``aws_db_instance`` (id is the resource id since provider v5), ``aws_cloudtrail`` (id is the ARN in
  some versions), ``aws_sqs_queue`` (the URL's host differs between endpoints): keyed by name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from scanner.drift.keys import MORE_KEYS
from scanner.drift.normalisers import protocol
from scanner.model import Resource

KeyFn = Callable[[Resource], "str | None"]

RULE_SOURCES = ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids")


def _attr(name: str) -> KeyFn:
    def key(res: Resource) -> str | None:
        value = res.attrs.get(name)
        return value if isinstance(value, str) and value else default_key(res)

    return key


def default_key(res: Resource) -> str | None:
    value = res.attrs.get("id")
    if isinstance(value, str) and value:
        return value
    return res.cloud_id or None


def _attachment_key(res: Resource) -> str | None:
    role, arn = res.attrs.get("role"), res.attrs.get("policy_arn")
    return f"{role}/{arn}" if isinstance(role, str) and isinstance(arn, str) else default_key(res)


def _sg_rule_key(res: Resource) -> str | None:
    a = res.attrs
    proto = protocol(a.get("protocol"))
    ports = "0-0" if proto == "-1" else f"{a.get('from_port')}-{a.get('to_port')}"
    sources = [f"{k}={v}" for k in RULE_SOURCES for v in (a.get(k) or [])]
    source_sg = a.get("source_security_group_id")
    if a.get("self") or (source_sg and source_sg == a.get("security_group_id")):
        sources.append("self")
    elif source_sg:
        sources.append(f"sg={source_sg}")
    if len(sources) != 1 or not isinstance(a.get("security_group_id"), str):
        return None
    return f"{a['security_group_id']}|{a.get('type')}|{proto}|{ports}|{sources[0]}"


KEYS: Mapping[str, KeyFn] = {
    "aws_security_group_rule": _sg_rule_key,
    "aws_iam_role_policy_attachment": _attachment_key,
    "aws_db_instance": _attr("identifier"),
    "aws_cloudtrail": _attr("name"),
    "aws_sqs_queue": _attr("name"),
    "aws_iam_role": _attr("name"),
    "aws_iam_user": _attr("name"),
    "aws_s3_bucket": _attr("bucket"),
    **MORE_KEYS,
}


def key_of(res: Resource) -> str | None:
    return KEYS.get(res.type, default_key)(res)


def explode(res: Resource) -> list[Resource]:
    """An IaC ``aws_security_group_rule`` with several sources → one rule per source (same address)."""
    if res.type != "aws_security_group_rule":
        return [res]
    a = res.attrs
    empty: dict[str, Any] = {k: [] for k in RULE_SOURCES}
    empty.update({"self": False, "source_security_group_id": ""})
    parts: list[dict[str, Any]] = []
    for kind in RULE_SOURCES:
        for value in a.get(kind) or []:
            parts.append({**a, **empty, kind: [value]})
    source_sg = a.get("source_security_group_id")
    if a.get("self") or (source_sg and source_sg == a.get("security_group_id")):
        parts.append({**a, **empty, "self": True})
    elif source_sg:
        parts.append({**a, **empty, "source_security_group_id": source_sg})
    if len(parts) <= 1:
        return [res]
    return [dataclasses.replace(res, attrs=p) for p in parts]


def index(resources: Iterable[Resource]) -> dict[tuple[str, str], Resource]:
    """``(type, key)`` → resource; resources without a key are left out."""
    out: dict[tuple[str, str], Resource] = {}
    for res in resources:
        key = key_of(res)
        if key is not None:
            out.setdefault((res.type, key), res)
    return out


def rule_key(res: Resource) -> str | None:
    """The content key of any security group rule resource (classic or v5 shape)."""
    if res.type == "aws_security_group_rule":
        return _sg_rule_key(res)
    a = res.attrs
    egress = res.type == "aws_vpc_security_group_egress_rule"
    classic = {
        "security_group_id": a.get("security_group_id"),
        "type": "egress" if egress else "ingress",
        "protocol": a.get("ip_protocol"),
        "from_port": a.get("from_port"),
        "to_port": a.get("to_port"),
        "cidr_blocks": [a["cidr_ipv4"]] if a.get("cidr_ipv4") else [],
        "ipv6_cidr_blocks": [a["cidr_ipv6"]] if a.get("cidr_ipv6") else [],
        "prefix_list_ids": [a["prefix_list_id"]] if a.get("prefix_list_id") else [],
        "source_security_group_id": a.get("referenced_security_group_id") or "",
    }
    return _sg_rule_key(dataclasses.replace(res, type="aws_security_group_rule", attrs=classic))


def inline_rule_keys(sg: Resource) -> set[str]:
    """Content keys of a security group's inline ``ingress``/``egress`` rules, one per source."""
    keys: set[str] = set()
    for direction in ("ingress", "egress"):
        for rule in sg.attrs.get(direction) or []:
            if not isinstance(rule, dict):
                continue
            base = {**rule, "type": direction, "security_group_id": sg.attrs.get("id")}
            groups = list(rule.get("security_groups") or [])
            base["security_groups"] = []
            as_rule = dataclasses.replace(sg, type="aws_security_group_rule", attrs=base)
            parts = explode(as_rule)
            parts += [
                dataclasses.replace(
                    as_rule,
                    attrs={
                        **base,
                        **{key: [] for key in RULE_SOURCES},
                        "self": False,
                        "source_security_group_id": g,
                    },
                )
                for g in groups
            ]
            keys.update(k for k in (_sg_rule_key(p) for p in parts) if k)
    return keys
