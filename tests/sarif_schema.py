"""Validation of every SARIF document the tests see against the official OASIS 2.1.0 schema."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(document: dict[str, Any] | str) -> dict[str, Any]:
    doc = json.loads(document) if isinstance(document, str) else document
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    # What GitHub code scanning needs beyond the schema.
    for run in doc["runs"]:
        rules = run["tool"]["driver"]["rules"]
        for result in run["results"]:
            assert result["locations"], "GitHub needs a location on every result"
            region = result["locations"][0]["physicalLocation"]["region"]
            assert region["startLine"] >= 1
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith("/") and "\\" not in uri, uri
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            assert result["partialFingerprints"]
        for rule in rules:
            float(rule["properties"]["security-severity"])
    return doc
