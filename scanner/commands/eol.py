"""`iacscan eol`: the end-of-life data behind the patch-level policies (``refresh``, ``show``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from scanner.commands.common import debug_option, fail, handles_errors
from scanner.errors import UsageError
from scanner.output import write_atomic
from scanner.policy.eol import eol_data_age
from scanner.policy.eol_data import DEFAULT_OVERRIDE, eol_data
from scanner.policy.eol_refresh import override_document, refresh


@click.group("eol")
def command() -> None:
    """Dated end-of-life data (Lambda runtimes, EKS, RDS, ...) used by the AWS-EOL policies."""


def _clients(profile: str | None, region: str | None, endpoint_url: str | None) -> tuple[str, Any, Any]:
    """(region, EKS client, RDS client) with the usual credential chain and retrying config."""
    from scanner.cloud.aws.session import SessionFactory

    factory = SessionFactory(profile=profile, region=region, endpoint_url=endpoint_url)
    where = factory.default_region() or "us-east-1"
    return where, factory.client("eks", where), factory.client("rds", where)


@command.command("refresh")
@click.option("--profile", help="AWS profile to read with.")
@click.option("--region", help="AWS region to ask (lifecycle dates are the same in every region).")
@click.option("--endpoint-url", help="AWS endpoint URL (a local endpoint for testing).")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Override file to write (default: {DEFAULT_OVERRIDE} in the current directory).",
)
@click.option("--skip-eks", is_flag=True, help="Do not call eks:DescribeClusterVersions.")
@click.option("--skip-rds", is_flag=True, help="Do not call rds:DescribeDBMajorEngineVersions.")
@debug_option
@handles_errors
def refresh_command(
    profile: str | None,
    region: str | None,
    endpoint_url: str | None,
    output: Path | None,
    skip_eks: bool,
    skip_rds: bool,
    debug: bool,
) -> None:
    """Read EKS and RDS lifecycle dates from AWS and write a local override file later scans use."""
    where, eks, rds = _clients(profile, region, endpoint_url)
    result = refresh(None if skip_eks else eks, None if skip_rds else rds)
    for warning in result.warnings:
        click.echo(f"iacscan: warning: {warning}", err=True)
    if not result.products:
        fail("no lifecycle dates were read; nothing written")
    target = output or Path.cwd() / DEFAULT_OVERRIDE
    if output is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    elif not target.parent.is_dir():
        raise UsageError(f"{target}: the output directory does not exist")
    write_atomic(target, override_document(result, date.today(), where))
    names = ", ".join(result.products)
    click.echo(f"wrote {result.cycle_count} version entries ({names}) to {target}")


@command.command("show")
@click.option("--as-of", "as_of", help="Compute ages at YYYY-MM-DD (default: today).")
@debug_option
@handles_errors
def show_command(as_of: str | None, debug: bool) -> None:
    """List the products of the data with the date each was last checked and its age."""
    try:
        when = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        raise UsageError(f"{as_of!r} is not YYYY-MM-DD (--as-of)") from None
    data = eol_data()
    ages = eol_data_age(when, data)
    for name, product in data.products.items():
        cycles = len(product.cycles)
        click.echo(
            f"{name:24} {cycles:3} {'version ' if cycles == 1 else 'versions'}  "
            f"checked {product.last_checked}  ({ages[name]} day{'' if ages[name] == 1 else 's'} old)"
        )
    if data.override:
        click.echo(f"override: {data.override}")
    for warning in data.warnings:
        click.echo(f"iacscan: warning: {warning}", err=True)
