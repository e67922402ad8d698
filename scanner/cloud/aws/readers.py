"""Reading live AWS into an Inventory: catalog → generic lister → per-service converters."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from scanner.cloud.aws import (
    apigateway,
    app_services,
    containers,
    ec2,
    ec2_routing,
    edge,
    elb,
    iam,
    permissions,
    s3,
    s3_config,
    services,
)
from scanner.cloud.aws.ami_dates import add_ami_dates
from scanner.cloud.aws.catalog import listings_for, supported_types
from scanner.cloud.aws.lister import Lister, Progress, Record
from scanner.cloud.aws.session import ClientFactory
from scanner.model import Inventory, Notification, Resource

Converter = Callable[[Record], list[Resource]]

CONVERTERS: Mapping[str, Converter] = {
    "s3_bucket": s3.convert_bucket,
    "vpc": ec2.convert_vpc,
    "subnet": ec2.convert_subnet,
    "security_group": ec2.convert_security_group,
    "security_group_rule": ec2.convert_security_group_rule,
    "instance": ec2.convert_instance,
    "ebs_volume": ec2.convert_volume,
    "db_instance": services.convert_db_instance,
    "iam_role": iam.convert_role,
    "iam_policy": iam.convert_policy,
    "iam_user": iam.convert_user,
    "lambda_function": services.convert_lambda,
    "kms_key": services.convert_kms_key,
    "cloudtrail": services.convert_trail,
    "dynamodb_table": services.convert_dynamodb_table,
    "sqs_queue": services.convert_sqs_queue,
    "sns_topic": services.convert_sns_topic,
    "eks_cluster": services.convert_eks_cluster,
    "ecr_repository": services.convert_ecr_repository,
    "log_group": services.convert_log_group,
    "load_balancer": services.convert_load_balancer,
    # -- networking and edge (catalog_net) --
    "route_table": ec2_routing.convert_route_table,
    "internet_gateway": ec2_routing.convert_internet_gateway,
    "nat_gateway": ec2_routing.convert_nat_gateway,
    "eip": ec2_routing.convert_eip,
    "launch_template": ec2_routing.convert_launch_template,
    "lb_listener": elb.convert_listener,
    "lb_target_group": elb.convert_target_group,
    "route53_zone": edge.convert_route53_zone,
    "route53_record": edge.convert_route53_record,
    "cloudfront_distribution": edge.convert_cloudfront_distribution,
    "cloudfront_oac": edge.convert_cloudfront_oac,
    "acm_certificate": edge.convert_acm_certificate,
    "wafv2_web_acl": edge.convert_wafv2_web_acl,
    "apigatewayv2_api": apigateway.convert_api,
    "apigatewayv2_integration": apigateway.convert_integration,
    "apigatewayv2_route": apigateway.convert_route,
    "apigatewayv2_stage": apigateway.convert_stage,
    "api_gateway_rest_api": apigateway.convert_rest_api,
    # -- application services (catalog_app) --
    "lambda_permission": permissions.convert_lambda_permission,
    "iam_role_policy": permissions.convert_role_policies,
    "iam_instance_profile": permissions.convert_instance_profile,
    "s3_bucket_cors": s3_config.convert_cors,
    "s3_bucket_lifecycle": s3_config.convert_lifecycle,
    "ecs_cluster": containers.convert_ecs_cluster,
    "ecs_service": containers.convert_ecs_service,
    "ecs_task_definition": containers.convert_ecs_task_definition,
    "eks_node_group": containers.convert_eks_node_group,
    "autoscaling_group": containers.convert_autoscaling_group,
    "metric_alarm": app_services.convert_metric_alarm,
    "sns_subscription": app_services.convert_sns_subscription,
    "sqs_queue_policy": app_services.convert_sqs_queue_policy,
    "kms_alias": app_services.convert_kms_alias,
    "secretsmanager_secret": app_services.convert_secret,
    "ssm_parameter": app_services.convert_ssm_parameter,
    "elasticache_replication_group": app_services.convert_replication_group,
}


@dataclass(frozen=True)
class LiveRead:
    """What a live read produced.

    ``read_types``: types read completely (every region answered), so they can be compared;
    ``failed_types``: types whose read failed somewhere (denied, unsupported, unreachable), which the
    drift engine must not compare (a failed read is not a deletion);
    ``api_calls``: per listing's primary type, ``{"list": pages, "item": extra calls, "resources": n}``;
    ``unreachable``: an endpoint stopped answering, so the read is partial;
    ``failure_reasons``: per failed type, the first failure's message (for the coverage notes).
    """

    inventory: Inventory
    notifications: tuple[Notification, ...]
    api_calls: Mapping[str, Mapping[str, int]]
    read_types: frozenset[str]
    failed_types: frozenset[str] = frozenset()
    unreachable: bool = False
    regions: tuple[str, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    failure_reasons: Mapping[str, str] = field(default_factory=dict)


def read_live(
    types: Iterable[str] | None,
    regions: Sequence[str],
    session_factory: ClientFactory,
    *,
    workers: int = 8,
    progress: Progress | None = None,
) -> LiveRead:
    """Read the supported ``types`` (all when None) in ``regions`` through ``session_factory``."""
    if not regions:
        raise ValueError("read_live needs at least one region")
    wanted = None if types is None else set(types) & supported_types()
    listings = listings_for(wanted)
    results = Lister(session_factory, workers=workers).run(listings, list(regions), progress)
    resources: list[Resource] = []
    notifications: list[Notification] = []
    calls: dict[str, dict[str, int]] = {}
    failed: set[str] = set()
    reasons: dict[str, str] = {}
    for result in results:
        primary = result.listing.emits[0]
        entry = calls.setdefault(primary, {"list": 0, "item": 0, "resources": 0})
        entry["list"] += result.list_calls
        entry["item"] += result.item_calls
        notifications.extend(result.notifications)
        if result.failed:
            failed.update(result.listing.emits)
            why = result.notifications[0].message if result.notifications else "endpoint unreachable"
            for tf_type in result.listing.emits:
                reasons.setdefault(tf_type, why)
            continue
        convert = CONVERTERS[result.listing.converter]
        for record in result.records:
            made = convert(record)
            entry["resources"] += sum(1 for r in made if r.type == primary)
            resources.extend(made)
    emitted = {t for listing in listings for t in listing.emits}
    if "aws_instance" in emitted - failed and (wanted is None or "aws_instance" in wanted):  # AMI age
        resources, ami_notes = add_ami_dates(resources, session_factory)
        notifications.extend(ami_notes)
    if wanted is not None:
        emitted &= wanted
        resources = [r for r in resources if r.type in wanted]
    counts: dict[str, int] = {}
    for res in resources:
        counts[res.type] = counts.get(res.type, 0) + 1
    resources.sort(key=lambda r: (r.type, r.address))
    notes = tuple(sorted(set(notifications), key=lambda n: n.message))
    return LiveRead(
        inventory=Inventory(tuple(resources), notes),
        notifications=notes,
        api_calls=dict(sorted(calls.items())),
        read_types=frozenset(emitted - failed),
        failed_types=frozenset(failed & emitted),
        unreachable=any(r.unreachable for r in results),
        regions=tuple(regions),
        counts=dict(sorted(counts.items())),
        failure_reasons={t: reasons[t] for t in sorted(failed & emitted)},
    )
