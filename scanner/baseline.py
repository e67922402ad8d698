"""Baselines: today's findings and drift recorded by fingerprint, reported as suppressed later.

The file is sorted, indented JSON with one entry per fingerprint, so that a review diff shows
exactly which findings were accepted or fixed::

    {
      "version": 1,
      "entries": [
        {"attribute": "", "fingerprint": "…", "kind": "policy", "resource": "aws_s3_bucket.logs",
         "rule": "AWS-S3-002", "since": "2026-11-27"}
      ]
    }
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from scanner.errors import ConfigError
from scanner.fingerprint import fingerprint
from scanner.model import Finding, ScanResult, Status

VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    rule: str
    resource: str
    attribute: str
    kind: str  # "policy" or the drift kind: "changed" | "deleted" | "unmanaged"
    since: str  # YYYY-MM-DD

    def as_dict(self) -> dict[str, str]:
        return {
            "attribute": self.attribute,
            "fingerprint": self.fingerprint,
            "kind": self.kind,
            "resource": self.resource,
            "rule": self.rule,
            "since": self.since,
        }


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...]

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}


@dataclass(frozen=True, slots=True)
class Failure:
    """What a baseline needs from a failing result: from a Finding or from a SARIF result."""

    rule: str
    resource: str
    attribute: str
    kind: str
    fingerprint: str


def failures_of(findings: Iterable[Finding]) -> list[Failure]:
    return [
        Failure(
            f.rule_id,
            f.resource_address,
            f.attribute_path,
            f.drift_kind.value if f.drift_kind is not None else "policy",
            f.fingerprint(),
        )
        for f in findings
        if f.status is Status.FAIL
    ]


def _sorted(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    unique = {e.fingerprint: e for e in entries}
    return tuple(sorted(unique.values(), key=lambda e: (e.rule, e.resource, e.attribute, e.fingerprint)))


def create(failures: Iterable[Failure], today: date) -> Baseline:
    since = today.isoformat()
    return Baseline(
        _sorted(Entry(f.fingerprint, f.rule, f.resource, f.attribute, f.kind, since) for f in failures)
    )


def update(
    baseline: Baseline, failures: Iterable[Failure], today: date, *, add_new: bool = False
) -> Baseline:
    """Drop entries that no longer fail; keep the others with their dates; add new ones only if asked."""
    current = {f.fingerprint: f for f in failures}
    kept = [e for e in baseline.entries if e.fingerprint in current]
    if add_new:
        known = {e.fingerprint for e in baseline.entries}
        kept += create((f for fp, f in current.items() if fp not in known), today).entries
    return Baseline(_sorted(kept))


def dumps(baseline: Baseline) -> str:
    doc = {"version": VERSION, "entries": [e.as_dict() for e in baseline.entries]}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file. Raises ConfigError with the file name on anything malformed."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}: the baseline is not valid JSON: {exc.msg}") from exc
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("entries"), list):
        raise ConfigError(f"{path}: not an iacscan baseline (version {VERSION} with an entries list)")
    entries = []
    for n, item in enumerate(doc["entries"]):
        entries.append(_entry(item, path, n))
    return Baseline(_sorted(entries))


def _entry(item: Any, path: Path, n: int) -> Entry:
    if not isinstance(item, Mapping) or not all(isinstance(item.get(k), str) for k in ("rule", "resource")):
        raise ConfigError(f"{path}: entries[{n}]: needs at least 'rule' and 'resource' strings")
    attribute = str(item.get("attribute", ""))
    fp = str(item.get("fingerprint") or fingerprint(item["rule"], item["resource"], attribute))
    return Entry(
        fp,
        item["rule"],
        item["resource"],
        attribute,
        str(item.get("kind", "policy")),
        str(item.get("since", "")),
    )


def apply(result: ScanResult, baseline: Baseline) -> ScanResult:
    """Failures recorded in the baseline become SUPPRESSED (kind external, source baseline)."""
    known = baseline.by_fingerprint()
    if not known:
        return result
    return replace(result, findings=tuple(_suppress(f, known) for f in result.findings))


def _suppress(finding: Finding, known: Mapping[str, Entry]) -> Finding:
    if finding.status is not Status.FAIL:
        return finding
    entry = known.get(finding.fingerprint())
    if entry is None:
        return finding
    since = f" since {entry.since}" if entry.since else ""
    return finding.suppressed("external", f"in baseline{since}", "baseline")
