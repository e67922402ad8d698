"""`iacscan pre-commit FILES…`: the pre-commit hook. Scans only the root modules the changed files are in.

pre-commit passes the changed ``.tf``, ``.tf.json`` and ``.tfvars`` file names. Each maps to its
directory (a Terraform module is a directory; a ``.tfvars`` file sits in the root module it sets);
files under ``.terraform/`` (downloaded modules) are ignored. The directories are scanned once each
with the repository's configuration, the text report is printed and the exit code says whether the
commit may go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from scanner.commands import scan
from scanner.commands.common import config_option

SUFFIXES = (".tf", ".tf.json", ".tfvars", ".tfvars.json")


def module_dirs(files: Iterable[str]) -> list[str]:
    """The sorted, de-duplicated directories holding the given Terraform files."""
    dirs: set[str] = set()
    for name in files:
        path = Path(name)
        if ".terraform" in path.parts or not path.name.endswith(SUFFIXES):
            continue
        dirs.add(path.parent.as_posix() or ".")
    return sorted(d for d in dirs if Path(d).is_dir())


@click.command("pre-commit")
@click.argument("files", nargs=-1)
@click.option(
    "--fail-on",
    type=click.Choice(["critical", "high", "medium", "low"]),
    default=None,
    help="Lowest severity that blocks the commit (default: the configuration's, else low).",
)
@click.option("--framework", help="Run only the policies of this framework.")
@click.option("--skip", multiple=True, help="Skip a policy by id (repeatable).")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Baseline file whose failures do not block.",
)
@config_option
@click.pass_context
def command(
    ctx: click.Context,
    files: tuple[str, ...],
    fail_on: str | None,
    framework: str | None,
    skip: tuple[str, ...],
    baseline_path: Path | None,
    config_path: Path | None,
) -> None:
    """Scan the root modules of the changed Terraform FILES (for pre-commit)."""
    dirs = module_dirs(files)
    if not dirs:
        return
    ctx.invoke(
        scan.command,
        paths=tuple(dirs),
        fmt=("text",),
        fail_on=fail_on,
        framework=framework,
        skip=skip,
        baseline_path=baseline_path,
        config_path=config_path,
    )
