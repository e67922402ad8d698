"""``iacscan scan --live`` and ``--drift``: one live read of AWS, used for policies and for drift.

The live inventory goes through the same policy engine as the IaC (so resources that no IaC owns get
the baseline checks too); the IaC inputs that hold ids (state, plan, Pulumi export) are compared with
it for drift. No CLI knowledge: the command passes options in and gets a new ScanResult out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from scanner.cloud.aws import read_live
from scanner.cloud.aws.regions import resolve_regions, state_files
from scanner.cloud.aws.session import SessionFactory
from scanner.drift.ignore import IgnoreRules
from scanner.drift.rules import drift_rules
from scanner.drift.run import drift_run
from scanner.errors import SourceError
from scanner.model import Inventory, Notification, Origin, Resource, ScanResult
from scanner.policy.engine import evaluate_inventory, sort_key
from scanner.scan import PolicyLibrary, ScanOptions, load_inventory


@dataclass(frozen=True, slots=True)
class LiveOptions:
    live: bool = False
    drift: bool = False
    regions: tuple[str, ...] = ()
    ignore: IgnoreRules | None = None
    strict: bool = False


@dataclass(frozen=True, slots=True)
class LiveOutcome:
    result: ScanResult
    partial: bool  # an endpoint stopped answering: the report is incomplete


def _iac_for_drift(options: ScanOptions) -> tuple[list[Resource], list[Notification]]:
    """The inputs that hold resource ids, loaded as deployed (a plan's prior state)."""
    resources: list[Resource] = []
    notes: list[Notification] = []
    for spec in options.paths:
        try:
            inventory = load_inventory(spec, options, as_deployed=True)
        except SourceError as exc:
            notes.append(Notification("error", str(exc), kind="input"))
            continue
        with_ids = [r for r in inventory.resources if r.origin is not Origin.HCL]
        if inventory.managed() and not with_ids:
            notes.append(
                Notification(
                    "warning",
                    f"{spec}: no resource ids (Terraform source only), so no drift is computed for it",
                    kind="drift",
                )
            )
        resources.extend(with_ids)
    return resources, notes


def add_live(
    result: ScanResult, library: PolicyLibrary, options: ScanOptions, live: LiveOptions
) -> LiveOutcome:
    """Read AWS once; add policy findings on live resources and/or drift findings to ``result``."""
    factory = SessionFactory(profile=options.profile, endpoint_url=options.endpoint_url)
    iac, notes = _iac_for_drift(options) if live.drift else ([], [])
    files = [f for spec in options.paths for f in state_files(spec)]
    regions = resolve_regions(live.regions, iac, factory, files)
    factory.region = regions[0]
    read = read_live(None, regions, factory)
    findings = list(result.findings)
    notes.extend(read.notifications)
    rules = list(result.rules)
    summary = dict(result.summary)
    if live.live:
        findings.extend(evaluate_inventory(read.inventory, library.policies, as_of=options.as_of))
        summary["live_resources"] = len(read.inventory.resources)
    if live.drift:
        run = drift_run(
            Inventory(tuple(iac)),
            regions=regions,
            session_factory=factory,
            ignore=live.ignore,
            strict=live.strict,
            live=read,
        )
        findings.extend(run.findings)
        notes.extend(n for n in run.notifications if n not in read.notifications)
        rules.extend(drift_rules())
        summary["drift"] = run.summary
    return LiveOutcome(
        replace(
            result,
            findings=tuple(sorted(findings, key=sort_key)),
            rules=tuple(sorted({r.id: r for r in rules}.values(), key=lambda r: r.id)),
            notifications=result.notifications + tuple(notes),
        ),
        partial=read.unreachable,
    )


__all__ = ["LiveOptions", "LiveOutcome", "add_live"]
