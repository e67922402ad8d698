"""What every command shares: error handling, output writing and the common options."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from scanner.exit_codes import ERROR
from scanner.failures import report_failure
from scanner.output import check_target
from scanner.report import FORMATS

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
        except SystemExit:
            raise
        except Exception as exc:
            sys.exit(report_failure(exc, debug))

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


def _checked_outputs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[Path, ...]:
    for value in values:
        check_target(value)  # an empty path or a folder: one line before anything is scanned
    return tuple(Path(value) for value in values)


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=str,
        metavar="FILE",
        multiple=True,
        callback=_checked_outputs,
        help="Write the report to FILE (atomically; missing folders are created; - for standard output); "
        "repeatable, paired in order with -f.",
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
