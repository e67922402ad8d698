"""``pulumi://ORG/PROJECT/STACK``: stack exports read from a local server speaking the Pulumi Service API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.e2e.cli import iacscan

REPO = Path(__file__).resolve().parents[2]
EXPORT = (REPO / "stacks" / "pulumi" / "webapp" / "stack-export.json").read_bytes()
TOKEN = "pul-0123456789abcdef0123456789abcdef01234567"


class Service:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []
        self.fail_first = 0


@pytest.fixture
def service() -> Iterator[tuple[str, Service]]:
    state = Service()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            auth = self.headers.get("Authorization", "")
            state.requests.append((self.path, auth, self.headers.get("Accept", "")))
            if state.fail_first:
                state.fail_first -= 1
                self._reply(503, b'{"code": 503, "message": "try again"}')
            elif auth != f"token {TOKEN}":
                self._reply(401, b'{"code": 401, "message": "Unauthorized: No credentials provided"}')
            elif self.path == "/api/stacks/acme/webapp/dev/export":
                self._reply(200, EXPORT)
            else:
                self._reply(404, b'{"code": 404, "message": "Not Found: Stack not found"}')

        def _reply(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()


def env(url: str, token: str = TOKEN) -> dict[str, str]:
    return {"PULUMI_BACKEND_URL": url, "PULUMI_ACCESS_TOKEN": token}


def test_scan_reads_the_export_with_the_token(service: tuple[str, Service], tmp_path: Path) -> None:
    url, state = service
    proc = iacscan("scan", "pulumi://acme/webapp/dev", "-f", "json", env=env(url), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # the webapp's deliberate misconfigurations
    report = json.loads(proc.stdout)
    assert any(f["rule_id"] == "AWS-EC2-004" for f in report["findings"] if f["status"] == "fail")
    assert state.requests == [
        ("/api/stacks/acme/webapp/dev/export", f"token {TOKEN}", "application/vnd.pulumi+8")
    ]
    sarif = iacscan("scan", "pulumi://acme/webapp/dev", "-f", "sarif", env=env(url), cwd=tmp_path)
    for output in (proc.stdout, proc.stderr, sarif.stdout, sarif.stderr):
        assert TOKEN not in output


@pytest.mark.parametrize(
    ("spec", "token", "expected"),
    [
        ("pulumi://acme/webapp/dev", "pul-wrong", "401 (the token in PULUMI_ACCESS_TOKEN is not accepted"),
        ("pulumi://acme/webapp/nope", TOKEN, "404 (no such organisation, project or stack)"),
        ("pulumi://acme/webapp", TOKEN, "expected pulumi://ORG/PROJECT/STACK"),
        ("pulumi://acme/webapp/dev", "", "PULUMI_ACCESS_TOKEN is not set"),
    ],
)
def test_refusals_exit_2_with_one_line(
    service: tuple[str, Service], tmp_path: Path, spec: str, token: str, expected: str
) -> None:
    url, _ = service
    proc = iacscan("scan", spec, "-f", "json", env=env(url, token), cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in proc.stderr
    assert "pul-wrong" not in proc.stderr + proc.stdout and TOKEN not in proc.stderr + proc.stdout


def test_server_errors_are_retried(service: tuple[str, Service], tmp_path: Path) -> None:
    url, state = service
    state.fail_first = 1
    proc = iacscan(
        "scan", "pulumi://acme/webapp/dev", "-f", "json", "--soft-fail", env=env(url), cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert len(state.requests) == 2


@pytest.mark.slow
def test_an_unreachable_service_is_one_line(tmp_path: Path) -> None:
    from tests.aws_endpoint import free_port

    proc = iacscan(
        "scan", "pulumi://acme/webapp/dev", env=env(f"http://127.0.0.1:{free_port()}"), cwd=tmp_path
    )
    assert proc.returncode == 2
    assert "cannot reach the Pulumi Service" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_drift_reads_the_cloud_export(
    service: tuple[str, Service], aws_endpoint: str, tmp_path: Path
) -> None:
    url, _ = service
    proc = iacscan(
        "drift",
        "pulumi://acme/webapp/dev",
        "--endpoint-url",
        aws_endpoint,
        "-f",
        "json",
        env=env(url),
        cwd=tmp_path,
    )
    assert proc.returncode == 3, proc.stderr  # nothing of the stack exists in the empty endpoint
    report = json.loads(proc.stdout)
    deleted = [f for f in report["findings"] if f.get("drift", {}).get("kind") == "deleted"]
    assert any(f["resource_type"] == "aws_s3_bucket" for f in deleted)
