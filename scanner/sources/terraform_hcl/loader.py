"""State shared by every module instance of one root's evaluation: parsed folders, notes, bounds.

The ``Loader`` parses each module folder once (shared with the other roots of a run when they pass
``configs``), holds the root's notifications and evaluation budget (``limits.py``), and the read
boundary: the repository of the scanned folders, widened by each downloaded module package
(``trust_root``) so that a remote module reads its own files and nothing else outside.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scanner.model import Notification, SourceRef

from .boundary import ReadBoundary
from .config import ModuleConfig, load_module_config
from .limits import Budget

if TYPE_CHECKING:
    from scanner.sources.remote_modules import ModuleFetcher


class Loader:
    """State shared by all module instances of one scan."""

    def __init__(
        self,
        root: Path,
        base_dir: Path,
        manifest: dict[str, Path],
        fetcher: ModuleFetcher | None = None,
        configs: dict[Path, ModuleConfig] | None = None,
        boundary: ReadBoundary | None = None,
    ) -> None:
        self.root = root
        self.base_dir = base_dir
        self.manifest = manifest
        self.fetcher = fetcher  # set with --download-external-modules
        self.notes: list[Notification] = []
        self.budget = Budget(self.notes)  # the evaluation bounds of this root (limits.py)
        # Files and modules are read only inside it (the repository holding the root); each downloaded
        # module package (in the module cache, outside the repository) widens it (``trust_root``).
        self.boundary = boundary or ReadBoundary.for_scan(root)
        self.trusted_roots: list[Path] = []
        self._displays: dict[Path, str] = {}  # directory → how its files are named in reports
        # Parsed module folders, shared by a run's roots.
        self._configs: dict[Path, ModuleConfig] = {} if configs is None else configs

    def trust_root(self, package_root: Path, display: str, display_root: Path) -> None:
        real = package_root.resolve()
        if real not in self.trusted_roots:
            self.trusted_roots.append(real)
            self.boundary = self.boundary.with_root(real)
        self._displays.setdefault(display_root.resolve(), display)

    def display_of(self, directory: Path) -> str | None:
        for top, display in self._displays.items():
            if directory == top or top in directory.parents:
                rel = directory.relative_to(top).as_posix()
                return display if rel == "." else f"{display}/{rel}"
        return None

    def config(self, directory: Path) -> ModuleConfig:
        key = directory.resolve()
        cfg = self._configs.get(key)
        if cfg is None:
            cfg = load_module_config(directory, self.base_dir, self.display_of(key))
            self.notes.extend(cfg.notifications)
            self._configs[key] = cfg
        return cfg

    def warn(self, message: str, source: SourceRef | None, kind: str = "module") -> None:
        self.notes.append(Notification(level="warning", kind=kind, message=message, source=source))
