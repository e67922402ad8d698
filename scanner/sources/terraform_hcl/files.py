"""``file``, ``fileexists``, ``filebase64``, ``templatefile`` and ``fileset``, inside the read boundary.

A path outside the boundary (``boundary.py``) is never read, nor is its existence told: the result is
``Unknown`` and the run gets a warning naming the path as written.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scanner.model import Unknown

from ..decoding import decode_utf8
from .boundary import ReadBoundary, resolved
from .evaluate import Evaluator
from .limits import MAX_COLLECTION, MAX_STRING
from .syntax import parse_template
from .variables import LiteralScope

FILE_FUNCTIONS = frozenset(["file", "fileexists", "filebase64", "templatefile", "fileset"])

Warn = Callable[[str], None]


def file_function(
    name: str, args: list[Any], root: Path, module_dir: Path, boundary: ReadBoundary, warn: Warn
) -> Any:
    """Paths resolve against the working directory (the root module), then the module's own directory."""
    if not args or not isinstance(args[0], str):
        return Unknown
    if name == "fileset":
        return _fileset(args, root, module_dir, boundary, warn)
    p = Path(args[0])
    outside = False
    for cand in [p] if p.is_absolute() else [root / p, module_dir / p]:
        real = resolved(cand)
        if real is None or not boundary.allows(real):
            outside = True
            continue
        if not real.is_file():
            continue
        if real.stat().st_size > MAX_STRING:
            warn(f"{name}({args[0]!r}): the file is larger than {MAX_STRING:,} bytes; read as unknown")
            return Unknown
        if name == "fileexists":
            return True
        data = real.read_bytes()
        if name == "filebase64":
            return base64.b64encode(data).decode()
        text, bad_line = decode_utf8(data)
        if bad_line is not None:
            return Unknown  # Terraform refuses a file that is not UTF-8
        if name == "file":
            return text
        tvars = args[1] if len(args) > 1 else {}
        if not isinstance(tvars, dict):
            return Unknown
        return Evaluator(LiteralScope(), dict(tvars)).eval_safe(parse_template(text))
    if outside:
        warn(f"{name}({args[0]!r}) reads outside the repository; read as unknown")
        return Unknown
    return False if name == "fileexists" else Unknown


def _fileset(args: list[Any], root: Path, module_dir: Path, boundary: ReadBoundary, warn: Warn) -> Any:
    """``fileset(path, pattern)``: the files under ``path`` matching ``pattern``, relative to ``path``."""
    if len(args) != 2 or not isinstance(args[1], str):
        return Unknown
    base = Path(args[0])
    folder = base if base.is_absolute() else module_dir / base
    real = resolved(folder)
    if real is None or not boundary.allows(real):
        warn(f"fileset({args[0]!r}, ...) reads outside the repository; read as unknown")
        return Unknown
    if not real.is_dir() or ".." in Path(args[1]).parts or Path(args[1]).is_absolute():
        return Unknown
    found: list[str] = []
    for match in real.glob(args[1]):
        if len(found) >= MAX_COLLECTION:
            return Unknown
        if match.is_file() and boundary.allows(match):
            found.append(match.relative_to(real).as_posix())
    return sorted(found)
