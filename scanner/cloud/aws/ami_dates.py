"""Live EC2 instances enriched with their AMI's dates, for the AMI-age policy (AWS-EOL-010).

``add_ami_dates`` asks ``ec2:DescribeImages`` once per region for all the AMIs the instances use
(batched, deprecated images included) and sets ``ami_creation_date`` and ``ami_deprecation_time`` on
each ``aws_instance``. An image that no longer exists leaves the attributes out (the policy answers
UNKNOWN); a failed call becomes a warning and the instances are returned unchanged. The drift engine
compares only attributes both sides have, so these live-only attributes never count as drift.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from scanner.cloud.aws.session import ClientFactory
from scanner.cloud.aws.shapes import REGION_KEY
from scanner.model import Notification, Resource

CREATED = "ami_creation_date"
DEPRECATED = "ami_deprecation_time"
BATCH = 100
NOT_FOUND = ("InvalidAMIID.NotFound", "InvalidAMIID.Unavailable", "InvalidAMIID.Malformed")


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return stamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, str) and value:
        return value
    return None


def _describe(client: Any, image_ids: Sequence[str]) -> list[Mapping[str, Any]]:
    response = client.describe_images(ImageIds=list(image_ids), IncludeDeprecated=True)
    return list(response.get("Images", []))


def _images(client: Any, image_ids: Sequence[str]) -> dict[str, Mapping[str, Any]]:
    """Image records by id; a batch naming a missing image is retried one id at a time."""
    found: dict[str, Mapping[str, Any]] = {}
    for start in range(0, len(image_ids), BATCH):
        batch = image_ids[start : start + BATCH]
        try:
            records = _describe(client, batch)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in NOT_FOUND:
                raise
            records = []
            for image_id in batch:
                try:
                    records.extend(_describe(client, [image_id]))
                except ClientError as inner:
                    if inner.response.get("Error", {}).get("Code") not in NOT_FOUND:
                        raise
        for record in records:
            found[str(record.get("ImageId"))] = record
    return found


def _wanted(resources: Iterable[Resource]) -> dict[str, list[str]]:
    by_region: dict[str, set[str]] = {}
    for res in resources:
        ami = res.attrs.get("ami")
        if res.type == "aws_instance" and isinstance(ami, str) and ami:
            by_region.setdefault(str(res.attrs.get(REGION_KEY, "")), set()).add(ami)
    return {region: sorted(ids) for region, ids in sorted(by_region.items())}


def add_ami_dates(
    resources: Sequence[Resource], clients: ClientFactory
) -> tuple[list[Resource], list[Notification]]:
    """The resources with ``aws_instance`` AMI dates added where known, and any call warnings."""
    images: dict[tuple[str, str], Mapping[str, Any]] = {}
    notes: list[Notification] = []
    for region, ids in _wanted(resources).items():
        try:
            found = _images(clients.client("ec2", region), ids)
        except (ClientError, BotoCoreError) as exc:
            code = exc.response.get("Error", {}).get("Code", "error") if isinstance(exc, ClientError) else exc
            notes.append(
                Notification(
                    "warning", f"ec2:DescribeImages in {region}: {code}; AMI age not read", kind="cloud"
                )
            )
            continue
        images.update({(region, image_id): record for image_id, record in found.items()})
    out: list[Resource] = []
    for res in resources:
        record = images.get((str(res.attrs.get(REGION_KEY, "")), str(res.attrs.get("ami", ""))))
        if res.type != "aws_instance" or record is None:
            out.append(res)
            continue
        extra = {CREATED: _iso(record.get("CreationDate")), DEPRECATED: _iso(record.get("DeprecationTime"))}
        attrs = {**res.attrs, **{k: v for k, v in extra.items() if v is not None}}
        out.append(replace(res, attrs=attrs))
    return out, notes
