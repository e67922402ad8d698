"""Framework files with the same name merge even when control ids mix numbers and words (S3.2, S3.x1)."""

from __future__ import annotations

from pathlib import Path

from scanner.policy.frameworks import load_frameworks


def test_merge_sorts_mixed_control_ids(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks" / "baseline"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(
        "name: baseline\ncontrols:\n"
        "  - {id: 'S3.x1', title: extra, policies: [P-1]}\n"
        "  - {id: 'S3.10', title: ten, policies: [P-2]}\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        "name: baseline\ncontrols:\n"
        "  - {id: 'S3.2', title: two, policies: [P-3]}\n"
        "  - {id: 'IAM.1', title: one, policies: [P-4]}\n",
        encoding="utf-8",
    )
    frameworks = load_frameworks([tmp_path])
    assert [c.id for c in frameworks["baseline"].controls] == ["IAM.1", "S3.2", "S3.10", "S3.x1"]
