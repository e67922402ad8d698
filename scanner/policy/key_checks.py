"""``{fn: customer_managed_key, args: {attr: kms_key_id}}``: the attribute names a customer managed KMS key.

A leaf can't say this: a key written as a reference (``aws_kms_key.app.arn``) is unknown until apply but
is certainly a customer managed key, while a literal AWS managed key (``alias/aws/s3``, or its ARN) is
known and is not. So: absent or empty fails, a literal ``alias/aws/...`` fails, anything else (a key id
or ARN, a customer alias, a reference) passes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from scanner.model import Resource, Sensitive, Unknown
from scanner.policy.evaluator import EvalScope, Outcome, register_function
from scanner.policy.paths import resolve

_AWS_MANAGED = re.compile(r"(^|:)alias/aws/")


def check_customer_managed_key(resource: Resource, args: Mapping[str, Any], scope: EvalScope) -> Outcome:
    attr = str(args.get("attr", "kms_key_id"))
    results: list[Outcome] = []
    for path, value in resolve(resource.attrs, attr):
        witness = [(resource.address, path)]
        if value is Unknown or value is Sensitive:
            results.append(Outcome(True, witness))  # a reference to a key resource or a variable
        elif not isinstance(value, str) or not value.strip():
            results.append(Outcome(False, witness, ["no customer managed key is named"]))
        elif _AWS_MANAGED.search(value.strip()):
            results.append(Outcome(False, witness, [f"{path} names an AWS managed key"]))
        else:
            results.append(Outcome(True, witness))
    failed = [o for o in results if o.value is False]
    if failed or not results:
        return failed[0] if failed else Outcome(False, [(resource.address, attr)])
    return Outcome(True, [w for o in results for w in o.witnesses])


def register() -> None:
    """Add the check function (called once by the policy loader's setup)."""
    register_function("customer_managed_key", check_customer_managed_key)
