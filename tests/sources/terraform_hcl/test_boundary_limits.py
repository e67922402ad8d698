"""The read boundary (files and modules outside the repository are never read) and the evaluation
bounds (each reached bound is a note, and the value is Unknown)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scanner.model import Unknown
from scanner.sources.terraform_hcl import ReadBoundary, load_terraform_dir
from scanner.sources.terraform_hcl.boundary import repository_root

SECRET = "canary-7f3d-outside-the-repository"


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """tmp/outside/secret.txt beside tmp/repo/{.git, root, modules/m, link -> ../outside}."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    (tmp_path / "outside" / "main.tf").write_text(
        f'resource "aws_sqs_queue" "leak" {{\n  name = "{SECRET}"\n}}\n'
    )
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "root").mkdir()
    (repo / "modules" / "m").mkdir(parents=True)
    (repo / "modules" / "m" / "main.tf").write_text('resource "aws_sqs_queue" "inner" {\n  name = "in"\n}\n')
    (repo / "inside.txt").write_text("inside\n")
    os.symlink("../outside", repo / "link")
    return repo


def _load(repo: Path, body: str) -> dict[str, object]:
    (repo / "root" / "main.tf").write_text(body)
    inv = load_terraform_dir(repo / "root", base_dir=repo)
    return {"inv": inv, "by": inv.by_address(), "notes": [n.message for n in inv.notifications]}


def test_repository_root_is_the_git_work_tree(layout: Path) -> None:
    assert repository_root(layout / "root") == layout.resolve()
    assert repository_root(layout.parent / "outside") == (layout.parent / "outside").resolve()


@pytest.mark.parametrize(
    "expr",
    [
        'file("../../outside/secret.txt")',
        'file("${path.module}/../link/secret.txt")',
        'file("/etc/passwd")',
        'templatefile("../../outside/secret.txt", {})',
        'fileexists("../../outside/secret.txt")',
        'filebase64("../../outside/secret.txt")',
        'jsonencode(fileset("../../outside", "*"))',
    ],
)
def test_files_outside_the_repository_are_unknown_with_a_note(layout: Path, expr: str) -> None:
    got = _load(layout, f'resource "aws_sqs_queue" "q" {{\n  name = {expr}\n}}\n')
    q = got["by"]["aws_sqs_queue.q"]  # type: ignore[index]
    assert q.attrs["name"] is Unknown
    assert any("outside the repository" in m for m in got["notes"]), got["notes"]  # type: ignore[attr-defined]


def test_files_inside_the_repository_are_read(layout: Path) -> None:
    got = _load(
        layout,
        'resource "aws_sqs_queue" "q" {\n  name = file("../inside.txt")\n'
        '  tags = { set = jsonencode(fileset("../modules", "**/*.tf")) }\n}\n',
    )
    q = got["by"]["aws_sqs_queue.q"]  # type: ignore[index]
    assert q.attrs["name"] == "inside\n"
    assert q.attrs["tags"]["set"] == '["m/main.tf"]'


def test_modules_outside_the_repository_are_not_loaded(layout: Path) -> None:
    got = _load(
        layout,
        'module "in" {\n  source = "../modules/m"\n}\nmodule "out" {\n  source = "../../outside"\n}\n'
        'module "via_link" {\n  source = "../link"\n}\n',
    )
    assert "module.in.aws_sqs_queue.inner" in got["by"]  # type: ignore[operator]
    assert not any(SECRET in str(r.attrs) for r in got["inv"].resources)  # type: ignore[attr-defined]
    assert sum("lies outside the repository" in m for m in got["notes"]) == 2  # type: ignore[attr-defined]


def test_an_extra_root_widens_the_boundary(layout: Path) -> None:
    (layout / "root" / "main.tf").write_text('module "out" {\n  source = "../../outside"\n}\n')
    boundary = ReadBoundary.for_scan(layout / "root").with_root(layout.parent / "outside")
    inv = load_terraform_dir(layout / "root", base_dir=layout, boundary=boundary)
    assert "module.out.aws_sqs_queue.leak" in inv.by_address()
    assert boundary.allows(layout / "link" / "secret.txt")
    assert not boundary.allows(Path("/etc/passwd"))


@pytest.mark.parametrize(
    ("body", "address", "note"),
    [
        ("count = 10001", "aws_sqs_queue.q", "count = 10001 is over the 10,000"),
        ("for_each = toset([for i in range(1000) : tostring(i)])", "", ""),  # under the bound: expanded
        ('name = join(",", formatlist("%99999999s", range(100)))', "aws_sqs_queue.q", ""),
        pytest.param(
            "name = length([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]])",
            "aws_sqs_queue.q",
            "iterations of for expressions",
            marks=pytest.mark.slow,  # 5M iterations before the bound: seconds of CPU
        ),
    ],
)
def test_evaluation_bounds(tmp_path: Path, body: str, address: str, note: str) -> None:
    (tmp_path / "main.tf").write_text(f'resource "aws_sqs_queue" "q" {{\n  {body}\n}}\n')
    inv = load_terraform_dir(tmp_path, base_dir=tmp_path)
    notes = [n.message for n in inv.notifications]
    if not address:
        assert len(inv.resources) == 1000 and not notes
        return
    q = inv.by_address()[address]
    assert q.attrs.get("name", Unknown) is Unknown
    if note:
        assert any(note in m for m in notes), notes


def test_modules_json_entries_outside_the_repository_are_not_loaded(layout: Path) -> None:
    manifest = layout / "root" / ".terraform" / "modules"
    manifest.mkdir(parents=True)
    (manifest / "modules.json").write_text(
        '{"Modules": [{"Key": "net", "Source": "registry.terraform.io/x/net/aws", "Dir": "../../outside"},'
        ' {"Key": "ok", "Source": "registry.terraform.io/x/ok/aws", "Dir": "../modules/m"}]}'
    )
    got = _load(
        layout,
        'module "net" {\n  source = "x/net/aws"\n}\nmodule "ok" {\n  source = "x/ok/aws"\n}\n',
    )
    assert "module.ok.aws_sqs_queue.inner" in got["by"]  # type: ignore[operator]
    assert not any(SECRET in str(r.attrs) for r in got["inv"].resources)  # type: ignore[attr-defined]
    assert any("module.net" in m and "outside the repository" in m for m in got["notes"])  # type: ignore[attr-defined]
