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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from scanner.model import Finding, Inventory, Mode, Notification
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet
from scanner.sources import detect
from scanner.sources.discovery import discover, missing_notes
from scanner.sources.root_loader import (
    dedupe,
    duplicate_notes,
    load_roots,
    root_label,
    with_root,
    worker_count,
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
    found = discover(folders, base_dir, options.skip_paths)
    options = replace(options, read_roots=options.read_roots or tuple(folders))
    notes = [*found.notifications, *missing_notes(folders, found, base_dir, detect.FORMATS_HINT)]
    workers = 1 if options.state_from_backend else worker_count(len(found.roots), found.tf_bytes)
    task = functools.partial(_scan_root, base_dir=base_dir, options=options, policies=policies, as_of=as_of)
    results, pool_notes = load_roots(found.roots, base_dir, task, on_error=_failed, workers=workers)
    for program in found.pulumi_programs:  # run (opt-in) one after another: each is a child process
        inv = detect.load_pulumi_folder(program, base_dir, options)
        results.append(_evaluated(inv, policies, as_of))
    notes += pool_notes
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
        matched_patterns=found.matched_patterns,
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
