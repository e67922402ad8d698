"""The whole-tree benchmark runs and reports its figures (never timed here: the figures are printed)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_whole_tree_mode_prints_time_memory_and_ratio() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench_scan.py"), "300", "--roots", "3", "--repeat", "1"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert re.search(r"tree: .* \(306 resources, 11 \.tf files", lines[0])
    assert lines[1].startswith("floor (tree-sitter parse + walk of every file once")
    runs = [line for line in lines if line.startswith("iacscan scan . [")]
    assert len(runs) == 2
    for line in runs:
        assert "exit 1, 3 roots, 306 managed resources" in line
        assert re.search(r"[\d.]+ s wall \([\d.]+x floor\), CPU [\d.]+ s .* peak RSS \d+ MiB", line)
