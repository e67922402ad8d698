"""boto3 session and client factory: profile, region, endpoint and a retrying botocore Config.

One boto3 session per factory and one client per (service, region), shared by every thread: boto3
clients are thread-safe, sessions are not, so the session is only touched under a lock (building a
client, reading its region). Building clients per thread made a small scan build dozens of clients,
each loading the service model and resolving credentials again.
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
    _session: boto3.session.Session | None = field(default=None, init=False, repr=False)
    _clients: dict[tuple[str, str], Any] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False)

    def session(self) -> boto3.session.Session:
        with self._lock:
            if self._session is None:
                self._session = boto3.session.Session(profile_name=self.profile, region_name=self.region)
            return self._session

    def client(self, service: str, region: str) -> Any:
        key = (service, region)
        made = self._clients.get(key)  # a dict read is atomic: no lock once the client exists
        if made is not None:
            return made
        with self._lock:
            made = self._clients.get(key)
            if made is None:
                made = self.session().client(
                    service,  # type: ignore[call-overload]
                    region_name=region,
                    endpoint_url=self.endpoint_url,
                    config=botocore_config(self.max_attempts),
                )
                self._clients[key] = made
            return made

    @property
    def clients_made(self) -> int:
        """How many boto3 clients this factory built (one per service and region used)."""
        with self._lock:
            return len(self._clients)

    def default_region(self) -> str | None:
        with self._lock:
            return self.region or self.session().region_name
