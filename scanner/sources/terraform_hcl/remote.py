"""Modules that live outside the repository (downloaded, or under ``.terraform/modules``).

- ``fetch_module``: a module source → its downloaded directory, trusted as a read root of the scan;
  a failure is a warning naming the module and the reason, and the module is skipped.
- ``Anchor`` / ``anchored``: resources of such a module are located at the ``module`` block in the
  repository that calls it (the only place GitHub can annotate), the module's own file and line kept
  in ``SourceRef.inner``; ``# iacscan:ignore`` comments on that block apply to the module's resources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from scanner.model import InlineSuppression, Resource, SourceRef

if TYPE_CHECKING:
    from .loader import Loader


@dataclass(frozen=True, slots=True)
class Anchor:
    where: SourceRef  # the calling module block, in the repository
    suppressions: tuple[InlineSuppression, ...] = ()


def relocate(src: SourceRef | None, anchor: Anchor) -> SourceRef | None:
    if src is None:
        return anchor.where
    if src.inner is not None:  # already anchored
        return src
    return replace(anchor.where, inner=src)


def anchored(res: Resource, anchor: Anchor | None) -> Resource:
    if anchor is None:
        return res
    return replace(
        res,
        source=relocate(res.source, anchor),
        attr_sources={k: relocate(v, anchor) or v for k, v in res.attr_sources.items()},
        suppressions=res.suppressions + anchor.suppressions,
    )


def shown_source(source: str) -> str:
    """A module source for messages: without a password or a secret query value."""
    from scanner.sources.remote_modules.address import redact

    return redact(source)


def fetch_module(loader: Loader, source: str, version: object, label: str, where: SourceRef) -> Path | None:
    """Download (or take from the cache) a remote module; None, with a warning, when it can't be had."""
    from scanner.sources.remote_modules import FetchError

    assert loader.fetcher is not None
    shown = shown_source(source)
    if version is not None and not isinstance(version, str):
        loader.warn(f"{label}: module source {shown!r}: version is not a known string; skipped", where)
        return None
    try:
        got = loader.fetcher.fetch(source, version)
    except FetchError as exc:
        loader.warn(f"{label}: module source {shown!r} not downloaded: {exc}; skipped", where)
        return None
    loader.trust_root(got.package_root, got.display, got.display_root)
    return got.directory
