from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.errors import SourceError
from scanner.model import Mode, Origin, Sensitive
from scanner.sources.terraform_state import (
    load_state,
    parse_state,
    provider_regions,
    redact,
    state_regions,
)

SECRETS = ("STATE-SECRET-91c2", "OUTPUT-SECRET-7f3a")


def test_addresses_modes_and_ids(fixtures: Path) -> None:
    inv = load_state(fixtures / "state_small.tfstate", base_dir=fixtures)
    by = inv.by_address()
    assert sorted(by) == [
        "aws_db_instance.main",
        "aws_instance.web",
        'aws_s3_bucket.by_env["prod"]',
        "data.aws_caller_identity.current",
        'module.net["blue"].aws_subnet.private[0]',
        'module.net["blue"].aws_subnet.private[1]',
    ]
    subnet = by['module.net["blue"].aws_subnet.private[1]']
    assert subnet.module == 'module.net["blue"]'
    assert subnet.name == "private" and subnet.type == "aws_subnet"
    assert subnet.cloud_id == "subnet-0123456789abcdef1"
    assert subnet.origin is Origin.STATE
    data = by["data.aws_caller_identity.current"]
    assert data.mode is Mode.DATA and data.cloud_id is None
    assert [r.address for r in inv.managed()] == [a for a in sorted(by) if not a.startswith("data.")]
    assert inv.inputs == ("state_small.tfstate",)


def test_sensitive_attributes_are_redacted(fixtures: Path) -> None:
    inv = load_state(fixtures / "state_small.tfstate", base_dir=fixtures)
    db = inv.by_address()["aws_db_instance.main"]
    assert db.attrs["password"] is Sensitive
    assert db.attrs["master_user_secret"][0]["secret_arn"] is Sensitive
    assert db.attrs["master_user_secret"][0]["secret_status"] == "active"
    assert db.attrs["tags"] == {"Name": "app-db"}  # a path to a missing key changes nothing
    assert db.sensitive_paths == {"password", "master_user_secret[0].secret_arn"}
    assert db.attrs["storage_encrypted"] is False
    assert "a_future_field" not in db.attrs  # instance-level extras are not attributes
    dumped = repr(inv)
    for secret in SECRETS:
        assert secret not in dumped


def test_tainted_kept_deposed_skipped(fixtures: Path) -> None:
    inv = load_state(fixtures / "state_small.tfstate", base_dir=fixtures)
    by = inv.by_address()
    assert by["aws_instance.web"].attrs["instance_type"] == "t3.micro"
    assert by['aws_s3_bucket.by_env["prod"]'].cloud_id == "acme-prod-data"
    assert "tainted" not in by["aws_instance.web"].attrs
    messages = [n.message for n in inv.notifications]
    assert any("aws_instance.web: tainted" in m for m in messages)
    assert any('aws_s3_bucket.by_env["prod"]: deposed object a1b2c3d4 skipped' in m for m in messages)
    assert all(n.level == "note" for n in inv.notifications)


def test_source_is_the_resource_or_instance_object(fixtures: Path) -> None:
    path = fixtures / "state_small.tfstate"
    lines = path.read_text().splitlines()
    inv = load_state(path, base_dir=fixtures)
    for res in inv.resources:
        assert res.source is not None and res.source.path == "state_small.tfstate"
        assert lines[res.source.start_line - 1].strip().startswith("{")
        assert lines[res.source.end_line - 1].strip().startswith("}")
    by = inv.by_address()
    # one instance: the resource object, whose first lines name it
    web = by["aws_instance.web"].source
    assert web is not None and '"name": "web"' in "".join(lines[web.start_line : web.start_line + 4])
    # several instances (count / for_each): each its own instance object
    second = by['module.net["blue"].aws_subnet.private[1]'].source
    assert second is not None and '"index_key": 1' in lines[second.start_line]
    assert second.start_column == 9
    prod = by['aws_s3_bucket.by_env["prod"]'].source
    assert prod is not None and '"index_key": "prod"' in lines[prod.start_line]


def test_v3_state_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError) as err:
        load_state(fixtures / "state_v3.tfstate", base_dir=fixtures)
    assert str(err.value) == (
        "state_v3.tfstate: unsupported state version 3; run terraform 0.12+ once to upgrade it"
    )


def test_future_version_is_refused() -> None:
    with pytest.raises(SourceError, match="unsupported state version 5"):
        parse_state('{"version": 5, "terraform_version": "2.0.0", "resources": []}', "x.tfstate")


def test_truncated_json_names_file_and_line(fixtures: Path) -> None:
    text = (fixtures / "truncated.tfstate").read_text()
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(SourceError) as err:
        load_state(fixtures / "truncated.tfstate", base_dir=fixtures)
    assert err.value.path == "truncated.tfstate"
    assert err.value.line == expected.value.lineno == 9  # the end of the file, where the object is cut
    assert str(err.value).startswith("truncated.tfstate:9: invalid JSON")
    assert "\n" not in str(err.value)


def test_unexpected_fields_and_malformed_entries_are_tolerated() -> None:
    doc = {
        "version": 4,
        "terraform_version": "1.12.0",
        "serial": 1,
        "lineage": "l",
        "new_top_level": {"x": 1},
        "resources": [
            {
                "mode": "managed",
                "type": "aws_vpc",
                "name": "a",
                "extra": True,
                "instances": [
                    {"schema_version": 1, "attributes": {"id": "vpc-1"}, "identity": {"id": "vpc-1"}}
                ],
            },
            {"mode": "managed", "name": "no_type", "instances": []},
            "not an object",
        ],
    }
    inv = parse_state(json.dumps(doc, indent=2), "s.tfstate")
    assert [r.address for r in inv.resources] == ["aws_vpc.a"]
    assert len([n for n in inv.notifications if n.level == "warning"]) == 2
    assert all(n.source is not None for n in inv.notifications)


def test_empty_state() -> None:
    inv = parse_state('{"version": 4, "terraform_version": "1.9.0", "serial": 0, "lineage": "l"}', "e")
    assert inv.resources == ()


def test_redact_does_not_modify_its_input() -> None:
    attrs = {"a": {"b": ["x", "y"]}}
    steps = [
        [
            {"type": "get_attr", "value": "a"},
            {"type": "index", "value": {"value": "b", "type": "string"}},
            {"type": "index", "value": {"value": 1, "type": "number"}},
        ]
    ]
    out, paths = redact(attrs, steps)
    assert out == {"a": {"b": ["x", Sensitive]}}
    assert attrs == {"a": {"b": ["x", "y"]}}
    assert paths == ["a.b[1]"]


def test_regions(fixtures: Path, repo: Path) -> None:
    data = json.loads((fixtures / "state_small.tfstate").read_text())
    assert provider_regions(data) == ("eu-west-1", "us-west-2")
    assert state_regions(repo / "stacks/terraform/webapp/terraform.tfstate") == ("us-east-1",)
    assert state_regions(fixtures / "truncated.tfstate") == ()


def test_webapp_example_state(repo: Path) -> None:
    stack = repo / "stacks/terraform/webapp"
    inv = load_state(stack / "terraform.tfstate", base_dir=repo)
    by = inv.by_address()
    assert len(inv.managed()) == 35
    assert by["aws_db_instance.main"].attrs["password"] is Sensitive
    assert by["aws_db_instance.main"].attrs["storage_encrypted"] is False
    assert by["module.network.aws_subnet.public[1]"].attrs["cidr_block"] == "10.20.1.0/24"
    assert by["aws_s3_bucket.logs"].cloud_id == "webapp-staging-logs"
    assert inv.notifications == ()
