from __future__ import annotations

import pytest

from scanner.model import Unknown
from scanner.policy.paths import MISSING, parse_path, resolve


def test_parse_path_steps() -> None:
    assert parse_path("ingress[*].cidr_blocks") == ("ingress", "*", "cidr_blocks")
    assert parse_path("a[0].b") == ("a", 0, "b")
    assert parse_path('tags["Name"]') == ("tags", "Name")


@pytest.mark.parametrize("bad", ["", "a..b", "a[x]", "[", "a]"])
def test_parse_path_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_path(bad)


def test_name_step_maps_over_block_lists_and_objects() -> None:
    block_style = {"versioning": [{"enabled": True}]}
    object_style = {"versioning": {"enabled": False}}
    assert resolve(block_style, "versioning.enabled") == [("versioning[0].enabled", True)]
    assert resolve(object_style, "versioning.enabled") == [("versioning.enabled", False)]


def test_missing_and_unknown_values() -> None:
    attrs = {"ingress": [{"from_port": 22}, Unknown]}
    assert resolve(attrs, "egress") == [("egress", MISSING)]
    assert resolve(attrs, "ingress[*].from_port") == [("ingress[0].from_port", 22), ("ingress[1]", Unknown)]
    assert resolve({"a": Unknown}, "a.b.c") == [("a", Unknown)]
    assert resolve({"a": []}, "a[*].b") == [("a", MISSING)]
