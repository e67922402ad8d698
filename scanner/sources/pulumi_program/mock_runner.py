"""Run a Pulumi Python program under the SDK's mocks and record what it would create.

This file runs in a CHILD process, with the program's own interpreter (its virtualenv when it has
one), so it imports nothing from iacscan: only the standard library and the ``pulumi`` SDK that the
program itself uses. It is started as ``python mock_runner.py PROGRAM_DIR MAIN OUT_JSON PROJECT STACK``.

- No Pulumi CLI, engine, backend or cloud: ``pulumi.runtime.set_mocks`` replaces the engine; the mock
  records each registration (type, name, parent, custom, inputs) and returns plausible outputs (the
  inputs, an id and an ARN made from them); provider functions (``get_caller_identity``,
  ``get_policy_document``...) get plausible answers.
- The line that constructed each resource is the first stack frame inside the program's folder.
- Network connections other than local sockets are refused (a guard, not a sandbox: the user opted in
  to run their program).
- Output values the program could not know stay marked unknown; secrets arrive as placeholders the
  parent process turns into ``Sensitive``.

The result is written as JSON to OUT_JSON; errors go to stderr, whose last line the parent reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import runpy
import socket
import sys
from typing import Any

UNKNOWN_MARK = {"__iacscan__": "unknown"}
ACCOUNT_ID = "123456789012"


def _refuse_network() -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def _allowed(sock: socket.socket) -> bool:
        return sock.family == getattr(socket, "AF_UNIX", -1)

    def connect(self: socket.socket, address: Any) -> None:
        if not _allowed(self):
            raise OSError("network access is disabled while iacscan runs a Pulumi program")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _allowed(self):
            raise OSError("network access is disabled while iacscan runs a Pulumi program")
        return real_connect_ex(self, address)

    def no_lookup(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("network access is disabled while iacscan runs a Pulumi program")

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = no_lookup
    socket.create_connection = no_lookup


def _plain(value: Any, depth: int = 0) -> Any:
    """A JSON-safe copy of a deserialised Pulumi property value."""
    import pulumi
    from pulumi.runtime import rpc

    if depth > 64:
        return UNKNOWN_MARK
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, str) and value == rpc.UNKNOWN:
            return UNKNOWN_MARK
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, pulumi.Resource):
        return {"__iacscan__": "resource", "urn_name": getattr(value, "_name", "")}
    if isinstance(value, pulumi.asset.FileAsset):
        return {"__iacscan__": "asset", "path": str(value.path)}
    if isinstance(value, (pulumi.asset.Asset, pulumi.asset.Archive)):
        return {"__iacscan__": "asset"}
    return UNKNOWN_MARK


def _module(token: str) -> str:
    """``aws:s3/bucketV2:BucketV2`` → ``s3``."""
    parts = token.split(":")
    return parts[1].split("/")[0] if len(parts) == 3 else ""


def _physical_id(token: str, name: str, inputs: dict[str, Any]) -> str:
    for key in ("bucket", "name", "functionName", "roleName", "clusterName", "tableName"):
        value = inputs.get(key)
        if (
            isinstance(value, str)
            and value
            and token.split(":")[-1].lower()
            in {
                "bucket",
                "bucketv2",
                "role",
                "function",
                "table",
                "cluster",
                "queue",
                "topic",
                "policy",
                "user",
                "group",
                "loggroup",
                "repository",
            }
        ):
            return value
    digest = hashlib.sha256(f"{token}::{name}".encode()).hexdigest()[:17]
    return f"{name}-{digest}"


def _policy_document(args: dict[str, Any]) -> dict[str, Any]:
    """``aws.iam.get_policy_document``: the JSON document the provider would render."""
    statements = []
    for raw in args.get("statements") or []:
        stmt: dict[str, Any] = {}
        if raw.get("sid"):
            stmt["Sid"] = raw["sid"]
        stmt["Effect"] = raw.get("effect") or "Allow"
        for key, out in (("actions", "Action"), ("notActions", "NotAction")):
            if raw.get(key):
                stmt[out] = raw[key][0] if len(raw[key]) == 1 else sorted(raw[key])
        for key, out in (("resources", "Resource"), ("notResources", "NotResource")):
            if raw.get(key):
                stmt[out] = raw[key][0] if len(raw[key]) == 1 else sorted(raw[key])
        for key, out in (("principals", "Principal"), ("notPrincipals", "NotPrincipal")):
            if raw.get(key):
                principal: dict[str, Any] = {}
                for p in raw[key]:
                    ids = p.get("identifiers") or []
                    if p.get("type") == "*" and ids == ["*"]:
                        principal = {"__star__": True}
                        break
                    principal.setdefault(p.get("type", "AWS"), []).extend(ids)
                stmt[out] = (
                    "*"
                    if principal.get("__star__")
                    else {k: v[0] if len(v) == 1 else sorted(v) for k, v in principal.items()}
                )
        if raw.get("conditions"):
            cond: dict[str, dict[str, Any]] = {}
            for c in raw["conditions"]:
                values = c.get("values") or []
                cond.setdefault(c.get("test", ""), {})[c.get("variable", "")] = (
                    values[0] if len(values) == 1 else values
                )
            stmt["Condition"] = cond
        statements.append(stmt)
    document = {"Version": args.get("version") or "2012-10-17", "Statement": statements}
    return {"json": json.dumps(document, indent=2), "minifiedJson": json.dumps(document), "id": "policy"}


def _call_result(token: str, args: dict[str, Any], region: str) -> dict[str, Any]:
    function = token.split(":")[-1]
    if function == "getCallerIdentity":
        return {
            "accountId": ACCOUNT_ID,
            "arn": f"arn:aws:iam::{ACCOUNT_ID}:user/iacscan",
            "userId": "AIDAIACSCANMOCKUSER",
            "id": ACCOUNT_ID,
        }
    if function == "getRegion":
        return {"name": region, "region": region, "id": region, "endpoint": f"ec2.{region}.amazonaws.com"}
    if function == "getPartition":
        return {"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws"}
    if function == "getAvailabilityZones":
        names = [f"{region}{z}" for z in "abc"]
        return {"names": names, "zoneIds": [f"use1-az{i}" for i in (1, 2, 3)], "id": region}
    if function == "getPolicyDocument":
        return _policy_document(args)
    if function == "getAmi":
        return {"id": "ami-0123456789abcdef0", "imageId": "ami-0123456789abcdef0", **args}
    return {**args, "id": f"{function}-mock"}


def main(argv: list[str]) -> int:
    program_dir, main_path, out_path, project, stack = argv[1:6]
    program_dir = os.path.realpath(program_dir)
    _refuse_network()

    import pulumi
    from pulumi.runtime import mocks
    from pulumi.runtime.stack import run_pulumi_func
    from pulumi.runtime.sync_await import _sync_await

    config = json.loads(os.environ.get("PULUMI_CONFIG") or "{}")
    region = str(config.get("aws:region") or "us-east-1")
    sites: dict[tuple[str, str, str], tuple[str, int]] = {}
    records: list[dict[str, Any]] = []
    venv_dirs = tuple(
        os.path.realpath(os.path.join(program_dir, d)) + os.sep
        for d in os.listdir(program_dir)
        if os.path.isfile(os.path.join(program_dir, d, "pyvenv.cfg"))
    )

    def user_site() -> tuple[str, int] | None:
        frame = sys._getframe(2)
        while frame is not None:
            filename = os.path.realpath(frame.f_code.co_filename)
            if filename.startswith(program_dir + os.sep) and not filename.startswith(venv_dirs):
                return os.path.relpath(filename, program_dir), frame.f_lineno
            frame = frame.f_back  # type: ignore[assignment]
        return None

    original_init = pulumi.Resource.__init__

    def traced_init(self: Any, t: str, name: str, *args: Any, **kwargs: Any) -> None:
        opts = kwargs.get("opts") if "opts" in kwargs else (args[2] if len(args) > 2 else None)
        parent = getattr(opts, "parent", None) if opts is not None else None
        site = user_site()
        if site is not None and isinstance(t, str) and isinstance(name, str):
            sites.setdefault((t, name, getattr(parent, "_name", "") or ""), site)
        original_init(self, t, name, *args, **kwargs)

    pulumi.Resource.__init__ = traced_init  # type: ignore[method-assign]

    class Recorder(mocks.Mocks):
        def new_resource(self, args: mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
            inputs = dict(args.inputs)
            if args.typ.startswith("pulumi:providers:"):
                return f"{args.name}-provider", inputs
            physical = _physical_id(args.typ, args.name, inputs)
            outputs: dict[str, Any] = {**inputs, "id": physical}
            module = _module(args.typ)
            if module and "arn" not in outputs:
                outputs["arn"] = f"arn:aws:{module}:{region}:{ACCOUNT_ID}:{physical}"
            return physical, outputs

        def call(self, args: mocks.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
            return _call_result(args.token, dict(args.args), region), []

    class Monitor(mocks.MockMonitor):  # type: ignore[misc]
        def RegisterResource(self, request: Any) -> Any:
            response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
            if request.type != "pulumi:pulumi:Stack":
                from pulumi.runtime import rpc

                inputs = rpc.deserialize_properties(request.object)
                parent_type = request.parent.split("::")[2].split("$")[-1] if request.parent else ""
                top = parent_type in ("", "pulumi:pulumi:Stack")
                parent_name = "" if top else request.parent.rsplit("::", 1)[-1]
                site = sites.get((request.type, request.name, parent_name))
                records.append(
                    {
                        "urn": response.urn,
                        "type": request.type,
                        "name": request.name,
                        "custom": bool(request.custom),
                        "parent": "" if top else request.parent,
                        "id": response.id,
                        "inputs": _plain(inputs),
                        "file": site[0] if site else "",
                        "line": site[1] if site else 0,
                    }
                )
            return response

    recorder = Recorder()
    mocks.set_mocks(recorder, project=project, stack=stack, preview=False, monitor=Monitor(recorder))
    sys.path.insert(0, program_dir)
    os.chdir(program_dir)

    def program() -> None:
        runpy.run_path(main_path, run_name="__main__")

    _sync_await(run_pulumi_func(program))
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump({"resources": records}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
