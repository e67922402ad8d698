"""IAM documents with references in them: the text is unknown, the statements are still analysed."""

from __future__ import annotations

from collections.abc import Callable

from scanner.model import Inventory, PartialDocument, Status, Unknown
from scanner.policy import iam
from scanner.policy.engine import evaluate_inventory
from scanner.policy.loader import PolicySet, builtin_policy_root, load_policies


def test_jsonencode_with_a_reference_keeps_its_known_parts(load: Callable[..., Inventory]) -> None:
    res = load("partial_documents").by_address()
    policy = res["aws_iam_policy.admin"].attrs["policy"]
    assert isinstance(policy, PartialDocument)
    statements = iam.statements(policy)
    assert statements[0]["Action"] == ["*"] and statements[0]["Resource"] == ["*"]
    assert statements[1]["Resource"] is Unknown


def test_policy_document_with_a_reference_is_partial(load: Callable[..., Inventory]) -> None:
    res = load("partial_documents").by_address()
    doc = res["data.aws_iam_policy_document.d"].attrs["json"]
    assert isinstance(doc, PartialDocument)
    [statement] = iam.statements(doc)
    assert statement["Action"] == ["*"]
    assert statement["Resource"] == ["*", Unknown]
    assert isinstance(res["aws_iam_policy.from_doc"].attrs["policy"], PartialDocument)


def test_admin_grants_fail_even_beside_unknown_values(load: Callable[..., Inventory]) -> None:
    [star] = [p for p in load_policies([builtin_policy_root()]) if p.id == "AWS-IAM-001"]
    findings = evaluate_inventory(load("partial_documents"), PolicySet.of([star]))
    status = {f.resource_address: f.status for f in findings}
    assert status == {
        "aws_iam_policy.admin": Status.FAIL,
        "aws_iam_policy.from_doc": Status.FAIL,
        "aws_iam_policy.scoped": Status.PASS,
    }
