"""Usage mistakes and output targets through the real process: one line on standard error, exit 2,
never click's usage block nor a traceback; `-o` writes where a shell redirection would."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import click
import pytest

from scanner.commands.common import handles_errors
from tests.e2e.cli import iacscan

CLEAN = "tests/e2e/fixtures/clean"
ONLY_SSH = ("--no-builtin", "--policies", "policies/aws/AWS-EC2-001")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("scan", CLEAN, "-f", "junk"), "'junk' is not one of"),
        (("scan", CLEAN, "--fail-on", "junk"), "'junk' is not one of"),
        (("scan", CLEAN, "--no-such-option"), "No such option '--no-such-option'"),
        (("no-such-command",), "No such command 'no-such-command'"),
        (("scan", CLEAN, "-o", ""), "--output: the path is empty"),
        (("scan", CLEAN, "-o", "tests"), "--output: tests is a directory"),
        (("scan", CLEAN, "--var", "novalue"), "is not NAME=VALUE"),
        (("scan", CLEAN, "--as-of", "yesterday"), "is not YYYY-MM-DD"),
    ],
)
def test_usage_mistakes_are_one_line(args: tuple[str, ...], expected: str) -> None:
    proc = iacscan(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("iacscan: error: ") and expected in proc.stderr
    assert "Usage:" not in proc.stderr and "Traceback" not in proc.stderr


def test_an_unexpected_exception_is_one_line_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    @click.command()
    @click.option("--debug", is_flag=True)
    @handles_errors
    def broken(debug: bool) -> None:
        raise ZeroDivisionError("division by zero")

    with pytest.raises(SystemExit) as exit_info:
        broken.main(args=[], standalone_mode=False)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "iacscan: error: internal error: ZeroDivisionError: division by zero "
        "(rerun with --debug for the traceback)\n"
    )
    with pytest.raises(SystemExit):
        broken.main(args=["--debug"], standalone_mode=False)
    assert "Traceback" in capsys.readouterr().err


def test_output_creates_missing_folders(tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "report.json"
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text())["summary"]["passed"] == 1


def test_output_dash_is_standard_output() -> None:
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", "-")
    assert json.loads(proc.stdout)["summary"]["passed"] == 1


def test_output_to_dev_null_keeps_the_device() -> None:
    before = os.stat("/dev/null")
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-o", "/dev/null")
    assert proc.returncode == 0, proc.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_output_through_a_symlink_and_a_fifo(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and json.loads(real.read_text())["summary"]["passed"] == 1

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(got[0])["summary"]["passed"] == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file, as with a redirection")
def test_read_only_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("keep")
    out.chmod(0o444)
    proc = iacscan("scan", CLEAN, *ONLY_SSH, "-f", "json", "-o", str(out))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"iacscan: error: cannot write {out}: Permission denied"
    assert out.read_text() == "keep"
