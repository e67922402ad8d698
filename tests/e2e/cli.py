"""Running the real ``iacscan`` process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def iacscan(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("iacscan")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "scanner", *args]
    full_env = {**os.environ, **(env or {})}
    # The checkout under test comes first, whatever an installed iacscan points at.
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), full_env.get("PYTHONPATH", "")) if p)
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=full_env)
