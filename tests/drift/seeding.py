"""Seed a local endpoint with exactly the resources of a fixture state, for the drift tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scanner.cloud.aws import SessionFactory
from scanner.cloud.aws.seed import rewrite_all, seed_inventory
from scanner.model import Inventory
from scanner.sources.terraform_state import load_state

FIXTURES = Path(__file__).parent / "fixtures"
REGION = "us-east-1"


@dataclass(frozen=True)
class Seeded:
    state: Path
    """The fixture state with the ids the endpoint assigned."""
    inventory: Inventory
    ids: dict[str, str]
    factory: SessionFactory


def seed(endpoint: str, tmp_path: Path, name: str = "basic.tfstate") -> Seeded:
    source = FIXTURES / name
    factory = SessionFactory(endpoint_url=endpoint, region=REGION, max_attempts=2)
    result = seed_inventory(load_state(source, base_dir=FIXTURES), factory, REGION)
    state = tmp_path / name
    state.write_text(json.dumps(rewrite_all(json.loads(source.read_text()), result.ids), indent=2))
    inventory = load_state(state, base_dir=tmp_path)
    return Seeded(state, inventory, dict(result.ids), factory)
