"""Frozen data types that cross module boundaries.

Every source (HCL, plan, state, Pulumi, live AWS) produces an ``Inventory`` of ``Resource``s in one
vocabulary: Terraform AWS provider resource types and snake_case attribute names. Policies, drift and
reports only ever see these types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any


class _UnknownType:
    """A value the source cannot know (unset variable, computed attribute). A singleton.

    A condition over an Unknown value evaluates to UNKNOWN, never to FAIL.
    """

    _instance: _UnknownType | None = None

    def __new__(cls) -> _UnknownType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "Unknown"

    def __bool__(self) -> bool:
        raise TypeError("Unknown has no truth value; test with `is Unknown`")

    def __reduce__(self) -> str:
        return "Unknown"


Unknown: Any = _UnknownType()


class _SensitiveType:
    """A value the source knows is secret. Reports show ``(sensitive)`` and never the value."""

    _instance: _SensitiveType | None = None

    def __new__(cls) -> _SensitiveType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "(sensitive)"

    def __reduce__(self) -> str:
        return "Sensitive"


Sensitive: Any = _SensitiveType()


class PartialDocument(dict):  # type: ignore[type-arg]
    """A JSON document whose structure is known but some values are not (``Unknown`` leaves).

    ``jsonencode({Resource = aws_s3_bucket.b.arn, ...})`` or an ``aws_iam_policy_document`` with a
    reference in it: the text can't be known before apply, but the statements can be analysed. Leaf
    operators treat it as unknown; ``as: iam_statements`` / ``as: json`` quantifiers read its known parts.
    """

    __slots__ = ()


def is_unknown(value: Any) -> bool:
    return value is Unknown


class Origin(str, Enum):
    HCL = "hcl"
    PLAN = "plan"
    STATE = "state"
    PULUMI = "pulumi"
    LIVE = "live"


class Mode(str, Enum):
    MANAGED = "managed"
    DATA = "data"
    MODULE = "module"


class Severity(str, Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    SUPPRESSED = "suppressed"


class DriftKind(str, Enum):
    CHANGED = "changed"
    DELETED = "deleted"
    UNMANAGED = "unmanaged"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a thing is written. ``path`` is POSIX, relative to the base dir where possible."""

    path: str
    start_line: int
    end_line: int
    start_column: int = 1
    end_column: int | None = None
    # Set when the thing is written in a module downloaded outside the repository: ``path`` and the
    # lines are then the calling ``module`` block in the repository, ``inner`` the module's own file.
    inner: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource, data source or module call in the canonical Terraform vocabulary.

    ``attrs`` holds plain Python values (str, int, float, bool, None, list, dict) plus the
    ``Unknown`` and ``Sensitive`` markers. Nested blocks are lists of dicts (``ingress: [{...}]``).
    ``attr_sources`` maps attribute paths (``"versioning"``, ``"ingress[0].cidr_blocks"``) to where
    they are written, so a finding can point at the most specific line. ``references`` maps
    top-level attribute names to the addresses of the resources their expressions refer to
    (``{"bucket": ("aws_s3_bucket.logs",)}``), so policies can follow links in HCL where the
    referenced value itself is unknown.
    """

    address: str
    type: str
    attrs: Mapping[str, Any]
    origin: Origin
    source: SourceRef | None = None
    cloud_id: str | None = None
    mode: Mode = Mode.MANAGED
    name: str = ""
    module: str = ""
    attr_sources: Mapping[str, SourceRef] = field(default_factory=dict)
    references: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sensitive_paths: frozenset[str] = frozenset()
    suppressions: tuple[InlineSuppression, ...] = ()
    # The root module folder (relative to the base dir, POSIX) or the input file it was evaluated in.
    # Addresses are unique only within a root: identity is (root, address), everywhere.
    root: str = ""
    # Top-level attribute → where its unknown parts came from (`var.region`, `aws_kms_key.k.arn`).
    unknown_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InlineSuppression:
    """``# iacscan:ignore=ID reason`` (or ``#checkov:skip=ID:reason``) written in or above a block."""

    policy_id: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class Notification:
    """A tool warning or error: an unparsable file, AccessDenied, a skipped remote module."""

    level: str  # "error" | "warning" | "note"
    message: str
    source: SourceRef | None = None
    kind: str = "parse"


@dataclass(frozen=True, slots=True)
class Inventory:
    resources: tuple[Resource, ...]
    notifications: tuple[Notification, ...] = ()
    inputs: tuple[str, ...] = ()

    def by_address(self) -> dict[str, Resource]:
        return {r.address: r for r in self.resources}

    def managed(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.mode is Mode.MANAGED)


@dataclass(frozen=True, slots=True)
class Suppression:
    kind: str  # "inSource" | "external"
    justification: str
    source: str = ""  # "inline", "skip", "config", "baseline"


@dataclass(frozen=True, slots=True)
class Finding:
    """A policy result (PASS/FAIL/UNKNOWN) or a drift result for one resource."""

    rule_id: str
    status: Status
    severity: Severity
    resource_address: str
    resource_type: str
    message: str
    source: SourceRef | None = None
    attribute_path: str = ""
    origin: Origin = Origin.HCL
    suppression: Suppression | None = None
    drift_kind: DriftKind | None = None
    expected: Any = None
    actual: Any = None
    properties: Mapping[str, Any] = field(default_factory=dict)
    root: str = ""

    @property
    def is_drift(self) -> bool:
        return self.drift_kind is not None

    def suppressed(self, kind: str, justification: str, source: str) -> Finding:
        """This result, suppressed: inline (kind inSource), by a baseline or configuration (external)."""
        return replace(self, status=Status.SUPPRESSED, suppression=Suppression(kind, justification, source))

    def fingerprint(self) -> str:
        from scanner.fingerprint import fingerprint

        return fingerprint(self.rule_id, self.root, self.resource_address, self.attribute_path)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report needs to know about a rule (a policy or a drift kind)."""

    id: str
    title: str
    description: str
    severity: Severity
    remediation: str = ""
    help_uri: str = ""
    tags: tuple[str, ...] = ()
    frameworks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScanResult:
    findings: tuple[Finding, ...]
    rules: tuple[RuleInfo, ...]
    notifications: tuple[Notification, ...] = ()
    inputs: tuple[str, ...] = ()
    summary: Mapping[str, Any] = field(default_factory=dict)
