"""Stable fingerprints: from rule id + root + resource address + attribute path, never from a line.

A finding without a root (a report from before roots existed, a hand-written baseline entry) keeps
the fingerprint it always had, from rule id + address + attribute path: ``legacy_fingerprint``.
"""

from __future__ import annotations

import hashlib


def fingerprint(rule_id: str, root: str, address: str, attribute_path: str = "") -> str:
    parts = (rule_id, address, attribute_path) if not root else (rule_id, root, address, attribute_path)
    raw = "\x1f".join(parts)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def legacy_fingerprint(rule_id: str, address: str, attribute_path: str = "") -> str:
    """The fingerprint of the same result in any root (what baselines without roots recorded)."""
    return fingerprint(rule_id, "", address, attribute_path)
