"""Odd but valid input: override files, strip markers, BOM, CRLF, deep nesting, empty files."""

from __future__ import annotations

from pathlib import Path

from scanner.sources.terraform_hcl import load_terraform_dir
from scanner.sources.terraform_hcl.syntax import parse_expression
from scanner.sources.terraform_hcl.variables import literal_value


def test_override_files_merge_into_the_block(load):
    b = load("override").by_address()["aws_s3_bucket.b"]
    assert b.attrs == {
        "bucket": "original",
        "acl": "log-delivery-write",
        "logging": [{"target_bucket": "new-logs"}],
    }


def test_strip_markers():
    assert literal_value(parse_expression('"a ${~ "b" ~} c"')) == "abc"
    heredoc = "<<-EOT\n  %{ for x in [1, 2] ~}\n  v${x}\n  %{ endfor ~}\n  EOT"
    assert literal_value(parse_expression(heredoc)) == "v1\nv2\n"


def test_bom_crlf_and_empty_files(tmp_path: Path):
    (tmp_path / "a.tf").write_bytes(b'\xef\xbb\xbfresource "aws_sqs_queue" "q" {\r\n  name = "q"\r\n}\r\n')
    (tmp_path / "empty.tf").write_bytes(b"")
    (tmp_path / "comments.tf").write_text("# nothing here\n")
    inv = load_terraform_dir(tmp_path, base_dir=tmp_path)
    assert not inv.notifications
    q = inv.by_address()["aws_sqs_queue.q"]
    assert q.attrs == {"name": "q"}
    assert q.source is not None and (q.source.start_line, q.source.end_line) == (1, 3)


def test_deeply_nested_expression_does_not_crash(tmp_path: Path):
    expr = " + ".join(["1"] * 600)
    nested = "[" * 300 + "1" + "]" * 300
    (tmp_path / "main.tf").write_text(
        'resource "aws_sqs_queue" "q" {\n'
        f"  delay_seconds = {expr}\n"
        f"  tags = {{ x = jsonencode({nested}) }}\n"
        "}\n"
    )
    inv = load_terraform_dir(tmp_path, base_dir=tmp_path)
    q = inv.by_address()["aws_sqs_queue.q"]
    assert q.attrs["delay_seconds"] == 600


def test_self_referencing_locals_are_unknown_not_a_crash(tmp_path: Path):
    (tmp_path / "main.tf").write_text(
        'locals {\n  a = local.b\n  b = local.a\n}\n\nresource "aws_sqs_queue" "q" {\n  name = local.a\n}\n'
    )
    q = load_terraform_dir(tmp_path, base_dir=tmp_path).by_address()["aws_sqs_queue.q"]
    from scanner.model import Unknown

    assert q.attrs["name"] is Unknown
