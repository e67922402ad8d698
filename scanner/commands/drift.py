"""`iacscan drift`: compare a state / plan / Pulumi export with what is deployed in AWS.

Exit codes: 0 no drift, 3 drift, 2 tool error (missing input, no region, nothing readable, or an
endpoint that died mid-read: then the partial report is still written).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from scanner import baseline
from scanner.cloud.aws.lister import Progress
from scanner.cloud.aws.regions import resolve_regions, state_files
from scanner.cloud.aws.session import DEFAULT_MAX_ATTEMPTS, SessionFactory
from scanner.commands.common import (
    baseline_option,
    config_option,
    debug_option,
    fail,
    format_option,
    handles_errors,
    output_option,
)
from scanner.commands.outputs import emit_all, plan_outputs
from scanner.config import project_config
from scanner.drift.ignore import IgnoreRules
from scanner.drift.rules import drift_rules
from scanner.drift.run import DriftRun, drift_run
from scanner.errors import CloudError, UsageError
from scanner.exit_codes import DRIFT, ERROR, OK
from scanner.model import Inventory, Origin, ScanResult, Status
from scanner.sources.detect import LoadOptions, load_input

DEFAULT_DRIFTIGNORE = ".driftignore"


def load_ignore(driftignore: Path | None, patterns: Sequence[str]) -> IgnoreRules:
    rules = IgnoreRules()
    path = driftignore or (Path(DEFAULT_DRIFTIGNORE) if Path(DEFAULT_DRIFTIGNORE).is_file() else None)
    if path is not None:
        if not path.is_file():
            raise UsageError(f"{path}: driftignore file not found")
        rules = IgnoreRules.load(path)
    return rules.merged(IgnoreRules.from_patterns(patterns)) if patterns else rules


@contextmanager
def progress_display(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress bar on standard error while the live read runs (only on a terminal)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(
        SpinnerColumn(),
        TextColumn("reading AWS"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=label)

        yield update


def drift_result(inv: Inventory, run: DriftRun) -> ScanResult:
    return ScanResult(
        findings=run.findings,
        rules=drift_rules(),
        notifications=tuple(inv.notifications) + run.notifications,
        inputs=inv.inputs,
        summary={"drift": run.summary},
    )


@click.command("drift")
@click.argument("spec", metavar="INPUT")
@click.option(
    "--source",
    "source_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Terraform source directory, to locate drift at the HCL block (else at the state line).",
)
@click.option("--regions", multiple=True, help="Regions to read (comma-separated or repeated).")
@click.option("--profile", help="AWS profile (default: boto3's usual credential chain).")
@click.option("--endpoint-url", help="One AWS endpoint for every service (a local moto server, say).")
@click.option("--ignore", "patterns", multiple=True, help="Ignore rule in .driftignore syntax (repeatable).")
@click.option(
    "--driftignore",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ignore file (default: ./.driftignore when present).",
)
@click.option("--strict", is_flag=True, help="Also report account defaults (default VPC, ...) as unmanaged.")
@click.option("--stack", help="Pulumi stack, for a backend holding several.")
@click.option(
    "--max-attempts",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_ATTEMPTS,
    show_default=True,
    help="Attempts per AWS call (adaptive retry mode).",
)
@config_option
@baseline_option("drift")
@format_option()
@output_option
@debug_option
@handles_errors
def command(
    spec: str,
    source_dir: Path | None,
    regions: tuple[str, ...],
    profile: str | None,
    endpoint_url: str | None,
    patterns: tuple[str, ...],
    driftignore: Path | None,
    strict: bool,
    stack: str | None,
    max_attempts: int,
    config_path: Path | None,
    baseline_path: Path | None,
    fmt: tuple[str, ...],
    output: tuple[Path, ...],
    debug: bool,
) -> None:
    """Report resources changed, deleted or created outside the IaC of INPUT.

    INPUT is a Terraform state, a plan (its prior state is used), a Pulumi stack export or an
    s3:// URL of a state.
    """
    plan = plan_outputs(fmt, output, "text")
    if "://" not in spec and not Path(spec).exists():
        fail(f"{spec}: no such file or directory")
    base_dir = Path.cwd()
    options = LoadOptions(
        source_dir=source_dir,
        use_prior_state=True,
        state_from_backend=Path(spec).is_dir(),
        stack=stack,
        profile=profile,
        endpoint_url=endpoint_url,
    )
    inv = load_input(spec, base_dir=base_dir, options=options)
    managed = inv.managed()
    if managed and all(r.origin is Origin.HCL for r in managed):
        raise UsageError(
            f"{spec}: drift needs resource ids: give a Terraform state, a plan, a Pulumi export, or a "
            'directory whose backend "s3" block points at its state'
        )
    config = project_config(config_path)
    ignore = load_ignore(driftignore, (*config.drift_ignore, *patterns))
    strict = strict or bool(config.drift_strict)
    factory = SessionFactory(profile=profile, endpoint_url=endpoint_url, max_attempts=max_attempts)
    region_list = resolve_regions(regions, inv.resources, factory, state_files(spec))
    factory.region = region_list[0]
    show = plan.stdout_format in ("text", None) and sys.stderr.isatty()
    with progress_display(show) as progress:
        run = drift_run(
            inv, regions=region_list, session_factory=factory, ignore=ignore, strict=strict, progress=progress
        )
    if not run.live.read_types and run.live.failed_types and not run.partial:
        first = run.notifications[0].message if run.notifications else "no resource type could be read"
        raise CloudError(f"could not read AWS: {first}")
    result = drift_result(inv, run)
    baseline_path = baseline_path or config.baseline
    if baseline_path is not None:
        result = baseline.apply(result, baseline.load(baseline_path))
    emit_all(result, plan)
    if run.partial:
        click.echo(
            "iacscan: error: the live read stopped early (AWS endpoint unreachable); the report is partial",
            err=True,
        )
        sys.exit(ERROR)
    sys.exit(DRIFT if any(f.status is Status.FAIL for f in result.findings) else OK)
