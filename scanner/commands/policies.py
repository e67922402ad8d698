"""`iacscan policies list | show | test`: browse the library and test house policies without Python."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from scanner.commands.common import debug_option, fail, handles_errors
from scanner.policy import eol
from scanner.scan import PolicyLibrary, ScanOptions, load_library


def _library(policy_dirs: tuple[Path, ...], framework: str | None, builtin: bool = True) -> PolicyLibrary:
    return load_library(
        ScanOptions(paths=(), policy_dirs=policy_dirs, framework=framework, builtin_policies=builtin)
    )


@click.group("policies")
def command() -> None:
    """List, show and test policies."""


@command.command("list")
@click.option("--framework", help="Only the policies this framework maps.")
@click.option("--policies", "policy_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@debug_option
@handles_errors
def list_policies(framework: str | None, policy_dirs: tuple[Path, ...], fmt: str, debug: bool) -> None:
    """List policies: id, severity, title, frameworks, aliases."""
    library = _library(policy_dirs, framework)
    rules = library.rules()
    if fmt == "json":
        rows = [
            {
                "id": r.id,
                "service": service_of(r.id),
                "severity": r.severity.value,
                "title": r.title,
                "resource_types": list(p.resource_types),
                "frameworks": {k: list(v) for k, v in r.frameworks.items()},
                "aliases": list(r.aliases),
            }
            for r, p in zip(rules, library.policies.policies, strict=True)
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    selected = library.frameworks.get(framework) if framework else None
    table = Table(
        title=f"{len(rules)} policies" + (f" in {framework}" if framework else ""),
        caption=selected.description if selected is not None and selected.description else None,
    )
    for column in ("ID", "Severity", "Title", "Frameworks", "Aliases"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        frameworks = ", ".join(f"{k} {' '.join(v)}" for k, v in rule.frameworks.items())
        table.add_row(rule.id, rule.severity.value, rule.title, frameworks, ", ".join(rule.aliases))
    console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)
    console.print(table)
    counts = Table(title="Policies by service")
    counts.add_column("Service")
    counts.add_column("Policies", justify="right")
    for service, count in service_counts(rule.id for rule in rules):
        counts.add_row(service, str(count))
    console.print(counts)


def service_of(policy_id: str) -> str:
    """The service part of a policy id: AWS-S3-001 → S3; a two-part id (HOUSE-001) → HOUSE."""
    parts = policy_id.split("-")
    return "-".join(parts[1:-1]) if len(parts) > 2 else parts[0]


def service_counts(policy_ids: Iterable[str]) -> list[tuple[str, int]]:
    """(service, number of policies), by service name."""
    return sorted(Counter(service_of(pid) for pid in policy_ids).items())


@command.command("show")
@click.argument("policy_id")
@click.option("--policies", "policy_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@debug_option
@handles_errors
def show_policy(policy_id: str, policy_dirs: tuple[Path, ...], debug: bool) -> None:
    """Show one policy (by id or checkov id): description, remediation, frameworks."""
    library = _library(policy_dirs, None)
    wanted = library.policies.alias_map().get(policy_id, policy_id)
    for rule, policy in zip(library.rules(), library.policies.policies, strict=True):
        if rule.id != wanted:
            continue
        lines = [
            f"# {rule.id}: {rule.title}",
            "",
            f"**Severity:** {rule.severity.value}  ",
            f"**Resource types:** {', '.join(policy.resource_types)}  ",
        ]
        if rule.aliases:
            lines.append(f"**checkov:** {', '.join(rule.aliases)}  ")
        for name, controls in rule.frameworks.items():
            lines.append(f"**{name}:** {', '.join(controls)}  ")
        lines += ["", rule.description, "", "## Remediation", "", rule.remediation]
        if policy.references:
            lines += ["", "## References", ""] + [f"- {u}" for u in policy.references]
        lines += eol.data_age_lines(policy, date.today())  # eol: the age of the dated data it reads
        lines += ["", f"Defined in `{policy.path}`"]  # a code span: paths hold underscores
        Console(highlight=False).print(Markdown("\n".join(lines)))
        return
    fail(f"no policy {policy_id!r} (see `iacscan policies list`)")


@command.command("test")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@debug_option
@handles_errors
def test_policies(directory: Path, debug: bool) -> None:
    """Run the policies of DIRECTORY against their pass*/fail*/unknown* .tf fixtures."""
    from scanner.policy.loader import load_policies
    from scanner.policy.testing import run_policy_tests

    policies = load_policies([directory])
    if not policies:
        fail(f"{directory}: no policy files found")
    report = run_policy_tests(policies)
    for result in report.results:
        mark = "ok  " if result.ok else "FAIL"
        click.echo(f"{mark} {result.policy_id:<20} {result.fixture:<28} {result.detail}")
    failed = sum(1 for r in report.results if not r.ok)
    click.echo(f"{len(report.results) - failed} passed, {failed} failed")
    sys.exit(0 if report.ok else 1)
