"""Fuzzing with the seeded generator in ``tests/fuzz_inputs.py``: whatever the mutated file, the scan
raises nothing, writes every report format, keeps the good file's findings, and never shows the
canary (a file outside the repository that the mutated code tries to read)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scanner.output import write_atomic
from scanner.report import FORMATS, render
from scanner.scan import PolicyLibrary, ScanOptions, load_library, run_scan
from tests.e2e.cli import iacscan
from tests.fuzz_inputs import generate

CANARY = "CANARY-d41d8cd9-never-in-a-report"
GOOD = 'resource "aws_s3_bucket" "good" {\n  bucket = "good-bucket"\n  acl = "public-read"\n}\n'


@dataclass
class Arena:
    repo: Path
    root: Path
    canary: Path
    library: PolicyLibrary
    baseline: frozenset[tuple[str, str]]


def _good_findings(result: object) -> frozenset[tuple[str, str]]:
    return frozenset(
        (f.rule_id, f.status.value)
        for f in result.findings  # type: ignore[attr-defined]
        if f.resource_address == "aws_s3_bucket.good"
    )


@pytest.fixture(scope="module")
def arena(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Arena]:
    top = tmp_path_factory.mktemp("fuzz")
    outside = top / "outside"
    outside.mkdir()
    canary = outside / "canary.txt"
    canary.write_text(CANARY)
    (outside / "main.tf").write_text(f'resource "aws_s3_bucket" "o" {{\n  bucket = "{CANARY}"\n}}\n')
    repo = top / "repo"
    (repo / ".git").mkdir(parents=True)
    root = repo / "root"
    root.mkdir()
    (root / "good.tf").write_text(GOOD)
    os.symlink(outside, root / "link")
    (root / "mod").mkdir()
    (root / "mod" / "main.tf").write_text(
        'variable "name" {}\nresource "aws_sqs_queue" "m" {\n  name = var.name\n}\n'
    )
    library = load_library(ScanOptions(paths=()))
    baseline = _good_findings(run_scan(ScanOptions(paths=(str(root),), base_dir=repo), library))
    assert baseline  # the good bucket fails some policies: they must stay the same
    yield Arena(repo, root, canary, library, baseline)


def _run_case(arena: Arena, seed: int, out_dir: Path) -> None:
    case = generate(seed, str(arena.canary))
    written: list[Path] = []
    for name, data in case.files.items():
        (arena.root / name).write_bytes(data)
        written.append(arena.root / name)
    inputs = []
    for name, data in case.inputs.items():
        path = arena.repo / name
        path.write_bytes(data)
        written.append(path)
        inputs.append(str(path))
    try:
        options = ScanOptions(paths=(str(arena.root), *inputs), base_dir=arena.repo)
        result = run_scan(options, arena.library)
        assert _good_findings(result) == arena.baseline, f"seed {seed}"
        for fmt in FORMATS:
            target = out_dir / f"report.{fmt}"
            write_atomic(target, render(result, fmt))
            text = target.read_text(encoding="utf-8")
            assert CANARY not in text, f"seed {seed}: canary in the {fmt} report"
            assert "\x1b" not in text or fmt == "json", f"seed {seed}: raw ESC in the {fmt} report"
    finally:
        for path in written:
            path.unlink()


@pytest.mark.parametrize("chunk", range(4))
def test_fuzz_quick(arena: Arena, tmp_path: Path, chunk: int) -> None:
    for seed in range(chunk * 75, (chunk + 1) * 75):  # 300 cases in all
        _run_case(arena, seed, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(20))
def test_fuzz_thousands(arena: Arena, tmp_path: Path, chunk: int) -> None:
    for seed in range(10_000 + chunk * 200, 10_000 + (chunk + 1) * 200):  # 4,000 cases in all
        _run_case(arena, seed, tmp_path)


@pytest.mark.parametrize("seed", [3, 7, 12])
def test_fuzz_through_the_real_process(arena: Arena, tmp_path: Path, seed: int) -> None:
    root = tmp_path / "repo" / "root"
    shutil.copytree(arena.repo, tmp_path / "repo", symlinks=True)
    case = generate(seed, str(arena.canary))
    for name, data in case.files.items():
        (root / name).write_bytes(data)
    inputs = []
    for name, data in case.inputs.items():
        (tmp_path / "repo" / name).write_bytes(data)
        inputs.append(str(tmp_path / "repo" / name))
    out = tmp_path / "out" / "report.sarif"
    proc = iacscan(
        "scan", str(root), *inputs, "-f", "sarif", "-o", str(out), "--base-dir", str(tmp_path / "repo")
    )
    assert "Traceback" not in proc.stderr and proc.returncode in (1, 2), proc.stderr
    assert out.is_file() and CANARY not in out.read_text() and CANARY not in proc.stderr
