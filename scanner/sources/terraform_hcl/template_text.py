"""Template literal text: escape sequences and heredoc indentation."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{", re.S)


_SIMPLE_ESC = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def unescape_quoted(text: str) -> str:
    if "\\" not in text and "$${" not in text and "%%{" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        if s == "$${":
            return "${"
        if s == "%%{":
            return "%{"
        c = m.group(1)
        if len(c) > 1:
            code = int(c[1:], 16)
            return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        return _SIMPLE_ESC.get(c, "\\" + c)

    return _ESCAPE.sub(repl, text)


def unescape_heredoc(text: str) -> str:
    return text.replace("$${", "${").replace("%%{", "%{")


def min_indent(raw: bytes) -> int:
    best: int | None = None
    for line in raw.split(b"\n"):
        stripped = line.lstrip(b" \t")
        if not stripped:
            continue
        n = len(line) - len(stripped)
        if best is None or n < best:
            best = n
    return best or 0


def dedent(src: bytes, a: int, b: int, start: int, indent: int) -> str:
    if not indent:
        return src[a:b].decode("utf-8", "replace")
    out = []
    pos = a
    while pos < b:
        if pos == start or src[pos - 1 : pos] == b"\n":
            k = 0
            while k < indent and pos < b and src[pos : pos + 1] in (b" ", b"\t"):
                pos += 1
                k += 1
        nl = src.find(b"\n", pos, b)
        nxt = b if nl < 0 else nl + 1
        out.append(src[pos:nxt])
        pos = nxt
    return b"".join(out).decode("utf-8", "replace")
