"""Guard test over the shipped library: every policy validates, has fixtures, fails and passes on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scanner.policy.frameworks import load_frameworks
from scanner.policy.loader import builtin_policy_root, load_policies, policy_files
from scanner.policy.model import Policy
from scanner.policy.testing import check_fixture, fixture_as_of, fixtures_of, load_fixture

ROOT = builtin_policy_root()
POLICIES = load_policies([ROOT])
BY_ID = {p.id: p for p in POLICIES}


def test_library_loads_with_unique_ids_matching_file_names() -> None:
    files = policy_files(ROOT)
    assert len(files) == len(POLICIES) == len(BY_ID)
    for path in files:
        assert path.stem == path.parent.name, f"{path}: one policy per folder named by its id"


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.id)
def test_policy_has_documentation(policy: Policy) -> None:
    assert "```hcl" in policy.remediation, f"{policy.id}: remediation needs a Terraform snippet"
    assert policy.references, f"{policy.id}: needs a reference URL"
    assert re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+-\d{3}", policy.id)


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.id)
def test_policy_fixtures(policy: Policy, tmp_path: Path) -> None:
    fixtures = fixtures_of(policy)
    kinds = {kind for kind, _ in fixtures}
    assert {"pass", "fail"} <= kinds, f"{policy.id}: needs pass.tf and fail.tf"
    for kind, path in fixtures:
        inventory = load_fixture(path, tmp_path)
        result = check_fixture(policy, kind, inventory, path.name, fixture_as_of(path))
        assert result.ok, f"{policy.id} {path.name}: {result.detail}"


def test_framework_files_name_only_existing_policies() -> None:
    frameworks = load_frameworks([ROOT])
    assert "cis-aws-foundations" in frameworks
    for fw in frameworks.values():
        for control in fw.controls:
            for pid in control.policies:
                assert pid in BY_ID, f"{fw.path}: control {control.id} names unknown policy {pid}"
