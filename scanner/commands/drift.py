"""`iacscan drift`: compare a state / plan / Pulumi export with what is deployed in AWS.

Exit codes: 0 no drift, 3 drift, 2 tool error (missing input, no region, nothing readable, or an
endpoint that died mid-read: then the partial report is still written).

A plan JSON with ``resource_drift`` (``terraform plan -refresh-only``) gives CHANGED and DELETED
exactly as Terraform saw them (``scanner.drift.terraform_drift``); the live read then only adds
UNMANAGED resources, and ``--offline`` skips it: no AWS call at all.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from scanner import baseline
from scanner.cloud.aws.lister import Progress
from scanner.cloud.aws.regions import resolve_regions, split_regions, state_files
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
from scanner.drift.terraform_drift import NEEDED, has_drift, records_drift, terraform_drift, with_unmanaged
from scanner.errors import CloudError, UsageError
from scanner.exit_codes import DRIFT, ERROR, OK
from scanner.model import Inventory, Origin, ScanResult, Status
from scanner.sources.detect import LoadOptions, load_input, locate
from scanner.sources.json_lines import Located
from scanner.sources.terraform_values import display_path, parse_json, read_text

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


def drift_plan(spec: str, base_dir: Path, offline: bool) -> tuple[Located, str] | None:
    """The input, parsed, when it is a plan JSON whose drift Terraform recorded; else None.

    With ``offline`` there is no other way to find drift: anything else is a usage error.
    """
    path = Path(spec)
    if "://" in spec or not path.is_file() or path.name.endswith((".tf", ".tf.json", ".gz")):
        if offline:
            raise UsageError(f"{spec}: {NEEDED}")
        return None
    display = display_path(path, base_dir)
    text = read_text(path, display)
    if not offline and '"resource_drift"' not in text:
        return None  # not worth parsing twice: the loader reads it as before
    if text.lstrip()[:1] != "{":
        raise UsageError(f"{spec}: {NEEDED}")
    located = parse_json(text, display)
    if has_drift(located.value) or (offline and records_drift(located.value)):
        return located, display
    if offline:
        raise UsageError(f"{spec}: {NEEDED}")
    return None


def terraform_result(
    spec: str,
    plan: tuple[Located, str],
    options: LoadOptions,
    ignore: IgnoreRules,
    *,
    live: SessionFactory | None,
    regions: tuple[str, ...],
    strict: bool,
    show_progress: bool,
) -> tuple[ScanResult, bool]:
    """Drift from the plan's ``resource_drift``; with ``live``, plus UNMANAGED from a live read.

    Returns the result and whether the live read was partial.
    """
    located, display = plan
    base_dir = Path.cwd()
    found = terraform_drift(
        located,
        display,
        locate=lambda inv: locate(inv, located, Path(spec), base_dir, options),
        ignore=ignore,
        root=display,
    )
    notes = list(found.notifications)
    partial = False
    summary = dict(found.summary)
    if live is not None:
        region_list = resolve_regions(regions, found.state.resources, live)
        live.region = region_list[0]
        with progress_display(show_progress) as progress:
            run = drift_run(
                found.state,
                regions=region_list,
                session_factory=live,
                ignore=ignore,
                strict=strict,
                progress=progress,
            )
        found = with_unmanaged(found, run.findings, run.summary)
        summary = dict(found.summary)
        # Terraform compared every managed resource: the live read's own coverage notes do not apply.
        notes += [n for n in run.notifications if n.kind != "coverage"]
        summary.update(
            {
                "regions": list(region_list),
                "partial": run.partial,
                "live_resources": len(run.live.inventory.resources),
                "unmanaged_searched_types": len(run.live.read_types),
                "api_calls": {t: dict(c) for t, c in run.live.api_calls.items()},
            }
        )
        partial = run.partial
    result = ScanResult(
        findings=found.findings,
        rules=drift_rules(),
        notifications=tuple(notes),
        inputs=(display,),
        summary={"drift": summary},
    )
    return result, partial


@click.command("drift")
@click.argument("spec", metavar="INPUT")
@click.option(
    "--source",
    "source_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Terraform source directory, to locate drift at the HCL block (else at the state line).",
)
@click.option(
    "--regions",
    "--region",
    "regions",
    multiple=True,
    help="Regions to read (comma-separated or repeated; --region is the same option).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Only the drift Terraform recorded in a plan JSON (resource_drift): no AWS call at all.",
)
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
    offline: bool,
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

    INPUT is a Terraform state, a plan, a Pulumi stack export, an s3:// URL of a state, or
    pulumi://ORG/PROJECT/STACK (Pulumi Cloud, with PULUMI_ACCESS_TOKEN). A plan JSON with
    resource_drift (terraform plan -refresh-only) gives the drift Terraform saw; any other plan gives
    its prior state to compare with the live cloud.
    """
    outputs = plan_outputs(fmt, output, "text")
    if "://" not in spec and not Path(spec).exists():
        fail(f"{spec}: no such file or directory")
    base_dir = Path.cwd()
    given = split_regions(regions)
    options = LoadOptions(
        source_dir=source_dir,
        use_prior_state=True,
        state_from_backend=Path(spec).is_dir(),
        stack=stack,
        profile=profile,
        region=given[0] if len(given) == 1 else None,
        endpoint_url=endpoint_url,
    )
    config = project_config(config_path)
    ignore = load_ignore(driftignore, (*config.drift_ignore, *patterns))
    strict = strict or bool(config.drift_strict)
    show = outputs.stdout_format in ("text", None) and sys.stderr.isatty()
    plan = drift_plan(spec, base_dir, offline)
    partial = False
    if plan is not None:
        live = (
            None
            if offline
            else SessionFactory(profile=profile, endpoint_url=endpoint_url, max_attempts=max_attempts)
        )
        result, partial = terraform_result(
            spec, plan, options, ignore, live=live, regions=regions, strict=strict, show_progress=show
        )
    else:
        inv = load_input(spec, base_dir=base_dir, options=options)
        managed = inv.managed()
        if managed and all(r.origin is Origin.HCL for r in managed):
            raise UsageError(
                f"{spec}: drift needs resource ids: give a Terraform state, a plan, a Pulumi export, or a "
                'directory whose backend "s3" block points at its state'
            )
        factory = SessionFactory(profile=profile, endpoint_url=endpoint_url, max_attempts=max_attempts)
        region_list = resolve_regions(regions, inv.resources, factory, state_files(spec))
        factory.region = region_list[0]
        with progress_display(show) as progress:
            run = drift_run(
                inv,
                regions=region_list,
                session_factory=factory,
                ignore=ignore,
                strict=strict,
                progress=progress,
            )
        if not run.live.read_types and run.live.failed_types and not run.partial:
            first = run.notifications[0].message if run.notifications else "no resource type could be read"
            raise CloudError(f"could not read AWS: {first}")
        result = drift_result(inv, run)
        partial = run.partial
    baseline_path = baseline_path or config.baseline
    if baseline_path is not None:
        result = baseline.apply(result, baseline.load(baseline_path))
    emit_all(result, outputs)
    if partial:
        click.echo(
            "iacscan: error: the live read stopped early (AWS endpoint unreachable); the report is partial",
            err=True,
        )
        sys.exit(ERROR)
    sys.exit(DRIFT if any(f.status is Status.FAIL for f in result.findings) else OK)
