"""Remembering policy documents that already passed schema validation, so warm runs skip the work.

Parsing YAML and validating against the schema cost one to four milliseconds per policy, which with
a library of 150 policies would dominate a scan of a small module (the pre-commit case). A policy's
validity depends only on its text and the schema, so the parsed, validated document is remembered in
the user's cache directory under the sha256 of both. A failure to read or write the cache only means
parsing and validating again. ``IACSCAN_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def cache_file() -> Path | None:
    if os.environ.get("IACSCAN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "iacscan" / "validated-policies.json"


def digest(schema_text: bytes, policy_text: bytes) -> str:
    return hashlib.sha256(schema_text + b"\0" + policy_text).hexdigest()


class ValidationCache:
    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._docs: dict[str, Any] = {}
        self._used: set[str] = set()
        self._dirty = False
        if path is not None:
            try:
                loaded = json.loads(path.read_bytes())
                self._docs = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._docs = {}

    def get(self, key: str) -> Any:
        """The validated document for this digest, or None."""
        doc = self._docs.get(key)
        if doc is not None:
            self._used.add(key)
        return doc

    def add(self, key: str, doc: Any) -> None:
        try:
            json.dumps(doc)
        except (TypeError, ValueError):
            return
        self._docs[key] = doc
        self._used.add(key)
        self._dirty = True

    def save(self) -> None:
        """Write the entries this run used (so stale ones drop out), if anything new was added."""
        if self._path is None or not self._dirty:
            return
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._path.with_suffix(f".{os.getpid()}.tmp")
            keep = {k: self._docs[k] for k in sorted(self._used)}
            tmp.write_text(json.dumps(keep, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self._path)
        except OSError:
            return
