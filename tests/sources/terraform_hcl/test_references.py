"""References: direct, through locals, with literal and computed indexes, in both branches."""

from __future__ import annotations

from scanner.model import PartialDocument, Unknown


def test_references_through_locals(load):
    res = load("references").by_address()
    policy = res["aws_s3_bucket_policy.through_locals"]
    assert policy.references["bucket"] == ("aws_s3_bucket.a",)
    assert policy.references["policy"] == ("aws_s3_bucket.a", "data.aws_s3_bucket.existing")
    # The text is unknown before apply; the document's structure is kept for analysis.
    assert isinstance(policy.attrs["policy"], PartialDocument)
    assert policy.attrs["policy"]["Resources"] == [Unknown, Unknown]


def test_count_over_a_counted_resource(load):
    res = load("references").by_address()
    versioning = [a for a in res if a.startswith("aws_s3_bucket_versioning.each_of_many")]
    assert versioning == [f"aws_s3_bucket_versioning.each_of_many[{i}]" for i in range(3)]
    # The instance the index picks, not every instance of the counted resource.
    assert res["aws_s3_bucket_versioning.each_of_many[1]"].references["bucket"] == ("aws_s3_bucket.many[1]",)


def test_both_branches_of_a_conditional_are_references(load):
    logging = load("references").by_address()["aws_s3_bucket_logging.conditional"]
    assert logging.references["bucket"] == ("aws_s3_bucket.a", "aws_s3_bucket.many[0]")
    assert logging.attrs["target_bucket"] == "many-2"
    assert logging.references["target_bucket"] == ("aws_s3_bucket.many[2]",)


def test_for_each_over_a_resource_refers_to_each_instance(load):
    res = load("for_each_resources").by_address()
    assert res['aws_s3_bucket_versioning.x["a"]'].references["bucket"] == ('aws_s3_bucket.x["a"]',)
    assert res['aws_s3_bucket_versioning.x["b"]'].references["bucket"] == ('aws_s3_bucket.x["b"]',)
