"""EC2 records → ``aws_vpc``, ``aws_subnet``, ``aws_security_group`` (+ rule types), ``aws_instance``,
``aws_ebs_volume``."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, tag_map, text
from scanner.model import Resource

GONE_STATES = frozenset({"terminated", "shutting-down"})


def _arn(region: str, owner: Any, kind: str, ident: str) -> str:
    return f"arn:aws:ec2:{region}:{text(owner)}:{kind}/{ident}"


def convert_vpc(record: Record) -> list[Resource]:
    d = record.data
    attrs = {
        "arn": _arn(record.region, d.get("OwnerId"), "vpc", d["VpcId"]),
        "cidr_block": text(d.get("CidrBlock")),
        "instance_tenancy": text(d.get("InstanceTenancy") or "default"),
        "dhcp_options_id": text(d.get("DhcpOptionsId")),
        "owner_id": text(d.get("OwnerId")),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_vpc", d["VpcId"], attrs, record.region, default=bool(d.get("IsDefault")))]


def convert_subnet(record: Record) -> list[Resource]:
    d = record.data
    attrs = {
        "arn": text(d.get("SubnetArn")) or _arn(record.region, d.get("OwnerId"), "subnet", d["SubnetId"]),
        "vpc_id": text(d.get("VpcId")),
        "cidr_block": text(d.get("CidrBlock")),
        "availability_zone": text(d.get("AvailabilityZone")),
        "map_public_ip_on_launch": bool(d.get("MapPublicIpOnLaunch", False)),
        "assign_ipv6_address_on_creation": bool(d.get("AssignIpv6AddressOnCreation", False)),
        "owner_id": text(d.get("OwnerId")),
        "tags": tag_map(d.get("Tags")),
    }
    return [live("aws_subnet", d["SubnetId"], attrs, record.region, default=bool(d.get("DefaultForAz")))]


def _rule(base: dict[str, Any], description: Any, **source: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "cidr_blocks": [],
        "ipv6_cidr_blocks": [],
        "prefix_list_ids": [],
        "security_groups": [],
        "self": False,
        "description": text(description),
        **base,
    }
    rule.update(source)
    return rule


def _rules(group_id: str, permissions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """IpPermissions → Terraform inline rules, one per source (the drift normaliser compares sets)."""
    out: list[dict[str, Any]] = []
    for perm in permissions:
        base = {
            "protocol": text(perm.get("IpProtocol")),
            "from_port": int(perm.get("FromPort", 0) or 0),
            "to_port": int(perm.get("ToPort", 0) or 0),
        }
        for r in perm.get("IpRanges", []):
            out.append(_rule(base, r.get("Description"), cidr_blocks=[r["CidrIp"]]))
        for r in perm.get("Ipv6Ranges", []):
            out.append(_rule(base, r.get("Description"), ipv6_cidr_blocks=[r["CidrIpv6"]]))
        for r in perm.get("PrefixListIds", []):
            out.append(_rule(base, r.get("Description"), prefix_list_ids=[r["PrefixListId"]]))
        for r in perm.get("UserIdGroupPairs", []):
            if r.get("GroupId") == group_id:
                out.append(_rule(base, r.get("Description"), self=True))
            else:
                out.append(_rule(base, r.get("Description"), security_groups=[text(r.get("GroupId"))]))
    return out


def convert_security_group(record: Record) -> list[Resource]:
    d = record.data
    gid = d["GroupId"]
    attrs = {
        "arn": _arn(record.region, d.get("OwnerId"), "security-group", gid),
        "name": text(d.get("GroupName")),
        "description": text(d.get("Description")),
        "vpc_id": text(d.get("VpcId")),
        "owner_id": text(d.get("OwnerId")),
        "tags": tag_map(d.get("Tags")),
        "ingress": _rules(gid, d.get("IpPermissions", [])),
        "egress": _rules(gid, d.get("IpPermissionsEgress", [])),
    }
    return [live("aws_security_group", gid, attrs, record.region, default=d.get("GroupName") == "default")]


def convert_security_group_rule(record: Record) -> list[Resource]:
    """One API rule → the v5 rule resource and the classic ``aws_security_group_rule`` shape."""
    d = record.data
    rid = d["SecurityGroupRuleId"]
    gid = text(d.get("GroupId"))
    egress = bool(d.get("IsEgress"))
    protocol = text(d.get("IpProtocol"))
    all_ports = protocol == "-1"
    ref = text((d.get("ReferencedGroupInfo") or {}).get("GroupId"))
    tags = tag_map(d.get("Tags"))
    v5 = {
        "security_group_rule_id": rid,
        "security_group_id": gid,
        "ip_protocol": protocol,
        "from_port": None if all_ports else d.get("FromPort"),
        "to_port": None if all_ports else d.get("ToPort"),
        "cidr_ipv4": d.get("CidrIpv4"),
        "cidr_ipv6": d.get("CidrIpv6"),
        "prefix_list_id": d.get("PrefixListId"),
        "referenced_security_group_id": ref or None,
        "description": d.get("Description"),
        "tags": tags,
    }
    v5_type = "aws_vpc_security_group_egress_rule" if egress else "aws_vpc_security_group_ingress_rule"
    classic = {
        "type": "egress" if egress else "ingress",
        "security_group_id": gid,
        "protocol": protocol,
        "from_port": int(d.get("FromPort", 0) or 0) if not all_ports else 0,
        "to_port": int(d.get("ToPort", 0) or 0) if not all_ports else 0,
        "cidr_blocks": [d["CidrIpv4"]] if d.get("CidrIpv4") else [],
        "ipv6_cidr_blocks": [d["CidrIpv6"]] if d.get("CidrIpv6") else [],
        "prefix_list_ids": [d["PrefixListId"]] if d.get("PrefixListId") else [],
        "self": ref == gid,
        "source_security_group_id": ref if ref and ref != gid else "",
        "description": text(d.get("Description")),
    }
    return [
        live(v5_type, rid, v5, record.region),
        live("aws_security_group_rule", rid, classic, record.region),
    ]


def convert_instance(record: Record) -> list[Resource]:
    d = record.data
    state = text((d.get("State") or {}).get("Name"))
    if state in GONE_STATES:
        return []
    iid = d["InstanceId"]
    profile = text((d.get("IamInstanceProfile") or {}).get("Arn"))
    meta = d.get("MetadataOptions") or {}
    attrs = {
        "ami": text(d.get("ImageId")),
        "instance_type": text(d.get("InstanceType")),
        "availability_zone": text((d.get("Placement") or {}).get("AvailabilityZone")),
        "subnet_id": text(d.get("SubnetId")),
        "vpc_security_group_ids": sorted(text(g.get("GroupId")) for g in d.get("SecurityGroups", [])),
        "key_name": text(d.get("KeyName")),
        "private_ip": text(d.get("PrivateIpAddress")),
        "iam_instance_profile": profile.rsplit("/", 1)[-1] if profile else "",
        "ebs_optimized": bool(d.get("EbsOptimized", False)),
        "monitoring": text((d.get("Monitoring") or {}).get("State")) in ("enabled", "pending"),
        "instance_state": state,
        "tags": tag_map(d.get("Tags")),
    }
    root = d.get("RootDeviceName")
    attrs["_volumes"] = sorted(
        text((m.get("Ebs") or {}).get("VolumeId"))
        for m in d.get("BlockDeviceMappings", [])
        if (m.get("Ebs") or {}).get("DeleteOnTermination") or m.get("DeviceName") == root
    )
    if meta:
        attrs["metadata_options"] = [
            {
                "http_endpoint": text(meta.get("HttpEndpoint")),
                "http_tokens": text(meta.get("HttpTokens")),
                "http_put_response_hop_limit": meta.get("HttpPutResponseHopLimit"),
            }
        ]
    return [live("aws_instance", iid, attrs, record.region)]


def convert_volume(record: Record) -> list[Resource]:
    d = record.data
    vid = d["VolumeId"]
    attrs = {
        "availability_zone": text(d.get("AvailabilityZone")),
        "size": d.get("Size"),
        "type": text(d.get("VolumeType")),
        "encrypted": bool(d.get("Encrypted", False)),
        "kms_key_id": text(d.get("KmsKeyId")),
        "multi_attach_enabled": bool(d.get("MultiAttachEnabled", False)),
        "tags": tag_map(d.get("Tags")),
    }
    # Volumes that live and die with an instance (root and DeleteOnTermination devices) belong to it.
    attrs["_instance_volume"] = any(a.get("DeleteOnTermination") for a in d.get("Attachments", []))
    if d.get("Iops") is not None:
        attrs["iops"] = d["Iops"]
    if d.get("Throughput") is not None:
        attrs["throughput"] = d["Throughput"]
    return [live("aws_ebs_volume", vid, attrs, record.region)]
