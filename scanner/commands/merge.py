"""`iacscan merge`: several SARIF logs → one log with one run (or a Markdown/HTML/JSON report of them)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from scanner import baseline
from scanner.commands.common import debug_option, format_option, handles_errors, output_option
from scanner.commands.outputs import emit_all, plan_outputs
from scanner.output import write_atomic
from scanner.report.sarif_merge import merge_documents, render_merged, suppress_known
from scanner.report.sarif_read import load_sarif, result_from_sarif


@click.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@output_option
@format_option("sarif")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Mark results recorded in this baseline file as suppressed.",
)
@click.option("--category", help="Set the run's automationDetails.id (the code scanning category).")
@debug_option
@handles_errors
def command(
    files: tuple[Path, ...],
    output: tuple[Path, ...],
    fmt: tuple[str, ...],
    category: str | None,
    baseline_path: Path | None,
    debug: bool,
) -> None:
    """Merge SARIF FILES into one run: rules once, results de-duplicated by fingerprint.

    -f sarif (the default) writes the merged log; another format, a report of the merged results.
    """
    plan = plan_outputs(fmt, output, "sarif")
    documents = [load_sarif(path) for path in files]
    if baseline_path is not None:
        known = baseline.load(baseline_path)
        notice = baseline.legacy_notice(known, str(baseline_path))
        if notice is not None:
            click.echo(f"iacscan: warning: {notice.message}", err=True)
        documents = [suppress_known(doc, known) for doc in documents]
    others = replace(plan, targets=tuple(t for t in plan.targets if t.fmt != "sarif"))
    for target in plan.targets:
        if target.fmt != "sarif":
            continue
        text = render_merged(documents, category=category)
        if target.path is not None:
            write_atomic(target.path, text)
        else:
            sys.stdout.write(text)
    if others.targets:
        emit_all(result_from_sarif(merge_documents(documents)), others)
