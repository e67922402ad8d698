"""Load time and peak memory of large Terraform state, plan and Pulumi export files.

    python benchmarks/bench_inputs.py [--resources N]      # 10,000 resources each (the default)
    python benchmarks/bench_inputs.py --mb 60 200          # files of about 60 MB and 200 MB
    python benchmarks/bench_inputs.py --mb 60 --scan       # also a whole `iacscan scan` of each

Builds the files in a temporary folder from the webapp examples' resources (copied with new names and
ids), then loads each in a fresh subprocess and prints wall time, tracemalloc peak and max RSS, next
to a plain ``json.loads`` of the same text for scale. With ``--scan``, also the max RSS of a whole
``iacscan scan FILE -f sarif -o ...`` run and its ratio to the file size (the bound is 10x).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "stacks" / "terraform" / "webapp"
PULUMI = ROOT / "stacks" / "pulumi" / "webapp" / "stack-export.json"

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
    if kind == "pulumi":
        from scanner.sources.detect import load_input
        return len(load_input(str(path), base_dir=path.parent).resources)
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


def make_pulumi(count: int) -> dict[str, object]:
    """A Pulumi stack export with ``count`` custom resources copied from the webapp example."""
    base = json.loads(PULUMI.read_text())
    deployment = base["deployment"]
    templates = [r for r in deployment["resources"] if r.get("custom") and r.get("id")]
    resources = [r for r in deployment["resources"] if not r.get("custom")]
    copy_no = 0
    while len(resources) < count:
        for tmpl in templates:
            entry = _rename(copy.deepcopy(tmpl), "webapp", f"webapp{copy_no}")
            resources.append(entry)  # type: ignore[arg-type]
        copy_no += 1
    deployment["resources"] = resources[:count]
    return base  # type: ignore[no-any-return]


def _per_resource_bytes(kind: str) -> float:
    sample = 500
    if kind == "pulumi":
        return len(json.dumps(make_pulumi(sample), indent=2)) / sample
    state = make_state(sample)
    if kind == "state":
        return len(json.dumps(state, indent=2)) / sample
    return len(json.dumps(make_plan(state), separators=(",", ":"))) / sample


def write_input(kind: str, folder: Path, resources: int) -> Path:
    if kind == "pulumi":
        path = folder / "stack-export.json"
        path.write_text(json.dumps(make_pulumi(resources), indent=2))
        return path
    state = make_state(resources)
    if kind == "state":
        path = folder / "terraform.tfstate"
        path.write_text(json.dumps(state, indent=2))  # indented, as Terraform writes state
        return path
    path = folder / "plan.json"
    path.write_text(json.dumps(make_plan(state), separators=(",", ":")))  # one line, as `show -json`
    return path


def scan_rss_mb(path: Path) -> tuple[float, float]:
    """Wall time and max RSS (MB) of a whole `iacscan scan` of ``path`` in a child process."""
    argv = [sys.executable, "-m", "scanner", "scan", str(path), "-f", "sarif", "-o", str(path) + ".sarif"]
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest of all children
    child.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss / 1024


REPEAT = 3


def measure(kind: str, path: Path, traced: bool = False, repeat: int = REPEAT) -> dict[str, float]:
    """One load in a fresh interpreter; the best time of ``REPEAT`` runs (the machine may be shared)."""
    code = _MEASURE.format(root=str(ROOT))
    runs = []
    for _ in range(1 if traced else repeat):
        argv = [sys.executable, "-c", code, kind, str(path), "traced" if traced else "timed"]
        out = subprocess.run(argv, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    best: dict[str, float] = min(runs, key=lambda r: r["seconds"])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--mb", type=float, nargs="*", help="Build files of about these sizes (MB) instead.")
    parser.add_argument(
        "--scan", action="store_true", help="Also measure a whole `iacscan scan` of each file."
    )
    parser.add_argument("--kinds", nargs="*", default=["state", "plan", "pulumi"])
    parser.add_argument("--repeat", type=int, default=REPEAT, help="Timed runs per load (the best is shown).")
    args = parser.parse_args()
    print(f"{'input':<8}{'resources':>10}{'size MB':>9}{'json.loads s':>13}{'load s':>8}"
          f"{'peak MB':>9}{'RSS MB':>8}{'scan s':>8}{'scan RSS MB':>12}{'x size':>7}")  # fmt: skip
    for kind in args.kinds:
        counts = [args.resources]
        if args.mb:
            per = _per_resource_bytes(kind)
            counts = [int(mb * 2**20 / per) for mb in args.mb]
        for count in counts:
            with tempfile.TemporaryDirectory() as tmp:  # one file at a time: 200 MB inputs are big
                path = write_input(kind, Path(tmp), count)
                raw = measure("json", path, repeat=args.repeat)
                got = measure(kind, path, repeat=args.repeat)
                got["peak_mb"] = measure(kind, path, traced=True)["peak_mb"]
                size = path.stat().st_size / 2**20
                scan_s, scan_rss = scan_rss_mb(path) if args.scan else (0.0, 0.0)
                ratio = scan_rss / size if args.scan else 0.0
                print(f"{kind:<8}{int(got['n']):>10}{size:>9.1f}{raw['seconds']:>13.2f}{got['seconds']:>8.2f}"
                      f"{got['peak_mb']:>9.0f}{got['rss_mb']:>8.0f}{scan_s:>8.1f}{scan_rss:>12.0f}"
                      f"{ratio:>7.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
