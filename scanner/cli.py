"""The command line: a click group whose commands live in ``scanner.commands`` and load on demand."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from scanner import __version__
from scanner.failures import report_failure

# Command name → module exposing ``command``. Loaded only when used, so `iacscan scan` starts fast.
COMMANDS = {
    "scan": "scanner.commands.scan",
    "policies": "scanner.commands.policies",
    "drift": "scanner.commands.drift",
    "demo": "scanner.commands.demo",
    "baseline": "scanner.commands.baseline",
    "merge": "scanner.commands.merge",
    "pre-commit": "scanner.commands.precommit",
    "eol": "scanner.commands.eol",
}


class LazyGroup(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Every usage mistake is one line (no usage block); no traceback escapes without --debug."""
        standalone = kwargs.pop("standalone_mode", True)
        argv = kwargs.get("args")
        debug = "--debug" in (argv if argv is not None else sys.argv[1:])
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except SystemExit:
            raise
        except BaseException as exc:
            code = report_failure(exc, debug)
        if not standalone:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    @staticmethod
    def _available(name: str) -> bool:
        return importlib.util.find_spec(COMMANDS[name]) is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not self._available(cmd_name):
            return None
        command: Any = importlib.import_module(target).command
        return command  # type: ignore[no-any-return]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iacscan")
def main_group() -> None:
    """iacscan: compliance and drift scanning for Terraform, Pulumi and live AWS."""


def main(argv: list[str] | None = None) -> None:
    main_group.main(args=argv, prog_name="iacscan", standalone_mode=True)
