"""Reports are pure functions of a ScanResult: one module per format."""

from __future__ import annotations

from collections.abc import Callable, Collection

from scanner.model import ScanResult, Status

FORMATS = ("text", "json", "sarif", "markdown", "html", "junitxml")
# Formats that list passed and unknown results when asked (--show passed,unknown).
SHOWS_MORE = ("text", "json", "sarif", "junitxml")


def render(
    result: ScanResult, fmt: str, *, color: bool = False, width: int = 120, show: Collection[Status] = ()
) -> str:
    renderer: Callable[[ScanResult], str]
    if fmt == "sarif":
        from scanner.report.sarif import render_sarif

        return render_sarif(result, show=show)
    if fmt == "json":
        from scanner.report.json_report import render_json

        return render_json(result, show=show)
    if fmt == "junitxml":
        from scanner.report.junit import render_junit

        return render_junit(result, show=show)
    if fmt == "markdown":
        from scanner.report.markdown import render_markdown as renderer
    elif fmt == "html":
        from scanner.report.html import render_html as renderer
    elif fmt == "text":
        from scanner.report.text import render_text

        return render_text(result, color=color, width=width, show=show)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return renderer(result)
