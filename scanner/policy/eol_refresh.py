"""Refreshing end-of-life dates from the AWS APIs that publish them, into a local override document.

EKS ``DescribeClusterVersions`` gives each Kubernetes version's end of standard and extended support;
RDS ``DescribeDBMajorEngineVersions`` gives the same for MySQL, PostgreSQL, MariaDB and both Aurora
engines. The clients are passed in (boto3 clients, or botocore-stubbed ones in tests). A failing API
becomes a warning and the other one's dates are still written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import yaml
from botocore.exceptions import BotoCoreError, ClientError

EKS_API_DOC = "https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeClusterVersions.html"
RDS_API_DOC = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBMajorEngineVersions.html"
)

RDS_PRODUCTS = {
    "mysql": "rds-mysql",
    "postgres": "rds-postgresql",
    "mariadb": "rds-mariadb",
    "aurora-mysql": "aurora-mysql",
    "aurora-postgresql": "aurora-postgresql",
}
RDS_LIFECYCLES = {
    "open-source-rds-standard-support": "end_of_standard_support",
    "open-source-rds-extended-support": "end_of_extended_support",
}


@dataclass(slots=True)
class Refresh:
    """Cycles per product read from the APIs, and the calls that failed."""

    products: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def cycle_count(self) -> int:
        return sum(len(v) for v in self.products.values())


def _utc_date(value: Any) -> str | None:
    """API timestamps (``2025-11-25T16:00:00-08:00``) → the UTC calendar date (``2025-11-26``)."""
    if isinstance(value, datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return stamp.astimezone(timezone.utc).date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def _error(call: str, exc: Exception) -> str:
    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        return f"{call}: {err.get('Code', 'error')}: {err.get('Message', '')}".rstrip(": ")
    return f"{call}: {exc}"


def fetch_eks(client: Any) -> list[dict[str, Any]]:
    """Kubernetes versions with their support dates (all versions, including unsupported ones)."""
    cycles: dict[str, dict[str, Any]] = {}
    for page in client.get_paginator("describe_cluster_versions").paginate(includeAll=True):
        for item in page.get("clusterVersions", []):
            version = item.get("clusterVersion")
            if not version:
                continue
            dates = {
                kind: when
                for kind, when in (
                    ("end_of_standard_support", _utc_date(item.get("endOfStandardSupportDate"))),
                    ("end_of_extended_support", _utc_date(item.get("endOfExtendedSupportDate"))),
                )
                if when
            }
            cycles[str(version)] = {"cycle": str(version), "dates": dates, "source": EKS_API_DOC}
    return [cycles[k] for k in sorted(cycles)]


def fetch_rds(client: Any) -> dict[str, list[dict[str, Any]]]:
    """Major versions of the open-source engines with the end dates of their support lifecycles."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for page in client.get_paginator("describe_db_major_engine_versions").paginate():
        for item in page.get("DBMajorEngineVersions", []):
            product = RDS_PRODUCTS.get(str(item.get("Engine", "")))
            version = item.get("MajorEngineVersion")
            if product is None or not version:
                continue
            dates: dict[str, str] = {}
            for life in item.get("SupportedEngineLifecycles", []):
                kind = RDS_LIFECYCLES.get(str(life.get("LifecycleSupportName", "")))
                when = _utc_date(life.get("LifecycleSupportEndDate"))
                if kind and when:
                    dates[kind] = when
            found.setdefault(product, {})[str(version)] = {
                "cycle": str(version),
                "dates": dates,
                "source": RDS_API_DOC,
            }
    return {p: [cycles[k] for k in sorted(cycles)] for p, cycles in sorted(found.items())}


def refresh(eks: Any | None, rds: Any | None) -> Refresh:
    """Read both APIs (each optional); an API error is recorded as a warning naming the call."""
    out = Refresh()
    if eks is not None:
        try:
            cycles = fetch_eks(eks)
        except (ClientError, BotoCoreError) as exc:
            out.warnings.append(_error("eks:DescribeClusterVersions", exc))
        else:
            if cycles:
                out.products["eks"] = cycles
    if rds is not None:
        try:
            out.products.update(fetch_rds(rds))
        except (ClientError, BotoCoreError) as exc:
            out.warnings.append(_error("rds:DescribeDBMajorEngineVersions", exc))
    out.products = dict(sorted(out.products.items()))
    return out


def override_document(result: Refresh, today: date, region: str = "") -> str:
    """The override file's YAML text: products → last_checked and cycles, deterministic order."""
    products: dict[str, Mapping[str, Any]] = {
        name: {"last_checked": today.isoformat(), "cycles": cycles}
        for name, cycles in result.products.items()
    }
    doc = {"generated": today.isoformat(), "region": region, "products": products}
    header = (
        "# End-of-life dates read by `iacscan eol refresh` from the EKS and RDS APIs.\n"
        "# Later scans merge them over the shipped data in policies/eol/ (dates here win).\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, default_flow_style=False, allow_unicode=True)
