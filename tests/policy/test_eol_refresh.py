"""`iacscan eol refresh` with botocore-stubbed EKS and RDS clients (the local endpoint lacks these APIs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from botocore.stub import Stubber
from click.testing import CliRunner

from scanner.cli import main_group
from scanner.commands import eol as eol_command
from scanner.policy.eol import assess
from scanner.policy.eol_data import DATA_DIRNAME, load_eol_data
from scanner.policy.eol_refresh import fetch_eks, fetch_rds, override_document, refresh
from scanner.policy.loader import builtin_policy_root

PACIFIC = timezone(timedelta(hours=-8))

EKS_PAGE_1 = {
    "clusterVersions": [
        {
            "clusterVersion": "1.36",
            "clusterType": "eks",
            "releaseDate": datetime(2026, 5, 20, 17, 0, tzinfo=PACIFIC),
            "endOfStandardSupportDate": datetime(2027, 7, 19, 16, 0, tzinfo=PACIFIC),
            "endOfExtendedSupportDate": datetime(2028, 7, 19, 16, 0, tzinfo=PACIFIC),
            "versionStatus": "STANDARD_SUPPORT",
        }
    ],
    "nextToken": "page-2",
}
EKS_PAGE_2 = {
    "clusterVersions": [
        {
            "clusterVersion": "1.31",
            "endOfStandardSupportDate": datetime(2025, 11, 26, tzinfo=timezone.utc),
            "endOfExtendedSupportDate": datetime(2026, 11, 26, tzinfo=timezone.utc),
            "versionStatus": "EXTENDED_SUPPORT",
        },
        {"clusterVersion": "1.37", "versionStatus": "STANDARD_SUPPORT"},
    ]
}


def _lifecycle(name: str, start: datetime, end: datetime) -> dict[str, Any]:
    return {"LifecycleSupportName": name, "LifecycleSupportStartDate": start, "LifecycleSupportEndDate": end}


UTC = timezone.utc
RDS_PAGE = {
    "DBMajorEngineVersions": [
        {
            "Engine": "postgres",
            "MajorEngineVersion": "18",
            "SupportedEngineLifecycles": [
                _lifecycle(
                    "open-source-rds-standard-support",
                    datetime(2025, 11, 20, tzinfo=UTC),
                    datetime(2031, 2, 28, tzinfo=UTC),
                ),
                _lifecycle(
                    "open-source-rds-extended-support",
                    datetime(2031, 3, 1, tzinfo=UTC),
                    datetime(2034, 2, 28, tzinfo=UTC),
                ),
            ],
        },
        {
            "Engine": "mariadb",
            "MajorEngineVersion": "10.6",
            "SupportedEngineLifecycles": [
                _lifecycle(
                    "open-source-rds-standard-support",
                    datetime(2022, 2, 3, tzinfo=UTC),
                    datetime(2026, 8, 31, tzinfo=UTC),
                ),
            ],
        },
        {"Engine": "sqlserver-ee", "MajorEngineVersion": "16.00", "SupportedEngineLifecycles": []},
    ]
}


@pytest.fixture
def eks() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client("eks", region_name="us-east-1")
    with Stubber(client) as stub:
        yield client, stub


@pytest.fixture
def rds() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client("rds", region_name="us-east-1")
    with Stubber(client) as stub:
        yield client, stub


def test_eks_pages_and_utc_dates(eks: tuple[Any, Stubber]) -> None:
    client, stub = eks
    stub.add_response("describe_cluster_versions", EKS_PAGE_1, {"includeAll": True})
    stub.add_response("describe_cluster_versions", EKS_PAGE_2, {"includeAll": True, "nextToken": "page-2"})
    cycles = fetch_eks(client)
    stub.assert_no_pending_responses()
    assert [c["cycle"] for c in cycles] == ["1.31", "1.36", "1.37"]
    by = {c["cycle"]: c["dates"] for c in cycles}
    # 16:00 Pacific is midnight UTC of the next day: the date the EKS docs print.
    assert by["1.36"] == {"end_of_standard_support": "2027-07-20", "end_of_extended_support": "2028-07-20"}
    assert by["1.31"] == {"end_of_standard_support": "2025-11-26", "end_of_extended_support": "2026-11-26"}
    assert by["1.37"] == {}


def test_rds_engines_map_to_products(rds: tuple[Any, Stubber]) -> None:
    client, stub = rds
    stub.add_response("describe_db_major_engine_versions", RDS_PAGE, {})
    products = fetch_rds(client)
    assert sorted(products) == ["rds-mariadb", "rds-postgresql"]
    assert products["rds-postgresql"][0]["dates"] == {
        "end_of_standard_support": "2031-02-28",
        "end_of_extended_support": "2034-02-28",
    }
    assert products["rds-mariadb"][0]["dates"] == {"end_of_standard_support": "2026-08-31"}


def test_refresh_document_merges_over_shipped_data(
    eks: tuple[Any, Stubber], rds: tuple[Any, Stubber], tmp_path: Path
) -> None:
    eks[1].add_response("describe_cluster_versions", EKS_PAGE_2, {"includeAll": True})
    rds[1].add_response("describe_db_major_engine_versions", RDS_PAGE, {})
    result = refresh(eks[0], rds[0])
    assert result.warnings == [] and result.cycle_count == 4
    path = tmp_path / "eol-overrides.yaml"
    path.write_text(override_document(result, date(2027, 1, 5), "us-east-1"))
    doc = yaml.safe_load(path.read_text())
    assert doc["products"]["eks"]["last_checked"] == "2027-01-05"
    data = load_eol_data(builtin_policy_root() / DATA_DIRNAME, path)
    assert data.warnings == ()
    mariadb = data.products["rds-mariadb"]
    assert assess(mariadb, "10.6.18", date(2026, 8, 1), 30).severity == "medium"  # date moved by the API
    assert data.products["rds-postgresql"].find("18").dates  # type: ignore[union-attr]
    assert data.products["eks"].last_checked == date(2027, 1, 5)


def test_a_failing_api_is_a_warning_naming_the_call(
    eks: tuple[Any, Stubber], rds: tuple[Any, Stubber]
) -> None:
    eks[1].add_client_error(
        "describe_cluster_versions", service_error_code="AccessDeniedException", service_message="not allowed"
    )
    rds[1].add_response("describe_db_major_engine_versions", RDS_PAGE, {})
    result = refresh(eks[0], rds[0])
    assert result.warnings == ["eks:DescribeClusterVersions: AccessDeniedException: not allowed"]
    assert "rds-postgresql" in result.products and "eks" not in result.products


def test_cli_writes_the_override_atomically_and_scans_pick_it_up(
    eks: tuple[Any, Stubber], rds: tuple[Any, Stubber], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eks[1].add_response("describe_cluster_versions", EKS_PAGE_1, {"includeAll": True})
    eks[1].add_response("describe_cluster_versions", EKS_PAGE_2, {"includeAll": True, "nextToken": "page-2"})
    rds[1].add_client_error("describe_db_major_engine_versions", service_error_code="Throttling")
    monkeypatch.setattr(
        eol_command, "_clients", lambda profile, region, endpoint: ("us-east-1", eks[0], rds[0])
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IACSCAN_EOL_OVERRIDES", raising=False)
    result = CliRunner().invoke(main_group, ["eol", "refresh"])
    assert result.exit_code == 0, result.output
    assert "rds:DescribeDBMajorEngineVersions: Throttling" in result.output
    written = tmp_path / ".iacscan" / "eol-overrides.yaml"
    assert "wrote 3 version entries (eks)" in result.output
    assert not [p for p in written.parent.iterdir() if p.name.endswith(".tmp")]
    show = CliRunner().invoke(main_group, ["eol", "show", "--as-of", "2026-12-01"])
    assert show.exit_code == 0 and f"override: {written}" in show.output


def test_cli_fails_when_nothing_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eol_command, "_clients", lambda profile, region, endpoint: ("us-east-1", None, None))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main_group, ["eol", "refresh", "--skip-eks", "--skip-rds"])
    assert result.exit_code == 2
    assert "no lifecycle dates were read" in result.output
    assert not (tmp_path / ".iacscan").exists()
    missing = CliRunner().invoke(
        main_group, ["eol", "refresh", "--skip-rds", "-o", str(tmp_path / "no" / "x.yaml")]
    )
    assert missing.exit_code == 2
