"""The module cache: one directory per package, keyed by source + resolved version or ref.

Layout under the cache directory (default ``$XDG_CACHE_HOME/iacscan/modules``, else
``~/.cache/iacscan/modules``)::

    packages/<sha256 of the key>/meta.json   what it is: source, version, subdir inside the package
    packages/<sha256 of the key>/pkg/        the unpacked package (never executed)
    index/<sha256 of the module>.json        a registry module's versions list and when it was read

A package is fetched into a temporary directory next to ``packages/`` and renamed into place, so a
crash or a concurrent run never leaves a half-written entry that looks complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("XDG_CACHE_HOME"):
        base = Path(env["XDG_CACHE_HOME"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32" and env.get("LOCALAPPDATA"):
        base = Path(env["LOCALAPPDATA"])
    else:
        base = Path(env.get("HOME") or Path.home()) / ".cache"
    return base / "iacscan" / "modules"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]


@dataclass(frozen=True, slots=True)
class CachedPackage:
    root: Path  # the unpacked package
    meta: Mapping[str, Any]


class ModuleCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _ensure(self, sub: str) -> Path:
        path = self.directory / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def get(self, key: str) -> CachedPackage | None:
        entry = self.directory / "packages" / _digest(key)
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("key") != key or not (entry / "pkg").is_dir():
            return None
        return CachedPackage(entry / "pkg", meta)

    def install(
        self, key: str, meta: Mapping[str, Any], fill: Callable[[Path], Mapping[str, Any]]
    ) -> CachedPackage:
        """Run ``fill(empty_dir)`` and keep its result under ``key``; ``fill`` returns extra metadata."""
        packages = self._ensure("packages")
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=packages))
        try:
            (tmp / "pkg").mkdir()
            extra = fill(tmp / "pkg")
            full = {**meta, **extra, "key": key, "fetched": int(time.time())}
            (tmp / "meta.json").write_text(json.dumps(full, sort_keys=True), encoding="utf-8")
            final = packages / _digest(key)
            if final.exists() and self.get(key) is None:
                shutil.rmtree(final, ignore_errors=True)  # a damaged entry
            try:
                os.rename(tmp, final)
            except OSError:
                if self.get(key) is None:  # not a concurrent run finishing first
                    raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        got = self.get(key)
        if got is None:
            raise OSError("the module cache entry could not be written")
        return got

    def read_index(self, module: str) -> tuple[list[str], float] | None:
        try:
            data = json.loads(
                (self.directory / "index" / f"{_digest(module)}.json").read_text(encoding="utf-8")
            )
            return [str(v) for v in data["versions"]], float(data["fetched"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write_index(self, module: str, versions: list[str]) -> None:
        with contextlib.suppress(OSError):
            index = self._ensure("index")
            path = index / f"{_digest(module)}.json"
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"module": module, "versions": versions, "fetched": time.time()}))
            os.replace(tmp, path)
