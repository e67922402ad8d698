"""Secrets never leak: a canary planted in every kind of secret never reaches any output.

The canary is put in a sensitive Terraform attribute (state and plan), a sensitive output (state
and plan), a sensitive variable's value (plan ``variables``, and a ``.tfvars`` file read with the HCL),
and a Pulumi secret (ciphertext and ``--show-secrets`` plaintext). The real CLI runs in a subprocess
with every report format, to standard output and to a file, with and without ``--debug``; the
canary must appear in none of stdout, stderr or the report files. A broken input holding the canary
checks the error path too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CANARY = "IACSCAN-CANARY-7d3f9b2e41"
SIG = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}

MAIN_TF = """
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  identifier          = "canary-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  username            = "admin"
  password            = var.db_password
  storage_encrypted   = false
  publicly_accessible = true
  tags = {
    Name   = "canary-db"
    Secret = var.db_password
  }
}

output "db_password" {
  value     = var.db_password
  sensitive = true
}
"""

DB_ATTRS = {
    "id": "db-CANARY0000000000000000000",
    "identifier": "canary-db",
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "username": "admin",
    "password": CANARY,
    "storage_encrypted": False,
    "publicly_accessible": True,
    "tags": {"Name": "canary-db", "Secret": CANARY},
}


def _state() -> dict[str, object]:
    return {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": 3,
        "lineage": "c0ffee00-0000-4000-8000-000000000001",
        "outputs": {"db_password": {"value": CANARY, "type": "string", "sensitive": True}},
        "resources": [
            {
                "mode": "managed",
                "type": "aws_db_instance",
                "name": "main",
                "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                "instances": [
                    {
                        "schema_version": 2,
                        "attributes": DB_ATTRS,
                        "sensitive_attributes": [
                            [{"type": "get_attr", "value": "password"}],
                            [
                                {"type": "get_attr", "value": "tags"},
                                {"type": "index", "value": {"value": "Secret", "type": "string"}},
                            ],
                        ],
                    }
                ],
            }
        ],
    }


def _plan() -> dict[str, object]:
    sensitive = {"password": True, "tags": {"Secret": True}}
    resource = {
        "address": "aws_db_instance.main",
        "mode": "managed",
        "type": "aws_db_instance",
        "name": "main",
        "provider_name": "registry.terraform.io/hashicorp/aws",
    }
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "variables": {"db_password": {"value": CANARY}},
        "planned_values": {
            "outputs": {"db_password": {"sensitive": True, "value": CANARY}},
            "root_module": {
                "resources": [
                    {**resource, "schema_version": 2, "values": DB_ATTRS, "sensitive_values": sensitive}
                ]
            },
        },
        "resource_changes": [
            {
                **resource,
                "change": {
                    "actions": ["update"],
                    "before": DB_ATTRS,
                    "after": DB_ATTRS,
                    "after_unknown": {},
                    "before_sensitive": sensitive,
                    "after_sensitive": sensitive,
                },
            }
        ],
        "output_changes": {
            "db_password": {
                "actions": ["create"],
                "before": None,
                "after": CANARY,
                "after_unknown": False,
                "before_sensitive": True,
                "after_sensitive": True,
            }
        },
        "prior_state": {
            "format_version": "1.0",
            "values": {
                "outputs": {"db_password": {"sensitive": True, "value": CANARY}},
                "root_module": {
                    "resources": [
                        {**resource, "schema_version": 2, "values": DB_ATTRS, "sensitive_values": sensitive}
                    ]
                },
            },
        },
    }


def _pulumi() -> dict[str, object]:
    secret_cipher = {**SIG, "ciphertext": f"v1:AAAA:{CANARY}"}
    secret_plain = {**SIG, "plaintext": json.dumps(CANARY)}
    return {
        "version": 3,
        "deployment": {
            "manifest": {"time": "2026-11-20T10:00:00Z", "magic": "00", "version": "v3.138.0"},
            "resources": [
                {
                    "urn": "urn:pulumi:prod::canary::pulumi:pulumi:Stack::canary-prod",
                    "custom": False,
                    "type": "pulumi:pulumi:Stack",
                    "outputs": {"dbPassword": secret_plain},
                },
                {
                    "urn": "urn:pulumi:prod::canary::aws:rds/instance:Instance::db",
                    "custom": True,
                    "id": "canary-db",
                    "type": "aws:rds/instance:Instance",
                    "inputs": {"password": secret_cipher},
                    "outputs": {
                        "identifier": "canary-db",
                        "storageEncrypted": False,
                        "publiclyAccessible": True,
                        "password": secret_plain,
                        "tags": {"Name": "canary-db", "Secret": secret_plain},
                    },
                },
            ],
        },
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("canary")
    hcl = root / "infra"
    hcl.mkdir()
    (hcl / "main.tf").write_text(MAIN_TF)
    (hcl / "secrets.tfvars").write_text(f'db_password = "{CANARY}"\n')
    (hcl / "terraform.tfstate").write_text(json.dumps(_state(), indent=2))  # located at main.tf
    (root / "plan.json").write_text(json.dumps(_plan()))
    (root / "stack-export.json").write_text(json.dumps(_pulumi(), indent=4))
    (root / "broken.tfstate").write_text(
        json.dumps(_state(), indent=2)[:-40]
    )  # cut inside the canary's object
    return root


FORMATS = ("text", "json", "sarif", "markdown", "html")
SPECS = ("infra", "infra/terraform.tfstate", "plan.json", "stack-export.json", "broken.tfstate")


def _scan(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scanner", "scan", *SPECS, "--var-file", "infra/secrets.tfvars", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("debug", [False, True], ids=["quiet", "debug"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_canary_never_leaks(inputs: Path, fmt: str, debug: bool) -> None:
    extra = ("--debug",) if debug else ()
    out_file = inputs / f"report-{fmt}-{debug}.out"
    to_file = _scan(inputs, "--format", fmt, "--output", str(out_file), *extra)
    to_stdout = _scan(inputs, "--format", fmt, *extra)
    for run in (to_file, to_stdout):
        assert run.returncode in (0, 1, 2), run.stderr
        assert CANARY not in run.stdout
        assert CANARY not in run.stderr
    assert out_file.exists(), to_file.stderr
    report = out_file.read_text(encoding="utf-8", errors="replace")
    assert CANARY not in report
    # not a vacuous pass: the scan did read the secret-bearing resources and the broken file
    assert "aws_db_instance" in report + to_stdout.stdout
    assert "broken.tfstate" in report + to_file.stderr + to_file.stdout
    for leftover in inputs.rglob("*"):
        if leftover.is_file() and leftover.suffix not in (".tf", ".tfvars", ".json", ".tfstate"):
            assert CANARY not in leftover.read_text(encoding="utf-8", errors="replace"), leftover
