"""The pre-commit hook, run by the real `pre-commit` package against this repository's hook definition."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner.commands.precommit import module_dirs
from tests.integrations.conftest import FIXTURES, ROOT, git

PRE_COMMIT = shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None, reason="the pre-commit package is not installed (dev extra)"
)


def test_changed_files_map_to_their_module_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for d in ("envs/prod", "envs/dev", "modules/net", ".terraform/modules/x"):
        (tmp_path / d).mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    files = [
        "envs/prod/main.tf",
        "envs/prod/prod.tfvars",
        "envs/dev/x.tf.json",
        "main.tf",
        ".terraform/modules/x/main.tf",
        "README.md",
        "gone/main.tf",
    ]
    assert module_dirs(files) == [".", "envs/dev", "envs/prod"]


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One pre-commit cache for the module: the hook's environment is built once, from HEAD."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    yield env


def _head() -> str:
    """The hook repository's HEAD: pre-commit installs the hook from a commit, so test what is committed."""
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def _try_repo(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(PRE_COMMIT),
        "try-repo",
        str(ROOT),
        "iacscan",
        "--ref",
        _head(),
        "--verbose",
        "--files",
        *files,
    ]
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "infra"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "good_sg", root / "network")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "good start")
    return root


@pytest.mark.slow
def test_bad_change_is_blocked_and_good_change_passes(project: Path, hook_env: dict[str, str]) -> None:
    shutil.copytree(FIXTURES / "bad_sg", project / "bastion")
    git(project, "add", ".")
    done = _try_repo(project, hook_env, "bastion/main.tf")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "AWS-EC2-001" in out and "Failed" in out

    # Only the root modules of the changed files are scanned: bastion/ is still bad, but untouched here.
    main_tf = project / "network" / "main.tf"
    main_tf.write_text(main_tf.read_text().replace("10.20.0.0/16", "10.30.0.0/16"))
    git(project, "add", ".")
    done = _try_repo(project, hook_env, "network/main.tf")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "Passed" in out and "AWS-EC2-001" not in out


@pytest.mark.slow
def test_hook_blocks_a_real_commit(project: Path, hook_env: dict[str, str]) -> None:
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {_head()}\n    hooks:\n      - id: iacscan\n"
    )
    git(project, "add", ".pre-commit-config.yaml")
    git(project, "commit", "-q", "-m", "hooks", "--no-verify")
    install = subprocess.run(
        [str(PRE_COMMIT), "install"], cwd=project, env=hook_env, capture_output=True, text=True, check=False
    )
    assert install.returncode == 0, install.stderr
    shutil.copytree(FIXTURES / "bad_sg", project / "bastion")
    git(project, "add", ".")
    commit = subprocess.run(
        ["git", "commit", "-m", "open ssh"],
        cwd=project,
        env=hook_env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert commit.returncode != 0, commit.stdout + commit.stderr
    assert "AWS-EC2-001" in commit.stdout + commit.stderr
