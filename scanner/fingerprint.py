"""Stable fingerprints: from rule id + resource address + attribute path, never from a line."""

from __future__ import annotations

import hashlib


def fingerprint(rule_id: str, address: str, attribute_path: str = "") -> str:
    raw = "\x1f".join((rule_id, address, attribute_path))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]
