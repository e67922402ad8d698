"""Title = condition: each reviewed policy passes what its title allows and fails only what it names.

Stricter recommendations live in their own (201+) policies, so the same input that passes the base
policy fails the stricter one, and a user can skip one without losing the other.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.model import Status
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies
from scanner.sources.terraform_hcl import load_terraform_dir

BY_ID = {p.id: p for p in load_policies([builtin_policy_root()])}


def cloudfront(tls: str) -> str:
    return f"""
resource "aws_cloudfront_distribution" "site" {{
  enabled = true
  viewer_certificate {{
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "{tls}"
  }}
}}
"""


def elasticache(extra: str) -> str:
    return f"""
resource "aws_elasticache_replication_group" "g" {{
  replication_group_id = "g"
  description          = "g"
  node_type            = "cache.t4g.small"
  {extra}
}}
"""


def rds(retention: str) -> str:
    return f"""
resource "aws_db_instance" "db" {{
  identifier     = "db"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  {retention}
}}
"""


def opensearch(policy: str) -> str:
    return f"""
resource "aws_opensearch_domain" "d" {{
  domain_name = "d"
  domain_endpoint_options {{
    enforce_https       = true
    tls_security_policy = "{policy}"
  }}
}}
"""


PREFERRED = 'transit_encryption_enabled = true\n  transit_encryption_mode = "preferred"'
REQUIRED = 'transit_encryption_enabled = true\n  transit_encryption_mode = "required"'


CASES = [
    # "CloudFront requires TLS 1.2 or newer": every TLS 1.2 policy is TLS 1.2.
    ("AWS-CLOUDFRONT-002", cloudfront("TLSv1.2_2018"), Status.PASS),
    ("AWS-CLOUDFRONT-002", cloudfront("TLSv1.2_2019"), Status.PASS),
    ("AWS-CLOUDFRONT-002", cloudfront("TLSv1.2_2021"), Status.PASS),
    ("AWS-CLOUDFRONT-002", cloudfront("TLSv1.1_2016"), Status.FAIL),
    ("AWS-CLOUDFRONT-002", cloudfront("TLSv1"), Status.FAIL),
    ("AWS-CLOUDFRONT-201", cloudfront("TLSv1.2_2019"), Status.FAIL),
    ("AWS-CLOUDFRONT-201", cloudfront("TLSv1.2_2021"), Status.PASS),
    ("AWS-CLOUDFRONT-201", cloudfront("TLSv1.3_2025"), Status.PASS),
    # "encrypts data in transit": the preferred (migration) mode encrypts; refusing plain text is 201.
    ("AWS-ELASTICACHE-002", elasticache(PREFERRED), Status.PASS),
    ("AWS-ELASTICACHE-002", elasticache(""), Status.FAIL),
    ("AWS-ELASTICACHE-201", elasticache(PREFERRED), Status.FAIL),
    ("AWS-ELASTICACHE-201", elasticache(REQUIRED), Status.PASS),
    # "backups enabled" is not "kept 7 days".
    ("AWS-RDS-201", rds("backup_retention_period = 3"), Status.PASS),
    ("AWS-RDS-201", rds(""), Status.PASS),
    ("AWS-RDS-201", rds("backup_retention_period = 0"), Status.FAIL),
    ("AWS-RDS-003", rds("backup_retention_period = 3"), Status.FAIL),
    ("AWS-RDS-003", rds("backup_retention_period = 7"), Status.PASS),
    # "requires TLS 1.2 or later": any Policy-Min-TLS-1-2-* policy, including ones newer than the list.
    ("AWS-OPENSEARCH-004", opensearch("Policy-Min-TLS-1-2-2019-07"), Status.PASS),
    ("AWS-OPENSEARCH-004", opensearch("Policy-Min-TLS-1-2-PFS-2023-10"), Status.PASS),
    ("AWS-OPENSEARCH-004", opensearch("Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08"), Status.PASS),
    ("AWS-OPENSEARCH-004", opensearch("Policy-Min-TLS-1-0-2019-07"), Status.FAIL),
]


@pytest.mark.parametrize(("policy_id", "hcl", "expected"), CASES)
def test_title_and_condition_agree(policy_id: str, hcl: str, expected: Status, tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(hcl)
    inventory = load_terraform_dir(tmp_path, base_dir=tmp_path)
    findings = evaluate_inventory(inventory, PolicySet.of([BY_ID[policy_id]]))
    assert [f.status for f in findings] == [expected], [f.message for f in findings]


def test_new_policies_use_ids_from_201_and_split_a_stricter_intent() -> None:
    for stricter, base in [
        ("AWS-CLOUDFRONT-201", "AWS-CLOUDFRONT-002"),
        ("AWS-ELASTICACHE-201", "AWS-ELASTICACHE-002"),
    ]:
        assert base in BY_ID[stricter].description, stricter
        assert BY_ID[stricter].severity.rank < BY_ID[base].severity.rank, stricter
