"""A broken user policy is a load error through the real CLI: exit 2, one line naming the file and
the mistake, no traceback, nothing scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli import iacscan

HEAD = """\
id: USER-S3-001
title: Buckets are named by the house rule
severity: low
description: Every bucket name follows the naming rule.
remediation: Rename the bucket.
resource_types: [aws_s3_bucket]
"""

LAUGHS = "\n".join(
    [HEAD + "options:", '  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    + ["condition: {attr: bucket, op: in, value: *l9}", ""]
)

CASES = {
    "regex": (
        HEAD + "condition: {attr: bucket, op: regex, value: '^acme-(data'}\n",
        "$.condition.value: invalid regular expression '^acme-(data'",
    ),
    "key_regex": (
        HEAD + "condition: {attr: tags, op: not_key_regex, value: '[a-'}\n",
        "$.condition.value: invalid regular expression '[a-'",
    ),
    "fn": (
        HEAD + "condition: {all: [{fn: no_such_check, args: {}}]}\n",
        "$.condition.all[0].fn: unknown check function 'no_such_check'",
    ),
    "cycle": (HEAD + "condition: &c {all: [*c]}\n", "YAML anchors make a cycle"),
    "billion_laughs": (LAUGHS, "YAML aliases expand the document past"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_policy_is_a_one_line_load_error(case: str, tmp_path: Path) -> None:
    text, expected = CASES[case]
    folder = tmp_path / "policies" / "USER-S3-001"
    folder.mkdir(parents=True)
    policy = folder / "USER-S3-001.yaml"
    policy.write_text(text)
    stack = tmp_path / "stack"
    stack.mkdir()
    (stack / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = "acme-data"\n}\n')
    proc = iacscan("scan", str(stack), "--policies", str(tmp_path / "policies"), "--format", "json")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(policy) in lines[0] and expected in lines[0], lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
