"""Baselines: today's findings and drift recorded by fingerprint, reported as suppressed later.

The file is sorted, indented JSON with one entry per fingerprint, so that a review diff shows
exactly which findings were accepted or fixed::

    {
      "version": 1,
      "entries": [
        {"attribute": "", "fingerprint": "…", "kind": "policy", "resource": "aws_s3_bucket.logs",
         "root": "infra/envs/dev", "rule": "AWS-S3-002", "since": "2026-11-27"}
      ]
    }

An entry is for one root (identity is (root, address)): a baseline made from dev does not hide
prod's findings. Entries written before roots existed (no ``root`` key) still work, matching that
address in every root, and the scan says so with a notice to re-create the baseline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from scanner.errors import ConfigError
from scanner.fingerprint import fingerprint, legacy_fingerprint
from scanner.model import Finding, Notification, ScanResult, Status

VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    rule: str
    resource: str
    attribute: str
    kind: str  # "policy" or the drift kind: "changed" | "deleted" | "unmanaged"
    since: str  # YYYY-MM-DD
    root: str | None = None  # None: an entry from before roots, matching the address in any root

    def as_dict(self) -> dict[str, str]:
        out = {
            "attribute": self.attribute,
            "fingerprint": self.fingerprint,
            "kind": self.kind,
            "resource": self.resource,
            "rule": self.rule,
            "since": self.since,
        }
        if self.root is not None:
            out["root"] = self.root
        return out


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...]
    _index: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _legacy: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {e.fingerprint: e for e in self.entries})
        # Entries without a root, by the root-less fingerprint the result has in every root.
        object.__setattr__(self, "_legacy", {e.fingerprint: e for e in self.entries if e.root is None})

    def by_fingerprint(self) -> dict[str, Entry]:
        return dict(self._index)

    def match(self, rule: str, root: str, resource: str, attribute: str, fp: str) -> Entry | None:
        entry = self._index.get(fp)
        if entry is not None and (entry.root is None or entry.root == root):
            return entry
        return self._legacy.get(legacy_fingerprint(rule, resource, attribute))


@dataclass(frozen=True, slots=True)
class Failure:
    """What a baseline needs from a failing result: from a Finding or from a SARIF result."""

    rule: str
    resource: str
    attribute: str
    kind: str
    fingerprint: str
    root: str = ""


def failures_of(findings: Iterable[Finding]) -> list[Failure]:
    return [
        Failure(
            f.rule_id,
            f.resource_address,
            f.attribute_path,
            f.drift_kind.value if f.drift_kind is not None else "policy",
            f.fingerprint(),
            f.root,
        )
        for f in findings
        if f.status is Status.FAIL
    ]


def _sorted(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    unique = {e.fingerprint: e for e in entries}
    return tuple(
        sorted(unique.values(), key=lambda e: (e.root or "", e.rule, e.resource, e.attribute, e.fingerprint))
    )


def _entry_of(failure: Failure, since: str) -> Entry:
    return Entry(
        failure.fingerprint,
        failure.rule,
        failure.resource,
        failure.attribute,
        failure.kind,
        since,
        failure.root,
    )


def create(failures: Iterable[Failure], today: date) -> Baseline:
    since = today.isoformat()
    return Baseline(_sorted(_entry_of(f, since) for f in failures))


def update(
    baseline: Baseline, failures: Iterable[Failure], today: date, *, add_new: bool = False
) -> Baseline:
    """Drop entries that no longer fail; keep the others with their dates; add new ones only if asked.

    An entry without a root is kept as one entry per root where that address still fails (so the
    update gives a baseline with roots and the same dates).
    """
    failures = list(failures)
    kept: list[Entry] = []
    matched: set[str] = set()
    for failure in failures:
        entry = baseline.match(
            failure.rule, failure.root, failure.resource, failure.attribute, failure.fingerprint
        )
        if entry is not None:
            kept.append(_entry_of(failure, entry.since))
            matched.add(failure.fingerprint)
    if add_new:
        kept += create((f for f in failures if f.fingerprint not in matched), today).entries
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
    root = item.get("root")
    root = str(root) if root is not None else None
    fp = str(item.get("fingerprint") or fingerprint(item["rule"], root or "", item["resource"], attribute))
    return Entry(
        fp,
        item["rule"],
        item["resource"],
        attribute,
        str(item.get("kind", "policy")),
        str(item.get("since", "")),
        root,
    )


def legacy_notice(baseline: Baseline, where: str) -> Notification | None:
    count = sum(1 for e in baseline.entries if e.root is None)
    if not count:
        return None
    return Notification(
        "warning",
        f"{where}: {count} baseline entr{'y has' if count == 1 else 'ies have'} no root and match that "
        "address in every root; re-create the baseline (iacscan baseline create) to record the roots",
        kind="config",
    )


def apply(result: ScanResult, baseline: Baseline, where: str = "baseline") -> ScanResult:
    """Failures recorded in the baseline become SUPPRESSED (kind external, source baseline)."""
    if not baseline.entries:
        return result
    notice = legacy_notice(baseline, where)
    notes = result.notifications + ((notice,) if notice is not None else ())
    findings = tuple(_suppress(f, baseline) for f in result.findings)
    return replace(result, findings=findings, notifications=notes)


def _suppress(finding: Finding, baseline: Baseline) -> Finding:
    if finding.status is not Status.FAIL:
        return finding
    entry = baseline.match(
        finding.rule_id, finding.root, finding.resource_address, finding.attribute_path, finding.fingerprint()
    )
    if entry is None:
        return finding
    since = f" since {entry.since}" if entry.since else ""
    return finding.suppressed("external", f"in baseline{since}", "baseline")
