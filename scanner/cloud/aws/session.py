"""boto3 session and client factory: profile, region, endpoint and a retrying botocore Config.

One client per (thread, service, region): boto3 clients are thread-safe, but sessions are not, so
each worker thread builds its own session lazily and caches its clients.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Protocol

import boto3
from botocore.config import Config

DEFAULT_MAX_ATTEMPTS = 10
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 30


class ClientFactory(Protocol):
    """What the live readers need: a boto3 client for a service in a region."""

    def client(self, service: str, region: str) -> Any: ...


def botocore_config(max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> Config:
    """Adaptive retries (client-side rate limiting on throttling) and bounded timeouts."""
    return Config(
        retries={"mode": "adaptive", "max_attempts": max_attempts},
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
        max_pool_connections=20,
        user_agent_extra="iacscan",
    )


@dataclass
class SessionFactory:
    """Builds boto3 clients with the usual credential chain (or ``profile``).

    ``endpoint_url`` points every service at one endpoint (a local moto server in tests and the demo).
    """

    profile: str | None = None
    region: str | None = None
    endpoint_url: str | None = None
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def session(self) -> boto3.session.Session:
        sess: boto3.session.Session | None = getattr(self._local, "session", None)
        if sess is None:
            sess = boto3.session.Session(profile_name=self.profile, region_name=self.region)
            self._local.session = sess
            self._local.clients = {}
        return sess

    def client(self, service: str, region: str) -> Any:
        sess = self.session()
        clients: dict[tuple[str, str], Any] = self._local.clients
        key = (service, region)
        if key not in clients:
            clients[key] = sess.client(
                service,  # type: ignore[call-overload]
                region_name=region,
                endpoint_url=self.endpoint_url,
                config=botocore_config(self.max_attempts),
            )
        return clients[key]

    def default_region(self) -> str | None:
        return self.region or self.session().region_name
