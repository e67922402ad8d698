"""Configuration through the real command: found upward, validated with the key named, overridden by flags."""

from __future__ import annotations

import json
from pathlib import Path

from scanner.config import find_config, load_config
from tests.integrations.conftest import run_iacscan


def _sarif(repo: Path, *args: str) -> tuple[int, dict]:
    done = run_iacscan(["scan", "bad", "good", "-f", "sarif", "-o", "out.sarif", *args], repo)
    return done.returncode, json.loads((repo / "out.sarif").read_text())


def test_found_from_a_subdirectory_up_to_the_git_root(repo: Path) -> None:
    (repo / ".iacscan.yaml").write_text("fail-on: critical\n")
    assert find_config(repo / "bad") == repo / ".iacscan.yaml"
    (repo.parent / ".iacscan.yaml").write_text("fail-on: low\n")  # above the git root: never read
    (repo / ".iacscan.yaml").unlink()
    assert find_config(repo / "bad") is None


def test_pyproject_section(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.iacscan]\nfail-on = "critical"\n')
    assert load_config(find_config(repo) or Path("-")).fail_on == "critical"
    done = run_iacscan(["scan", "bad"], repo)
    assert done.returncode == 0, done.stderr  # the high finding is below the configured threshold


def test_cli_flag_overrides_the_file(repo: Path) -> None:
    (repo / ".iacscan.yaml").write_text("fail-on: critical\n")
    assert run_iacscan(["scan", "bad"], repo).returncode == 0
    assert run_iacscan(["scan", "bad", "--fail-on", "high"], repo).returncode == 1


def test_invalid_key_is_one_line_naming_the_key(repo: Path) -> None:
    (repo / ".iacscan.yaml").write_text("fail-on: severe\n")
    done = run_iacscan(["scan", "bad"], repo)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and ".iacscan.yaml: fail-on:" in lines[0], done.stderr
    (repo / ".iacscan.yaml").write_text(
        "skip:\n  - id: AWS-EC2-001\n    reason: x\n    expires: 2026-13-40\n"
    )
    done = run_iacscan(["scan", "bad"], repo)
    assert done.returncode == 2 and "skip[0].expires" in done.stderr, done.stderr
    (repo / ".iacscan.yaml").write_text("skip:\n  - id: AWS-EC2-001\n")
    done = run_iacscan(["scan", "bad"], repo)
    assert done.returncode == 2 and "skip[0]" in done.stderr and "reason" in done.stderr, done.stderr


def test_skip_with_reason_is_a_suppressed_result_not_a_missing_one(repo: Path) -> None:
    (repo / ".iacscan.yaml").write_text(
        "skip:\n  - id: AWS-EC2-001\n"
        "    reason: bastion reached through the VPN only\n    expires: 2999-01-01\n"
    )
    code, doc = _sarif(repo)
    assert code == 0
    results = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "AWS-EC2-001"]
    assert len(results) == 1
    assert results[0]["suppressions"] == [
        {"kind": "external", "justification": "bastion reached through the VPN only"}
    ]


def test_expired_skip_stops_working_and_says_so(repo: Path) -> None:
    (repo / ".iacscan.yaml").write_text(
        "skip:\n  - id: AWS-EC2-001\n    reason: temporary\n    expires: 2020-01-31\n"
    )
    code, doc = _sarif(repo)
    assert code == 1
    result = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "AWS-EC2-001")
    assert "suppressions" not in result
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["level"] == "warning" and "expired on 2020-01-31" in n["message"]["text"] for n in notes)


def test_paths_in_the_file_are_relative_to_it(repo: Path) -> None:
    policies = repo / "policies"
    policies.mkdir()
    (repo / ".iacscan.yaml").write_text(
        "policy-dirs: [policies]\nvar-files: [prod.tfvars]\nbaseline: b.json\n"
    )
    config = load_config(repo / ".iacscan.yaml")
    assert config.policy_dirs == (policies.resolve(),)
    assert config.var_files == ((repo / "prod.tfvars").resolve(),)
    assert config.baseline == (repo / "b.json").resolve()
