"""Run ``mock_runner.py`` in a child process with the program's own interpreter, bounded in time.

The child gets a minimal environment: no AWS credentials, no Pulumi access token, no backend URL,
HOME in a temporary folder, the stack configuration in ``PULUMI_CONFIG``. Its stdout and stderr are
captured (never printed: a program may print anything); on failure, the last line of stderr is what
the user sees.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

from .project import PulumiProject, StackConfig

RUNNER = Path(__file__).resolve().with_name("mock_runner.py")
DEFAULT_TIMEOUT = 120.0
_KEPT_ENV = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP")


class ProgramFailed(Exception):
    """The program raised, timed out or could not start; the message is one line."""


@dataclass(frozen=True, slots=True)
class Interpreter:
    python: str
    own: bool  # the program's own virtualenv


def interpreter(project: PulumiProject) -> Interpreter:
    """The program's virtualenv (``runtime.options.virtualenv``, else ``venv``/``.venv``), else ours."""
    candidates = [project.virtualenv] if project.virtualenv else []
    candidates += [project.folder / "venv", project.folder / ".venv"]
    for venv in candidates:
        if venv is None:
            continue
        for exe in (venv / "bin" / "python", venv / "Scripts" / "python.exe"):
            if exe.is_file() and os.access(exe, os.X_OK):
                return Interpreter(str(exe), True)
    return Interpreter(sys.executable, False)


def missing_requirements(folder: Path) -> list[str]:
    """Lines of ``requirements.txt`` that this interpreter does not satisfy."""
    path = folder / "requirements.txt"
    if not path.is_file():
        return []
    missing = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if not text or text.startswith("-"):
            continue
        try:
            req = Requirement(text)
        except InvalidRequirement:
            continue
        if req.marker is not None and not req.marker.evaluate():
            continue
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            missing.append(req.name)
            continue
        if req.specifier and not req.specifier.contains(version, prereleases=True):
            missing.append(f"{req.name}{req.specifier} (have {version})")
    return missing


def _env(config: StackConfig, home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in _KEPT_ENV}
    env.update(
        HOME=home,
        PULUMI_CONFIG=json.dumps(config.values, sort_keys=True),
        PULUMI_CONFIG_SECRET_KEYS=json.dumps(list(config.secret_keys)),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
        AWS_EC2_METADATA_DISABLED="true",
    )
    return env


def run_program(
    project: PulumiProject, config: StackConfig, python: str, timeout: float = DEFAULT_TIMEOUT
) -> list[dict[str, Any]]:
    """The recorded registrations, or ``ProgramFailed``."""
    with tempfile.TemporaryDirectory(prefix="iacscan-pulumi-") as tmp:
        out = Path(tmp) / "resources.json"
        err_path = Path(tmp) / "stderr.txt"
        cmd = [
            python,
            str(RUNNER),
            str(project.folder.resolve()),
            str(project.main.resolve()),
            str(out),
            project.name,
            config.stack,
        ]
        with err_path.open("wb") as err_file:
            try:
                proc = subprocess.Popen(
                    cmd,
                    cwd=project.folder,
                    env=_env(config, tmp),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err_file,
                    start_new_session=True,
                )
            except OSError as exc:
                raise ProgramFailed(f"cannot start {python}: {exc.strerror or exc}") from exc
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill(proc)
                raise ProgramFailed(f"timed out after {timeout:g} s") from None
        if proc.returncode != 0 or not out.is_file():
            raise ProgramFailed(_last_line(_tail(err_path)) or f"exited with status {proc.returncode}")
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ProgramFailed(f"unreadable result: {exc}") from exc
    records = data.get("resources") if isinstance(data, dict) else None
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    proc.wait()


def _tail(path: Path, size: int = 65536) -> bytes:
    """The end of the child's stderr: a program may write any amount of it."""
    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        fh.seek(max(0, fh.tell() - size))
        return fh.read()


def _last_line(err: bytes) -> str:
    lines = [ln.strip() for ln in err.decode("utf-8", "replace").splitlines() if ln.strip()]
    # Pulumi's deprecation warnings and log lines come before the error; the error is the last line.
    return lines[-1][:300] if lines else ""
