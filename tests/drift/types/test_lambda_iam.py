"""``aws_lambda_permission``, ``aws_iam_role_policy`` and ``aws_iam_instance_profile`` read live."""

from __future__ import annotations

import io
import json
import zipfile

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"], "Resource": "*"}],
}
FN_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:api-handler"
API_ARN = f"arn:aws:execute-api:{REGION}:{ACCOUNT}:abc123/*/*"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("index.py", "def handler(event, context):\n    return event\n")
    return buf.getvalue()


def _role(endpoint: str) -> str:
    iam = aws(endpoint, "iam")
    arn = str(iam.create_role(RoleName="api-role", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"])
    iam.put_role_policy(RoleName="api-role", PolicyName="table-access", PolicyDocument=json.dumps(POLICY))
    return arn


def _function(endpoint: str) -> None:
    aws(endpoint, "lambda").create_function(
        FunctionName="api-handler",
        Runtime="python3.12",
        Role=_role(endpoint),
        Handler="index.handler",
        Code={"ZipFile": _zip()},
    )
    aws(endpoint, "lambda").add_permission(
        FunctionName="api-handler",
        StatementId="AllowAPIGatewayInvoke",
        Action="lambda:InvokeFunction",
        Principal="apigateway.amazonaws.com",
        SourceArn=API_ARN,
    )


def _permission_state(function_name: str = "api-handler") -> tuple[str, str, dict[str, object]]:
    return (
        "aws_lambda_permission",
        "apigw",
        {
            "id": "AllowAPIGatewayInvoke",
            "action": "lambda:InvokeFunction",
            "event_source_token": None,
            "function_name": function_name,
            "function_url_auth_type": None,
            "principal": "apigateway.amazonaws.com",
            "principal_org_id": None,
            "qualifier": "",
            "source_account": None,
            "source_arn": API_ARN,
            "statement_id": "AllowAPIGatewayInvoke",
            "statement_id_prefix": "",
        },
    )


def test_lambda_permission_in_sync_then_changed(aws_endpoint: str) -> None:
    _function(aws_endpoint)
    inv = state(_permission_state(FN_ARN))  # function_name given as an ARN in the IaC
    in_sync(aws_endpoint, inv, "aws_lambda_permission")
    lam = aws(aws_endpoint, "lambda")
    lam.remove_permission(FunctionName="api-handler", StatementId="AllowAPIGatewayInvoke")
    lam.add_permission(
        FunctionName="api-handler",
        StatementId="AllowAPIGatewayInvoke",
        Action="lambda:InvokeFunction",
        Principal="apigateway.amazonaws.com",
        SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:other/*/*",
    )
    assert drift(aws_endpoint, inv, "aws_lambda_permission") == [
        ("DRIFT-CHANGED", "aws_lambda_permission.apigw", "source_arn")
    ]


def test_permission_of_a_deleted_function_is_deleted_not_a_read_failure(aws_endpoint: str) -> None:
    _function(aws_endpoint)
    aws(aws_endpoint, "lambda").create_function(
        FunctionName="no-policy",
        Runtime="python3.12",
        Role=f"arn:aws:iam::{ACCOUNT}:role/api-role",
        Handler="index.handler",
        Code={"ZipFile": _zip()},
    )
    inv = state(_permission_state())
    aws(aws_endpoint, "lambda").delete_function(FunctionName="api-handler")
    assert drift(aws_endpoint, inv, "aws_lambda_permission") == [
        ("DRIFT-DELETED", "aws_lambda_permission.apigw", "")
    ]


def _role_policy_state() -> tuple[str, str, dict[str, object]]:
    doc = json.dumps({"Statement": POLICY["Statement"], "Version": "2012-10-17"}, indent=2)
    return (
        "aws_iam_role_policy",
        "table",
        {
            "id": "api-role:table-access",
            "name": "table-access",
            "name_prefix": "",
            "policy": doc,
            "role": "api-role",
        },
    )


def test_iam_role_policy_in_sync_then_changed(aws_endpoint: str) -> None:
    _role(aws_endpoint)
    inv = state(_role_policy_state())
    in_sync(aws_endpoint, inv, "aws_iam_role_policy")
    changed = {**POLICY, "Statement": [{**POLICY["Statement"][0], "Action": "dynamodb:*"}]}
    aws(aws_endpoint, "iam").put_role_policy(
        RoleName="api-role", PolicyName="table-access", PolicyDocument=json.dumps(changed)
    )
    assert drift(aws_endpoint, inv, "aws_iam_role_policy") == [
        ("DRIFT-CHANGED", "aws_iam_role_policy.table", "policy")
    ]


def test_inline_policy_added_by_hand_is_unmanaged(aws_endpoint: str) -> None:
    _role(aws_endpoint)
    role = (
        "aws_iam_role",
        "api",
        {"id": "api-role", "name": "api-role", "assume_role_policy": json.dumps(TRUST)},
    )
    inv = state(role, _role_policy_state())
    aws(aws_endpoint, "iam").put_role_policy(
        RoleName="api-role", PolicyName="by-hand", PolicyDocument=json.dumps(POLICY)
    )
    assert drift(aws_endpoint, inv, "aws_iam_role", "aws_iam_role_policy") == [
        ("DRIFT-UNMANAGED", "aws_iam_role_policy.api-role:by-hand", "")
    ]


def test_iam_instance_profile_in_sync_then_changed(aws_endpoint: str) -> None:
    _role(aws_endpoint)
    iam = aws(aws_endpoint, "iam")
    profile = iam.create_instance_profile(InstanceProfileName="web", Path="/app/")["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName="web", RoleName="api-role")
    inv = state(
        (
            "aws_iam_instance_profile",
            "web",
            {
                "id": "web",
                "arn": profile["Arn"],
                "create_date": "2026-01-01T00:00:00Z",
                "name": "web",
                "name_prefix": "",
                "path": "/app/",
                "role": "api-role",
                "tags": {},
                "tags_all": {},
                "unique_id": profile["InstanceProfileId"],
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_iam_instance_profile")
    # The local endpoint cannot change a profile's role or tags: a profile made by hand instead.
    iam.create_instance_profile(InstanceProfileName="by-hand")
    assert drift(aws_endpoint, inv, "aws_iam_instance_profile") == [
        ("DRIFT-UNMANAGED", "aws_iam_instance_profile.by-hand", "")
    ]
