"""S3 bucket records → ``aws_s3_bucket`` and the v4 split resources (versioning, encryption...).

Both shapes are emitted so that state written either way (inline v3 blocks or v4 separate
resources) can be matched. Settings whose read call was denied are left out, so they are not
compared rather than reported as drift.
"""

from __future__ import annotations

import json
from typing import Any

from scanner.cloud.aws.lister import Record
from scanner.cloud.aws.shapes import live, tag_map, text
from scanner.model import Resource


def _encryption_rules(config: dict[str, Any] | None) -> list[dict[str, Any]]:
    rules = []
    for rule in (config or {}).get("Rules", []):
        default = rule.get("ApplyServerSideEncryptionByDefault") or {}
        rules.append(
            {
                "apply_server_side_encryption_by_default": [
                    {
                        "sse_algorithm": text(default.get("SSEAlgorithm")),
                        "kms_master_key_id": text(default.get("KMSMasterKeyID")),
                    }
                ],
                "bucket_key_enabled": bool(rule.get("BucketKeyEnabled", False)),
            }
        )
    return rules


def _policy(raw: Any) -> str:
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else json.dumps(raw)


def convert_bucket(record: Record) -> list[Resource]:
    name = str(record.data["Name"])
    region = str(record.data.get("BucketRegion") or record.region)
    ex = record.extras
    attrs: dict[str, Any] = {"bucket": name, "arn": f"arn:aws:s3:::{name}"}
    split: list[Resource] = []
    if "tags" in ex:
        attrs["tags"] = tag_map(ex["tags"])
    if "versioning" in ex:
        ver = ex["versioning"] or {}
        status = ver.get("Status") or "Disabled"
        mfa = ver.get("MFADelete") or "Disabled"
        attrs["versioning"] = [{"enabled": status == "Enabled", "mfa_delete": mfa == "Enabled"}]
        config = {"status": status, "mfa_delete": mfa}
        split.append(
            live(
                "aws_s3_bucket_versioning",
                name,
                {"bucket": name, "versioning_configuration": [config]},
                region,
            )
        )
    if "encryption" in ex:
        rules = _encryption_rules(ex["encryption"])
        attrs["server_side_encryption_configuration"] = [{"rule": rules}] if rules else []
        if rules:
            split.append(
                live(
                    "aws_s3_bucket_server_side_encryption_configuration",
                    name,
                    {"bucket": name, "rule": rules},
                    region,
                )
            )
    if "logging" in ex:
        log = ex["logging"]
        target = (
            [{"target_bucket": text(log.get("TargetBucket")), "target_prefix": text(log.get("TargetPrefix"))}]
            if log
            else []
        )
        attrs["logging"] = target
        if target:
            split.append(live("aws_s3_bucket_logging", name, {"bucket": name, **target[0]}, region))
    if "policy" in ex:
        attrs["policy"] = _policy(ex["policy"])
        if ex["policy"]:
            split.append(
                live("aws_s3_bucket_policy", name, {"bucket": name, "policy": attrs["policy"]}, region)
            )
    if ex.get("public_access_block") is not None:
        pab = ex["public_access_block"]
        block = {
            "bucket": name,
            "block_public_acls": bool(pab.get("BlockPublicAcls", False)),
            "block_public_policy": bool(pab.get("BlockPublicPolicy", False)),
            "ignore_public_acls": bool(pab.get("IgnorePublicAcls", False)),
            "restrict_public_buckets": bool(pab.get("RestrictPublicBuckets", False)),
        }
        split.append(live("aws_s3_bucket_public_access_block", name, block, region))
    return [live("aws_s3_bucket", name, attrs, region), *split]
