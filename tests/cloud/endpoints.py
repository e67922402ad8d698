"""Endpoint helpers for fault tests: a moto_server a test may stop, and a client factory that stops
it after a number of API calls (a botocore ``before-call`` hook, nothing monkeypatched)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from scanner.cloud.aws import SessionFactory
from tests.aws_endpoint import start, stop


@pytest.fixture
def dying_server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A moto_server of this test's own, which the test stops in the middle of a read."""
    url, proc = start()
    yield url, proc
    stop(proc)


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
