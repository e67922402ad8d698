"""``aws_route53_zone``, ``aws_route53_record`` (listed per zone) and ``aws_acm_certificate``."""

from __future__ import annotations

from typing import Any

from tests.drift.types.harness import aws, drift, in_sync, state


def _zone(endpoint: str) -> tuple[str, Any]:
    r53 = aws(endpoint, "route53")
    zone = r53.create_hosted_zone(
        Name="example.com", CallerReference="iacscan", HostedZoneConfig={"Comment": "Managed by Terraform"}
    )["HostedZone"]
    zid = zone["Id"].rsplit("/", 1)[-1]
    changes = [
        {"Name": "www.example.com", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.10"}]},
        {"Name": "example.com", "Type": "TXT", "TTL": 300, "ResourceRecords": [{"Value": '"v=spf1 -all"'}]},
    ]
    r53.change_resource_record_sets(
        HostedZoneId=zid,
        ChangeBatch={"Changes": [{"Action": "CREATE", "ResourceRecordSet": c} for c in changes]},
    )
    zone_state = (
        "aws_route53_zone",
        "main",
        {
            "id": zid,
            "arn": f"arn:aws:route53:::hostedzone/{zid}",
            "comment": "Managed by Terraform",
            "delegation_set_id": "",
            "force_destroy": False,
            "name": "example.com",
            "name_servers": ["ns-1.awsdns-01.org"],
            "primary_name_server": "ns-1.awsdns-01.org",
            "tags": {},
            "tags_all": {},
            "vpc": [],
            "zone_id": zid,
        },
    )

    def record(name: str, short: str, rtype: str, records: list[str]) -> tuple[str, str, dict[str, Any]]:
        return (
            "aws_route53_record",
            name,
            {
                "id": f"{zid}_{short}_{rtype}",
                "alias": [],
                "allow_overwrite": None,
                "cidr_routing_policy": [],
                "failover_routing_policy": [],
                "fqdn": f"{short}.example.com" if short != "example.com" else short,
                "geolocation_routing_policy": [],
                "health_check_id": "",
                "multivalue_answer_routing_policy": False,
                "name": short,  # the short name, as written in the configuration
                "records": records,
                "set_identifier": "",
                "ttl": 300,
                "type": rtype,
                "weighted_routing_policy": [],
                "zone_id": zid,
            },
        )

    inv = state(
        zone_state,
        record("www", "www", "A", ["192.0.2.10"]),
        record("spf", "example.com", "TXT", ["v=spf1 -all"]),
    )
    return zid, inv


def test_zone_and_records_in_sync_then_record_changed_and_added(aws_endpoint: str) -> None:
    zid, inv = _zone(aws_endpoint)
    in_sync(aws_endpoint, inv, "aws_route53_zone", "aws_route53_record")
    changes = [
        {"Name": "www.example.com", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.99"}]},
        {
            "Name": "test.example.com",
            "Type": "CNAME",
            "TTL": 60,
            "ResourceRecords": [{"Value": "example.org"}],
        },
    ]
    aws(aws_endpoint, "route53").change_resource_record_sets(
        HostedZoneId=zid,
        ChangeBatch={"Changes": [{"Action": "UPSERT", "ResourceRecordSet": c} for c in changes]},
    )
    assert drift(aws_endpoint, inv, "aws_route53_zone", "aws_route53_record") == [
        ("DRIFT-CHANGED", "aws_route53_record.www", "records[0]"),
        ("DRIFT-UNMANAGED", f"aws_route53_record.{zid}_test.example.com_CNAME", ""),
    ]


def test_records_of_a_deleted_zone_are_deleted(aws_endpoint: str) -> None:
    zid, inv = _zone(aws_endpoint)
    r53 = aws(aws_endpoint, "route53")
    sets = r53.list_resource_record_sets(HostedZoneId=zid)["ResourceRecordSets"]
    own = [s for s in sets if s["Type"] not in ("NS", "SOA")]
    r53.change_resource_record_sets(
        HostedZoneId=zid, ChangeBatch={"Changes": [{"Action": "DELETE", "ResourceRecordSet": s} for s in own]}
    )
    r53.delete_hosted_zone(Id=zid)
    assert drift(aws_endpoint, inv, "aws_route53_zone", "aws_route53_record") == [
        ("DRIFT-DELETED", "aws_route53_record.spf", ""),
        ("DRIFT-DELETED", "aws_route53_record.www", ""),
        ("DRIFT-DELETED", "aws_route53_zone.main", ""),
    ]


def test_acm_certificate_in_sync_then_tagged(aws_endpoint: str) -> None:
    acm = aws(aws_endpoint, "acm")
    arn = acm.request_certificate(
        DomainName="example.com",
        SubjectAlternativeNames=["example.com", "www.example.com"],
        ValidationMethod="DNS",
        Tags=[{"Key": "app", "Value": "web"}],
    )["CertificateArn"]
    inv = state(
        (
            "aws_acm_certificate",
            "web",
            {
                "id": arn,
                "arn": arn,
                "certificate_authority_arn": "",
                "certificate_body": None,
                "certificate_chain": None,
                "domain_name": "example.com",
                "domain_validation_options": [],
                "early_renewal_duration": "",
                "key_algorithm": "RSA_2048",
                "not_after": "",
                "not_before": "",
                "options": [{"certificate_transparency_logging_preference": "ENABLED"}],
                "pending_renewal": False,
                "private_key": None,
                "renewal_eligibility": "INELIGIBLE",
                "renewal_summary": [],
                "status": "PENDING_VALIDATION",
                "subject_alternative_names": ["www.example.com"],
                "tags": {"app": "web"},
                "tags_all": {"app": "web"},
                "type": "AMAZON_ISSUED",
                "validation_emails": [],
                "validation_method": "DNS",
                "validation_option": [],
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_acm_certificate")
    acm.add_tags_to_certificate(CertificateArn=arn, Tags=[{"Key": "owner", "Value": "someone"}])
    assert drift(aws_endpoint, inv, "aws_acm_certificate") == [
        ("DRIFT-CHANGED", "aws_acm_certificate.web", "tags.owner")
    ]
