"""A real local AWS endpoint for tests: moto's server on a free 127.0.0.1 port.

Tests talk to it over HTTP with boto3 and ``endpoint_url``; nothing is monkeypatched and no traffic
leaves 127.0.0.1. It is the same starter the demo uses (``scanner.cloud.aws.local_endpoint``).
"""

from __future__ import annotations

import urllib.request

from scanner.cloud.aws.local_endpoint import free_port, local_moto, start_moto, stop_moto

moto_server = local_moto
start = start_moto
stop = stop_moto

__all__ = ["free_port", "moto_server", "reset", "start", "stop"]


def reset(url: str) -> None:
    """Forget every resource the endpoint holds."""
    req = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
    with urllib.request.urlopen(req, timeout=10):
        pass
