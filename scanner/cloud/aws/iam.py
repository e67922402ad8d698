"""IAM records → ``aws_iam_role`` (+ ``aws_iam_role_policy_attachment``), ``aws_iam_policy``,
``aws_iam_user``. IAM is global: read once."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text
from scanner.model import Resource

SERVICE_LINKED_PATH = "/aws-service-role/"


def document(raw: Any) -> str:
    """A policy document as JSON text (boto3 returns IAM documents decoded; older paths URL-encode)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return unquote(raw) if raw.startswith("%7B") else raw
    return json.dumps(raw)


def convert_role(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["RoleName"])
    region = record.region
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("Arn")),
        "path": text(d.get("Path") or "/"),
        "unique_id": text(d.get("RoleId")),
        "description": text(d.get("Description")),
        "max_session_duration": int(d.get("MaxSessionDuration", 3600)),
        "assume_role_policy": document(d.get("AssumeRolePolicyDocument")),
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    default = attrs["path"].startswith(SERVICE_LINKED_PATH)
    out = [live("aws_iam_role", name, attrs, region, cloud_id=attrs["arn"] or name, default=default)]
    for policy in record.extras.get("attached") or []:
        arn = text(policy.get("PolicyArn"))
        out.append(
            live(
                "aws_iam_role_policy_attachment",
                f"{name}/{arn}",
                {"role": name, "policy_arn": arn},
                region,
                default=default,
            )
        )
    return out


def convert_policy(record: Record) -> list[Resource]:
    d = record.data
    arn = str(d["Arn"])
    attrs: dict[str, Any] = {
        "arn": arn,
        "name": text(d.get("PolicyName")),
        "path": text(d.get("Path") or "/"),
        "policy_id": text(d.get("PolicyId")),
    }
    # ListPolicies leaves Description out (only GetPolicy has it): it is not compared.
    if record.extras.get("version") is not None:
        attrs["policy"] = document(record.extras["version"].get("Document"))
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_iam_policy", arn, attrs, record.region)]


def convert_user(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["UserName"])
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("Arn")),
        "path": text(d.get("Path") or "/"),
        "unique_id": text(d.get("UserId")),
    }
    # ListUsers leaves PermissionsBoundary and tags out; tags come from ListUserTags.
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_iam_user", name, attrs, record.region, cloud_id=attrs["arn"] or name)]
