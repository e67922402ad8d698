"""The built wheel carries everything `iacscan demo` needs: installed into a fresh virtual environment,
the demo runs from an empty folder, far from any checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What setup.py / pyproject.toml build the wheel from.
SOURCES = ("scanner", "policies", "stacks", "setup.py", "pyproject.toml", "README.md")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode in (0, 1), (
        f"{cmd}: {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    )
    return done


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_runs_the_demo_from_an_empty_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in SOURCES:  # a copy, so the build leaves nothing in the checkout
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)]
    _run([*build, str(src)], cwd=tmp_path)
    wheel = next(dist.glob("iacscan-*.whl"))

    # The dependencies (and moto for the demo) come from this interpreter's site-packages; the
    # package itself only from the wheel.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)

    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    where = _run([str(python), "-c", "import scanner; print(scanner.__file__)"], cwd=empty, env=env)
    assert where.stdout.strip().startswith(str(venv)), where.stdout  # the wheel's copy, not a checkout

    demo = _run([str(venv / "bin" / "iacscan"), "demo", "-f", "json"], cwd=empty, env=env)
    assert demo.returncode == 0, demo.stderr
    report = json.loads(demo.stdout)
    drift = sorted((f["drift"]["kind"], f["resource"]) for f in report["findings"] if f.get("drift"))
    assert ("unmanaged", "aws_s3_bucket.webapp-staging-scratch") in drift and len(drift) == 4
    static = [f for f in report["findings"] if not f.get("drift")]
    assert static and all(f["file"].startswith("terraform/webapp/") for f in static if f["file"])
    assert list(empty.iterdir()) == []  # nothing written where it ran
