"""The read boundary: the folders a scan may read files from, whatever the scanned code asks for.

``file("/etc/passwd")``, ``templatefile("../../x")``, a local module source or a ``modules.json``
entry that climbs out of the repository would otherwise bring a CI runner's files into an uploaded
report. Every such path is resolved (symlinks followed, ``..`` folded) and allowed only when it lies
inside one of the boundary's roots:

- the repository root: the enclosing git work tree of the scanned path, else the scanned path
  itself (``--base-dir`` never widens it; see ``repository_root``);
- any extra root a caller adds with ``ReadBoundary.with_root`` (for example the cache folder where
  remote modules were downloaded, which lies outside the repository).

A path that cannot be resolved (a symlink loop, a permission error) is outside.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def resolved(path: Path) -> Path | None:
    """``path`` with symlinks and ``..`` resolved, or None when that fails (loops, permissions)."""
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError, ValueError):
        return None


def repository_root(scanned: Path) -> Path:
    """The enclosing git work tree of ``scanned`` (a folder holding ``.git``), else ``scanned``."""
    start = resolved(scanned) or Path(os.path.abspath(scanned))
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


@dataclass(frozen=True, slots=True)
class ReadBoundary:
    """Reading is allowed inside ``roots`` (each stored resolved)."""

    roots: tuple[Path, ...]

    def __post_init__(self) -> None:
        roots = tuple(r for r in (resolved(Path(root)) for root in self.roots) if r is not None)
        object.__setattr__(self, "roots", roots)

    @classmethod
    def for_scan(cls, scanned: Path) -> ReadBoundary:
        return cls((repository_root(scanned),))

    def with_root(self, root: Path) -> ReadBoundary:
        """This boundary plus ``root`` (e.g. a downloaded module's folder)."""
        extra = resolved(root)
        if extra is None or extra in self.roots:
            return self
        return ReadBoundary((*self.roots, extra))

    def allows(self, path: Path) -> bool:
        """True when ``path``, resolved, lies inside (or is) one of the roots."""
        real = resolved(path)
        if real is None:
            return False
        return any(real == root or root in real.parents for root in self.roots)
