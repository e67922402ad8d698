from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scanner.model import Inventory, Resource
from scanner.sources.terraform_hcl import load_terraform_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def load() -> Callable[..., Inventory]:
    def _load(name: str, **kwargs: object) -> Inventory:
        return load_terraform_dir(FIXTURES / name, base_dir=FIXTURES, **kwargs)  # type: ignore[arg-type]

    return _load


def by_address(inv: Inventory) -> dict[str, Resource]:
    return inv.by_address()
