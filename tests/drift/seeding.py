"""Seed a local endpoint with exactly the resources of a fixture state, for the drift tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scanner.cloud.aws import SessionFactory
from scanner.cloud.aws.seed import rewrite_all, seed_inventory
from scanner.model import Inventory
from scanner.sources.detect import load_input

FIXTURES = Path(__file__).parent / "fixtures"
STACKS = Path(__file__).resolve().parent.parent.parent / "stacks"
REGION = "us-east-1"


@dataclass(frozen=True)
class Seeded:
    state: Path
    """The fixture state with the ids the endpoint assigned."""
    inventory: Inventory
    ids: dict[str, str]
    factory: SessionFactory


def seed(endpoint: str, tmp_path: Path, source: Path = FIXTURES / "basic.tfstate") -> Seeded:
    """Create the resources of ``source`` (a state or Pulumi export); write it with the new ids."""
    factory = SessionFactory(endpoint_url=endpoint, region=REGION, max_attempts=2)
    result = seed_inventory(load_input(str(source), base_dir=source.parent), factory, REGION)
    state = tmp_path / source.name
    state.write_text(json.dumps(rewrite_all(json.loads(source.read_text()), result.ids), indent=2))
    inventory = load_input(str(state), base_dir=tmp_path)
    return Seeded(state, inventory, dict(result.ids), factory)
