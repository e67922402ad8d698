"""Terraform CLI configuration: ``host`` blocks (service overrides) and credentials, as Terraform reads them.

- the file named by ``TF_CLI_CONFIG_FILE``, else ``~/.terraformrc`` (HCL, or JSON when named ``*.json``);
- ``host "NAME" { services = { "modules.v1" = "URL" } }`` replaces service discovery for that host;
- ``credentials "NAME" { token = "..." }``, and ``~/.terraform.d/credentials.tfrc.json``
  (what ``terraform login`` writes);
- ``TF_TOKEN_<host>`` environment variables take precedence: in the variable name ``__`` stands for ``-``
  and ``_`` for ``.`` (``TF_TOKEN_app_terraform_io``, ``TF_TOKEN_xn____caf__dma_fr``).

Tokens are kept in a ``Secret`` whose text form is always ``***``: they cannot reach a message by accident.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .address import AddressError, normalise_host


@dataclass(frozen=True, slots=True)
class Secret:
    value: str = field(repr=False)

    def __str__(self) -> str:
        return "***"

    def __repr__(self) -> str:
        return "Secret(***)"


@dataclass(frozen=True, slots=True)
class CliConfig:
    services: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # host → service id → URL
    credentials: Mapping[str, Secret] = field(default_factory=dict)  # host → token
    problems: tuple[str, ...] = ()  # safe to show: file names and keys, never values

    def token_for(self, host: str) -> Secret | None:
        try:
            return self.credentials.get(normalise_host(host))
        except AddressError:
            return None


def load_cli_config(environ: Mapping[str, str] | None = None) -> CliConfig:
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    problems: list[str] = []
    services: dict[str, dict[str, str]] = {}
    creds: dict[str, Secret] = {}
    login = home / ".terraform.d" / "credentials.tfrc.json"
    if login.is_file():
        _apply(_read(login, problems), services, creds, problems, login, hosts=False)
    explicit = env.get("TF_CLI_CONFIG_FILE")
    path = Path(explicit) if explicit else home / ".terraformrc"
    if path.is_file():
        _apply(_read(path, problems), services, creds, problems, path, hosts=True)
    elif explicit:
        problems.append(f"TF_CLI_CONFIG_FILE names {path}, which is not a file")
    creds.update(tokens_from_env(env))
    return CliConfig(services, creds, tuple(problems))


def tokens_from_env(env: Mapping[str, str]) -> dict[str, Secret]:
    out: dict[str, Secret] = {}
    for name, value in env.items():
        if not name.upper().startswith("TF_TOKEN_") or not value:
            continue
        raw = name[len("TF_TOKEN_") :].replace("__", "-").replace("_", ".")
        try:
            out[normalise_host(raw)] = Secret(value.strip())
        except AddressError:
            continue
    return out


def _read(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read the Terraform CLI configuration ({type(exc).__name__})")
        return {}
    if path.name.endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError:
            problems.append(f"{path}: invalid JSON")
            return {}
        return data if isinstance(data, dict) else {}
    return _read_hcl(text, path, problems)


def _read_hcl(text: str, path: Path, problems: list[str]) -> dict[str, Any]:
    from scanner.sources.terraform_hcl.syntax import parse_hcl
    from scanner.sources.terraform_hcl.variables import literal_value

    parsed = parse_hcl(text.encode("utf-8"))
    for line, _msg in parsed.errors:
        problems.append(f"{path}:{line}: invalid HCL in the Terraform CLI configuration")
    out: dict[str, Any] = {"host": {}, "credentials": {}}
    for blk in parsed.blocks:
        if blk.type in ("host", "credentials") and len(blk.labels) == 1:
            out[blk.type][blk.labels[0]] = {name: literal_value(a.expr) for name, a in blk.attrs.items()}
    return out


def _apply(
    data: Mapping[str, Any],
    services: dict[str, dict[str, str]],
    creds: dict[str, Secret],
    problems: list[str],
    path: Path,
    *,
    hosts: bool,
) -> None:
    for host, body in _blocks(data.get("credentials")):
        token = body.get("token")
        if isinstance(token, str) and token:
            try:
                creds[normalise_host(host)] = Secret(token)
            except AddressError:
                problems.append(f"{path}: credentials block for an invalid host name")
    if not hosts:
        return
    for host, body in _blocks(data.get("host")):
        svc = body.get("services")
        if not isinstance(svc, dict):
            continue
        try:
            services[normalise_host(host)] = {str(k): str(v) for k, v in svc.items() if isinstance(v, str)}
        except AddressError:
            problems.append(f"{path}: host block for an invalid host name")


def _blocks(value: Any) -> list[tuple[str, dict[str, Any]]]:
    """``{"name": {...}}``, or JSON's ``{"name": [{...}]}`` → (name, body) pairs."""
    out: list[tuple[str, dict[str, Any]]] = []
    if not isinstance(value, dict):
        return out
    for name, body in value.items():
        for item in body if isinstance(body, list) else [body]:
            if isinstance(item, dict):
                out.append((str(name), item))
    return out
