"""The JSON schemas shipped beside the policy code, read once and compiled once each."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jsonschema  # imported where used: it costs 0.2 s of start-up

HERE = Path(__file__).parent


@cache
def schema_bytes(name: str) -> bytes:
    """The raw text of ``scanner/policy/<name>`` (also part of validation-cache keys)."""
    return (HERE / name).read_bytes()


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """A checked validator of the schema's own draft for ``scanner/policy/<name>``."""
    import jsonschema

    schema = json.loads(schema_bytes(name))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]
