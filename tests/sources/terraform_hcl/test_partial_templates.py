"""Templates with unknown parts keep their JSON structure; Terraform 0.11 list interpolation is flattened."""

from __future__ import annotations

from pathlib import Path

from scanner.model import PartialDocument, Status, Unknown
from scanner.scan import ScanOptions, run_scan
from scanner.sources.terraform_hcl import load_terraform_dir

POLICY = """
variable "env" {
  type = string
}

resource "aws_iam_policy" "admin" {
  name   = "admin-${var.env}"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "${var.env}", "Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}
EOT
}

resource "aws_iam_policy" "scoped" {
  name   = "scoped-${var.env}"
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
 "Resource": "arn:aws:s3:::data-${var.env}/*"}]}
EOT
}

resource "aws_iam_policy" "looped" {
  name   = "looped"
  policy = <<EOT
{"Statement": [%{ for a in var.actions }{"Effect": "Allow", "Action": "${a}", "Resource": "*"}%{ endfor }]}
EOT
}

resource "aws_iam_policy" "unknown_key" {
  name   = "k"
  policy = "{\\"${var.env}\\": {\\"Effect\\": \\"Allow\\"}}"
}

variable "actions" {
  type = list(string)
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-1", "subnet-2"]
}

resource "aws_lb" "web" {
  subnets = ["${var.subnet_ids}"]
}

resource "aws_lb" "two" {
  subnets = ["${var.subnet_ids[0]}", "subnet-3"]
}
"""


def _inventory(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "main.tf").write_text(POLICY)
    inv = load_terraform_dir(tmp_path, base_dir=tmp_path)
    return {r.address: r.attrs for r in inv.resources}  # type: ignore[misc]


def test_a_heredoc_json_with_unknown_strings_is_a_partial_document(tmp_path: Path) -> None:
    attrs = _inventory(tmp_path)
    doc = attrs["aws_iam_policy.admin"]["policy"]  # type: ignore[index]
    assert isinstance(doc, PartialDocument)
    [statement] = doc["Statement"]
    assert statement["Action"] == "*" and statement["Sid"] is Unknown
    scoped = attrs["aws_iam_policy.scoped"]["policy"]  # type: ignore[index]
    assert scoped["Statement"][0]["Resource"] is Unknown


def test_unknown_structure_or_keys_stay_unknown(tmp_path: Path) -> None:
    attrs = _inventory(tmp_path)
    assert attrs["aws_iam_policy.looped"]["policy"] is Unknown  # type: ignore[index]
    assert attrs["aws_iam_policy.unknown_key"]["policy"] is Unknown  # type: ignore[index]


def test_the_known_statements_are_judged(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(POLICY)
    result = run_scan(ScanOptions(paths=(str(tmp_path),), base_dir=tmp_path))
    status = {(f.rule_id, f.resource_address): f.status for f in result.findings}
    assert status[("AWS-IAM-001", "aws_iam_policy.admin")] is Status.FAIL  # "*" on "*"
    assert status[("AWS-IAM-001", "aws_iam_policy.scoped")] is Status.PASS
    assert status[("AWS-IAM-001", "aws_iam_policy.looped")] is Status.UNKNOWN


def test_terraform_011_list_interpolation_is_flattened(tmp_path: Path) -> None:
    attrs = _inventory(tmp_path)
    assert attrs["aws_lb.web"]["subnets"] == ["subnet-1", "subnet-2"]  # type: ignore[index]
    assert attrs["aws_lb.two"]["subnets"] == ["subnet-1", "subnet-3"]  # type: ignore[index]
