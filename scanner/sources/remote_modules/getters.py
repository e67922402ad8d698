"""Fetch one module package into a directory: git (the ``git`` command), HTTP(S) archives, S3 (boto3).

Each getter fills an empty directory or raises ``FetchError`` with a message safe to show. A getter may
instead return another address to follow (an HTTP page answering ``X-Terraform-Get``).
"""

from __future__ import annotations

import hashlib
import html.parser
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from .address import query_params, redact, without_params
from .archive import Limits, archive_kind, unpack
from .http import FetchError, copy_limited, download, get, show_url

GIT_TIMEOUT = 300.0
_HEX = re.compile(r"^[0-9a-fA-F]{7,64}$")


# ---- git ----------------------------------------------------------------------------------------------
def git_ref(url: str) -> str:
    return query_params(url).get("ref", "")


def fetch_git(url: str, dest: Path, environ: Mapping[str, str], timeout: float = GIT_TIMEOUT) -> None:
    """Shallow-clone ``url`` (``?ref=`` a tag, branch or commit) into ``dest``; no hooks, no submodules."""
    params = query_params(url)
    if "sshkey" in params:
        raise FetchError("?sshkey= is not supported: load the key into an ssh-agent instead")
    ref = params.get("ref", "")
    repo = without_params(url, "ref", "depth", "sshkey").rstrip("?")
    if repo.startswith("-"):
        raise FetchError("invalid git URL")
    env = dict(environ)
    env.update({"GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "", "SSH_ASKPASS": "", "GCM_INTERACTIVE": "never"})
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    cfg = ["-c", "core.symlinks=false", "-c", "advice.detachedHead=false", "-c", "core.hooksPath=/dev/null"]
    runner = _Git(cfg, env, timeout, repo)
    if not ref:
        runner.run(["clone", "--depth", "1", "--single-branch", "--", repo, str(dest)])
    else:
        try:
            runner.run(["clone", "--depth", "1", "--branch", ref, "--single-branch", "--", repo, str(dest)])
        except FetchError as first:
            if not _HEX.match(ref):
                raise first
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir()
            runner.run(["init", "--quiet", str(dest)])
            runner.run(["-C", str(dest), "fetch", "--quiet", "--depth", "1", "--", repo, ref])
            runner.run(["-C", str(dest), "checkout", "--quiet", "--detach", "FETCH_HEAD"])
    shutil.rmtree(dest / ".git", ignore_errors=True)


class _Git:
    def __init__(self, cfg: list[str], env: dict[str, str], timeout: float, repo: str) -> None:
        self.cfg, self.env, self.timeout, self.repo = cfg, env, timeout, repo

    def run(self, args: list[str]) -> None:
        git = shutil.which("git")
        if git is None:
            raise FetchError("the git command is not installed")
        try:
            proc = subprocess.run(
                [git, *self.cfg, *args],
                env=self.env,
                capture_output=True,
                timeout=self.timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise FetchError(f"git timed out after {int(self.timeout)} s") from None
        except OSError as exc:
            raise FetchError(f"cannot run git: {exc.strerror or type(exc).__name__}") from None
        if proc.returncode != 0:
            raise FetchError(
                f"git {args[0] if args[0] != '-C' else args[2]} failed: {self._why(proc.stderr)}"
            )

    def _why(self, stderr: bytes) -> str:
        text = stderr.decode("utf-8", "replace").replace(self.repo, redact(self.repo))
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("Cloning into")]
        msg = lines[-1] if lines else "unknown error"
        return redact(msg.removeprefix("fatal: ").removeprefix("error: "))[:300]


# ---- HTTP(S) ------------------------------------------------------------------------------------------
class _MetaGet(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "terraform-get" and a.get("content") and self.found is None:
            self.found = a["content"]


def fetch_http(url: str, dest: Path, limits: Limits, timeout: float = 60.0) -> str | None:
    """An archive URL → unpacked into ``dest`` (None). Any other URL is asked for ``X-Terraform-Get``;
    the address it names is returned, to be followed by the caller."""
    params = query_params(url)
    parts = urlsplit(url)
    kind = archive_kind(parts.path, params.get("archive"))
    if kind is None:
        probe = urlunsplit(parts._replace(query="&".join(p for p in (parts.query, "terraform-get=1") if p)))
        resp = get(probe, timeout=timeout, accept="text/html, */*")
        found = resp.headers.get("X-Terraform-Get")
        if not found:
            parser = _MetaGet()
            parser.feed(resp.body.decode("utf-8", "replace"))
            found = parser.found
        if not found:
            raise FetchError(f"{show_url(url)} is not an archive and names no module (X-Terraform-Get)")
        return resolve_get(found, resp.url)
    clean = without_params(url, "archive", "checksum").rstrip("?")
    with tempfile.TemporaryDirectory(prefix="iacscan-dl-") as tmp:
        file = Path(tmp) / "package"
        download(clean, file, timeout=timeout, max_bytes=limits.max_download)
        _check_sum(file, params.get("checksum", ""))
        unpack(file, kind, dest, limits)
    return None


def resolve_get(found: str, base_url: str) -> str:
    """``X-Terraform-Get``: a path relative to the answering URL (``/``, ``./``, ``../``) or an address."""
    found = found.strip()
    if found.startswith(("/", "./", "../")):
        return urljoin(base_url, found)
    return found


def _check_sum(file: Path, spec: str) -> None:
    if not spec:
        return
    algo, _, want = spec.partition(":")
    if algo not in ("md5", "sha1", "sha256", "sha512") or not want:
        raise FetchError("unsupported ?checksum= (use sha256:HEX, sha512:, sha1: or md5:)")
    h = hashlib.new(algo)
    with file.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    if h.hexdigest().lower() != want.lower():
        raise FetchError(f"{algo} checksum does not match the download")


# ---- S3 ------------------------------------------------------------------------------------------------
def s3_location(url: str) -> tuple[str, str, str | None, str | None]:
    """``s3::`` URL → (bucket, key, region, endpoint_url); endpoint None for AWS itself."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path.lstrip("/")
    region = query_params(url).get("region") or None
    m = re.match(r"^(?:(?P<bucket>.+)\.)?s3(?:[.-](?P<region>[a-z0-9-]+))?\.amazonaws\.com$", host)
    if m is None:  # an S3-compatible endpoint: path-style
        bucket, _, key = path.partition("/")
        netloc = host + (f":{parts.port}" if parts.port else "")
        return bucket, key, region, f"{parts.scheme}://{netloc}"
    region = region or (m["region"] if m["region"] not in (None, "external-1") else None)
    if m["bucket"]:
        return m["bucket"], path, region, None
    bucket, _, key = path.partition("/")
    return bucket, key, region, None


def fetch_s3(url: str, dest: Path, limits: Limits) -> None:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError

    bucket, key, region, endpoint = s3_location(url)
    if not bucket:
        raise FetchError("the S3 URL names no bucket")
    params = query_params(url)
    shown = f"s3://{bucket}/{key}"
    creds = {}
    if params.get("aws_access_key_id") and params.get("aws_access_key_secret"):
        creds = {
            "aws_access_key_id": params["aws_access_key_id"],
            "aws_secret_access_key": params["aws_access_key_secret"],
            "aws_session_token": params.get("aws_access_token") or None,
        }
    try:
        session = boto3.session.Session(region_name=region or os.environ.get("AWS_REGION") or None)
        client = session.client(
            "s3",
            endpoint_url=endpoint,
            config=Config(
                retries={"mode": "standard", "max_attempts": 3}, connect_timeout=10, read_timeout=60
            ),
            **creds,
        )
        kind = archive_kind(key, params.get("archive"))
        if kind is not None:
            with tempfile.TemporaryDirectory(prefix="iacscan-dl-") as tmp:
                file = Path(tmp) / "package"
                body = client.get_object(Bucket=bucket, Key=key)["Body"]
                copy_limited(body, file, limits.max_download, shown)
                unpack(file, kind, dest, limits)
            return
        _s3_prefix(client, bucket, key.rstrip("/") + "/" if key else "", dest, limits)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "error")
        raise FetchError(f"S3 {code} for {shown}") from None
    except BotoCoreError as exc:
        raise FetchError(f"S3 error for {shown}: {type(exc).__name__}") from None


def _s3_prefix(client: object, bucket: str, prefix: str, dest: Path, limits: Limits) -> None:
    from .archive import _member_path

    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)  # type: ignore[attr-defined]
    count = total = 0
    for page in pages:
        for obj in page.get("Contents", []):
            rel = _member_path(obj["Key"][len(prefix) :])
            if not rel or obj["Key"].endswith("/"):
                continue
            count += 1
            total += int(obj.get("Size", 0))
            if count > limits.max_files or total > limits.max_bytes:
                raise FetchError("S3 prefix holds more than the module size limits")
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            body = client.get_object(Bucket=bucket, Key=obj["Key"])["Body"]  # type: ignore[attr-defined]
            copy_limited(body, target, limits.max_bytes, f"s3://{bucket}/{obj['Key']}")
    if count == 0:
        raise FetchError(f"nothing under s3://{bucket}/{prefix}")
