"""Root-module discovery: folder arguments → the Terraform root modules to evaluate, each once.

A folder argument is walked recursively (hidden folders, ``.terraform/``, ``.git/`` and
``node_modules/`` are skipped). Every folder holding ``.tf`` / ``.tf.json`` files is a module; a module
that another discovered module calls as a local module (``source = "./…"`` or ``"../…"``) is evaluated
through its callers, with their inputs, and not again on its own. The others are the roots. A folder
given on the command line that holds ``.tf`` files is always a root (as before discovery existed), and
a called module no root reaches (two folders calling each other) is evaluated on its own, so that
nothing is silently left out.

Calls are found with a light line scan (``source = "./x"`` at the start of a line, outside block
comments; ``module.*.source`` in ``.tf.json``), not a parse: the parse happens once, later, when the
roots are evaluated. Symlink loops and unreadable folders are notifications, never a crash.
``--skip-path`` / ``exclude:`` patterns (gitignore syntax, relative to the base dir) remove folders
from the walk.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec
from pathspec.pattern import Pattern

from scanner.model import Notification
from scanner.sources.decoding import nesting_depth_over

Spec = pathspec.PathSpec[Pattern]
SKIPPED_NAMES = frozenset({".terraform", ".git", "node_modules", "__pycache__"})
PULUMI_PROJECT_FILES = ("Pulumi.yaml", "Pulumi.yml")
_SOURCE = re.compile(rb"""^[ \t]*source[ \t]*=[ \t]*"(\.\.?/[^"$\n]*|\.\.?)"[ \t]*(?:#.*|//.*)?$""", re.M)
_BLOCK_COMMENT = re.compile(rb"/\*.*?\*/", re.S)


def is_tf_file(name: str) -> bool:
    return name.endswith((".tf", ".tf.json"))


@dataclass(frozen=True, slots=True)
class Discovery:
    roots: tuple[Path, ...]  # resolved folders, sorted by their path relative to the base dir
    notifications: tuple[Notification, ...] = ()
    matched_patterns: frozenset[str] = frozenset()  # skip patterns that excluded something
    tf_bytes: int = 0  # size of the .tf files seen: how large the tree is
    skipped_args: frozenset[str] = frozenset()  # folder arguments a skip pattern excluded (relative)
    pulumi_programs: tuple[Path, ...] = ()  # folders holding Pulumi.yaml and no .tf files


@dataclass(slots=True)
class _Walk:
    base_dir: Path
    spec: Spec | None
    patterns: tuple[tuple[str, Spec], ...]
    modules: dict[Path, list[Path]] = field(default_factory=dict)  # folder → its .tf files
    pulumi: set[Path] = field(default_factory=set)  # folders holding a Pulumi project file
    notes: list[Notification] = field(default_factory=list)
    matched: set[str] = field(default_factory=set)
    seen: set[Path] = field(default_factory=set)

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.base_dir).as_posix() or "."
        except ValueError:
            return Path(os.path.relpath(path, self.base_dir)).as_posix()

    def excluded(self, path: Path, is_dir: bool) -> bool:
        if self.spec is None:
            return False
        rel = self.relative(path)
        if rel == "." or rel.startswith("../"):
            return False
        probe = rel + "/" if is_dir else rel
        if not self.spec.match_file(probe):
            return False
        for pattern, one in self.patterns:  # which ones matched: an unused pattern is reported
            if one.match_file(probe):
                self.matched.add(pattern)
        return True

    def warn(self, path: Path, what: str) -> None:
        self.notes.append(Notification("warning", f"{self.relative(path)}: {what}; skipped", kind="input"))

    def walk(self, folder: Path) -> None:
        stack = [folder]
        while stack:
            current = stack.pop()
            real = current.resolve()
            if real in self.seen:
                if current.is_symlink():
                    self.warn(current, "symbolic link loop (folder already walked)")
                continue
            self.seen.add(real)
            try:
                with os.scandir(current) as entries:
                    listed = sorted(entries, key=lambda e: e.name)
            except OSError as exc:
                self.warn(current, f"cannot read folder: {exc.strerror or type(exc).__name__}")
                continue
            files: list[Path] = []
            subdirs: list[Path] = []
            names = {entry.name for entry in listed}
            if "pyvenv.cfg" in names:  # a Python virtualenv (a Pulumi program's, say): not the user's IaC
                continue
            if names.intersection(PULUMI_PROJECT_FILES):
                self.pulumi.add(real)
            for entry in listed:
                try:
                    if entry.is_dir():
                        if entry.name.startswith(".") or entry.name in SKIPPED_NAMES:
                            continue
                        path = current / entry.name
                        if not self.excluded(path, True):
                            subdirs.append(path)
                    elif is_tf_file(entry.name) and entry.is_file():
                        files.append(current / entry.name)
                except OSError as exc:
                    self.warn(current / entry.name, f"cannot read: {exc.strerror or type(exc).__name__}")
            if files:
                self.modules[real] = files
            stack.extend(reversed(subdirs))


def local_calls(files: Iterable[Path]) -> set[Path]:
    """The folders a module calls as local modules (resolved; they may not exist)."""
    out: set[Path] = set()
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            continue  # the evaluation reports unreadable files
        folder = file.parent
        if file.name.endswith(".json"):
            out.update(folder / s for s in _json_sources(data))
            continue
        if b"module" not in data:  # a local module call is a module block
            continue
        if b"/*" in data:
            data = _BLOCK_COMMENT.sub(b"", data)
        for match in _SOURCE.finditer(data):
            out.add(folder / match.group(1).decode("utf-8", "replace"))
    return {_resolve(p) for p in out}


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop, a permission, a NUL byte in a hostile source
        return Path(os.path.abspath(str(path).replace("\x00", "")))


def _json_sources(data: bytes) -> list[str]:
    if nesting_depth_over(data) is not None:  # hostile nesting: the evaluation reports the file
        return []
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return []
    blocks = doc.get("module") if isinstance(doc, dict) else None
    items: list[object] = blocks if isinstance(blocks, list) else [blocks]
    out: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        for call in item.values():
            for body in call if isinstance(call, list) else [call]:
                source = body.get("source") if isinstance(body, dict) else None
                if isinstance(source, str) and source.startswith(("./", "../")):
                    out.append(source)
    return out


def skip_spec(patterns: Sequence[str]) -> Spec | None:
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def discover(folders: Sequence[Path], base_dir: Path, skip_patterns: Sequence[str] = ()) -> Discovery:
    """The root modules under FOLDERS (walked together, so the result is the same in any order)."""
    base = _resolve(base_dir)
    singles = tuple((p, pathspec.GitIgnoreSpec.from_lines([p])) for p in dict.fromkeys(skip_patterns))
    walk = _Walk(base, skip_spec(skip_patterns), singles)
    explicit: set[Path] = set()
    skipped: set[str] = set()
    for folder in folders:
        real = _resolve(folder)
        if walk.excluded(real, True):
            skipped.add(walk.relative(real))
            continue
        walk.walk(real)
        if real in walk.modules:
            explicit.add(real)
    known = set(walk.modules)
    calls = {folder: (local_calls(files) & known) - {folder} for folder, files in walk.modules.items()}
    called: set[Path] = set().union(*calls.values()) if calls else set()
    roots = {folder for folder in walk.modules if folder not in called} | explicit
    reached = _reach(roots, calls)
    roots |= {folder for folder in walk.modules if folder not in reached}  # call cycles: evaluate anyway
    size = 0
    for files in walk.modules.values():
        for file in files:
            with contextlib.suppress(OSError):
                size += file.stat().st_size
    return Discovery(
        roots=tuple(sorted(roots, key=walk.relative)),
        pulumi_programs=tuple(sorted(walk.pulumi - set(walk.modules), key=walk.relative)),
        notifications=tuple(walk.notes),
        matched_patterns=frozenset(walk.matched),
        tf_bytes=size,
        skipped_args=frozenset(skipped),
    )


def _reach(roots: Iterable[Path], calls: dict[Path, set[Path]]) -> set[Path]:
    seen = set(roots)
    stack = list(seen)
    while stack:
        for callee in calls.get(stack.pop(), ()):
            if callee not in seen:
                seen.add(callee)
                stack.append(callee)
    return seen


def unused_patterns(patterns: Sequence[str], matched: Iterable[str], option: str) -> list[Notification]:
    used = set(matched)
    return [
        Notification("warning", f"{option} {pattern!r} matched nothing", kind="config")
        for pattern in dict.fromkeys(patterns)
        if pattern not in used
    ]


def missing_notes(folders: Sequence[Path], found: Discovery, base_dir: Path, hint: str) -> list[Notification]:
    """An input error for each folder argument holding no root (and not left out by a skip pattern)."""
    base = _resolve(base_dir)
    notes = []
    for folder in sorted({_resolve(f) for f in folders}):
        label = _Walk(base, None, ()).relative(folder)
        if label in found.skipped_args:
            continue
        if not any(
            root == folder or folder in root.parents for root in (*found.roots, *found.pulumi_programs)
        ):
            notes.append(Notification("error", f"{label}: nothing to scan here: {hint}", kind="input"))
    return notes
