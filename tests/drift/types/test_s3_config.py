"""``aws_s3_bucket_cors_configuration`` and ``aws_s3_bucket_lifecycle_configuration`` read live."""

from __future__ import annotations

from typing import Any

from tests.drift.types.harness import aws, drift, in_sync, state

BUCKET = "iacscan-assets"


def _bucket(endpoint: str) -> Any:
    s3 = aws(endpoint, "s3")
    s3.create_bucket(Bucket=BUCKET)
    return s3


CORS_RULE = {
    "AllowedMethods": ["GET", "HEAD"],
    "AllowedOrigins": ["https://example.com"],
    "MaxAgeSeconds": 3000,
}


def test_cors_configuration_in_sync_then_changed(aws_endpoint: str) -> None:
    s3 = _bucket(aws_endpoint)
    s3.put_bucket_cors(Bucket=BUCKET, CORSConfiguration={"CORSRules": [CORS_RULE]})
    inv = state(
        (
            "aws_s3_bucket_cors_configuration",
            "assets",
            {
                "id": BUCKET,
                "bucket": BUCKET,
                "expected_bucket_owner": "",
                "cors_rule": [
                    {
                        "allowed_headers": [],
                        "allowed_methods": ["HEAD", "GET"],
                        "allowed_origins": ["https://example.com"],
                        "expose_headers": [],
                        "id": "",
                        "max_age_seconds": 3000,
                    }
                ],
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_s3_bucket_cors_configuration")
    s3.put_bucket_cors(
        Bucket=BUCKET, CORSConfiguration={"CORSRules": [{**CORS_RULE, "AllowedOrigins": ["*"]}]}
    )
    assert drift(aws_endpoint, inv, "aws_s3_bucket_cors_configuration") == [
        ("DRIFT-CHANGED", "aws_s3_bucket_cors_configuration.assets", "cors_rule[0].allowed_origins[0]")
    ]


LIFECYCLE = {
    "Rules": [
        {
            "ID": "expire-logs",
            "Status": "Enabled",
            "Filter": {"Prefix": "logs/"},
            "Expiration": {"Days": 90},
            "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}],
            "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
        }
    ]
}


def test_lifecycle_configuration_in_sync_then_changed(aws_endpoint: str) -> None:
    s3 = _bucket(aws_endpoint)
    s3.put_bucket_lifecycle_configuration(Bucket=BUCKET, LifecycleConfiguration=LIFECYCLE)
    inv = state(
        (
            "aws_s3_bucket_lifecycle_configuration",
            "assets",
            {
                "id": BUCKET,
                "bucket": BUCKET,
                "expected_bucket_owner": "",
                "rule": [
                    {
                        "abort_incomplete_multipart_upload": [{"days_after_initiation": 7}],
                        "expiration": [{"date": None, "days": 90, "expired_object_delete_marker": False}],
                        "filter": [
                            {
                                "and": [],
                                "object_size_greater_than": None,
                                "object_size_less_than": None,
                                "prefix": "logs/",
                                "tag": [],
                            }
                        ],
                        "id": "expire-logs",
                        "noncurrent_version_expiration": [],
                        "noncurrent_version_transition": [],
                        "prefix": "",
                        "status": "Enabled",
                        "transition": [{"date": None, "days": 30, "storage_class": "STANDARD_IA"}],
                    }
                ],
                "timeouts": None,
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_s3_bucket_lifecycle_configuration")
    changed = {"Rules": [{**LIFECYCLE["Rules"][0], "Expiration": {"Days": 30}}]}
    s3.put_bucket_lifecycle_configuration(Bucket=BUCKET, LifecycleConfiguration=changed)
    assert drift(aws_endpoint, inv, "aws_s3_bucket_lifecycle_configuration") == [
        ("DRIFT-CHANGED", "aws_s3_bucket_lifecycle_configuration.assets", "rule[0].expiration[0].days")
    ]


def test_configuration_of_a_deleted_bucket_is_deleted(aws_endpoint: str) -> None:
    s3 = _bucket(aws_endpoint)
    s3.put_bucket_cors(Bucket=BUCKET, CORSConfiguration={"CORSRules": [CORS_RULE]})
    inv = state(("aws_s3_bucket_cors_configuration", "assets", {"id": BUCKET, "bucket": BUCKET}))
    s3.delete_bucket_cors(Bucket=BUCKET)
    assert drift(aws_endpoint, inv, "aws_s3_bucket_cors_configuration") == [
        ("DRIFT-DELETED", "aws_s3_bucket_cors_configuration.assets", "")
    ]
