"""Pairing -f with -o: the rules, in-process (the CLI tests run the same through the real process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.commands.outputs import Target, plan_outputs
from scanner.errors import UsageError


def test_single_report_keeps_the_old_forms() -> None:
    assert plan_outputs((), (), "text").targets == (Target("text", None),)
    assert plan_outputs(("sarif",), (), "text").targets == (Target("sarif", None),)
    assert plan_outputs(("sarif",), (Path("a.sarif"),), "text").targets == (Target("sarif", Path("a.sarif")),)
    assert plan_outputs((), (Path("a.json"),), "json").targets == (Target("json", Path("a.json")),)
    assert plan_outputs("text", (), "sarif").targets == (Target("text", None),)  # a bare string works too


def test_pairs_in_order_with_dash_as_standard_output() -> None:
    plan = plan_outputs(("text", "sarif", "junitxml"), ("-", Path("r.sarif"), Path("r.xml")), "text")
    assert plan.targets == (
        Target("text", None),
        Target("sarif", Path("r.sarif")),
        Target("junitxml", Path("r.xml")),
    )
    assert plan.stdout_format == "text" and plan.formats == ("text", "sarif", "junitxml")
    files_only = plan_outputs(("sarif", "json"), (Path("a"), Path("b")), "text")
    assert files_only.stdout_format is None


@pytest.mark.parametrize(
    ("formats", "outputs", "message"),
    [
        (("text", "sarif"), (), "-f given 2 times needs 2 -o"),
        (("text", "sarif"), ("a",), "(got 1; -o - is standard output)"),
        (("sarif",), ("a", "b"), "-o given 2 times but -f once"),
        (("text", "json"), ("-", "-"), "only one report can go there"),
        (("json", "sarif"), ("same", "./same"), "-o same given more than once"),
    ],
)
def test_mismatches_are_usage_errors(
    formats: tuple[str, ...], outputs: tuple[str, ...], message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        plan_outputs(formats, tuple(Path(o) if o != "-" else o for o in outputs), "text")
    assert message in str(caught.value) and "\n" not in str(caught.value)
