"""Pulumi programs run offline under the SDK's mocks (``--run-pulumi-programs``), and never without it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from scanner.model import Sensitive, Status, Unknown
from scanner.scan import ScanOptions, run_scan
from scanner.sources.pulumi_program import load_pulumi_program
from tests.e2e.cli import iacscan

pytest.importorskip("pulumi", reason="the pulumi extra is not installed (pip install 'iacscan[pulumi]')")
pytest.importorskip("pulumi_aws", reason="the pulumi extra is not installed (pip install 'iacscan[pulumi]')")

CIPHERTEXT = "v1:c2VjcmV0LWNpcGhlcnRleHQtZm9yLWlhY3NjYW4tdGVzdHM="


def write_program(folder: Path, body: str, *, stack: str = "dev", config: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Pulumi.yaml").write_text("name: demo\nruntime:\n  name: python\n")
    (folder / f"Pulumi.{stack}.yaml").write_text(f"config:\n  aws:region: eu-west-1\n{config}")
    (folder / "__main__.py").write_text(textwrap.dedent(body))
    return folder


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_not_run_without_the_flag(tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    program = write_program(
        tmp_path / "prog",
        f"""
        from pathlib import Path
        Path({str(marker)!r}).write_text("the program ran")
        """,
    )
    result = run_scan(ScanOptions(paths=(str(program),), base_dir=tmp_path))
    assert not marker.exists()
    assert not result.findings
    [note] = [n for n in result.notifications if "Pulumi program" in n.message]
    assert "--run-pulumi-programs" in note.message and note.level == "warning"


def test_resources_located_at_the_constructing_line_with_component_chain(tmp_path: Path) -> None:
    program = write_program(
        tmp_path / "prog",
        """
        import pulumi
        import pulumi_aws as aws

        class Storage(pulumi.ComponentResource):
            def __init__(self, name, opts=None):
                super().__init__("demo:index:Storage", name, None, opts)
                self.bucket = aws.s3.BucketV2(f"{name}-data", bucket=f"{name}-data",
                                              opts=pulumi.ResourceOptions(parent=self))

        store = Storage("archive")
        sg = aws.ec2.SecurityGroup("ssh", description="ssh", ingress=[{
            "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"],
        }])
        """,
    )
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True)
    assert not [n for n in inv.notifications if n.level == "error"], inv.notifications
    by_address = inv.by_address()
    bucket = by_address["component.archive.aws_s3_bucket.archive-data"]
    main = program / "__main__.py"
    assert bucket.source is not None and bucket.source.path == "prog/__main__.py"
    assert bucket.source.start_line == line_of(main, "aws.s3.BucketV2(")
    assert bucket.root == "prog" and bucket.attrs["bucket"] == "archive-data"
    sg = by_address["aws_security_group.ssh"]
    assert sg.source is not None and sg.source.start_line == line_of(main, "aws.ec2.SecurityGroup(")
    assert sg.attrs["ingress"][0]["cidr_blocks"] == ["0.0.0.0/0"]
    assert sg.attrs["ingress"][0]["from_port"] == 22


@pytest.mark.slow
def test_secrets_are_sensitive_and_never_printed(tmp_path: Path) -> None:
    program = write_program(
        tmp_path / "prog",
        """
        import pulumi
        import pulumi_aws as aws

        cfg = pulumi.Config()
        password = cfg.require_secret("dbPassword")
        aws.rds.Instance("db", instance_class="db.t3.micro", engine="postgres", allocated_storage=20,
                         username="admin", password=password, storage_encrypted=False)
        """,
        config=f"  demo:dbPassword:\n    secure: {CIPHERTEXT}\n",
    )
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True)
    db = inv.by_address()["aws_db_instance.db"]
    assert db.attrs["password"] is Sensitive and "password" in db.sensitive_paths
    for fmt in ("json", "sarif", "text"):
        proc = iacscan("scan", str(program), "--run-pulumi-programs", "-f", fmt, "--soft-fail", cwd=tmp_path)
        assert "AWS-RDS" in proc.stdout, proc.stderr
        assert CIPHERTEXT not in proc.stdout + proc.stderr
        assert "placeholder" not in proc.stdout + proc.stderr


def test_unknown_inputs_and_policy_document_invokes(tmp_path: Path) -> None:
    program = write_program(
        tmp_path / "prog",
        """
        import pulumi_aws as aws

        doc = aws.iam.get_policy_document(statements=[{
            "effect": "Allow", "actions": ["*"], "resources": ["*"],
        }])
        aws.iam.Policy("admin", policy=doc.json)
        """,
    )
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True)
    policy = inv.by_address()["aws_iam_policy.admin"]
    assert json.loads(policy.attrs["policy"])["Statement"][0]["Action"] == "*"
    result = run_scan(ScanOptions(paths=(str(program),), base_dir=tmp_path, run_pulumi_programs=True))
    failed = {f.rule_id for f in result.findings if f.status is Status.FAIL}
    assert any(rule.startswith("AWS-IAM") for rule in failed), failed
    assert Unknown is not None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("raise ValueError('the program gave up')\n", "ValueError: the program gave up"),
        ("import a_module_nobody_installed\n", "No module named 'a_module_nobody_installed'"),
    ],
)
def test_a_failing_program_is_a_notification_and_the_rest_is_scanned(
    tmp_path: Path, body: str, expected: str
) -> None:
    program = write_program(tmp_path / "prog", body)
    tf = tmp_path / "tf"
    tf.mkdir()
    (tf / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n')
    result = run_scan(ScanOptions(paths=(str(program), str(tf)), base_dir=tmp_path, run_pulumi_programs=True))
    [note] = [n for n in result.notifications if n.level == "error"]
    assert expected in note.message and note.message.startswith("prog: Pulumi program (stack dev) failed")
    assert any(f.resource_address == "aws_s3_bucket.b" for f in result.findings)


@pytest.mark.slow
def test_timeout(tmp_path: Path) -> None:
    program = write_program(tmp_path / "prog", "import time\ntime.sleep(60)\n")
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True, timeout=3)
    [note] = inv.notifications
    assert "timed out after 3 s" in note.message and not inv.resources


def test_network_is_refused_inside_the_program(tmp_path: Path) -> None:
    program = write_program(
        tmp_path / "prog",
        """
        import socket
        import pulumi_aws as aws

        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
            outcome = "connected"
        except OSError as exc:
            outcome = "refused" if "network access is disabled" in str(exc) else "other"
        aws.s3.BucketV2("probe", bucket=outcome)
        """,
    )
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True)
    assert inv.by_address()["aws_s3_bucket.probe"].attrs["bucket"] == "refused"


def test_stack_choice_and_project_defaults(tmp_path: Path) -> None:
    program = write_program(
        tmp_path / "prog",
        """
        import pulumi
        import pulumi_aws as aws

        cfg = pulumi.Config()
        aws.s3.BucketV2("b", bucket=f"{cfg.require('env')}-{cfg.get('suffix')}")
        """,
        stack="prod",
        config="  demo:env: production\n",
    )
    (program / "Pulumi.yaml").write_text(
        "name: demo\nruntime: python\nconfig:\n  suffix:\n    type: string\n    default: logs\n"
    )
    (program / "Pulumi.staging.yaml").write_text("config:\n  demo:env: staging\n")
    chosen = load_pulumi_program(program, base_dir=tmp_path, run=True, stack="prod")
    assert chosen.by_address()["aws_s3_bucket.b"].attrs["bucket"] == "production-logs"
    assert "pulumi-stack:demo/prod" in chosen.inputs


@pytest.mark.parametrize(
    "option", ["main: ../elsewhere", "runtime:\n  name: python\n  options:\n    virtualenv: /usr"]
)
def test_paths_outside_the_project_are_refused(tmp_path: Path, option: str) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "__main__.py").write_text("raise SystemExit('must not run')\n")
    program = write_program(tmp_path / "prog", "")
    (program / "Pulumi.yaml").write_text(
        f"name: demo\n{option}\n" + ("runtime: python\n" if "main" in option else "")
    )
    inv = load_pulumi_program(program, base_dir=tmp_path, run=True)
    [note] = inv.notifications
    assert note.level == "error" and "lies outside the project folder" in note.message


def test_other_runtimes_are_not_run(tmp_path: Path) -> None:
    folder = tmp_path / "ts"
    folder.mkdir()
    (folder / "Pulumi.yaml").write_text("name: ts\nruntime: nodejs\n")
    inv = load_pulumi_program(folder, base_dir=tmp_path, run=True)
    [note] = inv.notifications
    assert "'nodejs' is not run" in note.message


def test_cli_flag_and_config_key(tmp_path: Path) -> None:
    program = write_program(tmp_path / "prog", 'import pulumi_aws as aws\naws.s3.BucketV2("b", bucket="b")\n')
    without = iacscan("scan", str(program), "-f", "json", "--soft-fail", cwd=tmp_path)
    assert '"aws_s3_bucket.b"' not in without.stdout and "--run-pulumi-programs" in without.stdout
    (tmp_path / ".iacscan.yaml").write_text("run_pulumi_programs: true\n")
    (tmp_path / ".git").mkdir()
    with_config = iacscan("scan", str(program), "-f", "json", "--soft-fail", cwd=tmp_path)
    assert with_config.returncode == 0, with_config.stderr
    assert '"aws_s3_bucket.b"' in with_config.stdout
