"""Helpers shared by the plan, state and Pulumi readers: addresses, markers, file locations.

- Terraform addresses: ``module.net["a"].aws_subnet.public[0]``, built the way Terraform writes them.
- ``mark``: overlay ``after_unknown`` / ``after_sensitive`` style masks (same shape as the value,
  ``true`` at the masked leaves) onto a value, giving ``Unknown`` / ``Sensitive`` markers and the
  dotted paths of the sensitive ones (``password``, ``ingress[0].cidr_blocks``, ``tags.Secret``).
- ``read_text`` and ``display_path``: file reading with one-line errors, POSIX paths relative to the
  base dir.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.model import Sensitive, SourceRef, Unknown
from scanner.sources.decoding import decode_json_bytes
from scanner.sources.json_lines import Located, Span, parse_located

_INDEX = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|[0-9]+|\*)\]')
_LAST_INDEX = re.compile(_INDEX.pattern + "$")


def index_suffix(index: Any) -> str:
    """``0`` → ``[0]``; ``"a"`` → ``["a"]``; ``None`` → ``""`` (as Terraform writes addresses)."""
    if index is None:
        return ""
    if isinstance(index, bool):  # never an index, but do not let it pass as int
        return f"[{json.dumps(str(index).lower())}]"
    if isinstance(index, int):
        return f"[{index}]"
    return f"[{json.dumps(str(index))}]"


def resource_address(module: str, mode: str, rtype: str, name: str, index: Any = None) -> str:
    prefix = f"{module}." if module else ""
    data = "data." if mode == "data" else ""
    return f"{prefix}{data}{rtype}.{name}{index_suffix(index)}"


def strip_indexes(address: str) -> str:
    """``module.m["a"].aws_x.y[0]`` → ``module.m.aws_x.y``."""
    return _INDEX.sub("", address)


def strip_last_index(address: str) -> str:
    """``module.m["a"].aws_x.y[0]`` → ``module.m["a"].aws_x.y``."""
    match = _LAST_INDEX.search(address)
    return address[: match.start()] if match else address


def join_path(base: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{base}[{step}]"
    return f"{base}.{step}" if base else step


def mark(value: Any, unknown: Any, sensitive: Any, path: str = "") -> tuple[Any, list[str]]:
    """Overlay unknown and sensitive masks onto ``value``; return it and its sensitive paths.

    Sensitive wins over unknown: a secret that is also unknown is still a secret.
    """
    found: list[str] = []
    return _mark(value, unknown, sensitive, path, found), found


def _mark(value: Any, unknown: Any, sensitive: Any, path: str, found: list[str]) -> Any:
    if sensitive is True:
        found.append(path)
        return Sensitive
    if unknown is True:
        return Unknown
    if not _marked(unknown) and not _marked(sensitive):
        return value  # nothing to mark below here: keep the value as decoded, no copy
    if isinstance(value, dict) or isinstance(unknown, dict) or isinstance(sensitive, dict):
        src = value if isinstance(value, dict) else {}
        unk = unknown if isinstance(unknown, dict) else {}
        sen = sensitive if isinstance(sensitive, dict) else {}
        out = dict(src)  # only the keys with a mark below them are rebuilt
        for k in sorted(unk.keys() | sen.keys()):
            u, s = unk.get(k), sen.get(k)
            if _marked(u) or _marked(s):
                out[k] = _mark(src.get(k), u, s, join_path(path, k), found)
        return out
    if isinstance(value, list):
        unk_l = unknown if isinstance(unknown, list) else []
        sen_l = sensitive if isinstance(sensitive, list) else []
        items = []
        for i, item in enumerate(value):
            u = unk_l[i] if i < len(unk_l) else None
            s = sen_l[i] if i < len(sen_l) else None
            items.append(_mark(item, u, s, join_path(path, i), found))
        return items
    return value


def _marked(mask: Any) -> bool:
    """Whether a mask has a ``true`` anywhere (masks mirror containers only, so this is cheap)."""
    if mask is True:
        return True
    if isinstance(mask, dict):
        return any(_marked(v) for v in mask.values())
    if isinstance(mask, list):
        return any(_marked(v) for v in mask)
    return False


def cloud_id(attrs: Any) -> str | None:
    if isinstance(attrs, dict):
        value = attrs.get("id")
        if isinstance(value, str) and value:
            return value
    return None


def display_path(path: Path, base_dir: Path) -> str:
    """POSIX path relative to ``base_dir`` when inside it, else as given."""
    try:
        return path.resolve().relative_to(base_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, display: str) -> str:
    """A JSON input's text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM (PowerShell's ``>``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or type(exc).__name__}", display) from exc
    return decode_json_bytes(data, display)


def parse_json(text: str, display: str) -> Located:
    """Parse once with resource spans; a JSON error names the file, line and column."""
    try:
        return parse_located(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid JSON: {exc.msg} (column {exc.colno})", display, exc.lineno) from exc
    except RecursionError as exc:
        raise SourceError("invalid JSON: nested too deeply", display) from exc
    except ValueError as exc:  # e.g. an integer of more digits than Python converts (4,300)
        reason = str(exc).split(";")[0][:120]
        raise SourceError(f"invalid JSON: {reason}", display) from exc


def span_ref(display: str, span: Span | None) -> SourceRef | None:
    if span is None:
        return None
    return SourceRef(display, span.start_line, span.end_line, span.start_column, span.end_column)


def require_dict(value: Any, what: str, display: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SourceError(f"{what} is not a JSON object", display)
    return value


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def sorted_unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items)))
