"""Check functions for credentials written into configuration: user data scripts, environment maps and
provider blocks. Findings name the attribute, the kind of secret and (for scripts) the line; never the
value, so a report can be shared without leaking what it found.

``{fn: embedded_secrets, args: {text: [...], base64: [...], values: [...]}}`` scans free text (user data
scripts, cloud-init), base64-encoded text (``user_data_base64``, launch template ``user_data``; gzip is
unpacked) and the values of maps (Lambda environment variables) for credential patterns. A script that
can't be known is undecided; a map entry whose value is a reference or an unset variable is not a
literal written in the configuration and is not counted.

``{fn: literal_credentials, args: {access_key: [...], secret_key: [...], token: [...]}}`` checks
attributes that must never hold a literal credential (the AWS provider's ``access_key``): a value that is
not known from the scanned files (an unset variable, the environment) is not hard-coded and passes.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from scanner.model import Resource, Sensitive, Unknown
from scanner.policy.evaluator import EvalScope, Outcome, Witness, register_function
from scanner.policy.paths import MISSING, resolve

_MAX_TEXT = 1 << 20  # decoded user data is at most 16 KiB in AWS; anything past 1 MiB is not a script

# Tokens that are credentials wherever they appear.
_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an AWS access key id", re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
    (
        "an AWS secret access key",
        re.compile(
            r"(?i)aws_?secret_?(?:access_?)?key[\"'\s]*[:=][\"'\s]*[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"
        ),
    ),
    ("a private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
    ("a GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})")),
    ("a Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("a Stripe secret key", re.compile(r"\b[sr]k_live_[A-Za-z0-9]{20,}")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}")),
    # scheme://user:password@host, unless the password is a shell or template expansion.
    ("a password in a URL", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@'\"]+:(?![$%{<])[^\s@/'\"]{3,}@")),
)

# Assignments that are credentials in scripts (``DB_PASSWORD=...``, ``password: ...``); the value
# must be a literal: not a ``$VAR``, ``$(cmd)``, ``${tmpl}``, ``{{ tmpl }}`` or ``<placeholder>``.
_ASSIGNMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a password or secret assignment",
        re.compile(
            r"(?i)(?<![a-z0-9])[a-z0-9_.-]*?(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token)"
            r"[\"']?[ \t]*[:=][ \t]*[\"']?([^\s\"'$`{}<>%][^\s\"'`]{3,})"
        ),
    ),
    ("a password option", re.compile(r"(?i)--password[= ][\"']?([^\s\"'$`{}<>%-][^\s\"'`]{3,})")),
    (
        "a password piped to chpasswd",
        re.compile(r"(?i)\b[a-z_][a-z0-9_-]*:([^\s\"'$`:]{4,})[\"']?\s*\|\s*(?:sudo\s+)?chpasswd"),
    ),
)
_NOT_SECRETS = frozenset(
    ["true", "false", "yes", "no", "none", "null", "nil", "required", "optional", "disabled"]
)


def _decoded(text: str) -> str | None:
    """Base64 text (optionally gzip) → the text it encodes, or None when it is not that."""
    compact = "".join(text.split())
    if len(compact) < 8 or len(compact) % 4:
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)[:_MAX_TEXT]
        except (OSError, EOFError, zlib.error):
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def scan_text(text: str) -> list[tuple[str, int]]:
    """(kind of secret, line) for every credential found in a script; sorted, one per kind and line."""
    text = text[:_MAX_TEXT]
    found: set[tuple[str, int]] = set()
    for kind, pattern in _TOKENS:
        for match in pattern.finditer(text):
            found.add((kind, _line_of(text, match.start())))
    for kind, pattern in _ASSIGNMENTS:
        for match in pattern.finditer(text):
            if match.group(1).strip("\"';,").lower() not in _NOT_SECRETS:
                found.add((kind, _line_of(text, match.start())))
    return sorted(found, key=lambda item: (item[1], item[0]))


def scan_value(value: str) -> list[str]:
    """Kinds of credential tokens in one value (an environment variable's)."""
    return sorted({kind for kind, pattern in _TOKENS if pattern.search(value[:_MAX_TEXT])})


def _values(resource: Resource, paths: Sequence[str]) -> Iterator[tuple[str, Any]]:
    for attr in paths:
        yield from resolve(resource.attrs, attr)


def _undecided(value: Any) -> bool:
    return value is Unknown or value is Sensitive


def check_embedded_secrets(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    """FAIL when a listed script, encoded script or map value holds a credential (see module doc)."""
    address = resource.address
    bad: list[Witness] = []
    messages: list[str] = []
    unknown: list[Witness] = []
    looked: list[Witness] = []
    for kind_of_attr in ("text", "base64"):
        for path, value in _values(resource, args.get(kind_of_attr, ())):
            looked.append((address, path))
            if value is MISSING or value is None:
                continue
            if _undecided(value) or not isinstance(value, str):
                unknown.append((address, path))
                continue
            texts = [value]
            decoded = _decoded(value)
            if decoded is not None:
                texts = [decoded] if kind_of_attr == "base64" else [value, decoded]
            hits = sorted({hit for text in texts for hit in scan_text(text)})
            if hits:
                bad.append((address, path))
                where = " (decoded)" if decoded is not None else ""
                messages.extend(f"{path}{where} line {line}: {kind}" for kind, line in hits)
    for path, value in _values(resource, args.get("values", ())):
        looked.append((address, path))
        if value is MISSING or value is None:
            continue
        if _undecided(value) or not isinstance(value, Mapping):
            unknown.append((address, path))
            continue
        for key in sorted(value, key=str):
            item = value[key]
            # A value that is a reference or a variable without a literal here is not written in
            # this configuration (a known default or tfvars value is known and scanned).
            if isinstance(item, str):
                kinds = scan_value(item)
                if kinds:
                    bad.append((address, path))
                    messages.extend(f"{path}.{key}: {kind}" for kind in kinds)
    if bad:
        return Outcome(False, bad, [f"found {m} (value not shown)" for m in messages])
    if unknown:
        return Outcome(None, unknown)
    return Outcome(True, looked)


_ACCESS_KEY = re.compile(r"^(?:AKIA|ASIA)[A-Z0-9]{16}$|^[A-Z0-9]{20}$")
_SECRET_KEY = re.compile(r"^[A-Za-z0-9/+]{40}$")
_TOKEN = re.compile(r"^[A-Za-z0-9/+=]{40,}$")
_CREDENTIAL_SHAPES = {
    "access_key": ("an AWS access key id", _ACCESS_KEY),
    "secret_key": ("an AWS secret access key", _SECRET_KEY),
    "token": ("an AWS session token", _TOKEN),
}


def check_literal_credentials(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    """FAIL when an attribute holds a literal with the shape of an AWS credential (see module doc).

    Values the scanned files don't determine (an unset or sensitive variable, the environment) are
    not written in the code as a literal here, so they pass: that is the recommended way to pass keys.
    """
    address = resource.address
    bad: list[Witness] = []
    messages: list[str] = []
    looked: list[Witness] = []
    for shape in sorted(_CREDENTIAL_SHAPES):
        kind, pattern = _CREDENTIAL_SHAPES[shape]
        for path, value in _values(resource, args.get(shape, ())):
            looked.append((address, path))
            if isinstance(value, str) and pattern.match(value.strip()):
                bad.append((address, path))
                messages.append(f"{path} holds {kind} written in the configuration (value not shown)")
    if bad:
        return Outcome(False, bad, messages)
    return Outcome(True, looked)


def register() -> None:
    """Add the secret-scanning check functions (called once by the policy loader's setup)."""
    register_function("embedded_secrets", check_embedded_secrets)
    register_function("literal_credentials", check_literal_credentials)
