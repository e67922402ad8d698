"""EC2 routing records → ``aws_route_table`` (+ ``aws_route_table_association``),
``aws_internet_gateway``, ``aws_nat_gateway``, ``aws_eip`` and ``aws_launch_template``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, tag_map, text
from scanner.model import Resource

NAT_GONE_STATES = frozenset({"deleted", "deleting", "failed"})
# API route target field → Terraform ``route`` block attribute.
ROUTE_TARGETS = {
    "EgressOnlyInternetGatewayId": "egress_only_gateway_id",
    "NatGatewayId": "nat_gateway_id",
    "NetworkInterfaceId": "network_interface_id",
    "TransitGatewayId": "transit_gateway_id",
    "VpcPeeringConnectionId": "vpc_peering_connection_id",
    "CarrierGatewayId": "carrier_gateway_id",
    "LocalGatewayId": "local_gateway_id",
    "CoreNetworkArn": "core_network_arn",
}


def _route(r: dict[str, Any]) -> dict[str, Any] | None:
    gateway = text(r.get("GatewayId"))
    if gateway == "local" or r.get("Origin") == "EnableVgwRoutePropagation":
        return None  # Terraform leaves out the VPC's local route and propagated routes
    route = {
        "cidr_block": text(r.get("DestinationCidrBlock")),
        "ipv6_cidr_block": text(r.get("DestinationIpv6CidrBlock")),
        "destination_prefix_list_id": text(r.get("DestinationPrefixListId")),
        "gateway_id": "" if gateway.startswith("vpce-") else gateway,
        "vpc_endpoint_id": gateway if gateway.startswith("vpce-") else "",
    }
    for field_, attr in ROUTE_TARGETS.items():
        route[attr] = text(r.get(field_))
    return route


def convert_route_table(record: Record) -> list[Resource]:
    d = record.data
    rid = str(d["RouteTableId"])
    main = any(a.get("Main") for a in d.get("Associations", []))
    routes = [x for x in (_route(r) for r in d.get("Routes", [])) if x is not None]
    attrs: dict[str, Any] = {
        "arn": f"arn:aws:ec2:{record.region}:{text(d.get('OwnerId'))}:route-table/{rid}",
        "vpc_id": text(d.get("VpcId")),
        "owner_id": text(d.get("OwnerId")),
        "route": routes,
        "propagating_vgws": sorted(text(v.get("GatewayId")) for v in d.get("PropagatingVgws", [])),
        "tags": tag_map(d.get("Tags")),
    }
    # The main route table of every VPC is created by AWS with the VPC (``aws_default_route_table``).
    out = [live("aws_route_table", rid, attrs, record.region, default=main)]
    for assoc in d.get("Associations", []):
        if assoc.get("Main") or (assoc.get("AssociationState") or {}).get("State") == "disassociated":
            continue  # the main association is ``aws_main_route_table_association``, not this type
        aid = str(assoc["RouteTableAssociationId"])
        fields = {
            "route_table_id": rid,
            "subnet_id": text(assoc.get("SubnetId")),
            "gateway_id": text(assoc.get("GatewayId")),
        }
        out.append(live("aws_route_table_association", aid, fields, record.region))
    return out


def convert_internet_gateway(record: Record) -> list[Resource]:
    d = record.data
    gid = str(d["InternetGatewayId"])
    attached = [a for a in d.get("Attachments", []) if a.get("State") in ("available", "attached", None)]
    attrs = {
        "arn": f"arn:aws:ec2:{record.region}:{text(d.get('OwnerId'))}:internet-gateway/{gid}",
        "owner_id": text(d.get("OwnerId")),
        "vpc_id": text(attached[0].get("VpcId")) if attached else "",
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_internet_gateway", gid, attrs, record.region)]


def convert_nat_gateway(record: Record) -> list[Resource]:
    d = record.data
    if d.get("State") in NAT_GONE_STATES:
        return []
    nid = str(d["NatGatewayId"])
    addresses = d.get("NatGatewayAddresses") or []
    primary = next((a for a in addresses if a.get("IsPrimary", True)), addresses[0] if addresses else {})
    secondary = [a for a in addresses if a is not primary]
    attrs = {
        "allocation_id": text(primary.get("AllocationId")),
        "subnet_id": text(d.get("SubnetId")),
        "connectivity_type": text(d.get("ConnectivityType") or "public"),
        "network_interface_id": text(primary.get("NetworkInterfaceId")),
        "private_ip": text(primary.get("PrivateIp")),
        "public_ip": text(primary.get("PublicIp")),
        "secondary_allocation_ids": sorted(
            text(a.get("AllocationId")) for a in secondary if a.get("AllocationId")
        ),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_nat_gateway", nid, attrs, record.region)]


def convert_eip(record: Record) -> list[Resource]:
    d = record.data
    aid = text(d.get("AllocationId"))
    if not aid:
        return []  # an EC2-Classic address: no allocation id, not an aws_eip of a VPC
    attrs = {
        "allocation_id": aid,
        "public_ip": text(d.get("PublicIp")),
        "domain": text(d.get("Domain") or "vpc"),
        "instance": text(d.get("InstanceId")),
        "network_interface": text(d.get("NetworkInterfaceId")),
        "private_ip": text(d.get("PrivateIpAddress")),
        "association_id": text(d.get("AssociationId")),
        "public_ipv4_pool": text(d.get("PublicIpv4Pool")),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_eip", aid, attrs, record.region)]


def convert_launch_template(record: Record) -> list[Resource]:
    d = record.data
    tid = str(d["LaunchTemplateId"])
    versions = record.extras.get("version") or []
    data = (versions[0].get("LaunchTemplateData") or {}) if versions else {}
    profile = data.get("IamInstanceProfile") or {}
    attrs: dict[str, Any] = {
        "name": text(d.get("LaunchTemplateName")),
        "default_version": d.get("DefaultVersionNumber"),
        "latest_version": d.get("LatestVersionNumber"),
        "tags": tag_map(d.get("Tags")),
    }
    if versions:
        attrs.update(
            {
                "description": text(versions[0].get("VersionDescription")),
                "image_id": text(data.get("ImageId")),
                "instance_type": text(data.get("InstanceType")),
                "key_name": text(data.get("KeyName")),
                "user_data": text(data.get("UserData")),
                "ebs_optimized": ""
                if data.get("EbsOptimized") is None
                else str(data["EbsOptimized"]).lower(),
                "vpc_security_group_ids": sorted(data.get("SecurityGroupIds") or []),
                "security_group_names": sorted(data.get("SecurityGroups") or []),
                "iam_instance_profile": (
                    [{"arn": text(profile.get("Arn")), "name": text(profile.get("Name"))}] if profile else []
                ),
            }
        )
    return [live("aws_launch_template", tid, attrs, record.region)]
