from __future__ import annotations

from pathlib import Path

import pytest

from scanner.errors import PolicyError
from scanner.policy.loader import PolicySet, load_policies, load_policy_file

GOOD = """\
id: HOUSE-S3-001
title: Buckets carry an owner tag
severity: low
description: Every bucket must say which team owns it.
remediation: Add `tags = { owner = "team" }`.
resource_types: [aws_s3_bucket]
aliases: [CKV_X_1]
condition: {attr: tags.owner, op: exists}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text)
    return path


def test_loads_and_indexes_by_type(tmp_path: Path) -> None:
    write(tmp_path, "HOUSE-S3-001", GOOD)
    policies = load_policies([tmp_path])
    assert [p.id for p in policies] == ["HOUSE-S3-001"]
    index = PolicySet.of(policies)
    assert [p.id for p in index.by_type["aws_s3_bucket"]] == ["HOUSE-S3-001"]
    assert index.alias_map()["CKV_X_1"] == "HOUSE-S3-001"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("severity: low", "severity: urgent"), "$.severity"),
        (GOOD.replace("op: exists", "op: frobnicate"), "$.condition.op: unknown operator"),
        (GOOD.replace("attr: tags.owner", "attr: 'tags..owner'"), "$.condition.attr"),
        (GOOD.replace("id: HOUSE-S3-001", "id: HOUSE-S3-002"), "does not match the file name"),
        (GOOD + "extra: 1\n", "$"),
        (GOOD.replace("condition: {attr: tags.owner, op: exists}", "condition: {all: []}"), "$.condition"),
        ("id: [unclosed\n", "invalid YAML"),
    ],
)
def test_a_bad_policy_names_file_and_json_path(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "HOUSE-S3-001", text)
    with pytest.raises(PolicyError) as info:
        load_policy_file(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_duplicate_ids_across_directories(tmp_path: Path) -> None:
    write(tmp_path / "a", "HOUSE-S3-001", GOOD)
    write(tmp_path / "b", "HOUSE-S3-001", GOOD)
    with pytest.raises(PolicyError, match="duplicate policy id"):
        load_policies([tmp_path / "a", tmp_path / "b"])


def test_validated_documents_are_cached_and_invalid_ones_never(tmp_path: Path) -> None:
    import os

    cache = Path(os.environ["XDG_CACHE_HOME"]) / "iacscan" / "validated-policies.json"
    good = write(tmp_path / "good", "HOUSE-S3-001", GOOD)
    first = load_policies([good.parent.parent])
    assert cache.is_file()
    second = load_policies([good.parent.parent])
    assert first == second
    bad = write(tmp_path / "bad", "HOUSE-S3-001", GOOD.replace("severity: low", "severity: urgent"))
    for _ in range(2):
        with pytest.raises(PolicyError, match=r"\$\.severity"):
            load_policies([bad.parent.parent])
