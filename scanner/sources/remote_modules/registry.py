"""The module registry protocol: service discovery (``modules.v1``), versions list, download location."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from .address import RegistryAddress
from .cliconfig import CliConfig
from .getters import resolve_get
from .http import FetchError, get, show_url

SERVICE = "modules.v1"


class RegistryClient:
    """One run's view of module registries; discovery answers are remembered per host."""

    def __init__(self, cli: CliConfig, timeout: float = 30.0) -> None:
        self.cli = cli
        self.timeout = timeout
        self._bases: dict[str, str] = {}
        self.requests = 0

    def _get_json(self, url: str, host: str) -> Any:
        self.requests += 1
        resp = get(url, token=self._token_for(url, host), timeout=self.timeout)
        try:
            return json.loads(resp.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise FetchError(f"{show_url(url)} did not answer JSON") from None

    def _token_for(self, url: str, host: str) -> Any:
        """The registry host's token, sent only to that host (never to another the protocol points at)."""
        target = urlsplit(url)
        netloc = (target.hostname or "") + (f":{target.port}" if target.port else "")
        overridden = host in self.cli.services
        if netloc.lower() == host or overridden:
            return self.cli.token_for(host)
        return None

    def base_url(self, host: str) -> str:
        got = self._bases.get(host)
        if got is not None:
            return got
        override = self.cli.services.get(host)
        disco_url = self.discovery_url(host)
        if override is not None:
            base = override.get(SERVICE)
            if not base:
                raise FetchError(f"the CLI configuration's host block for {host} has no {SERVICE} service")
        else:
            doc = self._get_json(disco_url, host)
            base = doc.get(SERVICE) if isinstance(doc, dict) else None
            if not isinstance(base, str) or not base:
                raise FetchError(f"{host} does not offer a module registry ({SERVICE})")
        full = urljoin(disco_url, base)
        scheme = urlsplit(full).scheme
        if scheme != "https" and not (
            scheme == "http" and (override is not None or disco_url.startswith("http:"))
        ):
            raise FetchError(f"{host}: the module registry must be served over https")
        if not full.endswith("/"):
            full += "/"
        self._bases[host] = full
        return full

    def discovery_url(self, host: str) -> str:
        """Terraform's service discovery document of ``host`` (always over https)."""
        return f"https://{host}/.well-known/terraform.json"

    def _module_url(self, addr: RegistryAddress, *tail: str) -> str:
        path = "/".join(quote(p, safe="") for p in (addr.namespace, addr.name, addr.system, *tail))
        return urljoin(self.base_url(addr.host), path)

    def versions(self, addr: RegistryAddress) -> list[str]:
        url = self._module_url(addr, "versions")
        try:
            doc = self._get_json(url, addr.host)
        except FetchError as exc:
            if str(exc).startswith("HTTP 404"):
                raise FetchError(f"module {addr.package} not found in the registry") from None
            raise
        try:
            mods = doc["modules"]
            return [str(v["version"]) for v in mods[0]["versions"] if isinstance(v, dict) and "version" in v]
        except (KeyError, IndexError, TypeError):
            raise FetchError(f"{show_url(url)}: unexpected versions document") from None

    def location(self, addr: RegistryAddress, version: str) -> str:
        """Where the package of ``version`` is: an address to fetch (never another registry address)."""
        url = self._module_url(addr, version, "download")
        self.requests += 1
        resp = get(url, token=self._token_for(url, addr.host), timeout=self.timeout)
        found = resp.headers.get("X-Terraform-Get")
        if not found and resp.status == 200 and resp.body:
            try:
                doc = json.loads(resp.body.decode("utf-8"))
                found = doc.get("location") if isinstance(doc, dict) else None
            except (UnicodeDecodeError, ValueError):
                found = None
        if not found or not isinstance(found, str):
            raise FetchError(f"{show_url(url)} gave no X-Terraform-Get location")
        return resolve_get(found, resp.url)
