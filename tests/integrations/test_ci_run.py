""".ci/run runs exactly the README's test command and fails whenever the tests do (exit 5 included)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def readme_test_command() -> str:
    first_block = (ROOT / "README.md").read_text().split("```sh\n", 1)[1].split("```", 1)[0]
    return next(line for line in first_block.splitlines() if "pytest" in line)


def test_ci_runs_the_readme_command() -> None:
    command = readme_test_command()
    assert command.startswith("pip install -e '.[dev]' && pytest")
    # The command itself, only followed by the capture of its exit code.
    assert f"{command} || status=$?" in (ROOT / ".ci" / "run").read_text().splitlines()


@pytest.mark.parametrize(("pytest_exit", "expected"), [(0, 0), (1, 1), (5, 5)])
def test_ci_exit_code_follows_pytest(tmp_path: Path, pytest_exit: int, expected: int) -> None:
    """A copy of .ci/run with stand-in pip and pytest on PATH: the script's own logic, run for real."""
    checkout = tmp_path / "checkout"
    (checkout / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "run", checkout / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    for name, code in (("pip", 0), ("pytest", pytest_exit)):
        tool = bin_dir / name
        tool.write_text(f'#!/bin/sh\necho "{name} $*" >> "{calls}"\nexit {code}\n')
        tool.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", str(checkout / ".ci" / "run")], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == expected
    assert calls.read_text().splitlines() == ["pip install -e .[dev]", "pytest -n auto"]
    assert ("collected no tests" in done.stderr) == (pytest_exit == 5)
