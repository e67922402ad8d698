"""Markdown for job summaries and pull-request comments."""

from __future__ import annotations

from scanner.model import RuleInfo, ScanResult, Status
from scanner.report.common import SEVERITY_ORDER, counts, location_text, reportable, safe_value

TOP = 50


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(result: ScanResult) -> str:
    c = counts(result.findings)
    rules: dict[str, RuleInfo] = {r.id: r for r in result.rules}
    lines = ["## iacscan report", ""]
    lines.append("| Severity | Failed |")
    lines.append("| --- | ---: |")
    for sev in SEVERITY_ORDER:
        lines.append(f"| {sev.value} | {c['failed_by_severity'][sev.value]} |")
    lines.append("")
    lines.append(
        f"**{c['failed']} failed**, {c['passed']} passed, {c['unknown']} unknown, "
        f"{c['suppressed']} suppressed."
    )
    shown = [f for f in reportable(result.findings) if not f.is_drift and f.status is Status.FAIL]
    shown.sort(key=lambda f: (-f.severity.rank, f.rule_id, f.resource_address))
    if shown:
        lines += [
            "",
            "### Top findings",
            "",
            "| Severity | Rule | Resource | Location |",
            "| --- | --- | --- | --- |",
        ]
        for f in shown[:TOP]:
            rule = rules.get(f.rule_id)
            link = f"[{f.rule_id}]({rule.help_uri})" if rule and rule.help_uri else f.rule_id
            title = f" {_cell(rule.title)}" if rule else ""
            lines.append(
                f"| {f.severity.value} | {link}{title} | `{_cell(f.resource_address)}` | "
                f"`{_cell(location_text(f))}` |"
            )
        if len(shown) > TOP:
            lines.append(f"\n…and {len(shown) - TOP} more.")
    drift = [f for f in reportable(result.findings) if f.is_drift and f.status is Status.FAIL]
    if drift:
        lines += [
            "",
            "### Drift",
            "",
            "| Kind | Resource | Attribute | Expected | Actual |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in drift:
            lines.append(
                f"| {f.drift_kind.value if f.drift_kind else ''} | `{_cell(f.resource_address)}` | "
                f"{_cell(f.attribute_path or '-')} | {_cell(safe_value(f.expected))} | "
                f"{_cell(safe_value(f.actual))} |"
            )
    if result.notifications:
        lines += ["", "### Warnings", ""]
        lines += [f"- {n.level}: {_cell(n.message)}" for n in result.notifications]
    return "\n".join(lines) + "\n"
