"""The static scan pipeline: inputs → Inventory → policy findings → ScanResult. No CLI knowledge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.errors import PolicyError, SourceError
from scanner.model import Finding, Inventory, Mode, Notification, Resource, RuleInfo, ScanResult
from scanner.policy import eol
from scanner.policy.engine import evaluate_inventory, sort_key
from scanner.policy.frameworks import Framework, controls_by_policy, load_frameworks
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies
from scanner.policy.model import Policy
from scanner.sources.pulumi_cloud import PulumiCloudError

if TYPE_CHECKING:
    from scanner.sources.remote_modules import DownloadSettings


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
    run_pulumi_programs: bool = False
    download_modules: DownloadSettings | None = None  # --download-external-modules
    skip_paths: tuple[str, ...] = ()  # --skip-path and the configuration's exclude: (gitignore syntax)


@dataclass(frozen=True, slots=True)
class PolicyLibrary:
    policies: PolicySet
    frameworks: Mapping[str, Framework]
    roots: tuple[Path, ...]
    # Every policy id and checkov alias in the roots, selected or not: to tell a misspelt --skip.
    known_ids: frozenset[str] = frozenset()

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
            raise PolicyError(
                f"unknown framework {options.framework!r}: --framework selects a compliance framework "
                f"(known: {known}); the kind of input (Terraform, plan, state, Pulumi) is detected "
                "automatically"
            )
        ids = fw.policy_ids()
        selected = [p for p in selected if p.id in ids]
    if options.skip:
        alias = PolicySet.of(policies).alias_map()
        skipped = {alias.get(s, s) for s in options.skip}
        selected = [p for p in selected if p.id not in skipped]
    all_ids = frozenset(p.id for p in policies) | frozenset(PolicySet.of(policies).alias_map())
    return PolicyLibrary(PolicySet.of(selected), frameworks, tuple(roots), all_ids)


def load_inventory(spec: str, options: ScanOptions, *, as_deployed: bool = False) -> Inventory:
    """One input (a directory, a file or an s3:// URL) → Inventory. Raises SourceError.

    ``as_deployed``: a plan's prior state rather than its planned values (what drift compares).
    """
    from scanner.sources import detect

    load_options = _load_options(options, as_deployed)
    return detect.load_input(spec, base_dir=options.base_dir, options=load_options)


def _load_options(options: ScanOptions, as_deployed: bool = False) -> Any:
    """What the sources need of the scan's options (one place, for single inputs and folder trees)."""
    from scanner.sources import detect

    return detect.LoadOptions(
        var_files=options.var_files,
        variables=dict(options.variables),
        stack=options.stack,
        source_dir=options.source_dir,
        state_from_backend=options.state_from_backend,
        profile=options.profile,
        region=options.region,
        endpoint_url=options.endpoint_url,
        use_prior_state=as_deployed,
        run_pulumi_programs=options.run_pulumi_programs,
        download_modules=options.download_modules,
        skip_paths=options.skip_paths,
    )


def run_scan(options: ScanOptions, library: PolicyLibrary | None = None) -> ScanResult:
    """Every input → findings, the same whatever the order of the paths.

    Folder arguments are walked together for root modules (``tree_scan``): a root under two arguments
    is evaluated once, each root on its own (in a process pool on large trees). Files and URLs (plans,
    states, Pulumi exports) are read one by one; each is its own root.
    """
    from scanner.sources import detect
    from scanner.sources.discovery import unused_patterns
    from scanner.tree_scan import scan_folders

    library = library or load_library(options)
    if options.eol_warn_days is not None:  # eol: the per-run warning window of end-of-life policies
        library = replace(library, policies=eol.with_warn_days(library.policies, options.eol_warn_days))
    findings: list[Finding] = []
    notes: list[Notification] = []
    inputs: list[str] = []
    matched: set[str] = set()
    managed = 0
    folders = sorted({Path(p).resolve() for p in options.paths if detect.is_folder_input(p)})
    if folders:
        tree = scan_folders(
            folders, options.base_dir, _load_options(options), library.policies, options.as_of
        )
        findings += tree.findings
        notes += tree.notifications
        inputs += tree.inputs
        matched |= tree.matched_patterns
        managed += tree.resources
    resources: list[Resource] = []
    for spec in sorted(dict.fromkeys(p for p in options.paths if not detect.is_folder_input(p))):
        hit = _skipped(spec, options)
        if hit:
            matched |= hit
            continue
        try:
            inventory = load_inventory(spec, options)
        except SourceError as exc:
            if isinstance(exc, PulumiCloudError):  # a refused token or a missing stack stops the run
                raise
            notes.append(Notification("error", str(exc), kind="input"))
            continue
        except (Exception, RecursionError, MemoryError) as exc:  # one input never costs the others
            notes.append(input_failure(spec, exc))
            continue
        resources.extend(inventory.resources)
        notes.extend(inventory.notifications)
        inputs.extend(inventory.inputs or (spec,))
    if resources:
        findings += evaluate_inventory(Inventory(tuple(resources)), library.policies, as_of=options.as_of)
        managed += sum(1 for r in resources if r.mode is Mode.MANAGED)
    notes.extend(unused_patterns(options.skip_paths, matched, "skip path"))
    notes.extend(eol.data_notifications(library.policies.policies, options.as_of or date.today()))
    return ScanResult(
        findings=tuple(sorted(findings, key=sort_key)),
        rules=library.rules(),
        notifications=tuple(dict.fromkeys(notes)),
        inputs=tuple(sorted(dict.fromkeys(_relative(p, options.base_dir) for p in inputs))),
        summary={"resources": managed},
    )


def _skipped(spec: str, options: ScanOptions) -> set[str]:
    """The skip patterns that match a file argument (relative to the base dir)."""
    if not options.skip_paths or "://" in spec:
        return set()
    import pathspec

    rel = _relative(spec, options.base_dir)
    return {p for p in options.skip_paths if pathspec.GitIgnoreSpec.from_lines([p]).match_file(rel)}


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
