"""`iacscan baseline create|update`: record today's failures so that only new ones fail later.

Findings come from a scan of PATHS, from SARIF reports (``--from-sarif``, e.g. what
``iacscan drift -f sarif`` wrote, to baseline drift), or both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from scanner import baseline as bl
from scanner.commands.common import debug_option, fail, handles_errors
from scanner.config import apply_skips, project_config
from scanner.output import write_atomic
from scanner.report.sarif_read import load_sarif, result_from_sarif
from scanner.scan import ScanOptions, run_scan

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_FILE = Path(".iacscan-baseline.json")


def _finding_options(func: F) -> F:
    options = [
        click.argument("paths", nargs=-1),
        click.option(
            "--from-sarif",
            "sarif_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Take failures (findings or drift) from a SARIF report (repeatable).",
        ),
        click.option(
            "--policies",
            "policy_dirs",
            multiple=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="Extra policy directory.",
        ),
        click.option("--framework", help="Only the policies of this framework."),
        click.option(
            "--var-file",
            "var_files",
            multiple=True,
            type=click.Path(dir_okay=False, path_type=Path),
            help="A .tfvars file (repeatable).",
        ),
        click.option(
            "--base-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Paths relative to this directory (default: the current directory).",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Configuration file (default: .iacscan.yaml or pyproject.toml found upward).",
        ),
        debug_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _failures(
    paths: tuple[str, ...],
    sarif_files: tuple[Path, ...],
    policy_dirs: tuple[Path, ...],
    framework: str | None,
    var_files: tuple[Path, ...],
    base_dir: Path | None,
    config_path: Path | None,
) -> list[bl.Failure]:
    if not paths and not sarif_files:
        fail("give PATHS to scan and/or --from-sarif FILE")
    failures: list[bl.Failure] = []
    for sarif in sarif_files:
        failures.extend(bl.failures_of(result_from_sarif(load_sarif(sarif)).findings))
    if paths:
        config = project_config(config_path)
        options = ScanOptions(
            paths=paths,
            base_dir=(base_dir or config.base_dir or Path.cwd()).resolve(),
            var_files=var_files or config.var_files,
            policy_dirs=policy_dirs or config.policy_dirs,
            framework=framework or config.framework,
        )
        result = apply_skips(run_scan(options), config)
        errors = [n.message for n in result.notifications if n.kind == "input" and n.level == "error"]
        if errors:
            fail(errors[0])
        failures.extend(bl.failures_of(result.findings))
    return failures


@click.group("baseline")
def command() -> None:
    """Record accepted findings and drift; `scan --baseline FILE` then fails only on new ones."""


@command.command("create")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_FILE,
    show_default=True,
    help="Baseline file to write.",
)
@_finding_options
@handles_errors
def create(
    output: Path,
    paths: tuple[str, ...],
    sarif_files: tuple[Path, ...],
    policy_dirs: tuple[Path, ...],
    framework: str | None,
    var_files: tuple[Path, ...],
    base_dir: Path | None,
    config_path: Path | None,
    debug: bool,
) -> None:
    """Record today's failures of PATHS (and/or --from-sarif reports) in a baseline file."""
    failures = _failures(paths, sarif_files, policy_dirs, framework, var_files, base_dir, config_path)
    baseline = bl.create(failures, date.today())
    write_atomic(output, bl.dumps(baseline))
    click.echo(f"iacscan: {len(baseline.entries)} entries written to {output}", err=True)


@command.command("update")
@click.option(
    "--baseline",
    "-b",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_FILE,
    show_default=True,
    help="Baseline file to update.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result here instead of over the baseline file.",
)
@click.option("--add-new", is_flag=True, help="Also record failures that are not in the baseline yet.")
@_finding_options
@handles_errors
def update(
    baseline_path: Path,
    output: Path | None,
    add_new: bool,
    paths: tuple[str, ...],
    sarif_files: tuple[Path, ...],
    policy_dirs: tuple[Path, ...],
    framework: str | None,
    var_files: tuple[Path, ...],
    base_dir: Path | None,
    config_path: Path | None,
    debug: bool,
) -> None:
    """Drop entries that no longer fail (fixed); add new failures only with --add-new."""
    old = bl.load(baseline_path)
    failures = _failures(paths, sarif_files, policy_dirs, framework, var_files, base_dir, config_path)
    new = bl.update(old, failures, date.today(), add_new=add_new)
    write_atomic(output or baseline_path, bl.dumps(new))
    before, after = old.by_fingerprint(), new.by_fingerprint()
    dropped = len(set(before) - set(after))
    added = len(set(after) - set(before))
    click.echo(f"iacscan: {dropped} fixed entries dropped, {added} added, {len(after)} kept", err=True)
