"""Live read + drift benchmark against a local moto endpoint.

Creates N resources (default 1000) of several types in moto's server on 127.0.0.1, then reads them
all with ``read_live`` and compares them with themselves as IaC (zero drift expected). Prints wall
times and API calls per resource, per type: list calls (pages) and per-item calls (settings or tags
the list API does not return), the boto3 clients the read built, and every HTTP request it sent.

    python benchmarks/bench_drift.py [-n 1000] [--workers 8]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from scanner.cloud.aws import SessionFactory, read_live
from scanner.cloud.aws.local_endpoint import local_moto, use_dummy_credentials
from scanner.drift.engine import compute_drift
from scanner.model import Inventory, Origin

REGION = "us-east-1"
ASSUME = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
)
# Share of N per type.
MIX = {
    "aws_s3_bucket": 0.15,
    "aws_security_group": 0.15,
    "aws_iam_role": 0.15,
    "aws_iam_user": 0.10,
    "aws_sqs_queue": 0.10,
    "aws_cloudwatch_log_group": 0.10,
    "aws_sns_topic": 0.05,
    "aws_dynamodb_table": 0.05,
    "aws_ebs_volume": 0.10,
    "aws_subnet": 0.05,
}


class CountingFactory:
    """Wraps the read's client factory: counts the distinct boto3 clients it hands out and the HTTP
    requests they send (botocore's ``before-send`` event, so retries count too)."""

    def __init__(self, inner: SessionFactory) -> None:
        self.inner = inner
        self.clients: dict[int, Any] = {}
        self.requests = 0
        self._lock = threading.Lock()

    def client(self, service: str, region: str) -> Any:
        made = self.inner.client(service, region)
        with self._lock:
            if id(made) not in self.clients:
                self.clients[id(made)] = made
                made.meta.events.register("before-send", self._count)
        return made

    def _count(self, **_: Any) -> None:
        with self._lock:
            self.requests += 1


def creators(factory: SessionFactory, vpc_id: str) -> dict[str, Callable[[int], Any]]:
    def c(service: str) -> Any:
        return factory.client(service, REGION)

    return {
        "aws_s3_bucket": lambda i: c("s3").create_bucket(Bucket=f"bench-bucket-{i:05d}"),
        "aws_security_group": lambda i: c("ec2").create_security_group(
            GroupName=f"bench-sg-{i}", Description="bench", VpcId=vpc_id
        ),
        "aws_iam_role": lambda i: c("iam").create_role(
            RoleName=f"bench-role-{i}", AssumeRolePolicyDocument=ASSUME
        ),
        "aws_iam_user": lambda i: c("iam").create_user(UserName=f"bench-user-{i}"),
        "aws_sqs_queue": lambda i: c("sqs").create_queue(QueueName=f"bench-queue-{i}"),
        "aws_cloudwatch_log_group": lambda i: c("logs").create_log_group(logGroupName=f"/bench/{i}"),
        "aws_sns_topic": lambda i: c("sns").create_topic(Name=f"bench-topic-{i}"),
        "aws_dynamodb_table": lambda i: c("dynamodb").create_table(
            TableName=f"bench-table-{i}",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        ),
        "aws_ebs_volume": lambda i: c("ec2").create_volume(AvailabilityZone=f"{REGION}a", Size=1),
        "aws_subnet": lambda i: c("ec2").create_subnet(VpcId=vpc_id, CidrBlock=f"10.0.{i % 256}.0/24"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="resources to create (default 1000)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent listings (default 8)")
    args = parser.parse_args()
    use_dummy_credentials(REGION)
    with local_moto() as url:
        factory = SessionFactory(endpoint_url=url, region=REGION)
        vpc_id = factory.client("ec2", REGION).create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        make = creators(factory, vpc_id)
        plan = [(t, i) for t, share in MIX.items() for i in range(max(1, round(args.n * share)))]
        start = time.perf_counter()
        for tf_type, i in plan:  # one at a time: moto's server is not safe for concurrent writes
            make[tf_type](i)
        created = time.perf_counter() - start
        print(f"created {len(plan)} resources in {created:.1f} s (local moto at {url})")

        reader = CountingFactory(SessionFactory(endpoint_url=url, region=REGION))
        start = time.perf_counter()
        live = read_live(None, [REGION], reader, workers=args.workers)
        read = time.perf_counter() - start
        iac = Inventory(
            tuple(dataclasses.replace(r, origin=Origin.STATE) for r in live.inventory.resources),
            inputs=("bench",),
        )
        start = time.perf_counter()
        report = compute_drift(iac, live.inventory, checked_types=live.read_types)
        compared = time.perf_counter() - start
    total = len(live.inventory.resources)
    print(
        f"read_live: {read:.2f} s for {total} Terraform-shaped resources "
        f"({len(plan)} created + account defaults)"
    )
    print(f"compute_drift: {compared * 1000:.0f} ms, {len(report.findings)} findings (0 expected)")
    print(
        f"boto3 clients built by the read: {len(reader.clients)}; HTTP requests: {reader.requests} "
        f"({reader.requests / max(total, 1):.3f} per resource)"
    )
    print()
    print(f"{'type':<28} {'resources':>9} {'list':>6} {'list/res':>9} {'item':>6} {'item/res':>9}")
    list_total = item_total = listed = 0
    for tf_type, calls in live.api_calls.items():
        n = calls["resources"]
        per_list = f"{calls['list'] / n:.3f}" if n else "-"
        per_item = f"{calls['item'] / n:.2f}" if n else "-"
        print(f"{tf_type:<28} {n:>9} {calls['list']:>6} {per_list:>9} {calls['item']:>6} {per_item:>9}")
        list_total += calls["list"]
        item_total += calls["item"]
        listed += n
    print(
        f"{'total':<28} {listed:>9} {list_total:>6} {list_total / max(listed, 1):>9.3f} "
        f"{item_total:>6} {item_total / max(listed, 1):>9.2f}"
    )


if __name__ == "__main__":
    main()
