"""Speed of the end-of-life checks: loading the dated data, and evaluating the AWS-EOL policies.

Run: python benchmarks/bench_eol.py [resources]   (prints figures; not a test)
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.model import Inventory, Origin, Resource
from scanner.policy.engine import evaluate_inventory
from scanner.policy.eol_data import DATA_DIRNAME, load_eol_data
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies

RUNTIMES = ["python3.13", "python3.8", "nodejs22.x", "nodejs12.x", "dotnet8", "java21", "nodejs99.x"]
ENGINES = [
    ("postgres", "16.4"),
    ("mysql", "8.0.39"),
    ("mariadb", "10.5.27"),
    ("aurora-mysql", "5.7.mysql_aurora.2.12.3"),
]


def _inventory(n: int) -> Inventory:
    out = []
    for i in range(n):
        if i % 2:
            attrs = {"runtime": RUNTIMES[i % len(RUNTIMES)], "function_name": f"f{i}"}
            out.append(Resource(f"aws_lambda_function.f{i}", "aws_lambda_function", attrs, Origin.HCL))
        else:
            engine, version = ENGINES[i % len(ENGINES)]
            attrs = {"engine": engine, "engine_version": version, "auto_minor_version_upgrade": False}
            out.append(Resource(f"aws_db_instance.d{i}", "aws_db_instance", attrs, Origin.HCL))
    return Inventory(tuple(out))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    root = builtin_policy_root()
    start = time.perf_counter()
    data = load_eol_data(root / DATA_DIRNAME)
    load_ms = (time.perf_counter() - start) * 1000
    cycles = sum(len(p.cycles) for p in data.products.values())
    print(
        f"eol data: {len(data.products)} products, {cycles} versions, loaded + validated in {load_ms:.1f} ms"
    )
    policies = PolicySet.of(p for p in load_policies([root]) if p.id.startswith("AWS-EOL"))
    inventory = _inventory(n)
    start = time.perf_counter()
    findings = evaluate_inventory(inventory, policies, as_of=date(2026, 11, 27))
    took = time.perf_counter() - start
    print(
        f"{len(policies.policies)} EOL policies over {n} resources: {len(findings)} findings in {took:.2f} s "
        f"({n / took:,.0f} resources/s)"
    )


if __name__ == "__main__":
    main()
