"""One input spec (a directory, a file or an ``s3://`` URL) → Inventory, recognised by content.

- a directory holding ``.pulumi/stacks`` → Pulumi file backend (stack from ``options.stack``);
- ``pulumi://ORG/PROJECT/STACK`` → the stack's export from Pulumi Cloud (``pulumi_cloud``);
- a directory holding ``Pulumi.yaml`` (and no ``.tf``) → a Pulumi program, run under mocks only with
  ``options.run_pulumi_programs``, else a notification;
- a directory holding ``*.tf`` / ``*.tf.json`` → Terraform HCL (plus, with
  ``options.state_from_backend``, the state its ``backend "s3"`` block points at, located at the HCL);
- a JSON file or S3 object: a plan (``format_version`` + ``planned_values``/``resource_changes``), a
  state (``version`` + ``terraform_version``/``lineage``, or ``terraform show -json`` of a state:
  ``format_version`` + ``values``), a Pulumi export (``deployment`` + ``version``) or checkpoint
  (``checkpoint``), whatever its name;
- a ``.tf`` / ``.tf.json`` file → the HCL resources of that file (its directory is evaluated).

Plan and state resources are located at their HCL block when the source is at hand
(``options.source_dir``, else the file's own directory when it has ``.tf`` files), otherwise at
their object's line in the JSON file. Every failure is a one-line ``SourceError`` naming the input.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from scanner.errors import ScannerError, SourceError
from scanner.model import Inventory, Notification
from scanner.sources.discovery import discover, missing_notes
from scanner.sources.json_lines import Located
from scanner.sources.pulumi_state import (
    backend_stacks,
    is_checkpoint,
    is_export,
    load_file_backend,
    pulumi_inventory,
    read_json_text,
)
from scanner.sources.root_loader import (
    dedupe,
    duplicate_notes,
    inventory_error,
    load_roots,
    root_label,
    with_root,
    worker_count,
)
from scanner.sources.source_map import attach_sources
from scanner.sources.terraform_plan import is_plan, is_state_json, plan_inventory, state_json_inventory
from scanner.sources.terraform_state import is_state, state_inventory
from scanner.sources.terraform_values import display_path, parse_json, read_text

if TYPE_CHECKING:
    from scanner.sources.remote_modules import DownloadSettings

T = TypeVar("T")

FORMATS_HINT = (
    "expected a Terraform plan (terraform show -json), a Terraform state, "
    "a Pulumi stack export or checkpoint, or a directory of .tf files"
)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    var_files: tuple[Path, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    stack: str | None = None
    source_dir: Path | None = None
    state_from_backend: bool = False
    profile: str | None = None
    region: str | None = None
    endpoint_url: str | None = None
    use_prior_state: bool = False  # a plan gives what it saw deployed (for drift)
    workspace: str | None = None  # Terraform workspace of a backend state
    run_pulumi_programs: bool = False  # run Pulumi programs under mocks (executes the user's code)
    pulumi_timeout: float = 120.0
    download_modules: DownloadSettings | None = None  # --download-external-modules
    skip_paths: tuple[str, ...] = ()  # gitignore-style patterns of folders to leave out of the walk
    # The scanned folders: files and local modules are read only inside their repositories (the
    # enclosing git work tree, else the folder itself). Empty: the root module's own repository.
    read_roots: tuple[Path, ...] = ()


def load_input(spec: str, *, base_dir: Path, options: LoadOptions | None = None) -> Inventory:
    options = options or LoadOptions()
    if spec.startswith("s3://"):
        return _load_s3(spec, base_dir, options)
    if spec.startswith("pulumi://"):
        return _load_pulumi_cloud(spec, options)
    path = Path(spec)
    if path.is_dir():
        return _load_dir(path, base_dir, options)
    if path.is_file():
        return _load_file(path, base_dir, options)
    raise SourceError("no such file or directory", spec)


def load_document(located: Located, display: str, options: LoadOptions, stack: str = "") -> Inventory:
    """An already parsed JSON input → Inventory, by content."""
    data = located.value
    if is_plan(data):
        return plan_inventory(located, display, use_prior_state=options.use_prior_state)
    if is_state(data):
        return state_inventory(located, display)
    if is_state_json(data):
        return state_json_inventory(located, display)
    if is_export(data) or is_checkpoint(data):
        return pulumi_inventory(located, display, stack)
    raise SourceError(f"unknown input format: {FORMATS_HINT}", display)


def _is_terraform_dir(path: Path) -> bool:
    return any(path.glob("*.tf")) or any(path.glob("*.tf.json"))


def _load_dir(path: Path, base_dir: Path, options: LoadOptions) -> Inventory:
    if backend_stacks(path):
        inv = load_file_backend(path, base_dir=base_dir, stack=options.stack or "")
        return with_root(inv, inv.inputs[0] if inv.inputs else display_path(path, base_dir) or ".")
    inv, _ = load_folders([path], base_dir, options)
    errors = [n for n in inv.notifications if n.kind == "input" and n.level == "error"]
    if errors and not inv.resources:
        raise SourceError(errors[0].message)
    return inv


def is_folder_input(spec: str) -> bool:
    """A folder walked for Terraform root modules (not an s3:// URL, not a Pulumi file backend)."""
    return "://" not in spec and Path(spec).is_dir() and not backend_stacks(Path(spec))


@dataclass(frozen=True, slots=True)
class TreeRun(Generic[T]):
    results: list[T]  # one per root module (in root order), then one per Pulumi program
    notifications: list[Notification]  # of the walk and the pool
    matched_patterns: frozenset[str]  # skip patterns that excluded something


def run_tree(
    folders: Sequence[Path],
    base_dir: Path,
    options: LoadOptions,
    root_task: Callable[..., T],
    on_error: Callable[[Notification], T],
    program_task: Callable[[Inventory], T],
) -> TreeRun[T]:
    """The walk of FOLDERS: each root module found goes through ``root_task(path, configs, base_dir=,
    options=)`` (in a process pool for a large tree), each Pulumi program through ``program_task``.
    Files are read only inside the scanned folders' repositories. A folder with no Terraform gives an
    input error."""
    found = discover(folders, base_dir, options.skip_paths)
    options = replace(options, read_roots=options.read_roots or tuple(folders))
    notes = [*found.notifications, *missing_notes(folders, found, base_dir, FORMATS_HINT)]
    workers = 1 if options.state_from_backend else worker_count(len(found.roots), found.tf_bytes)
    task = functools.partial(root_task, base_dir=base_dir, options=options)
    results, pool_notes = load_roots(found.roots, base_dir, task, on_error=on_error, workers=workers)
    # Programs run (opt-in) one after another: each is a child process of its own.
    results += [program_task(load_pulumi_folder(p, base_dir, options)) for p in found.pulumi_programs]
    return TreeRun(results, notes + pool_notes, found.matched_patterns)


def load_folders(
    folders: Sequence[Path], base_dir: Path, options: LoadOptions
) -> tuple[Inventory, frozenset[str]]:
    """The root modules found under FOLDERS, each evaluated once → one Inventory (sorted by root), and
    the skip patterns that excluded something."""
    run = run_tree(folders, base_dir, options, _labelled_root, inventory_error, lambda inv: inv)
    resources = [r for inv in run.results for r in inv.resources]
    notes = [*run.notifications, *(n for inv in run.results for n in inv.notifications)]
    notes += duplicate_notes(resources)
    inputs = tuple(i for inv in run.results for i in inv.inputs)
    return Inventory(tuple(resources), tuple(dedupe(notes)), inputs), run.matched_patterns


def load_pulumi_folder(path: Path, base_dir: Path, options: LoadOptions) -> Inventory:
    """A Pulumi program folder: run under mocks only with ``run_pulumi_programs``, else a notification."""
    from scanner.sources.pulumi_program import load_pulumi_program

    inv = load_pulumi_program(
        path,
        base_dir=base_dir,
        run=options.run_pulumi_programs,
        stack=options.stack,
        timeout=options.pulumi_timeout,
    )
    return with_root(inv, root_label(path, base_dir))


def _labelled_root(
    path: Path, configs: dict[Path, Any], *, base_dir: Path, options: LoadOptions
) -> Inventory:
    return with_root(load_root(path, configs, base_dir=base_dir, options=options), root_label(path, base_dir))


def load_root(path: Path, configs: dict[Path, Any], *, base_dir: Path, options: LoadOptions) -> Inventory:
    """One root module folder (and, with ``state_from_backend``, the state its S3 backend holds)."""
    hcl = _load_hcl(path, base_dir, options, configs)
    if not options.state_from_backend:
        return hcl
    from scanner.sources.s3_backend import backend_state_url
    from scanner.sources.terraform_backend import backend_config

    hcl = with_root(hcl, root_label(path, base_dir))
    url = backend_state_url(path, options.workspace)
    if url is None:
        note = Notification(
            "warning",
            f"{display_path(path, base_dir) or '.'}: no s3 backend with a literal bucket and key; "
            "state not read",
            kind="input",
        )
        return _merge(hcl, Inventory((), (note,)))
    config = backend_config(path) or {}
    region = options.region or _str(config.get("region"))
    profile = options.profile or _str(config.get("profile"))
    state = _load_s3(url, base_dir, options, region=region, profile=profile, hcl=hcl)
    return _merge(hcl, state)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _merge(first: Inventory, second: Inventory) -> Inventory:
    return Inventory(
        first.resources + second.resources,
        first.notifications + second.notifications,
        first.inputs + second.inputs,
    )


def _load_file(path: Path, base_dir: Path, options: LoadOptions) -> Inventory:
    display = display_path(path, base_dir)
    if path.name.endswith((".tf", ".tf.json")):
        hcl = with_root(_load_hcl(path.parent, base_dir, options), root_label(path.parent, base_dir))
        own = tuple(r for r in hcl.resources if r.source is None or r.source.path == display)
        return Inventory(own, hcl.notifications, (display,))
    text = _read(path, display)
    located = _parse(text, display)
    inv = with_root(load_document(located, display, options), display)
    return _locate(inv, located, path.parent, base_dir, options)


def _read(path: Path, display: str) -> str:
    if path.name.endswith(".gz"):
        return read_json_text(path, display)
    return read_text(path, display)


def _parse(text: str, display: str) -> Located:
    if text.lstrip()[:1] not in ("{", "["):
        raise SourceError(f"unknown input format (not JSON): {FORMATS_HINT}", display)
    return parse_json(text, display)


def _load_s3(
    url: str,
    base_dir: Path,
    options: LoadOptions,
    *,
    region: str | None = None,
    profile: str | None = None,
    hcl: Inventory | None = None,
) -> Inventory:
    from scanner.sources.s3_backend import fetch

    fetched = fetch(
        url,
        stack=options.stack,
        profile=profile or options.profile,
        region=region or options.region,
        endpoint_url=options.endpoint_url,
    )
    located = _parse(fetched.text, fetched.url)
    inv = with_root(load_document(located, fetched.url, options, fetched.stack), fetched.url)
    if hcl is not None:
        return attach_sources(inv, hcl)
    return _locate(inv, located, None, base_dir, options)


def _load_pulumi_cloud(spec: str, options: LoadOptions) -> Inventory:
    from scanner.sources.pulumi_cloud import fetch_export

    located = _parse(fetch_export(spec), spec)
    return load_document(located, spec, options, spec[len("pulumi://") :])


def _locate(
    inv: Inventory, located: Located, folder: Path | None, base_dir: Path, options: LoadOptions
) -> Inventory:
    """Attach HCL locations to Terraform plan/state resources when the source is at hand."""
    if is_export(located.value) or is_checkpoint(located.value):
        return inv
    source = options.source_dir or (folder if folder is not None and _is_terraform_dir(folder) else None)
    if source is None:
        return inv
    try:
        hcl = _load_hcl(source, base_dir, options)
    except Exception as exc:  # the source only adds locations: never lose the plan or state for it
        reason = str(exc) if isinstance(exc, ScannerError) else f"{type(exc).__name__} while reading it"
        note = Notification("warning", f"source not used to locate findings: {reason}", kind="input")
        return Inventory(inv.resources, (*inv.notifications, note), inv.inputs)
    return attach_sources(inv, hcl)


def _load_hcl(
    root: Path, base_dir: Path, options: LoadOptions, configs: dict[Path, Any] | None = None
) -> Inventory:
    try:  # imported lazily: the HCL reader is heavier and not needed for JSON inputs
        module = importlib.import_module("scanner.sources.terraform_hcl")
        load_terraform_dir: Callable[..., Inventory] = module.load_terraform_dir
    except (ImportError, AttributeError) as exc:
        raise SourceError("the Terraform HCL reader is not available", root.as_posix()) from exc
    boundary = None
    if options.read_roots:
        from scanner.sources.terraform_hcl.boundary import ReadBoundary, repository_root

        boundary = ReadBoundary(tuple(repository_root(r) for r in options.read_roots))
    inv = load_terraform_dir(
        root,
        base_dir=base_dir,
        boundary=boundary,
        var_files=options.var_files,
        variables=dict(options.variables),
        download=options.download_modules,
        configs=configs,
    )
    return inv


def locate(inv: Inventory, located: Located, path: Path, base_dir: Path, options: LoadOptions) -> Inventory:
    """Locate the resources of ``inv``, read from the JSON file ``path``, at their HCL blocks (as the
    loader does: ``options.source_dir``, else ``path``'s folder when it has ``.tf`` files)."""
    return _locate(inv, located, path.parent, base_dir, options)
