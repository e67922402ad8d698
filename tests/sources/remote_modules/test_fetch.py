"""Remote modules through the HCL loader: registry protocol, cache, git, HTTP, failures as warnings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from scanner.model import Inventory, Notification, SourceRef
from scanner.sources.remote_modules import DownloadSettings
from scanner.sources.terraform_hcl import load_terraform_dir

from .conftest import BUCKET_MODULE, TOKEN, Registry, make_git_repo, tar_gz, zip_bytes

CALLER = """\
module "assets" {
  source  = "acme/bucket/aws"
  version = "~> 1.1"
  name    = "acme-assets"
  acl     = "public-read"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"""


def _root(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "repo"
    root.mkdir(exist_ok=True)
    (root / "main.tf").write_text(text)
    return root


def _load(root: Path, settings: DownloadSettings | None) -> Inventory:
    return load_terraform_dir(root, base_dir=root, download=settings)


def _warnings(inv: Inventory) -> list[Notification]:
    return [n for n in inv.notifications if n.kind == "module"]


def _serve_bucket(registry: Registry) -> None:
    registry.files["b100.tgz"] = tar_gz({**BUCKET_MODULE, "VERSION": "1.0.0"})
    registry.files["b120.zip"] = zip_bytes({**BUCKET_MODULE, "VERSION": "1.2.0"})
    registry.modules[("acme", "bucket", "aws")] = {
        "1.0.0": "/files/b100.tgz",  # absolute path on the registry host
        "1.2.0": "../../../../../../files/b120.zip",  # relative to the download endpoint
        "2.0.0-rc1": "/files/b100.tgz",
        "2.0.0": "/files/b100.tgz",
    }


def test_registry_module_is_resolved_downloaded_and_located_at_the_calling_block(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    _serve_bucket(registry)
    inv = _load(_root(tmp_path, CALLER), settings)
    assert not _warnings(inv)
    res = inv.by_address()
    acl = res["module.assets.aws_s3_bucket_acl.this[0]"]
    assert acl.attrs["acl"] == "public-read"
    assert acl.module == "module.assets"
    assert acl.source == SourceRef("main.tf", 1, 6, inner=SourceRef("acme/bucket/aws@1.2.0/main.tf", 14, 18))
    assert acl.attr_sources["acl"].path == "main.tf"
    assert acl.attr_sources["acl"].inner == SourceRef("acme/bucket/aws@1.2.0/main.tf", 17, 17)
    assert res["aws_sqs_queue.jobs"].source == SourceRef("main.tf", 8, 10)
    paths = [r.path for r in registry.requests]
    assert paths == [
        "/v1/modules/acme/bucket/aws/versions",
        "/v1/modules/acme/bucket/aws/1.2.0/download",
        "/files/b120.zip",
    ]
    # No credentials are configured for registry.terraform.io: none are sent.
    assert all("authorization" not in r.headers for r in registry.requests)


def test_a_second_run_downloads_nothing_and_versions_get_their_own_entries(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    _serve_bucket(registry)
    root = _root(tmp_path, CALLER)
    _load(root, settings)
    first = len(registry.requests)
    again = _load(root, settings)
    assert len(registry.requests) == first  # versions list and package both from the cache
    assert "module.assets.aws_s3_bucket.this" in again.by_address()
    (root / "main.tf").write_text(CALLER.replace('"~> 1.1"', '"1.0.0"'))
    pinned = _load(root, settings)
    assert [r.path for r in registry.requests[first:]] == [
        "/v1/modules/acme/bucket/aws/1.0.0/download",  # an exact version needs no versions list
        "/files/b100.tgz",
    ]
    src = pinned.by_address()["module.assets.aws_s3_bucket.this"].source
    assert src is not None and src.inner is not None and src.inner.path == "acme/bucket/aws@1.0.0/main.tf"


def test_subdirectories_of_the_package_and_of_the_download_address(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    files = {f"modules/bucket/{k}": v for k, v in BUCKET_MODULE.items()}
    registry.files["tarball"] = tar_gz({**files, "main.tf": "# the root module\n"}, prefix="acme-net-1a2b3c/")
    registry.modules[("acme", "net", "aws")] = {"3.1.0": f"{registry.url}/files/tarball//*?archive=tar.gz"}
    root = _root(
        tmp_path,
        'module "b" {\n  source = "registry.example.com/acme/net/aws//modules/bucket"\n'
        '  version = ">= 3.0, < 4.0"\n  name = "n"\n}\n',
    )
    inv = _load(root, settings)
    assert not _warnings(inv)
    src = inv.by_address()["module.b.aws_s3_bucket.this"].source
    assert src is not None and src.inner is not None
    assert src.inner.path == "registry.example.com/acme/net/aws@3.1.0/modules/bucket/main.tf"


def test_constraint_nothing_matches_is_a_warning_and_the_rest_is_scanned(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    _serve_bucket(registry)
    inv = _load(_root(tmp_path, CALLER.replace('"~> 1.1"', '">= 5.0"')), settings)
    [warning] = _warnings(inv)
    assert warning.level == "warning" and warning.source == SourceRef("main.tf", 1, 6)
    assert "module.assets" in warning.message
    assert (
        "no version of acme/bucket/aws matches '>= 5.0' (newest: 2.0.0, 2.0.0-rc1, 1.2.0, 1.0.0)"
        in warning.message
    )
    assert "aws_sqs_queue.jobs" in inv.by_address()


def test_registry_down_404_and_bad_archive_are_warnings(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    registry.files["bad.zip"] = b"this is not a zip"
    registry.modules[("acme", "broken", "aws")] = {"1.0.0": "/files/bad.zip"}
    text = (
        'module "gone" {\n  source = "acme/gone/aws"\n}\n'
        'module "broken" {\n  source = "acme/broken/aws"\n}\n'
        'module "down" {\n  source = "down.example.com/acme/x/aws"\n}\n'
    )
    cfg = Path(settings.environ["TF_CLI_CONFIG_FILE"])  # type: ignore[index]
    cfg.write_text(
        cfg.read_text() + 'host "down.example.com" {\n  services = {\n'
        '    "modules.v1" = "http://127.0.0.1:9/v1/modules/"\n  }\n}\n'
    )
    inv = _load(_root(tmp_path, text), settings)
    messages = sorted(w.message for w in _warnings(inv))
    assert len(messages) == 3
    assert "module.broken" in messages[0] and "bad zip archive" in messages[0]
    assert (
        "module.down" in messages[1]
        and "cannot reach http://127.0.0.1:9/v1/modules/acme/x/aws/versions" in messages[1]
    )
    assert (
        "module.gone" in messages[2] and "module registry.terraform.io/acme/gone/aws not found" in messages[2]
    )


def test_token_goes_to_its_registry_only_and_never_into_messages(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    registry.require_token = True
    registry.files["s.tgz"] = tar_gz(BUCKET_MODULE)
    registry.modules[("acme", "secret", "aws")] = {"1.0.0": "/files/s.tgz"}
    text = 'module "s" {\n  source = "registry.example.com/acme/secret/aws"\n  name = "x"\n}\n'
    inv = _load(_root(tmp_path, text), settings)
    assert not _warnings(inv)
    api = [r for r in registry.requests if r.path.startswith("/v1/")]
    assert api and all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in api)
    assert all("authorization" not in r.headers for r in registry.requests if r.path.startswith("/files/"))
    # A wrong token from the environment (it takes precedence over the file) is refused: the reason is
    # shown, the token is not.
    env = {**(settings.environ or {}), "TF_TOKEN_registry_example_com": "wrong-token-abcdef"}
    other = replace(settings, environ=env, cache_dir=tmp_path / "cache2")
    inv = _load(_root(tmp_path, text), other)
    [warning] = _warnings(inv)
    assert "HTTP 401" in warning.message
    assert "wrong-token" not in repr(inv) and TOKEN not in repr(inv)


def test_git_sources_with_tags_and_subdirectories(tmp_path: Path, settings: DownloadSettings) -> None:
    v1 = {"main.tf": BUCKET_MODULE["main.tf"]}
    v2 = {
        "main.tf": BUCKET_MODULE["main.tf"].replace('"private"', '"public-read"'),
        "modules/q/main.tf": 'resource "aws_sqs_queue" "q" {\n  name = "from-git"\n}\n',
    }
    repo = make_git_repo(tmp_path / "src" / "bucket", {"v1.0.0": v1, "v1.1.0": v2})
    url = repo.as_uri()
    text = (
        f'module "old" {{\n  source = "git::{url}?ref=v1.0.0"\n  name = "old"\n}}\n'
        f'module "new" {{\n  source = "git::{url}?ref=v1.1.0"\n  name = "new"\n}}\n'
        f'module "q" {{\n  source = "git::{url}//modules/q?ref=v1.1.0"\n}}\n'
        f'module "nope" {{\n  source = "git::{url}?ref=v9.9.9"\n}}\n'
    )
    inv = _load(_root(tmp_path, text), settings)
    res = inv.by_address()
    assert res["module.old.aws_s3_bucket_acl.this[0]"].attrs["acl"] == "private"
    assert res["module.new.aws_s3_bucket_acl.this[0]"].attrs["acl"] == "public-read"
    assert res["module.q.aws_sqs_queue.q"].attrs["name"] == "from-git"
    inner = res["module.q.aws_sqs_queue.q"].source.inner  # type: ignore[union-attr]
    assert inner is not None and inner.path == f"git::{url}@v1.1.0/modules/q/main.tf"
    [warning] = _warnings(inv)
    assert "module.nope" in warning.message and "git clone failed" in warning.message
    assert not list((Path(settings.cache_dir or "") / "packages").glob("*/pkg/.git"))


def test_http_archives_and_pages_naming_them(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    registry.files["m.tar.gz"] = tar_gz(BUCKET_MODULE)
    registry.pages["mod"] = "/files/m.tar.gz"
    text = (
        f'module "direct" {{\n  source = "{registry.url}/files/m.tar.gz"\n  name = "d"\n}}\n'
        f'module "page" {{\n  source = "{registry.url}/pages/mod"\n  name = "p"\n}}\n'
        f'module "missing" {{\n  source = "{registry.url}/files/none.zip"\n}}\n'
    )
    inv = _load(_root(tmp_path, text), settings)
    res = inv.by_address()
    assert res["module.direct.aws_s3_bucket.this"].attrs["bucket"] == "d"
    assert res["module.page.aws_s3_bucket.this"].attrs["bucket"] == "p"
    [warning] = _warnings(inv)
    assert "module.missing" in warning.message and "HTTP 404" in warning.message


def test_a_downloaded_module_reads_its_own_files_and_calls_its_own_modules(
    tmp_path: Path, registry: Registry, settings: DownloadSettings
) -> None:
    registry.files["p.tgz"] = tar_gz(
        {
            "main.tf": 'module "inner" {\n  source = "./modules/inner"\n}\n'
            'resource "aws_sqs_queue_policy" "p" {\n  queue_url = "u"\n'
            '  policy = file("${path.module}/policy.json")\n}\n',
            "policy.json": '{"Statement": []}',
            "modules/inner/main.tf": 'resource "aws_sqs_queue" "q" {\n  name = "inner"\n}\n',
        }
    )
    registry.modules[("acme", "pol", "aws")] = {"1.0.0": "/files/p.tgz"}
    # iacscan:ignore on the calling block applies to what the downloaded module holds
    text = '# iacscan:ignore=AWS-SQS-003 reviewed\nmodule "pol" {\n  source = "acme/pol/aws"\n}\n'
    inv = _load(_root(tmp_path, text), settings)
    res = inv.by_address()
    assert res["module.pol.aws_sqs_queue_policy.p"].attrs["policy"] == '{"Statement": []}'
    q = res["module.pol.module.inner.aws_sqs_queue.q"]
    assert q.source == SourceRef(
        "main.tf", 2, 4, inner=SourceRef("acme/pol/aws@1.0.0/modules/inner/main.tf", 1, 3)
    )
    assert [s.policy_id for s in res["module.pol.aws_sqs_queue_policy.p"].suppressions] == ["AWS-SQS-003"]


def test_offline_by_default(tmp_path: Path, registry: Registry) -> None:
    _serve_bucket(registry)
    inv = _load(_root(tmp_path, CALLER), None)
    assert not registry.requests
    [warning] = _warnings(inv)
    assert "module.assets: module source 'acme/bucket/aws' is not available locally" in warning.message


def test_git_ref_may_be_a_commit(tmp_path: Path, settings: DownloadSettings) -> None:
    from .conftest import git

    queue = 'resource "aws_sqs_queue" "q" {\n  name = "%s"\n}\n'
    repo = make_git_repo(
        tmp_path / "src" / "q", {"v1": {"main.tf": queue % "one"}, "v2": {"main.tf": queue % "two"}}
    )
    first = git("rev-list", "-n", "1", "v1", cwd=repo)
    text = f'module "q" {{\n  source = "git::{repo.as_uri()}?ref={first}"\n}}\n'
    inv = _load(_root(tmp_path, text), settings)
    assert not _warnings(inv)
    assert inv.by_address()["module.q.aws_sqs_queue.q"].attrs["name"] == "one"
