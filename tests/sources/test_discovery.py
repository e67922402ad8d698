"""Root-module discovery: which folders are roots, which are evaluated through their callers."""

from __future__ import annotations

import json
from pathlib import Path

from scanner.sources.discovery import discover, unused_patterns


def _tf(folder: Path, text: str, name: str = "main.tf") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


def _roots(tmp_path: Path, *folders: Path, skip: tuple[str, ...] = ()) -> list[str]:
    found = discover(list(folders) or [tmp_path], tmp_path, skip)
    return [p.relative_to(tmp_path.resolve()).as_posix() or "." for p in found.roots]


def test_called_folders_are_not_roots_and_comments_do_not_call(tmp_path: Path) -> None:
    _tf(tmp_path / "modules" / "net", 'resource "aws_vpc" "v" {}\n')
    _tf(tmp_path / "modules" / "old", 'resource "aws_vpc" "v" {}\n')
    _tf(
        tmp_path / "live",
        'module "net" {\n  source = "../modules/net" # the network\n}\n'
        '# module "old" {\n#   source = "../modules/old"\n# }\n'
        '/*\nmodule "older" {\n  source = "../modules/old"\n}\n*/\n',
    )
    assert _roots(tmp_path) == ["live", "modules/old"]


def test_json_calls_cycles_and_named_folders(tmp_path: Path) -> None:
    _tf(tmp_path / "mod", 'resource "aws_vpc" "v" {}\n')
    _tf(tmp_path / "app", json.dumps({"module": {"m": {"source": "../mod"}}}), "main.tf.json")
    _tf(tmp_path / "a", 'module "b" {\n  source = "../b"\n}\n')
    _tf(tmp_path / "b", 'module "a" {\n  source = "../a"\n}\n')
    assert _roots(tmp_path) == ["a", "app", "b"]  # a cycle that no root reaches: both evaluated
    assert _roots(tmp_path, tmp_path / "mod") == ["mod"]  # named on the command line: a root


def test_skipped_folders_and_unused_patterns(tmp_path: Path) -> None:
    _tf(tmp_path / "envs" / "dev", 'resource "aws_vpc" "v" {}\n')
    _tf(tmp_path / "envs" / "prod", 'resource "aws_vpc" "v" {}\n')
    _tf(tmp_path / ".hidden", 'resource "aws_vpc" "v" {}\n')
    _tf(tmp_path / "node_modules" / "x", 'resource "aws_vpc" "v" {}\n')
    found = discover([tmp_path], tmp_path, ("envs/prod", "nothing/"))
    assert [p.name for p in found.roots] == ["dev"]
    assert found.matched_patterns == {"envs/prod"}
    notes = unused_patterns(("envs/prod", "nothing/"), found.matched_patterns, "skip path")
    assert [n.message for n in notes] == ["skip path 'nothing/' matched nothing"]


def test_symlink_loop_is_a_notification(tmp_path: Path) -> None:
    _tf(tmp_path / "live", 'resource "aws_vpc" "v" {}\n')
    (tmp_path / "live" / "again").symlink_to(tmp_path, target_is_directory=True)
    found = discover([tmp_path], tmp_path)
    assert [p.name for p in found.roots] == ["live"]
    assert [n.message for n in found.notifications] == [
        "live/again: symbolic link loop (folder already walked); skipped"
    ]
