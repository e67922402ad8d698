"""Untrusted text (labels, values, paths and messages from scanned files) made safe to show.

One rule for every format: C0 and C1 control characters (ESC, BEL, CR, LF, the 8-bit CSI...), DEL,
Unicode line and paragraph separators, bidirectional overrides (the "Trojan Source" characters) and
lone surrogates are written as visible ``\\uXXXX`` escapes. So a value can never retitle or clear a
terminal, start a new report line (forging a finding), or reorder what a reviewer reads. Tabs stay.

``escape_line`` is that rule; the formats add their own quoting on top (HTML entities, Markdown
punctuation, SARIF URI percent-encoding with ``sarif_uri``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_line(text: str) -> str:
    """``text`` with every unsafe character as a visible ``\\uXXXX`` escape (one line, always)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text)


def escape_lines(text: str) -> str:
    """Like ``escape_line`` but keeps line feeds (for multi-line help text we write ourselves)."""
    return "\n".join(escape_line(line) for line in text.split("\n"))


def escape_deep(value: Any) -> Any:
    """``escape_line`` on every string of a JSON-like value (keys too)."""
    if isinstance(value, str):
        return escape_line(value)
    if isinstance(value, dict):
        return {escape_line(str(k)): escape_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape_deep(v) for v in value]
    return value


# What JSON's own escaping leaves raw: DEL, C1 controls, separators, bidi overrides (always in strings).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_visible(text: str) -> str:
    """JSON text with the characters above as ``\\uXXXX`` escapes: the same value, shown safely."""
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(_visible, text)


# RFC 3986: unreserved characters and "/" stay; everything else in a relative path is percent-encoded.
_URI_SAFE = "/-._~@"  # unreserved, plus "@" (an RFC 3986 pchar; module versions: aws@1.2.0)


def sarif_uri(path: str) -> str:
    """A relative POSIX path as an RFC 3986 URI reference (``a b/ü.tf`` → ``a%20b/%C3%BC.tf``).

    A ``:`` in the first segment would read as a scheme, so it is encoded too (always, here).
    """
    return quote(path.encode("utf-8", "backslashreplace"), safe=_URI_SAFE)
