"""Exit codes: 0 clean, 1 policy findings, 2 usage or tool error, 3 drift, 4 findings and drift."""

from __future__ import annotations

from collections.abc import Iterable

from scanner.model import Finding, Severity, Status

OK = 0
FINDINGS = 1
ERROR = 2
DRIFT = 3
FINDINGS_AND_DRIFT = 4


def exit_code(
    findings: Iterable[Finding], *, fail_on: Severity = Severity.LOW, soft_fail: bool = False
) -> int:
    if soft_fail:
        return OK
    policy = drift = False
    for f in findings:
        if f.status is not Status.FAIL:
            continue
        if f.is_drift:
            drift = True
        elif f.severity.rank >= fail_on.rank:
            policy = True
    if policy and drift:
        return FINDINGS_AND_DRIFT
    if drift:
        return DRIFT
    return FINDINGS if policy else OK
