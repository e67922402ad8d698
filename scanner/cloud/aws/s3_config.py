"""S3 bucket configuration records → ``aws_s3_bucket_cors_configuration`` and
``aws_s3_bucket_lifecycle_configuration`` (one each per bucket that has one)."""

from __future__ import annotations

from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, text
from scanner.model import Resource


def _region(record: Record) -> str:
    return str(record.data.get("BucketRegion") or record.region)


def convert_cors(record: Record) -> list[Resource]:
    rules = record.extras.get("cors")
    if not rules:
        return []
    name = str(record.data["Name"])
    cors_rule = [
        {
            "id": text(r.get("ID")),
            "allowed_headers": sorted(r.get("AllowedHeaders") or []),
            "allowed_methods": sorted(r.get("AllowedMethods") or []),
            "allowed_origins": sorted(r.get("AllowedOrigins") or []),
            "expose_headers": sorted(r.get("ExposeHeaders") or []),
            "max_age_seconds": r.get("MaxAgeSeconds"),
        }
        for r in rules
    ]
    attrs = {"bucket": name, "cors_rule": cors_rule}
    return [live("aws_s3_bucket_cors_configuration", name, attrs, _region(record))]


def _filter(f: dict[str, Any] | None) -> list[dict[str, Any]]:
    if f is None:
        return []
    both = f.get("And") or {}
    tag = f.get("Tag")
    out: dict[str, Any] = {
        "prefix": text(f.get("Prefix")),
        "object_size_greater_than": f.get("ObjectSizeGreaterThan"),
        "object_size_less_than": f.get("ObjectSizeLessThan"),
        "tag": [{"key": text(tag.get("Key")), "value": text(tag.get("Value"))}] if tag else [],
    }
    if both:
        out["and"] = [
            {
                "prefix": text(both.get("Prefix")),
                "object_size_greater_than": both.get("ObjectSizeGreaterThan"),
                "object_size_less_than": both.get("ObjectSizeLessThan"),
                "tags": {text(t.get("Key")): text(t.get("Value")) for t in both.get("Tags") or []},
            }
        ]
    return [out]


def _rule(r: dict[str, Any]) -> dict[str, Any]:
    exp = r.get("Expiration")
    nve = r.get("NoncurrentVersionExpiration")
    abort = r.get("AbortIncompleteMultipartUpload")
    return {
        "id": text(r.get("ID")),
        "status": text(r.get("Status")),
        "prefix": text(r.get("Prefix")),
        "filter": _filter(r.get("Filter")),
        "expiration": (
            [
                {
                    "days": exp.get("Days"),
                    "date": text(exp.get("Date")),
                    "expired_object_delete_marker": bool(exp.get("ExpiredObjectDeleteMarker", False)),
                }
            ]
            if exp
            else []
        ),
        "transition": sorted(
            (
                {
                    "days": t.get("Days"),
                    "date": text(t.get("Date")),
                    "storage_class": text(t.get("StorageClass")),
                }
                for t in r.get("Transitions") or []
            ),
            key=lambda t: (t["days"] or 0, t["storage_class"]),
        ),
        "noncurrent_version_expiration": (
            [
                {
                    "noncurrent_days": nve.get("NoncurrentDays"),
                    "newer_noncurrent_versions": nve.get("NewerNoncurrentVersions"),
                }
            ]
            if nve
            else []
        ),
        "noncurrent_version_transition": sorted(
            (
                {
                    "noncurrent_days": t.get("NoncurrentDays"),
                    "newer_noncurrent_versions": t.get("NewerNoncurrentVersions"),
                    "storage_class": text(t.get("StorageClass")),
                }
                for t in r.get("NoncurrentVersionTransitions") or []
            ),
            key=lambda t: (t["noncurrent_days"] or 0, t["storage_class"]),
        ),
        "abort_incomplete_multipart_upload": (
            [{"days_after_initiation": abort.get("DaysAfterInitiation")}] if abort else []
        ),
    }


def convert_lifecycle(record: Record) -> list[Resource]:
    config = record.extras.get("lifecycle")
    if not config or not config.get("Rules"):
        return []
    name = str(record.data["Name"])
    rules = sorted((_rule(r) for r in config["Rules"]), key=lambda r: str(r["id"]))
    attrs: dict[str, Any] = {"bucket": name, "rule": rules}
    if config.get("TransitionDefaultMinimumObjectSize"):
        attrs["transition_default_minimum_object_size"] = text(config["TransitionDefaultMinimumObjectSize"])
    return [live("aws_s3_bucket_lifecycle_configuration", name, attrs, _region(record))]
