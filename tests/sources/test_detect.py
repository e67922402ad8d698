from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scanner.errors import SourceError
from scanner.model import Origin
from scanner.sources.detect import LoadOptions, load_input


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)
    return dst


@pytest.mark.parametrize(
    ("fixture", "origin"),
    [
        ("state_small.tfstate", Origin.STATE),
        ("plan_small.json", Origin.PLAN),
        ("pulumi_export.json", Origin.PULUMI),
    ],
)
def test_recognised_by_content_not_name(tmp_path: Path, fixtures: Path, fixture: str, origin: Origin) -> None:
    path = _copy(fixtures / fixture, tmp_path / "input.txt")
    inv = load_input(str(path), base_dir=tmp_path, options=LoadOptions())
    assert inv.resources and {r.origin for r in inv.managed()} == {origin}
    assert inv.inputs[0] == "input.txt"


def test_checkpoint_file(tmp_path: Path, fixtures: Path) -> None:
    doc = json.loads((fixtures / "pulumi_export.json").read_text())
    path = tmp_path / "ck.json"
    path.write_text(
        json.dumps({"version": 3, "checkpoint": {"stack": "shop/prod", "latest": doc["deployment"]}})
    )
    inv = load_input(str(path), base_dir=tmp_path, options=LoadOptions())
    assert inv.inputs == ("ck.json", "pulumi-stack:shop/prod")


def test_pulumi_backend_directory(tmp_path: Path, fixtures: Path) -> None:
    doc = json.loads((fixtures / "pulumi_export.json").read_text())
    for stack in ("dev", "prod"):
        target = tmp_path / "state" / ".pulumi" / "stacks" / "shop" / f"{stack}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({"version": 3, "checkpoint": {"stack": stack, "latest": doc["deployment"]}})
        )
    with pytest.raises(SourceError, match="choose one with --stack"):
        load_input(str(tmp_path / "state"), base_dir=tmp_path, options=LoadOptions())
    inv = load_input(str(tmp_path / "state"), base_dir=tmp_path, options=LoadOptions(stack="prod"))
    assert inv.inputs == ("state/.pulumi/stacks/shop/prod.json", "pulumi-stack:prod")
    assert len(inv.managed()) == 6


def test_state_next_to_its_source_is_located_in_hcl(repo: Path) -> None:
    inv = load_input(
        str(repo / "stacks/terraform/webapp/terraform.tfstate"), base_dir=repo, options=LoadOptions()
    )
    db = inv.by_address()["aws_db_instance.main"]
    assert db.source is not None and db.source.path == "stacks/terraform/webapp/database.tf"
    assert inv.inputs == ("stacks/terraform/webapp/terraform.tfstate",)


def test_state_without_source_is_located_in_the_json(tmp_path: Path, repo: Path) -> None:
    path = _copy(repo / "stacks/terraform/webapp/terraform.tfstate", tmp_path / "snap" / "terraform.tfstate")
    inv = load_input(str(path), base_dir=tmp_path, options=LoadOptions())
    db = inv.by_address()["aws_db_instance.main"]
    assert db.source is not None and db.source.path == "snap/terraform.tfstate"
    text = path.read_text().splitlines()
    assert '"type": "aws_db_instance"' in "".join(text[db.source.start_line : db.source.start_line + 3])


def test_source_dir_option(tmp_path: Path, repo: Path) -> None:
    path = _copy(repo / "stacks/terraform/webapp/plan.json", tmp_path / "plan.json")
    options = LoadOptions(source_dir=repo / "stacks/terraform/webapp")
    inv = load_input(str(path), base_dir=repo, options=options)
    subnet = inv.by_address()["module.network.aws_subnet.public[1]"]
    assert (
        subnet.source is not None and subnet.source.path == "stacks/terraform/webapp/modules/network/main.tf"
    )


def test_prior_state_option(repo: Path) -> None:
    options = LoadOptions(use_prior_state=True)
    inv = load_input(str(repo / "stacks/terraform/webapp/plan.json"), base_dir=repo, options=options)
    assert inv.managed() == ()  # a creation plan: only the data sources were read
    assert len(inv.resources) == 3


def test_terraform_directory_and_single_file(repo: Path) -> None:
    inv = load_input(str(repo / "stacks/terraform/webapp"), base_dir=repo, options=LoadOptions())
    assert {r.origin for r in inv.resources} == {Origin.HCL}
    one = load_input(str(repo / "stacks/terraform/webapp/database.tf"), base_dir=repo, options=LoadOptions())
    assert sorted(r.address for r in one.resources) == ["aws_db_instance.main", "aws_db_subnet_group.main"]


def test_pulumi_example_is_located_in_the_export(repo: Path) -> None:
    inv = load_input(
        str(repo / "stacks/pulumi/webapp/stack-export.json"), base_dir=repo, options=LoadOptions()
    )
    assert {r.source.path for r in inv.resources} == {"stacks/pulumi/webapp/stack-export.json"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "truncated.json",
            '{"version": 4, "resources": [',
            "truncated.json:1: invalid JSON: Expecting value",
        ),
        ("bad.json", '{"a": 1,, "b": 2}', "bad.json:1: invalid JSON: Expecting property name"),
        ("cfn.json", '{"AWSTemplateFormatVersion": "2010-09-09"}', "cfn.json: unknown input format"),
        ("list.json", "[1, 2]", "list.json: unknown input format"),
        ("notes.txt", "hello", "notes.txt: unknown input format (not JSON)"),
        ("empty.json", "", "empty.json: unknown input format (not JSON)"),
        (
            "v3.tfstate",
            '{"version": 3, "terraform_version": "0.11.0", "serial": 1, "modules": []}',
            "v3.tfstate: unsupported state version 3; run terraform 0.12+ once to upgrade it",
        ),
    ],
)
def test_bad_inputs_one_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(SourceError) as err:
        load_input(str(tmp_path / name), base_dir=tmp_path, options=LoadOptions())
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_invalid_utf8(tmp_path: Path) -> None:
    (tmp_path / "bin.json").write_bytes(b'{"a": "\xff"}')
    with pytest.raises(SourceError, match=r"bin\.json:1: cannot read file: not valid UTF-8"):
        load_input(str(tmp_path / "bin.json"), base_dir=tmp_path, options=LoadOptions())


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or directory"):
        load_input(str(tmp_path / "nope"), base_dir=tmp_path, options=LoadOptions())
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="empty: nothing to scan here"):
        load_input(str(tmp_path / "empty"), base_dir=tmp_path, options=LoadOptions())


def test_unknown_format_fixture(fixtures: Path) -> None:
    with pytest.raises(SourceError, match=r"unknown\.json: unknown input format"):
        load_input(str(fixtures / "unknown.json"), base_dir=fixtures, options=LoadOptions())


def test_state_from_backend_without_backend_block(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n')
    inv = load_input(str(tmp_path), base_dir=tmp_path, options=LoadOptions(state_from_backend=True))
    assert [r.address for r in inv.resources] == ["aws_s3_bucket.b"]
    assert any("no s3 backend" in n.message for n in inv.notifications)


def test_terraform_show_json_of_a_state(tmp_path: Path, fixtures: Path) -> None:
    plan = json.loads((fixtures / "plan_small.json").read_text())
    shown = {"format_version": "1.0", "terraform_version": "1.9.8", "values": plan["prior_state"]["values"]}
    path = tmp_path / "show.json"
    path.write_text(json.dumps(shown, indent=2))
    inv = load_input(str(path), base_dir=tmp_path, options=LoadOptions())
    assert sorted(r.address for r in inv.resources) == [
        "aws_db_instance.main",
        "aws_security_group.old",
        "data.aws_caller_identity.current",
    ]
    db = inv.by_address()["aws_db_instance.main"]
    assert db.origin is Origin.STATE and db.source is not None and db.source.start_line > 1
    assert "PLAN-OLD-SECRET-0b0b" not in repr(inv)
