"""Untrusted text in every report format: no raw control characters, no forged lines, encoded URIs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.report.escape import escape_deep, escape_line, sarif_uri
from tests.e2e.cli import iacscan
from tests.sarif_schema import assert_valid_sarif

ONLY_S3 = ("--no-builtin", "--policies", str(Path(__file__).parents[2] / "policies/aws/AWS-S3-004"))
# A label that retitles the terminal, rings the bell, and tries to forge a finding on its own line.
HOSTILE = "x\\u001b]0;pwned\\u0007\\nCRITICAL   FORGED-001  everything is fine\\u202e"
FORGED = "CRITICAL   FORGED-001"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain ü text", "plain ü text"),
        ("\x1b[2J", "\\u001b[2J"),
        ("a\nb\r\tc", "a\\u000ab\\u000d\tc"),
        ("\x07\x7f\x9b", "\\u0007\\u007f\\u009b"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        ("lone \ud800", "lone \\ud800"),
    ],
)
def test_escape_line(raw: str, shown: str) -> None:
    assert escape_line(raw) == shown


def test_escape_deep_reaches_keys_and_values() -> None:
    assert escape_deep({"k\n": ["v\x1b", 1]}) == {"k\\u000a": ["v\\u001b", 1]}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("envs/prod/main.tf", "envs/prod/main.tf"),
        ("a b/ü#?.tf", "a%20b/%C3%BC%23%3F.tf"),
        ("c:/x.tf", "c%3A/x.tf"),
        ("100%.tf", "100%25.tf"),
    ],
)
def test_sarif_uri_is_percent_encoded(path: str, uri: str) -> None:
    assert sarif_uri(path) == uri


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "odd dir#1"
    folder.mkdir()
    (folder / "main.tf").write_text(f'resource "aws_s3_bucket" "{HOSTILE}" {{\n  bucket = "b"\n}}\n')
    (folder / "broken.tf").write_text(f'resource "aws_s3_bucket" "y" {{\n  bucket = "{HOSTILE}"\n')
    return folder


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "sarif", "json"])
def test_no_format_lets_control_characters_through(hostile_dir: Path, fmt: str) -> None:
    proc = iacscan("scan", str(hostile_dir), *ONLY_S3, "-f", fmt, "--base-dir", str(hostile_dir.parent))
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out, (fmt, raw)
    assert not any(line.lstrip("|- ").startswith(FORGED) for line in out.splitlines())
    if fmt == "sarif":
        doc = assert_valid_sarif(out)
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in doc["runs"][0]["results"]
        }
        assert uris == {"odd%20dir%231/main.tf"}
    if fmt == "json":  # JSON escapes them itself; the value survives intact for machines
        assert any("\x1b" in f["resource"] for f in json.loads(out)["findings"])
