"""The secret-scanning checks: what they find in scripts, encoded user data, environment maps and
provider blocks, what they leave alone, and that no finding ever carries the secret itself."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from scanner.model import Inventory, Status
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies
from scanner.policy.secrets_check import scan_text, scan_value
from scanner.sources.terraform_hcl import load_terraform_dir
from tests.e2e.cli import iacscan

# Shaped like the real thing, held only in this test: none of them is a live credential.
ACCESS_KEY = "AKIA" + "Q3EGRRPXJKA7T2ZB"
SECRET_KEY = "Zm9vYmFyYmF6cXV4" + "cXV1eGNvcmdlZ3JhdWx0Z2Fy"
PASSWORD = "Ch0colate-Rain-42"


def _kinds(text: str) -> set[str]:
    return {kind for kind, _line in scan_text(text)}


def test_script_credentials_are_found_with_their_lines() -> None:
    script = (
        "#!/bin/bash\n"
        f"export AWS_ACCESS_KEY_ID={ACCESS_KEY}\n"
        f"export AWS_SECRET_ACCESS_KEY={SECRET_KEY}\n"
        f"mysql -u app --password={PASSWORD} app < init.sql\n"
        f"echo 'ubuntu:{PASSWORD}' | chpasswd\n"
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    )
    found = scan_text(script)
    assert ("an AWS access key id", 2) in found
    assert ("an AWS secret access key", 3) in found
    assert ("a password option", 4) in found
    assert ("a password piped to chpasswd", 5) in found
    assert ("a private key", 6) in found


@pytest.mark.parametrize(
    "line",
    [
        'DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --output text)"',
        "password: ${db_password}",
        "password: {{ db_password }}",
        "DB_PASSWORD_FILE=/run/secrets/db",
        "lock_passwd: false",
        "hashed_passwd: $6$rounds=4096$saltsalt$hash",
        "PasswordAuthentication no",
        "api_key = <your key here>",
        "url=postgres://app:$PGPASSWORD@db.internal/app",
        "yum install -y nginx && systemctl enable --now nginx",
    ],
)
def test_references_and_ordinary_lines_are_not_secrets(line: str) -> None:
    assert scan_text(line) == []


def test_values_are_checked_for_tokens_only() -> None:
    assert scan_value(f"postgres://app:{PASSWORD}@db.internal:5432/app") == ["a password in a URL"]
    assert scan_value(ACCESS_KEY) == ["an AWS access key id"]
    assert scan_value("info") == []
    assert scan_value("arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf") == []


def _evaluate(tmp_path: Path, text: str, policy_id: str) -> list[tuple[Status, str, str]]:
    root = tmp_path / "stack"
    root.mkdir()
    (root / "main.tf").write_text(text)
    inventory: Inventory = load_terraform_dir(root, base_dir=tmp_path)
    policies = [p for p in load_policies([builtin_policy_root()]) if p.id == policy_id]
    findings = evaluate_inventory(inventory, PolicySet.of(policies))
    return [(f.status, f.message, f.attribute_path) for f in findings if f.rule_id == policy_id]


def test_gzip_base64_user_data_is_unpacked(tmp_path: Path) -> None:
    script = f"#!/bin/bash\nexport AWS_ACCESS_KEY_ID={ACCESS_KEY}\n".encode()
    encoded = base64.b64encode(gzip.compress(script)).decode()
    text = (
        'resource "aws_instance" "app" {\n'
        '  ami              = "ami-0abcdef1234567890"\n'
        '  instance_type    = "t3.micro"\n'
        f'  user_data_base64 = "{encoded}"\n'
        "}\n"
    )
    [(status, message, path)] = _evaluate(tmp_path, text, "AWS-EC2-019")
    assert status is Status.FAIL
    assert path == "user_data_base64"
    assert "line 2: an AWS access key id" in message
    assert ACCESS_KEY not in message


def test_provider_credentials_fail_only_when_written_as_literals(tmp_path: Path) -> None:
    literal = f'provider "aws" {{\n  region     = "us-east-1"\n  access_key = "{ACCESS_KEY}"\n}}\n'
    [(status, message, path)] = _evaluate(tmp_path, literal, "AWS-PROVIDER-001")
    assert (status, path) == (Status.FAIL, "access_key")
    assert ACCESS_KEY not in message
    from_env = 'variable "key" {\n  type = string\n}\n\nprovider "aws" {\n  access_key = var.key\n}\n'
    other = tmp_path / "other"
    other.mkdir()
    [(status, _m, _p)] = _evaluate(other, from_env, "AWS-PROVIDER-001")
    assert status is Status.PASS


def test_reports_never_carry_the_secret(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        f'provider "aws" {{\n  region     = "us-east-1"\n  secret_key = "{SECRET_KEY}"\n}}\n\n'
        'resource "aws_lambda_function" "api" {\n'
        '  function_name = "api"\n'
        '  role          = "arn:aws:iam::111122223333:role/api"\n'
        '  runtime       = "python3.12"\n'
        '  handler       = "app.handler"\n'
        '  filename      = "api.zip"\n'
        "  environment {\n"
        f'    variables = {{ DATABASE_URL = "postgres://app:{PASSWORD}@db/app", KEY = "{ACCESS_KEY}" }}\n'
        "  }\n"
        "}\n"
    )
    for fmt in ("json", "sarif", "text"):
        proc = iacscan("scan", str(tmp_path), "-f", fmt, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        for secret in (SECRET_KEY, PASSWORD, ACCESS_KEY):
            assert secret not in proc.stdout and secret not in proc.stderr
        if fmt == "json":
            ids = {f["rule_id"] for f in json.loads(proc.stdout)["findings"] if f["status"] == "fail"}
            assert {"AWS-PROVIDER-001", "AWS-LAMBDA-009"} <= ids


def test_environment_values_from_references_are_not_secrets(tmp_path: Path) -> None:
    text = (
        'variable "db_url" {\n  type = string\n}\n\n'
        'resource "aws_secretsmanager_secret" "db" {\n  name = "app/db"\n}\n\n'
        'resource "aws_lambda_function" "api" {\n'
        '  function_name = "api"\n'
        '  role          = "arn:aws:iam::111122223333:role/api"\n'
        '  runtime       = "python3.12"\n'
        '  handler       = "app.handler"\n'
        '  filename      = "api.zip"\n'
        "  environment {\n"
        "    variables = { DB_SECRET = aws_secretsmanager_secret.db.arn, DB_URL = var.db_url }\n"
        "  }\n"
        "}\n"
    )
    [(status, _message, _path)] = _evaluate(tmp_path, text, "AWS-LAMBDA-009")
    assert status is Status.PASS
