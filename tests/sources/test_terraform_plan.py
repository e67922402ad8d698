from __future__ import annotations

from pathlib import Path

import pytest

from scanner.errors import SourceError
from scanner.model import Inventory, Mode, Origin, Sensitive, Unknown
from scanner.sources.terraform_plan import load_plan

PLAN_SECRETS = ("PLAN-VAR-SECRET-5d1e", "PLAN-SECRET-44aa", "PLAN-OLD-SECRET-0b0b", "PLAN-OUTPUT-SECRET-77")


@pytest.fixture
def plan(fixtures: Path) -> Inventory:
    return load_plan(fixtures / "plan_small.json", base_dir=fixtures)


def test_addresses(plan: Inventory) -> None:
    assert [r.address for r in plan.resources] == [
        "aws_db_instance.main",
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        "aws_kms_key.only_planned",
        "data.aws_caller_identity.current",
        "data.aws_iam_policy_document.read",
        'module.app["a"].aws_s3_bucket.this',
        'module.app["a"].module.logs.aws_cloudwatch_log_group.this',
    ]
    by = plan.by_address()
    assert (
        by['module.app["a"].module.logs.aws_cloudwatch_log_group.this'].module
        == 'module.app["a"].module.logs'
    )
    assert by["aws_instance.web[1]"].name == "web"
    assert all(r.origin is Origin.PLAN for r in plan.resources)
    assert plan.inputs == ("plan_small.json",)


def test_deleted_and_deposed_are_not_in_the_inventory(plan: Inventory) -> None:
    by = plan.by_address()
    assert "aws_security_group.old" not in by
    # the replacement is kept with its planned values, not the deposed object's
    assert by["aws_instance.web[1]"].attrs["instance_type"] == "t3.large"
    assert by["aws_instance.web[1]"].attrs["id"] is Unknown
    assert by["aws_instance.web[1]"].cloud_id is None


def test_unknown_values(plan: Inventory) -> None:
    bucket = plan.by_address()['module.app["a"].aws_s3_bucket.this']
    assert bucket.attrs["id"] is Unknown
    assert bucket.attrs["arn"] is Unknown
    assert bucket.attrs["logging"] is Unknown
    assert bucket.attrs["versioning"] == [{"enabled": False, "mfa_delete": Unknown}]
    assert bucket.attrs["tags"] == {"Team": "a"}
    assert bucket.attrs["bucket"] == "acme-a"
    assert bucket.cloud_id is None


def test_sensitive_values(plan: Inventory) -> None:
    db = plan.by_address()["aws_db_instance.main"]
    assert db.attrs["password"] is Sensitive
    assert db.sensitive_paths == {"password"}
    assert db.cloud_id == "db-XYZ"
    dumped = repr(plan)
    for secret in PLAN_SECRETS:
        assert secret not in dumped


def test_planned_values_fill_resources_without_changes(plan: Inventory) -> None:
    key = plan.by_address()["aws_kms_key.only_planned"]
    assert key.attrs["enable_key_rotation"] is False
    assert key.cloud_id == "1234abcd-0000-0000-0000-000000000000"


def test_data_resources(plan: Inventory) -> None:
    by = plan.by_address()
    assert by["data.aws_caller_identity.current"].mode is Mode.DATA
    assert by["data.aws_caller_identity.current"].attrs["account_id"] == "123456789012"
    read = by["data.aws_iam_policy_document.read"]
    assert read.mode is Mode.DATA and read.attrs["json"] is Unknown
    assert {r.address for r in plan.managed()} == {a for a in by if "data." not in a}


def test_references_from_the_configuration(plan: Inventory) -> None:
    by = plan.by_address()
    assert by["aws_db_instance.main"].references == {"kms_key_id": ("aws_kms_key.only_planned",)}
    assert by['module.app["a"].aws_s3_bucket.this'].references == {
        "logging": ('module.app["a"].aws_s3_bucket.logs',)
    }


def test_sources_point_at_resource_changes(fixtures: Path, plan: Inventory) -> None:
    lines = (fixtures / "plan_small.json").read_text().splitlines()
    db = plan.by_address()["aws_db_instance.main"]
    assert db.source is not None
    assert lines[db.source.start_line - 1].lstrip().startswith('{"address": "aws_db_instance.main"')
    assert db.source.start_line > 20  # in resource_changes, not planned_values
    key = plan.by_address()["aws_kms_key.only_planned"]
    assert '"aws_kms_key.only_planned"' in lines[key.source.start_line - 1]  # type: ignore[union-attr]


def test_prior_state(fixtures: Path) -> None:
    inv = load_plan(fixtures / "plan_small.json", base_dir=fixtures, use_prior_state=True)
    by = inv.by_address()
    assert sorted(by) == [
        "aws_db_instance.main",
        "aws_security_group.old",
        "data.aws_caller_identity.current",
    ]
    assert by["aws_db_instance.main"].attrs["password"] is Sensitive
    assert by["aws_security_group.old"].cloud_id == "sg-0aaa"
    assert all(r.origin is Origin.STATE for r in inv.resources)
    assert "PLAN-OLD-SECRET-0b0b" not in repr(inv)


def test_single_line_plan_locates_by_column(tmp_path: Path, fixtures: Path) -> None:
    import json

    doc = json.loads((fixtures / "plan_small.json").read_text())
    text = json.dumps(doc, separators=(",", ":"))
    path = tmp_path / "tfplan.json"
    path.write_text(text)
    inv = load_plan(path, base_dir=tmp_path)
    db = inv.by_address()["aws_db_instance.main"]
    assert db.source is not None and db.source.start_line == 1
    assert text[db.source.start_column - 1 :].startswith('{"address":"aws_db_instance.main","mode"')


def test_not_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format_version": "1.0"}')
    with pytest.raises(SourceError, match="not a Terraform plan"):
        load_plan(path, base_dir=tmp_path)


def test_webapp_example_plan(repo: Path) -> None:
    inv = load_plan(repo / "stacks/terraform/webapp/plan.json", base_dir=repo)
    by = inv.by_address()
    assert len(inv.managed()) == 35
    assert by["aws_db_instance.main"].attrs["password"] is Sensitive
    assert by["aws_s3_bucket.logs"].attrs["bucket"] == "webapp-staging-logs"
    assert by["aws_s3_bucket.logs"].attrs["id"] is Unknown
    assert by["aws_s3_bucket_versioning.assets"].references == {"bucket": ("aws_s3_bucket.assets",)}
    assert by["module.network.aws_subnet.private[1]"].attrs["cidr_block"] == "10.20.11.0/24"
    assert by["data.aws_caller_identity.current"].mode is Mode.DATA
