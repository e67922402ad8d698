"""Load time and peak memory of 10,000-resource Terraform state and plan files.

    python benchmarks/bench_inputs.py [--resources N]

Builds the files from the webapp example's resources (copied with new names and ids), then loads
each in a fresh subprocess and prints wall time, tracemalloc peak and max RSS, next to a plain
``json.loads`` of the same text for scale.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "stacks" / "terraform" / "webapp"

_MEASURE = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
sys.path.insert(0, {root!r})
kind, path, traced = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "traced"


def load():
    if kind == "json":
        return len(json.loads(path.read_text()).get("resources") or [])
    if kind == "state":
        from scanner.sources.terraform_state import load_state
        return len(load_state(path, base_dir=path.parent).resources)
    from scanner.sources.terraform_plan import load_plan
    return len(load_plan(path, base_dir=path.parent).resources)


if traced:  # tracemalloc slows allocation down: memory is measured in a run of its own
    tracemalloc.start()
start = time.perf_counter()
n = load()
elapsed = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if traced else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"n": n, "seconds": elapsed, "peak_mb": peak / 2**20, "rss_mb": rss / 1024}}))
"""


def _rename(value: object, old: str, new: str) -> object:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_rename(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v, old, new) for k, v in value.items()}
    return value


def make_state(count: int) -> dict[str, object]:
    base = json.loads((STACK / "terraform.tfstate").read_text())
    templates = [r for r in base["resources"] if r["mode"] == "managed"]
    resources: list[object] = [r for r in base["resources"] if r["mode"] == "data"]
    made, copy_no = 0, 0
    while made < count:
        for tmpl in templates:
            if made >= count:
                break
            entry = copy.deepcopy(tmpl)
            entry["name"] = f"{tmpl['name']}_{copy_no}"
            entry["instances"] = [
                _rename(inst, "webapp-staging", f"webapp-{copy_no}")
                for inst in entry["instances"][: count - made]
            ]
            made += len(entry["instances"])
            resources.append(entry)
        copy_no += 1
    base["resources"] = resources
    return base


def make_plan(state: dict[str, object]) -> dict[str, object]:
    """A plan that updates every resource of ``state`` (after = before with one tag changed)."""
    changes: list[object] = []
    planned: list[object] = []
    children: dict[str, list[object]] = {}
    for entry in state["resources"]:  # type: ignore[attr-defined]
        if entry["mode"] != "managed":
            continue
        module = entry.get("module", "")
        for inst in entry["instances"]:
            idx = inst.get("index_key")
            suffix = "" if idx is None else (f"[{idx}]" if isinstance(idx, int) else f'["{idx}"]')
            address = f"{module + '.' if module else ''}{entry['type']}.{entry['name']}{suffix}"
            after = dict(inst["attributes"])
            sensitive = {p[0]["value"]: True for p in inst["sensitive_attributes"]}
            unknown = {"arn": True} if "arn" in after else {}
            after.pop("arn", None)
            rc = {
                "address": address,
                "mode": "managed",
                "type": entry["type"],
                "name": entry["name"],
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {
                    "actions": ["update"],
                    "before": inst["attributes"],
                    "after": after,
                    "after_unknown": unknown,
                    "before_sensitive": sensitive,
                    "after_sensitive": sensitive,
                },
            }
            if module:
                rc["module_address"] = module
            if idx is not None:
                rc["index"] = idx
            changes.append(rc)
            pv = {
                "address": address,
                "mode": "managed",
                "type": entry["type"],
                "name": entry["name"],
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "schema_version": 0,
                "values": after,
                "sensitive_values": sensitive,
            }
            (children.setdefault(module, []) if module else planned).append(pv)
    return {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": {"root_module": {
            "resources": planned,
            "child_modules": [{"address": m, "resources": r} for m, r in sorted(children.items())],
        }},
        "resource_changes": changes,
        "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": []}}},
    }  # fmt: skip


REPEAT = 3


def measure(kind: str, path: Path, traced: bool = False) -> dict[str, float]:
    """One load in a fresh interpreter; the best time of ``REPEAT`` runs (the machine may be shared)."""
    code = _MEASURE.format(root=str(ROOT))
    runs = []
    for _ in range(1 if traced else REPEAT):
        argv = [sys.executable, "-c", code, kind, str(path), "traced" if traced else "timed"]
        out = subprocess.run(argv, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    best: dict[str, float] = min(runs, key=lambda r: r["seconds"])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        state = make_state(args.resources)
        state_path = Path(tmp) / "terraform.tfstate"
        state_path.write_text(json.dumps(state, indent=2))  # indented, as Terraform writes state
        plan_path = Path(tmp) / "plan.json"
        plan_path.write_text(json.dumps(make_plan(state), separators=(",", ":")))  # one line, as `show -json`
        print(f"{'input':<10}{'resources':>10}{'size MB':>10}{'json.loads s':>14}{'load s':>9}"
              f"{'peak MB':>10}{'max RSS MB':>12}")  # fmt: skip
        for kind, path in (("state", state_path), ("plan", plan_path)):
            raw = measure("json", path)
            got = measure(kind, path)
            got["peak_mb"] = measure(kind, path, traced=True)["peak_mb"]
            size = path.stat().st_size / 2**20
            print(f"{kind:<10}{int(got['n']):>10}{size:>10.1f}{raw['seconds']:>14.2f}{got['seconds']:>9.2f}"
                  f"{got['peak_mb']:>10.0f}{got['rss_mb']:>12.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
