"""Shared steps of the per-type live drift tests: resources created with boto3 in the local endpoint,
a Terraform state (v4) written the way the AWS provider writes it, and a drift run limited to the
types under test."""

from __future__ import annotations

import json
from typing import Any

import boto3

from scanner.cloud.aws import SessionFactory
from scanner.drift.run import DriftRun, drift_run
from scanner.model import Inventory
from scanner.sources.terraform_state import parse_state

REGION = "us-east-1"
ACCOUNT = "123456789012"  # the local endpoint's account
PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'


def aws(endpoint: str, service: str) -> Any:
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION)


def state(
    *resources: tuple[str, str, dict[str, Any]], sensitive: dict[str, list[str]] | None = None
) -> Inventory:
    """A state v4 document holding ``(type, name, attributes)`` resources, parsed as a real input."""
    entries = [
        {
            "mode": "managed",
            "type": tf_type,
            "name": name,
            "provider": PROVIDER,
            "instances": [
                {
                    "schema_version": 0,
                    "attributes": attrs,
                    "sensitive_attributes": [
                        [{"type": "get_attr", "value": key}] for key in (sensitive or {}).get(name, [])
                    ],
                }
            ],
        }
        for tf_type, name, attrs in resources
    ]
    doc = {"version": 4, "terraform_version": "1.12.2", "serial": 3, "lineage": "iacscan-test", "outputs": {}}
    doc["resources"] = entries
    return parse_state(json.dumps(doc), "terraform.tfstate")


def run(endpoint: str, inventory: Inventory, *types: str) -> DriftRun:
    factory = SessionFactory(endpoint_url=endpoint, region=REGION, max_attempts=2)
    result = drift_run(inventory, regions=[REGION], session_factory=factory, types=types or None)
    warnings = [n.message for n in result.notifications if n.level != "note"]
    assert warnings == [], warnings
    assert set(types) <= set(result.live.read_types), result.live.failed_types
    return result


def drift(endpoint: str, inventory: Inventory, *types: str) -> list[tuple[str, str, str]]:
    """``(DRIFT-KIND, address, attribute path)`` of every finding of a run over ``types``."""
    result = run(endpoint, inventory, *types)
    return [(f.rule_id, f.resource_address, f.attribute_path) for f in result.findings]


def in_sync(endpoint: str, inventory: Inventory, *types: str) -> None:
    result = run(endpoint, inventory, *types)
    found = [(f.rule_id, f.resource_address, f.attribute_path, f.message) for f in result.findings]
    assert found == []
    managed = sum(1 for r in inventory.resources if r.type in types)
    assert (result.summary["managed"], result.summary["in_sync"]) == (managed, managed)
