"""Module source addresses as Terraform reads them: local, registry, or a go-getter style remote.

- local: ``./x``, ``../x`` (never fetched here);
- registry: ``NAMESPACE/NAME/SYSTEM`` or ``HOST/NAMESPACE/NAME/SYSTEM``, with an optional ``//subdir``;
- remote: ``git::URL``, ``github.com/org/repo``, ``git@github.com:org/repo.git``, ``s3::URL``,
  ``BUCKET.s3[-.]REGION.amazonaws.com/key``, ``https://...`` (an archive, or a page that names one
  with ``X-Terraform-Get``); ``//subdir`` after the repository or archive, ``?ref=`` for git.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_REGISTRY = "registry.terraform.io"

_LABEL = re.compile(r"^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$")
_SYSTEM = re.compile(r"^[0-9a-z]{1,64}$")
_HOST = re.compile(
    r"^(?=.{1,253}(?::\d{1,5})?$)[0-9A-Za-z\u0080-\uffff-]+(?:\.[0-9A-Za-z\u0080-\uffff-]+)+(?::\d{1,5})?$"
)
_NOT_REGISTRY_HOSTS = ("github.com", "bitbucket.org")
_S3_HOST = re.compile(r"^(?:[^/]+\.)?s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com(?:/|$)")
_SCP_GIT = re.compile(r"^(?P<user>[A-Za-z0-9_.-]+)@(?P<host>[A-Za-z0-9.-]+):(?P<path>[^/].*)$")
# Query parameters that may carry a secret: never shown.
_SECRET_PARAMS = {"sshkey", "aws_access_key_secret", "aws_access_token", "token", "x-amz-signature", "sig"}


class AddressError(ValueError):
    """A module source this reader cannot follow (the message is safe to show)."""


@dataclass(frozen=True, slots=True)
class RegistryAddress:
    host: str
    namespace: str
    name: str
    system: str
    subdir: str = ""

    @property
    def package(self) -> str:
        return f"{self.host}/{self.namespace}/{self.name}/{self.system}"

    def __str__(self) -> str:
        return self.package + (f"//{self.subdir}" if self.subdir else "")


@dataclass(frozen=True, slots=True)
class RemoteAddress:
    getter: str  # git | http | s3
    url: str  # without the //subdir; with its query (ref=, archive=, ...)
    subdir: str = ""

    @property
    def package(self) -> str:
        return f"{self.getter}::{self.url}"

    def __str__(self) -> str:
        return redact(self.package) + (f"//{self.subdir}" if self.subdir else "")


ModuleAddress = RegistryAddress | RemoteAddress


def is_local(source: str) -> bool:
    return source.startswith(("./", "../")) or source in (".", "..")


def split_subdir(source: str) -> tuple[str, str]:
    """go-getter's ``URL//subdir?query`` → (``URL?query``, ``subdir``)."""
    scheme_end = source.find("://")
    start = scheme_end + 3 if scheme_end >= 0 else 0
    idx = source.find("//", start)
    if idx < 0:
        return source, ""
    base, rest = source[:idx], source[idx + 2 :]
    query = ""
    if "?" in rest:
        rest, query = rest.split("?", 1)
        query = "?" + query
    return base + query, rest.strip("/")


def parse_source(source: str) -> ModuleAddress:
    """A non-local module source → its address. Raises AddressError."""
    source = source.strip()
    if not source or is_local(source):
        raise AddressError("a local path, not a remote module source")
    if "::" not in source.split("/", 1)[0] and "://" not in source:
        reg = _parse_registry(source)
        if reg is not None:
            return reg
    return _parse_remote(source)


def _parse_registry(source: str) -> RegistryAddress | None:
    base, subdir = split_subdir(source)
    if "?" in base:
        return None
    parts = base.split("/")
    if len(parts) == 3:
        host, (ns, name, system) = DEFAULT_REGISTRY, parts
    elif len(parts) == 4:
        host, ns, name, system = parts
        if not _HOST.match(host) or host.lower() in _NOT_REGISTRY_HOSTS:
            return None
    else:
        return None
    if not (_LABEL.match(ns) and _LABEL.match(name) and _SYSTEM.match(system)):
        return None
    return RegistryAddress(normalise_host(host), ns, name, system, _clean_subdir(subdir))


def _parse_remote(source: str) -> RemoteAddress:
    forced = ""
    m = re.match(r"^([A-Za-z0-9]+)::(.*)$", source)
    if m:
        forced, source = m.group(1).lower(), m.group(2)
    url, subdir = split_subdir(source)
    subdir = _clean_subdir(subdir)
    if forced in ("hg", "gcs", "oci"):
        raise AddressError(f"{forced}:: sources are not supported")
    if forced and forced not in ("git", "s3", "http", "https"):
        raise AddressError(f"unknown source type {forced}::")
    if forced == "git" or (not forced and url.startswith("git@")):
        scp = _SCP_GIT.match(url)
        if scp:
            url = f"ssh://{scp['user']}@{scp['host']}/{scp['path']}"
        return RemoteAddress("git", url, subdir)
    if forced == "s3" or (not forced and _S3_HOST.match(url)):
        if "://" not in url:
            url = "https://" + url
        return RemoteAddress("s3", url, subdir)
    if not forced and re.match(r"^github\.com/[^/]+/[^/?]+", url):
        path, _, query = url.partition("?")
        repo = "/".join(path.split("/")[:3])
        extra = "/".join(path.split("/")[3:])
        if not repo.endswith(".git"):
            repo += ".git"
        subdir = _clean_subdir("/".join(p for p in (extra, subdir) if p))
        return RemoteAddress("git", "https://" + repo + (f"?{query}" if query else ""), subdir)
    if not forced and re.match(r"^bitbucket\.org/[^/]+/[^/?]+", url):
        return RemoteAddress("git", "https://" + url, subdir)
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return RemoteAddress("http", url, subdir)
    raise AddressError("not a registry address, a git, S3 or HTTP(S) source")


def _clean_subdir(subdir: str) -> str:
    parts = [p for p in subdir.replace("\\", "/").split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise AddressError("the //subdir leaves the module package")
    return "/".join(parts)


def normalise_host(host: str) -> str:
    """Terraform's comparison form of a host name: lower case, IDNA (punycode), default port dropped."""
    host = host.strip().rstrip(".")
    port = ""
    if ":" in host:
        host, port = host.rsplit(":", 1)
        if port == "443":
            port = ""
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise AddressError(f"invalid host name {host!r}") from exc
    return ascii_host + (f":{port}" if port else "")


def query_params(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def without_params(url: str, *names: str) -> str:
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def redact(text: str) -> str:
    """A URL or source for display: no user-info password, no secret query values."""

    def url_sub(m: re.Match[str]) -> str:
        return f"{m.group(1)}{m.group(2)}:***@"

    text = re.sub(r"([A-Za-z][A-Za-z0-9+.-]*://)([^/@:\s]+):[^/@\s]*@", url_sub, text)
    text = re.sub(r"(https?://)[^/@:\s]{20,}@", r"\1***@", text)  # a bare token as the user name

    def q_sub(m: re.Match[str]) -> str:
        return f"{m.group(1)}={'***' if m.group(1).lower() in _SECRET_PARAMS else m.group(2)}"

    return re.sub(r"(?<=[?&])([^=&\s]+)=([^&\s#]*)", q_sub, text)
