"""`iacscan demo`: the whole tool on the example stack, with no AWS account and no network.

Starts moto's server on 127.0.0.1, creates the resources of ``stacks/terraform/webapp``'s state in
it, applies four drifts (a tag changed, a security group rule added, bucket versioning suspended, a
bucket created by hand), runs the static scan and drift detection, prints the report and stops the
server.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

import click

import scanner
from scanner.cloud.aws.local_endpoint import local_moto, use_dummy_credentials
from scanner.cloud.aws.seed import seed_inventory
from scanner.cloud.aws.session import SessionFactory
from scanner.commands.common import debug_option, format_option, handles_errors, output_option
from scanner.commands.drift import progress_display
from scanner.commands.outputs import emit_all, plan_outputs
from scanner.drift.rules import drift_rules
from scanner.drift.run import drift_run
from scanner.errors import UsageError
from scanner.model import Inventory, ScanResult
from scanner.scan import ScanOptions, run_scan
from scanner.sources.detect import LoadOptions, load_input

STACK = Path("stacks") / "terraform" / "webapp"
REGION = "us-east-1"
SHADOW_BUCKET = "webapp-staging-scratch"


def find_stack() -> tuple[Path, Path]:
    """The example stack and the folder report paths are relative to: the checkout the demo runs in
    (the current directory), else the copy shipped in the package (any install), else the checkout
    beside the package (running from a source tree)."""
    here = Path.cwd() / STACK
    if (here / "terraform.tfstate").is_file():
        return here, Path.cwd()
    shipped = Path(str(resources.files("scanner") / "_stacks"))
    if (shipped / STACK.relative_to("stacks") / "terraform.tfstate").is_file():
        return shipped / STACK.relative_to("stacks"), shipped
    checkout = Path(scanner.__file__).resolve().parent.parent
    if (checkout / STACK / "terraform.tfstate").is_file():
        return checkout / STACK, checkout
    raise UsageError(
        f"the example stack is missing from this installation ({shipped}); reinstall iacscan "
        "(pip install --force-reinstall 'iacscan[demo]')"
    )


def _by_address(inv: Inventory, address: str) -> str:
    res = inv.by_address().get(address)
    if res is None:
        raise UsageError(f"example state has no {address}")
    return str(res.attrs["id"])


def apply_drifts(factory: SessionFactory, inv: Inventory) -> list[str]:
    """Change the seeded account behind Terraform's back; returns what was done."""
    ec2, s3 = factory.client("ec2", REGION), factory.client("s3", REGION)
    instance = _by_address(inv, "aws_instance.app")
    ec2.create_tags(Resources=[instance], Tags=[{"Key": "Owner", "Value": "someone-else"}])
    db_sg = _by_address(inv, "aws_security_group.db")
    ec2.authorize_security_group_ingress(
        GroupId=db_sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    bucket = str(inv.by_address()["aws_s3_bucket.assets"].attrs["bucket"])
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    s3.create_bucket(Bucket=SHADOW_BUCKET)
    return [
        f"tag Owner of aws_instance.app ({instance}) changed to someone-else",
        f"rule tcp/5432 from 0.0.0.0/0 added to aws_security_group.db ({db_sg})",
        f"versioning of bucket {bucket} suspended",
        f"bucket {SHADOW_BUCKET} created outside Terraform",
    ]


def combine(scan: ScanResult, drift_findings: Any, notes: Any, summary: dict[str, Any]) -> ScanResult:
    return ScanResult(
        findings=scan.findings + tuple(drift_findings),
        rules=scan.rules + drift_rules(),
        notifications=scan.notifications + tuple(n for n in notes if n.level != "note"),
        inputs=scan.inputs,
        summary={**scan.summary, "drift": summary},
    )


@click.command("demo")
@format_option()
@output_option
@debug_option
@handles_errors
def command(fmt: tuple[str, ...], output: tuple[Path, ...], debug: bool) -> None:
    """Scan and drift-check the example stack against a local AWS endpoint (no account needed)."""
    plan = plan_outputs(fmt, output, "text")
    stack, root = find_stack()
    use_dummy_credentials(REGION)
    verbose = plan.stdout_format in ("text", None)

    def say(message: str) -> None:
        if verbose:
            click.echo(message, err=True)

    state = stack / "terraform.tfstate"
    options = LoadOptions(source_dir=stack, use_prior_state=True)
    iac = load_input(str(state), base_dir=root, options=options)
    with local_moto() as url:
        say(f"iacscan demo: example stack {stack}")
        say(f"iacscan demo: local AWS endpoint (moto) at {url}")
        factory = SessionFactory(endpoint_url=url, region=REGION, max_attempts=3)
        seeded = seed_inventory(iac, factory, REGION)
        say(f"iacscan demo: created {sum(seeded.created.values())} resources of {state.relative_to(root)}")
        for line in apply_drifts(factory, seeded.inventory):
            say(f"iacscan demo: drift: {line}")
        scan = run_scan(ScanOptions(paths=(str(stack),), base_dir=root))
        with progress_display(plan.stdout_format == "text" and sys.stderr.isatty()) as progress:
            run = drift_run(seeded.inventory, regions=[REGION], session_factory=factory, progress=progress)
    emit_all(combine(scan, run.findings, run.notifications, run.summary), plan)
