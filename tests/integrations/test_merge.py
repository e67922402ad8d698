"""`iacscan merge`: one run, rules once, results de-duplicated by fingerprint, valid against the schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.integrations.conftest import FIXTURES, SARIF_SCHEMA, run_iacscan


def _valid(doc: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(doc)


@pytest.mark.slow
def test_merge_policy_and_drift_runs(repo: Path) -> None:
    shutil.copy(FIXTURES / "drift.sarif", repo / "drift.sarif")
    assert run_iacscan(["scan", "bad", "-f", "sarif", "-o", "a.sarif"], repo).returncode == 1
    assert run_iacscan(["scan", "bad", "good", "-f", "sarif", "-o", "b.sarif"], repo).returncode == 1
    done = run_iacscan(
        [
            "merge",
            "a.sarif",
            "b.sarif",
            "drift.sarif",
            "drift.sarif",
            "-o",
            "all.sarif",
            "--category",
            "nightly",
        ],
        repo,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads((repo / "all.sarif").read_text())
    _valid(doc)
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    assert run["automationDetails"] == {"id": "nightly/"}
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(set(rule_ids)) and {"DRIFT-CHANGED", "AWS-EC2-001"} <= set(rule_ids)
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    prints = [json.dumps(r["partialFingerprints"], sort_keys=True) for r in run["results"]]
    assert len(prints) == len(set(prints))
    assert sorted(r["ruleId"] for r in run["results"]) == ["AWS-EC2-001", "DRIFT-CHANGED", "DRIFT-UNMANAGED"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes].count("lambda: AccessDenied in eu-west-1") == 1


def test_merged_reports_render(repo: Path) -> None:
    shutil.copy(FIXTURES / "drift.sarif", repo / "drift.sarif")
    run_iacscan(["scan", "bad", "-f", "sarif", "-o", "a.sarif"], repo)
    done = run_iacscan(["merge", "a.sarif", "drift.sarif", "-f", "markdown"], repo)
    assert done.returncode == 0, done.stderr
    assert "### Drift" in done.stdout and "versioning.enabled" in done.stdout
    assert "AWS-EC2-001" in done.stdout and "passed" not in done.stdout  # SARIF holds no passes
    assert "<script>" not in done.stdout
    done = run_iacscan(["merge", "a.sarif", "drift.sarif", "-f", "html"], repo)
    assert done.returncode == 0 and "<script>alert" not in done.stdout


def test_not_sarif_is_a_clear_error(repo: Path) -> None:
    (repo / "x.sarif").write_text("[]")
    done = run_iacscan(["merge", "x.sarif"], repo)
    assert done.returncode == 2 and "x.sarif: not a SARIF log" in done.stderr
