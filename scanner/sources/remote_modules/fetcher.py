"""Resolve a module source (+ ``version``) to a local directory, downloading into the cache when needed."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .address import AddressError, ModuleAddress, RegistryAddress, RemoteAddress, parse_source, redact
from .archive import Limits
from .cache import CachedPackage, ModuleCache, default_cache_dir
from .cliconfig import CliConfig, load_cli_config
from .getters import fetch_git, fetch_http, fetch_s3, git_ref
from .http import FetchError
from .registry import RegistryClient
from .versions import ConstraintError, Term, Version, parse_constraints, select

log = logging.getLogger("iacscan.modules")
DEFAULT_HOST = "registry.terraform.io"
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class DownloadSettings:
    """``--download-external-modules``: where the cache is and what a download may cost."""

    cache_dir: Path | None = None  # None: the user cache directory
    environ: Mapping[str, str] | None = None  # None: os.environ (TF_CLI_CONFIG_FILE, TF_TOKEN_*, HOME, ...)
    limits: Limits = field(default_factory=Limits)
    timeout: float = 30.0
    index_ttl: float = 24 * 3600.0  # how long a registry versions list is reused without asking again


@dataclass(frozen=True, slots=True)
class FetchedModule:
    directory: Path  # the module itself (package root + subdir)
    package_root: Path  # the whole unpacked package: the read root its files may use
    display: str  # the package for people: terraform-aws-modules/s3-bucket/aws@4.1.2
    display_root: Path  # the directory ``display`` names (the package, or the download address's subdir)


class ModuleFetcher:
    """One scan's module downloads. Not thread-safe; one instance per scan."""

    def __init__(self, settings: DownloadSettings) -> None:
        self.settings = settings
        env = dict(os.environ if settings.environ is None else settings.environ)
        self.environ = env
        self.cli: CliConfig = load_cli_config(env)
        self.cache = ModuleCache(settings.cache_dir or default_cache_dir(env))
        self.registry = RegistryClient(self.cli, settings.timeout)
        self._memo: dict[tuple[str, str], FetchedModule | FetchError] = {}

    @property
    def problems(self) -> tuple[str, ...]:
        return self.cli.problems

    def fetch(self, source: str, version: str | None = None) -> FetchedModule:
        """The module at ``source``; raises FetchError (reason safe to show) when it cannot be had."""
        memo_key = (source, version or "")
        got = self._memo.get(memo_key)
        if got is None:
            try:
                got = self._fetch(source, version)
            except (AddressError, ConstraintError) as exc:
                got = FetchError(str(exc))
            except FetchError as exc:
                got = exc
            except OSError as exc:
                got = FetchError(f"cannot write the module cache: {exc.strerror or type(exc).__name__}")
            self._memo[memo_key] = got
        if isinstance(got, FetchError):
            raise got
        return got

    def _fetch(self, source: str, version: str | None) -> FetchedModule:
        addr = parse_source(source)
        if isinstance(addr, RegistryAddress):
            return self._registry(addr, version)
        if version:
            raise FetchError("version is only valid for registry modules")
        pkg = self.cache.get(_remote_key(addr))
        if pkg is None:
            log.debug("module %s: downloading", addr)
            pkg = self.cache.install(
                _remote_key(addr), {"source": redact(addr.package)}, lambda d: self._get(addr, d)
            )
        else:
            log.debug("module %s: from the cache", addr)
        return _located(pkg, addr.subdir, _remote_display(addr))

    # ---- registry -------------------------------------------------------------------------------
    def _registry(self, addr: RegistryAddress, constraint: str | None) -> FetchedModule:
        terms = parse_constraints(constraint) if constraint and constraint.strip() else ()
        chosen = _exact(terms)
        if chosen is None:
            versions = self._versions(addr)
            chosen = select(versions, constraint)
            if chosen is None:
                newest = ", ".join(sorted(versions, key=_sort_key, reverse=True)[:5]) or "none"
                want = f"matches {constraint!r}" if constraint else "is a release"
                raise FetchError(f"no version of {_short(addr)} {want} (newest: {newest})")
        key = f"registry {addr.package} {chosen}"
        display = f"{_short(addr)}@{chosen}"
        pkg = self.cache.get(key)
        if pkg is None:
            log.debug("module %s: downloading %s", addr.package, chosen)
            pkg = self.cache.install(
                key, {"source": addr.package, "version": chosen}, lambda d: self._reg_get(addr, chosen, d)
            )
        return _located(pkg, addr.subdir, display)

    def _versions(self, addr: RegistryAddress) -> list[str]:
        cached = self.cache.read_index(addr.package)
        if cached is not None and time.time() - cached[1] < self.settings.index_ttl:
            return cached[0]
        try:
            versions = self.registry.versions(addr)
        except FetchError:
            if cached is not None:  # unreachable: the last list read is better than nothing
                log.debug("module %s: registry unreachable, using the cached versions list", addr.package)
                return cached[0]
            raise
        self.cache.write_index(addr.package, versions)
        return versions

    def _reg_get(self, addr: RegistryAddress, version: str, dest: Path) -> dict[str, Any]:
        where = self.registry.location(addr, version)
        target = parse_source(where)
        if isinstance(target, RegistryAddress):
            raise FetchError("the registry's download location is another registry address")
        self._get(target, dest)
        return {"subdir": target.subdir}

    # ---- getters --------------------------------------------------------------------------------
    def _get(self, addr: RemoteAddress, dest: Path) -> dict[str, Any]:
        current: ModuleAddress = addr
        for _ in range(MAX_REDIRECTS):
            assert isinstance(current, RemoteAddress)
            if current.getter == "git":
                fetch_git(current.url, dest, self.environ)
                return {}
            if current.getter == "s3":
                fetch_s3(current.url, dest, self.settings.limits)
                return {}
            follow = fetch_http(current.url, dest, self.settings.limits, self.settings.timeout)
            if follow is None:
                return {}
            nxt = parse_source(follow)
            if isinstance(nxt, RegistryAddress):
                raise FetchError("an HTTP source pointed at a registry address")
            current = nxt
        raise FetchError("too many X-Terraform-Get redirections")


def _located(pkg: CachedPackage, subdir: str, display: str) -> FetchedModule:
    inner = resolve_subdir(pkg.root, str(pkg.meta.get("subdir") or ""))
    directory = resolve_subdir(inner, subdir) if subdir else inner
    return FetchedModule(directory, pkg.root.resolve(), display, inner)


def resolve_subdir(root: Path, subdir: str) -> Path:
    """``//subdir`` inside a package; a component may be a glob (``*``) matching exactly one directory."""
    current = root.resolve()
    for part in [p for p in subdir.split("/") if p]:
        if any(c in part for c in "*?["):
            matches = sorted(p for p in current.glob(part) if p.is_dir())
            if len(matches) != 1:
                raise FetchError(f"subdirectory pattern {part!r} matches {len(matches)} directories")
            current = matches[0]
        else:
            current = current / part
    real = current.resolve()
    top = root.resolve()
    if not subdir:
        return top
    if (real != top and top not in real.parents) or not real.is_dir():
        raise FetchError(f"subdirectory {subdir!r} not found in the module package")
    return real


def _exact(terms: tuple[Term, ...]) -> str | None:
    """An exact ``= 1.2.3`` needs no versions list (the download endpoint says if it exists)."""
    if (
        len(terms) == 1
        and terms[0].op == "="
        and re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?", terms[0].version.original)
    ):
        return terms[0].version.original
    return None


def _sort_key(text: str) -> Any:
    try:
        return (1, Version.parse(text))
    except ConstraintError:
        return (0, Version((0, 0, 0), 3))


def _short(addr: RegistryAddress) -> str:
    return addr.package.removeprefix(DEFAULT_HOST + "/")


def _remote_key(addr: RemoteAddress) -> str:
    return f"remote {addr.package}"


def _remote_display(addr: RemoteAddress) -> str:
    base = redact(addr.url.split("?", 1)[0])
    ref = git_ref(addr.url) if addr.getter == "git" else ""
    prefix = "" if addr.getter == "http" else f"{addr.getter}::"
    return f"{prefix}{base}" + (f"@{ref}" if ref else "")
