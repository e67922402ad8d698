"""Read one module directory: its ``.tf`` and ``.tf.json`` files → declarations and parse notifications."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from scanner.errors import SourceError
from scanner.model import Notification, SourceRef

from ..decoding import MAX_NESTING, decode_json_bytes, decode_utf8, nesting_depth_over
from .structure import Attribute, Block, ParsedFile
from .suppress import NO_COMMENTS, FileComments, scan_comments
from .syntax import parse_hcl
from .tfjson import parse_tf_json


@dataclass(slots=True)
class Decl:
    """A resource, data or module block with the file it is written in."""

    block: Block
    path: str
    comments: FileComments


@dataclass(slots=True)
class ModuleConfig:
    dir: Path
    variables: dict[str, Block] = field(default_factory=dict)
    locals: dict[str, Attribute] = field(default_factory=dict)
    outputs: dict[str, Block] = field(default_factory=dict)
    resources: dict[tuple[str, str, str], Decl] = field(default_factory=dict)
    modules: dict[str, Decl] = field(default_factory=dict)
    providers: list[Decl] = field(default_factory=list)  # provider blocks, see providers.py
    notifications: list[Notification] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # A second block with a resource's address (Terraform rejects it): evaluated too, so none is lost.
    duplicates: list[tuple[tuple[str, str, str], Decl]] = field(default_factory=list)


def rel_posix(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, base)).as_posix()


def module_files(directory: Path) -> list[Path]:
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.is_file() and (p.name.endswith(".tf") or p.name.endswith(".tf.json"))]


def load_module_config(directory: Path, base_dir: Path, display: str | None = None) -> ModuleConfig:
    """``display``: how to name the directory's files (a downloaded module's package), else relative paths."""
    cfg = ModuleConfig(directory)
    files = module_files(directory)
    overrides = [f for f in files if _is_override(f.name)]
    for file in [f for f in files if not _is_override(f.name)] + overrides:
        rel = f"{display}/{file.name}" if display else rel_posix(file, base_dir)
        cfg.files.append(rel)
        parsed, comments = _parse_file(file, rel, cfg.notifications)
        if parsed is None:
            continue
        if _is_override(file.name):
            _override(cfg, parsed, rel, comments)
        else:
            _add(cfg, parsed, rel, comments)
    return cfg


def _is_override(name: str) -> bool:
    stem = name.removesuffix(".json").removesuffix(".tf")
    return stem == "override" or stem.endswith("_override")


def _override(cfg: ModuleConfig, parsed: ParsedFile, rel: str, comments: FileComments) -> None:
    """Terraform override files: attributes replace, nested blocks of a type replace all of that type."""
    for blk in parsed.blocks:
        target: Block | None = None
        if blk.type in ("resource", "data") and len(blk.labels) == 2:
            mode = "managed" if blk.type == "resource" else "data"
            decl = cfg.resources.get((mode, blk.labels[0], blk.labels[1]))
            target = decl.block if decl else None
        elif blk.type == "module" and len(blk.labels) == 1:
            decl = cfg.modules.get(blk.labels[0])
            target = decl.block if decl else None
        elif blk.type == "variable" and len(blk.labels) == 1:
            target = cfg.variables.get(blk.labels[0])
        elif blk.type == "output" and len(blk.labels) == 1:
            target = cfg.outputs.get(blk.labels[0])
        elif blk.type == "locals":
            cfg.locals.update(blk.attrs)
            continue
        if target is None:
            continue
        target.attrs.update(blk.attrs)
        replaced = {b.type for b in blk.blocks}
        target.blocks = [b for b in target.blocks if b.type not in replaced] + blk.blocks


def _parse_file(file: Path, rel: str, notes: list[Notification]) -> tuple[ParsedFile | None, FileComments]:
    try:
        data = file.read_bytes()
    except OSError as exc:
        notes.append(_note(rel, 1, f"cannot read file: {exc.strerror or exc}"))
        return None, NO_COMMENTS
    if file.name.endswith(".tf.json"):
        parsed = parse_json_file(data, rel, notes)
        if parsed is None:
            return None, NO_COMMENTS
        comments = NO_COMMENTS
    else:
        text, bad_line = decode_utf8(data)
        if bad_line is not None:  # Terraform refuses the file; we read it with U+FFFD and say so
            notes.append(_note(rel, bad_line, "file is not valid UTF-8; invalid bytes read as U+FFFD"))
            data = text.encode("utf-8")
        try:
            parsed = parse_hcl(data)
        except RecursionError:
            notes.append(_note(rel, 1, "expression nesting too deep to evaluate"))
            return None, NO_COMMENTS
        comments = NO_COMMENTS
        if b"iacscan:ignore" in data or b"checkov:skip" in data:
            comments = scan_comments(text)
    for line, msg in parsed.errors:
        notes.append(_note(rel, line, msg))
    return parsed, comments


def parse_json_file(data: bytes, rel: str, notes: list[Notification]) -> ParsedFile | None:
    """A ``.tf.json`` file, or None with a note naming the line when it cannot be decoded."""
    deep = nesting_depth_over(data)
    if deep is not None:
        notes.append(_note(rel, deep, f"JSON nested deeper than {MAX_NESTING} levels; file skipped"))
        return None
    try:
        return parse_tf_json(decode_json_bytes(data, rel))
    except SourceError as exc:
        notes.append(_note(rel, exc.line or 1, exc.reason))
    except json.JSONDecodeError as exc:
        notes.append(_note(rel, exc.lineno, f"invalid JSON: {exc.msg}"))
    except (ValueError, RecursionError) as exc:  # e.g. an integer longer than Python converts
        notes.append(_note(rel, 1, f"invalid JSON: {_reason(exc)}"))
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0][:120] or type(exc).__name__


def _note(rel: str, line: int, msg: str) -> Notification:
    return Notification(
        level="error", kind="parse", message=f"{rel}:{line}: {msg}", source=SourceRef(rel, line, line)
    )


def _add(cfg: ModuleConfig, parsed: ParsedFile, rel: str, comments: FileComments) -> None:
    for blk in parsed.blocks:
        t, labels = blk.type, blk.labels
        if t in ("resource", "data") and len(labels) == 2:
            key3 = ("managed" if t == "resource" else "data", labels[0], labels[1])
            if key3 in cfg.resources:
                cfg.duplicates.append((key3, Decl(blk, rel, comments)))
            else:
                cfg.resources[key3] = Decl(blk, rel, comments)
        elif t == "module" and len(labels) == 1:
            cfg.modules.setdefault(labels[0], Decl(blk, rel, comments))
        elif t == "provider" and len(labels) == 1:
            cfg.providers.append(Decl(blk, rel, comments))
        elif t == "variable" and len(labels) == 1:
            cfg.variables.setdefault(labels[0], blk)
        elif t == "output" and len(labels) == 1:
            cfg.outputs.setdefault(labels[0], blk)
        elif t == "locals":
            for name, attr in blk.attrs.items():
                cfg.locals.setdefault(name, attr)
