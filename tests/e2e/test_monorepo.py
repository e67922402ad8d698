"""A whole repository through the real `iacscan` process: root modules found, each evaluated once, and
results that know their root (dev and prod both call ../../modules/bucket; only dev turns versioning off).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli import iacscan
from tests.sarif_schema import assert_valid_sarif

FIXTURES = Path(__file__).parent / "fixtures"
DEV, PROD = "infra/envs/dev", "infra/envs/prod"
BUCKET = "module.bucket.aws_s3_bucket.this"


@pytest.fixture
def mono(tmp_path: Path) -> Path:
    root = tmp_path / "mono"
    shutil.copytree(FIXTURES / "monorepo", root)
    (root / ".git").mkdir()  # the configuration search stops here
    cache = root / DEV / ".terraform" / "modules" / "stale"  # git ignores .terraform: made here
    cache.mkdir(parents=True)
    (cache / "main.tf").write_text('resource "aws_s3_bucket" "cached" {\n  bucket = "stale"\n}\n')
    hidden = root / ".github" / "tf"
    hidden.mkdir(parents=True)
    (hidden / "main.tf").write_text('resource "aws_s3_bucket" "hidden" {\n  bucket = "hidden"\n}\n')
    vendored = root / "node_modules" / "some-package"  # vendored JavaScript tooling: never scanned
    vendored.mkdir(parents=True)
    (vendored / "main.tf").write_text('resource "aws_s3_bucket" "vendored" {\n  bucket = "vendored"\n}\n')
    return root


def scan_json(cwd: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    proc = iacscan("scan", *args, "-f", "json", cwd=cwd, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    doc: dict[str, Any] = json.loads(proc.stdout)
    return doc


def fails(doc: dict[str, Any], rule: str) -> list[tuple[str, str]]:
    return sorted(
        (f["root"], f["resource"]) for f in doc["findings"] if f["rule_id"] == rule and f["status"] == "fail"
    )


def test_scan_dot_finds_the_roots_and_keeps_them_apart(mono: Path) -> None:
    doc = scan_json(mono, ".")
    assert doc["inputs"] == [DEV, PROD]
    assert {f["root"] for f in doc["findings"]} == {DEV, PROD}
    assert fails(doc, "AWS-S3-004") == [(DEV, BUCKET)]  # prod's versioning is not dev's
    resources = {f["resource"] for f in doc["findings"]}
    assert not resources & {"aws_s3_bucket.cached", "aws_s3_bucket.vendored", "aws_s3_bucket.hidden"}
    assert doc["summary"]["resources"] == 3  # dev's bucket, prod's bucket and its versioning


def test_a_folder_without_terraform_of_its_own_is_walked(mono: Path) -> None:
    assert fails(scan_json(mono, "infra"), "AWS-S3-004") == [(DEV, BUCKET)]
    proc = iacscan("scan", "docs", cwd=mono)
    assert proc.returncode == 2
    assert "docs: nothing to scan here" in proc.stderr
    proc = iacscan("scan", "missing", cwd=mono)
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0
    assert "missing: no such file or directory" in proc.stderr


def _comparable(doc: dict[str, Any]) -> Any:
    return doc["findings"], doc["notifications"], doc["summary"], doc["inputs"]


def test_same_results_in_any_argument_order_and_with_or_without_the_pool(mono: Path) -> None:
    one = scan_json(mono, DEV, PROD)
    two = scan_json(mono, PROD, DEV)
    assert _comparable(one) == _comparable(two)
    walked = scan_json(mono, "infra", DEV)  # a root reached twice is evaluated once
    assert _comparable(walked) == _comparable(one)
    pooled = scan_json(mono, ".", env={"IACSCAN_WORKERS": "2"})
    serial = scan_json(mono, ".", env={"IACSCAN_WORKERS": "1"})
    assert _comparable(pooled) == _comparable(serial) == _comparable(one)


def test_same_address_in_two_roots_gives_two_fingerprints_and_named_roots(mono: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.sarif"
    proc = iacscan("scan", ".", "-f", "sarif", "-o", str(out), cwd=mono)
    assert proc.returncode == 1, proc.stderr
    doc = assert_valid_sarif(out.read_text())
    results = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "AWS-S3-002"]
    assert sorted(r["properties"]["root"] for r in results) == [DEV, PROD]
    prints = {r["partialFingerprints"]["iacscan/v1"] for r in results}
    assert len(prints) == 2
    names = sorted(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results)
    assert names == [f"{DEV}:{BUCKET}", f"{PROD}:{BUCKET}"]
    text = iacscan("scan", ".", cwd=mono).stdout
    assert f"{DEV}:{BUCKET}" in text and f"{PROD}:{BUCKET}" in text
    markdown = iacscan("scan", ".", "-f", "markdown", cwd=mono).stdout
    assert "| Root |" in markdown and f"`{DEV}`" in markdown
    html = iacscan("scan", ".", "-f", "html", cwd=mono).stdout
    assert "<th>Root</th>" in html
    single = iacscan("scan", DEV, cwd=mono).stdout  # one root: addresses alone
    assert f"{DEV}:" not in single and BUCKET in single


def test_a_baseline_from_one_root_does_not_hide_another(mono: Path) -> None:
    proc = iacscan("baseline", "create", DEV, "-o", "dev.json", cwd=mono)
    assert proc.returncode == 0, proc.stderr
    entries = json.loads((mono / "dev.json").read_text())["entries"]
    assert entries and {e["root"] for e in entries} == {DEV}
    doc = scan_json(mono, ".", "--baseline", "dev.json")
    by_root = {(f["root"], f["status"]) for f in doc["findings"] if f["rule_id"] == "AWS-S3-002"}
    assert by_root == {(DEV, "suppressed"), (PROD, "fail")}
    assert not any("no root" in n["message"] for n in doc["notifications"])


def test_an_old_baseline_without_roots_matches_every_root_with_a_notice(mono: Path) -> None:
    old = {
        "version": 1,
        "entries": [{"rule": "AWS-S3-002", "resource": BUCKET, "attribute": "", "since": "2026-01-02"}],
    }
    (mono / "old.json").write_text(json.dumps(old))
    doc = scan_json(mono, ".", "--baseline", "old.json")
    statuses = {(f["root"], f["status"]) for f in doc["findings"] if f["rule_id"] == "AWS-S3-002"}
    assert statuses == {(DEV, "suppressed"), (PROD, "suppressed")}
    assert any("re-create the baseline" in n["message"] for n in doc["notifications"])
    proc = iacscan("baseline", "update", "-b", "old.json", ".", cwd=mono)
    assert proc.returncode == 0, proc.stderr
    entries = json.loads((mono / "old.json").read_text())["entries"]
    assert sorted((e["root"], e["since"]) for e in entries) == [(DEV, "2026-01-02"), (PROD, "2026-01-02")]


def test_merge_keeps_both_roots(mono: Path) -> None:
    for name, root in (("dev", DEV), ("prod", PROD)):
        proc = iacscan("scan", root, "-f", "sarif", "-o", f"{name}.sarif", cwd=mono)
        assert proc.returncode == 1, proc.stderr
    proc = iacscan("merge", "dev.sarif", "prod.sarif", "dev.sarif", "-o", "all.sarif", cwd=mono)
    assert proc.returncode == 0, proc.stderr
    merged = assert_valid_sarif((mono / "all.sarif").read_text())["runs"][0]["results"]
    singles = [
        r
        for name in ("dev", "prod")
        for r in json.loads((mono / f"{name}.sarif").read_text())["runs"][0]["results"]
    ]
    assert len(merged) == len(singles)
    assert {r["properties"]["root"] for r in merged if r["ruleId"] == "AWS-S3-002"} == {DEV, PROD}
    proc = iacscan("merge", "dev.sarif", "prod.sarif", "-f", "json", cwd=mono)
    roots = {(f["root"], f["rule_id"]) for f in json.loads(proc.stdout)["findings"]}
    assert {(DEV, "AWS-S3-004"), (PROD, "AWS-S3-002")} <= roots
    assert (PROD, "AWS-S3-004") not in roots
    proc = iacscan("baseline", "create", DEV, "-o", "dev.json", cwd=mono)
    proc = iacscan("merge", "dev.sarif", "prod.sarif", "--baseline", "dev.json", "-f", "json", cwd=mono)
    status = {(f["root"], f["status"]) for f in json.loads(proc.stdout)["findings"]}
    assert status == {(DEV, "suppressed"), (PROD, "fail")}


def test_skip_path_and_configured_exclude(mono: Path) -> None:
    doc = scan_json(mono, ".", "--skip-path", "infra/envs/prod")
    assert {f["root"] for f in doc["findings"]} == {DEV}
    assert not doc["notifications"]
    doc = scan_json(mono, ".", "--skip-path", "**/dev/", "--skip-path", "nowhere/*")
    assert {f["root"] for f in doc["findings"]} == {PROD}
    unused = [n for n in doc["notifications"] if n["level"] == "warning"]
    assert [n["message"] for n in unused] == ["skip path 'nowhere/*' matched nothing"]
    (mono / ".iacscan.yaml").write_text("exclude:\n  - infra/envs/dev\n")
    doc = scan_json(mono, ".")
    assert {f["root"] for f in doc["findings"]} == {PROD}
    (mono / ".iacscan.yaml").write_text(
        "skip:\n  - id: AWS-S3-002\n    reason: dev only\n    root: infra/envs/dev\n"
    )
    doc = scan_json(mono, ".")
    by_root = {(f["root"], f["status"]) for f in doc["findings"] if f["rule_id"] == "AWS-S3-002"}
    assert by_root == {(DEV, "suppressed"), (PROD, "fail")}


def test_duplicate_address_in_one_root_is_an_error_naming_both_files(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "duplicate", tmp_path / "dup")
    doc = scan_json(tmp_path, "dup")
    errors = [n["message"] for n in doc["notifications"] if n["level"] == "error"]
    assert len(errors) == 1 and "duplicate address aws_s3_bucket.logs" in errors[0]
    assert "dup/copy.tf:2" in errors[0] and "dup/main.tf:1" in errors[0]
    files = sorted(f["file"] for f in doc["findings"] if f["rule_id"] == "AWS-S3-002")
    assert files == ["dup/copy.tf", "dup/main.tf"]  # both evaluated


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_and_unreadable_folders_are_notifications(mono: Path) -> None:
    (mono / "infra" / "loop").symlink_to(mono / "infra", target_is_directory=True)
    locked = mono / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        doc = scan_json(mono, ".")
    finally:
        locked.chmod(0o755)
    messages = [n["message"] for n in doc["notifications"]]
    assert any(m.startswith("infra/loop: symbolic link loop") for m in messages)
    if os.geteuid() != 0:  # root reads any folder
        assert any(m.startswith("locked: cannot read folder") for m in messages)
    assert fails(doc, "AWS-S3-004") == [(DEV, BUCKET)]
