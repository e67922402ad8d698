"""One self-contained HTML page for the nightly audit: no network, no CDN, every value escaped.

At a glance: compliance by framework and failures by severity and drift by kind, as inline SVG
bar charts; below, sortable tables of findings and drift (a few lines of inline JavaScript).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from scanner import __version__
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

_COLORS = {
    "critical": "#7b1fa2",
    "high": "#c62828",
    "medium": "#ef6c00",
    "low": "#0277bd",
    "changed": "#ef6c00",
    "deleted": "#c62828",
    "unmanaged": "#6d4c41",
    "pass": "#2e7d32",
    "fail": "#c62828",
    "suppressed": "#9e9e9e",
}
_SEV_RANK = {s.value: s.rank for s in SEVERITY_ORDER}

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;
 color:#1a1a1a;background:#fafafa}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#555;margin-bottom:16px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:24px}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 14px}
.chart h3{font-size:14px;margin:0 0 6px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eee;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
code{font-size:12px;word-break:break-all}
.sev{font-weight:600}.muted{color:#777}
"""

_JS = """
(function(){
  function key(cell){var v=cell.getAttribute('data-sort');if(v===null){v=cell.textContent.trim();}
    var n=parseFloat(v);return isNaN(n)||String(n)!==v?v.toLowerCase():n;}
  document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('th').forEach(function(th,col){
      th.addEventListener('click',function(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        table.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
          if(x===y){return 0;}return (x<y?-1:1)*(asc?1:-1);});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.documentElement.setAttribute('data-ready','1');
})();
"""


def _e(value: object) -> str:
    return escape(escape_line(str(value)), quote=True)


def _bars(title: str, rows: Sequence[tuple[str, Sequence[tuple[str, int]]]], *, width: int = 440) -> str:
    """A horizontal stacked bar chart: one bar per row, one segment per (series, count)."""
    label_w, row_h = 190, 22
    bar_w = width - label_w - 50
    total_max = max((sum(n for _, n in segs) for _, segs in rows), default=0) or 1
    height = row_h * max(len(rows), 1) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{_e(title)}">'
    ]
    if not rows:
        parts.append('<text x="4" y="16" fill="#777">nothing to show</text>')
    for i, (label, segments) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">'
            f"{_e(_short(label, 30))}</text>"
        )
        x = float(label_w)
        for series, count in segments:
            if count <= 0:
                continue
            w = bar_w * count / total_max
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{max(w, 1):.1f}" height="{row_h - 6}" '
                f'fill="{_COLORS.get(series, "#607d8b")}"><title>{_e(label)}: {_e(series)} '
                f"{count}</title></rect>"
            )
            x += w
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 14}" font-size="12">{sum(n for _, n in segments)}</text>'
        )
    parts.append("</svg>")
    return f'<div class="chart"><h3>{_e(title)}</h3>{"".join(parts)}</div>'


def _compliance(findings: Iterable[Finding], rules: dict[str, RuleInfo]) -> list[tuple[str, Counter[str]]]:
    by_framework: dict[str, Counter[str]] = {}
    for f in findings:
        rule = rules.get(f.rule_id)
        if f.is_drift or rule is None or f.status is Status.UNKNOWN:
            continue
        for framework in rule.frameworks:
            by_framework.setdefault(framework, Counter())[f.status.value] += 1
    return sorted(by_framework.items())


def _percent(c: Counter[str]) -> str:
    judged = c["pass"] + c["fail"]
    return f"{100 * c['pass'] / judged:.0f}%" if judged else "n/a"


def _value(value: object) -> str:
    safe = safe_value(value)
    text = safe if isinstance(safe, str) else json.dumps(safe, sort_keys=True, ensure_ascii=False)
    return "-" if value is None else (text if len(text) <= 200 else text[:199] + "…")


def _findings_table(findings: Sequence[Finding], rules: dict[str, RuleInfo], roots: bool = False) -> str:
    if not findings:
        return '<p class="muted">No policy findings.</p>'
    rows = []
    for f in findings:
        rule = rules.get(f.rule_id)
        title = rule.title if rule else f.message
        link = (
            f'<a href="{_e(rule.help_uri)}">{_e(f.rule_id)}</a>' if rule and rule.help_uri else _e(f.rule_id)
        )
        status = "suppressed" if f.status is Status.SUPPRESSED else "fail"
        note = f' <span class="muted">({_e(f.suppression.justification)})</span>' if f.suppression else ""
        rows.append(
            f'<tr><td class="sev" data-sort="{_SEV_RANK[f.severity.value]}" '
            f'style="color:{_COLORS[f.severity.value]}">{_e(f.severity.value)}</td>'
            f"<td>{link}</td><td>{_e(title)}</td>"
            + (f"<td><code>{_e(f.root)}</code></td>" if roots else "")
            + f"<td><code>{_e(f.resource_address)}</code></td>"
            f"<td><code>{_e(location_text(f))}</code></td><td>{status}{note}</td></tr>"
        )
    names = ("Severity", "Rule", "Title", *(("Root",) if roots else ()), "Resource", "Location", "Status")
    head = "".join(f"<th>{h}</th>" for h in names)
    return (
        f'<table class="sortable" id="findings"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _drift_table(drift: Sequence[Finding], roots: bool = False) -> str:
    if not drift:
        return '<p class="muted">No drift.</p>'
    rows = []
    for f in drift:
        kind = f.drift_kind.value if f.drift_kind else "?"
        status = "suppressed" if f.status is Status.SUPPRESSED else "new"
        rows.append(
            f"<tr><td>{_e(kind)}</td>"
            + (f"<td><code>{_e(f.root)}</code></td>" if roots else "")
            + f"<td><code>{_e(f.resource_address)}</code></td>"
            f"<td>{_e(f.resource_type)}</td><td><code>{_e(f.attribute_path or '-')}</code></td>"
            f"<td><code>{_e(_value(f.expected))}</code></td><td><code>{_e(_value(f.actual))}</code></td>"
            f"<td><code>{_e(location_text(f))}</code></td><td>{status}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Kind",
            *(("Root",) if roots else ()),
            "Resource",
            "Type",
            "Attribute",
            "Expected (IaC)",
            "Actual (cloud)",
            "Location",
            "Status",
        )
    )
    return (
        f'<table class="sortable" id="drift"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render_html(result: ScanResult) -> str:
    rules = {r.id: r for r in result.rules}
    c = counts(result.findings)
    shown = reportable(result.findings)
    policy = sorted(
        (f for f in shown if not f.is_drift),
        key=lambda f: (-f.severity.rank, f.rule_id, f.root, f.resource_address),
    )
    drift = sorted(
        (f for f in shown if f.is_drift),
        key=lambda f: (f.drift_kind.value if f.drift_kind else "", f.root, f.resource_address),
    )
    roots = many_roots(shown)  # several roots: the tables get a Root column
    compliance = _compliance(result.findings, rules)
    drift_total = sum(c["drift"].values())
    cards = [
        ("Failed", c["failed"]),
        ("Passed", c["passed"]),
        ("Suppressed", c["suppressed"]),
        ("Unknown", c["unknown"]),
        ("Drifted resources", drift_total),
    ]
    if result.summary.get("source") == "sarif":  # passes are not in SARIF
        cards = [card for card in cards if card[0] not in ("Passed", "Unknown")]
    if "resources" in result.summary:
        cards.insert(0, ("Resources", result.summary["resources"]))
    drift_summary = result.summary.get("drift") or {}
    if coverage_line(drift_summary):
        compared = f"{drift_summary['coverage']:g}% ({drift_summary['compared']}/{drift_summary['managed']})"
        cards.append(("Drift coverage", compared))
    charts = [
        _bars(
            "Compliance by framework (passed / failed checks)",
            [
                (
                    f"{name} {_percent(cnt)}",
                    [("pass", cnt["pass"]), ("fail", cnt["fail"]), ("suppressed", cnt["suppressed"])],
                )
                for name, cnt in compliance
            ],
        ),
        _bars(
            "Failures by severity",
            [(s.value, [(s.value, c["failed_by_severity"][s.value])]) for s in SEVERITY_ORDER],
        ),
        _bars("Drift by kind", [(k, [(k, n)]) for k, n in c["drift"].items()]),
    ]
    notes = "".join(f"<li>{_e(n.level)}: {_e(n.message)}</li>" for n in result.notifications)
    inputs = ", ".join(result.inputs) or "-"
    body = [
        "<h1>iacscan report</h1>",
        f'<div class="meta">Inputs: {_e(inputs)} · iacscan {_e(__version__)}</div>',
        '<div class="cards">'
        + "".join(f'<div class="card">{_e(k)}<b>{_e(v)}</b></div>' for k, v in cards)
        + "</div>",
        "<h2>Summary</h2>",
        '<div class="charts">' + "".join(charts) + "</div>",
        f"<h2>Findings ({len(policy)})</h2>",
        _findings_table(policy, rules, roots),
        f"<h2>Drift ({len(drift)})</h2>",
        _drift_table(drift, roots),
    ]
    if notes:
        body += ["<h2>Warnings</h2>", f"<ul>{notes}</ul>"]
    csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>iacscan report</title><style>{_CSS}</style></head><body>"
        + "\n".join(body)
        + f"<script>{_JS}</script></body></html>\n"
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
