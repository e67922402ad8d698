"""Permission records → ``aws_lambda_permission`` (statements of a function's resource policy, listed
per function), ``aws_iam_role_policy`` (inline role policies) and ``aws_iam_instance_profile``."""

from __future__ import annotations

import json
from typing import Any

from scanner.cloud.aws.iam import SERVICE_LINKED_PATH, document
from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, present, tag_map, text
from scanner.model import Resource

# Condition keys of a Lambda permission statement → Terraform attributes.
CONDITIONS = {
    "AWS:SourceArn": "source_arn",
    "AWS:SourceAccount": "source_account",
    "aws:PrincipalOrgID": "principal_org_id",
    "lambda:FunctionUrlAuthType": "function_url_auth_type",
    "lambda:EventSourceToken": "event_source_token",
}


def _principal(raw: Any) -> str:
    if isinstance(raw, dict):
        for key in ("Service", "AWS", "Federated"):
            if key in raw:
                value = raw[key]
                return text(value[0] if isinstance(value, list) and value else value)
    return text(raw)


def _statement(function: dict[str, Any], st: dict[str, Any]) -> dict[str, Any]:
    name = text(function.get("FunctionName"))
    resource = text(st.get("Resource"))
    qualifier = ""
    if resource.count(":") >= 7:  # arn:aws:lambda:region:account:function:name:qualifier
        qualifier = resource.rsplit(":", 1)[-1]
    action = st.get("Action")
    attrs: dict[str, Any] = {
        "statement_id": text(st.get("Sid")),
        "function_name": name,
        "action": text(action[0] if isinstance(action, list) and action else action),
        "principal": _principal(st.get("Principal")),
        "qualifier": qualifier,
    }
    for condition in (st.get("Condition") or {}).values():
        if not isinstance(condition, dict):
            continue
        for key, value in condition.items():
            if key in CONDITIONS:
                attrs[CONDITIONS[key]] = text(value[0] if isinstance(value, list) and value else value)
    for attr in CONDITIONS.values():
        attrs.setdefault(attr, "")
    return attrs


def convert_lambda_permission(record: Record) -> list[Resource]:
    function, raw = record.data["Parent"], record.data["Item"]
    try:
        policy = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    statements = (policy or {}).get("Statement") or []
    out = []
    for st in statements if isinstance(statements, list) else [statements]:
        if not isinstance(st, dict) or not st.get("Sid"):
            continue
        attrs = _statement(function, st)
        key = f"{attrs['function_name']}/{attrs['statement_id']}"
        out.append(live("aws_lambda_permission", attrs["statement_id"], attrs, record.region, cloud_id=key))
    return out


def convert_role_policies(record: Record) -> list[Resource]:
    d = record.data
    role = str(d["RoleName"])
    default = text(d.get("Path")).startswith(SERVICE_LINKED_PATH)
    out = []
    for p in d.get("RolePolicyList") or []:
        name = text(p.get("PolicyName"))
        attrs = {"role": role, "name": name, "policy": document(p.get("PolicyDocument"))}
        out.append(live("aws_iam_role_policy", f"{role}:{name}", attrs, record.region, default=default))
    return out


def convert_instance_profile(record: Record) -> list[Resource]:
    d = record.data
    name = str(d["InstanceProfileName"])
    roles = d.get("Roles") or []
    attrs: dict[str, Any] = {
        "name": name,
        "arn": text(d.get("Arn")),
        "path": text(d.get("Path") or "/"),
        "unique_id": text(d.get("InstanceProfileId")),
        "role": text(roles[0].get("RoleName")) if roles else "",
    }
    present(record.extras, attrs, "tags", "tags", tag_map(record.extras.get("tags")))
    return [live("aws_iam_instance_profile", name, attrs, record.region, cloud_id=attrs["arn"] or name)]
