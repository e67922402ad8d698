"""One vocabulary: the webapp stack gives the same policy failures from HCL, state and Pulumi."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.model import Status
from scanner.scan import ScanOptions, run_scan


def _failures(repo: Path, spec: str) -> set[tuple[str, str]]:
    result = run_scan(ScanOptions(paths=(str(repo / spec),), base_dir=repo))
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    return {(f.rule_id, f.resource_type) for f in result.findings if f.status is Status.FAIL}


@pytest.fixture(scope="module")
def state_failures() -> set[tuple[str, str]]:
    repo = Path(__file__).resolve().parents[2]
    failures = _failures(repo, "stacks/terraform/webapp/terraform.tfstate")
    assert ("AWS-EC2-004", "aws_instance") in failures  # the stack's marked misconfigurations are found
    return failures


@pytest.mark.parametrize("spec", ["stacks/terraform/webapp", "stacks/pulumi/webapp/stack-export.json"])
def test_same_failures_as_the_state(repo: Path, spec: str, state_failures: set[tuple[str, str]]) -> None:
    assert _failures(repo, spec) == state_failures


def test_creation_plan_fails_no_more_than_the_state(repo: Path, state_failures: set[tuple[str, str]]) -> None:
    plan = _failures(repo, "stacks/terraform/webapp/plan.json")
    assert plan and plan <= state_failures  # values unknown until apply give UNKNOWN, never FAIL


@pytest.mark.slow
def test_pulumi_program_under_mocks_fails_like_its_twin_at_its_own_lines(
    repo: Path, state_failures: set[tuple[str, str]]
) -> None:
    pytest.importorskip(
        "pulumi_aws", reason="the pulumi extra is not installed (pip install 'iacscan[pulumi]')"
    )
    program = repo / "stacks" / "pulumi" / "webapp"
    result = run_scan(ScanOptions(paths=(str(program),), base_dir=repo, run_pulumi_programs=True))
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    failed = [f for f in result.findings if f.status is Status.FAIL]
    assert {(f.rule_id, f.resource_type) for f in failed} == state_failures
    lines = (program / "__main__.py").read_text().splitlines()
    for finding in failed:
        assert finding.source is not None and finding.source.path == "stacks/pulumi/webapp/__main__.py"
        code = lines[finding.source.start_line - 1]
        assert "aws." in code or "super().__init__" in code, (finding.rule_id, code)
    ssh = [f for f in failed if f.resource_address == "aws_security_group_rule.app-ssh"]
    assert ssh and "SecurityGroupRule(" in lines[ssh[0].source.start_line - 1]  # type: ignore[union-attr]
