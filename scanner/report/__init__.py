"""Reports are pure functions of a ScanResult: one module per format."""

from __future__ import annotations

from collections.abc import Callable

from scanner.model import ScanResult

FORMATS = ("text", "json", "sarif", "markdown", "html")


def render(result: ScanResult, fmt: str, *, color: bool = False, width: int = 120) -> str:
    renderer: Callable[[ScanResult], str]
    if fmt == "sarif":
        from scanner.report.sarif import render_sarif as renderer
    elif fmt == "json":
        from scanner.report.json_report import render_json as renderer
    elif fmt == "markdown":
        from scanner.report.markdown import render_markdown as renderer
    elif fmt == "html":
        from scanner.report.html import render_html as renderer
    elif fmt == "text":
        from scanner.report.text import render_text

        return render_text(result, color=color, width=width)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return renderer(result)
