from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scanner.errors import UsageError
from scanner.output import write_atomic


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    old = os.umask(0o022)
    try:
        write_atomic(target, "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() == "{}"


def test_existing_file_keeps_its_mode_and_no_temporary_is_left(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.json", "{}")
