"""The outermost error handling of the command line: one line for the user, exit code 2.

A usage mistake (an unknown option, ``-f junk``, ``--fail-on junk``) is one line naming it and the
``--help`` to read, not click's usage block; a ``ScannerError`` is its message; anything unexpected is
one line with the exception's type and a hint to rerun with ``--debug`` (which prints the traceback).
"""

from __future__ import annotations

import traceback

import click

from scanner.errors import ScannerError
from scanner.exit_codes import ERROR

INTERRUPTED = 130


def one_line(text: str) -> str:
    """The first non-empty line of ``text``, with control characters made visible."""
    from scanner.report.escape import escape_line

    for line in text.splitlines():
        if line.strip():
            return escape_line(line.strip())
    return ""


def usage_message(exc: click.ClickException) -> str:
    message = one_line(exc.format_message())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        return f"{message} (see `{ctx.command_path} --help`)"
    return message


def report_failure(exc: BaseException, debug: bool) -> int:
    """Print one line for ``exc`` on standard error and return the exit code."""
    if isinstance(exc, (KeyboardInterrupt, click.Abort)):
        click.echo("iacscan: interrupted", err=True)
        return INTERRUPTED
    if isinstance(exc, click.exceptions.Exit):
        return exc.exit_code
    no_args = getattr(click.exceptions, "NoArgsIsHelpError", None)
    if no_args is not None and isinstance(exc, no_args) and exc.ctx is not None:
        click.echo(exc.ctx.get_help())  # `iacscan` alone: the help, as a question deserves
        return 0
    if debug:
        traceback.print_exception(exc)
    if isinstance(exc, click.ClickException):
        click.echo(f"iacscan: error: {usage_message(exc)}", err=True)
        return ERROR
    if isinstance(exc, ScannerError):
        click.echo(f"iacscan: error: {one_line(str(exc))}", err=True)
        return ERROR
    detail = one_line(str(exc))[:200]
    hint = "" if debug else " (rerun with --debug for the traceback)"
    click.echo(
        f"iacscan: error: internal error: {type(exc).__name__}{': ' + detail if detail else ''}{hint}",
        err=True,
    )
    return ERROR
