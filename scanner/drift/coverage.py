"""Honest drift coverage: how many managed IaC resources were compared, and why the others were not.

``coverage = compared / managed``, where ``managed`` counts every managed resource of the IaC (by
address) and each resource not compared has one reason:

- ``no_reader``: no live reader exists for its type (not in the catalog's ``supported_types()``);
- ``read_failed``: its type has a reader but the read failed (AccessDenied, unsupported API, an
  endpoint that stopped answering): a failed read is not a deletion, so it is not compared;
- ``other_region``: it lives in a region that was not read;
- ``no_id``: the IaC holds no id to match it by;
- ``malformed``: Terraform's ``resource_drift`` entry for it could not be read;
- ``ignored``: an ignore rule (``.driftignore``, ``--ignore``) covers it.

Every reason but ``ignored`` (the user's own choice) also gives one note per type, so every report
format says what was not checked in one line per type (SARIF: a ``toolExecutionNotification``).
Nothing here changes the exit code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.model import Notification

NO_READER = "no_reader"
READ_FAILED = "read_failed"
OTHER_REGION = "other_region"
NO_ID = "no_id"
MALFORMED = "malformed"
IGNORED = "ignored"
REASONS = (NO_READER, READ_FAILED, OTHER_REGION, NO_ID, MALFORMED, IGNORED)
KIND = "coverage"


def _plural(n: int) -> str:
    return f"{n} resource{'' if n == 1 else 's'}"


@dataclass
class Coverage:
    """Collects, per address, whether it was compared or why not (the first reason given wins)."""

    failure_reasons: Mapping[str, str] = field(default_factory=dict)
    regions: tuple[str, ...] = ()
    _types: dict[str, str] = field(default_factory=dict)
    _reason: dict[str, str] = field(default_factory=dict)
    _compared: set[str] = field(default_factory=set)

    def managed(self, address: str, tf_type: str) -> None:
        self._types.setdefault(address, tf_type)

    def compared(self, address: str, tf_type: str) -> None:
        self.managed(address, tf_type)
        if address not in self._reason:
            self._compared.add(address)

    def skipped(self, address: str, tf_type: str, reason: str) -> None:
        self.managed(address, tf_type)
        self._compared.discard(address)
        self._reason.setdefault(address, reason)

    def reasons(self) -> dict[str, str]:
        """Address → why it was not compared."""
        return dict(self._reason)

    @property
    def n_managed(self) -> int:
        return len(self._types)

    @property
    def n_compared(self) -> int:
        return len(self._compared)

    def by_reason(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter[str]] = {reason: Counter() for reason in REASONS}
        for address, reason in self._reason.items():
            counts[reason][self._types[address]] += 1
        return {reason: dict(sorted(c.items())) for reason, c in counts.items()}

    def percent(self) -> float:
        return 100.0 if not self._types else round(100.0 * self.n_compared / self.n_managed, 1)

    def summary(self) -> dict[str, Any]:
        reasons = self.by_reason()
        flat: Counter[str] = Counter()
        for per_type in reasons.values():
            flat.update(per_type)
        return {
            "managed": self.n_managed,
            "compared": self.n_compared,
            "coverage": self.percent(),
            "not_compared": reasons,
            "not_checked": dict(sorted(flat.items())),  # every type not compared, whatever the reason
        }

    def notifications(self) -> tuple[Notification, ...]:
        notes: list[Notification] = []
        for reason, per_type in self.by_reason().items():
            if reason == IGNORED:
                continue
            for tf_type, n in per_type.items():
                notes.append(
                    Notification(
                        "note",
                        f"not compared: {tf_type} ({_plural(n)}): {self._why(reason, tf_type)}",
                        kind=KIND,
                    )
                )
        return tuple(notes)

    def _why(self, reason: str, tf_type: str) -> str:
        if reason == NO_READER:
            return "iacscan has no live reader for this type"
        if reason == READ_FAILED:
            detail = self.failure_reasons.get(tf_type)
            return f"the live read failed: {detail}" if detail else "the live read of this type failed"
        if reason == OTHER_REGION:
            read = ", ".join(self.regions) or "none"
            return f"in a region that was not read (read: {read})"
        if reason == MALFORMED:
            return "its resource_drift entry in the plan could not be read"
        return "no id in the IaC to match it by"
