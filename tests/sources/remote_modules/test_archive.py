"""Unpacking third-party archives: only what stays inside the package, within limits."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

from scanner.sources.remote_modules import FetchError, Limits
from scanner.sources.remote_modules.archive import archive_kind, unpack

from .conftest import tar_gz, zip_bytes


def _tar(tmp_path: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    path = tmp_path / "a.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for info, data in members:
            info.size = len(data) if info.isfile() else 0
            tf.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def _info(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    d = tmp_path / "out"
    d.mkdir()
    return d


def test_good_archives_unpack(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "m.tgz").write_bytes(tar_gz({"main.tf": "# hi\n", "sub/x.tf": "# x\n"}, prefix="pkg-1/"))
    unpack(tmp_path / "m.tgz", "tar.gz", dest)
    assert (dest / "pkg-1" / "sub" / "x.tf").read_text() == "# x\n"
    (tmp_path / "m.zip").write_bytes(zip_bytes({"main.tf": "# z\n"}))
    unpack(tmp_path / "m.zip", "zip", dest / "z")
    assert (dest / "z" / "main.tf").read_text() == "# z\n"


def test_links_inside_the_package_are_kept(tmp_path: Path, dest: Path) -> None:
    path = _tar(tmp_path, [(_info("a/main.tf"), b"# a\n"), (_info("b", tarfile.SYMTYPE, "a"), b"")])
    unpack(path, "tar.gz", dest)
    assert (dest / "b" / "main.tf").read_text() == "# a\n"


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ([(_info("../evil.tf"), b"x")], "leaves the package"),
        ([(_info("ok/../../evil.tf"), b"x")], "leaves the package"),
        ([(_info("/etc/evil.tf"), b"x")], "absolute"),
        ([(_info("link", tarfile.SYMTYPE, "../../outside"), b"")], "points outside"),
        ([(_info("link", tarfile.SYMTYPE, "/etc"), b"")], "points outside"),
        ([(_info("hard", tarfile.LNKTYPE, "../../etc/passwd"), b"")], "leaves the package"),
        ([(_info("d", tarfile.SYMTYPE, "."), b""), (_info("d", tarfile.SYMTYPE, "x"), b"")], "replaces"),
        # each link looks inside on its own; together they reach the parent of the package
        (
            [(_info("b", tarfile.SYMTYPE, "."), b""), (_info("c", tarfile.SYMTYPE, "b/.."), b"")],
            "points outside",
        ),
    ],
)
def test_unsafe_tar_entries_reject_the_archive(
    tmp_path: Path, dest: Path, members: list[tuple[tarfile.TarInfo, bytes]], reason: str
) -> None:
    with pytest.raises(FetchError, match=reason):
        unpack(_tar(tmp_path, members), "tar.gz", dest)
    assert not (tmp_path / "evil.tf").exists() and not (tmp_path / "outside").exists()


def test_a_file_written_through_an_earlier_link_is_refused(tmp_path: Path, dest: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    # "sub" -> "." is inside; then a chain that would need a link to escape is refused at the link
    members = [(_info("sub", tarfile.SYMTYPE, "."), b""), (_info("sub/main.tf"), b"# ok\n")]
    unpack(_tar(tmp_path, members), "tar.gz", dest)
    assert (dest / "main.tf").read_text() == "# ok\n"
    assert not any(outside.iterdir())


def test_zip_slip_and_zip_symlink_out(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "slip.zip").write_bytes(zip_bytes({"../../evil.tf": "x"}))
    with pytest.raises(FetchError, match="leaves the package"):
        unpack(tmp_path / "slip.zip", "zip", dest)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "../../../etc")
    (tmp_path / "link.zip").write_bytes(buf.getvalue())
    with pytest.raises(FetchError, match="points outside"):
        unpack(tmp_path / "link.zip", "zip", dest)


def test_size_and_count_limits(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "big.tgz").write_bytes(tar_gz({"big.tf": "#" * 5000}))
    with pytest.raises(FetchError, match="more than 1000 bytes"):
        unpack(tmp_path / "big.tgz", "tar.gz", dest, Limits(max_bytes=1000))
    (tmp_path / "big.zip").write_bytes(zip_bytes({"big.tf": "#" * 5000}))
    with pytest.raises(FetchError, match="more than 1000 bytes"):
        unpack(tmp_path / "big.zip", "zip", dest / "z", Limits(max_bytes=1000))
    (tmp_path / "many.tgz").write_bytes(tar_gz({f"f{i}.tf": "" for i in range(20)}))
    with pytest.raises(FetchError, match="more than 10 entries"):
        unpack(tmp_path / "many.tgz", "tar.gz", dest / "m", Limits(max_files=10))


def test_garbage_is_a_bad_archive(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip at all")
    with pytest.raises(FetchError, match="bad zip archive"):
        unpack(tmp_path / "x.zip", "zip", dest)
    (tmp_path / "x.tgz").write_bytes(b"\x1f\x8b garbage")
    with pytest.raises(FetchError, match=r"bad tar\.gz archive"):
        unpack(tmp_path / "x.tgz", "tar.gz", dest)


@pytest.mark.parametrize(
    ("path", "param", "kind"),
    [
        ("/m.zip", None, "zip"),
        ("/m.tar.gz", None, "tar.gz"),
        ("/m.TGZ", None, "tar.gz"),
        ("/tarball/v1", "tar.gz", "tar.gz"),
        ("/m", None, None),
        ("/m.tar.xz", None, "tar.xz"),
    ],
)
def test_archive_kind(path: str, param: str | None, kind: str | None) -> None:
    assert archive_kind(path, param) == kind
