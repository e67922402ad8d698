"""The static scan of folder arguments: root modules found, then each root loaded AND evaluated alone.

Identity is (root, address) and ``related`` links never cross roots, so a root's findings depend on
that root only: each root is a self-contained task (load → policies → findings), run in this process
or, for a large tree, in a process pool (``sources.root_loader``). A worker sends back findings and
notifications, not resources, so little crosses process boundaries. Results are merged in root order
and sorted, the same with or without the pool and in any argument order.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from scanner.model import Finding, Inventory, Mode, Notification
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet
from scanner.sources import detect
from scanner.sources.root_loader import (
    dedupe,
    duplicate_notes,
    root_label,
    with_root,
)


@dataclass(frozen=True, slots=True)
class RootScan:
    findings: tuple[Finding, ...] = ()
    notifications: tuple[Notification, ...] = ()
    inputs: tuple[str, ...] = ()
    resources: int = 0  # managed resources


@dataclass(frozen=True, slots=True)
class TreeScan:
    findings: list[Finding]
    notifications: list[Notification]
    inputs: list[str]
    resources: int
    matched_patterns: frozenset[str]


def scan_folders(
    folders: Sequence[Path],
    base_dir: Path,
    options: detect.LoadOptions,
    policies: PolicySet,
    as_of: date | None,
) -> TreeScan:
    run = detect.run_tree(
        folders,
        base_dir,
        options,
        functools.partial(_scan_root, policies=policies, as_of=as_of),
        _failed,
        functools.partial(_evaluated, policies=policies, as_of=as_of),
    )
    results, notes = run.results, list(run.notifications)
    findings: list[Finding] = []
    inputs: list[str] = []
    for result in results:
        findings.extend(result.findings)
        notes.extend(result.notifications)
        inputs.extend(result.inputs)
    return TreeScan(
        findings=findings,
        notifications=dedupe(notes),
        inputs=inputs,
        resources=sum(r.resources for r in results),
        matched_patterns=run.matched_patterns,
    )


def _scan_root(
    root: Path,
    configs: dict[Path, Any],
    *,
    base_dir: Path,
    options: detect.LoadOptions,
    policies: PolicySet,
    as_of: date | None,
) -> RootScan:
    inv = with_root(
        detect.load_root(root, configs, base_dir=base_dir, options=options), root_label(root, base_dir)
    )
    return _evaluated(inv, policies, as_of)


def _evaluated(inv: Inventory, policies: PolicySet, as_of: date | None) -> RootScan:
    """One root's inventory → its findings (the inventory is not kept)."""
    notes = [*inv.notifications, *duplicate_notes(inv.resources)]
    # The root's resources stay alive until its findings are made: keep the cyclic GC off them.
    gc.freeze()
    try:
        findings = evaluate_inventory(inv, policies, as_of=as_of)
    finally:
        gc.unfreeze()
    managed = sum(1 for r in inv.resources if r.mode is Mode.MANAGED)
    return RootScan(tuple(findings), tuple(notes), inv.inputs, managed)


def _failed(note: Notification) -> RootScan:
    return RootScan(notifications=(note,))
