"""Service discovery, S3 sources and the registry client's details."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest

from scanner.sources.remote_modules import FetchError, RegistryAddress
from scanner.sources.remote_modules.cliconfig import CliConfig, Secret
from scanner.sources.remote_modules.getters import s3_location
from scanner.sources.remote_modules.registry import RegistryClient
from scanner.sources.terraform_hcl import load_terraform_dir

from .conftest import BUCKET_MODULE, TOKEN, Registry, zip_bytes


class LocalDiscovery(RegistryClient):
    """Discovery as Terraform does it, but over http to the local server (real hosts need https)."""

    def __init__(self, cli: CliConfig, url: str) -> None:
        super().__init__(cli)
        self.url = url

    def discovery_url(self, host: str) -> str:
        return f"{self.url}/.well-known/terraform.json"


def test_service_discovery_resolves_a_relative_modules_v1(registry: Registry) -> None:
    registry.modules[("acme", "bucket", "aws")] = {
        "1.0.0": "./pkg.zip",
        "1.1.0": "git::https://example.com/x.git?ref=v1.1.0",
    }
    client = LocalDiscovery(CliConfig(), registry.url)
    addr = RegistryAddress("registry.example.com", "acme", "bucket", "aws")
    assert client.versions(addr) == ["1.0.0", "1.1.0"]
    assert client.location(addr, "1.0.0") == f"{registry.url}/v1/modules/acme/bucket/aws/1.0.0/pkg.zip"
    assert client.location(addr, "1.1.0") == "git::https://example.com/x.git?ref=v1.1.0"
    assert [r.path for r in registry.requests].count("/.well-known/terraform.json") == 1  # remembered


def test_download_location_in_a_json_body(registry: Registry) -> None:
    registry.json_location = True
    registry.modules[("acme", "bucket", "aws")] = {"1.0.0": "../pkg.tgz"}
    client = LocalDiscovery(CliConfig(), registry.url)
    addr = RegistryAddress("registry.example.com", "acme", "bucket", "aws")
    assert client.location(addr, "1.0.0") == f"{registry.url}/v1/modules/acme/bucket/aws/pkg.tgz"


def test_a_host_without_a_module_registry(registry: Registry) -> None:
    registry.discovery = {"providers.v1": "/v1/providers/"}
    client = LocalDiscovery(CliConfig(), registry.url)
    with pytest.raises(FetchError, match=r"does not offer a module registry \(modules\.v1\)"):
        client.versions(RegistryAddress("registry.example.com", "acme", "bucket", "aws"))


def test_token_is_sent_only_to_the_registry_host(registry: Registry) -> None:
    registry.require_token = True
    registry.modules[("acme", "bucket", "aws")] = {"1.0.0": "./pkg.zip"}
    host = f"127.0.0.1:{registry.port}"
    cli = CliConfig(credentials={host: Secret(TOKEN)})
    client = LocalDiscovery(cli, registry.url)
    assert client.versions(RegistryAddress(host, "acme", "bucket", "aws")) == ["1.0.0"]
    assert registry.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"
    other = LocalDiscovery(CliConfig(credentials={"elsewhere.example.com": Secret(TOKEN)}), registry.url)
    with pytest.raises(FetchError, match="HTTP 401") as err:
        other.versions(RegistryAddress("elsewhere.example.com", "acme", "bucket", "aws"))
    assert TOKEN not in str(err.value)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://s3.amazonaws.com/b/k.zip", ("b", "k.zip", None, None)),
        ("https://s3-eu-west-1.amazonaws.com/b/dir/k.zip", ("b", "dir/k.zip", "eu-west-1", None)),
        ("https://b.s3.eu-west-2.amazonaws.com/k.zip", ("b", "k.zip", "eu-west-2", None)),
        ("https://b.s3.amazonaws.com/k.zip?region=us-west-2", ("b", "k.zip", "us-west-2", None)),
        ("http://127.0.0.1:9000/b/k.zip", ("b", "k.zip", None, "http://127.0.0.1:9000")),
    ],
)
def test_s3_locations(url: str, expected: tuple[str, str, str | None, str | None]) -> None:
    assert s3_location(url) == expected


def test_s3_archive_and_prefix_sources(tmp_path: Path, aws_endpoint: str, settings: object) -> None:
    s3 = boto3.client("s3", endpoint_url=aws_endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket="modules")
    s3.put_object(Bucket="modules", Key="bucket/1.0.0.zip", Body=zip_bytes(BUCKET_MODULE))
    s3.put_object(Bucket="modules", Key="flat/main.tf", Body=BUCKET_MODULE["main.tf"].encode())
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(
        f'module "zip" {{\n  source = "s3::{aws_endpoint}/modules/bucket/1.0.0.zip"\n  name = "z"\n}}\n'
        f'module "dir" {{\n  source = "s3::{aws_endpoint}/modules/flat"\n  name = "d"\n}}\n'
        f'module "gone" {{\n  source = "s3::{aws_endpoint}/modules/none.zip"\n}}\n'
    )
    inv = load_terraform_dir(root, base_dir=root, download=settings)  # type: ignore[arg-type]
    res = inv.by_address()
    assert res["module.zip.aws_s3_bucket.this"].attrs["bucket"] == "z"
    assert res["module.dir.aws_s3_bucket.this"].attrs["bucket"] == "d"
    [warning] = [n for n in inv.notifications if n.kind == "module"]
    assert "module.gone" in warning.message and "S3 NoSuchKey for s3://modules/none.zip" in warning.message
