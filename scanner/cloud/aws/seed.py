"""Create the resources of a state Inventory in an AWS endpoint (a local moto server), for the demo,
the tests and the benchmark. AWS assigns new ids (``vpc-…``, ARNs with its account); every one is
recorded, later resources are created with the new ids, and the returned inventory is the state with
every old id replaced, ready to be compared with what a live read finds.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from scanner.cloud.aws import seed_network as nw
from scanner.cloud.aws import seed_services as sv
from scanner.cloud.aws import seed_storage as st
from scanner.cloud.aws import seed_types as ec
from scanner.cloud.aws.seed_types import Creator
from scanner.cloud.aws.session import ClientFactory
from scanner.errors import CloudError
from scanner.model import Inventory, Mode, Notification, Resource

# Creation order: a resource only refers to resources of earlier types.
CREATORS: tuple[tuple[str, Creator], ...] = (
    ("aws_kms_key", sv.kms_key),
    ("aws_kms_alias", sv.kms_alias),
    ("aws_vpc", ec.vpc),
    ("aws_subnet", ec.subnet),
    ("aws_internet_gateway", nw.internet_gateway),
    ("aws_route_table", nw.route_table),
    ("aws_route_table_association", nw.route_table_association),
    ("aws_security_group", ec.security_group),
    ("aws_security_group", ec.security_group_inline_rules),
    ("aws_security_group_rule", ec.security_group_rule),
    ("aws_vpc_security_group_ingress_rule", ec.vpc_security_group_rule("ingress")),
    ("aws_vpc_security_group_egress_rule", ec.vpc_security_group_rule("egress")),
    ("aws_iam_policy", sv.iam_policy),
    ("aws_iam_role", sv.iam_role),
    ("aws_iam_role_policy_attachment", sv.iam_role_policy_attachment),
    ("aws_iam_instance_profile", sv.iam_instance_profile),
    ("aws_iam_user", sv.iam_user),
    ("aws_s3_bucket", st.s3_bucket),
    ("aws_s3_bucket_versioning", st.s3_bucket_versioning),
    ("aws_s3_bucket_server_side_encryption_configuration", st.s3_bucket_sse),
    ("aws_s3_bucket_public_access_block", st.s3_bucket_public_access_block),
    ("aws_s3_bucket_policy", st.s3_bucket_policy),
    ("aws_s3_bucket_logging", st.s3_bucket_logging),
    ("aws_cloudwatch_log_group", sv.log_group),
    ("aws_cloudtrail", st.cloudtrail),
    ("aws_sqs_queue", sv.sqs_queue),
    ("aws_sns_topic", sv.sns_topic),
    ("aws_dynamodb_table", sv.dynamodb_table),
    ("aws_ecr_repository", sv.ecr_repository),
    ("aws_ebs_volume", sv.ebs_volume),
    ("aws_db_subnet_group", sv.db_subnet_group),
    ("aws_db_instance", sv.db_instance),
    ("aws_instance", sv.instance),
    ("aws_lb", st.load_balancer),
    ("aws_lb_target_group", nw.lb_target_group),
    ("aws_lb_listener", nw.lb_listener),
)
_ACCOUNT_IN_ARN = re.compile(r"^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):")


@dataclass(frozen=True)
class SeedResult:
    inventory: Inventory
    """The input with every id AWS assigned anew replaced (compare this with the live read)."""
    ids: Mapping[str, str]
    created: Mapping[str, int]
    notifications: tuple[Notification, ...]


def rewrite(value: Any, ids: Mapping[str, str]) -> Any:
    """``value`` with every old id (as a whole string or inside one, e.g. an ARN) replaced."""
    if isinstance(value, str):
        if value in ids:
            return ids[value]
        for old in sorted((k for k in ids if len(k) >= 8 and k in value), key=len, reverse=True):
            value = value.replace(old, ids[old])
        return value
    if isinstance(value, Mapping):
        return {k: rewrite(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [rewrite(v, ids) for v in value]
    return value


def rewrite_all(value: Any, ids: Mapping[str, str]) -> Any:
    """Rewrite until nothing changes (an id may only be recognisable once the account is replaced)."""
    for _ in range(4):
        new = rewrite(value, ids)
        if new == value:
            break
        value = new
    return value


def _accounts(resources: tuple[Resource, ...]) -> set[str]:
    found: set[str] = set()
    for res in resources:
        arn = res.attrs.get("arn")
        match = _ACCOUNT_IN_ARN.match(arn) if isinstance(arn, str) else None
        if match:
            found.add(match.group(1))
    return found


def seed_inventory(inv: Inventory, factory: ClientFactory, region: str) -> SeedResult:
    """Create every managed resource of ``inv`` the seeder knows; the others are noted and skipped."""

    def clients(service: str) -> Any:
        return factory.client(service, region)

    ids: dict[str, str] = {}
    account = str(clients("sts").get_caller_identity()["Account"])
    for old in _accounts(inv.resources):
        if old != account:
            ids[old] = account
    notes: list[Notification] = []
    created: dict[str, int] = {}
    managed = sorted((r for r in inv.resources if r.mode is Mode.MANAGED), key=lambda r: r.address)
    known = {t for t, _ in CREATORS}
    for res in managed:
        if res.type not in known:
            notes.append(
                Notification("note", f"seed: {res.address}: type {res.type} not created", kind="cloud")
            )
    for tf_type, create in CREATORS:
        for res in (r for r in managed if r.type == tf_type):
            attrs = rewrite(dict(res.attrs), ids)
            try:
                ids.update(create(clients, attrs, region))
            except (ClientError, BotoCoreError, KeyError, TypeError) as exc:
                raise CloudError(f"seed: creating {res.address} failed: {exc}") from exc
            created[res.type] = created.get(res.type, 0) + 1
    resources = tuple(
        dataclasses.replace(r, attrs=rewrite_all(dict(r.attrs), ids), cloud_id=rewrite_all(r.cloud_id, ids))
        for r in inv.resources
    )
    out = Inventory(resources, inv.notifications, inv.inputs)
    return SeedResult(out, dict(sorted(ids.items())), dict(sorted(created.items())), tuple(notes))
