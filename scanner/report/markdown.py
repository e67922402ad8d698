"""Markdown for GitHub job summaries and pull-request comments.

One glance: a status line, counts by severity, the top findings with links to each policy's help,
the drift table, what was suppressed and why, and the tool's warnings. Long lists fold into
``<details>`` and the whole text stays under GitHub's comment limit (65,536 characters).
"""

from __future__ import annotations

from scanner.model import Finding, RuleInfo, ScanResult, Status
from scanner.report.common import (
    SEVERITY_ORDER,
    counts,
    coverage_line,
    location_text,
    many_roots,
    reportable,
    safe_value,
)
from scanner.report.escape import escape_line

TOP = 20
MORE = 200
LIMIT = 60_000
_ICON = {"critical": "🟣", "high": "🔴", "medium": "🟠", "low": "🔵"}


def _cell(text: object) -> str:
    """Text safe inside a table cell: no pipes, newlines, HTML or backticks to break out of it."""
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    out = escape_line(out)  # ESC, BEL, bidi overrides... as visible \uXXXX
    return out.replace("<", "&lt;").replace(">", "&gt;").replace("`", "'")


def _code(text: object) -> str:
    return f"`{_cell(text)}`" if str(text) else "-"


def _rule_link(rule_id: str, rules: dict[str, RuleInfo]) -> str:
    rule = rules.get(rule_id)
    if rule is not None and rule.help_uri.startswith(("https://", "http://")):
        return f"[{_cell(rule_id)}]({rule.help_uri.replace(')', '%29').replace(' ', '%20')})"
    return _cell(rule_id)


def _finding_row(f: Finding, rules: dict[str, RuleInfo], roots: bool = False) -> str:
    rule = rules.get(f.rule_id)
    title = _cell(rule.title) if rule else _cell(f.message)
    root = f"{_code(f.root)} | " if roots else ""
    return (
        f"| {_ICON[f.severity.value]} {f.severity.value} | {_rule_link(f.rule_id, rules)} | {title} | "
        f"{root}{_code(f.resource_address)} | {_code(location_text(f))} |"
    )


def _head(roots: bool) -> list[str]:
    if roots:
        return [
            "| Severity | Policy | Title | Root | Resource | Location |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
    return ["| Severity | Policy | Title | Resource | Location |", "| --- | --- | --- | --- | --- |"]


def _short(value: object, limit: int = 80) -> str:
    text = "-" if value is None else str(safe_value(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _status_line(c: dict[str, object], failed: int, drift_total: int) -> str:
    if failed == 0 and drift_total == 0:
        return "✅ **No failing findings and no drift.**"
    parts = []
    if failed:
        parts.append(f"**{failed} failing finding{'s' if failed != 1 else ''}**")
    if drift_total:
        parts.append(f"**{drift_total} drifted resource{'s' if drift_total != 1 else ''}**")
    return "❌ " + " and ".join(parts) + "."


def render_markdown(result: ScanResult) -> str:
    c = counts(result.findings)
    rules: dict[str, RuleInfo] = {r.id: r for r in result.rules}
    shown = reportable(result.findings)
    failing = [f for f in shown if not f.is_drift and f.status is Status.FAIL]
    failing.sort(key=lambda f: (-f.severity.rank, f.rule_id, f.root, f.resource_address))
    roots = many_roots(shown)  # several roots: the tables get a Root column
    drift = [f for f in shown if f.is_drift and f.status is Status.FAIL]
    drift.sort(
        key=lambda f: (
            f.drift_kind.value if f.drift_kind else "",
            f.root,
            f.resource_address,
            f.attribute_path,
        )
    )
    suppressed = [f for f in shown if f.status is Status.SUPPRESSED]
    drift_total = sum(c["drift"].values())

    lines = ["## iacscan report", "", _status_line(c, c["failed"], drift_total), ""]
    lines += ["| Severity | Failing |", "| --- | ---: |"]
    lines += [f"| {_ICON[s.value]} {s.value} | {c['failed_by_severity'][s.value]} |" for s in SEVERITY_ORDER]
    summary = (
        f"{c['failed']} failed, {c['passed']} passed, {c['unknown']} unknown, {c['suppressed']} suppressed"
    )
    if result.summary.get("source") == "sarif":  # passes are not in SARIF
        summary = f"{c['failed']} failed, {c['suppressed']} suppressed"
    if drift_total or any(f.is_drift for f in result.findings):
        d = c["drift"]
        summary += f"; drift: {d['changed']} changed, {d['deleted']} deleted, {d['unmanaged']} unmanaged"
    covered = coverage_line(result.summary.get("drift") or {})
    if covered:
        summary += f"; {covered}"
    lines += ["", summary + "."]

    if failing:
        lines += [
            "",
            "### Top findings",
            "",
            *_head(roots),
        ]
        lines += [_finding_row(f, rules, roots) for f in failing[:TOP]]
        rest = failing[TOP : TOP + MORE]
        if rest:
            lines += [
                "",
                f"<details><summary>{len(failing) - TOP} more findings</summary>",
                "",
                *_head(roots),
            ]
            lines += [_finding_row(f, rules, roots) for f in rest]
            if len(failing) > TOP + MORE:
                lines += ["", f"…and {len(failing) - TOP - MORE} more: see the SARIF or JSON report."]
            lines += ["", "</details>"]

    if drift:
        lines += [
            "",
            "### Drift",
            "",
            "| Kind | Resource | Attribute | Expected (IaC) | Actual (cloud) | Location |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for f in drift[:MORE]:
            kind = f.drift_kind.value if f.drift_kind else "?"
            name = f"{f.root}:{f.resource_address}" if roots and f.root else f.resource_address
            lines.append(
                f"| {kind} | {_code(name)} | {_code(f.attribute_path)} | "
                f"{_code(_short(f.expected)) if f.expected is not None else '-'} | "
                f"{_code(_short(f.actual)) if f.actual is not None else '-'} | {_code(location_text(f))} |"
            )
        if len(drift) > MORE:
            lines += ["", f"…and {len(drift) - MORE} more."]

    if suppressed:
        lines += [
            "",
            f"<details><summary>{len(suppressed)} suppressed</summary>",
            "",
            "| Policy | Resource | Why |",
            "| --- | --- | --- |",
        ]
        for f in suppressed[:MORE]:
            why = f.suppression.justification if f.suppression else ""
            name = f"{f.root}:{f.resource_address}" if roots and f.root else f.resource_address
            lines.append(f"| {_rule_link(f.rule_id, rules)} | {_code(name)} | {_cell(why)} |")
        lines += ["", "</details>"]

    if result.notifications:
        lines += ["", "### Warnings", ""]
        lines += [f"- {n.level}: {_cell(n.message)}" for n in result.notifications[:MORE]]
    return _fit("\n".join(lines) + "\n")


def _fit(text: str) -> str:
    """Cut at a line boundary so the text fits in a pull-request comment."""
    if len(text) <= LIMIT:
        return text
    cut = text.rfind("\n", 0, LIMIT)
    return text[:cut] + "\n\n…report cut to fit; see the SARIF or JSON report for everything.\n"
