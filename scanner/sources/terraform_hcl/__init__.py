"""Terraform HCL source: a root module directory (and the local modules it calls) → ``Inventory``.

Parsing uses tree-sitter (``syntax.py`` is the only module that touches it); expressions are evaluated
lazily per module instance (``scope.py``) with ``Unknown`` for anything that cannot be known.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.errors import UsageError
from scanner.model import Inventory, Notification, Resource

from .boundary import ReadBoundary
from .config import ModuleConfig
from .loader import Loader
from .scope import ModuleScope, Thunk
from .variables import root_variable_values

if TYPE_CHECKING:
    from scanner.sources.remote_modules import DownloadSettings

__all__ = ["ReadBoundary", "load_terraform_dir"]


def load_terraform_dir(
    root: Path,
    *,
    base_dir: Path,
    var_files: Sequence[Path] = (),
    variables: Mapping[str, str] = {},
    download: DownloadSettings | None = None,
    configs: dict[Path, ModuleConfig] | None = None,
    boundary: ReadBoundary | None = None,
) -> Inventory:
    """Resources, data sources and module calls of the Terraform root module at ``root``.

    ``download``: fetch remote modules missing from ``.terraform/modules`` (registry, git, HTTP, S3).
    ``configs``: parsed module folders shared by the roots of one run, so that a module called by many
    roots is parsed once (its parse notifications are then reported by the first root only).
    Files and modules are read only inside ``boundary`` (default: the repository holding ``root``,
    see ``boundary.py``); pass ``ReadBoundary.for_scan(scanned_path)`` when ``root`` was found below
    a scanned folder that is not in a git work tree.
    """
    root = Path(root)
    base_dir = Path(base_dir)
    if not root.is_dir():
        raise UsageError(f"{root}: not a directory")
    notes: list[Notification] = []
    fetcher = None
    if download is not None:
        from scanner.sources.remote_modules import ModuleFetcher

        fetcher = ModuleFetcher(download)
        notes.extend(Notification("warning", p, kind="module") for p in fetcher.problems)
    loader = Loader(root, base_dir, _manifest(root, base_dir), fetcher, configs, boundary)
    resources: list[Resource] = []
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 10000))
    # Loading allocates many small, long-lived objects: cyclic GC passes over them cost time and free nothing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        values = root_variable_values(root, base_dir, var_files, variables, notes)
        cfg = loader.config(root)
        inputs = {name: _const(value) for name, value in values.items()}
        scope = ModuleScope(loader, cfg, "", "", inputs, (root.resolve(),))
        scope.collect(resources)
    finally:
        sys.setrecursionlimit(old_limit)
        if gc_was_enabled:
            gc.enable()
    resources.sort(key=lambda r: r.address)
    return Inventory(
        resources=tuple(resources),
        notifications=tuple(notes + loader.notes),
        inputs=(str(root),),
    )


def _const(value: Any) -> Thunk:
    frozen: frozenset[str] = frozenset()
    return lambda: (value, frozen)


def _manifest(root: Path, base_dir: Path) -> dict[str, Path]:
    """``.terraform/modules/modules.json``: module key (``net``, ``net.sub``) → downloaded directory."""
    path = root / ".terraform" / "modules" / "modules.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            str(m["Key"]): root / str(m["Dir"])
            for m in data.get("Modules", [])
            if m.get("Key") and m.get("Dir") is not None
        }
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}
