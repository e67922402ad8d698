"""Why a check could not be decided: the value, and where it came from, for each kind of source."""

from __future__ import annotations

from pathlib import Path

from scanner.model import Origin, Resource, Status
from scanner.policy.unknown_reason import unknown_reason
from scanner.scan import ScanOptions, run_scan


def _res(address: str, origin: Origin, **kw: object) -> Resource:
    return Resource(address=address, type=address.split(".")[0], attrs={}, origin=origin, **kw)  # type: ignore[arg-type]


def test_reason_per_origin() -> None:
    hcl = _res("aws_ebs_volume.e", Origin.HCL, unknown_from={"encrypted": ("var.kms",)})
    plan = _res("aws_ebs_volume.p", Origin.PLAN)
    live = _res("aws_ebs_volume.l", Origin.LIVE)
    index = {r.address: r for r in (hcl, plan, live)}
    assert (
        unknown_reason([(hcl.address, "encrypted")], [], index, hcl) == "encrypted is unknown (from var.kms)"
    )
    assert unknown_reason([(plan.address, "kms_key_id")], [], index, plan) == (
        "kms_key_id is unknown (known only after apply)"
    )
    assert unknown_reason([(live.address, "encrypted")], [], index, live) == (
        "encrypted is unknown (not read from AWS)"
    )
    # A witness on a linked resource is named with its address; messages follow; at most three.
    many = [(hcl.address, f"a{n}") for n in range(5)]
    text = unknown_reason(many, ["the link could not be resolved"], index, plan)
    assert text.startswith("aws_ebs_volume.e.a0 is unknown; aws_ebs_volume.e.a1 is unknown;")
    assert text.endswith("; and 3 more")
    assert unknown_reason([], [], index, plan) == "a value it depends on is unknown"


def test_hcl_records_the_variable_local_and_resource_behind_an_unknown(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        """
variable "kms" {}
locals { versioning = var.state }
variable "state" {}
resource "aws_ebs_volume" "e" {
  availability_zone = "us-east-1a"
  encrypted         = var.kms
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = local.versioning
  }
}
"""
    )
    result = run_scan(ScanOptions(paths=(str(tmp_path),), base_dir=tmp_path))
    unknown = {(f.rule_id, f.resource_address): f for f in result.findings if f.status is Status.UNKNOWN}
    ebs = unknown[("AWS-EC2-005", "aws_ebs_volume.e")]
    assert ebs.properties["reason"] == "encrypted is unknown (from var.kms)"
    assert "(could not be decided: encrypted is unknown (from var.kms))" in ebs.message
    versioning = unknown[("AWS-S3-004", "aws_s3_bucket.b")]
    assert versioning.properties["reason"] == (
        "aws_s3_bucket_versioning.v.versioning_configuration[0].status is unknown (from local.versioning)"
    )


def test_inside_a_module_the_variable_names_its_module(tmp_path: Path) -> None:
    (tmp_path / "mod").mkdir()
    (tmp_path / "mod" / "main.tf").write_text(
        """
variable "encrypted" {}
resource "aws_ebs_volume" "e" {
  availability_zone = "us-east-1a"
  encrypted         = var.encrypted
}
"""
    )
    (tmp_path / "main.tf").write_text(
        """
variable "flag" {}
module "disks" {
  source    = "./mod"
  encrypted = var.flag
}
"""
    )
    result = run_scan(ScanOptions(paths=(str(tmp_path),), base_dir=tmp_path))
    found = next(f for f in result.findings if f.rule_id == "AWS-EC2-005")
    assert found.status is Status.UNKNOWN
    assert found.properties["reason"] == "encrypted is unknown (from var.encrypted of module.disks)"
