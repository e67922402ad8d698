"""`iacscan policies list` counts the library by service and explains a framework's control ids."""

from __future__ import annotations

import json
import re
from collections import Counter

from scanner.commands.policies import service_counts, service_of
from tests.e2e.cli import iacscan


def test_service_of_policy_ids() -> None:
    assert service_of("AWS-S3-001") == "S3"
    assert service_of("AWS-REDSHIFTSERVERLESS-002") == "REDSHIFTSERVERLESS"
    assert service_of("HOUSE-001") == "HOUSE"
    assert service_counts(["AWS-S3-001", "AWS-EC2-001", "AWS-S3-002"]) == [("EC2", 1), ("S3", 2)]


def test_list_shows_counts_by_service_matching_the_rows() -> None:
    listing = iacscan("policies", "list", "-f", "json")
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    by_service = Counter(row["service"] for row in rows)
    assert len(rows) >= 250 and by_service["S3"] >= 20
    table = iacscan("policies", "list")
    assert table.returncode == 0, table.stderr
    assert "Policies by service" in table.stdout
    s3_row = re.search(r"│ S3\s+│\s+(\d+) │", table.stdout)
    assert s3_row is not None and int(s3_row.group(1)) == by_service["S3"]


def test_framework_listing_explains_house_control_ids() -> None:
    listing = iacscan("policies", "list", "--framework", "aws-security-baseline")
    assert listing.returncode == 0, listing.stderr
    text = " ".join(listing.stdout.split())
    assert "Foundational Security Best Practices" in text and '"x" suffix' in text
