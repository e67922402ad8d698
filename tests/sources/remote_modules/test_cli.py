"""`iacscan scan --download-external-modules` end to end: SARIF located at the calling block, warnings."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.e2e.cli import iacscan
from tests.sarif_schema import assert_valid_sarif

from .conftest import BUCKET_MODULE, Registry, cli_config, zip_bytes

CALLER = """\
module "assets" {
  source  = "acme/bucket/aws"
  version = "~> 1.1"
  name    = "acme-assets"
  acl     = "public-read"
}

module "private" {
  source  = "registry.example.com/acme/private/aws"
  version = "1.0.0"
}
"""


def _setup(tmp_path: Path, registry: Registry) -> dict[str, str]:
    registry.files["b.zip"] = zip_bytes(BUCKET_MODULE)
    registry.modules[("acme", "bucket", "aws")] = {"1.0.0": "/files/b.zip", "1.2.0": "/files/b.zip"}
    registry.modules[("acme", "private", "aws")] = {"1.0.0": "/files/b.zip"}
    registry.require_token = {"private"}  # the token in the environment is wrong: module.private fails
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "main.tf").write_text(CALLER)
    (tmp_path / "home").mkdir()
    return {
        "HOME": str(tmp_path / "home"),
        "TF_CLI_CONFIG_FILE": str(cli_config(tmp_path / "cli.tfrc", registry.url, token=None)),
        "TF_TOKEN_registry_example_com": "not-the-right-token-42",
        "XDG_CACHE_HOME": str(tmp_path / "xdg"),
    }


def test_finding_inside_a_downloaded_module_lands_on_the_calling_block(
    tmp_path: Path, registry: Registry
) -> None:
    env = _setup(tmp_path, registry)
    out = tmp_path / "out.sarif"
    proc = iacscan(
        "scan",
        "repo",
        "--download-external-modules",
        "--module-cache",
        "cache",
        "-f",
        "sarif",
        "-o",
        str(out),
        cwd=tmp_path,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr  # findings, not a tool error
    doc = assert_valid_sarif(out.read_text())
    run = doc["runs"][0]
    acl = "module.assets.aws_s3_bucket_acl.this[0]"
    [result] = [
        r for r in run["results"] if r["ruleId"] == "AWS-S3-001" and r["properties"]["resource"] == acl
    ]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "repo/main.tf"
    assert (loc["region"]["startLine"], loc["region"]["endLine"]) == (1, 6)
    [related] = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "acme/bucket/aws@1.2.0/main.tf"
    assert related["physicalLocation"]["region"]["startLine"] == 17
    assert "(in module file acme/bucket/aws@1.2.0/main.tf:17)" in result["message"]["text"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    [failed] = [n for n in notes if "module.private" in n["message"]["text"]]
    assert failed["level"] == "warning" and "HTTP 401" in failed["message"]["text"]
    everything = out.read_text() + proc.stdout + proc.stderr
    assert "not-the-right-token-42" not in everything
    assert (tmp_path / "cache" / "packages").is_dir() and not (
        tmp_path / "xdg" / "iacscan" / "modules"
    ).exists()

    # Again, from the cache: nothing requested but the module that failed.
    before = len(registry.requests)
    again = iacscan(
        "scan",
        "repo",
        "--download-external-modules",
        "--module-cache",
        "cache",
        "-f",
        "json",
        cwd=tmp_path,
        env=env,
    )
    assert again.returncode == 1
    assert {r.path for r in registry.requests[before:]} == {"/v1/modules/acme/private/aws/1.0.0/download"}
    report = json.loads(again.stdout)
    [finding] = [
        f
        for f in report["findings"]
        if f["resource"] == "module.assets.aws_s3_bucket_acl.this[0]" and f["rule_id"] == "AWS-S3-001"
    ]
    assert finding["module_file"] == {"path": "acme/bucket/aws@1.2.0/main.tf", "line": 17}


def test_offline_by_default_and_the_configuration_key(tmp_path: Path, registry: Registry) -> None:
    env = _setup(tmp_path, registry)
    proc = iacscan("scan", "repo", "-f", "json", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert not registry.requests
    notes = [n["message"] for n in json.loads(proc.stdout)["notifications"]]
    assert any("module.assets: module source 'acme/bucket/aws' is not available locally" in n for n in notes)

    (tmp_path / ".iacscan.yaml").write_text("download_external_modules: true\n")
    (tmp_path / ".git").mkdir()  # the configuration is looked for up to the repository root
    proc = iacscan("scan", "repo", "-f", "json", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "xdg" / "iacscan" / "modules" / "packages").is_dir()  # the default cache
    proc = iacscan("scan", "repo", "--no-download-external-modules", "-f", "json", cwd=tmp_path, env=env)
    assert proc.returncode == 0


def test_an_unreachable_registry_is_a_warning_not_a_tool_error(tmp_path: Path, registry: Registry) -> None:
    env = _setup(tmp_path, registry)
    cfg = Path(env["TF_CLI_CONFIG_FILE"])
    cfg.write_text(cfg.read_text().replace(registry.url, "http://127.0.0.1:9"))
    (tmp_path / "repo" / "queue.tf").write_text(
        'resource "aws_sqs_queue_policy" "p" {\n  queue_url = "u"\n'
        '  policy = jsonencode({Statement = [{Effect = "Allow", Action = "sqs:*", Resource = "*"}]})\n}\n'
    )
    proc = iacscan(
        "scan",
        "repo",
        "--download-external-modules",
        "--module-cache",
        "cache",
        "-f",
        "sarif",
        cwd=tmp_path,
        env={**env, "PATH": os.environ.get("PATH", "")},
    )
    assert proc.returncode == 1, proc.stderr  # the queue policy's finding; the modules are warnings
    run = assert_valid_sarif(proc.stdout)["runs"][0]
    texts = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any("module.assets" in t and "cannot reach http://127.0.0.1:9/" in t for t in texts)
    assert any(r["ruleId"] == "AWS-SQS-003" for r in run["results"])


def test_sarif_names_a_git_module_file_with_a_valid_uri() -> None:
    from scanner.model import Finding, RuleInfo, ScanResult, Severity, SourceRef, Status
    from scanner.report.sarif import sarif_document

    inner = SourceRef("git::https://example.com/net.git@v1.2.0/main.tf", 12, 12)
    finding = Finding(
        rule_id="AWS-S3-001",
        status=Status.FAIL,
        severity=Severity.CRITICAL,
        resource_address="module.net.aws_s3_bucket_acl.this",
        resource_type="aws_s3_bucket_acl",
        message="public (in module file git::https://example.com/net.git@v1.2.0/main.tf:12)",
        source=SourceRef("main.tf", 3, 9, inner=inner),
    )
    rule = RuleInfo("AWS-S3-001", "S3 bucket ACL is not public", "d", Severity.CRITICAL)
    doc = assert_valid_sarif(sarif_document(ScanResult((finding,), (rule,))))
    [result] = doc["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "main.tf"
    [related] = result["relatedLocations"]
    uri = related["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "git%3A%3Ahttps%3A//example.com/net.git@v1.2.0/main.tf"
    assert related["physicalLocation"]["region"]["startLine"] == 12
