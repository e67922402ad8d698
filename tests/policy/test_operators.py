from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from scanner.model import Sensitive, Unknown
from scanner.policy.operators import OPERATORS, OpContext
from scanner.policy.paths import MISSING

CTX = OpContext(date(2026, 11, 27))


def op(name: str, actual: Any, expected: Any = None) -> Any:
    return OPERATORS[name](actual, expected, CTX)


@pytest.mark.parametrize(
    ("name", "actual", "expected", "result"),
    [
        ("eq", True, True, True),
        ("eq", "true", True, True),  # Terraform converts "true" to a bool
        ("eq", "1", 1, True),
        ("eq", 1, True, False),
        ("eq", MISSING, True, False),
        ("ne", MISSING, "public-read", True),
        ("in", "aws:kms", ["AES256", "aws:kms"], True),
        ("not_in", "private", ["public-read"], True),
        ("contains", ["a", "b"], "b", True),
        ("contains", [Unknown, "a"], "b", None),
        ("contains", [Unknown, "b"], "b", True),
        ("contains", "abc", "b", True),
        ("contains_any", ["x"], ["y", "x"], True),
        ("contains_all", ["x", "y"], ["y", "x"], True),
        ("contains_all", ["x"], ["y", "x"], False),
        ("gt", 8, 7, True),
        ("ge", "7", 7, True),
        ("lt", None, 7, False),
        ("le", 22, 22, True),
        ("regex", "TLSv1.2_2021", r"^TLSv1\.2", True),
        ("not_regex", "TLSv1", r"^TLSv1\.2", True),
        ("exists", Unknown, None, True),
        ("exists", MISSING, None, False),
        ("not_exists", None, None, True),
        ("empty", [], None, True),
        ("not_empty", {"a": 1}, None, True),
        ("length_ge", [1, 2], 2, True),
        ("version_lt", "1.27", "1.28", True),
        ("version_lt", "1.28", "1.28", False),
        ("version_ge", "garbage!", "1.0", None),
        ("is_world", ["10.0.0.0/8", "0.0.0.0/0"], None, True),
        ("is_world", "::/0", None, True),
        ("is_world", ["10.0.0.0/8"], None, False),
        ("is_world", [Unknown], None, None),
        ("not_world", MISSING, None, True),
        ("glob", ["s3:GetObject", "iam:*"], ["iam:*"], True),
        ("glob", "IAM:PassRole", ["iam:pass*"], True),
        ("not_glob", ["s3:GetObject"], ["iam:*"], True),
        ("starts_with", "arn:aws:kms", "arn:", True),
    ],
)
def test_operator_table(name: str, actual: Any, expected: Any, result: Any) -> None:
    assert op(name, actual, expected) is result


@pytest.mark.parametrize("name", ["eq", "ne", "in", "contains", "gt", "regex", "version_lt", "is_world"])
def test_unknown_and_sensitive_are_never_false(name: str) -> None:
    assert op(name, Unknown, "x") is None
    assert op(name, Sensitive, "x") is None


def test_wildcard_matching_agrees_with_the_regex_form() -> None:
    import random

    from scanner.policy.operators import _iam_pattern, _wildcard_match

    rng = random.Random(7)
    for _ in range(5000):
        pattern = "".join(rng.choice("aB*") for _ in range(rng.randint(0, 7)))
        name = "".join(rng.choice("ab") for _ in range(rng.randint(0, 7)))
        assert _wildcard_match(pattern, name) == bool(_iam_pattern(pattern).fullmatch(name)), (pattern, name)
