"""``aws_route_table``, ``aws_route_table_association``, ``aws_internet_gateway``, ``aws_nat_gateway``,
``aws_eip`` and ``aws_launch_template``."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from scanner.model import Inventory
from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

NET_TYPES = (
    "aws_route_table",
    "aws_route_table_association",
    "aws_internet_gateway",
    "aws_nat_gateway",
    "aws_eip",
)
ROUTE_KEYS = (
    "carrier_gateway_id",
    "core_network_arn",
    "destination_prefix_list_id",
    "egress_only_gateway_id",
    "ipv6_cidr_block",
    "local_gateway_id",
    "network_interface_id",
    "transit_gateway_id",
    "vpc_endpoint_id",
    "vpc_peering_connection_id",
)


def _route(cidr: str, **target: str) -> dict[str, str]:
    route = {key: "" for key in ROUTE_KEYS}
    return {**route, "cidr_block": cidr, "gateway_id": "", "nat_gateway_id": "", **target}


def _network(endpoint: str) -> tuple[dict[str, str], Inventory]:
    ec2 = aws(endpoint, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.1.0/24")["Subnet"]["SubnetId"]
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.2.0/24")["Subnet"]["SubnetId"]
    igw = ec2.create_internet_gateway(
        TagSpecifications=[{"ResourceType": "internet-gateway", "Tags": [{"Key": "Name", "Value": "main"}]}]
    )["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    eip = ec2.allocate_address(Domain="vpc")
    nat = ec2.create_nat_gateway(SubnetId=public, AllocationId=eip["AllocationId"])["NatGateway"]
    rtb = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=rtb, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat["NatGatewayId"])
    assoc = ec2.associate_route_table(RouteTableId=rtb, SubnetId=private)["AssociationId"]
    nat = ec2.describe_nat_gateways(NatGatewayIds=[nat["NatGatewayId"]])["NatGateways"][0]
    address = nat["NatGatewayAddresses"][0]
    ids = {"vpc": vpc, "public": public, "private": private, "igw": igw, "rtb": rtb, "assoc": assoc}
    ids.update({"eip": eip["AllocationId"], "nat": nat["NatGatewayId"]})
    arn = f"arn:aws:ec2:{REGION}:{ACCOUNT}"
    tables = (
        "aws_route_table",
        "private",
        {
            "id": rtb,
            "arn": f"{arn}:route-table/{rtb}",
            "owner_id": ACCOUNT,
            "propagating_vgws": [],
            "route": [_route("0.0.0.0/0", nat_gateway_id=nat["NatGatewayId"])],
            "tags": {},
            "tags_all": {},
            "timeouts": None,
            "vpc_id": vpc,
        },
    )
    association = (
        "aws_route_table_association",
        "private",
        {"id": assoc, "gateway_id": "", "route_table_id": rtb, "subnet_id": private, "timeouts": None},
    )
    gateway = (
        "aws_internet_gateway",
        "main",
        {
            "id": igw,
            "arn": f"{arn}:internet-gateway/{igw}",
            "owner_id": ACCOUNT,
            "tags": {"Name": "main"},
            "tags_all": {"Name": "main"},
            "timeouts": None,
            "vpc_id": vpc,
        },
    )
    nat_state = (
        "aws_nat_gateway",
        "main",
        {
            "id": ids["nat"],
            "allocation_id": ids["eip"],
            "association_id": "",
            "connectivity_type": "public",
            "network_interface_id": address.get("NetworkInterfaceId", ""),
            "private_ip": address.get("PrivateIp", ""),
            "public_ip": address.get("PublicIp", ""),
            "secondary_allocation_ids": [],
            "secondary_private_ip_address_count": 0,
            "secondary_private_ip_addresses": [],
            "subnet_id": public,
            "tags": {},
            "tags_all": {},
            "timeouts": None,
        },
    )
    eip_state = (
        "aws_eip",
        "nat",
        {
            "id": ids["eip"],
            "address": None,
            "allocation_id": ids["eip"],
            "associate_with_private_ip": None,
            "association_id": eip.get("AssociationId", ""),
            "carrier_ip": "",
            "customer_owned_ip": "",
            "customer_owned_ipv4_pool": "",
            "domain": "vpc",
            "instance": "",
            "network_border_group": REGION,
            "network_interface": address.get("NetworkInterfaceId", "") if eip.get("AssociationId") else "",
            "private_dns": None,
            "private_ip": "",
            "public_dns": f"ec2-{eip['PublicIp'].replace('.', '-')}.compute-1.amazonaws.com",
            "public_ip": eip["PublicIp"],
            "public_ipv4_pool": "amazon",
            "tags": {},
            "tags_all": {},
            "timeouts": None,
            "vpc": True,
        },
    )
    return ids, state(tables, association, gateway, nat_state, eip_state)


@pytest.mark.slow
def test_network_in_sync_then_each_change_found(aws_endpoint: str) -> None:
    ids, inv = _network(aws_endpoint)
    in_sync(aws_endpoint, inv, *NET_TYPES)
    ec2: Any = aws(aws_endpoint, "ec2")
    ec2.create_route(RouteTableId=ids["rtb"], DestinationCidrBlock="10.99.0.0/16", GatewayId=ids["igw"])
    ec2.create_tags(Resources=[ids["igw"]], Tags=[{"Key": "Name", "Value": "renamed"}])
    ec2.create_tags(Resources=[ids["eip"]], Tags=[{"Key": "owner", "Value": "x"}])
    ec2.create_tags(Resources=[ids["nat"]], Tags=[{"Key": "owner", "Value": "x"}])
    assert drift(aws_endpoint, inv, *NET_TYPES) == [
        ("DRIFT-CHANGED", "aws_eip.nat", "tags.owner"),
        ("DRIFT-CHANGED", "aws_internet_gateway.main", "tags.Name"),
        ("DRIFT-CHANGED", "aws_nat_gateway.main", "tags.owner"),
        ("DRIFT-CHANGED", "aws_route_table.private", "route"),
    ]


def test_association_replaced_by_hand_is_deleted_and_unmanaged(aws_endpoint: str) -> None:
    ids, inv = _network(aws_endpoint)
    ec2 = aws(aws_endpoint, "ec2")
    ec2.disassociate_route_table(AssociationId=ids["assoc"])
    new = ec2.associate_route_table(RouteTableId=ids["rtb"], SubnetId=ids["public"])["AssociationId"]
    assert drift(aws_endpoint, inv, "aws_route_table_association") == [
        ("DRIFT-DELETED", "aws_route_table_association.private", ""),
        ("DRIFT-UNMANAGED", f"aws_route_table_association.{new}", ""),
    ]


@pytest.mark.slow
def test_launch_template_in_sync_then_new_version(aws_endpoint: str) -> None:
    ec2 = aws(aws_endpoint, "ec2")
    user_data = base64.b64encode(b"#!/bin/sh\necho hi\n").decode()
    lt = ec2.create_launch_template(
        LaunchTemplateName="web",
        VersionDescription="first",
        LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.micro", "UserData": user_data},
        TagSpecifications=[{"ResourceType": "launch-template", "Tags": [{"Key": "app", "Value": "web"}]}],
    )["LaunchTemplate"]
    tid = lt["LaunchTemplateId"]
    inv = state(
        (
            "aws_launch_template",
            "web",
            {
                "id": tid,
                "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/{tid}",
                "block_device_mappings": [],
                "default_version": 1,
                "description": "first",
                "disable_api_stop": False,
                "ebs_optimized": "",
                "iam_instance_profile": [],
                "image_id": "ami-12c6146b",
                "instance_type": "t3.micro",
                "key_name": "",
                "latest_version": 1,
                "metadata_options": [],
                "name": "web",
                "name_prefix": "",
                "security_group_names": [],
                "tags": {"app": "web"},
                "tags_all": {"app": "web"},
                "update_default_version": None,
                "user_data": user_data,
                "vpc_security_group_ids": [],
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_launch_template")
    ec2.create_launch_template_version(
        LaunchTemplateId=tid, LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.large"}
    )
    assert drift(aws_endpoint, inv, "aws_launch_template") == [
        ("DRIFT-CHANGED", "aws_launch_template.web", "description"),
        ("DRIFT-CHANGED", "aws_launch_template.web", "instance_type"),
        ("DRIFT-CHANGED", "aws_launch_template.web", "latest_version"),
        ("DRIFT-CHANGED", "aws_launch_template.web", "user_data"),
    ]
