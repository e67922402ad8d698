"""Running policies against their own fixtures: ``pass*.tf`` must pass, ``fail*.tf`` must fail,
``unknown*.tf`` must be undecided. Used by ``iacscan policies test`` and by the project's guard test.

Fixtures sit beside the policy file (``<dir>/<ID>/<ID>.yaml`` with ``pass.tf``, ``fail.tf``, …). Each
fixture file is scanned on its own, as a one-file root module.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from scanner.model import Inventory, Origin, Status
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet
from scanner.policy.model import Policy

EXPECT = {"pass": Status.PASS, "fail": Status.FAIL, "unknown": Status.UNKNOWN}


@dataclass(frozen=True, slots=True)
class FixtureResult:
    policy_id: str
    fixture: str
    expected: str
    ok: bool
    detail: str


@dataclass(slots=True)
class PolicyTestReport:
    results: list[FixtureResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def fixtures_of(policy: Policy) -> list[tuple[str, Path]]:
    """(expected outcome, file) pairs beside the policy file."""
    folder = Path(policy.path).parent
    out = []
    for path in sorted(folder.glob("*.tf")) + sorted(folder.glob("*.tf.json")):
        kind = path.name.split(".")[0].split("_")[0].split("-")[0]
        if kind in EXPECT:
            out.append((kind, path))
    return out


def load_fixture(path: Path, workdir: Path) -> Inventory:
    from scanner.sources.terraform_hcl import load_terraform_dir

    root = workdir / path.name.replace(".", "_")
    root.mkdir()
    shutil.copy(path, root / path.name)
    inventory = load_terraform_dir(root, base_dir=workdir)
    origin = fixture_directives(path).get("origin")
    if origin is None:
        return inventory
    # A fixture standing in for another source (``# origin: live``) for policies limited to it.
    resources = tuple(replace(r, origin=Origin(origin)) for r in inventory.resources)
    return replace(inventory, resources=resources)


_DIRECTIVE = re.compile(r"\s*(?:#|//)\s*(as-of|origin):\s*(\S+)\s*$")


def fixture_directives(path: Path) -> dict[str, str]:
    """``# as-of: YYYY-MM-DD`` and ``# origin: live`` in a fixture's leading comment lines."""
    out: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                match = _DIRECTIVE.match(line)
                if match is None:
                    break
                out[match.group(1)] = match.group(2)
    except OSError:
        return {}
    return out


def fixture_as_of(path: Path) -> date | None:
    """A fixture's evaluation date (date-based policies), from ``# as-of: YYYY-MM-DD``."""
    value = fixture_directives(path).get("as-of")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def check_fixture(
    policy: Policy, expected: str, inventory: Inventory, name: str, as_of: date | None = None
) -> FixtureResult:
    statuses = [
        f.status
        for f in evaluate_inventory(inventory, PolicySet.of([policy]), as_of=as_of)
        if f.rule_id == policy.id
    ]
    want = EXPECT[expected]
    if not statuses:
        return FixtureResult(policy.id, name, expected, False, "no resource the policy applies to")
    if want is Status.FAIL:
        ok = Status.FAIL in statuses
    elif want is Status.PASS:
        ok = Status.FAIL not in statuses and Status.UNKNOWN not in statuses
    else:
        ok = Status.FAIL not in statuses and Status.UNKNOWN in statuses
    got = ", ".join(sorted({s.value for s in statuses}))
    return FixtureResult(policy.id, name, expected, ok, f"expected {expected}, got {got}")


def run_policy_tests(policies: Sequence[Policy]) -> PolicyTestReport:
    report = PolicyTestReport()
    with tempfile.TemporaryDirectory(prefix="iacscan-policy-test-") as tmp:
        workdir = Path(tmp)
        for policy in policies:
            fixtures = fixtures_of(policy)
            if not any(k == "pass" for k, _ in fixtures) or not any(k == "fail" for k, _ in fixtures):
                report.results.append(
                    FixtureResult(policy.id, "-", "pass+fail", False, "needs pass.tf and fail.tf fixtures")
                )
            folder = workdir / policy.id  # fixture names repeat across policies
            folder.mkdir(exist_ok=True)
            for kind, path in fixtures:
                inventory = load_fixture(path, folder)
                report.results.append(check_fixture(policy, kind, inventory, path.name, fixture_as_of(path)))
    return report
