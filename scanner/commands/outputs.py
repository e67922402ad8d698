"""Several reports from one run: repeatable ``-f/--format`` paired in order with ``-o/--output``.

CI wants the findings in its log and SARIF (or JUnit XML) in a file from one scan:

    iacscan scan infra -f text -o - -f sarif -o iacscan.sarif

Rules, checked before anything is scanned (a mistake is one line, exit 2):

- no ``-f``: the command's default format; one ``-f`` and at most one ``-o``: as always;
- several ``-f``: exactly one ``-o`` per ``-f``, paired in order; ``-o -`` is standard output;
- at most one report goes to standard output, and no file is named twice.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scanner.errors import UsageError
from scanner.model import ScanResult, Status
from scanner.output import write_atomic, write_stdout
from scanner.report import render

STDOUT = "-"


@dataclass(frozen=True, slots=True)
class Target:
    fmt: str
    path: Path | None  # None: standard output


@dataclass(frozen=True, slots=True)
class OutputPlan:
    targets: tuple[Target, ...]
    show: frozenset[Status] = field(default_factory=frozenset)

    @property
    def stdout_format(self) -> str | None:
        """The format written to standard output, if any (a progress bar or chatter must not mix in)."""
        return next((t.fmt for t in self.targets if t.path is None), None)

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(t.fmt for t in self.targets)


def plan_outputs(formats: Sequence[str], outputs: Sequence[Path | str], default: str) -> OutputPlan:
    """Pair ``-f`` with ``-o`` in order; a ``UsageError`` (one line) when they don't match."""
    if isinstance(formats, str):  # a caller passing one format the old way
        formats = (formats,)
    if isinstance(outputs, (str, Path)):
        outputs = (outputs,)
    paths = [None if str(o) == STDOUT else Path(o) for o in outputs]
    fmts = list(formats) or [default]
    if len(fmts) == 1 and len(paths) <= 1:
        return OutputPlan((Target(fmts[0], paths[0] if paths else None),))
    if len(fmts) == 1:
        raise UsageError(
            f"-o given {len(paths)} times but -f once: give one -f per -o, in the same order "
            "(for example -f text -o - -f sarif -o report.sarif)"
        )
    if len(paths) != len(fmts):
        raise UsageError(
            f"-f given {len(fmts)} times needs {len(fmts)} -o, one per format in the same order "
            f"(got {len(paths)}; -o - is standard output), for example -f text -o - -f sarif -o report.sarif"
        )
    if sum(1 for p in paths if p is None) > 1:
        raise UsageError("-o - (standard output) given more than once: only one report can go there")
    seen: set[Path] = set()
    for path in paths:
        if path is None:
            continue
        key = path.resolve()
        if key in seen:
            raise UsageError(f"-o {path} given more than once: each report needs its own file")
        seen.add(key)
    return OutputPlan(tuple(Target(f, p) for f, p in zip(fmts, paths, strict=True)))


def emit_all(result: ScanResult, plan: OutputPlan) -> None:
    """Render each report once and write it: files atomically, standard output last (colour on a tty)."""
    for target in plan.targets:
        if target.path is not None:
            write_atomic(target.path, render(result, target.fmt, show=plan.show))
    for target in plan.targets:
        if target.path is None:
            tty = sys.stdout.isatty()
            width = shutil.get_terminal_size().columns if tty else 120
            text = render(
                result, target.fmt, color=target.fmt == "text" and tty, width=max(width, 80), show=plan.show
            )
            write_stdout(text)  # lone surrogates from hostile input are escaped, never a crash
