"""A readable terminal report (rich): a table of failures, drift, warnings and a summary line."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.model import ScanResult, Status
from scanner.report.common import SEVERITY_ORDER, counts, location_text, reportable, safe_value

_ANSI = {
    "critical": "1;37;41",
    "high": "1;31",
    "medium": "33",
    "low": "36",
    "bold": "1",
    "dim": "2",
    "resource": "35",
}


def _painter(color: bool) -> Callable[[str, str], str]:
    if not color:
        return lambda text, style: text
    return lambda text, style: f"\x1b[{_ANSI[style]}m{text}\x1b[0m"


def render_text(result: ScanResult, *, color: bool = False, width: int = 120) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    shown = reportable(result.findings)
    policy = [f for f in shown if not f.is_drift]
    drift = [f for f in shown if f.is_drift]
    if policy:
        # Plain lines with a few ANSI codes: rich's per-line rendering costs ~1 ms a finding.
        paint = _painter(color)
        lines = [paint("Policy findings", "bold")]
        for f in sorted(
            policy,
            key=lambda f: (f.status is Status.SUPPRESSED, -f.severity.rank, f.rule_id, f.resource_address),
        ):
            title = f.message.split(": ", 1)[-1]
            suppressed = f.status is Status.SUPPRESSED and f.suppression is not None
            label = (
                paint(f"{'SUPPRESSED':<11}", "dim")
                if suppressed
                else paint(f"{f.severity.value.upper():<11}", f.severity.value)
            )
            lines.append(f"{label}{paint(f.rule_id, 'bold')}  {title}")
            where = f"           {paint(f.resource_address, 'resource')}  {paint(location_text(f), 'dim')}"
            if suppressed and f.suppression is not None:
                where += paint(f"  suppressed: {f.suppression.justification}", "dim")
            lines.append(where)
        buffer.write("\n".join(lines) + "\n\n")
    if drift:
        table = Table(title="Drift", expand=False)
        for column in ("Kind", "Resource", "Attribute", "Expected (IaC)", "Actual (cloud)", "Location"):
            table.add_column(column, overflow="fold")
        for f in drift:
            kind = f.drift_kind.value.upper() if f.drift_kind else "?"
            if f.status is Status.SUPPRESSED:
                kind += " (suppressed)"
            table.add_row(
                kind,
                f.resource_address,
                f.attribute_path or "-",
                _short(safe_value(f.expected)),
                _short(safe_value(f.actual)),
                location_text(f),
            )
        console.print(table)
    for note in result.notifications:
        style = "red" if note.level == "error" else "yellow"
        console.print(Text(f"{note.level}: {note.message}", style=style))
    c = counts(result.findings)
    sev = ", ".join(f"{c['failed_by_severity'][s.value]} {s.value}" for s in SEVERITY_ORDER)
    summary = (
        f"{c['failed']} failed ({sev}), {c['passed']} passed, {c['unknown']} unknown, "
        f"{c['suppressed']} suppressed"
    )
    drift_counts = c["drift"]
    if any(drift_counts.values()) or result.summary.get("drift"):
        summary += (
            f"; drift: {drift_counts['changed']} changed, {drift_counts['deleted']} deleted, "
            f"{drift_counts['unmanaged']} unmanaged"
        )
    if not shown:
        console.print(Text("No findings.", style="green"))
    console.print(summary)
    return buffer.getvalue()


def _short(value: object, limit: int = 60) -> str:
    text = "-" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
