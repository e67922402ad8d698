"""How long the pre-commit hook takes on a repository of 50 root modules when one file changed.

Prints the wall time of `iacscan pre-commit <changed file>` (what pre-commit runs), next to a scan
of all 50 modules for scale, as the median of several runs. With --pre-commit it also times the
whole `pre-commit run` round trip from this repository's hook definition (after one warm-up run that
builds the hook's environment, as a developer's first commit does).

    python benchmarks/bench_precommit.py [--modules 50] [--runs 5] [--pre-commit]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODULE = """\
variable "env" {{
  type    = string
  default = "m{n}"
}}

resource "aws_s3_bucket" "data" {{
  bucket = "data-${{var.env}}-{n}"
  tags   = {{ env = var.env }}
}}

resource "aws_s3_bucket_versioning" "data" {{
  bucket = aws_s3_bucket.data.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}

resource "aws_security_group" "app" {{
  name        = "app-{n}"
  description = "application"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {{
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }}
}}

resource "aws_instance" "app" {{
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
  metadata_options {{
    http_tokens = "required"
  }}
}}
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(
        GIT_AUTHOR_NAME="b",
        GIT_AUTHOR_EMAIL="b@example.com",
        GIT_COMMITTER_NAME="b",
        GIT_COMMITTER_EMAIL="b@example.com",
    )
    return env


def _time(cmd: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pre-commit", action="store_true", help="also time the pre-commit round trip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        for n in range(args.modules):
            module = repo / "envs" / f"m{n:02d}"
            module.mkdir(parents=True)
            (module / "main.tf").write_text(MODULE.format(n=n))
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        subprocess.run(["git", "add", "."], cwd=repo, check=True)
        subprocess.run(["git", "commit", "-qm", "x"], cwd=repo, env=_env(), check=True)
        changed = repo / "envs" / "m07" / "main.tf"
        changed.write_text(changed.read_text().replace("t3.micro", "t3.small"))
        iacscan = [sys.executable, "-m", "scanner"]
        hook, code = _time([*iacscan, "pre-commit", "envs/m07/main.tf"], repo, args.runs)
        print(f"modules: {args.modules}, changed files: 1, runs: {args.runs} (median wall time)")
        print(f"iacscan pre-commit envs/m07/main.tf : {hook:6.2f} s  (exit {code})")
        full, code = _time(
            [*iacscan, "scan", *sorted(f"envs/{p.name}" for p in (repo / "envs").iterdir())], repo, args.runs
        )
        print(f"iacscan scan of all {args.modules} modules    : {full:6.2f} s  (exit {code})")
        floor, _ = _time([sys.executable, "-c", "import scanner.cli"], repo, args.runs)
        print(f"python start + import scanner.cli   : {floor:6.2f} s")
        pre_commit = shutil.which("pre-commit")
        if args.pre_commit and pre_commit:
            head = subprocess.run(
                ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
            (repo / ".pre-commit-config.yaml").write_text(
                f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: iacscan\n"
            )
            cmd = [pre_commit, "run", "iacscan", "--files", "envs/m07/main.tf"]
            _time(cmd, repo, 1)  # builds the hook's environment once, as the first commit does
            round_trip, code = _time(cmd, repo, args.runs)
            print(f"pre-commit run iacscan (env built)  : {round_trip:6.2f} s  (exit {code})")


if __name__ == "__main__":
    main()
