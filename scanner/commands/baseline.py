"""`iacscan baseline create|update`: record today's failures so that only new ones fail later.

Failures come from a scan of PATHS, from live drift (``--drift STATE``), from SARIF reports
(``--from-sarif``, e.g. what ``iacscan drift -f sarif`` wrote in another job), or any mix of these.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from scanner import baseline as bl
from scanner.commands.common import debug_option, fail, handles_errors
from scanner.config import Config, apply_skips, project_config
from scanner.output import write_atomic
from scanner.report.sarif_read import load_sarif, result_from_sarif
from scanner.scan import ScanOptions, run_scan

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_FILE = Path(".iacscan-baseline.json")


def _sources(func: F) -> F:
    """The options saying where failures come from, shared by create and update."""
    path = click.Path(path_type=Path)
    options = [
        click.argument("paths", nargs=-1),
        click.option(
            "--from-sarif",
            "sarif_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Take failures (findings or drift) from a SARIF report (repeatable).",
        ),
        click.option("--policies", "policy_dirs", multiple=True, type=path, help="Extra policy directory."),
        click.option("--framework", help="Only the policies of this framework."),
        click.option(
            "--skip-path",
            "skip_paths",
            multiple=True,
            metavar="GLOB",
            help="Leave out folders matching GLOB (gitignore syntax, relative to the base dir).",
        ),
        click.option(
            "--var-file", "var_files", multiple=True, type=path, help="A .tfvars file (repeatable)."
        ),
        click.option("--base-dir", type=path, help="Paths relative to this directory (default: the cwd)."),
        click.option(
            "--drift",
            "drift_spec",
            metavar="INPUT",
            help="Also record drift: a state, plan, Pulumi export or s3:// state against live AWS.",
        ),
        click.option(
            "--regions", multiple=True, help="Regions to read for --drift (comma-separated or repeated)."
        ),
        click.option("--profile", help="AWS profile for --drift."),
        click.option("--endpoint-url", help="One AWS endpoint for every service (for --drift)."),
        click.option(
            "--config",
            "config_path",
            type=path,
            help="Configuration file (default: .iacscan.yaml or pyproject.toml found upward).",
        ),
        debug_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _scan_failures(paths: tuple[str, ...], config: Config, sources: dict[str, Any]) -> list[bl.Failure]:
    options = ScanOptions(
        paths=paths,
        base_dir=(sources["base_dir"] or config.base_dir or Path.cwd()).resolve(),
        var_files=sources["var_files"] or config.var_files,
        policy_dirs=sources["policy_dirs"] or config.policy_dirs,
        framework=sources["framework"] or config.framework,
        skip_paths=(*config.exclude, *sources["skip_paths"]),
    )
    result = apply_skips(run_scan(options), config)
    errors = [n.message for n in result.notifications if n.kind == "input" and n.level == "error"]
    if errors:
        fail(errors[0])
    return bl.failures_of(result.findings)


def _drift_failures(spec: str, config: Config, sources: dict[str, Any]) -> list[bl.Failure]:
    from scanner.cloud.aws.regions import resolve_regions, state_files
    from scanner.cloud.aws.session import SessionFactory
    from scanner.commands.drift import load_ignore
    from scanner.drift.run import drift_run
    from scanner.sources.detect import LoadOptions, load_input

    if "://" not in spec and not Path(spec).exists():
        fail(f"{spec}: no such file or directory")
    profile, endpoint = sources["profile"], sources["endpoint_url"]
    load_options = LoadOptions(use_prior_state=True, profile=profile, endpoint_url=endpoint)
    inventory = load_input(spec, base_dir=Path.cwd(), options=load_options)
    factory = SessionFactory(profile=profile, endpoint_url=endpoint)
    regions = resolve_regions(sources["regions"], inventory.resources, factory, state_files(spec))
    factory.region = regions[0]
    run = drift_run(
        inventory,
        regions=regions,
        session_factory=factory,
        ignore=load_ignore(None, config.drift_ignore),
        strict=bool(config.drift_strict),
    )
    if run.partial:
        fail("the live read stopped early (AWS endpoint unreachable); no baseline written")
    return bl.failures_of(run.findings)


def _failures(
    paths: tuple[str, ...],
    sarif_files: tuple[Path, ...],
    drift_spec: str | None,
    config_path: Path | None,
    **sources: Any,
) -> list[bl.Failure]:
    if not paths and not sarif_files and not drift_spec:
        fail("give PATHS to scan, --drift INPUT and/or --from-sarif FILE")
    config = project_config(config_path)
    failures: list[bl.Failure] = []
    for sarif in sarif_files:
        failures.extend(bl.failures_of(result_from_sarif(load_sarif(sarif)).findings))
    if paths:
        failures.extend(_scan_failures(paths, config, sources))
    if drift_spec:
        failures.extend(_drift_failures(drift_spec, config, sources))
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
@_sources
@handles_errors
def create(output: Path, debug: bool, **sources: Any) -> None:
    """Record today's failures of PATHS (and/or --drift, --from-sarif) in a baseline file."""
    baseline = bl.create(_failures(**sources), date.today())
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
@_sources
@handles_errors
def update(baseline_path: Path, output: Path | None, add_new: bool, debug: bool, **sources: Any) -> None:
    """Drop entries that no longer fail (fixed); add new failures only with --add-new."""
    old = bl.load(baseline_path)
    new = bl.update(old, _failures(**sources), date.today(), add_new=add_new)
    write_atomic(output or baseline_path, bl.dumps(new))
    before, after = old.by_fingerprint(), new.by_fingerprint()
    dropped = len(set(before) - set(after))
    added = len(set(after) - set(before))
    click.echo(f"iacscan: {dropped} fixed entries dropped, {added} added, {len(after)} kept", err=True)
