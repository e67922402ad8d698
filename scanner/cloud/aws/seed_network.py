"""Creators for routing and load-balancing types (see ``seed_types`` for the creator contract):
internet gateways, route tables and their associations, target groups and listeners."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from scanner.cloud.aws.seed_types import Clients, ec2_tags, id_map, sval, tag_list

# Terraform ``route`` block attribute → CreateRoute parameter.
ROUTE_TARGETS = {
    "gateway_id": "GatewayId",
    "nat_gateway_id": "NatGatewayId",
    "network_interface_id": "NetworkInterfaceId",
    "transit_gateway_id": "TransitGatewayId",
    "vpc_peering_connection_id": "VpcPeeringConnectionId",
    "egress_only_gateway_id": "EgressOnlyInternetGatewayId",
    "vpc_endpoint_id": "VpcEndpointId",
}


def internet_gateway(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    gid = ec2.create_internet_gateway(TagSpecifications=ec2_tags(a, "internet-gateway"))["InternetGateway"][
        "InternetGatewayId"
    ]
    if sval(a.get("vpc_id")):
        ec2.attach_internet_gateway(InternetGatewayId=gid, VpcId=a["vpc_id"])
    return {
        **id_map(a.get("id"), gid),
        **id_map(a.get("arn"), f"arn:aws:ec2:{region}:{a.get('owner_id')}:internet-gateway/{gid}"),
    }


def route_table(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    rid = ec2.create_route_table(VpcId=a["vpc_id"], TagSpecifications=ec2_tags(a, "route-table"))[
        "RouteTable"
    ]["RouteTableId"]
    for route in a.get("route") or []:
        kwargs: dict[str, Any] = {"RouteTableId": rid}
        if sval(route.get("cidr_block")):
            kwargs["DestinationCidrBlock"] = route["cidr_block"]
        if sval(route.get("ipv6_cidr_block")):
            kwargs["DestinationIpv6CidrBlock"] = route["ipv6_cidr_block"]
        kwargs.update({param: route[attr] for attr, param in ROUTE_TARGETS.items() if sval(route.get(attr))})
        ec2.create_route(**kwargs)
    return {**id_map(a.get("id"), rid)}


def route_table_association(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    kwargs = {"RouteTableId": a["route_table_id"]}
    kwargs.update(
        {"SubnetId": a["subnet_id"]} if sval(a.get("subnet_id")) else {"GatewayId": a["gateway_id"]}
    )
    aid = c("ec2").associate_route_table(**kwargs)["AssociationId"]
    return id_map(a.get("id"), aid)


def lb_target_group(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    health = (a.get("health_check") or [{}])[0] or {}
    kwargs: dict[str, Any] = {
        "Name": a["name"],
        "TargetType": sval(a.get("target_type")) or "instance",
        "Tags": tag_list(a),
    }
    if a.get("port"):
        kwargs.update(Port=int(a["port"]), Protocol=sval(a.get("protocol")) or "HTTP", VpcId=a.get("vpc_id"))
    for attr, param in (
        ("path", "HealthCheckPath"),
        ("port", "HealthCheckPort"),
        ("protocol", "HealthCheckProtocol"),
    ):
        if sval(health.get(attr)):
            kwargs[param] = health[attr]
    for attr, param in (
        ("interval", "HealthCheckIntervalSeconds"),
        ("timeout", "HealthCheckTimeoutSeconds"),
        ("healthy_threshold", "HealthyThresholdCount"),
        ("unhealthy_threshold", "UnhealthyThresholdCount"),
    ):
        if isinstance(health.get(attr), int):
            kwargs[param] = health[attr]
    if sval(health.get("matcher")):
        kwargs["Matcher"] = {"HttpCode": health["matcher"]}
    arn = c("elbv2").create_target_group(**kwargs)["TargetGroups"][0]["TargetGroupArn"]
    return {**id_map(a.get("arn"), arn), **id_map(a.get("id"), arn)}


def lb_listener(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    actions = []
    for action in a.get("default_action") or []:
        item: dict[str, Any] = {"Type": action.get("type") or "forward"}
        if sval(action.get("target_group_arn")):
            item["TargetGroupArn"] = action["target_group_arn"]
        actions.append(item)
    kwargs: dict[str, Any] = {
        "LoadBalancerArn": a["load_balancer_arn"],
        "Port": int(a["port"]),
        "Protocol": sval(a.get("protocol")) or "HTTP",
        "DefaultActions": actions,
        "Tags": tag_list(a),
    }
    if sval(a.get("ssl_policy")):
        kwargs["SslPolicy"] = a["ssl_policy"]
    ids: dict[str, str] = {}
    if sval(a.get("certificate_arn")):
        # The certificate is not a resource of the state: request one to stand in for it.
        cert = c("acm").request_certificate(DomainName="iacscan.example.com")["CertificateArn"]
        ids.update(id_map(a["certificate_arn"], cert))
        kwargs["Certificates"] = [{"CertificateArn": cert}]
    arn = c("elbv2").create_listener(**kwargs)["Listeners"][0]["ListenerArn"]
    if ids:
        # The stand-in is not part of the state: remove it again so that it does not show as an
        # unmanaged certificate (the local endpoint lets a certificate in use be deleted).
        # A stricter endpoint keeps it: it then shows as unmanaged, which is what it is.
        with contextlib.suppress(ClientError):
            c("acm").delete_certificate(CertificateArn=kwargs["Certificates"][0]["CertificateArn"])
    return {**ids, **id_map(a.get("arn"), arn), **id_map(a.get("id"), arn)}
