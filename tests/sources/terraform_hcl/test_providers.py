"""Provider blocks become ``provider.<name>`` pseudo-resources, so policies can check them."""

from __future__ import annotations

from pathlib import Path

from scanner.model import Mode, Unknown
from scanner.sources.terraform_hcl import load_terraform_dir

MAIN = """
variable "key" {
  type = string
}

provider "aws" {
  region     = "us-east-1"
  access_key = var.key
}

# iacscan:ignore=AWS-PROVIDER-001 rotated test account
provider "aws" {
  alias  = "audit"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::111122223333:role/audit"
  }
}

module "net" {
  source = "./net"
}
"""

NET = """
provider "aws" {
  region = "us-west-2"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
"""


def test_provider_blocks_are_resources_with_addresses_lines_and_suppressions(tmp_path: Path) -> None:
    root = tmp_path / "stack"
    (root / "net").mkdir(parents=True)
    (root / "main.tf").write_text(MAIN)
    (root / "net" / "main.tf").write_text(NET)
    inventory = load_terraform_dir(root, base_dir=tmp_path)
    providers = {r.address: r for r in inventory.resources if r.type == "provider.aws"}
    assert sorted(providers) == ["module.net.provider.aws", "provider.aws", "provider.aws.audit"]
    default = providers["provider.aws"]
    assert default.mode is Mode.MANAGED
    assert default.attrs["region"] == "us-east-1"
    assert default.attrs["access_key"] is Unknown
    assert default.source is not None and default.source.path == "stack/main.tf"
    assert (default.source.start_line, default.source.end_line) == (6, 9)
    assert default.attr_sources["access_key"].start_line == 8
    audit = providers["provider.aws.audit"]
    assert audit.attrs["assume_role"] == [{"role_arn": "arn:aws:iam::111122223333:role/audit"}]
    assert [s.policy_id for s in audit.suppressions] == ["AWS-PROVIDER-001"]
    child = providers["module.net.provider.aws"]
    assert child.module == "module.net" and child.attrs["region"] == "us-west-2"
    assert "aws_vpc.main" not in providers and inventory.by_address()["module.net.aws_vpc.main"]
