"""A local module registry, archive server and git repositories: every test stays on 127.0.0.1."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import threading
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scanner.sources.remote_modules import DownloadSettings

TOKEN = "s3cr3t-registry-token-0123456789"

BUCKET_MODULE = {
    "main.tf": """\
variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_acl" "this" {
  count  = 1
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}

output "id" {
  value = aws_s3_bucket.this.id
}
""",
}


def tar_gz(files: Mapping[str, str | bytes], prefix: str = "") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, content in sorted(files.items()):
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(prefix + name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def zip_bytes(files: Mapping[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in sorted(files.items()):
            zf.writestr(name, content)
    return buf.getvalue()


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class Registry:
    """What the local server answers. ``modules[(ns, name, system)] = {version: X-Terraform-Get}``."""

    url: str = ""
    modules: dict[tuple[str, str, str], dict[str, str]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # /files/NAME → bytes
    pages: dict[str, str] = field(default_factory=dict)  # /pages/NAME → X-Terraform-Get of that page
    requests: list[Request] = field(default_factory=list)
    json_location: bool = False  # answer the download endpoint with 200 {"location": ...}
    require_token: bool | set[str] = False  # True: every module; a set: these module names
    discovery: dict[str, str] = field(default_factory=lambda: {"modules.v1": "/v1/modules/"})

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])


def _handler(reg: Registry) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, code: int, body: bytes = b"", headers: Mapping[str, str] = {}) -> None:
            self.send_response(code)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            reg.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
            path = self.path.split("?", 1)[0]
            parts = [p for p in path.split("/") if p]
            if path == "/.well-known/terraform.json":
                return self._send(200, json.dumps(reg.discovery).encode())
            if parts[:2] == ["v1", "modules"]:
                protected = reg.require_token is True or (
                    isinstance(reg.require_token, set) and len(parts) > 3 and parts[3] in reg.require_token
                )
                if protected and self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._send(401, b'{"errors":["unauthorized"]}')
                key = tuple(parts[2:5])
                versions = reg.modules.get(key)  # type: ignore[call-overload]
                if versions is None:
                    return self._send(404, b'{"errors":["not found"]}')
                if len(parts) == 6 and parts[5] == "versions":
                    doc = {"modules": [{"versions": [{"version": v} for v in versions]}]}
                    return self._send(200, json.dumps(doc).encode())
                if len(parts) == 7 and parts[6] == "download" and parts[5] in versions and reg.json_location:
                    return self._send(200, json.dumps({"location": versions[parts[5]]}).encode())
                if len(parts) == 7 and parts[6] == "download" and parts[5] in versions:
                    return self._send(204, headers={"X-Terraform-Get": versions[parts[5]]})
                return self._send(404)
            if parts[:1] == ["files"] and len(parts) == 2 and parts[1] in reg.files:
                return self._send(200, reg.files[parts[1]], {"Content-Type": "application/octet-stream"})
            if parts[:1] == ["pages"] and len(parts) == 2 and parts[1] in reg.pages:
                return self._send(200, b"<html></html>", {"X-Terraform-Get": reg.pages[parts[1]]})
            return self._send(404)

    return Handler


@pytest.fixture
def registry() -> Iterator[Registry]:
    reg = Registry()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(reg))
    reg.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield reg
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def cli_config(path: Path, registry_url: str, *, token: str | None = TOKEN) -> Path:
    """A Terraform CLI configuration pointing the public registry and registry.example.com at the server."""
    text = ""
    for host in ("registry.terraform.io", "registry.example.com"):
        text += (
            f'host "{host}" {{\n  services = {{\n    "modules.v1" = "{registry_url}/v1/modules/"\n  }}\n}}\n'
        )
    if token:
        text += f'credentials "registry.example.com" {{\n  token = "{token}"\n}}\n'
    path.write_text(text)
    return path


@pytest.fixture
def environ(tmp_path: Path, home: Path, registry: Registry) -> dict[str, str]:
    cfg = cli_config(tmp_path / "cli.tfrc", registry.url)
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "TF_CLI_CONFIG_FILE": str(cfg)}


@pytest.fixture
def settings(tmp_path: Path, environ: dict[str, str]) -> DownloadSettings:
    return DownloadSettings(cache_dir=tmp_path / "cache", environ=environ)


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    base = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"]
    proc = subprocess.run([*base, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def make_git_repo(path: Path, tags: Mapping[str, Mapping[str, str]]) -> Path:
    """A repository with one commit per tag (in order), each holding exactly ``files``."""
    path.mkdir(parents=True)
    git("init", "--quiet", cwd=path)
    for tag, files in tags.items():
        for old in path.rglob("*.tf"):
            old.unlink()
        for name, content in files.items():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            (path / name).write_text(content)
        git("add", "-A", cwd=path)
        git("commit", "--quiet", "-m", tag, cwd=path)
        git("tag", tag, cwd=path)
    return path
