"""Dynamic blocks, IAM policy documents, suppressions, broken files and Terraform JSON syntax."""

from __future__ import annotations

import json

from scanner.model import PartialDocument, SourceRef, Unknown


def test_nested_blocks_become_lists_with_sources(load):
    web = load("dynamic").by_address()["aws_security_group.web"]
    ingress = web.attrs["ingress"]
    assert [r["from_port"] for r in ingress] == [22, 80, 443]
    assert ingress[2]["description"] == "rule 1"
    assert web.attr_sources["ingress[0]"] == SourceRef("dynamic/main.tf", 12, 17)
    assert web.attr_sources["ingress[0].cidr_blocks"] == SourceRef("dynamic/main.tf", 16, 16)
    assert web.attr_sources["ingress[2]"].start_line == 21


def test_dynamic_iterator_override(load):
    web = load("dynamic").by_address()["aws_security_group.web"]
    assert web.attrs["egress"] == [{"from_port": 53, "to_port": 53, "protocol": "udp"}]


def test_dynamic_with_unknown_for_each_appends_unknown(load):
    opaque = load("dynamic").by_address()["aws_security_group.opaque"]
    assert opaque.attrs["ingress"] == [Unknown]


def test_iam_policy_document_json(load):
    res = load("iam").by_address()
    doc = json.loads(res["aws_iam_policy.from_document"].attrs["policy"])
    assert doc == {
        "Version": "2012-10-17",
        "Id": "example",
        "Statement": [
            {
                "Sid": "ReadObjects",
                "Effect": "Allow",
                "Action": ["s3:ListBucket", "s3:GetObject"],
                "Resource": ["arn:aws:s3:::data/*", "arn:aws:s3:::data"],
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Condition": {"Bool": {"aws:SecureTransport": "true"}},
            },
            {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*", "NotPrincipal": "*"},
        ],
    }
    data = res["data.aws_iam_policy_document.full"]
    assert json.loads(data.attrs["minified_json"]) == doc
    assert " " not in data.attrs["minified_json"]
    assert res["aws_iam_policy.from_document"].references["policy"] == ("data.aws_iam_policy_document.full",)


def test_iam_policy_document_with_unknown_part_keeps_its_structure(load):
    res = load("iam").by_address()
    policy = res["aws_iam_policy.from_partial"].attrs["policy"]
    assert isinstance(policy, PartialDocument)
    assert policy["Statement"][0]["Resource"] == [Unknown]


def test_inline_suppressions(load):
    res = load("suppress").by_address()
    above = res["aws_s3_bucket.above"].suppressions
    assert [(s.policy_id, s.reason, s.line) for s in above] == [
        ("AWS-S3-001", "logs bucket is public by design", 1)
    ]
    inside = res["aws_s3_bucket.inside"].suppressions
    assert [s.policy_id for s in inside] == ["AWS-S3-002", "AWS-S3-003", "AWS-S3-004"]
    assert inside[0].reason == "reviewed in TICKET-1"
    assert inside[2].reason == "block comment"
    checkov = res["aws_s3_bucket.checkov"].suppressions
    assert [(s.policy_id, s.reason) for s in checkov] == [("CKV_AWS_18", "access logging handled elsewhere")]
    assert res["aws_s3_bucket.none"].suppressions == ()


def test_broken_file_keeps_good_blocks_and_reports_each_spot(load):
    inv = load("broken")
    assert sorted(inv.by_address()) == ["aws_s3_bucket.after", "aws_s3_bucket.before", "aws_s3_bucket.good"]
    errors = sorted(inv.notifications, key=lambda n: n.message)
    assert [n.level for n in errors] == ["error", "error"]
    assert errors[0].message.startswith("broken/bad.tf.json:1: invalid JSON")
    assert errors[1].message.startswith("broken/broken.tf:6: syntax error")
    assert errors[1].source == SourceRef("broken/broken.tf", 6, 6)
    assert all(n.kind == "parse" for n in errors)


def test_tf_json_syntax(load):
    res = load("tfjson").by_address()
    bucket = res["aws_s3_bucket.data"]
    assert bucket.attrs == {"bucket": "acme-dev-data", "tags": {"Env": "dev", "Team": "core"}}
    assert bucket.source == SourceRef("tfjson/main.tf.json", 10, 13)
    versioning = res["aws_s3_bucket_versioning.data"]
    assert versioning.attrs["versioning_configuration"] == [{"status": "Enabled"}]
    assert versioning.references["bucket"] == ("aws_s3_bucket.data",)
    doc = json.loads(res["data.aws_iam_policy_document.doc"].attrs["json"])
    assert doc["Statement"] == [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]


def test_unreadable_directory_is_usage_error(tmp_path):
    import pytest

    from scanner.errors import UsageError
    from scanner.sources.terraform_hcl import load_terraform_dir

    with pytest.raises(UsageError):
        load_terraform_dir(tmp_path / "missing", base_dir=tmp_path)


def test_bad_tfvars_is_a_notification(tmp_path):
    from scanner.sources.terraform_hcl import load_terraform_dir

    (tmp_path / "main.tf").write_text('variable "x" {\n  default = "d"\n}\n')
    (tmp_path / "terraform.tfvars.json").write_text('{"x": }')
    inv = load_terraform_dir(tmp_path, base_dir=tmp_path)
    assert [n.message.split(":")[:2] for n in inv.notifications] == [["terraform.tfvars.json", "1"]]


def test_tf_json_dynamic_blocks_and_non_nullable_module_input(load):
    res = load("tfjson_dynamic").by_address()
    web = res["aws_security_group.web"]
    assert web.attrs["ingress"] == [
        {"from_port": 80, "to_port": 80, "protocol": "tcp"},
        {"from_port": 443, "to_port": 443, "protocol": "tcp"},
    ]
    assert res["module.child.aws_sqs_queue.q"].attrs["name"] == "fallback"
