"""``aws_kms_alias``, ``aws_secretsmanager_secret`` and ``aws_ssm_parameter`` (values never read)."""

from __future__ import annotations

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, run, state


def test_kms_alias_in_sync_then_retargeted(aws_endpoint: str) -> None:
    kms = aws(aws_endpoint, "kms")
    key = kms.create_key()["KeyMetadata"]
    other = kms.create_key()["KeyMetadata"]
    kms.create_alias(AliasName="alias/app", TargetKeyId=key["KeyId"])
    inv = state(
        (
            "aws_kms_alias",
            "app",
            {
                "id": "alias/app",
                "arn": f"arn:aws:kms:{REGION}:{ACCOUNT}:alias/app",
                "name": "alias/app",
                "name_prefix": "",
                "target_key_arn": key["Arn"],
                "target_key_id": key["Arn"],  # given as the key's ARN in the IaC
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_kms_alias")
    kms.update_alias(AliasName="alias/app", TargetKeyId=other["KeyId"])
    assert drift(aws_endpoint, inv, "aws_kms_alias") == [
        ("DRIFT-CHANGED", "aws_kms_alias.app", "target_key_id")
    ]


def test_secret_in_sync_then_changed(aws_endpoint: str) -> None:
    sm = aws(aws_endpoint, "secretsmanager")
    arn = sm.create_secret(
        Name="db-password", Description="app database", Tags=[{"Key": "team", "Value": "db"}]
    )["ARN"]
    inv = state(
        (
            "aws_secretsmanager_secret",
            "db",
            {
                "id": arn,
                "arn": arn,
                "description": "app database",
                "force_overwrite_replica_secret": False,
                "kms_key_id": "",
                "name": "db-password",
                "name_prefix": "",
                "policy": "",
                "recovery_window_in_days": 30,
                "replica": [],
                "tags": {"team": "db"},
                "tags_all": {"team": "db"},
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_secretsmanager_secret")
    sm.update_secret(SecretId=arn, Description="changed by hand")
    assert drift(aws_endpoint, inv, "aws_secretsmanager_secret") == [
        ("DRIFT-CHANGED", "aws_secretsmanager_secret.db", "description")
    ]


def test_ssm_parameter_in_sync_then_value_changed_without_reading_it(aws_endpoint: str) -> None:
    ssm = aws(aws_endpoint, "ssm")
    ssm.put_parameter(Name="/app/db/password", Value="s3cr3t-value", Type="SecureString", Description="db")
    inv = state(
        (
            "aws_ssm_parameter",
            "db",
            {
                "id": "/app/db/password",
                "allowed_pattern": "",
                "arn": f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/app/db/password",
                "data_type": "text",
                "description": "db",
                "insecure_value": None,
                "key_id": "alias/aws/ssm",
                "name": "/app/db/password",
                "overwrite": None,
                "tags": {},
                "tags_all": {},
                "tier": "Standard",
                "type": "SecureString",
                "value": "s3cr3t-value",
                "version": 1,
            },
        ),
        sensitive={"db": ["value"]},
    )
    in_sync(aws_endpoint, inv, "aws_ssm_parameter")
    ssm.put_parameter(Name="/app/db/password", Value="rotated-by-hand", Type="SecureString", Overwrite=True)
    result = run(aws_endpoint, inv, "aws_ssm_parameter")
    assert [(f.resource_address, f.attribute_path, f.expected, f.actual) for f in result.findings] == [
        ("aws_ssm_parameter.db", "version", 1, 2)
    ]
    live = result.live.inventory.resources[0]
    assert "value" not in live.attrs and "rotated-by-hand" not in repr(live.attrs)
