"""``file``, ``fileexists``, ``filebase64`` and ``templatefile``, confined to the scanned tree."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from scanner.model import Unknown

from .evaluate import Evaluator
from .syntax import parse_template
from .variables import LiteralScope


def file_function(name: str, args: list[Any], root: Path, module_dir: Path, allowed: tuple[Path, ...]) -> Any:
    """Paths resolve against the working directory (the root module), then the module's own directory.

    A path outside ``allowed`` is never read: its result is ``Unknown``.
    """
    if not args or not isinstance(args[0], str):
        return Unknown
    p = Path(args[0])
    outside = False
    for cand in [p] if p.is_absolute() else [root / p, module_dir / p]:
        real = cand.resolve()
        if not any(real == a or a in real.parents for a in allowed):
            outside = True
            continue
        if not real.is_file():
            continue
        if name == "fileexists":
            return True
        if name == "filebase64":
            return base64.b64encode(real.read_bytes()).decode()
        text = real.read_text(encoding="utf-8")
        if name == "file":
            return text
        tvars = args[1] if len(args) > 1 else {}
        if not isinstance(tvars, dict):
            return Unknown
        return Evaluator(LiteralScope(), dict(tvars)).eval_safe(parse_template(text))
    return False if name == "fileexists" and not outside else Unknown
