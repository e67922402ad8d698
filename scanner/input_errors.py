"""What a failed input means for the exit code of `iacscan scan`.

An input that cannot be read, decoded or evaluated is an error notification in the report, and the
rest of the scan goes on. Each such input is also named on standard error, one line each. The exit
code stays the one the findings give, except:

- every input given failed (nothing at all was scanned): exit 2, since the report says nothing;
- ``--strict-inputs``: any error notification about the inputs (a file that cannot be read or
  parsed, an expression that cannot be evaluated, an input that fails) exits 2, after the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from scanner.model import Notification, ScanResult
from scanner.report.escape import escape_line

INPUT_KINDS = frozenset(["input", "parse", "evaluate", "module", "limit", "boundary"])


def failed_inputs(notes: Sequence[Notification]) -> list[Notification]:
    return [n for n in notes if n.kind == "input" and n.level == "error"]


def input_errors(notes: Sequence[Notification]) -> list[Notification]:
    return [n for n in notes if n.kind in INPUT_KINDS and n.level == "error"]


def input_failure_exit(result: ScanResult, paths: Sequence[str], strict: bool) -> bool:
    """Name the failed inputs on standard error; True when the run must exit 2."""
    failed = failed_inputs(result.notifications)
    for note in failed:
        click.echo(f"iacscan: error: {escape_line(note.message)}", err=True)
    if paths and len(failed) >= len(paths) and not result.findings and not result.summary.get("resources"):
        return True
    if strict:
        others = [n for n in input_errors(result.notifications) if n not in failed]
        for note in others:
            click.echo(f"iacscan: error: {escape_line(note.message)} (--strict-inputs)", err=True)
        return bool(failed or others)
    return False
