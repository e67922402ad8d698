"""One call for the CLI (``iacscan drift`` and ``iacscan scan --drift``): read live, compute drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from scanner.cloud.aws import ClientFactory, LiveRead, read_live
from scanner.cloud.aws.lister import Progress
from scanner.drift.engine import compute_drift
from scanner.drift.ignore import IgnoreRules
from scanner.model import Finding, Inventory, Notification


@dataclass(frozen=True)
class DriftRun:
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    summary: dict[str, Any]
    live: LiveRead

    @property
    def partial(self) -> bool:
        """The live read stopped early (an endpoint died): the report is incomplete."""
        return self.live.unreachable


def drift_run(
    iac: Inventory,
    *,
    regions: Sequence[str],
    session_factory: ClientFactory,
    ignore: IgnoreRules | None = None,
    strict: bool = False,
    types: Iterable[str] | None = None,
    progress: Progress | None = None,
    live: LiveRead | None = None,
) -> DriftRun:
    """Read every supported type (or ``types``) in ``regions`` and compare with ``iac``.

    ``live``: a read already made (``iacscan scan --live --drift`` reads once for both).
    """
    if live is None:
        live = read_live(types, regions, session_factory, progress=progress)
    report = compute_drift(
        iac,
        live.inventory,
        ignore=ignore,
        strict=strict,
        checked_types=live.read_types,
        regions=regions,
        failure_reasons=live.failure_reasons,
    )
    notes = list(live.notifications) + list(report.notifications)
    if live.unreachable:
        skipped = ", ".join(sorted(live.failed_types)) or "none"
        notes.append(
            Notification(
                level="error",
                message=f"live read incomplete: an AWS endpoint stopped answering; not compared: {skipped}",
                kind="cloud",
            )
        )
    summary = dict(report.summary)
    summary.update(
        {
            "regions": list(regions),
            "partial": live.unreachable,
            "live_resources": len(live.inventory.resources),
            "api_calls": {t: dict(c) for t, c in live.api_calls.items()},
        }
    )
    return DriftRun(report.findings, tuple(notes), summary, live)


def run_drift(
    iac: Inventory,
    *,
    regions: Sequence[str],
    session_factory: ClientFactory,
    ignore: IgnoreRules | None = None,
    strict: bool = False,
) -> tuple[tuple[Finding, ...], tuple[Notification, ...], dict[str, Any]]:
    """``(findings, notifications, summary)``; ``summary["partial"]`` is true when the read stopped early."""
    run = drift_run(iac, regions=regions, session_factory=session_factory, ignore=ignore, strict=strict)
    return run.findings, run.notifications, run.summary
