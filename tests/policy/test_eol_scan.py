"""End-of-life policies in a whole scan: --as-of, --eol-warn-days, the stale-data warning, other sources."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from scanner.cli import main_group
from scanner.model import Status
from scanner.policy.loader import builtin_policy_root
from scanner.policy.testing import fixture_as_of, fixture_directives
from scanner.scan import ScanOptions, run_scan

LAMBDA_TF = """
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "api.zip"
}
"""


@pytest.fixture(scope="module")
def eol_policies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Only the end-of-life policies, so these tests do not depend on the rest of the library."""
    target = tmp_path_factory.mktemp("eol-policies")
    for folder in sorted((builtin_policy_root() / "aws").glob("AWS-EOL-*")):
        shutil.copytree(folder, target / folder.name)
    return target


@pytest.fixture
def stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IACSCAN_EOL_OVERRIDES", raising=False)
    root = tmp_path / "app"
    root.mkdir()
    (root / "main.tf").write_text(LAMBDA_TF)
    return root


def _scan(
    root: Path, policies: Path, as_of: date, warn: int | None = None, skip: tuple[str, ...] = ()
) -> tuple[list[tuple[Status, str]], list[str]]:
    options = ScanOptions(
        paths=(str(root),),
        base_dir=root.parent,
        builtin_policies=False,
        policy_dirs=(policies,),
        as_of=as_of,
        eol_warn_days=warn,
        skip=skip,
    )
    result = run_scan(options)
    found = [(f.status, f.severity.value) for f in result.findings if f.rule_id == "AWS-EOL-001"]
    notes = [n.message for n in result.notifications if n.kind == "eol-data"]
    return found, notes


def test_as_of_and_warning_window_per_run(stack: Path, eol_policies: Path) -> None:
    # nodejs22.x: deprecation 2027-04-30, updates blocked 2027-07-01.
    assert _scan(stack, eol_policies, date(2027, 1, 29))[0] == [(Status.PASS, "high")]
    assert _scan(stack, eol_policies, date(2027, 1, 30))[0] == [(Status.FAIL, "medium")]
    assert _scan(stack, eol_policies, date(2027, 1, 30), warn=30)[0] == [(Status.PASS, "high")]
    assert _scan(stack, eol_policies, date(2027, 3, 31), warn=30)[0] == [(Status.FAIL, "medium")]
    assert _scan(stack, eol_policies, date(2027, 4, 30))[0] == [(Status.FAIL, "high")]
    assert _scan(stack, eol_policies, date(2027, 7, 1))[0] == [(Status.FAIL, "critical")]


def test_stale_data_is_a_warning(stack: Path, eol_policies: Path) -> None:
    assert _scan(stack, eol_policies, date(2027, 5, 26))[1] == []  # 180 days after 2026-11-27
    notes = _scan(stack, eol_policies, date(2027, 5, 27))[1]
    assert len(notes) == 1
    assert "181 days old at 2027-05-27" in notes[0]
    assert "aws-lambda" in notes[0] and "eol refresh" in notes[0]


def test_no_data_warning_without_eol_policies(stack: Path, eol_policies: Path) -> None:
    skip = tuple(p.name for p in eol_policies.iterdir())
    found, notes = _scan(stack, eol_policies, date(2030, 1, 1), skip=skip)
    assert found == [] and notes == []


def test_cli_as_of_and_eol_warn_days(stack: Path, eol_policies: Path) -> None:
    args = ["scan", str(stack), "-f", "json", "--as-of", "2027-03-01", "--soft-fail"]
    args += ["--no-builtin", "--policies", str(eol_policies)]
    out = CliRunner().invoke(main_group, args)
    assert out.exit_code == 0, out.output
    assert "AWS-EOL-001" in out.output and "2027-04-30" in out.output and "60 days left" in out.output
    json.loads(out.output)
    quiet = CliRunner().invoke(main_group, [*args, "--eol-warn-days", "30"])
    assert quiet.exit_code == 0
    assert "60 days left" not in quiet.output
    bad = CliRunner().invoke(main_group, [*args, "--eol-warn-days", "-1"])
    assert bad.exit_code == 2


def test_plan_json_goes_through_the_same_policy(tmp_path: Path, eol_policies: Path) -> None:
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {
            "root_module": {
                "resources": [
                    {
                        "address": "aws_eks_cluster.main",
                        "mode": "managed",
                        "type": "aws_eks_cluster",
                        "name": "main",
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "values": {"name": "main", "version": "1.31", "role_arn": "arn:aws:iam::1:role/eks"},
                    }
                ]
            }
        },
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    options = ScanOptions(
        paths=(str(path),),
        base_dir=tmp_path,
        builtin_policies=False,
        policy_dirs=(eol_policies,),
        as_of=date(2026, 11, 27),
    )
    result = run_scan(options)
    finding = next(f for f in result.findings if f.rule_id == "AWS-EOL-002")
    assert (finding.status, finding.severity.value) == (Status.FAIL, "critical")
    assert "end of extended support" in finding.message
    assert "since 2026-11-26 (1 day ago)" in finding.message


def test_fixture_directives(tmp_path: Path) -> None:
    path = tmp_path / "fail.tf"
    path.write_text('# as-of: 2026-11-27\n# origin: live\nresource "x" "y" {}\n# as-of: 2020-01-01\n')
    assert fixture_directives(path) == {"as-of": "2026-11-27", "origin": "live"}
    assert fixture_as_of(path) == date(2026, 11, 27)
    path.write_text('resource "x" "y" {}\n')
    assert fixture_as_of(path) is None
    path.write_text("# as-of: someday\n")
    assert fixture_as_of(path) is None
