"""The part-B operators: ``covers`` (IAM wildcard patterns) and ``key_regex`` (mapping keys)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from scanner.model import Sensitive, Unknown
from scanner.policy.operators import OPERATORS, OpContext
from scanner.policy.paths import MISSING

CTX = OpContext(date(2026, 1, 1))


def run(op: str, actual: Any, expected: Any) -> Any:
    return OPERATORS[op](actual, expected, CTX)


@pytest.mark.parametrize(
    ("actual", "expected", "result"),
    [
        (["iam:PassRole"], "iam:PassRole", True),
        (["iam:passrole"], "iam:PassRole", True),
        (["iam:Pass*"], "iam:PassRole", True),
        ("*", "iam:PassRole", True),
        (["iam:*"], "iam:PassRole", True),
        (["iam:Get*", "s3:*"], "iam:PassRole", False),
        (["iam:P?ssRole"], "iam:PassRole", True),
        (["iam:PassRole"], "iam:*", False),
        (["iam:*"], "iam:*", True),
        (["s3:GetObject"], ["iam:*", "s3:getobject"], True),
        (["iam:List[a]"], "iam:Lista", False),
        ([], "iam:PassRole", False),
        (MISSING, "iam:PassRole", False),
        (42, "iam:PassRole", False),
    ],
)
def test_covers(actual: Any, expected: Any, result: bool) -> None:
    assert run("covers", actual, expected) is result
    assert run("not_covers", actual, expected) is (not result)


def test_covers_unknown() -> None:
    assert run("covers", Unknown, "iam:PassRole") is None
    assert run("covers", ["s3:GetObject", Unknown], "iam:PassRole") is None
    assert run("covers", ["*", Unknown], "iam:PassRole") is True
    assert run("not_covers", Sensitive, "iam:PassRole") is None


@pytest.mark.parametrize(
    ("actual", "pattern", "result"),
    [
        ({"DB_PASSWORD": "x", "REGION": "eu"}, "(?i)password", True),
        ({"REGION": "eu"}, "(?i)password", False),
        ({}, "(?i)password", False),
        (MISSING, "(?i)password", False),
        (["DB_PASSWORD"], "(?i)password", False),
    ],
)
def test_key_regex(actual: Any, pattern: str, result: bool) -> None:
    assert run("key_regex", actual, pattern) is result
    assert run("not_key_regex", actual, pattern) is (not result)


def test_key_regex_unknown() -> None:
    assert run("key_regex", Unknown, "x") is None
    assert run("not_key_regex", Unknown, "x") is None


@pytest.mark.parametrize(
    ("actual", "result"),
    [
        ("arn:aws:kms:eu-west-1:111122223333:key/k", True),
        (Unknown, True),
        (Sensitive, True),
        ("", False),
        (None, False),
        (MISSING, False),
        ([], True),
        (0, True),
    ],
)
def test_is_set(actual: Any, result: bool) -> None:
    assert run("is_set", actual, None) is result
    assert run("not_set", actual, None) is (not result)
