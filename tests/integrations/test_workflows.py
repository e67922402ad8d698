"""Workflows and action.yml checked by actionlint and by GitHub's action metadata rules (our JSON schema)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.integrations.conftest import ROOT, git

ACTIONLINT = shutil.which("actionlint")
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMA = json.loads((Path(__file__).parent / "data" / "action-metadata.schema.json").read_text())
needs_actionlint = pytest.mark.skipif(ACTIONLINT is None, reason="actionlint is not installed (dev extra)")


def _actionlint(cwd: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    cmd = [str(ACTIONLINT), "-no-color", "-oneline", *(str(f.relative_to(cwd)) for f in files)]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_the_three_workflows_exist() -> None:
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "nightly-audit.yml", "scan.yml"]


@needs_actionlint
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    done = _actionlint(ROOT, workflow)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_actionlint
def test_actionlint_checks_action_yml_through_the_workflow_that_uses_it(tmp_path: Path) -> None:
    """scan.yml uses `./`: actionlint reads action.yml, so a broken action fails the lint."""
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    git(repo, "init", "-q")
    shutil.copy(ROOT / ".github" / "workflows" / "scan.yml", repo / ".github" / "workflows" / "scan.yml")
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    broken = copy.deepcopy(action)
    step = next(s for s in broken["runs"]["steps"] if "run" in s)
    del step["shell"]
    (repo / "action.yml").write_text(yaml.safe_dump(broken, sort_keys=False))
    done = _actionlint(repo, repo / ".github" / "workflows" / "scan.yml")
    assert done.returncode == 1 and 'requires "shell" key' in done.stdout, done.stdout
    (repo / "action.yml").write_text((ROOT / "action.yml").read_text())
    wrong_input = (repo / ".github" / "workflows" / "scan.yml").read_text().replace("category:", "categori:")
    (repo / ".github" / "workflows" / "scan.yml").write_text(wrong_input)
    done = _actionlint(repo, repo / ".github" / "workflows" / "scan.yml")
    assert done.returncode == 1 and 'input "categori" is not defined' in done.stdout, done.stdout


def _action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text())  # type: ignore[no-any-return]


def test_action_yml_follows_the_metadata_rules() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.Draft7Validator(SCHEMA).validate(_action())


@pytest.mark.parametrize(
    "breakage", ["no-shell", "output-without-value", "input-without-description", "bad-color", "unknown-key"]
)
def test_the_metadata_schema_rejects_what_github_rejects(breakage: str) -> None:
    action = _action()
    if breakage == "no-shell":
        del next(s for s in action["runs"]["steps"] if "run" in s)["shell"]
    elif breakage == "output-without-value":
        del action["outputs"]["sarif-file"]["value"]
    elif breakage == "input-without-description":
        del action["inputs"]["paths"]["description"]
    elif breakage == "bad-color":
        action["branding"]["color"] = "pink"
    else:
        action["runs"]["steps"][0]["timeout"] = 5
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(action))
    assert errors, breakage


def test_action_inputs_and_outputs_named_in_the_issue() -> None:
    action = _action()
    assert {
        "paths",
        "fail-on",
        "framework",
        "var-files",
        "baseline",
        "policy-dirs",
        "drift-source",
        "category",
        "upload-sarif",
    } <= set(action["inputs"])
    assert action["inputs"]["upload-sarif"]["default"] == "true"
    assert {"sarif-file", "critical", "high", "medium", "low", "drift"} <= set(action["outputs"])
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert "github/codeql-action/upload-sarif@v3" in uses
    install = next(s["run"] for s in action["runs"]["steps"] if "pip install" in s.get("run", ""))
    assert '"${{ github.action_path }}"' in install


def test_pre_commit_hook_definition_is_valid() -> None:
    """pre-commit's own schema check of .pre-commit-hooks.yaml (the try-repo test runs it for real)."""
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["iacscan"]


@needs_actionlint
def test_the_readme_workflow_passes_actionlint(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Running in CI, pre-commit and nightly", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    git(tmp_path, "init", "-q")
    workflow = tmp_path / ".github" / "workflows" / "iacscan.yml"
    workflow.write_text(block)
    assert "uses: iacscan/iacscan@" in block
    done = _actionlint(tmp_path, workflow)
    assert done.returncode == 0, done.stdout + done.stderr
