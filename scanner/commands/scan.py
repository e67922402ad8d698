"""`iacscan scan`: static policy scan of Terraform and Pulumi inputs."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scanner import baseline
from scanner.commands.common import (
    baseline_option,
    config_option,
    debug_option,
    fail,
    format_option,
    handles_errors,
    output_option,
)
from scanner.commands.filters import (
    filter_severity,
    outside_base_note,
    severity_option,
    show_option,
    unknown_skip_notes,
)
from scanner.commands.outputs import emit_all, plan_outputs
from scanner.config import Config, apply_skips, project_config
from scanner.exit_codes import ERROR, exit_code
from scanner.input_errors import input_failure_exit
from scanner.model import Severity, Status
from scanner.report import SHOWS_MORE
from scanner.report.escape import escape_line
from scanner.scan import ScanOptions, load_library, run_scan

if TYPE_CHECKING:
    from scanner.sources.remote_modules import DownloadSettings


def _parse_vars(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--var")
        name, value = item.split("=", 1)
        out[name.strip()] = value
    return out


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD", param_hint="--as-of") from None


def _download_settings(flag: bool | None, cache: Path | None, config: Config) -> DownloadSettings | None:
    if not (flag if flag is not None else config.download_external_modules):
        return None
    from scanner.sources.remote_modules import DownloadSettings

    return DownloadSettings(cache_dir=cache or config.module_cache)


@click.command("scan")
@click.argument("paths", nargs=-1)
@format_option()
@output_option
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Lowest severity that makes the exit code non-zero (default: the configuration's, else low).",
)
@click.option("--soft-fail", is_flag=True, help="Exit 0 whatever is found (2 still means the tool failed).")
@severity_option
@show_option
@click.option(
    "--policies",
    "policy_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Add a directory of your own policies (repeatable).",
)
@click.option("--no-builtin", is_flag=True, help="Run only the policies given with --policies.")
@click.option(
    "--skip", multiple=True, help="Skip a policy by id or checkov id (repeatable, or comma-separated)."
)
@click.option(
    "--framework", help="Run only the policies mapped by this framework (see `iacscan policies list`)."
)
@click.option(
    "--skip-path",
    "skip_paths",
    multiple=True,
    metavar="GLOB",
    help="Leave out folders matching GLOB (gitignore syntax, relative to the base dir; repeatable).",
)
@click.option(
    "--var-file",
    "var_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A .tfvars file (repeatable), applied after terraform.tfvars and *.auto.tfvars.",
)
@click.option("--var", "var_pairs", multiple=True, metavar="NAME=VALUE", help="Set a Terraform variable.")
@click.option(
    "--base-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Report file paths relative to this directory (default: the current directory).",
)
@click.option("--as-of", help="Evaluate date-based policies at YYYY-MM-DD (default: today).")
@click.option(
    "--eol-warn-days",
    type=click.IntRange(min=0),
    default=None,
    help="Days before an end-of-life date that end-of-life policies start to warn (default: 90).",
)
@click.option("--stack", help="Pulumi stack to read from a backend holding several.")
@click.option(
    "--source",
    "source_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Terraform source directory used to locate plan/state findings at HCL lines.",
)
@click.option(
    "--state-from-backend", is_flag=True, help="Also read the state from the root module's S3 backend."
)
@click.option("--profile", help="AWS profile for S3 backends.")
@click.option("--region", help="AWS region for S3 backends.")
@click.option("--endpoint-url", help="AWS endpoint URL (for S3-compatible backends or a local endpoint).")
@config_option
@baseline_option("failures")
@click.option(
    "--live", is_flag=True, help="Also run the policies on what is deployed in AWS (boto3 credentials)."
)
@click.option("--drift", is_flag=True, help="Also report drift between the state/plan/Pulumi PATHS and AWS.")
@click.option(
    "--regions", multiple=True, help="Regions to read for --live/--drift (comma-separated or repeated)."
)
@click.option("--ignore", "drift_patterns", multiple=True, help="Drift ignore rule, .driftignore syntax.")
@click.option("--driftignore", type=click.Path(dir_okay=False, path_type=Path), help="Drift ignore file.")
@click.option("--strict", is_flag=True, help="With --drift, also report account defaults as unmanaged.")
@click.option(
    "--run-pulumi-programs",
    is_flag=True,
    default=None,
    help="Run Pulumi Python programs (folders with Pulumi.yaml) offline under mocks and scan what they "
    "would create. Executes the program's code; no cloud, backend or network is used.",
)
@click.option(
    "--download-external-modules/--no-download-external-modules",
    "download_modules",
    default=None,
    help="Download remote modules (registry, git, HTTP, S3) missing from .terraform/modules. "
    "Reads third-party code from the network; never executes it.",
)
@click.option(
    "--module-cache",
    type=click.Path(file_okay=False, path_type=Path),
    help="Cache directory for downloaded modules (default: ~/.cache/iacscan/modules).",
)
@click.option(
    "--strict-inputs",
    is_flag=True,
    help="Exit 2 when any input, file or expression could not be read (the report is still written).",
)
@debug_option
@handles_errors
def command(
    paths: tuple[str, ...],
    fmt: tuple[str, ...],
    output: tuple[Path, ...],
    fail_on: str | None,
    soft_fail: bool,
    severities: frozenset[Severity] | None,
    show: frozenset[Status],
    policy_dirs: tuple[Path, ...],
    no_builtin: bool,
    skip: tuple[str, ...],
    framework: str | None,
    skip_paths: tuple[str, ...],
    var_files: tuple[Path, ...],
    var_pairs: tuple[str, ...],
    base_dir: Path | None,
    as_of: str | None,
    eol_warn_days: int | None,
    stack: str | None,
    source_dir: Path | None,
    state_from_backend: bool,
    profile: str | None,
    region: str | None,
    endpoint_url: str | None,
    config_path: Path | None,
    baseline_path: Path | None,
    live: bool,
    drift: bool,
    regions: tuple[str, ...],
    drift_patterns: tuple[str, ...],
    driftignore: Path | None,
    strict: bool,
    run_pulumi_programs: bool | None,
    download_modules: bool | None,
    module_cache: Path | None,
    strict_inputs: bool,
    debug: bool,
) -> None:
    """Scan Terraform directories, plan/state files or Pulumi exports (PATHS) against the policies.

    With --live, also what is deployed in AWS; with --drift, also what changed there since PATHS.
    """
    plan = replace(plan_outputs(fmt, output, "text"), show=show)
    if show and any(f not in SHOWS_MORE for f in plan.formats):
        click.echo("iacscan: warning: --show lists more only in text, json, sarif and junitxml", err=True)
    if drift and not paths:
        fail("--drift needs a state, plan or Pulumi export to compare with")
    if not paths and not live:
        fail("nothing to scan: give PATHS, or --live to scan what is deployed")
    for spec in paths:
        if "://" not in spec and not Path(spec).exists():
            fail(f"{spec}: no such file or directory")
    config = project_config(config_path)  # CLI flags override the configuration
    var_files = var_files or config.var_files
    for var_file in var_files:
        if not var_file.is_file():
            fail(f"{var_file}: var file not found")
    options = ScanOptions(
        paths=paths,
        base_dir=(base_dir or config.base_dir or Path.cwd()).resolve(),
        var_files=var_files,
        variables=_parse_vars(var_pairs),
        policy_dirs=policy_dirs or config.policy_dirs,
        builtin_policies=not no_builtin,
        skip=tuple(s.strip() for item in skip for s in item.split(",") if s.strip()),
        framework=framework or config.framework,
        as_of=_parse_date(as_of),
        eol_warn_days=eol_warn_days,
        stack=stack,
        source_dir=source_dir,
        state_from_backend=state_from_backend,
        profile=profile,
        region=region,
        endpoint_url=endpoint_url,
        run_pulumi_programs=bool(
            run_pulumi_programs if run_pulumi_programs is not None else config.run_pulumi_programs
        ),
        download_modules=_download_settings(download_modules, module_cache, config),
        skip_paths=(*config.exclude, *skip_paths),
    )
    library = load_library(options)
    result = run_scan(options, library)
    partial = False
    if live or drift:
        from scanner.commands.drift import load_ignore
        from scanner.live_scan import LiveOptions, add_live

        ignore = load_ignore(driftignore, (*config.drift_ignore, *drift_patterns))
        live_options = LiveOptions(
            live=live, drift=drift, regions=regions, ignore=ignore, strict=strict or bool(config.drift_strict)
        )
        outcome = add_live(result, library, options, live_options)
        result, partial = outcome.result, outcome.partial
    result = apply_skips(result, config)
    baseline_path = baseline_path or config.baseline
    if baseline_path is not None:
        result = baseline.apply(result, baseline.load(baseline_path), str(baseline_path))
    result = filter_severity(result, severities)
    skips = [(s, "--skip") for s in options.skip]
    skips += [(r.id, f"{config.path.name if config.path else 'configuration'}: skip") for r in config.skip]
    notes = unknown_skip_notes(skips, library.known_ids)
    outside = outside_base_note(result)
    if outside is not None:
        notes.append(outside)
    if notes:
        result = replace(result, notifications=(*result.notifications, *notes))
        if plan.stdout_format != "text":  # a text report on standard output shows them already
            for note in notes:
                click.echo(f"iacscan: warning: {escape_line(note.message)}", err=True)
    emit_all(result, plan)
    if input_failure_exit(result, paths, strict_inputs):
        sys.exit(ERROR)
    if partial:
        click.echo(
            "iacscan: error: the live read stopped early (AWS endpoint unreachable); the report is partial",
            err=True,
        )
        sys.exit(ERROR)
    fail_on = fail_on or config.fail_on or "low"
    soft_fail = soft_fail or bool(config.soft_fail)
    sys.exit(exit_code(result.findings, fail_on=Severity(fail_on), soft_fail=soft_fail))
