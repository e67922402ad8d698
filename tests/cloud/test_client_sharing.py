"""One boto3 session per factory and one client per (service, region), shared by the reader threads."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from scanner.cloud.aws import SessionFactory, read_live
from scanner.cloud.aws.catalog import GLOBAL, listings_for

REGIONS = ["us-east-1", "eu-west-1"]


@pytest.mark.slow
def test_a_live_read_builds_one_client_per_service_and_region(aws_endpoint: str) -> None:
    factory = SessionFactory(endpoint_url=aws_endpoint)
    live = read_live(None, REGIONS, factory, workers=8)
    assert not live.failed_types
    listings = listings_for(None)
    expected = {(x.service, REGIONS[0]) for x in listings} | {
        (x.service, region) for x in listings if x.scope != GLOBAL for region in REGIONS
    }
    # 8 list threads and 16 item threads, yet no client is built twice.
    assert factory.clients_made == len(expected)
    assert factory.session() is factory.session()


def test_threads_asking_at_once_get_the_same_client(aws_endpoint: str) -> None:
    factory = SessionFactory(endpoint_url=aws_endpoint)
    start = threading.Barrier(16)
    got: list[Any] = []
    lock = threading.Lock()

    def ask() -> None:
        start.wait()
        made = factory.client("sqs", "us-east-1")
        with lock:
            got.append(made)

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(c) for c in got}) == 1
    assert factory.clients_made == 1
    assert got[0].list_queues().get("QueueUrls", []) == []  # a working client of the real endpoint
    assert factory.client("sqs", "eu-west-1") is not got[0] and factory.clients_made == 2
