from __future__ import annotations

import os
import stat
import threading
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


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new" / "deeper" / "x.json", "{}")
    assert (tmp_path / "new" / "deeper" / "x.json").read_text() == "{}"


def test_setuid_and_setgid_bits_are_never_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o6755)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_fifo_is_written_directly_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=30)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_character_device_is_written_directly() -> None:
    before = os.stat("/dev/null")
    write_atomic("/dev/null", "discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files, as a shell redirection does")
def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(UsageError, match="Permission denied"):
        write_atomic(target, "new")
    assert target.read_text() == "keep"


@pytest.mark.parametrize("bad", ["", "  "])
def test_an_empty_path_is_a_usage_error(bad: str) -> None:
    with pytest.raises(UsageError, match="empty"):
        write_atomic(bad, "{}")


def test_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        write_atomic(tmp_path, "{}")


def test_lone_surrogates_are_written_as_escapes(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_atomic(target, '{"name": "\ud800"}')
    assert target.read_bytes() == b'{"name": "\\ud800"}'
