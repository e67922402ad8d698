"""Evaluate many root modules in one run: every file parsed once, both cores used on large trees.

Identity is (root, address): each resource is labelled with the root it was evaluated in (the root
folder relative to the base dir, POSIX, ``.`` for the base dir itself). The roots of one process
share one parse cache (folder → parsed module), so a module called by fifty roots is parsed once per
process. A tree holding at least ``PARALLEL_BYTES`` of ``.tf`` in two or more roots is spread over a
process pool (``IACSCAN_WORKERS`` sets the number of processes; ``1`` turns the pool off): contiguous
chunks of the sorted roots, so roots that share modules tend to share a process. The results are
merged in root order, so they are the same with or without the pool.

A root that fails to load costs a notification, not the run; the same address twice in one root
(Terraform rejects it) is an error notification naming both places, and both are evaluated.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from scanner.errors import ScannerError, SourceError
from scanner.model import Inventory, Notification, Resource, SourceRef

PARALLEL_BYTES = 1 << 20
MAX_WORKERS = 4

T = TypeVar("T")
RootTask = Callable[[Path, dict[Path, Any]], T]
"""Work on one root folder, given a parse cache shared by the roots of this process."""

_worker_cache: dict[Path, Any] = {}  # one per worker process: the parse cache of its roots
_inherited: list[tuple[Any, Any]] = []  # the task, set just before a fork pool starts its workers


def root_label(folder: Path, base_dir: Path) -> str:
    real, base = folder.resolve(), base_dir.resolve()
    try:
        return real.relative_to(base).as_posix() or "."
    except ValueError:
        return Path(os.path.relpath(real, base)).as_posix()


def with_root(inv: Inventory, root: str) -> Inventory:
    """Label the resources that have no root yet with ROOT."""
    if all(r.root for r in inv.resources):
        return inv
    enabled = gc.isenabled()
    gc.disable()  # many new long-lived objects: a cyclic GC pass over them would free nothing
    try:
        resources = tuple(r if r.root else replace(r, root=root) for r in inv.resources)
    finally:
        if enabled:
            gc.enable()
    return Inventory(resources, inv.notifications, inv.inputs)


def duplicate_notes(resources: Iterable[Resource]) -> list[Notification]:
    """One error per address declared twice in one root, naming both places."""
    first: dict[tuple[str, str], Resource] = {}
    notes: list[Notification] = []
    for res in resources:
        key = (res.root, res.address)
        seen = first.setdefault(key, res)
        if seen is res:
            continue
        here, there = _where(res.source), _where(seen.source)
        root = f" in root {res.root}" if res.root else ""
        notes.append(
            Notification(
                "error",
                f"{here}: duplicate address {res.address}{root}, also declared at {there} "
                "(Terraform rejects this; both are evaluated)",
                source=res.source,
                kind="parse",
            )
        )
    return notes


def _where(src: SourceRef | None) -> str:
    return f"{src.path}:{src.start_line}" if src is not None else "(unknown place)"


def worker_count(roots: int, tf_bytes: int) -> int:
    wanted = os.environ.get("IACSCAN_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return max(1, min(int(wanted), roots))
    if roots < 2 or tf_bytes < PARALLEL_BYTES:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, roots))


def load_roots(
    roots: Sequence[Path],
    base_dir: Path,
    task: RootTask[T],
    *,
    on_error: Callable[[Notification], T],
    workers: int = 1,
) -> tuple[list[T], list[Notification]]:
    """TASK's result for each root, in the order of ROOTS, and the pool's own notifications.

    A root whose task raises gives ``on_error(notification)`` instead: the other roots go on.
    """
    chunks = _chunks(list(roots), workers * 2) if workers > 1 else [list(roots)]
    notes: list[Notification] = []
    results: list[list[T]] | None = None
    if workers > 1:
        try:
            fork = "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if fork else "spawn")
            count = len(chunks)
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                if fork:  # the workers inherit the task (and its policies): nothing to pickle but paths
                    _inherited[:] = [(task, on_error)]
                    results = list(pool.map(_run_inherited, chunks, [base_dir] * count))
                else:
                    results = list(
                        pool.map(_run_chunk, [task] * count, chunks, [base_dir] * count, [on_error] * count)
                    )
        except Exception as exc:  # a pool that cannot start or dies: run in this process instead
            message = f"parallel scan not used ({type(exc).__name__}); roots scanned one by one"
            notes.append(Notification("note", message, kind="input"))
            results = None
        finally:
            _inherited.clear()
    if results is None:
        cache: dict[Path, Any] = {}
        results = [[_run_one(task, root, base_dir, cache, on_error) for root in chunk] for chunk in chunks]
    return [item for chunk in results for item in chunk], notes


def _chunks(items: list[Path], count: int) -> list[list[Path]]:
    size = max(1, -(-len(items) // max(count, 1)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _run_inherited(roots: list[Path], base_dir: Path) -> list[Any]:
    task, on_error = _inherited[0]
    return [_run_one(task, root, base_dir, _worker_cache, on_error) for root in roots]


def _run_chunk(
    task: RootTask[T], roots: list[Path], base_dir: Path, on_error: Callable[[Notification], T]
) -> list[T]:
    return [_run_one(task, root, base_dir, _worker_cache, on_error) for root in roots]


def _run_one(
    task: RootTask[T],
    root: Path,
    base_dir: Path,
    cache: dict[Path, Any],
    on_error: Callable[[Notification], T],
) -> T:
    label = root_label(root, base_dir)
    try:
        return task(root, cache)
    except ScannerError as exc:  # an input error (a backend state that cannot be read): exit 2 later
        message = str(exc) if isinstance(exc, SourceError) and exc.path else f"{label}: {exc}"
        return on_error(Notification("error", message, kind="input"))
    except (RecursionError, MemoryError, OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        message = f"{label}: root not scanned: {type(exc).__name__} while evaluating it"
        return on_error(Notification("error", message, kind="parse"))


def inventory_error(note: Notification) -> Inventory:
    return Inventory((), (note,), ())


def dedupe(notes: Iterable[Notification]) -> list[Notification]:
    """Notifications once each (a shared module's parse error is seen by every process that parses it)."""
    return list(dict.fromkeys(notes))
