from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest

from scanner.errors import SourceError
from scanner.model import Origin, Sensitive
from scanner.sources.detect import LoadOptions, load_input
from scanner.sources.s3_backend import backend_state_url, fetch, parse_s3_url
from scanner.sources.terraform_backend import backend_config


def _s3(endpoint: str):  # type: ignore[no-untyped-def]
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")


def _bucket(endpoint: str, name: str, objects: dict[str, bytes]) -> None:
    s3 = _s3(endpoint)
    s3.create_bucket(Bucket=name)
    for key, body in objects.items():
        s3.put_object(Bucket=name, Key=key, Body=body)


def test_terraform_state_object(aws_endpoint: str, repo: Path) -> None:
    body = (repo / "stacks/terraform/webapp/terraform.tfstate").read_bytes()
    _bucket(aws_endpoint, "acme-terraform-state", {"webapp/terraform.tfstate": body})
    url = "s3://acme-terraform-state/webapp/terraform.tfstate"
    inv = load_input(url, base_dir=repo, options=LoadOptions(endpoint_url=aws_endpoint))
    assert inv.inputs == (url,)
    db = inv.by_address()["aws_db_instance.main"]
    assert db.origin is Origin.STATE and db.attrs["password"] is Sensitive
    assert db.source is not None and db.source.path == url and db.source.start_line > 1


def test_endpoint_from_environment(aws_endpoint: str, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = gzip.compress((repo / "stacks/terraform/webapp/plan.json").read_bytes())
    _bucket(aws_endpoint, "plans", {"ci/plan.json.gz": body})
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws_endpoint)
    inv = load_input("s3://plans/ci/plan.json.gz", base_dir=repo, options=LoadOptions())
    assert {r.origin for r in inv.managed()} == {Origin.PLAN}


def test_source_dir_locates_s3_state(aws_endpoint: str, repo: Path) -> None:
    body = (repo / "stacks/terraform/webapp/terraform.tfstate").read_bytes()
    _bucket(aws_endpoint, "st-bucket", {"k": body})
    options = LoadOptions(endpoint_url=aws_endpoint, source_dir=repo / "stacks/terraform/webapp")
    inv = load_input("s3://st-bucket/k", base_dir=repo, options=options)
    assert inv.by_address()["aws_kms_key.main"].source.path == "stacks/terraform/webapp/storage.tf"  # type: ignore[union-attr]


def test_missing_object(aws_endpoint: str) -> None:
    _bucket(aws_endpoint, "acme-terraform-state", {})
    with pytest.raises(SourceError) as err:
        load_input(
            "s3://acme-terraform-state/nope.tfstate",
            base_dir=Path("."),
            options=LoadOptions(endpoint_url=aws_endpoint),
        )
    assert str(err.value).startswith("s3://acme-terraform-state/nope.tfstate: S3 GetObject failed: NoSuchKey")
    assert "\n" not in str(err.value)


def test_missing_bucket(aws_endpoint: str) -> None:
    with pytest.raises(SourceError) as err:
        fetch("s3://no-such-bucket/terraform.tfstate", endpoint_url=aws_endpoint)
    assert str(err.value).startswith(
        "s3://no-such-bucket/terraform.tfstate: S3 GetObject failed: NoSuchBucket"
    )


def test_missing_bucket_for_pulumi_backend(aws_endpoint: str) -> None:
    with pytest.raises(SourceError, match=r"^s3://nothing-here: S3 ListObjectsV2 failed: NoSuchBucket"):
        fetch("s3://nothing-here", endpoint_url=aws_endpoint)


class _Denied(BaseHTTPRequestHandler):
    def _deny(self) -> None:
        body = (
            b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
            b"<Message>Access Denied</Message><RequestId>1</RequestId></Error>"
        )
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = do_PUT = do_POST = _deny

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def denying_endpoint() -> Iterator[str]:
    """A local endpoint that answers every S3 call with 403 AccessDenied, as a real bucket would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Denied)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_access_denied(denying_endpoint: str) -> None:
    with pytest.raises(SourceError) as err:
        fetch("s3://locked/terraform.tfstate", endpoint_url=denying_endpoint)
    assert str(err.value) == "s3://locked/terraform.tfstate: S3 GetObject failed: AccessDenied: Access Denied"


@pytest.mark.slow
def test_unreachable_endpoint() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SourceError, match=r"^s3://b/k: S3 GetObject failed: Could not connect"):
        fetch("s3://b/k", endpoint_url=f"http://127.0.0.1:{port}")


def _checkpoint(fixtures: Path, stack: str) -> bytes:
    doc = json.loads((fixtures / "pulumi_export.json").read_text())
    return json.dumps({"version": 3, "checkpoint": {"stack": stack, "latest": doc["deployment"]}}).encode()


def test_pulumi_s3_backend(aws_endpoint: str, fixtures: Path) -> None:
    _bucket(
        aws_endpoint,
        "pulumi-state",
        {
            ".pulumi/stacks/shop/prod.json": _checkpoint(fixtures, "organization/shop/prod"),
            ".pulumi/stacks/shop/dev.json": _checkpoint(fixtures, "organization/shop/dev"),
            ".pulumi/backups/shop/prod/prod.1.json": b"{}",
            "team-a/.pulumi/stacks/web/main.json.gz": gzip.compress(
                _checkpoint(fixtures, "organization/web/main")
            ),
        },
    )
    opts = LoadOptions(endpoint_url=aws_endpoint, stack="prod")
    inv = load_input("s3://pulumi-state", base_dir=Path("."), options=opts)
    assert inv.inputs == (
        "s3://pulumi-state/.pulumi/stacks/shop/prod.json",
        "pulumi-stack:organization/shop/prod",
    )
    assert inv.by_address()["aws_db_instance.db"].attrs["password"] is Sensitive
    with pytest.raises(
        SourceError, match="several Pulumi stacks; choose one with --stack: shop/dev, shop/prod"
    ):
        load_input("s3://pulumi-state", base_dir=Path("."), options=LoadOptions(endpoint_url=aws_endpoint))
    team = load_input(
        "s3://pulumi-state/team-a", base_dir=Path("."), options=LoadOptions(endpoint_url=aws_endpoint)
    )
    assert team.inputs[0] == "s3://pulumi-state/team-a/.pulumi/stacks/web/main.json.gz"


def test_parse_s3_url() -> None:
    assert parse_s3_url("s3://b/a/k.tfstate").key == "a/k.tfstate"
    assert parse_s3_url("s3://b").key == ""
    assert parse_s3_url("s3://b/prefix/").key == "prefix"
    with pytest.raises(SourceError, match="no bucket"):
        parse_s3_url("s3:///k")


BACKEND_TF = """
terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket               = "acme-terraform-state"
    key                  = "webapp/terraform.tfstate"
    region               = "us-east-1"
    workspace_key_prefix = "workspaces"
    encrypt              = true
  }
}
"""


def test_backend_config_and_url(tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "versions.tf").write_text(BACKEND_TF)
    assert backend_config(tmp_path) == {
        "type": "s3",
        "bucket": "acme-terraform-state",
        "key": "webapp/terraform.tfstate",
        "region": "us-east-1",
        "workspace_key_prefix": "workspaces",
        "encrypt": True,
    }
    assert backend_state_url(tmp_path) == "s3://acme-terraform-state/webapp/terraform.tfstate"
    assert (
        backend_state_url(tmp_path, "prod")
        == "s3://acme-terraform-state/workspaces/prod/webapp/terraform.tfstate"
    )
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "environment").write_text("qa")
    assert backend_state_url(tmp_path) == "s3://acme-terraform-state/workspaces/qa/webapp/terraform.tfstate"
    monkeypatch.setenv("TF_WORKSPACE", "default")
    assert backend_state_url(tmp_path) == "s3://acme-terraform-state/webapp/terraform.tfstate"
    assert (
        backend_state_url(repo / "stacks/terraform/webapp")
        == "s3://acme-terraform-state/webapp/terraform.tfstate"
    )


def test_backend_config_variants(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text('terraform {\n  backend "local" {\n    path = "x.tfstate"\n  }\n}\n')
    assert backend_config(tmp_path) == {"type": "local", "path": "x.tfstate"}
    assert backend_state_url(tmp_path) is None
    (tmp_path / "a.tf").write_text('terraform {\n  backend "s3" {}\n}\n')  # partial configuration
    assert backend_state_url(tmp_path) is None
    (tmp_path / "a.tf").unlink()
    (tmp_path / "b.tf.json").write_text(
        json.dumps({"terraform": {"backend": {"s3": {"bucket": "b", "key": "k"}}}})
    )
    assert backend_state_url(tmp_path) == "s3://b/k"
    (tmp_path / "b.tf.json").unlink()
    assert backend_config(tmp_path) is None


def test_state_from_backend(aws_endpoint: str, tmp_path: Path, repo: Path) -> None:
    src = repo / "stacks/terraform/webapp"
    _bucket(
        aws_endpoint,
        "acme-terraform-state",
        {"webapp/terraform.tfstate": (src / "terraform.tfstate").read_bytes()},
    )
    options = LoadOptions(state_from_backend=True, endpoint_url=aws_endpoint)
    inv = load_input(str(src), base_dir=repo, options=options)
    assert inv.inputs[-1] == "s3://acme-terraform-state/webapp/terraform.tfstate"
    states = [r for r in inv.resources if r.origin is Origin.STATE]
    assert len(states) == 38
    ssh = next(r for r in states if r.address == "aws_security_group_rule.app_ssh")
    assert ssh.source is not None and ssh.source.path == "stacks/terraform/webapp/security_groups.tf"
    assert any(r.origin is Origin.HCL for r in inv.resources)


def test_state_from_backend_missing_object(aws_endpoint: str, repo: Path) -> None:
    options = LoadOptions(state_from_backend=True, endpoint_url=aws_endpoint)
    with pytest.raises(SourceError, match="NoSuchBucket"):
        load_input(str(repo / "stacks/terraform/webapp"), base_dir=repo, options=options)


def test_unknown_profile() -> None:
    with pytest.raises(SourceError, match=r"^s3://b/k: cannot open an AWS session: .*nope"):
        fetch("s3://b/k", profile="nope")
