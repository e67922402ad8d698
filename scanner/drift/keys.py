"""Match keys of the types whose Terraform id is not what the live API gives (merged into
``matcher.KEYS``). Both sides go through the same function, so only attributes both have are used.

- ``aws_lambda_permission``: the id is the statement id alone, which repeats across functions;
  key ``function name/statement id`` (``function_name`` may be a name or an ARN in the IaC);
- ``aws_apigatewayv2_stage``: the id is the stage name (``$default`` in every API); key ``api/name``;
- ``aws_route53_record``: ``ZONEID_FQDN_TYPE[_SETID]`` from the attributes, so the short or fully
  qualified ``name``, its case and a trailing dot never count;
- ``aws_sqs_queue_policy``: keyed by queue name, like ``aws_sqs_queue`` (the URL's host differs
  between endpoints);
- ``aws_ecs_task_definition``: the id is the family, shared by every revision; key the ARN.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from scanner.model import Resource

KeyFn = Callable[[Resource], "str | None"]


def _str(res: Resource, name: str) -> str:
    value = res.attrs.get(name)
    return value if isinstance(value, str) else ""


def function_name(value: str) -> str:
    """``arn:aws:lambda:r:a:function:NAME[:qualifier]`` or ``NAME`` → ``NAME``."""
    if ":function:" in value:
        return value.split(":function:", 1)[1].split(":", 1)[0]
    return value


def dns_name(value: str) -> str:
    return value.replace("\\052", "*").rstrip(".").lower()


def lambda_permission(res: Resource) -> str | None:
    fn, sid = function_name(_str(res, "function_name")), _str(res, "statement_id")
    return f"{fn}/{sid}" if fn and sid else None


def apigatewayv2_stage(res: Resource) -> str | None:
    api, name = _str(res, "api_id"), _str(res, "name")
    return f"{api}/{name}" if api and name else None


def route53_record(res: Resource) -> str | None:
    zone = _str(res, "zone_id")
    name = dns_name(_str(res, "fqdn") or _str(res, "name"))
    rtype = _str(res, "type")
    if not (zone and name and rtype):
        return None
    return "_".join(p for p in (zone, name, rtype, _str(res, "set_identifier")) if p)


def queue_name(res: Resource) -> str | None:
    url = _str(res, "queue_url") or _str(res, "id")
    return url.rstrip("/").rsplit("/", 1)[-1] or None


def task_definition(res: Resource) -> str | None:
    return _str(res, "arn") or None


MORE_KEYS: Mapping[str, KeyFn] = {
    "aws_lambda_permission": lambda_permission,
    "aws_apigatewayv2_stage": apigatewayv2_stage,
    "aws_route53_record": route53_record,
    "aws_sqs_queue_policy": queue_name,
    "aws_ecs_task_definition": task_definition,
}
