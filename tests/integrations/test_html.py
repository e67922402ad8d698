"""The HTML report: self-contained, escaped, and rendered for real in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from scanner.model import DriftKind, Finding, Origin, RuleInfo, ScanResult, Severity, SourceRef, Status
from scanner.report import render
from tests.integrations.conftest import FIXTURES, run_iacscan

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (/usr/bin/chromium): `apt-get install chromium`",
)
EVIL = '<img src=x onerror="alert(1)">'


def _result() -> ScanResult:
    rule = RuleInfo(
        "AWS-S3-002",
        "S3 bucket blocks public access",
        "d",
        Severity.HIGH,
        help_uri="https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        frameworks={"cis-aws-v3.0": ("2.1.4",), "pci-dss-v4": ("1.3.1",)},
    )
    drift_rule = RuleInfo("DRIFT-CHANGED", "Changed outside IaC", "d", Severity.MEDIUM)
    src = SourceRef("main.tf", 3, 9)
    findings = (
        Finding("AWS-S3-002", Status.FAIL, Severity.HIGH, f"aws_s3_bucket.{EVIL}", "aws_s3_bucket", "m", src),
        Finding("AWS-S3-002", Status.PASS, Severity.HIGH, "aws_s3_bucket.ok", "aws_s3_bucket", "m", src),
        Finding(
            "DRIFT-CHANGED",
            Status.FAIL,
            Severity.MEDIUM,
            "aws_s3_bucket.ok",
            "aws_s3_bucket",
            "m",
            src,
            attribute_path="tags.env",
            origin=Origin.STATE,
            drift_kind=DriftKind.CHANGED,
            expected="prod",
            actual=EVIL,
        ),
    )
    return ScanResult(findings, (rule, drift_rule), inputs=("main.tf",), summary={"resources": 2})


def test_everything_is_escaped_and_nothing_is_fetched() -> None:
    page = render(_result(), "html")
    assert EVIL not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://docs.aws.amazon.com', "")
    )  # the only links are the policies' help pages
    assert "<svg" in page and "Content-Security-Policy" in page
    assert "cis-aws-v3.0 50%" in page and "pci-dss-v4 50%" in page  # compliance by framework


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def _chromium(page: Path, tmp: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1280,1000",
        *mode,
        page.as_uri(),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@needs_chromium
def test_renders_in_chromium_without_console_errors(repo: Path, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "drift.sarif", repo / "drift.sarif")
    assert run_iacscan(["scan", "bad", "good", "-f", "sarif", "-o", "scan.sarif"], repo).returncode == 1
    done = run_iacscan(["merge", "scan.sarif", "drift.sarif", "-f", "html", "-o", "audit.html"], repo)
    assert done.returncode == 0, done.stderr
    page = repo / "audit.html"

    dom = _chromium(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'data-ready="1"' in dom.stdout  # the inline script ran to its end
    assert _console(dom.stderr) == []

    shot = tmp_path / "shot.png"
    done = _chromium(page, tmp_path, f"--screenshot={shot}")
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    assert _console(done.stderr) == []
    width, height, pixels = _png_pixels(shot)
    assert (width, height) == (1280, 1000)
    assert len(set(pixels)) > 50  # not a blank page: text, charts, colours


@needs_chromium
def test_tables_sort_when_a_header_is_clicked(tmp_path: Path) -> None:
    rule = RuleInfo("AWS-S3-002", "S3 bucket blocks public access", "d", Severity.HIGH)
    findings = tuple(
        Finding("AWS-S3-002", Status.FAIL, sev, f"aws_s3_bucket.{name}", "aws_s3_bucket", "m")
        for name, sev in (("b", Severity.LOW), ("a", Severity.CRITICAL), ("c", Severity.MEDIUM))
    )
    page = render(ScanResult(findings, (rule,)), "html")
    order = (
        "Array.prototype.map.call(document.querySelectorAll('#findings tbody tr'),"
        "function(r){return r.cells[3].textContent;}).join(',')"
    )
    click = (
        "<script>var th=document.querySelectorAll('#findings th');th[0].click();"
        f"document.documentElement.setAttribute('data-order',{order});"
        f"th[3].click();th[3].click();document.documentElement.setAttribute('data-order2',{order});</script>"
    )
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", click + "</body>"))
    done = _chromium(path, tmp_path, "--dump-dom")
    assert _console(done.stderr) == []
    assert 'data-order="aws_s3_bucket.b,aws_s3_bucket.c,aws_s3_bucket.a"' in done.stdout  # severity rank, up
    assert 'data-order2="aws_s3_bucket.c,aws_s3_bucket.b,aws_s3_bucket.a"' in done.stdout  # resource, down
