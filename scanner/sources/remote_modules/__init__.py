"""Remote Terraform modules: registry, git, HTTP(S) archive and S3 sources, fetched into a local cache.

Only used with ``--download-external-modules``; the default scan never touches the network. Downloaded
code is read and evaluated as HCL, never executed. ``ModuleFetcher.fetch`` raises ``FetchError`` with a
message that is safe to show (no token, no password, no secret query value).
"""

from __future__ import annotations

from .address import AddressError, RegistryAddress, RemoteAddress, parse_source, redact
from .archive import Limits
from .cache import default_cache_dir
from .fetcher import DownloadSettings, FetchedModule, ModuleFetcher
from .http import FetchError

__all__ = [
    "AddressError",
    "DownloadSettings",
    "FetchError",
    "FetchedModule",
    "Limits",
    "ModuleFetcher",
    "RegistryAddress",
    "RemoteAddress",
    "default_cache_dir",
    "parse_source",
    "redact",
]
