"""Create one resource of a Terraform type with the real AWS APIs (for the demo, tests, benchmark).

Each creator receives a boto3-client getter, the resource's attributes (already rewritten to the
ids created so far) and returns ``{old value: new value}`` for the ids AWS assigned, so that later
resources and the final inventory can refer to them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from botocore.exceptions import ClientError

Clients = Callable[[str], Any]
Creator = Callable[[Clients, Mapping[str, Any], str], dict[str, str]]


def sval(value: Any) -> str:
    return value if isinstance(value, str) else ""


def tag_list(attrs: Mapping[str, Any], key: str = "Key", value: str = "Value") -> list[dict[str, str]]:
    tags = attrs.get("tags_all") or attrs.get("tags") or {}
    return (
        [{key: str(k), value: str(v)} for k, v in sorted(tags.items())] if isinstance(tags, Mapping) else []
    )


def ec2_tags(attrs: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    tags = tag_list(attrs)
    return [{"ResourceType": kind, "Tags": tags}] if tags else []


def id_map(old: Any, new: Any) -> dict[str, str]:
    return {old: str(new)} if isinstance(old, str) and old and old != new else {}


def policy_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def vpc(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    out = ec2.create_vpc(
        CidrBlock=a["cidr_block"],
        InstanceTenancy=sval(a.get("instance_tenancy")) or "default",
        TagSpecifications=ec2_tags(a, "vpc"),
    )["Vpc"]
    vid = out["VpcId"]
    for attr, flag in (
        ("enable_dns_support", "EnableDnsSupport"),
        ("enable_dns_hostnames", "EnableDnsHostnames"),
    ):
        if isinstance(a.get(attr), bool):
            ec2.modify_vpc_attribute(VpcId=vid, **{flag: {"Value": a[attr]}})
    return {**id_map(a.get("id"), vid), **id_map(a.get("dhcp_options_id"), out.get("DhcpOptionsId"))}


def subnet(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    kwargs: dict[str, Any] = {"VpcId": a["vpc_id"], "CidrBlock": a["cidr_block"]}
    if sval(a.get("availability_zone")):
        kwargs["AvailabilityZone"] = a["availability_zone"]
    out = ec2.create_subnet(**kwargs, TagSpecifications=ec2_tags(a, "subnet"))["Subnet"]
    if a.get("map_public_ip_on_launch"):
        ec2.modify_subnet_attribute(SubnetId=out["SubnetId"], MapPublicIpOnLaunch={"Value": True})
    return {**id_map(a.get("id"), out["SubnetId"]), **id_map(a.get("arn"), out.get("SubnetArn"))}


def _permissions(rule: Mapping[str, Any], self_id: str) -> dict[str, Any]:
    proto = str(rule.get("protocol", "-1"))
    perm: dict[str, Any] = {"IpProtocol": "-1" if proto in ("all", "-1") else proto}
    if perm["IpProtocol"] != "-1":
        perm.update(FromPort=int(rule.get("from_port") or 0), ToPort=int(rule.get("to_port") or 0))
    desc = {"Description": rule["description"]} if sval(rule.get("description")) else {}
    perm["IpRanges"] = [{"CidrIp": x, **desc} for x in rule.get("cidr_blocks") or []]
    perm["Ipv6Ranges"] = [{"CidrIpv6": x, **desc} for x in rule.get("ipv6_cidr_blocks") or []]
    perm["PrefixListIds"] = [{"PrefixListId": x, **desc} for x in rule.get("prefix_list_ids") or []]
    groups = list(rule.get("security_groups") or [])
    if sval(rule.get("source_security_group_id")):
        groups.append(rule["source_security_group_id"])
    if rule.get("self"):
        groups.append(self_id)
    perm["UserIdGroupPairs"] = [{"GroupId": g, **desc} for g in groups]
    return perm


def authorize(ec2: Any, group_id: str, direction: str, rule: Mapping[str, Any]) -> None:
    call = (
        ec2.authorize_security_group_egress if direction == "egress" else ec2.authorize_security_group_ingress
    )
    try:
        call(GroupId=group_id, IpPermissions=[_permissions(rule, group_id)])
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "InvalidPermission.Duplicate":
            raise


def security_group(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    ec2 = c("ec2")
    kwargs: dict[str, Any] = {
        "GroupName": a["name"],
        "Description": sval(a.get("description")) or "Managed by Terraform",
    }
    if sval(a.get("vpc_id")):
        kwargs["VpcId"] = a["vpc_id"]
    gid = ec2.create_security_group(**kwargs, TagSpecifications=ec2_tags(a, "security-group"))["GroupId"]
    # Terraform removes the allow-all egress AWS adds; the state's egress says what is really there.
    ec2.revoke_security_group_egress(
        GroupId=gid, IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    )
    return {
        **id_map(a.get("id"), gid),
        **id_map(a.get("arn"), a.get("arn", "").replace(str(a.get("id")), gid)),
    }


def security_group_inline_rules(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    """Second pass, once every group exists: rules may refer to other groups."""
    for direction in ("ingress", "egress"):
        for rule in a.get(direction) or []:
            authorize(c("ec2"), a["id"], direction, rule)
    return {}


def security_group_rule(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
    authorize(c("ec2"), a["security_group_id"], str(a.get("type", "ingress")), a)
    return {}


def vpc_security_group_rule(direction: str) -> Creator:
    def create(c: Clients, a: Mapping[str, Any], region: str) -> dict[str, str]:
        rule = {
            "protocol": a.get("ip_protocol"),
            "from_port": a.get("from_port"),
            "to_port": a.get("to_port"),
            "cidr_blocks": [a["cidr_ipv4"]] if sval(a.get("cidr_ipv4")) else [],
            "ipv6_cidr_blocks": [a["cidr_ipv6"]] if sval(a.get("cidr_ipv6")) else [],
            "prefix_list_ids": [a["prefix_list_id"]] if sval(a.get("prefix_list_id")) else [],
            "source_security_group_id": a.get("referenced_security_group_id"),
            "description": a.get("description"),
        }
        ec2 = c("ec2")
        call = (
            ec2.authorize_security_group_egress
            if direction == "egress"
            else ec2.authorize_security_group_ingress
        )
        out = call(GroupId=a["security_group_id"], IpPermissions=[_permissions(rule, a["security_group_id"])])
        rules = out.get("SecurityGroupRules") or []
        return id_map(a.get("id"), rules[0]["SecurityGroupRuleId"]) if rules else {}

    return create
