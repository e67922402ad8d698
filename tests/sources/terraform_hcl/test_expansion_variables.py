"""count / for_each, variables from every source, unknowns and sensitive values."""

from __future__ import annotations

from scanner.model import Sensitive, Unknown

from .conftest import FIXTURES


def test_count_and_for_each_known(load):
    res = load("expansion").by_address()
    assert res["aws_s3_bucket.counted[0]"].attrs == {"bucket": "bucket-0"}
    assert res["aws_s3_bucket.counted[1]"].attrs == {"bucket": "bucket-1"}
    assert res['aws_s3_bucket.mapped["site"]'].attrs == {"bucket": "site-bucket", "acl": "public-read"}
    assert res['aws_s3_bucket.setted["a"]'].attrs == {"bucket": "a"}
    assert not any(a.startswith("aws_s3_bucket.zero") for a in res)


def test_unknown_count_emits_one_unexpanded_resource(load):
    res = load("expansion").by_address()
    maybe = res["aws_s3_bucket.maybe"]
    assert maybe.attrs["bucket"] is Unknown
    assert maybe.attrs["acl"] == "private"
    assert "count" not in maybe.attrs
    assert not any(a.startswith("aws_s3_bucket.maybe[") for a in res)


def test_references_keep_literal_index(load):
    v = load("expansion").by_address()["aws_s3_bucket_versioning.first"]
    assert v.references["bucket"] == ("aws_s3_bucket.counted[0]",)
    assert v.references["versioning_configuration"] == ('aws_s3_bucket.mapped["logs"]',)
    assert v.attrs["versioning_configuration"] == [{"status": "Enabled"}]


def test_variable_precedence(load):
    inv = load(
        "variables",
        var_files=[FIXTURES / "variables" / "extra.tfvars"],
        variables={"from_cli": "cli", "cli_list": '["a", "b"]', "cli_number": "42"},
    )
    web = inv.by_address()["aws_instance.web"]
    a = web.attrs
    assert a["ami"] == "default-value"
    assert a["instance_type"] == "t3.micro"
    assert a["key_name"] == "from-a-auto"  # *.auto.tfvars after terraform.tfvars
    assert a["subnet_id"] == "subnet-from-json"
    assert a["user_data"] == "from-extra"
    assert a["placement_group"] == "cli"
    assert a["security_groups"] == ["a", "b"]
    assert a["cpu_core_count"] == 42
    assert a["ebs_optimized"] == 8080  # string default converted to the declared number type


def test_unset_variable_is_unknown_and_partial_values_keep_known_parts(load):
    a = load("variables").by_address()["aws_instance.web"].attrs
    assert a["hibernation"] is Unknown
    assert a["tags"]["Unset"] is Unknown
    assert a["secondary_private_ips"] == ["10.0.0.5", Unknown]


def test_sensitive_variable_never_reaches_attrs(load):
    web = load("variables").by_address()["aws_instance.web"]
    assert web.attrs["tags"]["Secret"] is Sensitive
    assert "tags" in web.sensitive_paths
    assert "hunter2" not in repr(web)


def test_cli_value_parsing():
    from scanner.sources.terraform_hcl.variables import parse_cli_value

    assert parse_cli_value("true") is True
    assert parse_cli_value("1.5") == 1.5
    assert parse_cli_value('{a = 1, b = ["x"]}') == {"a": 1, "b": ["x"]}
    assert parse_cli_value("plain words") == "plain words"
    assert parse_cli_value("[unclosed") == "[unclosed"


def test_reference_to_an_unexpanded_resource_names_its_only_address(load):
    acl = load("expansion").by_address()["aws_s3_bucket_acl.maybe_first"]
    assert acl.references["bucket"] == ("aws_s3_bucket.maybe",)
