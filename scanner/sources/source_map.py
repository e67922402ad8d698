"""Locate plan, state and Pulumi resources at the HCL block that declares them.

A plan or state resource gets the ``source``, ``attr_sources`` and inline ``suppressions`` of the
HCL resource with the same address. Terraform addresses carry instance keys the source may not have
expanded, so the match is tried from the most to the least specific:

1. the same address: ``module.net["a"].aws_subnet.public[0]``;
2. the resource's own index dropped: ``module.net["a"].aws_subnet.public``;
3. every index dropped: ``module.net.aws_subnet.public``.

A resource with no HCL match keeps the location its reader gave it (its object's line in the JSON
file). Data resources are matched too. The types must agree.
"""

from __future__ import annotations

from dataclasses import replace

from scanner.model import Inventory, Mode, Resource, SourceRef
from scanner.sources.terraform_values import strip_indexes, strip_last_index


def attach_sources(inv: Inventory, hcl: Inventory) -> Inventory:
    index: dict[str, Resource] = {}
    blocks = [r for r in hcl.resources if r.mode is not Mode.MODULE]
    for key_of in (str, strip_last_index, strip_indexes):  # exact addresses win over stripped ones
        for res in blocks:
            index.setdefault(key_of(res.address), res)
    resources = tuple(_attach(res, index) for res in inv.resources)
    return Inventory(resources, inv.notifications, inv.inputs)


def _attach(res: Resource, index: dict[str, Resource]) -> Resource:
    for key in (res.address, strip_last_index(res.address), strip_indexes(res.address)):
        match = index.get(key)
        if match is not None and match.type == res.type and match.source is not None:
            return replace(
                res,
                source=match.source,
                attr_sources=_attr_sources(match, res),
                suppressions=match.suppressions or res.suppressions,
            )
    return res


def _attr_sources(hcl: Resource, res: Resource) -> dict[str, SourceRef]:
    merged: dict[str, SourceRef] = dict(res.attr_sources)
    merged.update(hcl.attr_sources)
    return merged
