"""Version constraints with Terraform's rules."""

from __future__ import annotations

import pytest

from scanner.sources.remote_modules.versions import ConstraintError, select

AVAILABLE = [
    "0.9.0",
    "1.0.0",
    "1.0.5",
    "1.1.0",
    "1.2.0",
    "1.10.1",
    "2.0.0",
    "2.1.0-beta1",
    "2.1.0",
    "3.0.0-rc1",
]


@pytest.mark.parametrize(
    ("constraint", "chosen"),
    [
        (None, "2.1.0"),
        ("", "2.1.0"),
        ("1.0.5", "1.0.5"),
        ("= 1.1.0", "1.1.0"),
        ("!= 2.1.0", "2.0.0"),
        ("> 1.2.0, < 2.0.0", "1.10.1"),
        (">= 1.0.0, <= 1.1.0", "1.1.0"),
        ("< 1.0.0", "0.9.0"),
        ("~> 1.0.0", "1.0.5"),  # >= 1.0.0, < 1.1.0
        ("~> 1.0", "1.10.1"),  # >= 1.0, < 2.0
        ("~> 1.2", "1.10.1"),
        ("~> 2.0, != 2.1.0", "2.0.0"),
        ("2.1.0-beta1", "2.1.0-beta1"),  # a prerelease, named exactly
        ("= 3.0.0-rc1", "3.0.0-rc1"),
        (">= 3.0.0-rc1", None),  # prereleases only when named exactly
        (">= 2.2.0", None),
        ("v1.1.0", "1.1.0"),
    ],
)
def test_select(constraint: str | None, chosen: str | None) -> None:
    assert select(AVAILABLE, constraint) == chosen


def test_prereleases_never_picked_by_default() -> None:
    assert select(["1.0.0", "1.1.0-alpha"], None) == "1.0.0"
    assert select(["1.1.0-alpha"], ">= 1.0") is None


@pytest.mark.parametrize("bad", ["~>", ">= one", "1.0 || 2.0", "=> 1.0"])
def test_bad_constraint(bad: str) -> None:
    with pytest.raises(ConstraintError):
        select(AVAILABLE, bad)


def test_unparsable_versions_from_the_registry_are_ignored() -> None:
    assert select(["latest", "1.0.0"], None) == "1.0.0"
