"""Bytes of a scanned file → text, with one-line reasons for what cannot be decoded.

- JSON inputs (plans, states, Pulumi exports, ``.tf.json``, ``*.tfvars.json``) are UTF-8, UTF-8 with a
  byte order mark, or UTF-16/32 with one: PowerShell's ``terraform show -json > plan.json`` writes
  UTF-16 LE with a BOM. UTF-16 without a BOM is recognised by its zero bytes (JSON starts with ASCII).
- ``.tf`` files are UTF-8 (as Terraform requires); a file that is not is still read, with its invalid
  bytes as U+FFFD, and the caller reports the line of the first one.
- ``nesting_depth_over``: the first place where brackets nest deeper than a limit, found without
  recursion, so hostile nesting is refused before a recursive parser meets it.
"""

from __future__ import annotations

import codecs
import re

from scanner.errors import SourceError

# Deepest bracket nesting accepted in JSON and HCL inputs. Real configurations stay far below it.
MAX_NESTING = 1000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of a JSON document's bytes and the length of its byte order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:4]
    if len(head) >= 2 and head[0] == 0 and head[1] != 0:
        return "utf-16-be", 0
    if len(head) >= 2 and head[0] != 0 and head[1] == 0 and head[2:4] != b"\0\0":
        return "utf-16-le", 0
    return "utf-8", 0


def decode_json_bytes(data: bytes, display: str) -> str:
    """Decode a JSON input; a failure is a ``SourceError`` naming the line of the first bad byte."""
    encoding, skip = sniff_encoding(data)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_of_bad_byte(data[skip:], exc.start, encoding)
        raise SourceError(
            f"cannot read file: not valid {encoding.upper()} (byte offset {exc.start + skip})", display, line
        ) from exc


def decode_utf8(data: bytes) -> tuple[str, int | None]:
    """UTF-8 text (a leading BOM dropped), and the line of the first invalid byte if there is one."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("utf-8", "replace"), data.count(b"\n", 0, exc.start) + 1


def _line_of_bad_byte(data: bytes, offset: int, encoding: str) -> int:
    if encoding == "utf-8":
        return data.count(b"\n", 0, offset) + 1
    unit = 4 if "32" in encoding else 2
    text = data[: offset - offset % unit].decode(encoding, "replace")
    return text.count("\n") + 1


# A string (skipped whole) or one bracket. Strings in HCL may hold templates; counting their brackets
# is not needed to stop hostile depth, which lives in expressions.
_TOKENS = re.compile(rb'"(?:[^"\\\n]|\\.)*"|[\[\]{}()]')
_OPEN = frozenset(b"[{(")


def nesting_depth_over(data: bytes, limit: int = MAX_NESTING) -> int | None:
    """The 1-based line where bracket nesting first goes deeper than ``limit``; None if it never does."""
    if data.count(b"[") + data.count(b"{") + data.count(b"(") <= limit:
        return None
    depth = 0
    for match in _TOKENS.finditer(data):
        token = match.group()
        if len(token) != 1:
            continue
        if token[0] in _OPEN:
            depth += 1
            if depth > limit:
                return data.count(b"\n", 0, match.start()) + 1
        elif depth:
            depth -= 1
    return None
