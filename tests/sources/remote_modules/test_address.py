"""Module source addresses: registry, git, GitHub shorthand, S3, HTTP, //subdir and ?ref=."""

from __future__ import annotations

import pytest

from scanner.sources.remote_modules import AddressError, RegistryAddress, RemoteAddress, parse_source, redact


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "terraform-aws-modules/s3-bucket/aws",
            RegistryAddress("registry.terraform.io", "terraform-aws-modules", "s3-bucket", "aws"),
        ),
        (
            "app.terraform.io/acme/vpc/aws//modules/sub",
            RegistryAddress("app.terraform.io", "acme", "vpc", "aws", "modules/sub"),
        ),
        (
            "Registry.Example.COM:443/acme/vpc/aws",
            RegistryAddress("registry.example.com", "acme", "vpc", "aws"),
        ),
        ("localhost.test:8443/acme/vpc/aws", RegistryAddress("localhost.test:8443", "acme", "vpc", "aws")),
        (
            "git::https://example.com/net.git//modules/vpc?ref=v1.2.0",
            RemoteAddress("git", "https://example.com/net.git?ref=v1.2.0", "modules/vpc"),
        ),
        ("git::ssh://git@example.com/net.git", RemoteAddress("git", "ssh://git@example.com/net.git")),
        (
            "git@github.com:acme/net.git?ref=v2",
            RemoteAddress("git", "ssh://git@github.com/acme/net.git?ref=v2"),
        ),
        ("github.com/acme/net", RemoteAddress("git", "https://github.com/acme/net.git")),
        (
            "github.com/acme/net//vpc?ref=v1",
            RemoteAddress("git", "https://github.com/acme/net.git?ref=v1", "vpc"),
        ),
        (
            "github.com/acme/net/modules/vpc",
            RemoteAddress("git", "https://github.com/acme/net.git", "modules/vpc"),
        ),
        ("git::file:///srv/repos/net.git?ref=v1", RemoteAddress("git", "file:///srv/repos/net.git?ref=v1")),
        ("https://example.com/vpc.zip", RemoteAddress("http", "https://example.com/vpc.zip")),
        (
            "https://example.com/vpc.tar.gz//sub",
            RemoteAddress("http", "https://example.com/vpc.tar.gz", "sub"),
        ),
        (
            "s3::https://s3-eu-west-1.amazonaws.com/bucket/vpc.zip",
            RemoteAddress("s3", "https://s3-eu-west-1.amazonaws.com/bucket/vpc.zip"),
        ),
        (
            "acme-mods.s3-eu-west-1.amazonaws.com/vpc.zip",
            RemoteAddress("s3", "https://acme-mods.s3-eu-west-1.amazonaws.com/vpc.zip"),
        ),
    ],
)
def test_parse(source: str, expected: object) -> None:
    assert parse_source(source) == expected


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("./local", "local"),
        ("hg::https://example.com/repo", "not supported"),
        ("gcs::https://www.googleapis.com/storage/v1/b/m.zip", "not supported"),
        ("github.com/acme/net//../../etc", "leaves the module package"),
        ("just-a-name", "not a registry address"),
    ],
)
def test_unsupported(source: str, reason: str) -> None:
    with pytest.raises(AddressError, match=reason):
        parse_source(source)


def test_github_is_never_a_registry_host() -> None:
    assert isinstance(parse_source("github.com/acme/net/aws"), RemoteAddress)


def test_redact_hides_passwords_and_secret_parameters() -> None:
    shown = redact("git::https://bot:ghp_abcdef123456@github.com/acme/x.git?ref=v1&sshkey=AAAA")
    assert "ghp_abcdef123456" not in shown and "AAAA" not in shown
    assert "ref=v1" in shown and "github.com/acme/x.git" in shown
    assert "SECRET" not in redact("s3::https://s3.amazonaws.com/b/k.zip?aws_access_key_secret=SECRET")
