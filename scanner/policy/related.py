"""Finding the resources linked to a subject: by reference in HCL, or by id/name where values are known."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from scanner.model import Mode, Resource, Sensitive, Unknown

_INDEX = re.compile(r"\[[^\]]*\]$")
IDENTITY_ATTRS = ("id", "arn", "name", "bucket")


def _strip_index(address: str) -> str:
    return _INDEX.sub("", address)


def identity_keys(resource: Resource, match_on: Sequence[str] = IDENTITY_ATTRS) -> set[str]:
    keys = {resource.address, _strip_index(resource.address)}
    if resource.cloud_id:
        keys.add(resource.cloud_id)
    for attr in match_on:
        value = resource.attrs.get(attr)
        if isinstance(value, str) and value:
            keys.add(value)
    return keys


class RelatedIndex:
    """Lazily built per (root, type, via): key (address or known value) → resources pointing at it.

    Links never cross roots: addresses are unique only within a root, and two environments that
    reuse names (``aws_s3_bucket.logs`` in dev and prod) must not see each other's resources.
    """

    def __init__(self, resources: Iterable[Resource]) -> None:
        self._by_type: dict[tuple[str, str], list[Resource]] = defaultdict(list)
        for resource in resources:
            if resource.mode is not Mode.MODULE:
                self._by_type[(resource.root, resource.type)].append(resource)
        self._cache: dict[tuple[str, str, str], tuple[dict[str, list[Resource]], list[Resource]]] = {}

    def _table(self, root: str, rtype: str, via: str) -> tuple[dict[str, list[Resource]], list[Resource]]:
        key = (root, rtype, via)
        if key not in self._cache:
            table: dict[str, list[Resource]] = defaultdict(list)
            unresolved: list[Resource] = []
            for res in self._by_type.get((root, rtype), ()):
                refs = res.references.get(via, ())
                for ref in refs:
                    table[ref].append(res)
                value: Any = res.attrs.get(via)
                if isinstance(value, str) and value:
                    table[value].append(res)
                elif isinstance(value, list):
                    for item in value:
                        if isinstance(item, str):
                            table[item].append(res)
                elif (value is Unknown or value is Sensitive) and not refs:
                    unresolved.append(res)
            self._cache[key] = (dict(table), unresolved)
        return self._cache[key]

    def find(
        self, subject: Resource, types: Sequence[str], via: str, match_on: Sequence[str] = IDENTITY_ATTRS
    ) -> tuple[list[Resource], list[Resource]]:
        """The linked resources, and the candidates whose link could not be resolved.

        An unresolved candidate (``bucket = var.other``) might point at any subject, but it does not
        make every subject undecided: the caller decides each subject on its own known links and
        names the unresolved candidates in its message.
        """
        found: dict[str, Resource] = {}
        unresolved: dict[str, Resource] = {}
        keys = identity_keys(subject, match_on)
        for rtype in types:
            table, unres = self._table(subject.root, rtype, via)
            unresolved.update((r.address, r) for r in unres if r.address != subject.address)
            for key in keys:
                for res in table.get(key, ()):
                    if res.address != subject.address:
                        found[res.address] = res
        return [found[a] for a in sorted(found)], [unresolved[a] for a in sorted(unresolved)]
