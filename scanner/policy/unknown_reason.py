"""Why a check could not be decided: which value was unknown, and where that value came from.

The evaluator's witnesses of an UNKNOWN outcome are the (resource, attribute path) pairs it could
not read. Sources say where an attribute's unknown parts came from: HCL records the variables,
locals and resource attributes (``var.region``, ``aws_kms_key.k.arn``) behind each attribute;
a plan's unknowns are computed at apply; a live reader's missing key was not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from scanner.model import Origin, Resource

_TOP = re.compile(r"[^.\[]+")
_LIMIT = 3

_ORIGIN_NOTE = {
    Origin.PLAN: "known only after apply",
    Origin.LIVE: "not read from AWS",
    Origin.STATE: "not recorded in the state",
    Origin.PULUMI: "unknown in the Pulumi export",
}


def _top(path: str) -> str:
    match = _TOP.match(path)
    return match.group(0) if match else ""


def _one(resource: Resource | None, address: str, path: str, subject: Resource) -> str:
    what = path or "the value"
    if resource is not None and resource.address != subject.address:
        what = f"{address}.{path}" if path else address
    if resource is None:
        return f"{what} is unknown"
    sources = resource.unknown_from.get(_top(path), ())
    if sources:
        # Inside a module, `var.x` is the module's input: say which module call sets it.
        where = f" of {resource.module}" if resource.module else ""
        named = ", ".join(f"{s}{where}" if s.startswith(("var.", "local.")) else s for s in sources)
        return f"{what} is unknown (from {named})"
    if path and resource.sensitive_paths and _top(path) in resource.sensitive_paths:
        return f"{what} is sensitive"
    note = _ORIGIN_NOTE.get(resource.origin)
    return f"{what} is unknown ({note})" if note else f"{what} is unknown"


def unknown_reason(
    witnesses: Sequence[tuple[str, str]],
    messages: Sequence[str],
    resources: Mapping[str, Resource],
    subject: Resource,
) -> str:
    """One line: ``versioning[0].enabled is unknown (from var.versioning)``; the first few, sorted."""
    parts: list[str] = []
    for address, path in witnesses:
        text = _one(resources.get(address), address, path, subject)
        if text not in parts:
            parts.append(text)
    parts.extend(m for m in messages if m and m not in parts)
    if not parts:
        return "a value it depends on is unknown"
    more = len(parts) - _LIMIT
    shown = "; ".join(parts[:_LIMIT])
    return f"{shown}; and {more} more" if more > 0 else shown
