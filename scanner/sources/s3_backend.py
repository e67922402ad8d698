"""Terraform state and Pulumi backends stored in S3.

- ``s3://bucket/key``: one object, a Terraform state (or any JSON input ``detect`` recognises);
- ``s3://bucket`` or ``s3://bucket/prefix``: a Pulumi backend,
  ``<prefix>/.pulumi/stacks/<project>/<stack>.json``.

Uses boto3's usual credential chain, an optional ``profile`` and ``region``, and an endpoint from
``AWS_ENDPOINT_URL`` (boto3 reads it itself) or ``endpoint_url``. A missing object or bucket, or
AccessDenied, becomes a one-line ``SourceError`` naming the URL and the API call.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import SourceError
from scanner.sources.pulumi_state import choose_stack
from scanner.sources.terraform_backend import backend_config


@dataclass(frozen=True, slots=True)
class S3Location:
    bucket: str
    key: str  # "" for a whole bucket

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.key}" if self.key else f"s3://{self.bucket}"


def parse_s3_url(url: str) -> S3Location:
    if not url.startswith("s3://"):
        raise SourceError("not an s3:// URL", url)
    bucket, _, key = url[len("s3://") :].partition("/")
    if not bucket:
        raise SourceError("no bucket in the URL", url)
    return S3Location(bucket, key.strip("/") if key.endswith("/") else key)


class S3Reader:
    """A boto3 S3 client with errors turned into ``SourceError``s."""

    def __init__(
        self,
        *,
        profile: str | None = None,
        region: str | None = None,
        endpoint_url: str | None = None,
        url: str = "s3",
    ) -> None:
        import boto3
        from botocore.config import Config

        try:
            session = boto3.Session(profile_name=profile, region_name=region)
        except Exception as exc:  # botocore.exceptions.ProfileNotFound and kin
            raise SourceError(f"cannot open an AWS session: {exc}", url) from exc
        config = Config(retries={"mode": "standard", "max_attempts": 3}, connect_timeout=10, read_timeout=60)
        self._client: Any = session.client("s3", endpoint_url=endpoint_url or None, config=config)

    def get(self, loc: S3Location) -> str:
        body = self._call("GetObject", loc, Bucket=loc.bucket, Key=loc.key)["Body"].read()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        try:
            return str(body.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise SourceError("object is not UTF-8 text", loc.url) from exc

    def list_keys(self, loc: S3Location, prefix: str) -> list[str]:
        keys: list[str] = []
        token: str | None = None
        while True:
            extra = {"ContinuationToken": token} if token else {}
            page = self._call("ListObjectsV2", loc, Bucket=loc.bucket, Prefix=prefix, **extra)
            keys.extend(obj["Key"] for obj in page.get("Contents", []))
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or not token:
                return keys

    def _call(self, operation: str, loc: S3Location, **params: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError

        method = getattr(self._client, _snake(operation))
        try:
            return method(**params)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = error.get("Code", "Error")
            message = error.get("Message") or _DEFAULT_MESSAGES.get(code, "")
            detail = f"{code}: {message}" if message else code
            raise SourceError(f"S3 {operation} failed: {detail}", loc.url) from exc
        except BotoCoreError as exc:
            raise SourceError(f"S3 {operation} failed: {exc}", loc.url) from exc


_DEFAULT_MESSAGES = {
    "NoSuchKey": "the object does not exist",
    "NoSuchBucket": "the bucket does not exist",
    "AccessDenied": "access denied",
    "403": "access denied",
    "404": "not found",
}


def _snake(operation: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in operation).lstrip("_")


def pulumi_stack_keys(reader: S3Reader, loc: S3Location) -> dict[str, str]:
    """``project/stack`` → object key, under ``<prefix>/.pulumi/stacks/``."""
    base = f"{loc.key}/.pulumi/stacks/" if loc.key else ".pulumi/stacks/"
    found: dict[str, str] = {}
    for key in reader.list_keys(loc, base):
        rel = key[len(base) :]
        for suffix in (".json", ".json.gz"):
            if rel.endswith(suffix):
                found[rel[: -len(suffix)]] = key
    return found


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the object's own URL, used as the input's display name
    text: str
    stack: str = ""


def fetch(
    url: str,
    *,
    stack: str | None = None,
    profile: str | None = None,
    region: str | None = None,
    endpoint_url: str | None = None,
) -> Fetched:
    """The text of the state or checkpoint at ``url`` (see the module doc for the two forms)."""
    loc = parse_s3_url(url)
    reader = S3Reader(profile=profile, region=region, endpoint_url=endpoint_url, url=loc.url)
    if loc.key and not loc.key.endswith((".pulumi", "/")):
        try:
            return Fetched(loc.url, reader.get(loc))
        except SourceError as exc:
            if "NoSuchKey" not in str(exc):
                raise
            stacks = pulumi_stack_keys(reader, loc)
            if not stacks:
                raise
    else:
        stacks = pulumi_stack_keys(reader, loc)
    chosen = choose_stack(sorted(stacks), stack or "", loc.url)
    obj = S3Location(loc.bucket, stacks[chosen])
    return Fetched(obj.url, reader.get(obj), chosen)


def backend_state_url(root: Path, workspace: str | None = None) -> str | None:
    """``s3://bucket/key`` of the state a root module's ``backend "s3"`` block points at.

    The workspace is ``workspace``, else ``TF_WORKSPACE``, else the one ``terraform workspace
    select`` recorded in ``.terraform/environment``, else ``default``. Non-default workspaces live
    under ``<workspace_key_prefix or "env:">/<workspace>/<key>``. None without an s3 backend with a
    literal bucket and key (partial configuration given on the command line is not seen).
    """
    config = backend_config(root)
    if not config or config.get("type") != "s3":
        return None
    bucket, key = config.get("bucket"), config.get("key")
    if not isinstance(bucket, str) or not isinstance(key, str) or not bucket or not key:
        return None
    ws = workspace or os.environ.get("TF_WORKSPACE") or _selected_workspace(root) or "default"
    if ws != "default":
        prefix = config.get("workspace_key_prefix")
        key = f"{prefix if isinstance(prefix, str) else 'env:'}/{ws}/{key}"
    return f"s3://{bucket}/{key}"


def _selected_workspace(root: Path) -> str | None:
    try:
        return (root / ".terraform" / "environment").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
