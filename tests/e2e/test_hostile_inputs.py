"""Hostile and broken inputs through the real `iacscan` process: each costs its own file, never the
scan, the report or the other files' findings; no traceback; exit 2 only when nothing could be read
(or with --strict-inputs)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.cli import iacscan
from tests.sarif_schema import assert_valid_sarif

ONLY_S3 = ("--no-builtin", "--policies", str(Path(__file__).parents[2] / "policies/aws/AWS-S3-004"))
GOOD = 'resource "aws_s3_bucket" "good" {\n  bucket = "good-bucket"\n}\n'


def _latin1(d: Path) -> None:
    (d / "bad.tf").write_bytes('resource "aws_s3_bucket" "b" {\n  bucket = "caf\xe9"\n}\n'.encode("latin-1"))


def _big_escape(d: Path) -> None:
    (d / "bad.tf").write_text('locals {\n  x = "\\U00110000"\n}\n')


def _deep_tf_json(d: Path) -> None:
    (d / "bad.tf.json").write_text('{"locals": {"x": ' + "[" * 20000 + "]" * 20000 + "}}")


def _big_int_json(d: Path) -> None:
    (d / "bad.tf.json").write_text('{"locals": {"x": ' + "9" * 4301 + "}}")


def _big_int_hcl(d: Path) -> None:
    (d / "bad.tf").write_text("locals {\n  x = " + "9" * 5000 + "\n}\n")


def _deep_tfvars(d: Path) -> None:
    (d / "terraform.tfvars").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    (d / "vars.tf").write_text('variable "x" {}\n')


def _symlink_loop(d: Path) -> None:
    (d / "mod.tf").write_text('module "m" {\n  source = "./loop/a"\n}\n')
    (d / "loop").mkdir()
    os.symlink("b", d / "loop" / "a")
    os.symlink("a", d / "loop" / "b")


def _huge_count(d: Path) -> None:
    (d / "c.tf").write_text('resource "aws_s3_bucket" "many" {\n  count  = 1000000000\n  bucket = "x"\n}\n')


def _formatlist(d: Path) -> None:
    (d / "c.tf").write_text(
        'locals {\n  x = formatlist("%99999999s", range(100))\n}\n'
        'resource "aws_s3_bucket" "f" {\n  bucket = join(",", local.x)\n}\n'
    )


def _nested_jsonencode(d: Path) -> None:
    expr = "jsonencode(" * 2000 + '"a"' + ")" * 2000
    (d / "c.tf").write_text(f'resource "aws_s3_bucket" "j" {{\n  bucket = {expr}\n}}\n')


def _doubling_locals(d: Path) -> None:
    body = "".join(f'  s{i + 1} = "${{local.s{i}}}${{local.s{i}}}"\n' for i in range(60))
    (d / "c.tf").write_text(
        f'locals {{\n  s0 = "ab"\n{body}}}\nresource "aws_s3_bucket" "d" {{\n  bucket = local.s60\n}}\n'
    )


def _nested_for(d: Path) -> None:
    (d / "c.tf").write_text(
        "locals {\n  x = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]\n}\n"
        'resource "aws_s3_bucket" "n" {\n  bucket = length(local.x)\n}\n'
    )


def _module_diamond(d: Path) -> None:
    (d / "main.tf").write_text('module "m" {\n  source = "./m0"\n}\n')
    for i in range(24):
        calls = "" if i == 23 else "".join(f'module "{n}" {{\n  source = "../m{i + 1}"\n}}\n' for n in "ab")
        (d / f"m{i}").mkdir()
        (d / f"m{i}" / "main.tf").write_text(
            calls + f'resource "aws_s3_bucket" "x" {{\n  bucket = "b{i}"\n}}\n'
        )


PROBES: dict[str, Callable[[Path], None]] = {
    "latin1": _latin1,
    "escape-over-unicode": _big_escape,
    "tf-json-20000-deep": _deep_tf_json,
    "tf-json-4301-digits": _big_int_json,
    "hcl-5000-digits": _big_int_hcl,
    "tfvars-5000-deep": _deep_tfvars,
    "symlink-loop": _symlink_loop,
    "count-1e9": _huge_count,
    "formatlist-width": _formatlist,
    "jsonencode-2000": _nested_jsonencode,
    "doubling-locals": _doubling_locals,
    "nested-for": _nested_for,
    "module-diamond-24": _module_diamond,
}


def _findings(doc: dict[str, object]) -> set[str]:
    return {r["properties"]["resource"] for r in doc["runs"][0]["results"]}  # type: ignore[index]


_SLOW_PROBES = {"nested-for", "module-diamond-24"}  # seconds of CPU each, up to their bounds


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in _SLOW_PROBES else n for n in sorted(PROBES)],
)
def test_probe_costs_only_itself(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "root"
    folder.mkdir()
    (folder / "good.tf").write_text(GOOD)
    PROBES[name](folder)
    out = tmp_path / "out.sarif"
    proc = iacscan("scan", str(folder), *ONLY_S3, "-f", "sarif", "-o", str(out), "--base-dir", str(tmp_path))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr  # the good bucket's finding decides the exit code
    doc = assert_valid_sarif(out.read_text())
    assert "aws_s3_bucket.good" in _findings(doc)


def test_the_probes_say_why(tmp_path: Path) -> None:
    names = ("latin1", "tf-json-20000-deep", "count-1e9", "tf-json-4301-digits")
    for name in names:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "good.tf").write_text(GOOD)
        PROBES[name](folder)
    folders = [str(tmp_path / name) for name in names]
    proc = iacscan("scan", *folders, *ONLY_S3, "-f", "json", "--base-dir", str(tmp_path))
    notes = [n["message"] for n in json.loads(proc.stdout)["notifications"]]
    assert any(m.startswith("latin1/bad.tf:2: file is not valid UTF-8") for m in notes), notes
    assert any(m.startswith("tf-json-20000-deep/bad.tf.json:1: JSON nested deeper") for m in notes), notes
    assert any("count = 1000000000 is over the 10,000 instances" in m for m in notes), notes
    assert any(m.startswith("tf-json-4301-digits/bad.tf.json:1: invalid JSON") for m in notes), notes


def _plan_change(actions: object) -> dict[str, object]:
    return {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": "aws_s3_bucket.x",
                "mode": "managed",
                "type": "aws_s3_bucket",
                "name": "x",
                "change": {"actions": actions, "after": {"bucket": "x"}},
            }
        ],
    }


def test_broken_json_inputs_beside_a_good_folder(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "main.tf").write_text(GOOD)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan_change([[]])))
    state = tmp_path / "state.json"
    state.write_text(
        '{"version": 4, "terraform_version": "1.9.0", "lineage": "l", "resources": [{"mode": "managed", '
        '"type": "aws_s3_bucket", "name": "\\ud800", "instances": [{"attributes": {"bucket": "s"}}]}]}'
    )
    digits = tmp_path / "digits.json"
    digits.write_text('{"version": 4, "terraform_version": "1.9.0", "x": ' + "9" * 5000 + "}")
    args = (
        str(good),
        str(plan),
        str(state),
        str(digits),
        *ONLY_S3,
        "-f",
        "sarif",
        "--base-dir",
        str(tmp_path),
    )
    proc = iacscan("scan", *args)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    doc = assert_valid_sarif(proc.stdout)
    assert {"aws_s3_bucket.good", "aws_s3_bucket.x"} <= _findings(doc)
    assert "aws_s3_bucket.\\ud800" in _findings(doc)  # a lone surrogate, shown as an escape
    assert "digits.json" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_strict_inputs_exits_2_after_writing_the_report(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(GOOD)
    _latin1(tmp_path)
    out = tmp_path / "out.json"
    proc = iacscan("scan", str(tmp_path), *ONLY_S3, "-f", "json", "-o", str(out), "--strict-inputs")
    assert proc.returncode == 2
    assert "not valid UTF-8" in proc.stderr and "--strict-inputs" in proc.stderr
    assert json.loads(out.read_text())["findings"]


def test_every_input_failing_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    out = tmp_path / "out.json"
    proc = iacscan("scan", str(bad), *ONLY_S3, "-f", "json", "-o", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "bad.json:1: invalid JSON" in proc.stderr
    assert json.loads(out.read_text())["notifications"]  # the report is still written


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-be"])
def test_plan_written_by_powershell_is_read(tmp_path: Path, encoding: str) -> None:
    plan = tmp_path / "plan.json"
    plan.write_bytes(json.dumps(_plan_change(["create"])).encode(encoding))
    if encoding == "utf-16-be":  # no BOM: recognised by its zero bytes
        plan.write_bytes(json.dumps(_plan_change(["create"])).encode("utf-16-be"))
    proc = iacscan("scan", str(plan), *ONLY_S3, "-f", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["resource"] == "aws_s3_bucket.x"


def test_plan_without_format_version_is_read_with_a_notice(tmp_path: Path) -> None:
    data = _plan_change(["create"])
    del data["format_version"]
    plan = tmp_path / "trimmed.json"
    plan.write_text(json.dumps(data))
    proc = iacscan("scan", str(plan), *ONLY_S3, "-f", "json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["findings"][0]["resource"] == "aws_s3_bucket.x"
    assert any("no format_version" in n["message"] for n in doc["notifications"])
