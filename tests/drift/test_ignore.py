"""``.driftignore`` rules: resources, attributes, wildcards, negation, comments, escaped dots."""

from __future__ import annotations

from pathlib import Path

from scanner.drift.ignore import IgnoreRules, attribute_segments, split_escaped

FIXTURE = Path(__file__).parent / "fixtures" / "sample.driftignore"


def test_split_escaped_dots() -> None:
    assert split_escaped("aws_s3_bucket.my\\.bucket.tags.env") == (
        "aws_s3_bucket",
        "my.bucket",
        "tags",
        "env",
    )
    assert attribute_segments("ingress[0].cidr_blocks[1]") == ("ingress", "cidr_blocks")


def test_sample_file() -> None:
    rules = IgnoreRules.load(FIXTURE)
    assert rules.notifications[0].message.startswith(f"{FIXTURE.as_posix()}:12: ignore rule 'aws_s3_bucket'")
    # type.id
    assert rules.ignores_resource("aws_iam_user", ["ci-bot"])
    assert not rules.ignores_resource("aws_iam_user", ["alice"])
    # wildcards, then a negation that re-includes one
    assert rules.ignores_resource("aws_sqs_queue", ["tmp-1"])
    assert not rules.ignores_resource("aws_sqs_queue", ["tmp-keep"])
    # escaped dot in an id
    assert rules.ignores_resource("aws_s3_bucket", ["logs.example.com"])
    assert not rules.ignores_resource("aws_s3_bucket", ["logs-example-com"])
    # attribute rules ignore the attribute and what is under it, not the resource
    assert not rules.ignores_resource("aws_instance", ["i-1"])
    assert rules.ignores_attribute("aws_instance", ["i-1"], "tags.LastPatched")
    assert not rules.ignores_attribute("aws_instance", ["i-1"], "tags.Name")
    assert rules.ignores_attribute("aws_lambda_function", ["fn"], "environment[0].variables.X")
    # a resource rule also ignores its attributes
    assert rules.ignores_attribute("aws_iam_user", ["ci-bot"], "tags.x")


def test_last_matching_rule_wins_and_patterns_come_after_the_file() -> None:
    rules = IgnoreRules.parse("aws_vpc.*\n").merged(IgnoreRules.from_patterns(["!aws_vpc.vpc-1"]))
    assert rules.ignores_resource("aws_vpc", ["vpc-2"])
    assert not rules.ignores_resource("aws_vpc", ["vpc-1"])


def test_star_alone_ignores_everything() -> None:
    assert IgnoreRules.parse("*").ignores_resource("aws_kms_key", ["k"])


def test_any_of_the_resource_names_may_match() -> None:
    rules = IgnoreRules.parse("aws_db_instance.main")
    assert rules.ignores_resource("aws_db_instance", ["db-ABC", "main"])
