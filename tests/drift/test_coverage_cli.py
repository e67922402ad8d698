"""`iacscan drift` says what it did not check: coverage = compared / managed, one line per type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scanner.cli import main_group
from scanner.cloud.aws.catalog import supported_types
from tests.drift.seeding import REGION, seed
from tests.sarif_schema import assert_valid_sarif

NO_READER = "aws_gamelift_fleet"  # a real provider type iacscan has no live reader for


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main_group, ["drift", *args])
    return result.exit_code, result.stdout, result.stderr


def with_unreadable_type(state: Path) -> None:
    doc = json.loads(state.read_text())
    doc["resources"].append(
        {
            "mode": "managed",
            "type": NO_READER,
            "name": "game",
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [
                {
                    "schema_version": 0,
                    "attributes": {
                        "id": "fleet-1111",
                        "arn": f"arn:aws:gamelift:{REGION}:123456789012:fleet/fleet-1111",
                        "name": "game",
                    },
                }
            ],
        }
    )
    state.write_text(json.dumps(doc, indent=2))


@pytest.mark.slow
def test_coverage_counts_a_type_without_reader_in_every_format(aws_endpoint: str, tmp_path: Path) -> None:
    assert NO_READER not in supported_types()
    seeded = seed(aws_endpoint, tmp_path)
    with_unreadable_type(seeded.state)
    args = (str(seeded.state), "--endpoint-url", aws_endpoint)
    code, out, err = invoke(*args, "-f", "json")
    assert code == 0, err  # nothing not compared changes the exit code
    doc = json.loads(out)
    summary = doc["summary"]["drift"]
    managed = len(seeded.inventory.managed()) + 1
    no_reader = summary["not_compared"]["no_reader"]
    assert no_reader[NO_READER] == 1
    assert summary["managed"] == managed
    assert summary["compared"] == managed - sum(no_reader.values())
    assert summary["coverage"] == round(100.0 * summary["compared"] / managed, 1) < 100.0
    line = f"not compared: {NO_READER} (1 resource): iacscan has no live reader for this type"
    assert {"level": "note", "kind": "coverage", "message": line, "file": None, "line": None} in doc[
        "notifications"
    ]

    code, text, _ = invoke(*args)
    assert code == 0
    assert f"note: {line}" in text
    assert f"coverage {summary['coverage']:g}% ({summary['compared']} of {managed} managed" in text
    assert sum(1 for row in text.splitlines() if NO_READER in row) == 1  # one line per type
    code, markdown, _ = invoke(*args, "-f", "markdown")
    assert code == 0 and line in markdown and f"coverage {summary['coverage']:g}%" in markdown
    code, html, _ = invoke(*args, "-f", "html")
    assert code == 0 and line in html and "Drift coverage" in html
    code, sarif_text, _ = invoke(*args, "-f", "sarif")
    sarif = assert_valid_sarif(sarif_text)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {"level": "note", "message": {"text": line}, "descriptor": {"id": "iacscan/coverage"}} in notes


@pytest.mark.slow
def test_region_is_accepted_like_regions(aws_endpoint: str, tmp_path: Path) -> None:
    seeded = seed(aws_endpoint, tmp_path)
    args = (str(seeded.state), "--endpoint-url", aws_endpoint, "-f", "json")
    code, out, err = invoke(*args, "--region", REGION)
    assert code == 0, err
    same = json.loads(out)["summary"]["drift"]
    assert same["regions"] == [REGION]
    code, out, err = invoke(*args, "--regions", REGION)
    assert json.loads(out)["summary"]["drift"]["coverage"] == same["coverage"]
    # Another region: the resources known to live in us-east-1 are not compared, and say so.
    code, out, err = invoke(*args, "--region", "eu-west-1")
    assert code == 0, err
    other = json.loads(out)["summary"]["drift"]
    assert other["regions"] == ["eu-west-1"]
    assert other["not_compared"]["other_region"] and other["coverage"] < same["coverage"]
