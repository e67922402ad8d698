"""Safe unpacking of module archives (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz).

An archive is third-party input: an entry with an absolute path, a ``..`` component or a backslash, a
link pointing outside the package, or a package over the size or file-count limits rejects the whole
archive (a partial module would mislead more than a missing one). Devices and FIFOs are skipped.
Nothing unpacked is ever executed; permissions are reduced to read/write for the owner.
"""

from __future__ import annotations

import os
import posixpath
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .http import FetchError

_SUFFIXES = (
    (".tar.gz", "tar.gz"),
    (".tgz", "tar.gz"),
    (".tar.bz2", "tar.bz2"),
    (".tbz2", "tar.bz2"),
    (".tar.xz", "tar.xz"),
    (".txz", "tar.xz"),
    (".tar", "tar"),
    (".zip", "zip"),
)
KINDS = frozenset(k for _, k in _SUFFIXES)


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 256 << 20  # unpacked size of one package
    max_files: int = 20_000
    max_download: int = 256 << 20


def archive_kind(path: str, param: str | None = None) -> str | None:
    """The archive type of a URL path (or go-getter's ``?archive=`` value), else None."""
    if param:
        param = param.lower().lstrip(".")
        return {"tgz": "tar.gz", "tbz2": "tar.bz2", "txz": "tar.xz"}.get(
            param, param if param in KINDS else None
        )
    lower = path.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def _member_path(name: str) -> str:
    if not name or "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":") or "\0" in name:
        raise FetchError(f"unsafe archive: entry {name[:80]!r} has an absolute or invalid path")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise FetchError(f"unsafe archive: entry {name[:80]!r} leaves the package")
    return "/".join(parts)


def _link_ok(member: str, target: str) -> bool:
    if not target or target.startswith("/") or "\\" in target or "\0" in target:
        return False
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(member), target))
    return not (joined == ".." or joined.startswith("../"))


class _Writer:
    def __init__(self, dest: Path, limits: Limits) -> None:
        self.dest = dest.resolve()
        self.limits = limits
        self.files = 0
        self.bytes = 0

    def _count(self) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise FetchError(f"archive has more than {self.limits.max_files} entries")

    def _target(self, rel: str) -> Path:
        path = self.dest / rel
        parent = path.parent.resolve()
        if parent != self.dest and self.dest not in parent.parents:
            raise FetchError(f"unsafe archive: entry {rel[:80]!r} is written through a link")
        return parent / path.name

    def directory(self, rel: str) -> None:
        self._count()
        if rel:
            target = self._target(rel)
            if target.is_symlink():
                raise FetchError(f"unsafe archive: directory {rel[:80]!r} is a link")
            target.mkdir(parents=True, exist_ok=True)

    def file(self, rel: str, src: IO[bytes]) -> None:
        self._count()
        if not rel:
            return
        self._target(rel).parent.mkdir(parents=True, exist_ok=True)
        target = self._target(rel)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        if target.is_symlink():
            raise FetchError(f"unsafe archive: entry {rel[:80]!r} is written through a link")
        fd = os.open(target, flags, 0o600)
        with os.fdopen(fd, "wb") as out:
            while chunk := src.read(1 << 16):
                self.bytes += len(chunk)
                if self.bytes > self.limits.max_bytes:
                    raise FetchError(f"archive unpacks to more than {self.limits.max_bytes} bytes")
                out.write(chunk)

    def link(self, rel: str, link_target: str) -> None:
        self._count()
        if not _link_ok(rel, link_target):
            raise FetchError(f"unsafe archive: link {rel[:80]!r} points outside the package")
        target = self._target(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            raise FetchError(f"unsafe archive: link {rel[:80]!r} replaces an entry")
        os.symlink(link_target, target)
        real = target.resolve()
        if real != self.dest and self.dest not in real.parents:  # through links made before
            target.unlink()
            raise FetchError(f"unsafe archive: link {rel[:80]!r} points outside the package")


def unpack(archive: Path, kind: str, dest: Path, limits: Limits = Limits()) -> None:
    """Unpack ``archive`` into the (existing, empty) directory ``dest``. Raises FetchError."""
    writer = _Writer(dest, limits)
    try:
        if kind == "zip":
            _unzip(archive, writer)
        else:
            _untar(archive, writer)
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise FetchError(f"bad {kind} archive: {type(exc).__name__}") from None


def _untar(archive: Path, writer: _Writer) -> None:
    with tarfile.open(archive, "r:*") as tf:
        for member in tf:
            rel = _member_path(member.name)
            if member.isdir():
                writer.directory(rel)
            elif member.issym():
                writer.link(rel, member.linkname)
            elif member.islnk():
                # A hard link names another entry of the archive: copy that entry's content.
                source = _member_path(member.linkname)
                try:
                    linked = tf.getmember(member.linkname)
                except KeyError:
                    raise FetchError(f"unsafe archive: hard link {rel[:80]!r} to a missing entry") from None
                data = tf.extractfile(linked) if linked.isfile() else None
                if data is None or source == rel:
                    raise FetchError(f"unsafe archive: hard link {rel[:80]!r} is not to a file")
                writer.file(rel, data)
            elif member.isfile():
                data = tf.extractfile(member)
                if data is not None:
                    writer.file(rel, data)


def _unzip(archive: Path, writer: _Writer) -> None:
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        if len(infos) > writer.limits.max_files:
            raise FetchError(f"archive has more than {writer.limits.max_files} entries")
        if sum(i.file_size for i in infos) > writer.limits.max_bytes:
            raise FetchError(f"archive unpacks to more than {writer.limits.max_bytes} bytes")
        for info in infos:
            rel = _member_path(info.filename)
            mode = info.external_attr >> 16
            if info.is_dir():
                writer.directory(rel)
            elif stat.S_ISLNK(mode):
                target = zf.read(info)[:4096].decode("utf-8", "replace")
                writer.link(rel, target)
            else:
                with zf.open(info) as data:
                    writer.file(rel, data)
