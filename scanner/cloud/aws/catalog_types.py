"""The data types of the catalog: a ``Listing`` (one list operation of one service), its per-record
``ExtraCall``s and, for child resources listed per parent (the routes of an API, the permissions of a
function), the ``Parent`` listing whose records are walked first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

GLOBAL = "global"
REGIONAL = "regional"


@dataclass(frozen=True, slots=True)
class ExtraCall:
    """One call per record. ``params`` maps API parameter → record field; ``as_list`` wraps the value.

    ``missing`` lists error codes meaning "not configured" (stored as ``None``, not an error).
    ``result_key`` is a JMESPath expression over the response (``None``: the whole response).
    """

    name: str
    operation: str
    params: Mapping[str, str]
    result_key: str | None = None
    missing: tuple[str, ...] = ()
    static: Mapping[str, Any] = field(default_factory=dict)
    as_list: tuple[str, ...] = ()
    required: bool = False
    """A denied or unsupported call fails the whole listing (its types are then not compared) instead
    of leaving the attributes out: for calls that read the resource itself, not one setting of it."""


@dataclass(frozen=True, slots=True)
class Parent:
    """The parent listing of a child listing: the parents are listed first, then the listing's own
    operation is called once per parent with ``params`` (API parameter → JMESPath over the parent).

    Each child record is ``{"Parent": parent record, "Item": child item}``. An error code in
    ``missing`` (or a NotFound-style code) on a parent's child call means the parent went away
    meanwhile: it has no children, which is not an error. A deleted parent is simply not listed, so
    its children come out DELETED, never "read failed".
    """

    operation: str
    result_key: str
    params: Mapping[str, str]
    static: Mapping[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    name: str
    service: str
    operation: str
    result_key: str
    id_field: str
    emits: tuple[str, ...]
    converter: str
    scope: str = REGIONAL
    paginated: bool = True
    page_size: int | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    extras: tuple[ExtraCall, ...] = ()
    parent: Parent | None = None
