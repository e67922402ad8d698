"""Templates whose text is partly unknown, and Terraform 0.11's list interpolation.

A policy written as a heredoc with references in it::

    policy = <<POLICY
    {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
                    "Resource": "${aws_s3_bucket.b.arn}/*"}]}
    POLICY

cannot be known as text before apply, but its structure can: each unknown interpolation is marked in
the rendered text, the text is parsed as JSON, and every string holding a mark becomes ``Unknown`` in
a ``PartialDocument`` (as ``jsonencode`` of a partly unknown value gives). Policies reading the
document (``as: json`` / ``iam_statements``) then judge the known statements; plain comparisons still
see an unknown value. A conditional or loop over an unknown value leaves the structure unknown.
"""

from __future__ import annotations

import json
from typing import Any

from scanner.model import PartialDocument, Unknown

from .structure import Expr

# Private-use characters: valid inside a JSON string, never written by hand in a policy.
UNKNOWN_PART = "\ue000iacscan-unknown\ue001"
UNKNOWN_STRUCTURE = "\ue002iacscan-unknown-structure\ue003"
MAX_PARTIAL_TEXT = 1_000_000


def is_lone_interpolation(e: Expr) -> bool:
    """``"${expr}"``: a template that is exactly one interpolation (not a conditional or a loop)."""
    if e[0] != "tmpl" or len(e[1]) != 1:
        return False
    part = e[1][0]
    return not isinstance(part, str) and part[0] not in ("if", "tfor")


def partial_json(text: str) -> Any:
    """A ``PartialDocument`` when TEXT is a JSON object whose unknown parts all lie inside strings."""
    stripped = text.strip()
    if UNKNOWN_STRUCTURE in stripped or not stripped.startswith("{") or len(stripped) > MAX_PARTIAL_TEXT:
        return Unknown
    try:
        doc = json.loads(stripped)
    except (ValueError, RecursionError):
        return Unknown
    if not isinstance(doc, dict):
        return Unknown
    try:
        return PartialDocument(_unknown_marked(doc))
    except _UnknownKey:
        return Unknown


class _UnknownKey(Exception):
    """A key is unknown: which statement field it is can't be told, so nothing is."""


def _unknown_marked(value: Any) -> Any:
    if isinstance(value, str):
        return Unknown if UNKNOWN_PART in value else value
    if isinstance(value, dict):
        if any(UNKNOWN_PART in k for k in value):
            raise _UnknownKey
        return {k: _unknown_marked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unknown_marked(v) for v in value]
    return value
