"""Writing a report where ``-o`` says, the way a careful shell redirection would.

- ``-`` is standard output.
- A regular file (or a new one) is replaced atomically: a temporary file beside it, then a rename,
  so a reader never sees half a report. An existing file keeps its permission bits, but never
  setuid/setgid/sticky.
- A symlink is followed to its target, which is written as above; the link itself stays.
- A FIFO, a character device (``/dev/null``, ``/dev/stdout``) or a socket is opened and written
  directly: never unlinked, never replaced by a regular file.
- Missing parent folders are created. A read-only target is refused (exit 2), as ``>`` would refuse
  it; an empty path or a folder is a one-line usage error.
- Characters text cannot encode (lone surrogates from a hostile JSON escape) are written as
  ``\\udXXX`` escapes, never an encoding error.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from scanner.errors import UsageError

_ENCODING = "utf-8"
_ERRORS = "backslashreplace"


def encode(text: str) -> bytes:
    return text.encode(_ENCODING, _ERRORS)


def check_target(path: Path | str) -> None:
    """Refuse what can never be written before the scan runs (empty path, a folder)."""
    raw = str(path)
    if raw == "-":
        return
    if not raw.strip():
        raise UsageError("--output: the path is empty")
    target = Path(raw)
    if target.is_dir():
        raise UsageError(f"--output: {raw} is a directory")


def write_stdout(text: str) -> None:
    data = encode(text)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout (tests, click's runner): it takes text
        sys.stdout.write(data.decode(_ENCODING))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def write_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` (see the module docstring for what each kind of target gets)."""
    check_target(path)
    if str(path) == "-":
        write_stdout(text)
        return
    target = Path(os.path.realpath(path))  # a symlink (or a chain of them) → what it points at
    shown = str(path)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    data = encode(text)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"--output: {shown} is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_direct(target, data, shown)
        return
    if info is not None and not os.access(target, os.W_OK):
        raise UsageError(f"cannot write {shown}: Permission denied")
    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder of {shown}: {exc.strerror or exc}") from exc
    mode = (info.st_mode & 0o777) if info is not None else _default_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        if info is not None:  # a folder we cannot add to, but a file we may write: write in place
            _write_direct(target, data, shown)
            return
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_direct(target: Path, data: bytes, shown: str) -> None:
    """FIFOs and devices: open for writing as they are (no truncation of what is not a file)."""
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from exc


def _default_mode() -> int:
    """What a plain open() would give a new file: 0666 & ~umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
