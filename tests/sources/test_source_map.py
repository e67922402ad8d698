from __future__ import annotations

from pathlib import Path

from scanner.model import InlineSuppression, Inventory, Mode, Origin, Resource, SourceRef
from scanner.sources.source_map import attach_sources
from scanner.sources.terraform_plan import load_plan
from scanner.sources.terraform_state import load_state


def _hcl(address: str, rtype: str, line: int, **extra: object) -> Resource:
    return Resource(
        address=address,
        type=rtype,
        attrs={},
        origin=Origin.HCL,
        source=SourceRef("main.tf", line, line + 5),
        attr_sources={"tags": SourceRef("main.tf", line + 2, line + 2)},
        **extra,  # type: ignore[arg-type]
    )


def _state(address: str, rtype: str) -> Resource:
    return Resource(
        address=address, type=rtype, attrs={}, origin=Origin.STATE, source=SourceRef("s.tfstate", 9, 20)
    )


def test_exact_then_unexpanded_matches() -> None:
    hcl = Inventory(
        (
            _hcl("aws_s3_bucket.b", "aws_s3_bucket", 1),
            _hcl('module.net["a"].aws_subnet.x[0]', "aws_subnet", 10),
            _hcl("module.net.aws_subnet.x", "aws_subnet", 30),
            _hcl("module.app.aws_vpc.v", "aws_vpc", 50),
            _hcl("module.m", "module", 70, mode=Mode.MODULE),
        )
    )
    state = Inventory(
        (
            _state("aws_s3_bucket.b[0]", "aws_s3_bucket"),
            _state('aws_s3_bucket.b["k"]', "aws_s3_bucket"),
            _state('module.net["a"].aws_subnet.x[0]', "aws_subnet"),
            _state('module.net["b"].aws_subnet.x[0]', "aws_subnet"),
            _state("module.app[2].aws_vpc.v", "aws_vpc"),
            _state("aws_s3_bucket.other", "aws_s3_bucket"),
            _state("module.app.aws_vpc.v", "aws_instance"),  # same address, other type: no match
        ),
        inputs=("s.tfstate",),
    )
    out = attach_sources(state, hcl)
    lines = [(r.address, r.source.path, r.source.start_line) for r in out.resources]  # type: ignore[union-attr]
    assert lines == [
        ("aws_s3_bucket.b[0]", "main.tf", 1),
        ('aws_s3_bucket.b["k"]', "main.tf", 1),
        ('module.net["a"].aws_subnet.x[0]', "main.tf", 10),
        ('module.net["b"].aws_subnet.x[0]', "main.tf", 30),
        ("module.app[2].aws_vpc.v", "main.tf", 50),
        ("aws_s3_bucket.other", "s.tfstate", 9),
        ("module.app.aws_vpc.v", "s.tfstate", 9),
    ]
    assert out.resources[0].attr_sources["tags"].start_line == 3
    assert out.resources[0].origin is Origin.STATE
    assert out.inputs == ("s.tfstate",)


def test_suppressions_are_carried() -> None:
    sup = InlineSuppression("AWS-S3-001", "logs bucket", 1)
    hcl = Inventory((_hcl("aws_s3_bucket.b", "aws_s3_bucket", 1, suppressions=(sup,)),))
    out = attach_sources(Inventory((_state("aws_s3_bucket.b", "aws_s3_bucket"),)), hcl)
    assert out.resources[0].suppressions == (sup,)


def test_webapp_state_and_plan_land_on_the_hcl_lines(repo: Path) -> None:
    from scanner.sources.terraform_hcl import load_terraform_dir

    stack = repo / "stacks/terraform/webapp"
    hcl = load_terraform_dir(stack, base_dir=repo)
    tf_lines = {
        p: (repo / p).read_text().splitlines() for p in {r.source.path for r in hcl.resources if r.source}
    }
    for inv in (
        load_state(stack / "terraform.tfstate", base_dir=repo),
        load_plan(stack / "plan.json", base_dir=repo),
    ):
        located = attach_sources(inv, hcl)
        assert len(located.resources) == len(inv.resources)
        for res in located.resources:
            assert res.source is not None and res.source.path.endswith(".tf"), res.address
            header = tf_lines[res.source.path][res.source.start_line - 1]
            kind = "data" if res.mode is Mode.DATA else "resource"
            assert header.startswith(f'{kind} "{res.type}" "{res.name}"'), (res.address, header)
        ssh = located.by_address()["aws_security_group_rule.app_ssh"]
        cidr = ssh.attr_sources["cidr_blocks"]
        assert "0.0.0.0/0" in tf_lines[cidr.path][cidr.start_line - 1]
