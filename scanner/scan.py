"""The static scan pipeline: inputs → Inventory → policy findings → ScanResult. No CLI knowledge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from scanner.errors import PolicyError, SourceError
from scanner.model import Inventory, Notification, Resource, RuleInfo, ScanResult
from scanner.policy import eol
from scanner.policy.engine import evaluate_inventory
from scanner.policy.frameworks import Framework, controls_by_policy, load_frameworks
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies
from scanner.policy.model import Policy


@dataclass(frozen=True, slots=True)
class ScanOptions:
    paths: tuple[str, ...]
    base_dir: Path = field(default_factory=Path.cwd)
    var_files: tuple[Path, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    policy_dirs: tuple[Path, ...] = ()
    builtin_policies: bool = True
    skip: tuple[str, ...] = ()
    framework: str | None = None
    as_of: date | None = None
    eol_warn_days: int | None = None
    stack: str | None = None
    source_dir: Path | None = None
    state_from_backend: bool = False
    profile: str | None = None
    region: str | None = None
    endpoint_url: str | None = None


@dataclass(frozen=True, slots=True)
class PolicyLibrary:
    policies: PolicySet
    frameworks: Mapping[str, Framework]
    roots: tuple[Path, ...]

    def rules(self) -> tuple[RuleInfo, ...]:
        mapping = controls_by_policy(self.frameworks)
        out = []
        for policy in self.policies.policies:
            info = policy.rule_info()
            merged = {**{k: tuple(v) for k, v in info.frameworks.items()}, **mapping.get(policy.id, {})}
            out.append(replace(info, frameworks=dict(sorted(merged.items()))))
        return tuple(out)


def load_library(options: ScanOptions) -> PolicyLibrary:
    roots = ([builtin_policy_root()] if options.builtin_policies else []) + list(options.policy_dirs)
    policies = load_policies(roots)
    frameworks = load_frameworks(roots)
    selected: list[Policy] = policies
    if options.framework:
        fw = frameworks.get(options.framework)
        if fw is None:
            known = ", ".join(sorted(frameworks)) or "none"
            raise PolicyError(f"unknown framework {options.framework!r} (known: {known})")
        ids = fw.policy_ids()
        selected = [p for p in selected if p.id in ids]
    if options.skip:
        alias = PolicySet.of(policies).alias_map()
        skipped = {alias.get(s, s) for s in options.skip}
        selected = [p for p in selected if p.id not in skipped]
    return PolicyLibrary(PolicySet.of(selected), frameworks, tuple(roots))


def load_inventory(spec: str, options: ScanOptions, *, as_deployed: bool = False) -> Inventory:
    """One input (a directory, a file or an s3:// URL) → Inventory. Raises SourceError.

    ``as_deployed``: a plan's prior state rather than its planned values (what drift compares).
    """
    from scanner.sources import detect

    load_options = detect.LoadOptions(
        var_files=options.var_files,
        variables=dict(options.variables),
        stack=options.stack,
        source_dir=options.source_dir,
        state_from_backend=options.state_from_backend,
        profile=options.profile,
        region=options.region,
        endpoint_url=options.endpoint_url,
        use_prior_state=as_deployed,
    )
    return detect.load_input(spec, base_dir=options.base_dir, options=load_options)


def collect(options: ScanOptions) -> tuple[list[Resource], list[Notification], list[str]]:
    resources: list[Resource] = []
    notes: list[Notification] = []
    inputs: list[str] = []
    for spec in options.paths:
        try:
            inventory = load_inventory(spec, options)
        except SourceError as exc:
            notes.append(Notification("error", str(exc), kind="input"))
            continue
        except (Exception, RecursionError, MemoryError) as exc:  # one input never costs the others
            notes.append(input_failure(spec, exc))
            continue
        resources.extend(inventory.resources)
        notes.extend(inventory.notifications)
        inputs.extend(inventory.inputs or (spec,))
    return resources, notes, inputs


def run_scan(options: ScanOptions, library: PolicyLibrary | None = None) -> ScanResult:
    library = library or load_library(options)
    if options.eol_warn_days is not None:  # eol: the per-run warning window of end-of-life policies
        library = replace(library, policies=eol.with_warn_days(library.policies, options.eol_warn_days))
    resources, notes, inputs = collect(options)
    notes.extend(eol.data_notifications(library.policies.policies, options.as_of or date.today()))
    inventory = Inventory(tuple(resources), tuple(notes), tuple(inputs))
    findings = evaluate_inventory(inventory, library.policies, as_of=options.as_of)
    return ScanResult(
        findings=tuple(findings),
        rules=library.rules(),
        notifications=tuple(notes),
        inputs=tuple(_relative(p, options.base_dir) for p in inputs),
        summary={"resources": sum(1 for r in resources if r.mode.value == "managed")},
    )


def input_failure(spec: str, exc: BaseException) -> Notification:
    """An unexpected error while reading one input, as one line (the type and first line of it)."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return Notification("error", f"{spec}: cannot read input ({reason})", kind="input")


def _relative(spec: str, base: Path) -> str:
    if "://" in spec or not Path(spec).exists():
        return spec  # a URL, or a label such as pulumi-stack:project/stack
    try:
        return Path(spec).resolve().relative_to(base.resolve()).as_posix() or "."
    except ValueError:
        return Path(spec).as_posix()
