"""A seeded generator of hostile Terraform HCL, ``.tf.json``, tfvars and plan/state JSON.

Each case starts from a small valid seed and applies a few random mutations: byte flips, inserted
control and invalid UTF-8 bytes, cut and repeated spans, deep nesting, huge numbers and counts, bad
escapes, and reads of a canary file outside the repository (through ``file``, ``templatefile``,
module sources and symlinks). The same seed always gives the same case.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

HCL_SEEDS = (
    'resource "aws_s3_bucket" "fz" {\n  bucket = "fz-${var.env}"\n  tags = { Name = "x" }\n}\n',
    'variable "env" {\n  default = "dev"\n}\nlocals {\n  names = [for i in range(3) : "n${i}"]\n}\n',
    'resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n    to_port = 22\n'
    '    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    'resource "aws_sqs_queue" "q" {\n  count = 2\n  name = format("q-%d", count.index)\n}\n',
    'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Action = "*" }] })\n}\n',
    'module "m" {\n  source = "./mod"\n  name = "x"\n}\n',
    'output "o" {\n  value = { for k, v in { a = 1 } : k => v * 2 }\n}\n',
    'resource "aws_s3_bucket" "h" {\n  bucket = <<-EOT\n    heredoc ${upper("x")}\n  EOT\n}\n',
)

JSON_SEEDS = (
    {"resource": {"aws_s3_bucket": {"j": {"bucket": "from-json", "tags": {"a": "${var.env}"}}}}},
    {"locals": {"x": [1, 2, {"y": "z"}]}, "variable": {"env": {"default": "dev"}}},
)

PLAN_SEED = {
    "format_version": "1.2",
    "resource_changes": [
        {
            "address": "aws_s3_bucket.p",
            "mode": "managed",
            "type": "aws_s3_bucket",
            "name": "p",
            "change": {"actions": ["create"], "after": {"bucket": "p"}, "after_unknown": {}},
        }
    ],
    "planned_values": {"root_module": {"resources": []}},
}
STATE_SEED = {
    "version": 4,
    "terraform_version": "1.9.0",
    "lineage": "l",
    "resources": [
        {
            "mode": "managed",
            "type": "aws_s3_bucket",
            "name": "s",
            "instances": [{"attributes": {"bucket": "s", "acl": "private"}}],
        }
    ],
}

_NOISE = [
    b"\x00",
    b"\x1b[2J",
    b"\x07",
    b"\xff",
    b"\xc3(",
    b"\xe9",
    b"\r",
    b"\\",
    b'"',
    b"${",
    b"%{",
    b"}",
    b"]",
]
_SNIPPETS = [
    b"\n" + b"[" * 3000 + b"]" * 3000 + b"\n",
    b"\nlocals { big = " + b"9" * 5000 + b" }\n",
    b'\nlocals { e = "\\U00110000\\ud800" }\n',
    b'\nresource "aws_s3_bucket" "many" {\n  count = 1000000000\n}\n',
    b'\nlocals { f = formatlist("%99999999s", range(50)) }\n',
    b"\nlocals { j = " + b"jsonencode(" * 1200 + b"1" + b")" * 1200 + b" }\n",
    b'\nresource "aws_s3_bucket" "nest" {\n' + b"  a {\n" * 1500 + b"  }\n" * 1500 + b"}\n",
    b"\nlocals { n = [for a in range(1000) : [for b in range(1000) : a]] }\n",
]


@dataclass(frozen=True)
class Case:
    """Files to write into the scanned root (name → bytes) and extra JSON inputs (name → bytes)."""

    seed: int
    files: dict[str, bytes]
    inputs: dict[str, bytes]


def _canary_reads(canary_path: str) -> list[bytes]:
    return [
        f'\nresource "aws_s3_bucket" "leak" {{\n  bucket = file("{canary_path}")\n}}\n'.encode(),
        f'\nlocals {{ t = templatefile("{canary_path}", {{}}) }}\n'.encode()
        + b'output "t" { value = local.t }\n',
        b'\nresource "aws_s3_bucket" "leak2" {\n  bucket = file("../../outside/canary.txt")\n}\n',
        b'\nmodule "out" {\n  source = "../../outside"\n}\n',
        b'\nresource "aws_s3_bucket" "leak3" {\n  bucket = file("link/canary.txt")\n}\n',
    ]


def mutate(data: bytes, rng: random.Random, extra: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        at = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a byte
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:  # insert noise
            buf[at:at] = rng.choice(_NOISE)
        elif op == 2 and buf:  # cut a span
            del buf[at : at + rng.randint(1, 20)]
        elif op == 3 and buf:  # repeat a span
            end = min(len(buf), at + rng.randint(1, 40))
            buf[at:at] = buf[at:end] * rng.randint(2, 5)
        elif op == 4:  # a known-hostile snippet
            buf[at:at] = rng.choice(_SNIPPETS)
        elif op == 5 and extra:  # read the canary
            buf += rng.choice(extra)
        else:  # truncate
            del buf[at:]
    return bytes(buf)


def _json_mutation(doc: object, rng: random.Random) -> bytes:
    text = json.dumps(doc, indent=rng.choice([None, 2]))
    choice = rng.randrange(6)
    if choice == 0:
        return text.encode("utf-16")  # PowerShell's redirection: valid, must be read
    if choice == 1:
        return ("[" * 5000 + "]" * 5000).encode()
    if choice == 2:
        return text.replace('"create"', '["create"]').replace('"s"', '"\\ud800"').encode()
    if choice == 3:
        return text.replace('"l"', "9" * 4400).encode()
    return mutate(text.encode(), rng, [])


def generate(seed: int, canary_path: str) -> Case:
    rng = random.Random(seed)
    extra = _canary_reads(canary_path)
    kind = rng.randrange(4)
    files: dict[str, bytes] = {}
    inputs: dict[str, bytes] = {}
    if kind in (0, 1):
        base = "".join(rng.sample(HCL_SEEDS, rng.randint(1, 3))).encode()
        files["fuzz.tf"] = mutate(base, rng, extra)
    elif kind == 2:
        files["fuzz.tf.json"] = _json_mutation(rng.choice(JSON_SEEDS), rng)
        files["terraform.tfvars"] = mutate(b'env = "dev"\nlist = [1, 2]\n', rng, [])
    else:
        inputs["plan.json" if rng.random() < 0.5 else "state.json"] = _json_mutation(
            PLAN_SEED if rng.random() < 0.5 else STATE_SEED, rng
        )
    return Case(seed, files, inputs)
