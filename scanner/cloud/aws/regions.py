"""Which AWS regions to read: those asked for, else those the IaC uses, else the default one."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from scanner.cloud.aws.session import SessionFactory
from scanner.errors import UsageError
from scanner.model import Resource
from scanner.sources.terraform_state import inventory_regions, state_regions


def split_regions(values: Sequence[str]) -> list[str]:
    """``--regions a,b --regions c`` → ``[a, b, c]``, sorted and deduplicated."""
    return sorted({r.strip() for v in values for r in v.split(",") if r.strip()})


def state_files(spec: str) -> list[Path]:
    """The input itself when it is a local file (a state's provider configuration names regions)."""
    return [Path(spec)] if "://" not in spec and Path(spec).is_file() else []


def resolve_regions(
    given: Sequence[str],
    resources: Iterable[Resource],
    factory: SessionFactory,
    state_files: Iterable[Path] = (),
) -> list[str]:
    """``given``, else the states' provider configuration, else the resources' ARNs, else the default."""
    if given:
        return split_regions(given)
    found = {region for path in state_files for region in state_regions(path)}
    found = found or set(inventory_regions(resources))
    if found:
        return sorted(found)
    default = os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION") or factory.default_region()
    if not default:
        raise UsageError("no AWS region: pass --regions, or set AWS_DEFAULT_REGION")
    return [default]
