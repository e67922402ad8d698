"""The composite action's shell steps, run for real with bash as the runner would run them.

The `uses:` steps (setup-python, upload-sarif) are GitHub's; the install step is replaced by an
`iacscan` on PATH that runs this checkout. Expressions are filled in the way the runner fills them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.integrations.conftest import ROOT, iacscan_env
from tests.sarif_schema import assert_valid_sarif

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
_EXPR = re.compile(r"\$\{\{(.*?)\}\}")


def _runner_env(tmp: Path) -> dict[str, str]:
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "iacscan"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m scanner "$@"\n')
    shim.chmod(0o755)
    env = iacscan_env()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["RUNNER_TEMP"] = str(tmp)
    return env


def run_action(
    workdir: Path, tmp: Path, logs: dict[str, str] | None = None, **given: str
) -> tuple[dict[str, dict[str, str]], str, int]:
    """Run each `run:` step after the install; return step outputs, the job summary, the last exit code.

    ``logs``, when given, receives each step's log (standard output and error) by step id."""
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    outputs: dict[str, dict[str, str]] = {}
    summary = tmp / "summary.md"
    summary.write_text("")
    code = 0

    def expand(text: Any) -> str:
        def one(match: re.Match[str]) -> str:
            expr = match.group(1).strip()
            if expr == "github.action_path":
                return str(ROOT)
            if expr.startswith("inputs."):
                return str(inputs[expr.removeprefix("inputs.")])
            if expr.startswith("steps."):
                _, step_id, _, name = expr.split(".")
                return outputs.get(step_id, {}).get(name, "")
            raise AssertionError(f"unexpected expression {expr}")

        return _EXPR.sub(one, str(text))

    for step in ACTION["runs"]["steps"]:
        if "run" not in step or "pip install" in step["run"]:
            continue
        out_file = tmp / f"out-{step.get('id', 'x')}.txt"
        out_file.write_text("")
        env = _runner_env(tmp)
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        env.update(GITHUB_OUTPUT=str(out_file), GITHUB_STEP_SUMMARY=str(summary))
        done = subprocess.run(
            ["bash", "-e", "-c", expand(step["run"])],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        code = done.returncode
        if logs is not None:
            logs[step.get("id", "")] = done.stdout + done.stderr
        lines = out_file.read_text().splitlines()
        outputs[step.get("id", "")] = dict(line.split("=", 1) for line in lines if "=" in line)
    return outputs, summary.read_text(), code


def test_findings_fail_the_step_after_writing_everything(repo: Path, tmp_path: Path) -> None:
    logs: dict[str, str] = {}
    outputs, summary, code = run_action(repo, tmp_path, logs, paths="bad\ngood")
    assert outputs["scan"] == {"exit-code": "1", "sarif-file": "iacscan.sarif"}
    assert (repo / "iacscan.sarif").is_file()
    assert_valid_sarif(json.loads((repo / "iacscan.sarif").read_text()))
    # One scan, two reports: the findings as text in the step's log, SARIF in the file.
    assert "Policy findings" in logs["scan"] and "AWS-EC2-001" in logs["scan"]
    assert "1 failed (0 critical, 1 high" in logs["scan"]
    assert '"$schema"' not in logs["scan"]
    assert outputs["counts"] == {
        "failed": "1",
        "critical": "0",
        "high": "1",
        "medium": "0",
        "low": "0",
        "drift": "0",
    }
    assert "## iacscan report" in summary and "AWS-EC2-001" in summary
    assert code == 1


@pytest.mark.slow
def test_soft_fail_and_threshold(repo: Path, tmp_path: Path) -> None:
    _, _, code = run_action(repo, tmp_path, paths="bad", soft_fail="true")
    assert code == 0
    outputs, _, code = run_action(repo, tmp_path, paths="bad", fail_on="critical")
    assert outputs["scan"]["exit-code"] == "0" and code == 0


@pytest.mark.slow
def test_baseline_input(repo: Path, tmp_path: Path) -> None:
    env = iacscan_env()
    subprocess.run(
        [sys.executable, "-m", "scanner", "baseline", "create", "-o", "base.json", "bad"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )
    outputs, summary, code = run_action(repo, tmp_path, paths="bad", baseline="base.json")
    assert code == 0 and outputs["counts"]["failed"] == "0"
    assert "in baseline since" in summary


def test_inputs_cannot_inject_shell(repo: Path, tmp_path: Path) -> None:
    outputs, _, code = run_action(
        repo, tmp_path, paths='good"; touch pwned; echo "', framework="$(touch pwned2)"
    )
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()
    assert outputs["scan"]["exit-code"] == "2" and code == 2


@pytest.mark.slow
def test_drift_through_the_action_and_a_baseline_that_accepts_it(
    repo: Path, tmp_path: Path, aws_endpoint: str
) -> None:
    import boto3

    from tests.drift.seeding import REGION, seed

    (tmp_path / "seed").mkdir()
    seeded = seed(aws_endpoint, tmp_path / "seed")
    boto3.client("s3", endpoint_url=aws_endpoint, region_name=REGION).create_bucket(Bucket="made-by-hand")
    drift = {"drift_source": str(seeded.state), "drift_args": f"--endpoint-url {aws_endpoint}"}
    logs: dict[str, str] = {}
    outputs, summary, code = run_action(repo, tmp_path, logs, paths="bad", **drift)
    assert outputs["scan"]["exit-code"] == "4" and code == 4  # findings and drift
    assert "AWS-EC2-001" in logs["scan"] and "UNMANAGED" in logs["scan"]  # both runs' text in the log
    assert outputs["counts"]["drift"] == "1" and outputs["counts"]["high"] == "1"
    assert "### Drift" in summary and "unmanaged" in summary

    env = iacscan_env()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scanner",
            "baseline",
            "create",
            "-o",
            "base.json",
            "--from-sarif",
            "iacscan.sarif",
        ],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )
    outputs, summary, code = run_action(repo, tmp_path, paths="bad", baseline="base.json", **drift)
    assert outputs["counts"]["drift"] == "0" and outputs["counts"]["failed"] == "0"
    assert outputs["scan"]["exit-code"] == "0" and code == 0


def test_download_external_modules_input(repo: Path, tmp_path: Path) -> None:
    """With the input, a git module's resources are scanned (and the download is cached in RUNNER_TEMP)."""
    from tests.sources.remote_modules.conftest import make_git_repo

    module = 'resource "aws_s3_bucket_acl" "this" {\n  bucket = "b"\n  acl    = "public-read"\n}\n'
    source = make_git_repo(tmp_path / "mods" / "acl", {"v1.0.0": {"main.tf": module}})
    call = f'module "acl" {{\n  source = "git::{source.as_uri()}?ref=v1.0.0"\n}}\n'
    (repo / "good" / "acl.tf").write_text(call)
    outputs, _, code = run_action(repo, tmp_path, paths="good")
    assert outputs["scan"]["exit-code"] == "0"  # offline: the module is skipped with a notice
    outputs, summary, code = run_action(repo, tmp_path, paths="good", download_external_modules="true")
    assert outputs["scan"]["exit-code"] == "1" and code == 1
    assert "AWS-S3-001" in summary
    assert any((tmp_path / "iacscan-modules" / "packages").iterdir())
