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
    if a.get("self"):
        sources.append("self")
    if a.get("source_security_group_id"):
        sources.append(f"sg={a['source_security_group_id']}")
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
    if a.get("self"):
        parts.append({**a, **empty, "self": True})
    if a.get("source_security_group_id"):
        parts.append({**a, **empty, "source_security_group_id": a["source_security_group_id"]})
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
