"""What every command shares: error handling, output writing and the common options."""

from __future__ import annotations

import functools
import shutil
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from scanner.errors import ScannerError
from scanner.exit_codes import ERROR
from scanner.model import ScanResult
from scanner.output import write_atomic
from scanner.report import FORMATS, render

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> None:
    click.echo(f"iacscan: error: {message}", err=True)
    sys.exit(ERROR)


def handles_errors(func: F) -> F:
    """Turn ScannerErrors into one line and exit 2; anything else too, with a traceback only on --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return func(*args, **kwargs)
        except ScannerError as exc:
            if debug:
                traceback.print_exc()
            fail(str(exc))
        except (OSError, ValueError, RuntimeError, KeyError, TypeError) as exc:
            if debug:
                traceback.print_exc()
            fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return None

    return wrapper  # type: ignore[return-value]


def format_option(default: str = "text") -> Callable[[F], F]:
    # Repeatable: several reports from one run, each -f paired in order with an -o (see outputs.py).
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        multiple=True,
        help=f"Report format (default: {default}). Repeatable: give one -o per -f, in the same order "
        "(-f text -o - -f sarif -o report.sarif; -o - is standard output).",
    )


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        multiple=True,
        help="Write the report to FILE (atomically) instead of standard output; repeatable, paired with -f.",
    )(func)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuration file (default: .iacscan.yaml or [tool.iacscan] in pyproject.toml, found upward).",
    )(func)


def baseline_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--baseline",
        "baseline_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Report the {what} recorded in this baseline file as suppressed (see `iacscan baseline`).",
    )


def debug_option(func: F) -> F:
    return click.option("--debug", is_flag=True, help="Show tracebacks for errors.")(func)


def emit(result: ScanResult, fmt: str, output: Path | None) -> None:
    """Render and write the report: to FILE atomically, or to standard output (colour on a terminal)."""
    if output is not None:
        write_atomic(output, render(result, fmt))
        return
    color = fmt == "text" and sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 120
    sys.stdout.write(render(result, fmt, color=color, width=max(width, 80)))
    sys.stdout.flush()
