"""Remote module download and cache benchmark against a local module registry on 127.0.0.1.

A root module calls N registry modules (default 20; each a small S3 module served as a .tar.gz through
the registry protocol and a relative X-Terraform-Get). Prints the wall time of the HCL load offline
(modules skipped), with downloads into an empty cache, and again from the warm cache, with the number
of HTTP requests each made.

    python benchmarks/bench_module_cache.py [-n 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.sources.remote_modules import DownloadSettings
from scanner.sources.terraform_hcl import load_terraform_dir
from tests.sources.remote_modules.conftest import (
    BUCKET_MODULE,
    Registry,
    _handler,
    cli_config,
    tar_gz,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20, help="number of module calls")
    args = parser.parse_args()
    reg = Registry()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(reg))
    reg.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        calls = []
        for i in range(args.n):
            reg.files[f"m{i}.tgz"] = tar_gz(BUCKET_MODULE)
            reg.modules[("acme", f"bucket{i}", "aws")] = {"1.0.0": "./x", "1.1.0": f"/files/m{i}.tgz"}
            source = f'  source = "acme/bucket{i}/aws"\n  version = "~> 1.0"\n'
            calls.append(f'module "b{i}" {{\n{source}  name = "b{i}"\n}}\n')
        root = tmp / "repo"
        root.mkdir()
        (root / "main.tf").write_text("".join(calls))
        (tmp / "home").mkdir()
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp / "home"),
               "TF_CLI_CONFIG_FILE": str(cli_config(tmp / "cli.tfrc", reg.url))}  # fmt: skip
        settings = DownloadSettings(cache_dir=tmp / "cache", environ=env)
        for label, download in (("offline", None), ("cold cache", settings), ("warm cache", settings)):
            before = len(reg.requests)
            start = time.perf_counter()
            inv = load_terraform_dir(root, base_dir=root, download=download)
            elapsed = time.perf_counter() - start
            print(
                f"{label:>10}: {elapsed * 1000:7.1f} ms  {len(reg.requests) - before:4d} requests  "
                f"{len(inv.resources):4d} resources  {len(inv.notifications):3d} notifications"
            )
    server.shutdown()


if __name__ == "__main__":
    main()
