"""A small HTTP(S) client for module downloads: timeouts, size limits, a token that never follows a redirect.

Every failure is a ``FetchError`` whose message is safe to show (no token, no query string, no password).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit, urlunsplit

from scanner import __version__

from .address import redact
from .cliconfig import Secret

USER_AGENT = f"iacscan/{__version__} (module download)"
CHUNK = 1 << 16


class FetchError(Exception):
    """A module could not be fetched; the message names the reason and is safe to show."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    url: str
    headers: Message
    body: bytes


def show_url(url: str) -> str:
    """``scheme://host/path`` of a URL, for messages: no user info and no query."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(invalid URL)"
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return redact(urlunsplit((parts.scheme, host, parts.path, "", "")))


def _request(url: str, token: Secret | None, accept: str) -> urllib.request.Request:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {scheme!r}")
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    if token is not None:
        # An unredirected header: urllib drops it when a redirect takes the request elsewhere.
        req.add_unredirected_header("Authorization", f"Bearer {token.value}")
    return req


def _open(req: urllib.request.Request, timeout: float) -> urllib.request._UrlopenRet:  # type: ignore[name-defined]
    shown = show_url(req.full_url)
    try:
        return urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"HTTP {exc.code} from {shown}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot reach {shown}: {_reason(exc.reason)}") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise FetchError(f"cannot reach {shown}: {_reason(exc)}") from None


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return redact(str(reason))[:200] or type(reason).__name__


def get(
    url: str,
    *,
    token: Secret | None = None,
    timeout: float = 30.0,
    max_bytes: int = 4 << 20,
    accept: str = "application/json",
) -> Response:
    """GET a (small) document into memory."""
    req = _request(url, token, accept)
    with _open(req, timeout) as resp:
        try:
            body = resp.read(max_bytes + 1)
        except (TimeoutError, OSError) as exc:
            raise FetchError(f"reading {show_url(url)}: {_reason(exc)}") from None
        if len(body) > max_bytes:
            raise FetchError(f"{show_url(url)}: response larger than {max_bytes} bytes")
        return Response(resp.status, resp.geturl(), resp.headers, body)


def download(
    url: str, dest: Path, *, token: Secret | None = None, timeout: float = 60.0, max_bytes: int = 256 << 20
) -> Response:
    """GET ``url`` into the file ``dest`` (at most ``max_bytes``); the returned body is empty."""
    req = _request(url, token, "*/*")
    with _open(req, timeout) as resp, dest.open("wb") as out:
        _copy(resp, out, max_bytes, url)
        return Response(resp.status, resp.geturl(), resp.headers, b"")


def _copy(src: IO[bytes], out: IO[bytes], max_bytes: int, url: str) -> None:
    total = 0
    while True:
        try:
            chunk = src.read(CHUNK)
        except (TimeoutError, OSError) as exc:
            raise FetchError(f"reading {show_url(url)}: {_reason(exc)}") from None
        if not chunk:
            return
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"{show_url(url)}: download larger than {max_bytes} bytes")
        out.write(chunk)


def copy_limited(src: IO[bytes], dest: Path, max_bytes: int, what: str) -> None:
    with dest.open("wb") as out:
        _copy(src, out, max_bytes, what)


__all__ = ["FetchError", "Response", "copy_limited", "download", "get", "show_url"]
