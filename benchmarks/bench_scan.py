"""Scan speed of the Terraform HCL source against the tree-sitter floor.

    python benchmarks/bench_scan.py N [--keep DIR]
    python benchmarks/bench_scan.py N --roots R [--keep DIR]     # whole-tree mode, generated
    python benchmarks/bench_scan.py --tree DIR                    # whole-tree mode, an existing tree

Whole-tree mode scans ONE folder argument holding many root modules (``iacscan scan DIR``): with
``--roots R`` it generates R roots of N/R resources each under ``envs/``, every root also calling two
shared local modules (parsed once per run however many roots call them); with ``--tree`` it scans a
tree you give (e.g. real public modules with their examples). It prints the floor (tree-sitter
parsing and walking every ``.tf`` file of the tree once), the wall time and peak memory of the full
``iacscan scan`` process (RSS of the process and its children together, sampled) and their ratio.

Generates a synthetic root module of N resources (~100 per file: S3 buckets, security groups with
ingress blocks, RDS instances, EC2 instances, IAM policies with jsonencode), then prints:
the floor (tree-sitter alone parsing and walking every node of every file), the time of
``load_terraform_dir`` alone, and the wall time and peak RSS of a full ``python -m scanner scan`` run
in a subprocess, with resources per second and ratios to the floor. On a shared machine the floor and
the loader are each run ``--repeat`` times (default 3) and the best time is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PER_FILE = 100

_TEMPLATES = [
    """resource "aws_s3_bucket" "b{i}" {{
  bucket = "${{local.prefix}}-bucket-{i}"
  tags   = merge(local.tags, {{ Index = "{i}" }})
}}

resource "aws_s3_bucket_versioning" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  versioning_configuration {{
    status = {i} % 2 == 0 ? "Enabled" : "Suspended"
  }}
}}
""",
    """resource "aws_security_group" "sg{i}" {{
  name        = "sg-{i}"
  description = "generated group {i}"
  vpc_id      = var.vpc_id

  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}

  ingress {{
    from_port   = {port}
    to_port     = {port}
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}
""",
    """resource "aws_db_instance" "db{i}" {{
  identifier          = "db-{i}"
  engine              = "postgres"
  engine_version      = "15.{minor}"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin{i}"
  password            = var.db_password
  storage_encrypted   = {enc}
  publicly_accessible = false
  skip_final_snapshot = true
}}
""",
    """resource "aws_instance" "vm{i}" {{
  ami           = var.ami
  instance_type = "t3.micro"
  subnet_id     = var.subnet_ids[{i} % length(var.subnet_ids)]

  metadata_options {{
    http_tokens   = "required"
    http_endpoint = "enabled"
  }}

  root_block_device {{
    encrypted   = true
    volume_size = 20
  }}

  tags = {{ Name = "vm-{i}" }}
}}
""",
    """resource "aws_iam_policy" "p{i}" {{
  name = "policy-{i}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::bucket-{i}/*"
    }}]
  }})
}}
""",
]

_COMMON = """variable "vpc_id" {
  default = "vpc-123456"
}

variable "vpc_cidr" {
  default = "10.0.0.0/16"
}

variable "ami" {
  default = "ami-12345678"
}

variable "subnet_ids" {
  default = ["subnet-a", "subnet-b"]
}

variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  prefix = "bench"
  tags   = { Project = "bench", Owner = "perf" }
}
"""


def generate(directory: Path, n: int) -> int:
    """Write N resources (counting an S3 bucket with its versioning as two) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "common.tf").write_text(_COMMON)
    written = 0
    file_no = 0
    while written < n:
        chunks: list[str] = []
        in_file = 0
        while in_file < PER_FILE and written < n:
            i = written
            tpl = _TEMPLATES[i % len(_TEMPLATES)]
            chunks.append(tpl.format(i=i, port=8000 + i % 100, minor=i % 7, enc="true" if i % 3 else "false"))
            count = 2 if tpl is _TEMPLATES[0] else 1
            written += count
            in_file += count
        (directory / f"generated_{file_no:04d}.tf").write_text("\n".join(chunks))
        file_no += 1
    return written


def floor_seconds(directory: Path, recursive: bool = False) -> tuple[float, float, int]:
    """(wall, CPU, nodes) of tree-sitter alone reading, parsing and walking every file."""
    from scanner.sources.terraform_hcl.syntax import walk_floor

    files = tree_files(directory) if recursive else sorted(directory.glob("*.tf"))
    start, cpu = time.perf_counter(), time.process_time()
    nodes = 0
    for f in files:
        nodes += walk_floor(f.read_bytes())
    return time.perf_counter() - start, time.process_time() - cpu, nodes


_SHARED_BUCKET = """variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

output "id" {
  value = aws_s3_bucket.this.id
}
"""

_SHARED_TAGS = """variable "env" {
  type = string
}

output "tags" {
  value = { Environment = var.env, Project = "bench" }
}
"""

_CALLS = """module "tags" {
  source = "../../modules/tags"
  env    = "{name}"
}

module "logs" {
  source = "../../modules/bucket"
  name   = "bench-{name}-logs"
  tags   = module.tags.tags
}
"""


def tree_files(directory: Path) -> list[Path]:
    """Every .tf file of the tree, as discovery sees it (hidden folders and .terraform left out)."""
    skip = {".terraform", ".git", "node_modules"}
    out: list[Path] = []
    for folder, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in skip)
        out.extend(Path(folder) / f for f in sorted(files) if f.endswith(".tf"))
    return out


def generate_tree(directory: Path, n: int, roots: int) -> int:
    """ROOTS root modules under envs/ holding N resources together, plus 2 per root from shared modules."""
    (directory / "modules" / "bucket").mkdir(parents=True, exist_ok=True)
    (directory / "modules" / "tags").mkdir(parents=True, exist_ok=True)
    (directory / "modules" / "bucket" / "main.tf").write_text(_SHARED_BUCKET)
    (directory / "modules" / "tags" / "main.tf").write_text(_SHARED_TAGS)
    total = 0
    per_root = max(n // roots, 1)
    for r in range(roots):
        root = directory / "envs" / f"env{r:03d}"
        own = per_root if r < roots - 1 else max(n - per_root * (roots - 1), 1)
        total += generate(root, own) + 2
        (root / "shared.tf").write_text(_CALLS.replace("{name}", f"env{r:03d}"))
    return total


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float, int, str]:
    """(wall s, CPU s, peak RSS MiB of the process and its children together, exit code, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True, env=env, cwd=cwd)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.01)
        wall = time.perf_counter() - start
        err.seek(0)
        text = err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, max(peak, after.ru_maxrss) / 1024, proc.returncode, text


def _tree_rss_kb(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def whole_tree(directory: Path, resources: int | None, repeat: int) -> None:
    files = tree_files(directory)
    size = sum(f.stat().st_size for f in files)
    label = f"{resources} resources, " if resources is not None else ""
    print(f"tree: {directory} ({label}{len(files)} .tf files, {size / 1024 / 1024:.1f} MiB)")
    floors = [floor_seconds(directory, recursive=True) for _ in range(max(repeat, 1))]
    floor, floor_cpu, nodes = min(f[0] for f in floors), min(f[1] for f in floors), floors[0][2]
    print(
        f"floor (tree-sitter parse + walk of every file once, {nodes} nodes, best of {repeat}): "
        f"{floor:.3f} s wall, CPU {floor_cpu:.3f} s"
    )
    handle, name = tempfile.mkstemp(prefix="iacscan-bench-tree-", suffix=".json")
    os.close(handle)
    out = Path(name)
    base_env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        for workers in ("1", ""):
            env = {**base_env, "IACSCAN_WORKERS": workers} if workers else base_env
            cmd = [sys.executable, "-m", "scanner", "scan", ".", "--format", "json", "--output", str(out)]
            runs = [run_measured(cmd, env, directory) for _ in range(max(repeat, 1))]
            wall, cpu, rss, code, err = min(runs, key=lambda r: r[0])
            doc = json.loads(out.read_text()) if code in (0, 1) else {}
            mode = "serial (IACSCAN_WORKERS=1)" if workers else "default (pool on large trees)"
            status = f"exit {code}"
            if code not in (0, 1) and err.strip():
                status += f": {err.strip().splitlines()[-1]}"
            print(
                f"iacscan scan . [{mode}] ({status}, {len(doc.get('inputs', []))} roots, "
                f"{doc.get('summary', {}).get('resources', '?')} managed resources, best of {repeat}): "
                f"{wall:.3f} s wall ({wall / floor:.2f}x floor), CPU {cpu:.3f} s ({cpu / floor_cpu:.2f}x "
                f"floor CPU), peak RSS {rss:.0f} MiB (process + children)"
            )
    finally:
        out.unlink(missing_ok=True)


def load_seconds(directory: Path) -> tuple[float, float, int]:
    """(wall, CPU, resources) of ``load_terraform_dir``."""
    from scanner.sources.terraform_hcl import load_terraform_dir

    start, cpu = time.perf_counter(), time.process_time()
    inv = load_terraform_dir(directory, base_dir=directory)
    return time.perf_counter() - start, time.process_time() - cpu, len(inv.resources)


def full_scan(directory: Path) -> tuple[float, int, str] | None:
    out = Path(tempfile.gettempdir()) / "iacscan-bench.json"
    cmd = [sys.executable, "-m", "scanner", "scan", str(directory), "--format", "json", "--output", str(out)]
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        msg = (proc.stderr or proc.stdout).strip().splitlines()
        if proc.returncode == 2 and any(
            "no such command" in m.lower() or "no command" in m.lower() for m in msg
        ):
            return None
        if proc.returncode == 2 and "No module named scanner.__main__" in proc.stderr:
            return None
        return wall, rss_kb, f"exit {proc.returncode}: {msg[-1] if msg else ''}"
    return wall, rss_kb, f"exit {proc.returncode}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=0, help="number of resources to generate")
    parser.add_argument("--roots", type=int, default=0, help="whole-tree mode: generate this many roots")
    parser.add_argument("--tree", type=Path, help="whole-tree mode: scan this existing tree")
    parser.add_argument("--keep", type=Path, help="write the tree here and keep it")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the floor and of the loader; the best is shown"
    )
    args = parser.parse_args(argv)
    repo = str(Path(__file__).resolve().parents[1])
    if repo not in sys.path:
        sys.path.insert(0, repo)

    if args.tree is not None:
        whole_tree(args.tree.resolve(), None, max(args.repeat, 1))
        return 0
    if args.n <= 0:
        parser.error("give N resources to generate, or --tree DIR")
    directory = args.keep or Path(tempfile.mkdtemp(prefix="iacscan-bench-"))
    if args.roots > 0:
        try:
            total = generate_tree(directory, args.n, args.roots)
            whole_tree(directory, total, max(args.repeat, 1))
        finally:
            if args.keep is None:
                shutil.rmtree(directory, ignore_errors=True)
        return 0
    try:
        n = generate(directory, args.n)
        nfiles = len(list(directory.glob("*.tf")))
        print(f"tree: {directory} ({n} resources in {nfiles} files)")
        runs = max(args.repeat, 1)
        floors = [floor_seconds(directory) for _ in range(runs)]
        floor, floor_cpu, nodes = min(f[0] for f in floors), min(f[1] for f in floors), floors[0][2]
        print(
            f"floor (tree-sitter parse + walk {nodes} nodes, best of {runs}): "
            f"{floor:.3f} s, CPU {floor_cpu:.3f} s"
        )
        loads = [load_seconds(directory) for _ in range(runs)]
        load, load_cpu, count = min(x[0] for x in loads), min(x[1] for x in loads), loads[0][2]
        print(
            f"load_terraform_dir (best of {runs}): {load:.3f} s, CPU {load_cpu:.3f} s, {count} resources, "
            f"{count / load:.0f} resources/s, {load / floor:.2f}x floor (CPU {load_cpu / floor_cpu:.2f}x)"
        )
        full = full_scan(directory)
        if full is None:
            print("full scan: not available")
        else:
            wall, rss_kb, status = full
            print(
                f"full scan ({status}): {wall:.3f} s wall, peak RSS {rss_kb / 1024:.0f} MiB, "
                f"{n / wall:.0f} resources/s, {wall / floor:.2f}x floor"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
