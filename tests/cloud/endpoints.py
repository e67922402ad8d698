"""Endpoint helpers for fault tests: a moto_server a test may stop, and a client factory that stops
it after a number of API calls (a botocore ``before-call`` hook, nothing monkeypatched)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from scanner.cloud.aws import SessionFactory
from tests.aws_endpoint import free_port


@pytest.fixture
def dying_server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A moto_server of this test's own, which the test stops in the middle of a read."""
    port = free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    cmd = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=1):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("moto_server did not start")
            time.sleep(0.1)
    yield url, proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=10)


class StopAfter:
    """A client factory whose clients stop the server process once ``calls`` API calls were made."""

    def __init__(self, endpoint: str, proc: subprocess.Popen[bytes], calls: int) -> None:
        self.real = SessionFactory(endpoint_url=endpoint, max_attempts=2)
        self.proc, self.left = proc, calls
        self.hooked: set[int] = set()

    def _count(self, **_: Any) -> None:
        self.left -= 1
        if self.left == 0:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def client(self, service: str, region: str) -> Any:
        client = self.real.client(service, region)
        if id(client) not in self.hooked:
            self.hooked.add(id(client))
            client.meta.events.register("before-call", self._count)
        return client
