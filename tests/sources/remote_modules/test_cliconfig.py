"""Terraform CLI configuration: host blocks, credentials blocks, credentials.tfrc.json, TF_TOKEN_*."""

from __future__ import annotations

import json
from pathlib import Path

from scanner.sources.remote_modules.cliconfig import load_cli_config, tokens_from_env


def test_host_and_credentials_blocks(tmp_path: Path) -> None:
    cfg = tmp_path / "x.tfrc"
    cfg.write_text(
        'host "Registry.Example.com" {\n  services = {\n'
        '    "modules.v1" = "https://mirror.example.com/m/"\n  }\n}\n'
        'credentials "registry.example.com" {\n  token = "from-block"\n}\n'
        'plugin_cache_dir = "/tmp/x"\n'
    )
    cli = load_cli_config({"TF_CLI_CONFIG_FILE": str(cfg), "HOME": str(tmp_path)})
    assert cli.services == {"registry.example.com": {"modules.v1": "https://mirror.example.com/m/"}}
    token = cli.token_for("REGISTRY.example.com")
    assert token is not None and token.value == "from-block"
    assert str(token) == "***" and "from-block" not in repr(token) and "from-block" not in repr(cli)
    assert not cli.problems


def test_default_file_is_terraformrc_in_home_and_login_credentials(tmp_path: Path) -> None:
    (tmp_path / ".terraformrc").write_text('credentials "a.example.com" {\n  token = "rc"\n}\n')
    (tmp_path / ".terraform.d").mkdir()
    (tmp_path / ".terraform.d" / "credentials.tfrc.json").write_text(
        json.dumps({"credentials": {"b.example.com": {"token": "login"}}})
    )
    cli = load_cli_config({"HOME": str(tmp_path)})
    assert cli.token_for("a.example.com").value == "rc"  # type: ignore[union-attr]
    assert cli.token_for("b.example.com").value == "login"  # type: ignore[union-attr]


def test_environment_tokens_win_and_follow_terraforms_encoding(tmp_path: Path) -> None:
    (tmp_path / ".terraformrc").write_text('credentials "app.terraform.io" {\n  token = "file"\n}\n')
    env = {
        "HOME": str(tmp_path),
        "TF_TOKEN_app_terraform_io": "env",
        "TF_TOKEN_my__registry_example_com": "dashed",
        "TF_TOKEN_xn____caf__dma_fr": "idn",
        "TF_TOKEN_empty_example_com": "",
    }
    cli = load_cli_config(env)
    assert cli.token_for("app.terraform.io").value == "env"  # type: ignore[union-attr]
    assert cli.token_for("my-registry.example.com").value == "dashed"  # type: ignore[union-attr]
    # Terraform's own example: café.fr is xn--caf-dma.fr, written TF_TOKEN_xn____caf__dma_fr
    assert cli.token_for("café.fr").value == "idn"  # type: ignore[union-attr]
    assert cli.token_for("empty.example.com") is None
    assert set(tokens_from_env({"TF_TOKEN_xn__caf_dma_fr": "t"})) == {"xn-caf.dma.fr"}


def test_unicode_host_names_compare_in_punycode(tmp_path: Path) -> None:
    cfg = tmp_path / "c.tfrc"
    cfg.write_text('credentials "café.fr" {\n  token = "t"\n}\n')
    cli = load_cli_config({"TF_CLI_CONFIG_FILE": str(cfg), "HOME": str(tmp_path)})
    assert cli.token_for("xn--caf-dma.fr") is not None


def test_bad_files_are_problems_not_crashes(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.tfrc"
    cfg.write_text('credentials "x.example.com" {\n  token = "leak-me"\n')
    cli = load_cli_config({"TF_CLI_CONFIG_FILE": str(cfg), "HOME": str(tmp_path)})
    assert cli.problems and all("leak-me" not in p for p in cli.problems)
    missing = load_cli_config({"TF_CLI_CONFIG_FILE": str(tmp_path / "nope.tfrc"), "HOME": str(tmp_path)})
    assert "not a file" in missing.problems[0]
