"""A loaded policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.model import RuleInfo, Severity


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    title: str
    severity: Severity
    description: str
    remediation: str
    resource_types: tuple[str, ...]
    path: str
    condition: Mapping[str, Any] | None = None
    conditions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    references: tuple[str, ...] = ()
    frameworks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    origins: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)

    def condition_for(self, resource_type: str) -> Mapping[str, Any] | None:
        return self.conditions.get(resource_type, self.condition)

    def rule_info(self) -> RuleInfo:
        return RuleInfo(
            id=self.id,
            title=self.title,
            description=self.description,
            severity=self.severity,
            remediation=self.remediation,
            help_uri=self.references[0] if self.references else "",
            tags=self.tags,
            frameworks=self.frameworks,
            aliases=self.aliases,
        )
