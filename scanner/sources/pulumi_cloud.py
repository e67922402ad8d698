"""Stacks kept in Pulumi Cloud (or a self-hosted Pulumi Service): ``pulumi://ORG/PROJECT/STACK``.

Reads the stack's export through the Pulumi Service REST API, as ``pulumi stack export`` does:
``GET {backend}/api/stacks/ORG/PROJECT/STACK/export`` with ``Authorization: token …``. The backend
URL comes from ``PULUMI_BACKEND_URL`` (default ``https://api.pulumi.com``) and the token from
``PULUMI_ACCESS_TOKEN``, as the Pulumi CLI reads them. The token never appears in any message.
A refused token (401/403) or a missing stack (404) is a one-line error; throttling (429), server
errors (5xx) and connection failures are retried like the S3 backend's reads (3 attempts; 10 s to
connect, 60 s to read).
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from scanner.errors import SourceError

SCHEME = "pulumi://"
DEFAULT_BACKEND = "https://api.pulumi.com"
ATTEMPTS = 3
TIMEOUT = 60.0
MAX_BYTES = 2 * 1024**3


class PulumiCloudError(SourceError):
    """The service refused the request (bad token, no such stack): the run cannot go on (exit 2)."""


@dataclass(frozen=True, slots=True)
class StackRef:
    org: str
    project: str
    stack: str

    @property
    def spec(self) -> str:
        return f"{SCHEME}{self.org}/{self.project}/{self.stack}"


def parse_stack_url(spec: str) -> StackRef:
    parts = spec[len(SCHEME) :].strip("/").split("/")
    if not spec.startswith(SCHEME) or len(parts) != 3 or not all(parts):
        raise PulumiCloudError("expected pulumi://ORG/PROJECT/STACK", spec)
    return StackRef(*parts)


def _backend() -> str:
    url = os.environ.get("PULUMI_BACKEND_URL") or DEFAULT_BACKEND
    if not url.startswith(("http://", "https://")):
        raise PulumiCloudError(
            f"PULUMI_BACKEND_URL is not an http(s) Pulumi Service URL: {url.split('?')[0]}"
        )
    return url.rstrip("/")


def export_url(ref: StackRef, backend: str) -> str:
    path = "/".join(urllib.parse.quote(p, safe="") for p in (ref.org, ref.project, ref.stack))
    return f"{backend}/api/stacks/{path}/export"


def fetch_export(spec: str) -> str:
    """The stack's deployment export (``{"version": 3, "deployment": …}``) as text."""
    ref = parse_stack_url(spec)
    token = os.environ.get("PULUMI_ACCESS_TOKEN", "")
    if not token:
        raise PulumiCloudError("PULUMI_ACCESS_TOKEN is not set (create one in Pulumi Cloud)", spec)
    request = urllib.request.Request(
        export_url(ref, _backend()),
        headers={
            "Authorization": f"token {token}",
            "Accept": "application/vnd.pulumi+8",
            "User-Agent": "iacscan",
        },
    )
    last = ""
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(min(4.0, 0.5 * 2**attempt))
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise SourceError("stack export larger than 2 GiB", spec)
            return str(body.decode("utf-8-sig"))
        except urllib.error.HTTPError as exc:
            status = exc.code
            if status in (401, 403):
                raise PulumiCloudError(
                    f"GET stack export: {status} (the token in PULUMI_ACCESS_TOKEN is not accepted "
                    "for this stack)",
                    spec,
                ) from None
            if status == 404:
                raise PulumiCloudError(
                    "GET stack export: 404 (no such organisation, project or stack)", spec
                ) from None
            last = f"HTTP {status}"
            if status != 429 and status < 500:
                break
        except UnicodeDecodeError as exc:
            raise SourceError("the stack export is not UTF-8 text", spec) from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            last = f"cannot reach the Pulumi Service: {reason}"
    raise PulumiCloudError(f"GET stack export failed after {ATTEMPTS} attempts: {last}", spec)
