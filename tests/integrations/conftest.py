"""Helpers for the integration tests: run iacscan as a user does, in a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"


def iacscan_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("GITHUB_OUTPUT", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def run_iacscan(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`iacscan ARGS` in CWD, as a child process (exit codes and output exactly as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "scanner", *args],
        cwd=cwd,
        env=iacscan_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def git(cwd: Path, *args: str) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository with the two fixture modules copied in as `bad/` and `good/`."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "bad_sg", root / "bad")
    shutil.copytree(FIXTURES / "good_sg", root / "good")
    return root
